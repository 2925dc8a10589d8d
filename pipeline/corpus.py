"""Corpus outputs and views, built one document at a time in bounded memory.

Every run writes, besides the entity files:

* ``documents.csv`` (:class:`DocumentsCsvWriter`): one row per document, :data:`DOCUMENT_COLUMNS`:
  its id and input location, reference date and its source, IPTC categories (codes and Arabic
  labels, primary first), entity counts per type, words;
* ``documents.jsonl`` (:class:`DocumentsJsonlWriter`): one line per document with its original
  text, so that a run folder is self-contained (the notebooks and the HTML report take the
  texts from it; ``arabic-news-extract run OUT/documents.jsonl`` processes them again);
* ``entity_index.csv`` (:class:`EntityIndexWriter`): one row per distinct entity across the
  corpus, :data:`INDEX_COLUMNS`, spelling variants merged by :func:`merge_key`.

The index (:class:`CorpusIndex`) is kept in a SQLite file next to the outputs (a temporary
``.entity_index.csv.*.part``), so memory stays flat whatever the number of distinct entities;
the HTML report's corpus page reads it too. The small helpers below (:func:`month_of`,
:func:`sentence_around`, :func:`cooccurrence_graph`) are shared by that page and the corpus
notebook, so both show the same figures.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sqlite3
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Iterator, NamedTuple

from .document import ENTITY_TYPES
from .export import CSV_BOM, CsvWriter, FileWriter, AtomicFile, csv_safe
from .normalize import normalize

#: Entity types in the order of the count columns and the index.
COUNT_TYPES = ("person", "place", "organization", "date", "keyphrase")
#: Types shown in the corpus overviews (most mentioned, co-occurrence, keyword in context).
NAMED_TYPES = ("person", "place", "organization")
DOCUMENT_COLUMNS = (["doc_id", "source", "reference_date", "reference_source", "topics", "topics_ar"]
                    + [f"n_{t}" for t in COUNT_TYPES] + ["words"])
INDEX_COLUMNS = ["type", "value", "documents", "mentions", "variants", "first_date", "first_doc", "last_date",
                 "last_doc", "key"]
#: At most this many surface variants are listed per entity (the most frequent first).
MAX_VARIANTS = 20
VARIANT_SEPARATOR = " | "

_MORE_FOLDS = str.maketrans({"\u0624": "\u0648", "\u0626": "\u064a"})  # ؤ -> و, ئ -> ي


def merge_key(value: Any) -> str:
    """The one rule that decides which spellings are the same entity in ``entity_index.csv``.

    The key is the value through the project's normalizer (:func:`pipeline.normalize.normalize`:
    hamza and madda on alef and wasla -> ا, ى -> ي, ة -> ه, tatweel and diacritics removed,
    Arabic-Indic digits -> ASCII, white space collapsed), then the hamza on waw and on yeh
    dropped (ؤ -> و, ئ -> ي: ``فائز`` / ``فايز``) and Latin letters case-folded. So ``أحمد`` /
    ``احمد``, ``مصطفى`` / ``مصطفي``, ``القاهرة`` / ``القاهره`` and ``محمّد`` / ``محـمد`` merge;
    ``علي`` and ``عليا`` do not, nor do two seats of one hamza (``مسؤول`` / ``مسئول``). ISO date
    values are unchanged by it.
    """
    if value is None:
        return ""
    return " ".join(normalize(str(value)).translate(_MORE_FOLDS).casefold().split())


def canonical(e: dict[str, Any]) -> str:
    """What an entity stands for: its ``value``, else its text (a relative date without a
    reference date has no value)."""
    v = e.get("value")
    if v in (None, ""):
        return str(e.get("text") or "")
    return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)


def month_of(value: Any) -> str | None:
    """``YYYY-MM`` of a date value that falls in one month (a day, a month, or a range inside
    one month); ``None`` for a year, a longer range, or no value."""
    if not isinstance(value, str) or not value:
        return None
    a, _, b = value.partition("/")
    if len(a) < 7 or a[4] != "-" or not (a[:4] + a[5:7]).isdigit():
        return None
    if b and b[:7] != a[:7]:
        return None
    return a[:7]


def _month_index(m: str) -> int:
    return int(m[:4]) * 12 + int(m[5:7]) - 1


def _month_name(i: int) -> str:
    return f"{i // 12:04d}-{i % 12 + 1:02d}"


def month_range(months: Counter, max_months: int = 240) -> tuple[list[tuple[str, int]], int, int]:
    """The months of a histogram to draw: ``(series, before, after)``. ``series`` is every
    month (zeros included) of the span of at most ``max_months`` months that holds most of
    the mentions (the latest such span on a tie), from its first mention to its last, so a
    few historical dates do not stretch the axis over centuries; ``before`` and ``after``
    count the mentions left out on each side."""
    idx = sorted((_month_index(m), n) for m, n in months.items() if n)
    if not idx:
        return [], 0, 0
    best, lo, acc = (-1, 0, 0), 0, 0
    for hi, (i, n) in enumerate(idx):
        acc += n
        while i - idx[lo][0] >= max_months:
            acc -= idx[lo][1]
            lo += 1
        if acc >= best[0]:
            best = (acc, lo, hi)
    _, lo, hi = best
    first, last = idx[lo][0], idx[hi][0]
    counts = dict(idx)
    series = [(_month_name(i), counts.get(i, 0)) for i in range(first, last + 1)]
    return series, sum(n for i, n in idx[:lo]), sum(n for i, n in idx[hi + 1:])


def primary_topics(d: dict[str, Any]) -> list[dict[str, Any]]:
    """The document's IPTC categories, primary (highest score) first."""
    return sorted(d.get("topics") or [], key=lambda t: -float(t.get("score") or 0))


