"""The PDFs: the print HTML and its rendering with WeasyPrint, cached. Imports every layer below
(`base` up to `editing`).
"""
