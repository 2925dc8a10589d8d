"""Organizations extraction (first version pending)."""

from __future__ import annotations

from ..document import Document


class OrganizationExtractor:
    """Stage ``organizations``."""

    name = "organizations"

    def __call__(self, doc: Document) -> Document:
        return doc