def categories_table(categories: Counter, labels: dict[str, str], top: int = 8) -> tuple[list, list, list]:
    """Documents per period and primary category: ``(columns, periods, rows)``. Periods are
    reference months (years when there are more than 48 months), ``""`` for documents
    without a reference date (last); columns are the ``top`` categories with most documents,
    then ``other``."""
    by_cat: Counter = Counter()
    for (_, cat), n in categories.items():
        by_cat[cat] += n
    cols = [c for c, _ in sorted(by_cat.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
    months = {m for m, _ in categories if m}
    key = (lambda m: m[:4]) if len(months) > 48 else (lambda m: m)
    table: dict[str, Counter] = {}
    for (m, cat), n in categories.items():
        table.setdefault(key(m) if m else "", Counter())[cat if cat in cols else "other"] += n
    periods = sorted(p for p in table if p) + ([""] if "" in table else [])
    columns = [(c, labels.get(c, c)) for c in cols] + ([("other", "أخرى")] if len(by_cat) > len(cols) else [])
    return columns, periods, [[table[p].get(c, 0) for c, _ in columns] for p in periods]


_SENTENCE_END = ".!?؟\n"


def sentence_around(text: str, start: int, end: int, limit: int = 160) -> tuple[str, str, str]:
    """Keyword in context: the text before the mention back to the start of its sentence, the
    mention, and the text after it to the end of its sentence, each side at most ``limit``
    characters (cut at a word, marked ``…``) and on one line."""
    lo = max(0, start - limit)
    cut = max(text.rfind(c, lo, start) for c in _SENTENCE_END)
    left = text[cut + 1:start] if cut >= 0 else text[lo:start]
    if cut < 0 and lo > 0:
        left = "…" + left.split(" ", 1)[-1]
    hi = min(len(text), end + limit)
    ends = [i for i in (text.find(c, end, hi) for c in _SENTENCE_END) if i >= 0]
    right = text[end:min(ends) + 1] if ends else text[end:hi]
    if not ends and hi < len(text):
        right = right.rsplit(" ", 1)[0] + "…"
    return " ".join(left.split()), text[start:end], " ".join(right.split())


def cooccurrence_graph(doc_nodes: Iterable[Iterable[Any]], nodes: dict[Any, dict[str, Any]], min_docs: int = 1):
    """A networkx graph of ``nodes`` (node -> attributes, e.g. ``type``, ``label``,
    ``documents``) whose edges join two nodes mentioned in the same documents; ``weight`` =
    documents in common (edges with fewer than ``min_docs`` are left out).

    Args:
        doc_nodes: for each document, the nodes it mentions (others are ignored).
    """
    import networkx as nx

    pairs: Counter = Counter()
    for found in doc_nodes:
        present = sorted({n for n in found if n in nodes}, key=str)
        for i, a in enumerate(present):
            for b in present[i + 1:]:
                pairs[(a, b)] += 1
    g = nx.Graph()
    for n, attrs in nodes.items():
        g.add_node(n, **attrs)
    for (a, b), w in sorted(pairs.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))):
        if w >= min_docs:
            g.add_edge(a, b, weight=w)
    return g


