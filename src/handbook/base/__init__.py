"""The ground every layer stands on: problems and where they stand, YAML with positions, the fixed
vocabularies and text rules, the paths the site has, cache keys, which files are records. Imports nothing
of the handbook but other modules of `base`.
"""
