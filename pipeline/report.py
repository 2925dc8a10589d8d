"""HTML report: self-contained, right-to-left pages for analysts without Jupyter.

``report.html`` is the corpus page: counts per type, the most mentioned people, places and
organizations (documents, mentions, spellings), IPTC categories over time, the dates
mentioned by month, a co-occurrence network of people and places (documents in common;
networkx layout drawn as inline SVG) and, for each of the most mentioned entities, its
mentions with the sentence around them (keyword in context), linked to the documents. The
documents themselves are in numbered pages of :data:`DOCS_PER_PAGE` (``report/page-0001.html``,
...): each with its entities highlighted by type (hovering a highlight shows value and rule
through the ``title`` attribute), per-type tables and a legend whose items switch a type's
highlighting off and on. So the first page stays small whatever the corpus (measured by
``benchmarks/bench_report.py``).

No page loads anything from the network (inline CSS, no script) and every piece of text goes
through :func:`html.escape`, so an entity such as ``<script>`` or ``&`` is shown literally.

Highlights may overlap (key phrases of type ``keyphrase`` can contain names): the text is cut
at every entity boundary and nested ``<mark>`` elements are opened and closed as the set of
covering entities changes, so the markup stays well formed and an entity that crosses
another is drawn in two pieces with the same tooltip.

Everything is streamed (:class:`HtmlReportWriter`, one of a run's outputs): a page is written
when it is full, the corpus page at the end from the run's :class:`pipeline.corpus.CorpusIndex`
and a spool of the named mentions on disk, so memory does not grow with the corpus.
"""

from __future__ import annotations

import html
import json
import math
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Iterator

from .corpus import (NAMED_TYPES, CorpusIndex, IndexRow, canonical, categories_table, cooccurrence_graph,
                     graph_layout, iter_run, merge_key, month_range, sentence_around)
from .document import ENTITY_TYPES
from .export import PAGES_DIR, AtomicFile, FileWriter, write_all

#: Display order, Arabic caption and colour of each entity type.
TYPE_STYLE: dict[str, tuple[str, str]] = {
    "person": ("أشخاص", "#ffd6a5"),
    "place": ("أماكن", "#b9fbc0"),
    "organization": ("منظمات", "#a0c4ff"),
    "date": ("تواريخ", "#ffc6ff"),
    "keyphrase": ("عبارات مفتاحية", "#fdffb6"),
}
TYPE_NAME_EN = {"person": "person", "place": "place", "organization": "organization", "date": "date",
                "keyphrase": "key phrase"}

#: Classes of the error view (:func:`diff_fragment`): caption and style.
DIFF_STYLE: dict[str, tuple[str, str]] = {
    "match": ("صحيح", "background: #d4f5d4;"),
    "value_error": ("الموضع صحيح والقيمة خاطئة", "background: #ffe9b3;"),
    "miss": ("إغفال", "background: #ffd0d0; text-decoration: underline wavy #c00;"),
    "false_alarm": ("إنذار كاذب", "background: #e3e3ff; outline: 1px dashed #55a;"),
}

CSS = """
:root { --fg: #1d1d1f; --muted: #666; --line: #ddd; }
* { box-sizing: border-box; }
body { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Arial", "DejaVu Sans", sans-serif;
       color: var(--fg); margin: 0 auto; max-width: 1100px; padding: 1.5rem; line-height: 1.7; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
.meta { color: var(--muted); font-size: .9rem; }
.legend { display: flex; flex-wrap: wrap; gap: .5rem; margin: .8rem 0; padding: 0; list-style: none; }
.legend li { padding: .1rem .6rem; border-radius: .3rem; }
.article { white-space: pre-wrap; font-size: 1.15rem; line-height: 2.1; border: 1px solid var(--line);
           border-radius: .4rem; padding: 1rem 1.2rem; background: #fcfcfc; }
mark { border-radius: .25rem; padding: 0 .1rem; color: inherit; cursor: help; }
mark:hover { outline: 2px solid #555; }
mark mark { padding: 0; }
table { border-collapse: collapse; margin: .3rem 0 1rem; font-size: .95rem; }
th, td { border: 1px solid var(--line); padding: .2rem .6rem; text-align: start; vertical-align: top; }
th { background: #f3f3f3; }
td.num { font-variant-numeric: tabular-nums; direction: ltr; text-align: end; }
.topics span { display: inline-block; background: #eee; border-radius: 1rem; padding: 0 .6rem; margin: .1rem; }
.warn { color: #a00; }
"""
CSS += "".join(f"mark.{t}, .legend .{t}, th.{t} {{ background: {c}; }}\n" for t, (_, c) in TYPE_STYLE.items())
CSS += "".join(f"mark.{t}, .legend .{t} {{ {st} }}\n" for t, (_, st) in DIFF_STYLE.items())


