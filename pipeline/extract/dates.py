"""Dates extraction (first version pending)."""

from __future__ import annotations

from ..document import Document


class DateExtractor:
    """Stage ``dates``."""

    name = "dates"

    def __call__(self, doc: Document) -> Document:
        return doc


class DatelineDetector:
    """Stage ``reference``: sets the reference date from the dateline when none was given."""

    name = "reference"

    def __call__(self, doc: Document) -> Document:
        return doc
