"""Topics extraction (first version pending)."""

from __future__ import annotations

from ..document import Document


class TopicExtractor:
    """Stage ``topics``."""

    name = "topics"

    def __call__(self, doc: Document) -> Document:
        return doc
