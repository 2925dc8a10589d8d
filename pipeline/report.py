"""HTML report: one self-contained, right-to-left page for analysts without Jupyter.

:func:`write_report` takes exported documents (``Document.to_dict()`` plus ``"text"``, the
original text) and writes one HTML file: ``<html dir="rtl" lang="ar">``, summary counts, a
legend, each document with its entities highlighted by type (hovering a highlight shows
value and rule through the ``title`` attribute) and per-type tables. The page loads nothing
from the network (inline CSS, no script) and every piece of text goes through
:func:`html.escape`, so an entity such as ``<script>`` or ``&`` is shown literally.

Highlights may overlap (key phrases of type ``topic`` can contain names): the text is cut
at every entity boundary and nested ``<mark>`` elements are opened and closed as the set of
covering entities changes, so the markup stays well formed and an entity that crosses
another is drawn in two pieces with the same tooltip.

The page is streamed (:class:`HtmlReportWriter`, one of a run's outputs): memory does not grow
with the number of documents; the first :data:`MAX_DOCUMENTS` are shown in full, all count.
"""

from __future__ import annotations

import html
import shutil
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any, Iterable

from .document import ENTITY_TYPES
from .export import AtomicFile, FileWriter, write_all

#: Display order, Arabic caption and colour of each entity type.
TYPE_STYLE: dict[str, tuple[str, str]] = {
    "person": ("أشخاص", "#ffd6a5"),
    "place": ("أماكن", "#b9fbc0"),
    "organization": ("منظمات", "#a0c4ff"),
    "date": ("تواريخ", "#ffc6ff"),
    "topic": ("عبارات مفتاحية", "#fdffb6"),
}
TYPE_NAME_EN = {"person": "person", "place": "place", "organization": "organization", "date": "date",
                "topic": "key phrase"}

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


class _Summary:
    """What the page's header shows, gathered one document at a time (documents are not kept):
    counts per type in total, and the id and counts of each document shown in full."""

    def __init__(self, max_documents: int | None):
        self.max = max_documents
        self.n = self.n_ent = 0
        self.total: Counter = Counter()
        self.rows: list[tuple[Any, Counter]] = []

    def add(self, doc: dict[str, Any]) -> bool:
        """Counts ``doc``; True if it is shown in full."""
        c = Counter(str(e.get("type")) for e in doc.get("entities", []))
        self.total.update(c)
        self.n_ent += sum(c.values())
        self.n += 1
        if self.max is not None and len(self.rows) >= self.max:
            return False
        self.rows.append((doc.get("id"), c))
        return True

    @property
    def types(self) -> list[str]:
        return _types_in_order(set(ENTITY_TYPES) | set(self.total))


def _counts_table(summary: _Summary, types: list[str]) -> str:
    """Entity counts per document shown and in total (all documents)."""
    head = "<tr><th>الوثيقة</th>" + "".join(f'<th class="{_e(t)}">{_e(TYPE_STYLE.get(t, (t,))[0])}</th>'
                                           for t in types) + "<th>المجموع</th></tr>"
    rows = [f"<tr><td><bdi>{_e(doc_id)}</bdi></td>" + "".join(f'<td class="num">{c.get(t, 0)}</td>' for t in types)
            + f'<td class="num">{sum(c.values())}</td></tr>' for doc_id, c in summary.rows]
    if summary.n > len(summary.rows):
        rows.append(f'<tr><td colspan="{len(types) + 2}">… {summary.n - len(summary.rows)} وثيقة أخرى</td></tr>')
    total = summary.total
    rows.append("<tr><th>المجموع</th>" + "".join(f'<th class="num">{total.get(t, 0)}</th>' for t in types)
                + f'<th class="num">{sum(total.values())}</th></tr>')
    return f"<table>{head}{''.join(rows)}</table>"


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


#: Documents rendered in full by default; the others only count in the summary (a page
#: with tens of thousands of articles would be too heavy for a browser).
MAX_DOCUMENTS = 1000


def diff_fragment(text: str, spans: Iterable[dict[str, Any]], caption: str | None = None) -> str:
    """One text with the spans of an error analysis highlighted (classes of
    :data:`DIFF_STYLE`, e.g. from :func:`pipeline.analysis.error_spans`), for notebooks."""
    legend = "".join(f'<li class="{t}">{_e(c)} ({t})</li>' for t, (c, _) in DIFF_STYLE.items())
    head = f"<h3>{_e(caption)}</h3>" if caption else ""
    return (f'<div dir="rtl" lang="ar" class="ane-report"><style>{CSS}</style>{head}'
            f'<ul class="legend">{legend}</ul><div class="article" dir="rtl">{highlight(text, spans)}</div></div>')


TITLE = "تقرير استخراج الكيانات"


