"""Arabic labels in matplotlib: what gets drawn is joined letters in right-to-left order.

The check does not trust :func:`pipeline.plots.shape`: it lays the label out with
matplotlib itself (the glyphs and x positions that the Agg renderer draws) and compares the
result with an oracle built from arabic-reshaper (the contextual letter forms) and
python-bidi (the visual order), for whichever matplotlib is installed.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
arabic_reshaper = pytest.importorskip("arabic_reshaper")
pytest.importorskip("bidi")

from matplotlib import _text_helpers, font_manager  # noqa: E402

from pipeline import plots  # noqa: E402

# no lam-alef pairs: the ligature is one glyph for two letters, which the oracle would order differently
LABELS = ["سبتمبر", "سمير النجار", "زار الوزير مدينة طنجة", "منذ 2024 في بيروت", "تقرير 12 صفحة"]


def _font(family: str):
    path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    font = font_manager.get_font(path)
    font.set_size(12, 72)
    return font


def _drawn(label: str, font) -> list:
    """Layout items of what matplotlib draws for ``plots.shape(label)``, left to right."""
    return sorted(_text_helpers.layout(plots.shape(label), font), key=lambda it: it.x)


def _canon(font) -> dict[int, int]:
    """Glyph of an isolated presentation form -> glyph of the plain letter (same drawing;
    a shaping engine uses the latter, an unshaping renderer of reshaped text the former)."""
    out = {}
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFF00)):
        c = chr(cp)
        if "ISOLATED FORM" in unicodedata.name(c, "") and len(unicodedata.normalize("NFKC", c)) == 1:
            g = font.get_char_index(cp)
            if g:
                out[g] = font.get_char_index(ord(unicodedata.normalize("NFKC", c)))
    return out


def _oracle_glyphs(label: str, font) -> list[int]:
    from bidi import get_display

    canon = _canon(font)
    visual = get_display(arabic_reshaper.reshape(label))
    return [canon.get(g, g) for g in (font.get_char_index(ord(c)) for c in visual if not c.isspace())]


@pytest.mark.parametrize("label", LABELS)
def test_plots_label_drawn_joined_and_right_to_left(label):
    font = _font(plots.arabic_font())
    canon = _canon(font)
    drawn = [canon.get(it.glyph_index, it.glyph_index) for it in _drawn(label, font) if not it.char.isspace()]
    assert drawn == _oracle_glyphs(label, font)


@pytest.mark.parametrize("label", LABELS)
def test_plots_fallback_mode_for_renderers_without_shaping(label):
    """What matplotlib < 3.11 draws: the code points of the label, left to right, unshaped."""
    font = _font(plots.FALLBACK_FONT)
    canon = _canon(font)
    drawn = [canon.get(g, g) for g in (font.get_char_index(ord(c)) for c in plots.shape(label, native=False)
                                       if not c.isspace())]
    assert drawn == _oracle_glyphs(label, font)


@pytest.mark.parametrize("label", LABELS)
def test_plots_raw_label_is_not_what_an_unshaping_renderer_needs(label):
    """The oracle differs from the isolated letters in logical order, so the test above can fail."""
    font = _font(plots.arabic_font())
    naive = [font.get_char_index(ord(c)) for c in label if not c.isspace()]
    assert naive != _oracle_glyphs(label, font)


def test_plots_shape_modes():
    assert plots.shape("با", native=True) == "با"
    assert plots.shape("با", native=False) == "\ufe8e\ufe91"  # alef final, beh initial, visual order
    assert plots.shape("سطر أول\nسطر", native=False).count("\n") == 1
    for label in ("person", "2024-05-03", "", None, 12):
        assert plots.shape(label, native=False) == ("" if label is None else str(label))


def test_plots_native_shaping_matches_matplotlib_layout():
    font = _font(plots.arabic_font())
    items = {it.char: it for it in _text_helpers.layout("با", font)}
    native = "ب" in items and "ا" in items and items["ب"].x > items["ا"].x
    assert plots.native_shaping() is native


def test_plots_font_has_arabic_glyphs_and_falls_back():
    family = plots.arabic_font()
    font = _font(family)
    assert all(font.get_char_index(ord(c)) for c in "ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
    assert plots.arabic_font(("No Such Font 123",)) == plots.FALLBACK_FONT
    assert plots.rc_params()["font.family"][0] == family
    # the fallback ships with matplotlib and covers Arabic and its presentation forms
    dejavu = _font(plots.FALLBACK_FONT)
    forms = arabic_reshaper.reshape("سبتمبر قيس")
    assert all(dejavu.get_char_index(ord(c)) for c in forms if not c.isspace())
    assert all(unicodedata.name(c).startswith("ARABIC LETTER") for c in forms if not c.isspace())


def test_plots_helpers_draw_and_save(tmp_path):
    import matplotlib.pyplot as plt

    ax = plots.bar_counts(["سمير النجار", "بيروت"], [3, 1], title="الأكثر ذكراً", xlabel="عدد")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [plots.shape("سمير النجار"), plots.shape("بيروت")][::-1] or labels == [
        plots.shape("سمير النجار"), plots.shape("بيروت")]
    assert ax.get_title() == plots.shape("الأكثر ذكراً")
    ax.figure.savefig(tmp_path / "bars.png")
    rows = [{"doc_id": "a", "text": "3 مايو", "date_start": dt.date(2024, 5, 3), "date_end": dt.date(2024, 5, 3)},
            {"doc_id": "b", "text": "الأسبوع الماضي", "date_start": dt.date(2024, 4, 22),
             "date_end": dt.date(2024, 4, 28)},
            {"doc_id": "b", "text": "بلا قيمة", "date_start": None}]
    ax2 = plots.timeline(rows, title="التواريخ")
    ticks = {t.get_position()[1]: t.get_text() for t in ax2.get_yticklabels()}
    assert ticks == {1: plots.shape("3 مايو"), 0: plots.shape("الأسبوع الماضي")}  # the row without a date is left out
    assert sorted(t.get_text() for t in ax2.texts) == ["a", "b"]  # document names
    ax4 = plots.timeline(rows * 3, max_rows=4, title="التواريخ")
    assert len(ax4.get_yticklabels()) == 4 and ax4.get_title() == plots.shape("التواريخ (4/6)")
    ax2.figure.savefig(tmp_path / "timeline.png")
    ax3 = plots.prf_bars([{"type": "person", "span_P": 0.5, "span_R": 1.0, "span_F1": 0.667}], labels={"person": "أشخاص"})
    assert len(ax3.patches) == 3
    ax3.figure.savefig(tmp_path / "prf.png")
    assert all((tmp_path / n).stat().st_size > 1000 for n in ("bars.png", "timeline.png", "prf.png"))
    plt.close("all")


def test_plots_corpus_views_draw_and_save(tmp_path):
    import matplotlib.pyplot as plt
    import pandas as pd

    from pipeline.corpus import cooccurrence_graph

    ax = plots.month_bars([f"2024-{m:02d}" for m in range(1, 13)], range(12), title="حسب الشهر")
    assert len(ax.patches) == 12 and ax.get_title() == plots.shape("حسب الشهر")
    ax.figure.savefig(tmp_path / "months.png")
    table = pd.DataFrame({"الاقتصاد": [3, 1], "الرياضة": [0, 2]}, index=["2024-01", "2024-02"])
    ax2 = plots.stacked_bars(table, title="التصنيفات")
    assert len(ax2.patches) == 4
    assert [t.get_text() for t in ax2.get_legend().get_texts()] == [plots.shape("الاقتصاد"), plots.shape("الرياضة")]
    ax2.figure.savefig(tmp_path / "cats.png")
    nodes = {("person", "a"): {"type": "person", "label": "سمير النجار", "documents": 3},
             ("place", "b"): {"type": "place", "label": "بيروت", "documents": 1},
             ("place", "c"): {"type": "place", "label": "طنجة", "documents": 1}}
    g = cooccurrence_graph([{("person", "a"), ("place", "b")}, {("person", "a"), ("place", "b")}], nodes)
    ax3 = plots.network(g, title="الشبكة")
    texts = sorted(t.get_text() for t in ax3.texts)
    assert texts == sorted(plots.shape(x) for x in ("سمير النجار", "بيروت", "طنجة"))
    ax3.figure.savefig(tmp_path / "net.png")
    assert all((tmp_path / n).stat().st_size > 1000 for n in ("months.png", "cats.png", "net.png"))
    plt.close("all")
