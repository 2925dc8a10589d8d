"""Name-likeness of unknown words: our character n-gram model against morphological analyzers.

  uv run python benchmarks/bench_likeness.py
  uv run --with tashaphyne --with qalsadi python benchmarks/bench_likeness.py   # the libraries too

The question the person recognizer asks of a word no lexicon knows: is it a (transliterated)
name, or an inflected common word? Measured on the project's own gold texts (``data/gold``:
people_dev, heldout, handwritten): among the words that are rare (Zipf <= 3.5) and in no
lexicon, *positives* are the words inside a person mention, *negatives* the words outside any
person or place. Methods:

* ``ngram``: ``pipeline.extract.people.likeness`` above its threshold (``LIKE_MIN``);
* ``tashaphyne``: a word is common when one of the light stemmer's segmentations leaves a stem
  the frequency list knows (Zipf >= 3), else name-like;
* ``qalsadi``: a word is common when the analyzer (with arramooz's dictionary) finds an analysis.

Prints precision, recall and F1 of "name-like", and the microseconds per word (cold: no memo).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def word_sets():
    from pipeline import build_default_pipeline
    from pipeline.extract.people.words import shared_words

    nlp = build_default_pipeline()
    x = shared_words()
    pos, neg = set(), set()
    for name in ("people_dev.jsonl", "heldout.jsonl", "handwritten.jsonl"):
        for line in open(ROOT / "data" / "gold" / name, encoding="utf-8"):
            d = json.loads(line)
            doc = nlp.process(d["text"])
            persons = [(e["start"], e["end"]) for e in d.get("entities", []) if e["type"] == "person"]
            places = [(e.start, e.end) for e in doc.entities if e.type == "place"]
            for t in doc.tokens:
                w = t.norm
                if t.kind != "word" or x.z(w) > 3.5 or w in x.given or w in x.particles or w in x.known_words \
                        or x.blocked(w) or len(w) < 3:
                    continue
                inside = any(s <= t.start < e for s, e in persons)
                if inside:
                    pos.add(w)
                elif not any(s <= t.start < e for s, e in places):
                    neg.add(w)
    return pos, neg - pos


def ngram():
    from pipeline.extract.people.likeness import Likeness
    from pipeline.extract.people.words import T

    like = Likeness()
    return lambda w: like(w) > T.LIKE_MIN, lambda: like._memo.clear()


def tashaphyne():
    from tashaphyne.stemming import ArabicLightStemmer

    from pipeline.extract.people.words import frequency_table
    from pipeline.normalize import normalize

    st, z = ArabicLightStemmer(), frequency_table()

    def name_like(w):
        st.segment(w)
        return not any(len(a["stem"]) >= 3 and z.get(normalize(a["stem"]), 0.0) >= 3.0 for a in st.get_affix_list())
    return name_like, None


def qalsadi():
    import qalsadi.analex as qa

    an = qa.Analex()

    def name_like(w):
        return all(getattr(r, "get_type", lambda: r.__dict__.get("type"))() == "unknown" for r in an.check_word(w))
    return name_like, None


def main() -> None:
    pos, neg = word_sets()
    print(f"words: {len(pos)} in person names, {len(neg)} outside (rare, in no lexicon)")
    print(f"{'method':12s} {'P':>6s} {'R':>6s} {'F1':>6s} {'us/word':>9s}")
    for name, make in (("ngram", ngram), ("tashaphyne", tashaphyne), ("qalsadi", qalsadi)):
        try:
            fn, reset = make()
        except ImportError:
            print(f"{name:12s} (not installed: uv run --with {name} ...)")
            continue
        words = sorted(pos) + sorted(neg)
        if reset:
            reset()
        t = time.perf_counter()
        said = {w: fn(w) for w in words}
        us = (time.perf_counter() - t) / len(words) * 1e6
        tp = sum(said[w] for w in pos)
        fp = sum(said[w] for w in neg)
        p = tp / max(tp + fp, 1)
        r = tp / max(len(pos), 1)
        print(f"{name:12s} {p:6.3f} {r:6.3f} {2 * p * r / max(p + r, 1e-9):6.3f} {us:9.1f}")


if __name__ == "__main__":
    main()
