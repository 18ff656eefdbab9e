"""What the search index knows beyond the page text: other names, accent-free words, word parts.
Imports `base`, `trust` and `records`.
"""
