"""What editors get besides the site: the proposal form's data, new records (`new`), the JSON
schema, advice, changed pages of a pull request, sources moved out of records. Imports the layers below
(`base`, `trust`, `records`, `search`).
"""
