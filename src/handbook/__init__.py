"""Werkvorm handbook: load, check and render the records in werkvormen/.

This package never imports mkdocs; hooks/ adapts it to MkDocs.
"""

from .collection import Entry, Handbook, load
from .problems import Problem, RecordError

__all__ = ["Entry", "Handbook", "Problem", "RecordError", "load"]
