"""Schemas of the pipeline: Document, Token, Sentence, Entity, Topic.

Every offset is a half-open ``[start, end)`` index into ``Document.text``, the original
input, counted in Python code points. ``doc.text[e.start:e.end] == e.text`` holds for every
entity (checked by :meth:`Document.add_candidate` and by the tests).
"""

from __future__ import annotations

import bisect
import datetime as dt
import operator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .normalize import NormView

_TOKEN_START = operator.attrgetter("start")

ENTITY_TYPES = ("person", "place", "date", "keyphrase", "organization")


class Token(NamedTuple):
    """One token (word, number or punctuation mark); a named tuple, cheap to create.

    Attributes:
        i: index in ``Document.tokens``.
        start, end: original offsets.
        nstart, nend: offsets in the normalized view.
        norm: normalized form.
        kind: ``"word"``, ``"number"`` or ``"punct"``.
        sent: index of the sentence holding the token.
        space_before: True when white space precedes the token.
    """

    i: int
    start: int
    end: int
    nstart: int
    nend: int
    norm: str
    kind: str
    sent: int
    space_before: bool


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: original offsets and its token index range ``[tok_start, tok_end)``."""

    i: int
    start: int
    end: int
    tok_start: int
    tok_end: int


@dataclass(frozen=True)
class Entity:
    """An extracted mention, with its provenance.

    Attributes:
        type: one of :data:`ENTITY_TYPES`.
        text: exact surface, ``doc.text[start:end]``.
        start, end: original offsets, end-exclusive.
        value: canonical form (name without clitics or titles; ISO 8601 for dates); ``None``
            when it cannot be resolved (a relative date without a reference date).
        rule: id of the rule that produced it.
        score: confidence in ``[0, 1]``.
        evidence: the trigger, title, lexicon entry or context that supports it.
        extra: type-specific details (calendar, Hijri form, granularity, category, ...).
    """

    type: str
    text: str
    start: int
    end: int
    value: str | None
    rule: str
    score: float
    evidence: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.type not in ENTITY_TYPES:
            raise ValueError(f"unknown entity type {self.type!r}")
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"score {self.score} outside [0, 1]")

    def replace(self, **changes: Any) -> "Entity":
        """A copy with some fields changed."""
        data = {k: getattr(self, k) for k in ("type", "text", "start", "end", "value", "rule", "score", "evidence")}
        data["extra"] = dict(self.extra)
        data.update(changes)
        return Entity(**data)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "type": self.type,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "rule": self.rule,
            "score": round(self.score, 4),
            "evidence": self.evidence,
        }
        d.update(self.extra)
        return d


@dataclass(frozen=True)
class Topic:
    """A document-level topic category (IPTC Media Topics top level), with its narrower
    Media Topics (second level, or a well-known third level such as soccer) when the evidence
    for them is clear; a subtopic is a ``Topic`` too."""

    id: str
    label: str
    label_ar: str
    score: float
    evidence: dict[str, float] = field(default_factory=dict, compare=False, hash=False)
    subtopics: tuple["Topic", ...] = field(default=(), compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "id": self.id,
            "label": self.label,
            "label_ar": self.label_ar,
            "score": round(self.score, 4),
            "evidence": {k: round(v, 4) for k, v in self.evidence.items()},
        }
        if self.subtopics:
            d["subtopics"] = [t.to_dict() for t in self.subtopics]
        return d


@dataclass
class Document:
    """A document travelling through the stages.

    ``text`` is the input and is never modified. Stages fill the other fields.
    """

    id: str
    text: str
    reference_date: dt.date | None = None
    reference_source: str | None = None
    view: NormView | None = None
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    candidates: list[Entity] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    rejected: list[tuple[Entity, str]] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    # --- helpers used by the extractors -------------------------------------------------
    def span(self, start: int, end: int) -> str:
        return self.text[start:end]

    def token_at(self, offset: int) -> int:
        """The index of the token in which an offset of the original text falls (the last token
        starting at or before it; -1 before the first token)."""
        return bisect.bisect_right(self.tokens, offset, key=_TOKEN_START) - 1

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """The tokens (first, last; inclusive) from the one in which ``start`` falls to the last
        one that starts before ``end``: a span inside white space gets the token before it, so a
        caller that needs a true overlap tests it; ``last < first`` before the first token."""
        return max(0, self.token_at(start)), bisect.bisect_left(self.tokens, end, key=_TOKEN_START) - 1

    def make_entity(self, type: str, start: int, end: int, value: str | None, rule: str, score: float,
                    evidence: str = "", **extra: Any) -> Entity:
        """Builds an entity whose ``text`` is taken from the original text."""
        return Entity(type, self.text[start:end], start, end, value, rule, score, evidence, extra)

    def add_candidate(self, entity: Entity) -> None:
        if self.text[entity.start:entity.end] != entity.text:
            raise ValueError(f"entity text {entity.text!r} does not match the document at {entity.start}")
        self.candidates.append(entity)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "reference_date": self.reference_date.isoformat() if self.reference_date else None,
            "reference_source": self.reference_source,
            "entities": [e.to_dict() for e in self.entities],
            "topics": [t.to_dict() for t in self.topics],
        }
