"""Places extraction (first version pending)."""

from __future__ import annotations

from ..document import Document


class PlaceExtractor:
    """Stage ``places``."""

    name = "places"

    def __call__(self, doc: Document) -> Document:
        return doc
