"""The records: the model, reading one record file, the checks across records and of their links,
the loaded `Handbook`, and the text and view helpers every page and PDF shares. Imports `base` and `trust`.
"""