def _e(value: Any) -> str:
    """HTML-escaped text of any value (``None`` -> empty)."""
    return html.escape("" if value is None else str(value), quote=True)


def _types_in_order(types: Iterable[str]) -> list[str]:
    known = [t for t in TYPE_STYLE if t in set(types)]
    return known + sorted(set(types) - set(TYPE_STYLE))


def entity_title(e: dict[str, Any]) -> str:
    """Tooltip of a highlight: ``type · value · rule`` (plain text, not escaped)."""
    value = e.get("value")
    return " · ".join([TYPE_NAME_EN.get(e.get("type"), str(e.get("type"))),
                       "—" if value in (None, "") else str(value), str(e.get("rule") or "")])


def valid_spans(text: str, entities: Iterable[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Splits entities into those whose span matches ``text`` and those that do not."""
    good, bad = [], []
    for e in entities:
        s, t = e.get("start"), e.get("end")
        ok = (isinstance(s, int) and isinstance(t, int) and 0 <= s < t <= len(text)
              and (e.get("text") is None or text[s:t] == e.get("text")))
        (good if ok else bad).append(e)
    return good, bad


def highlight(text: str, entities: Iterable[dict[str, Any]]) -> str:
    """``text`` as escaped HTML with every entity wrapped in ``<mark class="TYPE" title=...>``.

    Entities whose offsets do not match ``text`` are left out (see :func:`valid_spans`).
    """
    ents, _ = valid_spans(text, entities)
    # outer (earlier start, longer) entities first, so nested ones open inside them
    ents = sorted(ents, key=lambda e: (e["start"], -e["end"], str(e.get("type"))))
    cuts = sorted({0, len(text)} | {e["start"] for e in ents} | {e["end"] for e in ents})
    out: list[str] = []
    stack: list[int] = []  # indexes into ents of the open marks, outermost first
    active: list[int] = []  # entities covering the current segment, in ``ents`` order
    nxt = 0
    for a, b in zip(cuts, cuts[1:]):
        active = [i for i in active if ents[i]["end"] > a]
        while nxt < len(ents) and ents[nxt]["start"] <= a:
            active.append(nxt)
            nxt += 1
        cover = active
        keep = 0
        while keep < len(stack) and keep < len(cover) and stack[keep] == cover[keep]:
            keep += 1
        out.extend("</mark>" for _ in stack[keep:])
        for i in cover[keep:]:
            e = ents[i]
            out.append(f'<mark class="{_e(e.get("type"))}" title="{_e(entity_title(e))}">')
        stack = cover
        out.append(_e(text[a:b]))
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def legend_html(types: Iterable[str] = ENTITY_TYPES, toggles: bool = False) -> str:
    """The colour legend; with ``toggles`` each item is a label that switches the
    highlighting of its type on and off (see :func:`_toggle_inputs`, CSS only, no script)."""
    items = []
    for t in _types_in_order(types):
        caption = f"{_e(TYPE_STYLE.get(t, (t, ''))[0])} ({_e(TYPE_NAME_EN.get(t, t))})"
        if toggles:
            caption = f'<label for="show-{_e(t)}" title="إظهار/إخفاء التظليل">{caption}</label>'
        items.append(f'<li class="{_e(t)}">{caption}</li>')
    return f'<ul class="legend" aria-label="مفتاح الألوان">{"".join(items)}</ul>'


def _toggle_inputs(types: Iterable[str]) -> tuple[str, str]:
    """Hidden checkboxes (one per type, checked) and the CSS that un-highlights a type
    whose box is unchecked; they must precede ``header`` and ``main`` as siblings."""
    inputs, css = [], []
    for t in _types_in_order(types):
        if not t.replace("_", "").isalnum():
            continue
        inputs.append(f'<input type="checkbox" id="show-{t}" class="toggle" checked hidden>')
        css.append(f"#show-{t}:not(:checked) ~ main mark.{t} {{ background: transparent; outline: none; }}\n"
                   f"#show-{t}:not(:checked) ~ header .legend li.{t} {{ opacity: .45; text-decoration: line-through; }}\n")
    return "".join(inputs), ".legend label { cursor: pointer; }\n" + "".join(css)


def _table(rows: list[dict[str, Any]], etype: str) -> str:
    head = ("<tr>" + f'<th class="{_e(etype)}">النص</th><th>القيمة</th><th>القاعدة</th><th>الثقة</th>'
            "<th>الموضع</th><th>الدليل</th></tr>")
    body = []
    for e in sorted(rows, key=lambda e: (e.get("start") or 0)):
        body.append(
            "<tr>"
            f"<td><bdi>{_e(e.get('text'))}</bdi></td>"
            f"<td><bdi>{_e(e.get('value'))}</bdi></td>"
            f"<td><bdi>{_e(e.get('rule'))}</bdi></td>"
            f'<td class="num">{_e(e.get("score"))}</td>'
            f'<td class="num">{_e(e.get("start"))}–{_e(e.get("end"))}</td>'
            f"<td><bdi>{_e(e.get('evidence'))}</bdi></td>"
            "</tr>")
    return f"<table>{head}{''.join(body)}</table>"


def document_html(doc: dict[str, Any], anchor: str | None = None) -> str:
    """One document's section: metadata, topics, highlighted text and per-type tables."""
    text = doc.get("text")
    entities = list(doc.get("entities", []))
    sec_id = f' id="{_e(anchor)}"' if anchor else ""
    parts = [f'<section class="doc"{sec_id}>',
             f"<h2>الوثيقة <bdi>{_e(doc.get('id'))}</bdi></h2>"]
    ref = doc.get("reference_date")
    parts.append(f'<p class="meta">تاريخ المرجع: <bdi>{_e(ref) if ref else "—"}</bdi>'
                 + (f" (<bdi>{_e(doc.get('reference_source'))}</bdi>)" if doc.get("reference_source") else "")
                 + f" · عدد الكيانات: {len(entities)}</p>")
    topics = doc.get("topics") or []
    if topics:
        chips = "".join(f'<span title="{_e(t.get("id"))} · {_e(t.get("score"))}">'
                        f"{_e(t.get('label_ar') or t.get('label') or t.get('id'))}</span>" for t in topics)
        parts.append(f'<p class="topics">التصنيفات: {chips}</p>')
    if isinstance(text, str):
        _, bad = valid_spans(text, entities)
        parts.append(f'<div class="article" dir="rtl">{highlight(text, entities)}</div>')
        if bad:
            parts.append(f'<p class="warn">{len(bad)} كيانات لا تطابق مواضعها النص ولم تُظلَّل.</p>')
    else:
        parts.append('<p class="meta">النص الأصلي غير متوفر.</p>')
    by_type: dict[str, list[dict[str, Any]]] = {}
    for e in entities:
        by_type.setdefault(str(e.get("type")), []).append(e)
    for t in _types_in_order(by_type):
        parts.append(f"<h3>{_e(TYPE_STYLE.get(t, (t,))[0])} <span class=\"meta\">({len(by_type[t])})</span></h3>")
        parts.append(_table(by_type[t], t))
    parts.append("</section>")
    return "\n".join(parts)


def render_fragment(doc: dict[str, Any]) -> str:
    """A document as an HTML fragment with its own style, for ``IPython.display.HTML``."""
    return (f'<div dir="rtl" lang="ar" class="ane-report"><style>{CSS}</style>'
            f"{legend_html()}{document_html(doc)}</div>")


def diff_fragment(text: str, spans: Iterable[dict[str, Any]], caption: str | None = None) -> str:
    """One text with the spans of an error analysis highlighted (classes of
    :data:`DIFF_STYLE`, e.g. from :func:`pipeline.analysis.error_spans`), for notebooks."""
    legend = "".join(f'<li class="{t}">{_e(c)} ({t})</li>' for t, (c, _) in DIFF_STYLE.items())
    head = f"<h3>{_e(caption)}</h3>" if caption else ""
    return (f'<div dir="rtl" lang="ar" class="ane-report"><style>{CSS}</style>{head}'
            f'<ul class="legend">{legend}</ul><div class="article" dir="rtl">{highlight(text, spans)}</div></div>')



TITLE = "تقرير استخراج الكيانات"
#: Documents per page of ``report/``.
DOCS_PER_PAGE = 50
#: Most mentioned entities shown per type on the corpus page (each with its mentions in context).
TOP_N = 15
#: People and places (each) drawn in the co-occurrence network.
NETWORK_N = 15
#: Mentions in context shown per entity on the corpus page.
KWIC_PER_ENTITY = 6

_CSP = "default-src 'none'; style-src 'unsafe-inline'"
CORPUS_CSS = """
nav.pager { display: flex; gap: 1.2rem; margin: .6rem 0; }
.kwic { list-style: none; padding: 0; margin: .2rem 0 1rem; }
.kwic li { padding: .15rem 0; border-bottom: 1px dotted var(--line); }
.kwic .l, .kwic .r { color: var(--muted); }
svg text { font-family: inherit; }
figure { margin: .5rem 0 1rem; }
figcaption { color: var(--muted); font-size: .9rem; }
"""


def page_name(number: int) -> str:
    """File name of page ``number`` (1-based) in the report's folder."""
    return f"page-{number:04d}.html"


def _caption(t: str) -> str:
    return TYPE_STYLE.get(t, (t,))[0]


def _html_open(title: str, css: str, body_head: str = "") -> str:
    return f"""<!DOCTYPE html>
<html dir="rtl" lang="ar">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<title>{_e(title)}</title>
<style>{CSS}{CORPUS_CSS}{css}</style>
</head>
<body>
{body_head}"""


_HTML_CLOSE = "\n</body>\n</html>\n"


# --- document pages ----------------------------------------------------------------------------

def _page_counts_table(rows: list[tuple[Any, int, Counter]], types: list[str]) -> str:
    """Entity counts of each document of a page (linked to its section) and of the page."""
    head = "<tr><th>الوثيقة</th>" + "".join(f'<th class="{_e(t)}">{_e(_caption(t))}</th>' for t in types) \
        + "<th>المجموع</th></tr>"
    body = [f'<tr><td><a href="#doc-{num}"><bdi>{_e(doc_id)}</bdi></a></td>'
            + "".join(f'<td class="num">{c.get(t, 0)}</td>' for t in types) + f'<td class="num">{sum(c.values())}</td></tr>'
            for doc_id, num, c in rows]
    total: Counter = sum((c for _, _, c in rows), Counter())
    body.append("<tr><th>المجموع</th>" + "".join(f'<th class="num">{total.get(t, 0)}</th>' for t in types)
                + f'<th class="num">{sum(total.values())}</th></tr>')
    return f"<table>{head}{''.join(body)}</table>"


def _pager(number: int | None, has_next: bool, overview: str | None) -> str:
    links = [f'<a href="{_e(overview)}">الصفحة الأولى: نظرة عامة</a>'] if overview else []
    if number and number > 1:
        links.append(f'<a href="{page_name(number - 1)}">← الصفحة السابقة</a>')
    if number and has_next:
        links.append(f'<a href="{page_name(number + 1)}">الصفحة التالية →</a>')
    return f'<nav class="pager">{" ".join(links)}</nav>' if links else ""


def render_page(sections: list[str], rows: list[tuple[Any, int, Counter]], title: str = TITLE,
                number: int | None = None, has_next: bool = False, overview: str | None = None) -> str:
    """A page of documents: the legend with its switches, the counts of each document, the
    documents' sections (:func:`document_html`) and links to the pages around it."""
    types = _types_in_order(set(ENTITY_TYPES) | {t for _, _, c in rows for t in c})
    inputs, toggle_css = _toggle_inputs(types)
    n_ent = sum(sum(c.values()) for _, _, c in rows)
    where = f" — الصفحة {number}" if number else ""
    pager = _pager(number, has_next, overview)
    return (_html_open(title + where, toggle_css, inputs) + f"""
<header>
<h1>{_e(title)}{_e(where)}</h1>
{pager}
<p class="meta">الوثائق: {len(rows)} · الكيانات: {n_ent}</p>
{legend_html(types, toggles=True)}
<p class="meta">انقر على نوع في المفتاح لإخفاء تظليله أو إظهاره؛ مرّر المؤشر فوق كيان لرؤية قيمته والقاعدة.</p>
<h2>ملخص</h2>
{_page_counts_table(rows, types)}
</header>
<main>
""" + "\n".join(sections) + f"\n</main>\n<footer>{pager}</footer>" + _HTML_CLOSE)


def render_report(documents: Iterable[dict[str, Any]], title: str = TITLE) -> str:
    """One page holding every document given (a page of the report; for a few documents)."""
    sections, rows = [], []
    for num, d in enumerate(documents, 1):
        sections.append(document_html(d, anchor=f"doc-{num}"))
        rows.append((d.get("id"), num, Counter(str(e.get("type")) for e in d.get("entities", []))))
    return render_page(sections, rows, title)


# --- the corpus page ---------------------------------------------------------------------------

def _top_section(top: dict[str, list[IndexRow]]) -> str:
    parts = ['<section id="top"><h2>الأكثر ذكراً — most mentioned</h2>',
             '<p class="meta">عدد الوثائق التي تذكر الكيان، وعدد الإشارات إليه، وصيغه المكتوبة؛ انقر على كيان '
             "لرؤية إشاراته في سياقها.</p>"]
    for t, rows in top.items():
        parts.append(f"<h3>{_e(_caption(t))} ({_e(TYPE_NAME_EN.get(t, t))})</h3>")
        if not rows:
            parts.append('<p class="meta">لا شيء.</p>')
            continue
        body = "".join(f'<tr><td class="num">{i}</td><td><a href="#kwic-{_e(t)}-{i}"><bdi>{_e(r.value)}</bdi></a></td>'
                       f'<td class="num">{r.documents}</td><td class="num">{r.mentions}</td>'
                       f"<td><bdi>{_e(' | '.join(r.variants[:6]))}</bdi></td></tr>" for i, r in enumerate(rows, 1))
        parts.append(f'<table><tr><th>#</th><th class="{_e(t)}">القيمة</th><th>الوثائق</th><th>الإشارات</th>'
                     f"<th>الصيغ</th></tr>{body}</table>")
    parts.append("</section>")
    return "\n".join(parts)


def _categories_section(idx: CorpusIndex) -> str:
    columns, periods, rows = categories_table(idx.categories, idx.labels)
    head = '<section id="categories"><h2>التصنيفات عبر الزمن — categories over time</h2>'
    if not periods:
        return head + '<p class="meta">لا تصنيفات في هذا التشغيل.</p></section>'
    top = max((n for r in rows for n in r), default=1) or 1
    th = "".join(f'<th title="{_e(c)}"><bdi>{_e(label)}</bdi></th>' for c, label in columns)
    body = []
    for p, r in zip(periods, rows):
        cells = "".join(f'<td class="num" style="background: rgba(76,120,168,{0.08 + 0.6 * n / top:.2f})">{n}</td>'
                        if n else '<td class="num"></td>' for n in r)
        body.append(f'<tr><th><bdi>{_e(p or "بلا تاريخ")}</bdi></th>{cells}</tr>')
    return (head + '<p class="meta">عدد الوثائق حسب تاريخ المرجع وتصنيفها الأول (IPTC).</p>'
            f"<table><tr><th>الفترة</th>{th}</tr>{''.join(body)}</table></section>")


def _bars_svg(series: list[tuple[str, int]], width: int = 1000, height: int = 220) -> str:
    """A bar chart of ``(label, count)`` as inline SVG (left to right in time)."""
    n = len(series)
    top = max((c for _, c in series), default=1) or 1
    bw = min(40.0, (width - 60) / max(1, n))
    bars, labels = [], []
    step = max(1, math.ceil(n / 24))
    for i, (m, c) in enumerate(series):
        h = (height - 50) * c / top
        x = 40 + i * bw
        bars.append(f'<rect x="{x:.1f}" y="{height - 30 - h:.1f}" width="{max(1.0, bw - 1):.1f}" height="{h:.1f}" '
                    f'fill="#4c78a8"><title>{_e(m)}: {c}</title></rect>')
        if i % step == 0:
            labels.append(f'<text x="{x + bw / 2:.1f}" y="{height - 12}" font-size="10" text-anchor="middle">'
                          f"{_e(m)}</text>")
    axis = (f'<text x="34" y="24" font-size="10" text-anchor="end">{top}</text>'
            f'<line x1="38" y1="{height - 30}" x2="{width - 20}" y2="{height - 30}" stroke="#999"/>')
    return (f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" direction="ltr" '
            f'aria-label="histogram">{axis}{"".join(bars)}{"".join(labels)}</svg>')


def _months_section(idx: CorpusIndex) -> str:
    series, before, after = month_range(idx.months)
    head = '<section id="months"><h2>التواريخ المذكورة حسب الشهر — dates mentioned, by month</h2>'
    if not series:
        return head + '<p class="meta">لا تواريخ بيوم أو شهر في هذا التشغيل.</p></section>'
    note = (f"الإشارات إلى تاريخ بيوم أو شهر (أو مدة داخل شهر واحد)، مجمّعة حسب الشهر؛ "
            f"{sum(n for _, n in series)} إشارة")
    if before or after:
        note += f"، وخارج المدى المعروض {before} قبله و{after} بعده"
    return head + f'<figure>{_bars_svg(series)}<figcaption>{_e(note)}.</figcaption></figure></section>'


def _network_svg(graph, width: int = 1000, height: int = 640) -> str:
    pos = graph_layout(graph)
    if not pos:
        return ""
    def xy(n):
        return 60 + pos[n][0] * (width - 120), 40 + pos[n][1] * (height - 80)
    wmax = max((d["weight"] for _, _, d in graph.edges(data=True)), default=1)
    dmax = max((graph.nodes[n].get("documents", 1) for n in graph), default=1) or 1
    edges = []
    for a, b, d in graph.edges(data=True):
        (x1, y1), (x2, y2) = xy(a), xy(b)
        edges.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#777" '
                     f'stroke-opacity=".45" stroke-width="{0.6 + 4 * d["weight"] / wmax:.2f}"><title>'
                     f'{_e(graph.nodes[a]["label"])} — {_e(graph.nodes[b]["label"])}: {d["weight"]}</title></line>')
    nodes = []
    for n in graph:
        a = graph.nodes[n]
        x, y = xy(n)
        r = 5 + 12 * math.sqrt(a.get("documents", 1) / dmax)
        colour = TYPE_STYLE.get(a["type"], ("", "#ddd"))[1]
        nodes.append(f'<g><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}" stroke="#555"/>'
                     f'<text x="{x:.1f}" y="{y + r + 12:.1f}" font-size="12" text-anchor="middle">{_e(a["label"])}</text>'
                     f'<title>{_e(a["label"])}: {a.get("documents", 0)} وثيقة</title></g>')
    return (f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="co-occurrence network">'
            f'{"".join(edges)}{"".join(nodes)}</svg>')


def _network_section(graph) -> str:
    head = '<section id="network"><h2>شبكة الأشخاص والأماكن — co-occurrence network</h2>'
    if graph is None or not len(graph):
        return head + '<p class="meta">لا أشخاص ولا أماكن في هذا التشغيل.</p></section>'
    pairs = sorted(graph.edges(data=True), key=lambda e: (-e[2]["weight"], str(e[0]), str(e[1])))[:20]
    rows = "".join(f'<tr><td><bdi>{_e(graph.nodes[a]["label"])}</bdi></td><td><bdi>{_e(graph.nodes[b]["label"])}</bdi></td>'
                   f'<td class="num">{d["weight"]}</td></tr>' for a, b, d in pairs)
    caption = (f"الأشخاص والأماكن الأكثر ذكراً ({NETWORK_N} من كل نوع)؛ يصل خط بين كيانين ذُكرا في وثيقة واحدة "
               "على الأقل، وسُمكه بعدد الوثائق المشتركة؛ حجم الدائرة بعدد الوثائق.")
    table = (f"<table><tr><th>الكيان</th><th>الكيان</th><th>وثائق مشتركة</th></tr>{rows}</table>" if rows
             else '<p class="meta">لم يُذكر اثنان منها في وثيقة واحدة.</p>')
    return head + f"<figure>{_network_svg(graph)}<figcaption>{_e(caption)}</figcaption></figure>{table}</section>"


def _kwic_section(top: dict[str, list[IndexRow]], kwic: dict[tuple[str, str], list], pages: str) -> str:
    parts = ['<section id="kwic"><h2>الكيانات في سياقها — keyword in context</h2>']
    for t, rows in top.items():
        for i, r in enumerate(rows, 1):
            found = kwic.get((t, r.key), [])
            parts.append(f'<h3 id="kwic-{_e(t)}-{i}"><bdi>{_e(r.value)}</bdi> <span class="meta">({_e(_caption(t))}; '
                         f"{r.documents} وثيقة، {r.mentions} إشارة)</span></h3>")
            items = "".join(f'<li><a href="{pages}/{page_name(page)}#doc-{num}"><bdi>{_e(doc_id)}</bdi></a>: '
                            f'<span class="l">{_e(left)}</span> <mark class="{_e(t)}">{_e(mention)}</mark> '
                            f'<span class="r">{_e(right)}</span></li>' for num, page, doc_id, left, mention, right in found)
            more = r.documents - len({x[0] for x in found})
            tail = f'<p class="meta">و{more} وثيقة أخرى (entities.csv، والدفتر notebooks/03_corpus.ipynb).</p>' if more > 0 else ""
            parts.append(f'<ul class="kwic">{items}</ul>{tail}')
    parts.append("</section>")
    return "\n".join(parts)


def _pages_section(pages: list[tuple[int, int, Any, Any, int]], folder: str) -> str:
    rows = "".join(f'<tr><td><a href="{folder}/{page_name(k)}">الصفحة {k}</a></td><td class="num">{a}–{b}</td>'
                   f"<td><bdi>{_e(first)}</bdi> … <bdi>{_e(last)}</bdi></td><td class=\"num\">{n_ent}</td></tr>"
                   for k, (a, b, first, last, n_ent) in enumerate(pages, 1))
    return ('<section id="pages"><h2>الوثائق — documents</h2>'
            f'<p class="meta">{DOCS_PER_PAGE} وثيقة في كل صفحة؛ القائمة الكاملة في documents.csv.</p>'
            f"<table><tr><th>الصفحة</th><th>الوثائق</th><th>المعرّفات</th><th>الكيانات</th></tr>{rows}</table></section>")


def _counts_section(idx: CorpusIndex) -> str:
    distinct = idx.distinct()
    types = _types_in_order(set(ENTITY_TYPES) | set(idx.types))
    rows = "".join(f'<tr><th class="{_e(t)}">{_e(_caption(t))}</th><td class="num">{idx.types.get(t, 0)}</td>'
                   f'<td class="num">{distinct.get(t, 0)}</td></tr>' for t in types)
    return ('<section id="counts"><h2>ملخص — summary</h2>'
            f"<table><tr><th>النوع</th><th>الإشارات</th><th>كيانات مختلفة</th></tr>{rows}</table></section>")


def overview_html(idx: CorpusIndex, top: dict[str, list[IndexRow]], graph, kwic: dict, pages: list,
                  title: str = TITLE, folder: str = PAGES_DIR) -> str:
    """The corpus page (``report.html``)."""
    dates = f" · تواريخ المرجع: <bdi>{_e(idx.dates[0])}</bdi> – <bdi>{_e(idx.dates[1])}</bdi>" if idx.dates else ""
    toc = " · ".join(f'<a href="#{a}">{c}</a>' for a, c in (
        ("top", "الأكثر ذكراً"), ("categories", "التصنيفات"), ("months", "التواريخ"), ("network", "الشبكة"),
        ("kwic", "في السياق"), ("pages", "الوثائق")))
    body = [f"<header><h1>{_e(title)}</h1>",
            f'<p class="meta">الوثائق: {idx.documents} · الكيانات: {sum(idx.types.values())}{dates}</p>',
            legend_html(_types_in_order(set(ENTITY_TYPES) | set(idx.types))), f"<nav>{toc}</nav></header>", "<main>",
            _counts_section(idx), _top_section(top), _categories_section(idx), _months_section(idx),
            _network_section(graph), _kwic_section(top, kwic, folder), _pages_section(pages, folder), "</main>"]
    return _html_open(title, "") + "\n".join(body) + _HTML_CLOSE


class HtmlReportWriter(FileWriter):
    """``report.html`` (the corpus page) and its pages of documents, streamed.

    A page of :data:`DOCS_PER_PAGE` documents is written to its own atomic file as soon as the
    next document shows that another page follows (or at the end). The named mentions, with
    the sentence around them, are spooled to an unnamed temporary file; at :meth:`close` the
    corpus page is built from the index (the run's shared :class:`CorpusIndex`, or one of its
    own) and one pass over the spool. Memory does not grow with the corpus. One of the run's
    outputs (:class:`pipeline.outputs.OutputSet`); all its files join the run's commit.
    """

    wants_text = True

    def __init__(self, path: Path, index: CorpusIndex | None = None, per_page: int | None = None,
                 title: str = TITLE):
        self.file = AtomicFile(path)
        self.title = title
        self.per_page = per_page or DOCS_PER_PAGE
        self.folder = self.file.path.parent / PAGES_DIR
        self.own_index = index is None
        self.index = CorpusIndex(self.file.path.parent) if index is None else index
        self.pages: list[AtomicFile] = []
        self.page_info: list[tuple[int, int, Any, Any, int]] = []
        self.sections: list[str] = []
        self.rows: list[tuple[Any, int, Counter]] = []
        self.held: tuple[list[str], list] | None = None
        self.n = 0
        self.spool = tempfile.TemporaryFile("w+", encoding="utf-8", errors="backslashreplace",
                                            dir=self.file.path.parent)

    def files(self) -> list[AtomicFile]:
        return [*self.pages, self.file]

    def write(self, doc: dict[str, Any]) -> None:
        if self.own_index:
            self.index.add(doc)
        if self.held is not None:
            self._write_page(*self.held, has_next=True)
            self.held = None
        self.n += 1
        page = len(self.pages) + 1
        self.sections.append(document_html(doc, anchor=f"doc-{self.n}"))
        self.rows.append((doc.get("id"), self.n, Counter(str(e.get("type")) for e in doc.get("entities", []))))
        self._spool_mentions(doc, page)
        if len(self.rows) >= self.per_page:
            self.held, self.sections, self.rows = (self.sections, self.rows), [], []

    def _spool_mentions(self, doc: dict[str, Any], page: int) -> None:
        text = doc.get("text")
        for e in doc.get("entities", []):
            t = str(e.get("type"))
            if t not in NAMED_TYPES:
                continue
            left = mention = right = ""
            if isinstance(text, str) and valid_spans(text, [e])[0]:
                left, mention, right = sentence_around(text, e["start"], e["end"])
            rec = [t, merge_key(canonical(e)), self.n, page, doc.get("id"), left, mention or e.get("text"), right]
            self.spool.write(json.dumps(rec, ensure_ascii=False) + "\n")

    def _write_page(self, sections: list[str], rows: list, has_next: bool) -> None:
        number = len(self.pages) + 1
        self.folder.mkdir(exist_ok=True)
        f = AtomicFile(self.folder / page_name(number))
        self.pages.append(f)
        f.fh.write(render_page(sections, rows, self.title, number, has_next, overview="../" + self.file.path.name))
        f.finish()
        self.page_info.append((rows[0][1], rows[-1][1], rows[0][0], rows[-1][0],
                               sum(sum(c.values()) for _, _, c in rows)))

    def _scan_spool(self, wanted: set, nodes: dict, found: dict) -> Iterator[set]:
        """One pass over the spool: mentions in context of ``wanted`` entities into ``found``;
        yields, per document, the ``nodes`` it mentions."""
        self.spool.flush()
        self.spool.seek(0)
        current, present = None, set()
        for line in self.spool:
            t, key, num, page, doc_id, left, mention, right = json.loads(line)
            if num != current:
                if present:
                    yield present
                current, present = num, set()
            k = (t, key)
            if k in nodes:
                present.add(k)
            got = found.setdefault(k, []) if k in wanted else None
            if got is not None and len(got) < KWIC_PER_ENTITY and (not got or got[-1][0] != num):
                got.append((num, page, doc_id, left, mention, right))
        if present:
            yield present

    def close(self) -> None:
        if self.held is not None:
            self._write_page(*self.held, has_next=bool(self.rows))
            self.held = None
        if self.rows:
            self._write_page(self.sections, self.rows, has_next=False)
            self.sections, self.rows = [], []
        top = {t: self.index.top(t, TOP_N) for t in NAMED_TYPES}
        nodes = {(t, r.key): {"type": t, "label": r.value, "documents": r.documents}
                 for t in ("person", "place") for r in self.index.top(t, NETWORK_N)}
        kwic: dict = {}
        wanted = {(t, r.key) for t, rows in top.items() for r in rows}
        try:
            graph = cooccurrence_graph(self._scan_spool(wanted, nodes, kwic), nodes)
        except ImportError:  # networkx missing: no network, the rest of the page is drawn
            graph = None
            for _ in self._scan_spool(wanted, nodes, kwic):
                pass
        self.file.fh.write(overview_html(self.index, top, graph, kwic, self.page_info, self.title))
        self.discard()

    def discard(self) -> None:
        self.spool.close()
        if self.own_index:
            self.index.close()

    def abort(self) -> None:
        super().abort()
        try:
            self.folder.rmdir()  # when this run created it and nothing else is in it
        except OSError:
            pass

    def commit(self) -> None:
        """On its own (:func:`write_report`): the pages, then ``report.html``; the pages of an
        earlier report in the folder that this one did not write are removed."""
        super().commit()
        keep = {page_name(k) for k in range(1, len(self.pages) + 1)}
        if self.folder.is_dir():
            for p in self.folder.glob("page-*.html"):
                if p.name not in keep:
                    p.unlink(missing_ok=True)


def write_report(documents: Iterable[dict[str, Any]], path: Path, per_page: int | None = None) -> Path:
    """Writes the report (``path`` and its pages in ``report/`` next to it), streamed; each
    file atomically (temp file, then rename).

    Args:
        documents: exported documents (``Document.to_dict()``), each with its original ``"text"``.
        path: the corpus page to write (its folder is created).
        per_page: documents per page (default :data:`DOCS_PER_PAGE`).
    Returns:
        ``path``.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_all(HtmlReportWriter(path, per_page=per_page), documents)
    return path


def main(argv: list[str] | None = None) -> int:
    """``python -m pipeline.report RUN_DIR [-o FILE]``: the HTML report of an existing run (the
    texts come from the run's ``documents.jsonl``; without it only tables are shown)."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m pipeline.report", description=main.__doc__)
    ap.add_argument("run", help="output folder of a run (entities.jsonl or entities.json, documents.jsonl)")
    ap.add_argument("-o", "--output", help="HTML file (default: RUN/report.html)")
    ap.add_argument("--per-page", type=int, default=DOCS_PER_PAGE, help="documents per page")
    args = ap.parse_args(argv)
    run = Path(args.run)
    out = Path(args.output) if args.output else run / "report.html"
    n = [0]

    def counted():
        for d in iter_run(run):
            n[0] += 1
            yield d

    write_report(counted(), out, per_page=args.per_page)
    print(f"wrote {out} ({n[0]} documents)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
