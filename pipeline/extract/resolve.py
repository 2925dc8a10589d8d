"""The one place where overlapping candidates are settled, and person coreference.

Overlap policy (``Resolver``)
-----------------------------
Candidates live in two layers that never compete with each other:

* the **named layer**: person, place, organization, date;
* the **topic layer**: key-phrase mentions (type ``topic``), which may overlap names.

Within a layer, candidates are ranked and accepted greedily; a candidate that overlaps an
already accepted one is rejected (kept in ``doc.rejected`` with the reason, for debugging):

1. exact duplicates (same type and span) collapse to the highest score;
2. a candidate whose rule is marked *blocking* (``extra["blocks"] == True``, used by
   organization chains such as ``جامعة القاهرة`` and by non-entities such as money amounts)
   wins over what it contains, so a place inside an organization name is not a place;
3. otherwise the longer span wins, then the higher score, then the type priority
   (date > organization > person > place), then the earlier start.

Candidates of type-less "blockers" (``extra["suppress"] == True``) are never emitted: they
only reserve their span (e.g. a facility named after a person, ``ملعب محمد الخامس``).

Coreference (``Linker``)
------------------------
A person mention with two or more words is a *full name*. A later (or earlier) one-word
person mention equal to the first or last word of a full name gets that full name as
``value``; a one-word mention that fits several full names links to the nearest preceding
one. The linker also adds mentions of a full name's first or last word that no extractor
found (``وأشار ليو``) when the word is not already part of another entity and is not a
common word.
"""

from __future__ import annotations

from ..document import Document, Entity
from ..normalize import normalize
from ..tokenize import peels

TYPE_PRIORITY = {"date": 0, "organization": 1, "person": 2, "place": 3, "topic": 4}


def _layer(e: Entity) -> str:
    return "topic" if e.type == "topic" else "named"


def _rank(e: Entity) -> tuple:
    return (
        0 if e.extra.get("blocks") else 1,
        -(e.end - e.start),
        -e.score,
        TYPE_PRIORITY.get(e.type, 9),
        e.start,
    )


class Resolver:
    """Stage ``resolve``: applies the overlap policy to ``doc.candidates``."""

    name = "resolve"

    def __call__(self, doc: Document) -> Document:
        best: dict[tuple, Entity] = {}
        for e in doc.candidates:
            key = (e.type, e.start, e.end, bool(e.extra.get("suppress")))
            if key not in best or e.score > best[key].score:
                best[key] = e
        accepted: list[Entity] = []
        taken: dict[str, list[tuple[int, int]]] = {"named": [], "topic": []}
        rejected: list[tuple[Entity, str]] = []
        for e in sorted(best.values(), key=_rank):
            spans = taken[_layer(e)]
            clash = next(((s, t) for s, t in spans if s < e.end and e.start < t), None)
            if clash:
                rejected.append((e, f"overlaps accepted span {clash}"))
                continue
            spans.append((e.start, e.end))
            if e.extra.get("suppress"):
                rejected.append((e, "blocker (reserves its span, never emitted)"))
                continue
            accepted.append(e)
        accepted.sort(key=lambda e: (e.start, e.end, e.type))
        doc.entities = accepted
        doc.rejected = rejected
        return doc


class Linker:
    """Stage ``link``: person coreference (short mentions get the full name as value)."""

    name = "link"

    def __init__(self) -> None:
        from .common import common_words

        self._common = common_words()

    def __call__(self, doc: Document) -> Document:
        persons = [e for e in doc.entities if e.type == "person"]
        full = [e for e in persons if len((e.value or e.text).split()) >= 2]
        if not full:
            return doc
        # part -> list of (position, full value)
        parts: dict[str, list[tuple[int, str]]] = {}
        for e in full:
            words = (e.value or e.text).split()
            for w in (words[0], words[-1]):
                parts.setdefault(normalize(w), []).append((e.start, e.value or e.text))

        def lookup(key: str, pos: int) -> str | None:
            cands = parts.get(key)
            if not cands:
                return None
            values = {v for _, v in cands}
            if len(values) == 1:
                return next(iter(values))
            before = [c for c in cands if c[0] <= pos]
            return max(before)[1] if before else min(cands)[1]

        out: list[Entity] = []
        covered = [(e.start, e.end) for e in doc.entities]
        for e in doc.entities:
            if e.type == "person" and len((e.value or e.text).split()) == 1:
                v = lookup(normalize(e.value or e.text), e.start)
                if v:
                    e = e.replace(value=v, extra={**e.extra, "linked_to": v})
            out.append(e)
        # unlabelled mentions of a known name part
        for tok in doc.tokens:
            if tok.kind != "word":
                continue
            for p in peels(tok.norm):
                if p.key in parts and p.key not in self._common and (p.cut == 0 or p.clitic in ("و", "ف", "ل", "ب")):
                    s, _ = doc.view.to_original(tok.nstart + p.cut, tok.nend)
                    if any(a < tok.end and s < b for a, b in covered):
                        break
                    v = lookup(p.key, s)
                    if v:
                        ent = doc.make_entity("person", s, tok.end, v, "coref.name_part", 0.7, evidence=v, linked_to=v)
                        out.append(ent)
                        covered.append((s, tok.end))
                    break
        out.sort(key=lambda e: (e.start, e.end, e.type))
        doc.entities = out
        return doc
