"""Hostile or odd content through the whole pipeline, and adversarial inputs (no catastrophic regex).

The real timings of the adversarial inputs are printed by ``benchmarks/bench_adversarial.py``;
here each one runs under a generous watchdog (a super-linear pattern on 100,000 characters
takes minutes, not seconds), so the check cannot be flaky on a loaded machine.
"""

from __future__ import annotations

import signal
from contextlib import contextmanager

import pytest

from pipeline import normalize
from tests.conftest import assert_offsets

WATCHDOG_SECONDS = 30
N = 100_000

PLAIN = "وقال الرئيس الفرنسي إيمانويل ماكرون في باريس يوم 12 مارس 2023 إن الاتفاق مهم للطرفين."


@contextmanager
def watchdog(seconds: int):
    def _alarm(signum, frame):
        raise TimeoutError(f"over {seconds} s: super-linear behaviour")

    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize("unit", [
    "1", "\u0661", " ", "\n", "\u0640", "\u0628", "\u0628 ", "\u0627\u0644", "\u064e", "\u200f", ".", "-",
    "12/", "1 ", "1,", "a", "Ab ", "\ufe8f", "\x00",
    "محمد الحربي ", "وقال الرئيس جون ميلر إن ", "سامي الحربي، ",  # one repeated name, a list of names
], ids=lambda u: "U+" + "-".join(f"{ord(c):04X}" for c in u))
def test_adversarial_inputs_finish(nlp, unit):
    text = (unit * (N // len(unit) + 1))[:N]
    with watchdog(WATCHDOG_SECONDS):
        doc = nlp.process(text, "adv")
    assert_offsets(doc)


@pytest.mark.parametrize("text", [
    "",
    " \n\t ",
    "the quick brown fox jumps over the lazy dog",
    "12345 67890 !!! ??? ... --- ///",
    "\x00\x00\x00",
    "\u202e\u202d\u200f\u200e\u2066\u2069",
    "\ufeff\u200b\u200c\u200d",
    "\ud800 lone surrogate",
    "😀🇹🇳 ✔︎ 𝔸𝕣𝕒𝕓𝕚𝕔",
])
def test_no_arabic_yields_nothing(nlp, text):
    doc = nlp.process(text, "neg")
    assert doc.entities == []
    assert doc.topics == []


def _variants(text: str) -> dict[str, str]:
    import arabic_reshaper

    return {
        "presentation forms": arabic_reshaper.reshape(text),
        "bidi marks": text.replace(" ", " \u200f"),
        "bidi embedding": "\u202b" + text + "\u202c",
        "tatweel": text.replace("ال", "الـ"),
        "zero width": text.replace(" ", "\u200c "),
        "NUL bytes": text.replace(" ", " \x00", 3),
        "CRLF": text.replace(" في ", "\r\n في "),
        "Arabic-Indic digits": text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")),
        "mixed Latin": "(AFP) " + text + " — Reuters",
    }


@pytest.mark.parametrize("variant", list(_variants(PLAIN)))
def test_odd_encodings_of_the_same_sentence_give_the_same_entities(nlp, variant):
    base = nlp.process(PLAIN, "plain")
    assert base.entities, "the plain sentence must yield entities for this test to mean anything"
    text = _variants(PLAIN)[variant]
    doc = nlp.process(text, variant)
    assert_offsets(doc)

    def key(d):
        return sorted((e.type, normalize(e.value or "")) for e in d.entities)

    assert key(doc) == key(base)
