"""The one place where overlapping candidates are settled.

Overlap policy (``Resolver``)
-----------------------------
Candidates live in two layers that never compete with each other:

* the **named layer**: person, place, organization, date;
* the **topic layer**: key-phrase mentions (type ``keyphrase``), which may overlap names.

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

Before any of this, a named candidate whose score is below ``min_score`` (default
:data:`MIN_SCORE`; persons have calibrated scores, see ``extract/people/evidence.py``) is
rejected, so that it blocks nothing.

Person coreference (the ``link`` stage) is :class:`pipeline.extract.people.coref.Linker`.
"""

from __future__ import annotations

from ..document import Document, Entity
from .spans import MIN_SCORE, Spans

TYPE_PRIORITY = {"date": 0, "organization": 1, "person": 2, "place": 3, "keyphrase": 4}


def _layer(e: Entity) -> str:
    return "topic" if e.type == "keyphrase" else "named"


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

    def __init__(self, min_score: float = MIN_SCORE) -> None:
        self.min_score = min_score

    def __call__(self, doc: Document) -> Document:
        best: dict[tuple, Entity] = {}
        rejected: list[tuple[Entity, str]] = []
        for e in doc.candidates:
            if e.score < self.min_score and _layer(e) == "named" and not e.extra.get("suppress"):
                rejected.append((e, f"score {e.score} below {self.min_score}"))
                continue
            key = (e.type, e.start, e.end, bool(e.extra.get("suppress")))
            if key not in best or e.score > best[key].score:
                best[key] = e
        accepted: list[Entity] = []
        # accepted spans of a layer are disjoint: kept sorted, an overlap is found by bisection
        taken: dict[str, Spans] = {"named": Spans(), "topic": Spans()}
        for e in sorted(best.values(), key=_rank):
            spans = taken[_layer(e)]
            clash = spans.overlap(e.start, e.end)
            if clash:
                rejected.append((e, f"overlaps accepted span {clash}"))
                continue
            spans.add(e.start, e.end)
            if e.extra.get("suppress"):
                rejected.append((e, "blocker (reserves its span, never emitted)"))
                continue
            accepted.append(e)
        accepted.sort(key=lambda e: (e.start, e.end, e.type))
        doc.entities = accepted
        doc.rejected = rejected
        return doc

