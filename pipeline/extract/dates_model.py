"""The record of the date extractor: an :class:`Atom` is one parsed temporal expression on the
normalized view, before its value is resolved."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SKIP: Any = object()  # a parser's answer: "no date here, and skip the whole match"


@dataclass
class Atom:
    """A parsed temporal expression on the normalized view (``ns``, ``ne``)."""

    ns: int
    ne: int
    kind: str  # date | year | month | weekday | relday | period | offset | decade | century | season | year_part | holiday
    rule: str
    cal: str = "gregorian"
    y: int | None = None
    m: int | None = None
    d: int | None = None
    d2: int | None = None
    y2: int | None = None
    wd: int | None = None
    suf: int | None = None
    rel: int | None = None  # relative day offset
    unit: str = ""
    count: int = 0
    part: str = ""
    evidence: str = ""
    end: "Atom | None" = None  # second member of a range
    extra: dict[str, Any] = field(default_factory=dict)
    explicit_year: bool = False
