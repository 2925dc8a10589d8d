"""Property-based tests (hypothesis), derandomized so CI runs the same examples every time.

Example counts: 300 for the pipeline on arbitrary text, 300 on word salads of Arabic news
vocabulary, 150 for determinism, 1,000 for the normalizer's offset map, 300 for the
writers' round trips. The whole module runs in well under a minute.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import normalize, normalize_view
from pipeline.export import CSV_COLUMNS, CsvWriter, csv_safe, dumps
from pipeline.io import read_jsonl

PROFILE = dict(derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# an alphabet weighted towards what trips Arabic text processing
ODD_CHARS = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة"  # letters, hamza forms
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"  # diacritics, tatweel
    "٠١٢٣٤٥٦٧٨٩0123456789۴۵"  # digits
    "،؛؟.!:-/()«»\"' \n\t\r\u00a0"  # punctuation, white space
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202e\u2066\u2069\ufeff\x00"  # invisible controls
    "\ufe8d\ufe8e\ufe91\ufef5\ufefb\ufdf2"  # presentation forms, ligatures
    "aZé"
)
odd_text = st.text(alphabet=ODD_CHARS, max_size=160)
any_text = st.text(max_size=80)

VOCAB = [
    "الرئيس", "وزير", "الخارجية", "قال", "أعلن", "محمد", "عبد", "الله", "بن", "أبو", "ماكرون", "بوتين",
    "القاهرة", "بالرياض", "لتونس", "دمشق", "في", "من", "إلى", "يوم", "الأحد", "أمس", "غدا", "مارس",
    "آذار", "جانفي", "رمضان", "شوال", "1445", "هـ", "2023", "12", "١٥", "م", "عام", "الماضي", "المقبل",
    "شركة", "جامعة", "وزارة", "الصحة", "الأمم", "المتحدة", "الاتحاد", "الأوروبي", "بنك", "نادي", "كأس",
    "الانتخابات", "البرلمان", "النفط", "المباراة", "الدكتور", "الشيخ", "السيد", "نحو", "بين", "و",
    "،", ".", "-", "/", ":", "(", ")", "«", "»", "\n",
]
salad = st.lists(st.sampled_from(VOCAB), max_size=40).map(" ".join)


def _check_doc(doc, text):
    assert doc.text == text
    for e in doc.entities:
        assert 0 <= e.start < e.end <= len(text), e
        assert text[e.start:e.end] == e.text, e
    for t in doc.tokens:
        assert 0 <= t.start <= t.end <= len(text)


@settings(max_examples=300, **PROFILE)
@given(st.one_of(odd_text, any_text))
def test_pipeline_never_raises_and_offsets_hold(nlp, text):
    _check_doc(nlp.process(text, "h"), text)


@settings(max_examples=300, **PROFILE)
@given(salad)
def test_pipeline_on_news_vocabulary(nlp, text):
    doc = nlp.process(text, "h")
    _check_doc(doc, text)
    json.dumps(doc.to_dict(), ensure_ascii=False)  # always serializable


@settings(max_examples=150, **PROFILE)
@given(st.one_of(salad, odd_text))
def test_pipeline_is_deterministic(nlp, text):
    a = nlp.process(text, "h").to_dict()
    b = nlp.process(text, "h").to_dict()
    assert dumps(a) == dumps(b)


@settings(max_examples=1000, **PROFILE)
@given(st.one_of(odd_text, any_text))
def test_normalized_view_offset_map_is_monotonic(text):
    view = normalize_view(text)
    if view.origin is None:
        assert len(view.text) == len(text)
        return
    assert len(view.origin) == len(view.ends) == len(view.text)
    prev_o, prev_e = -1, 0
    for o, e in zip(view.origin, view.ends):
        assert 0 <= o < e <= len(text)
        assert o >= prev_o and e >= prev_e  # monotonic
        prev_o, prev_e = o, e
    for s in range(len(view.text) + 1):
        a, b = view.to_original(s, min(len(view.text), s + 3))
        assert 0 <= a <= b <= len(text)


@settings(max_examples=1000, **PROFILE)
@given(st.one_of(odd_text, any_text))
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=300, **PROFILE)
@given(st.lists(st.text(max_size=30), min_size=len(CSV_COLUMNS), max_size=len(CSV_COLUMNS)))
def test_csv_cells_round_trip_or_are_neutralized(tmp_path_factory, cells):
    cells = [c.encode("utf-8", "replace").decode("utf-8", "replace").replace("\ufffd", "?") for c in cells]
    d = {"id": cells[0], "entities": [dict(zip(CSV_COLUMNS[1:], cells[1:]))]}
    path = Path(tmp_path_factory.mktemp("csv")) / "e.csv"
    w = CsvWriter(path)
    w.write(d)
    w.commit()
    with open(path, encoding="utf-8-sig", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    for col, cell in zip(CSV_COLUMNS, cells):
        got = row[col]
        if cell.startswith(("=", "+", "-", "@", "\t", "\r")):
            assert got == "'" + cell
        else:
            assert got == cell
        assert not got.startswith(("=", "+", "-", "@", "\t", "\r"))
        assert csv_safe(got) == got


@settings(max_examples=300, **PROFILE)
@given(st.text(max_size=60), st.text(min_size=1, max_size=20))
def test_jsonl_input_round_trips_text(text, doc_id):
    line = json.dumps({"id": doc_id, "text": text + "ب"})
    (item,) = list(read_jsonl(Path("t.jsonl"), lines=io.StringIO(line + "\n")))
    clean = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text + "ب")
    assert item.text == clean and len(item.text) == len(text) + 1
