"""People extraction (first version pending)."""

from __future__ import annotations

from ..document import Document


class PersonExtractor:
    """Stage ``people``."""

    name = "people"

    def __call__(self, doc: Document) -> Document:
        return doc
