"""The pipeline: an ordered list of named stages, each a callable ``Document -> Document``.

Stages load their resources when they are constructed and do no I/O while running.

Default order::

    normalize -> tokenize -> reference -> dates -> organizations -> places -> people
              -> topics -> resolve -> link
"""

from __future__ import annotations

import datetime as dt
import gc
import time
from typing import Callable, Iterable, Protocol

from .cache import build_apart, gc_paused
from .document import Document
from .normalize import normalize_view


class Stage(Protocol):
    name: str

    def __call__(self, doc: Document) -> Document: ...


class FunctionStage:
    """Wraps a plain function as a named stage."""

    def __init__(self, name: str, fn: Callable[[Document], Document]):
        self.name = name
        self._fn = fn

    def __call__(self, doc: Document) -> Document:
        return self._fn(doc)

    def __repr__(self) -> str:
        return f"<stage {self.name}>"


def _normalize(doc: Document) -> Document:
    doc.view = normalize_view(doc.text)
    return doc


def _tokenize(doc: Document) -> Document:
    from .tokenize import tokenize

    return tokenize(doc)


class Pipeline:
    """Runs stages in order; rejects a stage that does not return a Document."""

    def __init__(self, stages: Iterable[Stage]):
        self.stages = list(stages)
        names = [s.name for s in self.stages]
        if len(set(names)) != len(names):
            raise ValueError(f"duplicate stage names: {names}")
        self.timings: dict[str, float] = {n: 0.0 for n in names}

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, doc: Document, timed: bool = False) -> Document:
        """Runs every stage over ``doc``; ``timed``: adds each stage's CPU time (this thread's) to
        :attr:`timings`."""
        for stage in self.stages:
            t0 = time.thread_time() if timed else 0.0
            out = stage(doc)
            if not isinstance(out, Document):
                raise TypeError(f"stage {stage.name!r} returned {type(out).__name__}, not Document")
            doc = out
            if timed:
                self.timings[stage.name] += time.thread_time() - t0
        doc.meta.pop("_tok_nstarts", None)
        return doc

    def process(self, text: str, doc_id: str = "doc", reference_date: dt.date | None = None,
                reference_source: str | None = None) -> Document:
        """Builds a Document from text and runs every stage over it."""
        doc = Document(id=doc_id, text=text, reference_date=reference_date,
                       reference_source=reference_source if reference_date else None)
        return self(doc)


#: garbage-collector thresholds of a process running the default pipeline (see default_pipeline)
GC_THRESHOLDS = (20_000, 20, 20)


def build_default_pipeline() -> Pipeline:
    """The standard pipeline with every extractor.

    The cyclic garbage collector is paused while the stages are built: they allocate hundreds of
    thousands of long-lived objects (lexicons, automata), which it would scan again and again for
    nothing. On a first run the cached tables are built in a child process (:func:`build_apart`)."""
    build_apart()
    with gc_paused():
        return Pipeline([make() for make in default_stage_factories()])


def default_stage_factories() -> list[Callable[[], Stage]]:
    """The constructors of the default stages, in order (importing the extractors)."""
    from .extract.dates import DateExtractor, DatelineDetector
    from .extract.organizations import OrganizationExtractor
    from .extract.people import PersonExtractor
    from .extract.places import PlaceExtractor
    from .extract.people.coref import Linker
    from .extract.resolve import Resolver
    from .extract.topics import TopicExtractor

    return [
        lambda: FunctionStage("normalize", _normalize),
        lambda: FunctionStage("tokenize", _tokenize),
        DatelineDetector,
        DateExtractor,
        OrganizationExtractor,
        PlaceExtractor,
        PersonExtractor,
        TopicExtractor,
        Resolver,
        Linker,
    ]


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """A process-wide default pipeline, built once.

    Once it is built, the objects alive in the process (the pipeline's lexicons and tables) are
    moved out of the garbage collector's reach (``gc.freeze()``), and the collector's thresholds
    are raised to :data:`GC_THRESHOLDS`: a document allocates tens of thousands of small objects
    (tokens, candidates) that reference counting frees, and the default thresholds (700, 10, 10)
    would run a collection every few hundred of them and a full one over every cached word type
    of the run."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = build_default_pipeline()
        gc.freeze()
        gc.set_threshold(*GC_THRESHOLDS)
    return _DEFAULT


def extract(text: str, doc_id: str = "doc", reference_date: dt.date | None = None) -> Document:
    """Convenience: runs the default pipeline over one text."""
    return default_pipeline().process(text, doc_id, reference_date, "input" if reference_date else None)