def _page_head(summary: _Summary, title: str) -> str:
    """The page up to the first document section (summary, table of contents)."""
    types = summary.types
    inputs, toggle_css = _toggle_inputs(types)
    toc = "".join(f'<li><a href="#doc-{i}"><bdi>{_e(doc_id)}</bdi></a></li>' for i, (doc_id, _) in enumerate(summary.rows))
    return f"""<!DOCTYPE html>
<html dir="rtl" lang="ar">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{_e(title)}</title>
<style>{CSS}{toggle_css}</style>
</head>
<body>
{inputs}
<header>
<h1>{_e(title)}</h1>
<p class="meta">الوثائق: {summary.n} · الكيانات: {summary.n_ent}</p>
{legend_html(types, toggles=True)}
<p class="meta">انقر على نوع في المفتاح لإخفاء تظليله أو إظهاره؛ مرّر المؤشر فوق كيان لرؤية قيمته والقاعدة.</p>
<h2>ملخص</h2>
{_counts_table(summary, types)}
<ul>{toc}</ul>
</header>
<main>
"""


def _page_tail(summary: _Summary) -> str:
    shown = len(summary.rows)
    warn = ""
    if shown < summary.n:
        warn = (f'\n<p class="warn">عُرضت أول {shown} وثيقة من أصل {summary.n}؛ '
                "المخرجات الكاملة في entities.json و entities.csv.</p>")
    return f"{warn}\n</main>\n</body>\n</html>\n"


def render_report(documents: Iterable[dict[str, Any]], title: str = TITLE,
                  max_documents: int | None = MAX_DOCUMENTS) -> str:
    """The whole report as a string (see :func:`write_report`, which streams it to a file)."""
    summary = _Summary(max_documents)
    sections = [document_html(d, anchor=f"doc-{len(summary.rows) - 1}") for d in documents if summary.add(d)]
    return _page_head(summary, title) + "\n".join(sections) + _page_tail(summary)


class HtmlReportWriter(FileWriter):
    """``report.html``, streamed: each document shown in full is rendered when it arrives into
    an unnamed temporary file in the output folder, and the page (header with the counts of
    all documents, then those sections) is assembled at :meth:`close`. Memory does not grow
    with the corpus. One of the run's outputs (:class:`pipeline.export.OutputSet`)."""

    wants_text = True

    def __init__(self, path: Path, max_documents: int | None = MAX_DOCUMENTS, title: str = TITLE):
        self.file = AtomicFile(path)
        self.title = title
        self.summary = _Summary(max_documents)
        self.sections = tempfile.TemporaryFile("w+", encoding="utf-8", errors="backslashreplace",
                                               dir=self.file.path.parent)

    def write(self, doc: dict[str, Any]) -> None:
        if self.summary.add(doc):
            n = len(self.summary.rows) - 1
            self.sections.write(("\n" if n else "") + document_html(doc, anchor=f"doc-{n}"))

    def close(self) -> None:
        fh = self.file.fh
        fh.write(_page_head(self.summary, self.title))
        self.sections.seek(0)
        shutil.copyfileobj(self.sections, fh)
        self.sections.close()
        fh.write(_page_tail(self.summary))

    def discard(self) -> None:
        self.sections.close()


def write_report(documents: Iterable[dict[str, Any]], path: Path,
                 max_documents: int | None = MAX_DOCUMENTS) -> Path:
    """Writes the self-contained HTML report atomically (temp file, then rename), streamed.

    Args:
        documents: ``Document.to_dict()`` dicts, each with the original ``"text"`` added.
        path: the HTML file to write (its folder is created).
        max_documents: documents shown in full (the rest count in the summary only);
            ``None`` shows all.
    Returns:
        ``path``.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_all(HtmlReportWriter(path, max_documents), documents)
    return path


def main(argv: list[str] | None = None) -> int:
    """``python -m pipeline.report RUN_DIR [INPUT ...] [-o FILE]``: the HTML report of an
    existing run (the inputs give the article texts; without them only tables are shown)."""
    import argparse

    from .analysis import read_output, read_texts, with_texts

    ap = argparse.ArgumentParser(prog="python -m pipeline.report", description=main.__doc__)
    ap.add_argument("run", help="output folder of a run (entities.json or entities.csv), or the file")
    ap.add_argument("inputs", nargs="*", help="the run's inputs (.txt, folder, .jsonl), for the texts")
    ap.add_argument("-o", "--output", help="HTML file (default: RUN/report.html)")
    ap.add_argument("--max-documents", type=int, default=MAX_DOCUMENTS)
    args = ap.parse_args(argv)
    docs = read_output(args.run)
    if args.inputs:
        docs = with_texts(docs, read_texts(args.inputs))
    run = Path(args.run)
    out = Path(args.output) if args.output else (run if run.is_dir() else run.parent) / "report.html"
    write_report(docs, out, max_documents=args.max_documents)
    print(f"wrote {out} ({len(docs)} documents)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
