"""Every data file under pipeline/resources loads and validates."""

from __future__ import annotations

import pytest

from pipeline.normalize import _charmap
from pipeline.resources import ResourceError, _validate, all_resource_files, load_json, load_table

FILES = all_resource_files()


def test_resources_exist():
    assert "charmaps/ar_norm.json" in FILES
    assert "lexicons/proclitics.tsv" in FILES


@pytest.mark.parametrize("rel", [f for f in FILES if f.endswith((".tsv", ".jsonl"))])
def test_resource_table_loads_with_unique_ids(rel):
    rows = load_table(rel)
    assert rows, f"{rel} is empty"
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("rel", [f for f in FILES if f.endswith(".json")])
def test_resource_json_loads(rel):
    assert load_json(rel) is not None


@pytest.mark.parametrize("rows, message", [
    ([{"id": "a"}, {"id": "a"}], "duplicate id"),
    ([{"form": "x"}], "lacks 'id'"),
    ([{"id": "a", "score": "1.5"}], "outside"),
    ([{"id": "a", "regex": "(unclosed"}], "does not compile"),
])
def test_resource_validation_rejects_bad_entries(rows, message):
    with pytest.raises(ResourceError, match=message):
        _validate("x.tsv", rows, ())


def test_charmap_deletes_every_diacritic_known_to_camel_tools_and_pyarabic():
    import pyarabic.araby as araby
    from camel_tools.utils.charsets import AR_DIAC_CHARSET

    table = _charmap()
    for ch in set(AR_DIAC_CHARSET) | set(araby.TASHKEEL) | {araby.TATWEEL}:
        assert table.get(ch) == "", f"U+{ord(ch):04X} is not deleted by the view"