def graph_layout(g, seed: int = 7) -> dict[Any, tuple[float, float]]:
    """Positions in [0, 1] x [0, 1] (networkx spring layout, fixed seed: the same picture for
    the same run); isolated nodes are placed like the others."""
    import networkx as nx

    if not len(g):
        return {}
    pos = nx.spring_layout(g, seed=seed, weight="weight", k=1.6 / max(1, len(g)) ** 0.5)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    def scale(v, lo, hi):
        return 0.5 if hi - lo < 1e-9 else (v - lo) / (hi - lo)
    return {n: (scale(p[0], min(xs), max(xs)), scale(p[1], min(ys), max(ys))) for n, p in pos.items()}


# --- the corpus index ------------------------------------------------------------------------

class IndexRow(NamedTuple):
    """One distinct entity of the corpus (a row of ``entity_index.csv``)."""

    type: str
    key: str
    value: str
    documents: int
    mentions: int
    variants: list[str]
    first_date: str | None
    first_doc: str | None
    last_date: str | None
    last_doc: str | None


class _Pending:
    __slots__ = ("mentions", "documents", "first", "last", "values", "surfaces")

    def __init__(self):
        self.mentions = self.documents = 0
        self.first = self.last = None
        self.values: Counter = Counter()
        self.surfaces: Counter = Counter()


_SCHEMA = """
CREATE TABLE ent (type TEXT, key TEXT, mentions INTEGER, documents INTEGER, first_date TEXT, first_doc TEXT,
                  last_date TEXT, last_doc TEXT, PRIMARY KEY (type, key)) WITHOUT ROWID;
CREATE TABLE form (type TEXT, key TEXT, kind TEXT, form TEXT, n INTEGER,
                   PRIMARY KEY (type, key, kind, form)) WITHOUT ROWID;
"""
_UPSERT_ENT = """
INSERT INTO ent VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (type, key) DO UPDATE SET
  mentions = mentions + excluded.mentions, documents = documents + excluded.documents,
  first_doc = CASE WHEN first_date IS NULL OR excluded.first_date < first_date THEN excluded.first_doc ELSE first_doc END,
  first_date = CASE WHEN first_date IS NULL OR excluded.first_date < first_date THEN excluded.first_date ELSE first_date END,
  last_doc = CASE WHEN last_date IS NULL OR excluded.last_date >= last_date THEN excluded.last_doc ELSE last_doc END,
  last_date = CASE WHEN last_date IS NULL OR excluded.last_date >= last_date THEN excluded.last_date ELSE last_date END
"""
_UPSERT_FORM = "INSERT INTO form VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n"


@contextlib.contextmanager
def _as_os_error():
    """SQLite's errors as the OSError they are (a full disk is ``ENOSPC``), so that the run
    reports them as it reports any write error."""
    try:
        yield
    except sqlite3.Error as exc:
        full = "full" in str(exc).lower()
        raise OSError(errno.ENOSPC if full else errno.EIO,
                      os.strerror(errno.ENOSPC) if full else f"entity index: {exc}") from exc


