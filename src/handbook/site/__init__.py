"""The generated site: the pages (Markdown for the engine), the programme page, the navigation, the
files beside them and the offline worker. Imports every layer below (`base` up to `printing`).
"""
