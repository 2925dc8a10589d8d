"""Pure helpers for the notebooks: load a run into DataFrames, corpus views, comparison with gold.

Nothing here extracts anything. The functions read what the CLI wrote in a run folder
(``entities.json``/``entities.jsonl``/``entities.csv``, ``documents.jsonl`` with the texts,
``documents.csv``, ``entity_index.csv``), and gold files in the dev-articles format::

    {"id", "text", "dateline", "entities": [{"type", "text", "start", "end", "canonical"}],
     "categories": ["medtop:…", …], ...}

Corpus views (notebook 03) use the same functions as the HTML report's corpus page
(:mod:`pipeline.corpus`): :func:`categories_over_time`, :func:`date_histogram`,
:func:`cooccurrence`, :func:`kwic` (every mention of an entity, with its sentence).

:func:`compare` matches predictions to gold the way the project's scorer does (greedy
one-to-one; *span*: same type and exact offsets; *value*: same type, overlapping spans and
equal normalized value) and lists every miss and false alarm with its context.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

import pandas as pd

from .corpus import (NAMED_TYPES, canonical, categories_table, cooccurrence_graph, iter_entity_documents, iter_run,
                     merge_key, month_of, month_range, sentence_around)
from .export import CSV_COLUMNS
from .normalize import normalize

SCORED_TYPES = ("person", "place", "date")
ENTITY_COLUMNS = CSV_COLUMNS


# --- loading ---------------------------------------------------------------------------
def output_path(run: str | Path) -> Path:
    """The entity output of a run: the file itself (``.json``, ``.jsonl`` or ``.csv``), or in
    a run folder ``entities.json``, else ``entities.jsonl``, else ``entities.csv``."""
    p = Path(run)
    if p.suffix in (".json", ".jsonl", ".csv") and not p.is_dir():
        return p
    for name in ("entities.json", "entities.jsonl", "entities.csv"):
        if (p / name).is_file():
            return p / name
    return p / "entities.json"


def has_run(run: str | Path | None) -> bool:
    """True when ``run`` names an existing output (a run folder with entities.json,
    entities.jsonl or entities.csv, or one of these files)."""
    return run is not None and output_path(run).is_file()


def ensure_run(run_dir: str | Path, inputs: Iterable[str | Path], rerun: bool = False,
               need_ids: Iterable[str] = ()) -> Path:
    """Runs the command line (``arabic-news-extract run INPUTS -o RUN_DIR``) when
    ``run_dir`` holds no output yet, when ``rerun`` is set, or when the existing output
    lacks one of ``need_ids``. Returns the path of the output (see :func:`output_path`)."""
    run_dir, inputs = Path(run_dir), [str(p) for p in inputs]
    need = {str(i) for i in need_ids}
    if not rerun and has_run(run_dir):
        if not need or need <= {str(d["id"]) for d in read_output(run_dir)}:
            return output_path(run_dir)
    from .cli import main

    status = main(["run", *inputs, "-o", str(run_dir), "--quiet"])
    if not has_run(run_dir):
        raise RuntimeError(f"the run over {inputs} wrote no output in {run_dir} (exit status {status})")
    return output_path(run_dir)


def read_output(run: str | Path) -> list[dict[str, Any]]:
    """The documents of a run (``Document.to_dict()`` form) from ``entities.json`` or
    ``entities.jsonl``, or from ``entities.csv`` when that is all there is (then without
    topics, reference dates, documents without entities, or the entities' extra fields)."""
    path = output_path(run)
    if path.suffix == ".csv":
        docs: dict[str, dict[str, Any]] = {}
        for r in read_entities_csv(path).to_dict("records"):
            d = docs.setdefault(str(r["doc_id"]), {"id": str(r["doc_id"]), "reference_date": None,
                                                  "reference_source": None, "entities": [], "topics": []})
            e = {c: (None if pd.isna(r[c]) else r[c]) for c in ENTITY_COLUMNS[1:]}
            e["start"], e["end"], e["score"] = int(r["start"]), int(r["end"]), float(r["score"])
            d["entities"].append(e)
        return list(docs.values())
    if path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    data = json.loads(path.read_text(encoding="utf-8"))
    docs_ = data["documents"] if isinstance(data, dict) else data
    return [dict(d) for d in docs_]


def read_entities_csv(path: str | Path) -> pd.DataFrame:
    """``entities.csv`` as a DataFrame (text columns kept as strings, empty value -> None).

    The CSV neutralizes cells that start like a formula with a leading apostrophe; that
    apostrophe is kept here, as in the file.
    """
    df = pd.read_csv(path, dtype={c: "string" for c in ("doc_id", "type", "text", "value", "rule", "evidence")},
                     keep_default_na=False)
    df["value"] = df["value"].replace("", pd.NA)
    return df.astype({"start": int, "end": int, "score": float})


def read_texts(inputs: str | Path | Iterable[str | Path]) -> dict[str, str]:
    """Document id -> original text: from a run folder's ``documents.jsonl``, or else from
    inputs read the way the CLI reads them (``.txt`` file, folder of ``.txt``, ``.jsonl``,
    ``.json``, ``.csv`` with ``id``/``text``)."""
    from .io import InputDoc, iter_inputs

    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    paths = [str(p) for p in inputs]
    if len(paths) == 1 and (Path(paths[0]) / "documents.jsonl").is_file():
        with open(Path(paths[0]) / "documents.jsonl", encoding="utf-8") as fh:
            return {str(r["id"]): r["text"] for r in map(json.loads, fh) if r.get("text") is not None}
    return {item.id: item.text for item in iter_inputs(paths, Path(paths[0])) if isinstance(item, InputDoc)}


def has_texts(run: str | Path) -> bool:
    """True when the run folder holds its texts (``documents.jsonl``, written by every run)."""
    return (Path(run) / "documents.jsonl").is_file()


def with_texts(docs: list[dict[str, Any]], texts: dict[str, str]) -> list[dict[str, Any]]:
    """Copies of ``docs`` with ``"text"`` added when ``texts`` has it (for the HTML report)."""
    return [{**d, "text": texts[str(d["id"])]} if str(d["id"]) in texts else dict(d) for d in docs]


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold documents from a ``.jsonl`` file (one per line) or a ``.json`` file (one or a list)."""
    path = Path(path)
    if path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, list) else [data]


def entities_frame(docs: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """One row per entity mention: the CSV columns, plus ``canonical`` (value, else text)."""
    rows = []
    for d in docs:
        for e in d.get("entities", []):
            row = {"doc_id": str(d["id"])}
            row.update({c: e.get(c) for c in ENTITY_COLUMNS[1:]})
            rows.append(row)
    df = pd.DataFrame(rows, columns=ENTITY_COLUMNS)
    df["canonical"] = df["value"].where(df["value"].notna() & (df["value"] != ""), df["text"])
    return df


def topics_frame(docs: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """One row per (document, topic category), ranked by score within the document."""
    rows = []
    for d in docs:
        tops = sorted(d.get("topics", []), key=lambda t: -float(t.get("score") or 0))
        for rank, t in enumerate(tops, 1):
            rows.append({"doc_id": str(d["id"]), "rank": rank, "id": t.get("id"), "label": t.get("label"),
                         "label_ar": t.get("label_ar"), "score": t.get("score")})
    return pd.DataFrame(rows, columns=["doc_id", "rank", "id", "label", "label_ar", "score"])


def by_type(df: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The entity table split per type (types in their usual order)."""
    order = [*NAMED_TYPES, "date", "keyphrase"]
    types = [t for t in order if t in set(df["type"])] + sorted(set(df["type"]) - set(order))
    return {t: df[df["type"] == t].reset_index(drop=True) for t in types}


def top_values(df: pd.DataFrame, etype: str, n: int = 10) -> pd.DataFrame:
    """Most mentioned canonical values of one type: ``value``, ``mentions``, ``documents``,
    ``surfaces`` (distinct surface forms)."""
    sub = df[df["type"] == etype]
    if sub.empty:
        return pd.DataFrame(columns=["value", "mentions", "documents", "surfaces"])
    g = sub.groupby("canonical", sort=False)
    out = pd.DataFrame({
        "mentions": g.size(),
        "documents": g["doc_id"].nunique(),
        "surfaces": g["text"].agg(lambda s: " | ".join(dict.fromkeys(s))),
    }).reset_index().rename(columns={"canonical": "value"})
    return out.sort_values(["mentions", "documents", "value"], ascending=[False, False, True]).head(n).reset_index(drop=True)


# --- corpus views ------------------------------------------------------------------------
def read_documents_csv(run: str | Path) -> pd.DataFrame:
    """``documents.csv`` of a run folder: one row per document (ids and texts as strings)."""
    strings = ["doc_id", "source", "reference_date", "reference_source", "topics", "topics_ar"]
    df = pd.read_csv(Path(run) / "documents.csv", dtype={c: "string" for c in strings}, keep_default_na=False)
    return df.replace({c: {"": pd.NA} for c in strings if c != "doc_id"})


def read_entity_index(run: str | Path) -> pd.DataFrame:
    """``entity_index.csv`` of a run folder: one row per distinct entity across the corpus."""
    strings = ["type", "value", "variants", "first_date", "first_doc", "last_date", "last_doc", "key"]
    df = pd.read_csv(Path(run) / "entity_index.csv", dtype={c: "string" for c in strings}, keep_default_na=False)
    return df.replace({c: {"": pd.NA} for c in ("first_date", "first_doc", "last_date", "last_doc")})


def top_entities(index: pd.DataFrame, etype: str, n: int = 15) -> pd.DataFrame:
    """The ``n`` entities of a type mentioned in most documents (the index is sorted so)."""
    cols = ["value", "documents", "mentions", "variants", "first_date", "last_date"]
    return index[index["type"] == etype][cols].head(n).reset_index(drop=True)


def categories_over_time(documents: pd.DataFrame, top: int = 8) -> pd.DataFrame:
    """Documents per reference month (years when there are over 48 months; ``no date`` last)
    and primary IPTC category, the ``top`` categories as columns (Arabic labels), then ``other``:
    the table of the report's corpus page."""
    from collections import Counter

    counts: Counter = Counter()
    labels: dict[str, str] = {}
    for r in documents.itertuples(index=False):
        if pd.isna(r.topics) or not str(r.topics):
            continue
        cat = str(r.topics).split("; ")[0]
        ref = "" if pd.isna(r.reference_date) else str(r.reference_date)[:7]
        counts[(ref, cat)] += 1
        if not pd.isna(r.topics_ar):
            labels.setdefault(cat, str(r.topics_ar).split("; ")[0])
    columns, periods, rows = categories_table(counts, labels, top)
    return pd.DataFrame(rows, index=[p or "no date" for p in periods], columns=[label for _, label in columns])


def date_histogram(docs: Iterable[dict[str, Any]], max_months: int = 240) -> tuple[pd.DataFrame, int, int]:
    """Date mentions per month (a day, a month, or a range inside one month; years and longer
    ranges are not counted), over the span that holds most of them (see
    :func:`pipeline.corpus.month_range`): ``(DataFrame month, mentions), before, after``."""
    from collections import Counter

    months: Counter = Counter()
    for d in docs:
        for e in d.get("entities", []):
            m = month_of(e.get("value")) if e.get("type") == "date" else None
            if m:
                months[m] += 1
    series, before, after = month_range(months, max_months)
    return pd.DataFrame(series, columns=["month", "mentions"]), before, after


def cooccurrence(run: str | Path, index: pd.DataFrame | None = None, n: int = 15, min_docs: int = 1):
    """The co-occurrence network of the ``n`` people and ``n`` places mentioned in most
    documents: a networkx graph whose edges count the documents two of them share (the
    report's network). Streams the run's entities."""
    index = read_entity_index(run) if index is None else index
    nodes = {}
    for t in ("person", "place"):
        for r in index[index["type"] == t].head(n).itertuples(index=False):
            nodes[(t, r.key)] = {"type": t, "label": r.value, "documents": int(r.documents)}
    per_doc = ({(str(e.get("type")), merge_key(canonical(e))) for e in d.get("entities", [])}
               for d in iter_entity_documents(run))
    return cooccurrence_graph(per_doc, nodes, min_docs)


def strongest_links(graph, n: int = 20) -> pd.DataFrame:
    """The edges of a co-occurrence graph with most documents in common."""
    rows = [{"a": graph.nodes[a]["label"], "b": graph.nodes[b]["label"], "documents": d["weight"]}
            for a, b, d in graph.edges(data=True)]
    df = pd.DataFrame(rows, columns=["a", "b", "documents"])
    return df.sort_values(["documents", "a", "b"], ascending=[False, True, True]).head(n).reset_index(drop=True)


def kwic(run: str | Path, value: str, etype: str | None = None, limit: int | None = None) -> pd.DataFrame:
    """Every mention of an entity across the run, with the sentence around it (keyword in
    context): one row per mention, ``doc_id``, ``reference_date``, ``type``, ``left``,
    ``mention``, ``right``, ``start``, ``end``. The entity is matched by
    :func:`pipeline.corpus.merge_key` of its value (so any spelling of it finds all), and by
    type when ``etype`` is given. Streams the run (texts from ``documents.jsonl``)."""
    key = merge_key(value)
    rows = []
    for d in iter_run(run):
        text = d.get("text")
        for e in d.get("entities", []):
            if (etype and e.get("type") != etype) or merge_key(canonical(e)) != key:
                continue
            left, mention, right = sentence_around(text, e["start"], e["end"]) if isinstance(text, str) else \
                ("", e.get("text"), "")
            rows.append({"doc_id": str(d["id"]), "reference_date": d.get("reference_date"), "type": e.get("type"),
                         "left": left, "mention": mention, "right": right, "start": e["start"], "end": e["end"]})
            if limit is not None and len(rows) >= limit:
                return pd.DataFrame(rows)
    return pd.DataFrame(rows, columns=["doc_id", "reference_date", "type", "left", "mention", "right", "start", "end"])


def kwic_html(df: pd.DataFrame, max_rows: int = 200) -> str:
    """A keyword-in-context table, right to left, the mention highlighted by its type."""
    from .report import CSS, _e

    rows = "".join(f"<tr><td><bdi>{_e(r.doc_id)}</bdi></td><td>{_e(r.reference_date or '')}</td>"
                   f'<td style="text-align:left">{_e(r.left)}</td><td><mark class="{_e(r.type)}">{_e(r.mention)}'
                   f"</mark></td><td>{_e(r.right)}</td></tr>" for r in df.head(max_rows).itertuples(index=False))
    more = f"<p>… {len(df) - max_rows} more</p>" if len(df) > max_rows else ""
    return (f'<div dir="rtl" lang="ar" class="ane-report"><style>{CSS}</style><table><tr><th>الوثيقة</th>'
            f"<th>التاريخ</th><th></th><th></th><th></th></tr>{rows}</table>{more}</div>")


# --- dates -----------------------------------------------------------------------------
def parse_iso(value: str | None) -> tuple[dt.date, dt.date, str] | None:
    """``(first day, last day, granularity)`` of an ISO date value (``2021``, ``2021-09``,
    ``2021-09-26`` or a range ``a/b``); ``None`` when it is empty or not ISO."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    value = str(value).strip()
    if "/" in value:
        a, _, b = value.partition("/")
        pa, pb = parse_iso(a), parse_iso(b)
        if pa is None or pb is None:
            return None
        return pa[0], pb[1], "range"
    try:
        if len(value) == 4 and value.isdigit():
            y = int(value)
            return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
        if len(value) == 7 and value[4] == "-":
            y, m = int(value[:4]), int(value[5:])
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return dt.date(y, m, 1), nxt - dt.timedelta(days=1), "month"
        d = dt.date.fromisoformat(value)
        return d, d, "day"
    except ValueError:
        return None


def date_timeline(df: pd.DataFrame) -> pd.DataFrame:
    """The date mentions with their value as ``date_start``/``date_end``/``granularity``,
    sorted by time; mentions without a resolvable value are left out."""
    rows = []
    for r in df[df["type"] == "date"].itertuples(index=False):
        p = parse_iso(r.value)
        if p is not None:
            rows.append({"doc_id": r.doc_id, "text": r.text, "value": r.value, "date_start": p[0],
                         "date_end": p[1], "granularity": p[2]})
    out = pd.DataFrame(rows, columns=["doc_id", "text", "value", "date_start", "date_end", "granularity"])
    return out.sort_values(["date_start", "doc_id"]).reset_index(drop=True)


# --- comparing with gold -----------------------------------------------------------------
def context(text: str | None, start: int, end: int, width: int = 40, marks: tuple[str, str] = ("⟦", "⟧")) -> str:
    """The span with ``width`` characters either side, the span between ``marks``,
    line breaks shown as ``⏎``."""
    if not text:
        return ""
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    s = ("…" if start > width else "") + left + marks[0] + text[start:end] + marks[1] + right
    s += "…" if end + width < len(text) else ""
    return s.replace("\n", " ⏎ ")


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return b.get("start", -1) < a["end"] and a["start"] < b.get("end", -1)


def _pred_value(e: dict[str, Any]) -> Any:
    for k in ("value", "normalized", "canonical"):
        if e.get(k) not in (None, ""):
            return e[k]
    return e.get("text")


def _value_key(etype: str) -> Callable[[dict[str, Any], dict[str, Any]], bool]:
    def key(g: dict[str, Any], p: dict[str, Any]) -> bool:
        if not _overlaps(g, p):
            return False
        if etype == "date":
            return str(_pred_value(p)).strip() == str(g.get("canonical")).strip()
        return normalize(str(_pred_value(p) or "")).strip() == normalize(str(g.get("canonical") or "")).strip()
    return key


def _span_key(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return g["start"] == p.get("start") and g["end"] == p.get("end")


def greedy_match(gold: list[dict[str, Any]], pred: list[dict[str, Any]],
                 key: Callable[[dict[str, Any], dict[str, Any]], bool]) -> dict[int, int]:
    """Greedy one-to-one matching (gold in order, first unused prediction that fits):
    gold index -> prediction index."""
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and key(g, p):
                used.add(pi)
                pairs[gi] = pi
                break
    return pairs


def prf(tp: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    """Precision, recall, F1 (0 when undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


@dataclass
class Comparison:
    """Result of :func:`compare`.

    Attributes:
        scores: per type (and ``micro``): gold, pred, span/value true positives and P/R/F1.
        misses: gold mentions without an exact-span prediction of their type, with
            ``kind`` (``boundary``: a prediction of the type overlaps; ``type``: same span,
            another type; ``missed``) and ``closest`` (that prediction's text).
        false_alarms: predictions of a scored type without an exact-span gold mention, with
            ``kind`` (``boundary``, ``type``, ``spurious``, or ``not_entity`` when the gold
            lists the text among its non-entities) and ``closest``.
        categories: per document, gold and predicted topic categories, top-1 hit, set P/R.
        matches: the exact-span hits (gold canonical and predicted value side by side).
    """

    scores: pd.DataFrame
    misses: pd.DataFrame
    false_alarms: pd.DataFrame
    categories: pd.DataFrame
    matches: pd.DataFrame | None = None


_HIT_COLUMNS = ["doc_id", "type", "text", "start", "end", "canonical", "value", "value_ok", "rule"]
_MISS_COLUMNS = ["doc_id", "type", "text", "start", "end", "canonical", "kind", "closest", "context"]
_FA_COLUMNS = ["doc_id", "type", "text", "start", "end", "value", "rule", "kind", "closest", "context"]


def _code(x: Any) -> str:
    x = x.get("id", "") if isinstance(x, dict) else x
    return str(x).split(":")[-1]


def compare(gold_docs: list[dict[str, Any]], pred_docs: list[dict[str, Any]],
            types: Iterable[str] = SCORED_TYPES, width: int = 40) -> Comparison:
    """Compares predicted documents (``entities.json`` documents) with gold documents.

    Documents are paired by ``id``; a gold document without prediction counts as all
    misses. Predicted documents without gold are ignored. Contexts come from the gold text.
    """
    types = tuple(types)
    preds = {str(d["id"]): d for d in pred_docs}
    counts = {t: {"gold": 0, "pred": 0, "span_tp": 0, "value_tp": 0} for t in types}
    misses, alarms, cats, hits = [], [], [], []
    for gd in gold_docs:
        doc_id = str(gd["id"])
        text = gd.get("text", "")
        pd_ = preds.get(doc_id, {"entities": [], "topics": []})
        all_pred = list(pd_.get("entities", []))
        not_entities = {normalize(str(x.get("text", ""))) for x in gd.get("not_entities", []) if isinstance(x, dict)}
        for t in types:
            g = [e for e in gd.get("entities", []) if e.get("type") == t]
            p = [e for e in all_pred if e.get("type") == t]
            c = counts[t]
            c["gold"] += len(g)
            c["pred"] += len(p)
            span_pairs = greedy_match(g, p, _span_key)
            c["span_tp"] += len(span_pairs)
            c["value_tp"] += len(greedy_match(g, p, _value_key(t)))
            matched_p = set(span_pairs.values())
            for gi, pi in span_pairs.items():
                hits.append({"doc_id": doc_id, "type": t, "text": g[gi].get("text"), "start": g[gi]["start"],
                             "end": g[gi]["end"], "canonical": g[gi].get("canonical"), "value": p[pi].get("value"),
                             "value_ok": _value_key(t)(g[gi], p[pi]), "rule": p[pi].get("rule")})
            for gi, e in enumerate(g):
                if gi in span_pairs:
                    continue
                near = [q for q in p if _overlaps(e, q)]
                other = [q for q in all_pred if q.get("type") != t and _span_key(e, q)]
                kind, closest = ("boundary", near[0]) if near else ("type", other[0]) if other else ("missed", None)
                misses.append({"doc_id": doc_id, "type": t, "text": e.get("text"), "start": e["start"],
                               "end": e["end"], "canonical": e.get("canonical"), "kind": kind,
                               "closest": None if closest is None else f"{closest.get('type')}: {closest.get('text')}",
                               "context": context(text, e["start"], e["end"], width)})
            for pi, q in enumerate(p):
                if pi in matched_p:
                    continue
                near = [e for e in g if _overlaps(e, q)]
                other = [e for e in gd.get("entities", []) if e.get("type") != t and _span_key(e, q)]
                if near:
                    kind, closest = "boundary", near[0]
                elif other:
                    kind, closest = "type", other[0]
                elif normalize(str(q.get("text", ""))) in not_entities:
                    kind, closest = "not_entity", None
                else:
                    kind, closest = "spurious", None
                alarms.append({"doc_id": doc_id, "type": t, "text": q.get("text"), "start": q.get("start"),
                               "end": q.get("end"), "value": q.get("value"), "rule": q.get("rule"), "kind": kind,
                               "closest": None if closest is None else f"{closest.get('type')}: {closest.get('text')}",
                               "context": context(text, q.get("start", 0), q.get("end", 0), width)})
        if "categories" in gd:
            gl = [_code(x) for x in gd["categories"]]
            tops = sorted(pd_.get("topics", []), key=lambda x: -float(x.get("score") or 0))
            pl = [_code(x) for x in tops]
            tp = len(set(gl) & set(pl))
            cats.append({"doc_id": doc_id, "gold": ", ".join(gl), "pred": ", ".join(pl),
                         "top1": bool(pl and gl and pl[0] == gl[0]), "tp": tp,
                         "precision": round(tp / len(set(pl)), 4) if pl else 0.0,
                         "recall": round(tp / len(set(gl)), 4) if gl else 0.0})
    rows = []
    tot = {"gold": 0, "pred": 0, "span_tp": 0, "value_tp": 0}
    for t, c in counts.items():
        rows.append(_score_row(t, c))
        for k in tot:
            tot[k] += c[k]
    rows.append(_score_row("micro", tot))
    return Comparison(pd.DataFrame(rows), pd.DataFrame(misses, columns=_MISS_COLUMNS),
                      pd.DataFrame(alarms, columns=_FA_COLUMNS),
                      pd.DataFrame(cats, columns=["doc_id", "gold", "pred", "top1", "tp", "precision", "recall"]),
                      pd.DataFrame(hits, columns=_HIT_COLUMNS))


def _score_row(name: str, c: dict[str, int]) -> dict[str, Any]:
    sp = prf(c["span_tp"], c["gold"], c["pred"])
    vp = prf(c["value_tp"], c["gold"], c["pred"])
    return {"type": name, "gold": c["gold"], "pred": c["pred"], "span_tp": c["span_tp"],
            "span_P": sp[0], "span_R": sp[1], "span_F1": sp[2], "value_tp": c["value_tp"],
            "value_P": vp[0], "value_R": vp[1], "value_F1": vp[2]}


def error_spans(cmp: Comparison, doc_id: str) -> list[dict[str, Any]]:
    """The hits, misses and false alarms of one document as highlightable spans
    (``type`` = ``match``, ``value_error``, ``miss`` or ``false_alarm``) for
    :func:`pipeline.report.diff_fragment`; the tooltip names the entity type, the gold /
    predicted value and the error kind."""
    out: list[dict[str, Any]] = []
    frames = [(cmp.matches if cmp.matches is not None else pd.DataFrame(columns=_HIT_COLUMNS), "match"),
              (cmp.misses, "miss"), (cmp.false_alarms, "false_alarm")]
    for frame, kind in frames:
        for r in frame[frame["doc_id"] == str(doc_id)].to_dict("records"):
            if kind == "match":
                label = "match" if r["value_ok"] else "value_error"
                value, rule = f"{r['type']}: {r['canonical']} / {r['value']}", str(r.get("rule"))
            elif kind == "miss":
                label, value, rule = kind, f"{r['type']}: {r['canonical']}", f"{r['kind']} ({r['closest'] or '—'})"
            else:
                label, value, rule = kind, f"{r['type']}: {r['value']}", f"{r['kind']} · {r['rule']}"
            out.append({"type": label, "text": r["text"], "start": int(r["start"]), "end": int(r["end"]),
                        "value": value, "rule": rule})
    return sorted(out, key=lambda e: (e["start"], -e["end"]))


def rtl_table(df: pd.DataFrame, max_rows: int | None = 200) -> str:
    """A DataFrame as an escaped right-to-left HTML table (for ``IPython.display.HTML``)."""
    body = df.to_html(index=False, escape=True, na_rep="", max_rows=max_rows, border=0)
    return ('<div dir="rtl" lang="ar" style="text-align:right">'
            '<style>.ane-t td,.ane-t th{text-align:right;padding:2px 8px;unicode-bidi:plaintext}</style>'
            f'<div class="ane-t">{body}</div></div>')


def gold_documents_as_output(gold_docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Gold documents shaped like exported documents (``value`` = canonical, rule ``gold``)
    plus ``text``, so the HTML report can show the gold annotation side by side."""
    out = []
    for g in gold_docs:
        ents = [{"type": e["type"], "text": e.get("text"), "start": e["start"], "end": e["end"],
                 "value": e.get("canonical"), "rule": "gold", "score": 1.0, "evidence": ""}
                for e in g.get("entities", [])]
        out.append({"id": str(g["id"]), "reference_date": g.get("dateline"), "reference_source": "gold",
                    "entities": ents, "topics": [], "text": g.get("text", "")})
    return out