class CorpusIndex:
    """Corpus-wide counts, fed one exported document at a time (:meth:`add`).

    Per distinct entity (``type`` and :func:`merge_key` of its value): mentions, documents,
    the spellings of its value and its surface forms with their counts, and the first and
    last document by reference date. These live in a SQLite file in ``folder`` (removed by
    :meth:`close`); what is added is batched in memory for :data:`BATCH` documents. Small
    counters stay in memory: mentions per type, date mentions per month, documents per
    (reference month, primary category).
    """

    BATCH = 256

    def __init__(self, folder: Path):
        fd, self.path = tempfile.mkstemp(prefix=".entity_index.csv.", suffix=".db.part", dir=folder)
        os.close(fd)
        self.db = None
        self.closed = False
        try:
            with _as_os_error():
                self.db = sqlite3.connect(self.path, isolation_level=None)
                self.db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
        except BaseException:
            self.close()
            raise
        self.pending: dict[tuple[str, str], _Pending] = {}
        self.batch = 0
        self.documents = 0
        self.types: Counter = Counter()
        self.months: Counter = Counter()
        self.categories: Counter = Counter()  # (YYYY-MM or "", category id) -> documents
        self.labels: dict[str, str] = {}
        self.dates: list[str] = []  # first and last reference date

    def add(self, d: dict[str, Any]) -> None:
        self.documents += 1
        ref = d.get("reference_date") or None
        doc_id = str(d.get("id"))
        seen: set[tuple[str, str]] = set()
        for e in d.get("entities", []):
            t = str(e.get("type"))
            self.types[t] += 1
            if t == "date":
                m = month_of(e.get("value"))
                if m:
                    self.months[m] += 1
            value = canonical(e)
            k = (t, merge_key(value))
            if not k[1]:
                continue
            p = self.pending.get(k)
            if p is None:
                p = self.pending[k] = _Pending()
            p.mentions += 1
            p.values[value] += 1
            p.surfaces[str(e.get("text"))] += 1
            if k not in seen:
                seen.add(k)
                p.documents += 1
                if ref and (p.first is None or ref < p.first[0]):
                    p.first = (ref, doc_id)
                if ref and (p.last is None or ref >= p.last[0]):
                    p.last = (ref, doc_id)
        self._add_document(d, ref)
        self.batch += 1
        if self.batch >= self.BATCH:
            self.flush()

    def _add_document(self, d: dict[str, Any], ref: str | None) -> None:
        tops = primary_topics(d)
        if tops:
            cat = str(tops[0].get("id"))
            self.categories[((ref or "")[:7], cat)] += 1
            self.labels.setdefault(cat, str(tops[0].get("label_ar") or tops[0].get("label") or cat))
        if ref:
            self.dates = [min(self.dates[0], ref), max(self.dates[1], ref)] if self.dates else [ref, ref]

    def flush(self) -> None:
        """Writes the batch into the SQLite file."""
        if not self.pending:
            self.batch = 0
            return
        ents, forms = [], []
        for (t, k), p in self.pending.items():
            f, last = p.first or (None, None), p.last or (None, None)
            ents.append((t, k, p.mentions, p.documents, f[0], f[1], last[0], last[1]))
            forms.extend((t, k, "v", v, n) for v, n in p.values.items())
            forms.extend((t, k, "s", s, n) for s, n in p.surfaces.items())
        with _as_os_error(), self.db:
            self.db.execute("BEGIN")
            self.db.executemany(_UPSERT_ENT, ents)
            self.db.executemany(_UPSERT_FORM, forms)
        self.pending = {}
        self.batch = 0

    def _row(self, r: tuple) -> IndexRow:
        t, k = r[0], r[1]
        value, variants = None, []
        for kind, form, _ in self.db.execute(
                "SELECT kind, form, n FROM form WHERE type = ? AND key = ? ORDER BY n DESC, form", (t, k)):
            if kind == "v" and value is None:
                value = form  # the most frequent spelling of the value
            elif kind == "s" and len(variants) < MAX_VARIANTS:
                variants.append(form)
        return IndexRow(t, k, value or k, r[3], r[2], variants, r[4], r[5], r[6], r[7])

    _ORDER = "ORDER BY documents DESC, mentions DESC, key"

    def rows(self) -> Iterator[IndexRow]:
        """Every distinct entity: types in :data:`COUNT_TYPES` order (then any other), most
        documents first."""
        self.flush()
        known = list(COUNT_TYPES)
        others = sorted({r[0] for r in self.db.execute("SELECT DISTINCT type FROM ent")} - set(known))
        for t in known + others:
            for r in self.db.cursor().execute(f"SELECT * FROM ent WHERE type = ? {self._ORDER}", (t,)):
                yield self._row(r)

    def top(self, etype: str, n: int) -> list[IndexRow]:
        """The ``n`` entities of a type mentioned in most documents."""
        self.flush()
        rows = self.db.execute(f"SELECT * FROM ent WHERE type = ? {self._ORDER} LIMIT ?", (etype, n)).fetchall()
        return [self._row(r) for r in rows]

    def distinct(self) -> Counter:
        """Number of distinct entities per type."""
        self.flush()
        return Counter(dict(self.db.execute("SELECT type, count(*) FROM ent GROUP BY type").fetchall()))

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            if self.db is not None:
                self.db.close()
        finally:
            try:
                os.unlink(self.path)
            except OSError:
                pass


# --- writers ---------------------------------------------------------------------------------

def document_row(d: dict[str, Any]) -> dict[str, Any]:
    """A row of ``documents.csv`` for an exported document (with ``source`` and ``words``
    added by the run)."""
    tops = primary_topics(d)
    counts = Counter(str(e.get("type")) for e in d.get("entities", []))
    row = {"doc_id": d.get("id"), "source": d.get("source"), "reference_date": d.get("reference_date"),
           "reference_source": d.get("reference_source"),
           "topics": "; ".join(str(t.get("id")) for t in tops),
           "topics_ar": "; ".join(str(t.get("label_ar") or t.get("label") or "") for t in tops)}
    row.update({f"n_{t}": counts.get(t, 0) for t in COUNT_TYPES})
    row["words"] = d.get("words")
    return row


