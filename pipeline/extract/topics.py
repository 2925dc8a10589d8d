"""Topics: IPTC Media Topics categories and key phrases, each explained by its evidence.

Categories
----------
The 17 top-level IPTC Media Topics (``resources/topics/iptc_mediatopics.tsv``) are scored
per document from Arabic keyword lexicons (``resources/topics/keywords.tsv``: category,
term, weight). Single-word terms are matched on every clitic-peeled reading of a token
(:func:`pipeline.tokenize.peels`), without the article, and after light suffix stripping
(``resources/topics/suffixes.tsv``: plural, dual and nisba endings), so ``والانتخابات``
counts for ``انتخاب``; a form listed as written wins over its stripped stems (``ملابسات`` is not
``ملابس``). Multi-word terms are matched with the clitic-aware
:class:`~pipeline.extract.lexicon.Gazetteer`; their tokens are not counted again as single
words.

Each occurrence is weighted by position (title = first line when it looks like a headline:
:data:`TITLE_WEIGHT`; first sentence of the body: :data:`LEAD_WEIGHT`; else 1). A term
contributes ``weight * log2(1 + sum of its position weights)`` (repetition saturates), and a
category's raw score is the sum of its terms' contributions. The ranked list keeps the best
category when its raw score reaches :attr:`TopicExtractor.min_score` and is supported by at
least two occurrences, and the next ones when they reach ``rel_min`` of the best, up to
``max_topics``. ``Topic.score`` is ``raw / (raw + 4)``, in ``[0, 1)``; ``Topic.evidence``
maps each term to its contribution.

Key phrases
-----------
See :mod:`pipeline.extract.keyphrases`. Every occurrence of a kept phrase becomes a ``keyphrase``
candidate: ``value`` = the canonical phrase without clitics, shared by the variants of one phrase
(``حضارة رقمية`` and ``الحضارة الرقمية`` have the same words without the article: both get the more
frequent form, the definite one on a tie); ``extra["category"]`` = the medtop id its words support,
or ``None``. Phrases overlapping a person or a date candidate are dropped, and
so are phrases that equal a place name or contain a word of a person's name.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from functools import lru_cache

from ..document import Document, Topic
from ..normalize import normalize
from ..resources import load_table
from ..tokenize import peels
from .keyphrases import KeyphraseFinder, PhraseOcc
from .common import zipf
from .lexicon import Gazetteer

TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
MAX_TITLE_TOKENS = 30
SPECIFIC_MIN, SPECIFIC_MAX = 0.5, 1.3


@lru_cache(maxsize=1)
def load_taxonomy() -> dict[str, tuple[str, str]]:
    """medtop id -> (English label, Arabic label)."""
    rows = load_table("topics/iptc_mediatopics.tsv", ("code", "label", "label_ar"))
    return {r["id"]: (r["label"], r["label_ar"]) for r in rows}


@lru_cache(maxsize=1)
def load_suffixes() -> tuple[tuple[str, str, int], ...]:
    rows = load_table("topics/suffixes.tsv", ("suffix", "min_stem"))
    out = [(normalize(r["suffix"]), normalize(r.get("replacement") or ""), int(r["min_stem"])) for r in rows]
    return tuple(sorted(out, key=lambda x: -len(x[0])))


def specificity(term: str) -> float:
    """IDF-like factor from the term's general frequency (wordfreq Zipf): everyday words
    (شركة، حكومة) weigh less than specific ones (واتساب، الكعبة); phrases count as specific."""
    if " " in term.strip():
        return SPECIFIC_MAX
    z = zipf(term.strip())
    if z <= 0:
        return 1.0  # unknown to wordfreq: spelling variant or rare form, neutral
    return min(SPECIFIC_MAX, max(SPECIFIC_MIN, (7.0 - z) / 2.5))


def _strip_article(key: str) -> str:
    return key[2:] if key.startswith("ال") and len(key) >= 5 else key


class TopicLexicon:
    """Keyword lexicon: single-word keys (article-free) and a gazetteer of multi-word terms."""

    def __init__(self) -> None:
        tax = load_taxonomy()
        self.single: dict[str, list[tuple[str, float, str]]] = defaultdict(list)
        multi: list[tuple[str, tuple[str, float, str]]] = []
        for row in load_table("topics/keywords.tsv", ("category", "term", "weight")):
            cat = row["category"]
            if cat not in tax:
                raise ValueError(f"topics/keywords.tsv: id {row['id']!r}: unknown category {cat!r}")
            term = row["term"]
            key = normalize(term)
            weight = float(row["weight"]) * specificity(term)
            payload = (cat, weight, term)
            if " " in key:
                multi.append((term, payload))
            else:
                self.single[_strip_article(key)].append(payload)
        self.single = dict(self.single)
        self.multi = Gazetteer(multi)
        self.suffixes = load_suffixes()
        self._cache: dict[str, tuple] = {}

    def word_hits(self, norm: str) -> tuple[tuple[str, float, str], ...]:
        """Lexicon entries matched by one token (any peel, article dropped, suffix variants)."""
        hit = self._cache.get(norm)
        if hit is not None:
            return hit
        found: dict[str, tuple[str, float, str]] = {}
        for p in peels(norm):
            for key in {p.key, _strip_article(p.key)}:
                for variant in self._variants(key):
                    payloads = self.single.get(variant, ())
                    for payload in payloads:
                        prev = found.get(payload[0])
                        if prev is None or payload[1] > prev[1]:
                            found[payload[0]] = payload
                    if payloads:
                        break  # the word as written (ملابسات) wins over a suffix-stripped stem (ملابس)
            if found:
                break  # the least-peeled reading that matches wins
        out = tuple(found.values())
        self._cache[norm] = out
        return out

    def _variants(self, key: str):
        yield key
        for suf, rep, min_stem in self.suffixes:
            if key.endswith(suf) and len(key) - len(suf) >= min_stem:
                yield key[: len(key) - len(suf)] + rep

    def is_keyword(self, key: str) -> bool:
        return bool(self.word_hits(key))


def _canonical(group: list[PhraseOcc]) -> str:
    """One value for the variants of a phrase (حضارة رقمية / الحضارة الرقمية, hamza spellings):
    the most frequent surface, the definite one on a tie, then the first seen."""
    counts: dict[str, int] = defaultdict(int)
    for o in group:
        counts[o.value] += 1
    return max(counts, key=lambda v: (counts[v], v.startswith("ال")))


def _blocked_tokens(doc: Document, entities) -> list[bool]:
    """``out[i]`` is True when token ``i`` overlaps one of the entities (bisect on token starts)."""
    out = [False] * len(doc.tokens)
    if not entities:
        return out
    starts = [t.start for t in doc.tokens]
    for e in entities:
        i = max(0, bisect.bisect_right(starts, e.start) - 1)
        while i < len(doc.tokens) and doc.tokens[i].start < e.end:
            if doc.tokens[i].end > e.start:
                out[i] = True
            i += 1
    return out


class TopicExtractor:
    """Stage ``topics``: document categories (``doc.topics``) and key-phrase candidates."""

    name = "topics"

    def __init__(self, max_topics: int = 3, min_score: float = 1.5, rel_min: float = 0.4,
                 min_phrase_score: float = 0.4):
        self.taxonomy = load_taxonomy()
        self.lexicon = TopicLexicon()
        self.keyphrases = KeyphraseFinder(self.lexicon.is_keyword)
        self.max_topics = max_topics
        self.min_score = min_score
        self.rel_min = rel_min
        self.min_phrase_score = min_phrase_score

    # --- positions -----------------------------------------------------------------------
    @staticmethod
    def position_weights(doc: Document):
        """A function token -> weight (title, lead sentence, body)."""
        sents = doc.sentences
        if not sents:
            return lambda tok: 1.0
        first = sents[0]
        title = False
        if len(sents) > 1 and first.tok_end - first.tok_start <= MAX_TITLE_TOKENS:
            last = doc.tokens[first.tok_end - 1]
            gap = doc.text[first.end:sents[1].start]
            title = "\n" in gap and not (last.kind == "punct" and last.norm in ".!؟?")
        if title:
            w = {0: TITLE_WEIGHT, 1: LEAD_WEIGHT}
        else:
            w = {0: LEAD_WEIGHT}
        return lambda tok: w.get(tok.sent, 1.0)

    # --- categories ----------------------------------------------------------------------
    def score_categories(self, doc: Document, pos_weight) -> tuple[list[Topic], dict]:
        per_term: dict[tuple[str, str], list] = {}  # (cat, term) -> [weight, sum of position weights, n]
        covered: set[int] = set()
        for hit in self.lexicon.multi.find(doc):
            tok = doc.tokens[hit.tok_first]
            pw = pos_weight(tok)
            for cat, weight, term in hit.payloads:
                acc = per_term.setdefault((cat, term), [weight, 0.0, 0])
                acc[1] += pw
                acc[2] += 1
            covered.update(range(hit.tok_first, hit.tok_last + 1))
        cached = self.lexicon._cache.get
        word_hits = self.lexicon.word_hits
        for tok in doc.tokens:
            if tok.kind != "word":
                continue
            hits = cached(tok.norm)
            if hits is None:
                hits = word_hits(tok.norm)
            if not hits or tok.i in covered:
                continue
            pw = pos_weight(tok)
            for cat, weight, term in hits:
                acc = per_term.setdefault((cat, term), [weight, 0.0, 0])
                acc[1] += pw
                acc[2] += 1
        raw: dict[str, float] = defaultdict(float)
        count: dict[str, int] = defaultdict(int)
        evidence: dict[str, dict[str, float]] = defaultdict(dict)
        for (cat, term), (weight, pws, n) in per_term.items():
            contrib = weight * math.log2(1.0 + pws)
            raw[cat] += contrib
            count[cat] += n
            evidence[cat][term] = contrib
        ranked = sorted(raw.items(), key=lambda kv: (-kv[1], kv[0]))
        topics: list[Topic] = []
        if ranked and ranked[0][1] >= self.min_score and count[ranked[0][0]] >= 2:
            best = ranked[0][1]
            for cat, r in ranked[: self.max_topics]:
                if r < max(self.min_score, self.rel_min * best):
                    break
                label, label_ar = self.taxonomy[cat]
                ev = dict(sorted(evidence[cat].items(), key=lambda kv: -kv[1]))
                topics.append(Topic(cat, label, label_ar, r / (r + 4.0), ev))
        return topics, raw

    # --- key phrases ---------------------------------------------------------------------
    def phrase_category(self, occ: PhraseOcc, doc: Document, ranked: dict[str, float]) -> str | None:
        votes: dict[str, float] = defaultdict(float)
        for key in occ.words:
            for cat, weight, _ in self.lexicon.word_hits(key):
                votes[cat] += weight
        multi = self.lexicon.multi.keys.get(" ".join(occ.words))
        if multi:
            for cat, weight, _ in multi:
                votes[cat] += 2 * weight
        if not votes:
            return None
        return max(votes, key=lambda c: (votes[c], ranked.get(c, 0.0), c))

    def add_keyphrases(self, doc: Document, pos_weight, ranked: dict[str, float]) -> None:
        occs = self.keyphrases.find(doc, pos_weight)
        if not occs:
            return
        blocked = _blocked_tokens(doc, [e for e in doc.candidates if e.type in ("person", "date")])
        places = {normalize(e.value or e.text) for e in doc.candidates if e.type == "place"}
        # words of person names: a later short mention (زيارة الجهيناوي) is a name, not a phrase
        name_words = {_strip_article(w) for e in doc.candidates if e.type == "person"
                      for w in normalize(e.value or e.text).split() if len(w) > 2}
        occs = [o for o in occs
                if not any(blocked[o.tokens[0]:o.tokens[1] + 1]) and " ".join(o.words) not in places
                and not any(k in name_words for k in o.key)]
        # a one-off construct whose genitive chain is a phrase elsewhere in the document yields that
        # chain: تقنيات الذكاء الاصطناعي (once) + الذكاء الاصطناعي (elsewhere) -> الذكاء الاصطناعي
        counts: dict[tuple[str, ...], int] = defaultdict(int)
        for o in occs:
            counts[o.key] += 1
        occs = [o.extra["tail"] if "tail" in o.extra and counts[o.key] == 1 and counts.get(o.extra["tail"].key)
                and " ".join(o.extra["tail"].words) not in places else o for o in occs]
        groups: dict[tuple[str, ...], list[PhraseOcc]] = defaultdict(list)
        for o in occs:
            groups[o.key].append(o)
        salience: dict[tuple[str, ...], float] = {}
        cats: dict[tuple[str, ...], str | None] = {}
        for key, group in groups.items():
            s = sum(o.weight for o in group)
            s = math.log2(1.0 + s) + 0.25 * (len(key) - 2)
            cat = self.phrase_category(group[0], doc, ranked)
            if cat is not None:
                s += 0.5
            salience[key] = s
            cats[key] = cat
        for key, group in groups.items():
            s = salience[key]
            score = min(1.0, s / (s + 2.0))
            if score < self.min_phrase_score:
                continue
            canonical = _canonical(group)
            for o in group:
                evidence = f"{o.pattern}; x{len(group)}" + (f"; {cats[key]}" if cats[key] else "")
                doc.add_candidate(doc.make_entity("keyphrase", o.start, o.end, canonical, f"keyphrase.{o.pattern}",
                                                  round(score, 4), evidence, category=cats[key]))

    def __call__(self, doc: Document) -> Document:
        if not doc.tokens:
            doc.topics = []
            return doc
        pos_weight = self.position_weights(doc)
        topics, raw = self.score_categories(doc, pos_weight)
        doc.topics = topics
        self.add_keyphrases(doc, pos_weight, raw)
        return doc
