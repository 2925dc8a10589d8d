"""Matplotlib helpers that draw Arabic labels correctly.

Arabic needs two things matplotlib historically did not do: *shaping* (each letter takes
its initial/medial/final form so the letters join) and the *bidi algorithm* (a right-to-left
run is laid out from right to left). Two cases exist:

* matplotlib >= 3.11 lays text out with libraqm (HarfBuzz + a bidi implementation): it
  shapes and reorders by itself, and a label must be passed **unchanged**. Reshaping it
  beforehand would make libraqm reverse the already reversed string (mirrored words).
* older matplotlib draws code points left to right as they come: the label must be
  reshaped with ``arabic-reshaper`` and reordered with ``python-bidi`` first.

:func:`native_shaping` decides which case applies by laying out a two-letter probe with
the font in use and checking where the glyphs land, and :func:`shape` does the right thing
for each label. :func:`arabic_font` picks an installed font that has Arabic glyphs, falling
back to DejaVu Sans, which matplotlib ships and which covers Arabic letters and their
presentation forms, so nothing here depends on a system font being installed.

matplotlib, arabic-reshaper and python-bidi are imported lazily (they are development
dependencies used by the notebooks), so importing this module costs nothing.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any, Iterable, Sequence

#: Font families tried in order; the first one installed that covers Arabic wins.
FONT_CANDIDATES: tuple[str, ...] = (
    "Noto Naskh Arabic", "Noto Sans Arabic", "Noto Kufi Arabic", "Amiri", "Scheherazade New",
    "Arial", "DejaVu Sans",
)
FALLBACK_FONT = "DejaVu Sans"

# Every Arabic letter hamza..yeh (U+0621-U+064A): what a font must cover to be chosen.
_ARABIC_LETTERS = "".join(chr(c) for c in range(0x0621, 0x063B)) + "".join(chr(c) for c in range(0x0641, 0x064B))
_BEH, _ALEF = "\u0628", "\u0627"


def _font_path(family: str) -> str | None:
    from matplotlib import font_manager as fm

    try:
        return fm.findfont(fm.FontProperties(family=family), fallback_to_default=False)
    except ValueError:
        return None


def _covers(path: str, chars: str) -> bool:
    from matplotlib import font_manager as fm

    font = fm.get_font(path)
    return all(font.get_char_index(ord(c)) for c in chars)


@lru_cache(maxsize=None)
def arabic_font(candidates: tuple[str, ...] = FONT_CANDIDATES) -> str:
    """Family name of the first installed font of ``candidates`` with Arabic glyphs.

    When matplotlib does not shape text itself, the font must also cover the Arabic
    presentation forms that :func:`shape` produces. Falls back to DejaVu Sans.
    """
    for family in candidates:
        path = _font_path(family)
        if path is None:
            continue
        # findfont may answer with a different family when the name is unknown
        from matplotlib import font_manager as fm

        if fm.get_font(path).family_name.lower() != family.lower():
            continue
        needed = _ARABIC_LETTERS
        if not _native_for(path):
            needed += _reshape_only(_ARABIC_LETTERS)
        if _covers(path, needed):
            return family
    return FALLBACK_FONT


@lru_cache(maxsize=None)
def _native_for(path: str) -> bool:
    """True when matplotlib's own layout shapes and reorders Arabic with the font at ``path``."""
    try:
        from matplotlib import _text_helpers
        from matplotlib import font_manager as fm

        font = fm.get_font(path)
        font.set_size(12, 72)
        items = list(_text_helpers.layout(_BEH + _ALEF, font))
        x = {it.char: it.x for it in items}
        glyph = {it.char: it.glyph_index for it in items}
    except Exception:  # private API changed or font unusable: assume no shaping
        return False
    if _BEH not in x or _ALEF not in x:
        return False
    isolated = fm.get_font(path).get_char_index(ord(_BEH))
    # Right-to-left: beh (first in logical order) is drawn right of alef; shaped: it uses
    # its initial form, not the isolated glyph.
    return x[_BEH] > x[_ALEF] and glyph[_BEH] != isolated