class DocumentsCsvWriter(CsvWriter):
    """``documents.csv``: one row per document (:func:`document_row`)."""

    columns = DOCUMENT_COLUMNS
    wants_text = True  # for ``source`` and ``words``

    def write(self, d: dict[str, Any]) -> None:
        self.write_row(document_row(d))


class DocumentsJsonlWriter(FileWriter):
    """``documents.jsonl``: ``{"id", "source", "date", "reference_date", "reference_source",
    "words", "text"}`` per line; ``date`` is the input's own date (``null`` without one)."""

    wants_text = True

    def __init__(self, path: Path):
        self.file = AtomicFile(path)

    def write(self, d: dict[str, Any]) -> None:
        rec = {"id": d.get("id"), "source": d.get("source"), "date": d.get("date"),
               "reference_date": d.get("reference_date"), "reference_source": d.get("reference_source"),
               "words": d.get("words"), "text": d.get("text")}
        self.file.fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


class EntityIndexWriter(FileWriter):
    """``entity_index.csv``, written at :meth:`close` from the run's :class:`CorpusIndex`."""

    def __init__(self, path: Path, index: CorpusIndex):
        self.file = AtomicFile(path, newline="")
        self.index = index
        self.rows = 0

    def write(self, d: dict[str, Any]) -> None:
        pass  # the index is fed by the output set, once for every writer that reads it

    def close(self) -> None:
        import csv

        fh = self.file.fh
        fh.write(CSV_BOM)
        w = csv.writer(fh)
        w.writerow(INDEX_COLUMNS)
        for r in self.index.rows():
            w.writerow([csv_safe(v) for v in (r.type, r.value, r.documents, r.mentions,
                                              VARIANT_SEPARATOR.join(r.variants), r.first_date, r.first_doc,
                                              r.last_date, r.last_doc, r.key)])
            self.rows += 1


# --- reading a run folder --------------------------------------------------------------------

def _json_lines(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def iter_entity_documents(run: str | Path) -> Iterator[dict[str, Any]]:
    """The exported documents of a run folder, one at a time: from ``entities.jsonl`` when
    the run wrote it, else from ``entities.json`` (read incrementally)."""
    from .io import iter_json_records

    run = Path(run)
    if (run / "entities.jsonl").is_file():
        yield from _json_lines(run / "entities.jsonl")
        return
    with open(run / "entities.json", encoding="utf-8") as fh:
        for rec in iter_json_records(iter(lambda: fh.read(1 << 16), ""), limit=1 << 30):
            if isinstance(rec, ValueError):
                raise ValueError(f"{run / 'entities.json'}: {rec}")
            yield rec.value


def iter_texts(run: str | Path) -> Iterator[dict[str, Any]]:
    """The records of ``documents.jsonl`` (id, source, dates, words, text), in run order."""
    path = Path(run) / "documents.jsonl"
    if path.is_file():
        yield from _json_lines(path)


def iter_run(run: str | Path) -> Iterator[dict[str, Any]]:
    """The exported documents of a run folder with their ``text`` (and ``source``, ``words``)
    from ``documents.jsonl``; both files are in the same order, so this streams. Without
    ``documents.jsonl`` (a run of an older version) the documents come without text."""
    texts = iter_texts(run)
    for d in iter_entity_documents(run):
        t = next(texts, None)
        if t is not None and t.get("id") != d.get("id"):
            raise ValueError(f"{run}: documents.jsonl and the entities do not list the same documents "
                             f"({t.get('id')!r} / {d.get('id')!r}): are they from the same run?")
        yield {**d, **({k: t[k] for k in ("text", "source", "words", "date") if k in t} if t else {})}


__all__ = ["merge_key", "canonical", "month_of", "month_range", "categories_table", "sentence_around", "cooccurrence_graph", "graph_layout",
           "CorpusIndex", "IndexRow", "document_row", "iter_run", "iter_entity_documents", "iter_texts",
           "DOCUMENT_COLUMNS", "INDEX_COLUMNS", "COUNT_TYPES", "NAMED_TYPES", "ENTITY_TYPES"]
