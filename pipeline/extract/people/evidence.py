"""Evidence and score: how sure the recognizer is of a candidate name.

Every candidate carries the rule that found it; the rule's **prior** is its precision measured
on anercorp-tune (``resources/people/rules.tsv``, column ``score``). The evidence around and
inside the name moves it up or down; the final score is

    score = σ( logit(prior) + Σ_f w_f )

over the candidate's *features* ``f`` (below), with the weights ``w_f`` of
``resources/people/weights.tsv``, fitted on anercorp-tune by ``benchmarks/calibrate_people.py``
(logistic regression with the prior as offset, L2-regularized). The features are general:
shapes, lexicon classes, frequency bands, position and document repeats, never a word itself.

=====================  =====================================================================
feature                meaning
=====================  =====================================================================
``len:N``              number of name words (1, 2, 3+)
``first:C``/``last:C`` lexicon class of the first / last word: ``given`` (unambiguous given
                       name), ``common_given`` (also a common word), ``particle``, ``known``
                       (a word of a well-known name), ``definite``, ``foreign`` (rare and
                       transliteration-like), or a frequency band ``rare`` / ``mid`` / ``frequent``
``like:B``             name-likeness band of the least foreign-looking word no lexicon knows
``maxz:B``             frequency band of the most frequent word no lexicon knows
``struct:nasab``       a nasab chain inside the name (X بن Y)
``struct:compound``    a kunya or compound (أبو X، عبد X، X الدين)
``rules:2``            two or more rules found the same span
``repeat``             the same name is found elsewhere in the document
``part``               the name is the first or last word(s) of a longer name of the document
``prev:C``/``next:C``  the token before / after: ``start`` (text start, punctuation), ``said``
                       (إن، أن، a colon: after a name), ``prep``, ``title``, ``speech`` (a speech
                       verb), ``verb``, ``nationality`` (before a name), ``definite``,
                       ``accusative`` (after a name), ``stop``, ``number``, ``bracket``, ``rare``
                       (a word at most Zipf 3.5) or ``word``
``clitic``             a proclitic was cut from the first word (لماكرون)
``place:all|part``     another extractor reads a place on all / some of its words
``ali``                the first word is علي, which the normalized view cannot tell from على
=====================  =====================================================================
"""

from __future__ import annotations

import math

from ...resources import ResourceError, load_table
from ..common import TypeMemo
from .likeness import Likeness
from .words import Words, is_definite


def load_weights() -> dict[str, float]:
    """Feature -> weight (``resources/people/weights.tsv``; absent features weigh 0)."""
    out = {}
    for r in load_table("people/weights.tsv", ("feature", "weight")):
        if r["feature"] in out:
            raise ResourceError(f"people/weights.tsv: feature {r['feature']!r} twice")
        out[r["feature"]] = float(r["weight"])
    return out


def logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def band(z: float) -> str:
    """Frequency band of a Zipf value."""
    return "rare" if z <= 2.5 else "low" if z <= 3.5 else "mid" if z <= 4.5 else "frequent"