def native_shaping() -> bool:
    """True when this matplotlib shapes and reorders Arabic by itself (libraqm)."""
    path = _font_path(arabic_font()) or _font_path(FALLBACK_FONT)
    return bool(path) and _native_for(path)


def _reshape_only(text: str) -> str:
    import arabic_reshaper

    return arabic_reshaper.reshape(text)


def _bidi(text: str) -> str:
    try:
        from bidi import get_display  # python-bidi >= 0.5
    except ImportError:  # pragma: no cover - older python-bidi
        from bidi.algorithm import get_display
    return get_display(text)


def shape(label: Any, native: bool | None = None) -> str:
    """A label ready for matplotlib: unchanged when matplotlib shapes text itself,
    otherwise reshaped (joined letter forms) and put in visual order (bidi).

    Args:
        label: any value; it is converted with ``str``.
        native: force a mode (tests); ``None`` detects it with :func:`native_shaping`.
    """
    text = "" if label is None else str(label)
    if native is None:
        native = native_shaping()
    if native or not any("\u0600" <= c <= "\u06ff" for c in text):
        return text
    return "\n".join(_bidi(_reshape_only(line)) for line in text.split("\n"))


def rc_params() -> dict[str, Any]:
    """Matplotlib settings for Arabic labels: use with ``matplotlib.rc_context(rc_params())``."""
    family = arabic_font()
    return {
        "font.family": [family] + ([FALLBACK_FONT] if family != FALLBACK_FONT else []),
        "axes.unicode_minus": False,
    }


def _family() -> list[str]:
    return rc_params()["font.family"]


def _new_axes(figsize):
    # No rc_context around figure creation: leaving it would restore rcParams captured
    # before the inline backend switched interactive mode on, and later figures would no
    # longer be displayed in notebooks. Fonts are passed to each text instead.
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=figsize)[1]


def setup() -> str:
    """Applies :func:`rc_params` globally (notebooks); returns the chosen font family."""
    import matplotlib

    matplotlib.rcParams.update(rc_params())
    return arabic_font()


