"""Untrusted input made safe: the Markdown sanitiser, the check of the hand-written pages in docs/,
and the trust line (what a pull request may change without a maintainer). Imports `base` only.
"""