class Evidence:
    """Features and scores of person candidates (see the module docstring)."""

    def __init__(self, words: Words, likeness: Likeness, weights: dict[str, float] | None = None) -> None:
        self.w = words
        self.like = likeness
        self.weights = load_weights() if weights is None else weights
        self._word_classes = TypeMemo(self._word_class)  # per word type
        self._token_classes = TypeMemo(self._token_class)  # per (word type, token kind, side)
        self._name_feats = TypeMemo(self._name_features_of)  # per name (its normalized words)
        self._scores = TypeMemo(self._score_of)  # per (prior, features)

    def word_class(self, w: str) -> str:
        return self._word_classes[w]

    def _word_class(self, w: str) -> str:
        x = self.w
        if w in x.particles:
            return "particle"
        if w in x.given:
            return "common_given" if w in x.given_common else "given"
        if w in x.known_words:
            return "known"
        if is_definite(w):
            return "definite"
        z = x.z(w)
        if z <= 3.5 and self.like(w) > 0.2:
            return "foreign"
        return band(z)

    def _lexical(self, w: str) -> bool:
        x = self.w
        return w in x.given or w in x.particles or w in x.known_words or w in x.tails or w in x.ordinals

    def token_class(self, page, i: int, side: str) -> str:
        """Class of the context token ``i`` on ``side`` (``prev`` or ``next``) of a name."""
        if i < 0 or i >= page.n:
            return "start"
        t = page.toks[i]
        return self._token_classes[(t.norm, t.kind, side)]

    def _token_class(self, key: tuple[str, str, str]) -> str:
        w, kind, side = key
        x = self.w
        if kind == "number":
            return "number"
        if kind != "word":
            if w == "(":
                return "bracket"
            return "said" if side == "next" and w in x.said else "start"
        bare = w[1:] if w[:1] in "وف" and len(w) > 3 else w
        if w in x.preps:
            return "prep"
        if w in x.title_words or bare in x.title_words:
            return "title"
        if side == "next" and w in x.said:
            return "said"
        if w in x.speech or bare in x.speech or (side == "prev" and (w in x.naming or bare in x.naming)):
            return "speech"
        if w in x.action or bare in x.action or w in x.verb_forms or bare in x.verb_forms or x.strong_verb(w) \
                or (side == "prev" and x.verb_like(w)):
            return "verb"
        if side == "prev" and (w in x.nationality or bare in x.nationality):
            return "nationality"
        if is_definite(w):
            return "definite"
        if side == "next" and w.endswith("ا") and x.freq.get("ال" + w[:-1], 0.0) >= 3.5:
            return "accusative"
        if w in x.stop:
            return "stop"
        return "rare" if x.z(w) <= 3.5 else "word"

    def features(self, page, key: tuple[int, int], cand, names: dict) -> list[str]:
        """The features of the candidate ``cand`` over tokens ``key``; ``names`` counts the
        document's candidate names (word tuples) for ``repeat`` and ``part``."""
        a, b = key
        toks = page.toks
        words = self.words_of(page, key, cand.cut)
        t = tuple(words)
        f = list(self._name_features(t))
        if len(cand.rules) > 1:
            f.append("rules:2")
        if names.get(t, 0) > 1:
            f.append("repeat")
        if len(t) == 1 and names.get(("part",) + t, 0):
            f.append("part")
        f.append("prev:" + self.token_class(page, a - 1, "prev"))
        f.append("next:" + self.token_class(page, b + 1, "next"))
        if cand.cut:
            f.append("clitic")
        places = sum(page.cover[k] == "place" for k in range(a, b + 1))
        if places:
            f.append("place:all" if places == b - a + 1 else "place:part")
        if words[0] in self.w.given and words[0] in self.w.stop:
            f.append("ali")
        if toks[a].sent != toks[b].sent:
            f.append("sentences")
        return f

    def _name_features(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """The features of a name's words alone (memoized per name)."""
        return self._name_feats[words]

    def _name_features_of(self, words: tuple[str, ...]) -> tuple[str, ...]:
        x = self.w
        f = [f"len:{min(len(words), 3)}", f"first:{self.word_class(words[0])}"]
        if len(words) > 1:
            f.append(f"last:{self.word_class(words[-1])}")
        free = [w for w in words if not self._lexical(w)]
        if free:
            f.append("like:" + self._like_band(min(self.like(w) for w in free)))
            f.append("maxz:" + band(max(x.z(w) for w in free)))
        if any(w in x.filiation for w in words[1:-1]):
            f.append("struct:nasab")
        elif words[0] in x.arabic_particles or any(w in x.tails for w in words[1:]):
            f.append("struct:compound")
        return tuple(f)

    @staticmethod
    def _like_band(s: float) -> str:
        return "neg" if s < -0.3 else "low" if s < 0.0 else "mid" if s < 0.3 else "high"

    @staticmethod
    def words_of(page, key: tuple[int, int], cut: int) -> list[str]:
        a, b = key
        words = [t.norm for t in page.toks[a:b + 1] if t.kind == "word"]
        if words and cut:
            words[0] = words[0][cut:]
            if page.toks[a].norm.startswith("لل"):
                words[0] = "ا" + words[0]
        return words or [""]

    @staticmethod
    def names(page, items) -> dict:
        """Counts of the candidates' word tuples, and of the first and last words of the longer
        ones (key ``("part", word)``)."""
        out: dict = {}
        for key, cand in items:
            t = tuple(Evidence.words_of(page, key, cand.cut))
            out[t] = out.get(t, 0) + 1
            if len(t) > 1:
                for w in (t[0], t[-1]):
                    out[("part", w)] = out.get(("part", w), 0) + 1
        return out

    def score(self, prior: float, feats: list[str]) -> float:
        return self._scores[(prior, tuple(feats))]

    def _score_of(self, key: tuple[float, tuple[str, ...]]) -> float:
        prior, feats = key
        wt = self.weights
        return round(sigmoid(logit(prior) + sum(wt.get(f, 0.0) for f in feats)), 4)