def bar_counts(labels: Sequence[Any], counts: Sequence[float], ax=None, title: str | None = None,
               xlabel: str | None = None, color: str | None = None):
    """Horizontal bar chart of counts with (Arabic) labels, largest at the top.

    Returns the matplotlib Axes.
    """
    fam = _family()
    labels, counts = list(labels), [float(n) for n in counts]
    if ax is None:
        ax = _new_axes((7, max(2.0, 0.45 * len(labels) + 1)))
    ys = list(range(len(labels)))[::-1]
    ax.barh(ys, counts, color=color or "#4c78a8")
    ax.set_yticks(ys, [shape(x) for x in labels], fontfamily=fam)
    for y, n in zip(ys, counts):
        ax.annotate(f"{n:g}", (n, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=9)
    if title:
        ax.set_title(shape(title), fontfamily=fam)
    if xlabel:
        ax.set_xlabel(shape(xlabel), fontfamily=fam)
    if all(float(n).is_integer() for n in counts):
        from matplotlib.ticker import MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.margins(x=0.12)
    ax.figure.tight_layout()
    return ax


def timeline(rows: Iterable[dict[str, Any]], ax=None, title: str | None = None, max_rows: int = 80):
    """Date mentions on a time axis: one line per mention (its text as the label), grouped
    by document, a dot at the first day and a bar over the period (month, year, range).

    Args:
        rows: dicts with ``doc_id``, ``text``, ``date_start`` and ``date_end``
            (:class:`datetime.date`), e.g. the records of :func:`pipeline.analysis.date_timeline`;
            rows without ``date_start`` are left out.
        max_rows: at most this many mentions are drawn (the first ones by document and date).
    Returns the matplotlib Axes.
    """
    import matplotlib.dates as mdates

    fam = _family()
    rows = sorted((r for r in rows if r.get("date_start") is not None),
                  key=lambda r: (str(r["doc_id"]), r["date_start"], r.get("date_end") or r["date_start"]))
    total = len(rows)
    rows = rows[:max_rows]
    n = len(rows)
    if ax is None:
        ax = _new_axes((9, max(2.5, 0.32 * n + 1.4)))
    ys = list(range(n))[::-1]  # first mention at the top
    palette = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2", "#9d755d"]
    docs = list(dict.fromkeys(str(r["doc_id"]) for r in rows))
    for y, r in zip(ys, rows):
        color = palette[docs.index(str(r["doc_id"])) % len(palette)]
        a, b = r["date_start"], r.get("date_end") or r["date_start"]
        if b > a:
            ax.plot([a, b + dt.timedelta(days=1)], [y, y], lw=5, alpha=0.45, color=color, solid_capstyle="butt")
        ax.plot([a], [y], "o", color=color, ms=5)
    ax.set_yticks(ys, [shape(r.get("text", "")) for r in rows], fontfamily=fam, fontsize=9)
    # document names on the right, at the middle of their group, and separators between groups
    for k, doc in enumerate(docs):
        idx = [y for y, r in zip(ys, rows) if str(r["doc_id"]) == doc]
        ax.annotate(shape(doc), (1.01, (sum(idx) / len(idx) + 0.5) / max(n, 1)), xycoords="axes fraction",
                    va="center", fontsize=9, fontfamily=fam, color=palette[k % len(palette)])
        if k:
            ax.axhline(max(idx) + 0.5, color="#bbb", lw=0.6)
    ax.set_ylim(-0.6, n - 0.4)
    if rows:
        locator = mdates.AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        lo = min(r["date_start"] for r in rows)
        hi = max((r.get("date_end") or r["date_start"]) for r in rows)
        pad = max(dt.timedelta(days=15), (hi - lo) * 0.05)
        ax.set_xlim(lo - pad, hi + pad)
    if title or total > n:
        text = (title or "") + (f" ({n}/{total})" if total > n else "")
        ax.set_title(shape(text), fontfamily=fam)
    ax.grid(axis="x", alpha=0.3)
    ax.figure.tight_layout()
    return ax


def prf_bars(scores, ax=None, title: str | None = None, kind: str = "span",
             labels: dict[str, str] | None = None):
    """Grouped bars of precision, recall and F1 per type.

    Args:
        scores: rows with ``type`` and ``{kind}_P``, ``{kind}_R``, ``{kind}_F1``
            (the ``scores`` table of :func:`pipeline.analysis.compare`, DataFrame or dicts).
        kind: ``"span"`` or ``"value"``.
        labels: display name per type (e.g. Arabic); defaults to the type itself.
    Returns the matplotlib Axes.
    """
    fam = _family()
    rows = scores.to_dict("records") if hasattr(scores, "to_dict") else list(scores)
    labels = labels or {}
    metrics = [("P", "الدقة", "#4c78a8"), ("R", "الاستدعاء", "#f58518"), ("F1", "F1", "#54a24b")]
    if ax is None:
        ax = _new_axes((max(5.0, 1.3 * len(rows) + 2), 3.6))
    w = 0.8 / len(metrics)
    for k, (m, name, color) in enumerate(metrics):
        xs = [i + (k - 1) * w for i in range(len(rows))]
        ax.bar(xs, [float(r[f"{kind}_{m}"]) for r in rows], width=w, label=shape(name), color=color)
    ax.set_xticks(range(len(rows)), [shape(labels.get(r["type"], r["type"])) for r in rows], fontfamily=fam)
    ax.set_ylim(0, 1.05)
    ax.legend(loc="upper right", prop={"family": fam, "size": 9})
    if title:
        ax.set_title(shape(title), fontfamily=fam)
    ax.grid(axis="y", alpha=0.3)
    ax.figure.tight_layout()
    return ax


def month_bars(months: Sequence[str], counts: Sequence[float], ax=None, title: str | None = None):
    """Counts per month (``YYYY-MM``) as vertical bars, in time order; labels thinned out to
    about 24. Returns the matplotlib Axes."""
    fam = _family()
    months, counts = list(months), [float(n) for n in counts]
    if ax is None:
        ax = _new_axes((10, 3.2))
    xs = list(range(len(months)))
    ax.bar(xs, counts, color="#4c78a8", width=0.9)
    step = max(1, -(-len(months) // 24))
    ax.set_xticks(xs[::step], months[::step], rotation=60, fontsize=8)
    if title:
        ax.set_title(shape(title), fontfamily=fam)
    ax.grid(axis="y", alpha=0.3)
    ax.figure.tight_layout()
    return ax


def stacked_bars(table, ax=None, title: str | None = None):
    """A DataFrame (rows: periods, columns: categories) as stacked bars, one per period, with
    the (Arabic) column names in the legend. Returns the matplotlib Axes."""
    fam = _family()
    if ax is None:
        ax = _new_axes((10, 3.8))
    palette = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2", "#eeca3b", "#9d755d", "#bab0ac"]
    xs = list(range(len(table.index)))
    bottom = [0.0] * len(xs)
    for k, col in enumerate(table.columns):
        vals = [float(v) for v in table[col]]
        ax.bar(xs, vals, bottom=bottom, color=palette[k % len(palette)], label=shape(col), width=0.85)
        bottom = [b + v for b, v in zip(bottom, vals)]
    step = max(1, -(-len(xs) // 24))
    ax.set_xticks(xs[::step], [str(p) for p in table.index][::step], rotation=60, fontsize=8)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), prop={"family": fam, "size": 8})
    if title:
        ax.set_title(shape(title), fontfamily=fam)
    ax.figure.tight_layout()
    return ax


#: Node colours of :func:`network`, by entity type (the report's).
NETWORK_COLOURS = {"person": "#ffb26b", "place": "#7bd389", "organization": "#7aa6ff"}


def network(graph, ax=None, title: str | None = None, seed: int = 7):
    """A co-occurrence graph (:func:`pipeline.analysis.cooccurrence`) drawn with networkx:
    node size by documents, colour by type, edge width by documents in common, (Arabic)
    labels; the layout is the report's (:func:`pipeline.corpus.graph_layout`, fixed seed).
    Returns the matplotlib Axes."""
    import networkx as nx

    from .corpus import graph_layout

    fam = _family()
    if ax is None:
        ax = _new_axes((9, 7))
    pos = graph_layout(graph, seed=seed)
    if pos:
        dmax = max(graph.nodes[n].get("documents", 1) for n in graph) or 1
        wmax = max((d["weight"] for _, _, d in graph.edges(data=True)), default=1)
        nx.draw_networkx_edges(graph, pos, ax=ax, width=[0.5 + 4 * d["weight"] / wmax for _, _, d in
                                                         graph.edges(data=True)], alpha=0.4, edge_color="#777")
        nx.draw_networkx_nodes(graph, pos, ax=ax, edgecolors="#555",
                               node_color=[NETWORK_COLOURS.get(graph.nodes[n]["type"], "#ddd") for n in graph],
                               node_size=[80 + 900 * graph.nodes[n].get("documents", 1) / dmax for n in graph])
        nx.draw_networkx_labels(graph, {n: (x, y - 0.045) for n, (x, y) in pos.items()}, ax=ax,
                                labels={n: shape(graph.nodes[n]["label"]) for n in graph}, font_size=9,
                                font_family=fam[0])
    ax.set_axis_off()
    ax.margins(0.08)
    if title:
        ax.set_title(shape(title), fontfamily=fam)
    ax.figure.tight_layout()
    return ax
