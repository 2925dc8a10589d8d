"""Shared fixtures: one default pipeline for the whole session."""

from __future__ import annotations

import pytest

from pipeline import build_default_pipeline


@pytest.fixture(scope="session")
def nlp():
    return build_default_pipeline()


def assert_offsets(doc) -> None:
    """Offset invariant: every entity's text is exactly its span of the original text."""
    for e in doc.entities:
        assert 0 <= e.start < e.end <= len(doc.text), e
        assert doc.text[e.start:e.end] == e.text, e


def mentions(nlp, text, kind, values=False):
    """The entities of one type in ``text`` (their surfaces, or (surface, value) pairs), after
    checking the offset invariant."""
    doc = nlp.process(text)
    assert_offsets(doc)
    return [(e.text, e.value) if values else e.text for e in doc.entities if e.type == kind]


def candidates(nlp, text, kind):
    """The surfaces of the candidates of one type that the extractors proposed for ``text``,
    before scores are thresholded and overlaps settled: what extent tests check."""
    doc = nlp.process(text)
    return [e.text for e in sorted(doc.candidates, key=lambda e: e.start) if e.type == kind]


def spoil_first_row(monkeypatch, module, rel: str, **changes) -> None:
    """Makes ``module.load_table`` return ``rel`` with its first row changed (for the tests of a
    loader's validation)."""
    real = module.load_table

    def fake(path, cols=()):
        rows = real(path, cols)
        if path == rel:
            rows = (dict(rows[0], **changes),) + tuple(rows[1:])
        return rows

    monkeypatch.setattr(module, "load_table", fake)
