"""Werkvorm handbook: load, check and render the records in werkvormen/.

This package never imports the engine (MkDocs/ProperDocs) but for its YAML
loader, in `configuration.read`; hooks/ adapts it to the engine.

The modules live in layer subpackages, lowest first in `LAYERS`: a module
imports only from its own layer and the layers before it, never from one
after it, and never a name that another module merely re-exports
(tests/test_layers.py). The modules at the package root (`build`,
`configuration`, `export`, `cli`) stand above every layer.
"""

LAYERS = ("base", "trust", "records", "search", "editing", "printing", "site")
