"""HTML report: escaping, highlighting, right-to-left page, self-contained, atomic write."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from pipeline.report import entity_title, highlight, render_fragment, render_report, valid_spans, write_report


def _ent(text: str, surface: str, etype: str, value=None, rule="test.rule", nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return {"type": etype, "text": surface, "start": start, "end": start + len(surface), "value": value,
            "rule": rule, "score": 0.9, "evidence": ""}


def _doc(doc_id: str, text: str, entities: list[dict], topics=()) -> dict:
    return {"id": doc_id, "reference_date": None, "reference_source": None, "entities": entities,
            "topics": list(topics), "text": text}


class _Parser(HTMLParser):
    """Collects the visible text of <mark> elements and checks tags are balanced."""

    VOID = {"meta", "br", "hr", "img", "input", "link"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.marks: list[list] = []  # [class, title, text]
        self.open_marks: list[list] = []
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag not in self.VOID:
            self.stack.append(tag)
        if tag == "mark":
            m = [a.get("class"), a.get("title"), ""]
            self.marks.append(m)
            self.open_marks.append(m)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-3:])
        self.stack.pop()
        if tag == "mark":
            self.open_marks.pop()

    def handle_data(self, data):
        self.text.append(data)
        for m in self.open_marks:
            m[2] += data


def _parse(html: str) -> _Parser:
    p = _Parser()
    p.feed(html)
    p.close()
    assert not p.stack, p.stack
    return p


# --- escaping -----------------------------------------------------------------------------
DANGEROUS = [
    ("شركة <script>alert(1)</script> للتجارة", "<script>alert(1)</script>", "organization"),
    ("وقالت مؤسسة جونسون & جونسون إنها", "جونسون & جونسون", "organization"),
    ('كتب "أحمد" <b>عمر</b> مقالا', '"أحمد" <b>عمر</b>', "person"),
    ("اجتمع فريق A&amp;B في عمّان", "A&amp;B", "organization"),
]


@pytest.mark.parametrize("text, surface, etype", DANGEROUS)
def test_report_entity_text_displayed_literally(text, surface, etype, tmp_path):
    e = _ent(text, surface, etype, value=surface, rule=surface)
    out = write_report([_doc("d<1>&", text, [e])], tmp_path / "report.html")
    first = _parse(out.read_text(encoding="utf-8"))  # the corpus page: most mentioned, in context
    assert [m[2] for m in first.marks] == [surface] and "d<1>&" in "".join(first.text)
    assert not any(tag in ("script", "b") for tag, _ in first.tags)
    page = (tmp_path / "report" / "page-0001.html").read_text(encoding="utf-8")
    p = _parse(page)
    assert [m[2] for m in p.marks] == [surface]  # highlighted text reads exactly as the entity
    assert surface in p.marks[0][1]  # the tooltip too
    visible = "".join(p.text)
    assert visible.count(surface) >= 3  # article, table text, table value
    assert "<script" not in page.replace("&lt;script", "")  # no live script element
    assert not any(tag in ("script", "b") for tag, _ in p.tags)
    assert "d<1>&" in visible  # the document id is escaped too


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "a & b < c > d \"e\" 'f'", "نص عادي بلا كيانات"])
def test_report_plain_text_without_entities_escaped(text):
    p = _parse(highlight(text, []))
    assert "".join(p.text) == text and p.marks == []


# --- highlighting ---------------------------------------------------------------------------
TEXT = "زار الرئيس سمير القاضي مدينة طرابلس يوم الأحد 5 مايو 2024 لافتتاح معرض الكتاب."


def test_report_highlight_marks_each_entity_with_type_and_tooltip():
    ents = [_ent(TEXT, "سمير القاضي", "person", "سمير القاضي", "people.title"),
            _ent(TEXT, "طرابلس", "place", "طرابلس", "places.gazetteer"),
            _ent(TEXT, "يوم الأحد 5 مايو 2024", "date", "2024-05-05", "dates.full")]
    p = _parse(highlight(TEXT, ents))
    assert "".join(p.text) == TEXT  # the text is unchanged, only wrapped
    assert [(m[0], m[2]) for m in p.marks] == [("person", "سمير القاضي"), ("place", "طرابلس"),
                                               ("date", "يوم الأحد 5 مايو 2024")]
    assert p.marks[2][1] == "date · 2024-05-05 · dates.full"
    assert p.marks[0][1] == "person · سمير القاضي · people.title"


def test_report_highlight_nested_and_crossing_entities_stay_well_formed():
    inner = _ent(TEXT, "طرابلس", "place", "طرابلس")
    outer = _ent(TEXT, "مدينة طرابلس يوم", "keyphrase")  # a key phrase containing a place
    crossing = _ent(TEXT, "يوم الأحد 5", "date", "2024-05-05")  # crosses the key phrase
    p = _parse(highlight(TEXT, [crossing, inner, outer]))
    assert "".join(p.text) == TEXT
    by_class: dict[str, str] = {}
    for cls, _, txt in p.marks:
        by_class[cls] = by_class.get(cls, "") + txt
    assert by_class == {"keyphrase": "مدينة طرابلس يوم", "place": "طرابلس", "date": "يوم الأحد 5"}


@pytest.mark.parametrize("bad", [
    {"type": "place", "text": "طرابلس", "start": 0, "end": 6},            # text does not match the offsets
    {"type": "place", "text": None, "start": 70, "end": 500},              # past the end
    {"type": "place", "text": "x", "start": 5, "end": 5},                  # empty span
    {"type": "place", "text": "x", "start": "3", "end": 4},                # not an int
])
def test_report_mismatched_entities_are_not_highlighted(bad):
    good, rejected = valid_spans(TEXT, [bad])
    assert good == [] and rejected == [bad]
    p = _parse(highlight(TEXT, [bad]))
    assert p.marks == [] and "".join(p.text) == TEXT
    page = render_report([_doc("d", TEXT, [bad])])
    assert "لا تطابق" in page  # the page says some entities could not be highlighted


# --- the page -----------------------------------------------------------------------------------
def _no_network_no_script(page: str) -> None:
    assert re.search(r'<html dir="rtl" lang="ar">', page)
    assert '<meta charset="utf-8">' in page
    assert not re.search(r"(src|href)=\"(https?:)?//", page) and "@import" not in page and "url(" not in page
    assert "<script" not in page


def test_report_page_is_rtl_self_contained_with_legend_tables_and_counts(tmp_path):
    docs = [
        _doc("a1", TEXT, [_ent(TEXT, "سمير القاضي", "person", "سمير القاضي"),
                          _ent(TEXT, "طرابلس", "place", "طرابلس"),
                          _ent(TEXT, "يوم الأحد 5 مايو 2024", "date", "2024-05-05")],
             topics=[{"id": "medtop:01000000", "label": "arts, culture, entertainment and media",
                      "label_ar": "الفنون والثقافة", "score": 0.7, "evidence": {}}]),
        _doc("a2", "لا شيء هنا.", []),
    ]
    path = write_report(docs, tmp_path / "sub" / "report.html")
    page = (tmp_path / "sub" / "report" / "page-0001.html").read_text(encoding="utf-8")
    _no_network_no_script(page)
    _no_network_no_script(path.read_text(encoding="utf-8"))
    p = _parse(page)
    assert ("ul", {"class": "legend", "aria-label": "مفتاح الألوان"}) in p.tags
    legend = [a.get("class") for t, a in p.tags if t == "li" and a.get("class")]
    assert legend == ["person", "place", "organization", "date", "keyphrase"]
    # CSS-only switches: one checked box per type, a legend label for each, no script
    for t in legend:
        assert f'<input type="checkbox" id="show-{t}" class="toggle" checked hidden>' in page
        assert f'<label for="show-{t}"' in page and f"#show-{t}:not(:checked) ~ main mark.{t}" in page
    assert page.count("<table>") == 1 + 3  # summary + one table per type present in a1
    assert "الفنون والثقافة" in page
    visible = "".join(p.text)
    assert "الوثائق: 2 · الكيانات: 3" in visible
    # summary row of a1 (linked to its section): person, place, organization, date, topic, total
    row = re.search(r'<tr><td><a href="#doc-1"><bdi>a1</bdi></a></td>(.*?)</tr>', page).group(1)
    assert re.findall(r">(\d+)<", row) == ["1", "1", "0", "1", "0", "3"]
    assert 'id="doc-1"' in page and 'id="doc-2"' in page
    assert not list(tmp_path.joinpath("sub").rglob("*.part"))  # atomic write leaves no temp file


def test_report_fragment_for_notebooks_is_rtl():
    frag = render_fragment(_doc("a1", TEXT, [_ent(TEXT, "طرابلس", "place", "طرابلس")]))
    assert frag.startswith('<div dir="rtl" lang="ar"')
    assert _parse(frag).marks[0][2] == "طرابلس"


def test_report_document_without_text_still_lists_entities():
    d = _doc("x", TEXT, [_ent(TEXT, "طرابلس", "place", "طرابلس")])
    del d["text"]
    page = render_report([d])
    assert "النص الأصلي غير متوفر" in page and "<mark" not in page and "طرابلس" in page


def test_report_pages_hold_every_document_once_with_links_between_them(tmp_path):
    docs = [_doc(f"n{i}", TEXT, [_ent(TEXT, "طرابلس", "place", "طرابلس")]) for i in range(5)]
    write_report(docs, tmp_path / "report.html", per_page=2)
    pages = sorted((tmp_path / "report").iterdir())
    assert [p.name for p in pages] == ["page-0001.html", "page-0002.html", "page-0003.html"]
    html = [p.read_text(encoding="utf-8") for p in pages]
    assert [h.count('<section class="doc"') for h in html] == [2, 2, 1]
    assert [re.findall(r'id="doc-(\d+)"', h) for h in html] == [["1", "2"], ["3", "4"], ["5"]]
    assert 'href="page-0002.html"' in html[0] and 'href="page-0000.html"' not in html[0]
    assert 'href="page-0001.html"' in html[1] and 'href="page-0003.html"' in html[1]
    assert 'href="page-0004.html"' not in html[2] and all('href="../report.html"' in h for h in html)
    first = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert all(f'href="report/page-000{k}.html"' in first for k in (1, 2, 3))
    assert "الوثائق: 5 · الكيانات: 5" in first
    # a later report with fewer documents leaves no page of the earlier one behind
    write_report(docs[:1], tmp_path / "report.html", per_page=2)
    assert [p.name for p in (tmp_path / "report").iterdir()] == ["page-0001.html"]


# --- property: any set of spans gives well-formed markup that reads as the text ----------------
hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402

PROP_TEXT = "قال <المتحدث> & أضاف إن وفد \"الهلال\" وصل إلى أربيل أمس."


@st.composite
def _spans(draw):
    n = draw(st.integers(0, 8))
    out = []
    for _ in range(n):
        a = draw(st.integers(0, len(PROP_TEXT) - 1))
        b = draw(st.integers(a + 1, len(PROP_TEXT)))
        t = draw(st.sampled_from(["person", "place", "date", "keyphrase", "organization"]))
        out.append({"type": t, "text": PROP_TEXT[a:b], "start": a, "end": b, "value": PROP_TEXT[a:b], "rule": "r"})
    return out


@settings(max_examples=150, deadline=None)
@given(_spans())
def test_report_highlight_property_well_formed_and_lossless(ents):
    p = _parse(highlight(PROP_TEXT, ents))
    assert "".join(p.text) == PROP_TEXT
    # each entity's pieces (marks with its tooltip) cover exactly its characters
    covered: dict[tuple, str] = {}
    for cls, title, txt in p.marks:
        covered[(cls, title)] = covered.get((cls, title), "") + txt
    for e in ents:
        same = [x for x in ents if x["type"] == e["type"] and x["value"] == e["value"]]
        if len(same) == 1:  # identical duplicates share a tooltip: skip them
            assert covered[(e["type"], entity_title(e))] == e["text"]


def test_report_cli_html_flag_writes_escaped_rtl_report(tmp_path):
    from pipeline.cli import main

    src = tmp_path / "in.txt"
    src.write_text("<b>تجربة</b> & خبر قصير: وصل الوفد إلى بيروت أمس.", encoding="utf-8")
    rc = main(["run", str(src), "-o", str(tmp_path / "out"), "--html", "--quiet"])
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert rc == 0 and '<html dir="rtl" lang="ar">' in page
    assert "&lt;b&gt;تجربة&lt;/b&gt; &amp; خبر" in page and "<b>" not in page
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]  # no temp file left


def test_report_module_main_builds_report_of_existing_run(tmp_path, capsys):
    import json

    from pipeline.report import main

    text = "افتتح معرض دمشق الدولي أمس."
    run = tmp_path / "run"
    run.mkdir()
    ent = _ent(text, "دمشق", "place", "دمشق")
    doc = {k: v for k, v in _doc("z1", text, [ent]).items() if k != "text"}
    (run / "entities.json").write_text(json.dumps({"documents": [doc]}, ensure_ascii=False), encoding="utf-8")
    assert main([str(run), "-o", str(tmp_path / "tables.html")]) == 0  # no texts: tables only
    assert "<mark" not in (tmp_path / "report" / "page-0001.html").read_text(encoding="utf-8")
    (run / "documents.jsonl").write_text(json.dumps({"id": "z1", "text": text}, ensure_ascii=False) + "\n",
                                         encoding="utf-8")
    assert main([str(run)]) == 0  # the texts come from the run folder
    page = (run / "report" / "page-0001.html").read_text(encoding="utf-8")
    assert _parse(page).marks[0][2] == "دمشق" and "wrote" in capsys.readouterr().out


def test_report_diff_fragment_marks_error_classes():
    from pipeline.report import DIFF_STYLE, diff_fragment

    spans = [dict(_ent(TEXT, "سمير القاضي", "miss", "person: سمير القاضي", "missed")),
             dict(_ent(TEXT, "طرابلس", "match", "place: طرابلس / طرابلس", "r")),
             _ent(TEXT, TEXT[:3], "false_alarm")]
    frag = diff_fragment(TEXT, spans, caption="<d1>")
    p = _parse(frag)
    assert [(m[0], m[2]) for m in p.marks] == [("false_alarm", TEXT[:3]), ("miss", "سمير القاضي"), ("match", "طرابلس")]
    assert "&lt;d1&gt;" in frag and frag.startswith('<div dir="rtl"')
    assert all(f"mark.{k}" in frag for k in DIFF_STYLE)
