"""Topics: IPTC Media Topics categories and key phrases, each explained by its evidence.

Categories
----------
The 17 top-level IPTC Media Topics (``resources/topics/iptc_mediatopics.tsv``) are scored
per document from Arabic keyword lexicons (``resources/topics/keywords.tsv``: category,
term, weight, match ``mode``, ``name`` flag). Single-word terms are matched on every clitic-peeled
reading of a token (:func:`pipeline.tokenize.peels`), without the article, and after light suffix
stripping (``resources/topics/suffixes.tsv``: plural, dual, nisba and tanween endings), so
``والانتخابات`` counts for ``انتخاب``; a form listed as written wins over its stripped stems
(``ملابسات`` is not ``ملابس``). Multi-word terms are matched with the clitic-aware
:class:`~pipeline.extract.lexicon.Gazetteer`; their tokens are not counted again as single words.
False matches are kept out by data (:class:`TopicLexicon`): ``exact`` and ``hamza`` match modes
(الأجراء is not إجراءات، آثار is not أثار، آبل is not إبل), no clitic peeled from a word of its
own (``resources/topics/known_words.tsv`` and a frequency test: بطاقة is not ب + طاقة), a term in
ة never matches a word written with the pronoun ه (مكتبه), and the words of person and place names
and of arbitrarily named organizations (parties, companies, media, clubs) count only for terms
that are names themselves (:meth:`TopicExtractor.entity_mask`; كرمان in a name is not كرم).

Each occurrence is weighted by position (title = first line when it looks like a headline:
:data:`TITLE_WEIGHT`; first sentence of the body: :data:`LEAD_WEIGHT`; else 1). A term
contributes ``weight * specificity * log2(1 + sum of its position weights)`` (repetition
saturates), and a category's raw score is the sum of its terms' contributions.

The gate depends on the evidence a text of that length needs (:meth:`TopicExtractor.required`):
the best category must reach :data:`SHORT_MIN` in a text of up to :data:`SHORT_WORDS` words, rising
linearly to ``min_score`` (1.5) at :data:`LONG_WORDS` words and beyond, and hold two occurrences,
except that in a text of up to :data:`LONG_WORDS` words one *strong* cue (listed weight 1.0) that
beats every other category is enough (``زلزال``, ``مباراة``, ``رئيس الوزراء``). A text with no real
cue (weak cues only, or none) gets no category. The next categories are kept when they reach
``rel_min`` of the best and the requirement, with two occurrences, up to ``max_topics``.
``Topic.score`` (:func:`calibrated`) estimates the probability that the category is right, on
the same scale for headlines and articles; ``Topic.evidence`` maps each term to its contribution.

Subtopics: the terms of ``resources/topics/subtopic_keywords.tsv`` are evidence for a narrower
Media Topic (``resources/topics/iptc_subtopics.tsv``: second level, and soccer, basketball and
tennis at the third level); a category gets its best subtopic when that evidence is clear
(:meth:`TopicExtractor.subtopics_of`), in ``Topic.subtopics`` (code, English and Arabic label,
score, evidence). The top level stays the primary answer.

Key phrases
-----------
See :mod:`pipeline.extract.keyphrases`. A phrase is never a fragment of a name recognized by an
earlier stage (:meth:`TopicExtractor.respects_names`: no overlap with a person or a date, no cut
into a place or an organization, no place or trigger + place, no institution head whose complement
follows, nothing that runs into a name), nor a generic phrase (:meth:`KeyphraseFinder.generic`),
nor one containing a word of a person's name. Near-duplicates are merged
(:meth:`TopicExtractor.merge_near_duplicates`: a construct or an adjective chain holding a phrase
found elsewhere, or shared by two phrases, becomes that phrase). Every occurrence of a kept phrase
becomes a ``keyphrase`` candidate: ``value`` = the canonical phrase without clitics, shared by the
variants of one phrase (``حضارة رقمية`` and ``الحضارة الرقمية`` have the same words without the
article: both get the more frequent form, the definite one on a tie); ``extra["category"]`` = the
medtop id its words support, or ``None``; ``evidence`` = the pattern, the number of occurrences,
the category and the merged longer phrases. ``score`` = ``s / (s + 2)`` of the salience
(:meth:`TopicExtractor.salience`).
"""

from __future__ import annotations

import math
from collections import defaultdict
from functools import lru_cache

from typing import NamedTuple

from ..document import Document, Topic
from ..normalize import normalize
from ..resources import load_table
from ..tokenize import peels
from .common import TypeMemo, frequent_spellings, seed_table, zipf
from .gazetteers import norm_zipf
from .keyphrases import KeyphraseFinder, PhraseOcc, _strip_marks
from .lexicon import Gazetteer

TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
MAX_TITLE_TOKENS = 30
SPECIFIC_MIN, SPECIFIC_MAX = 0.5, 1.3
STRONG_WEIGHT = 1.0  # a keyword listed with this weight is a strong cue
KNOWN_ZIPF, KNOWN_MARGIN = 3.5, 0.3  # a clitic-initial word this common is a word of its own (see lexicalized)
ALEFS = frozenset("اأإآٱ")
# the gate (TopicExtractor.required): a text of up to SHORT_WORDS words needs SHORT_MIN of evidence
# (one strong cue in the lead), rising to min_score at LONG_WORDS words and beyond
SHORT_WORDS, LONG_WORDS, SHORT_MIN = 20, 60, 0.75
# subtopics (TopicExtractor.subtopics_of): own evidence, share of the category's, rival ratio
SUB_MIN, SUB_SHARE, SUB_RIVAL = 1.2, 0.3, 0.6
PHRASE_LENGTH_BONUS, PHRASE_CATEGORY_BONUS, PHRASE_TERM_BONUS = 0.15, 0.4, 0.5  # key-phrase salience
NAME_PARTICLES = frozenset({"عبد", "بن", "ابن", "ابو", "ابي", "بنت", "ال"})  # a name goes on after them
ARBITRARY_ORGS = frozenset({"party", "company", "media"})  # organizations whose names are not their topic
HARD_TYPES = ("person", "date")  # names no key phrase may overlap at all (name_index, hard_tokens)
# calibrated score (see calibrated): logistic over log evidence/requirement and the margin over the rival
CAL_A, CAL_B, CAL_C = -0.05, 1.13, 2.78


@lru_cache(maxsize=1)
def load_taxonomy() -> dict[str, tuple[str, str]]:
    """medtop id -> (English label, Arabic label)."""
    rows = load_table("topics/iptc_mediatopics.tsv", ("code", "label", "label_ar"))
    return {r["id"]: (r["label"], r["label_ar"]) for r in rows}


@lru_cache(maxsize=1)
def load_subtopics() -> dict[str, dict]:
    """Second-level (and a few third-level) medtop id -> row (parent, broader, level, labels)."""
    tax = load_taxonomy()
    rows = load_table("topics/iptc_subtopics.tsv", ("parent", "broader", "level", "label", "label_ar"))
    out = {}
    for r in rows:
        if r["parent"] not in tax:
            raise ValueError(f"topics/iptc_subtopics.tsv: id {r['id']!r}: unknown parent {r['parent']!r}")
        out[r["id"]] = dict(r, level=int(r["level"]))
    return out


@lru_cache(maxsize=1)
def load_suffixes() -> tuple[tuple[str, str, int], ...]:
    rows = load_table("topics/suffixes.tsv", ("suffix", "min_stem"))
    out = [(normalize(r["suffix"]), normalize(r.get("replacement") or ""), int(r["min_stem"])) for r in rows]
    return tuple(sorted(out, key=lambda x: -len(x[0])))


@lru_cache(maxsize=1)
def load_known_words() -> frozenset[str]:
    """Normalized words that are words of their own, never clitic + keyword (بطاقة، بعيد، ولاية)."""
    return frozenset(normalize(r["form"]) for r in load_table("topics/known_words.tsv", ("form",)))


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


def _lex_key(term: str) -> str:
    """The lexicon key of a term: normalized; a single word without the article."""
    key = normalize(term)
    return key if " " in key else _strip_article(key)


class Cue(NamedTuple):
    """One keyword of the lexicon (``resources/topics/keywords.tsv``)."""

    cat: str           # medtop id of the top-level category
    weight: float      # listed weight x specificity
    term: str          # as written in the lexicon
    strong: bool       # listed weight >= STRONG_WEIGHT: one such cue can decide a short text
    named: bool        # the term is itself a name (a club, a party, a holy place): counts inside entity spans
    sub: str | None    # the second-level topic it is evidence for
    sub_weight: float  # its weight as evidence for the subtopic (a subtopic-only cue has weight 0)
    mode: str          # "" (folded, clitics peeled), "exact" (as written, whole token), "hamza" (hamza as written)
    form: str          # exact: the written term without marks; hamza: the written stem without the article


def _hamza_ok(form: str, surface: str) -> bool:
    """The written stem agrees with the token's stem on every alef seat: a hamza written in the
    text differently from the keyword (أمام vs إمام، مرآة vs مرأة) names another word; a bare alef
    (a hamza left out) is accepted."""
    for a, b in zip(form, surface):
        if (a in ALEFS or b in ALEFS) and b != a and b != "ا":
            return False
    return True


class TopicLexicon:
    """Keyword lexicon: single-word keys (article-free), exact forms and a gazetteer of multi-word terms.

    Match modes (column ``mode``): by default a single word matches on every clitic-peeled,
    article-free reading of a token and its suffix variants; ``exact`` terms match only a token
    written exactly so (diacritics aside: no hamza folding, no article stripping, no clitic
    peeling); ``hamza`` terms match like the default ones but the hamza seats must agree with the
    text (:func:`_hamza_ok`). A clitic is not peeled from a word that is a word of its own
    (:meth:`lexicalized`). Column ``name`` marks terms that are names themselves (clubs, parties,
    holy places): only these count inside person, place and arbitrary-named organization spans.
    """

    def __init__(self) -> None:
        tax = load_taxonomy()
        self.subtopics = load_subtopics()
        subs = self._subtopic_terms()
        self.single: dict[str, list[Cue]] = defaultdict(list)
        self.exact: dict[str, list[Cue]] = defaultdict(list)
        multi: list[tuple[str, Cue]] = []
        rows = list(load_table("topics/keywords.tsv", ("category", "term", "weight")))
        listed = {(r["category"], _lex_key(r["term"])) for r in rows}
        # a subtopic term that is not yet a keyword of its category becomes one
        rows += [dict(r, category=self.subtopics[r["subtopic"]]["parent"]) for r in
                 load_table("topics/subtopic_keywords.tsv", ("subtopic", "term", "weight"))
                 if (self.subtopics[r["subtopic"]]["parent"], _lex_key(r["term"])) not in listed]
        for row in rows:
            cue = self._cue(row, tax, subs)
            key = normalize(cue.term)
            if " " in key:
                multi.append((cue.term, cue))
            elif cue.mode == "exact":
                self.exact[key].append(cue)
            else:
                self.single[_strip_article(key)].append(cue)
        self.single = dict(self.single)
        self.exact = dict(self.exact)
        self.multi = Gazetteer(multi)
        self.suffixes = load_suffixes()
        self._suffixes_by_last: dict[str, list] = defaultdict(list)  # last letter -> suffixes, longest first
        for suf in self.suffixes:
            self._suffixes_by_last[suf[0][-1]].append(suf)
        self.known = load_known_words()
        self.hits = TypeMemo(self._word_hits, seed=self._hits_seed)  # token norm -> word_hits(norm)
        self._key_cues = TypeMemo(self._first_cues)  # key -> cues of its first listed variant

    def _hits_seed(self) -> dict:
        """The hits of the most frequent Arabic words of wordfreq (normalized), precomputed once
        and cached on disk: the seed table of :attr:`hits`."""
        from ..cache import cached_table

        return cached_table("topic-hits-seed", self._build_hits_seed)

    def _build_hits_seed(self) -> dict:
        out = seed_table(self._word_hits, frequent_spellings(), normalize)
        self._key_cues.clear()  # (what the build looked up is in the table now)
        return out

    @staticmethod
    def _cue(row: dict, tax: dict, subs: dict) -> Cue:
        cat, term, mode = row["category"], row["term"], row.get("mode") or ""
        if cat not in tax:
            raise ValueError(f"keyword {row['id']!r}: unknown category {cat!r}")
        if mode not in ("", "exact", "hamza"):
            raise ValueError(f"keyword {row['id']!r}: unknown mode {mode!r}")
        key = normalize(term)
        written = _strip_marks(term)
        if mode == "hamza" and _strip_article(key) != key:
            written = written[2:]  # the stem is compared without the article
        weight, spec = float(row["weight"]), specificity(term)
        return Cue(cat, weight * spec, term, weight >= STRONG_WEIGHT, bool(row.get("name")),
                   subs.get((cat, _lex_key(term))), max(weight, STRONG_WEIGHT) * spec, mode, written)

    def _subtopic_terms(self) -> dict[tuple[str, str], str]:
        """(category, normalized term) -> subtopic id, from ``topics/subtopic_keywords.tsv``."""
        out: dict[tuple[str, str], str] = {}
        for r in load_table("topics/subtopic_keywords.tsv", ("subtopic", "term", "weight")):
            sub = self.subtopics.get(r["subtopic"])
            if sub is None:
                raise ValueError(f"topics/subtopic_keywords.tsv: id {r['id']!r}: unknown subtopic {r['subtopic']!r}")
            out[(sub["parent"], _lex_key(r["term"]))] = r["subtopic"]
        return out

    def word_hits(self, norm: str) -> tuple[tuple[Cue, int, bool], ...]:
        """Lexicon entries matched by one token: (cue, start of the matched stem in ``norm``,
        whether the written token must be checked: :meth:`spelled`). Any peel, article dropped,
        suffix variants; exact terms on the whole token only (memoized per word type)."""
        return self.hits[norm]

    def _word_hits(self, norm: str) -> tuple[tuple[Cue, int, bool], ...]:
        found: dict[str, tuple[Cue, int, bool]] = {}
        # every exact spelling is kept: at most one of them agrees with the written token (آبل / أبل)
        exact = tuple((cue, 0, True) for cue in self.exact.get(norm, ()))
        key_cues = self._key_cues
        for p in peels(norm):
            bare = _strip_article(p.key)
            for key in ((bare,) if bare is p.key else {p.key, bare}):
                hit = key_cues[key]
                if hit is None:
                    continue
                cues, as_written = hit
                at = len(norm) - len(key) if norm.endswith(key) else -1
                for cue in cues:
                    prev = found.get(cue.cat)
                    if prev is None or cue.weight > prev[0].weight:
                        # a term in ة matched as written may be a masculine noun + ه "his" (مكتبه)
                        found[cue.cat] = (cue, at, bool(cue.mode) or (as_written and cue.term.endswith("ة")))
            if found and p.cut and self.lexicalized(norm, p):
                found = {}  # بطاقة is no ب + طاقة: no reading behind clitics
                break
            if found:
                break  # the least-peeled reading that matches wins
        return exact + tuple(v for v in found.values() if not exact or all(v[0].cat != e[0].cat for e in exact))

    def _first_cues(self, key: str) -> tuple[list[Cue], bool] | None:
        """The cues of the first suffix variant of ``key`` that is a single-word term, and whether
        that variant is ``key`` as written (the word as written, ملابسات, wins over a stripped stem,
        ملابس); None when no variant is one. Memoized by key (:attr:`_key_cues`)."""
        single = self.single
        for variant in self._variants(key):
            cues = single.get(variant)
            if cues:
                return cues, variant is key
        return None

    def lexicalized(self, norm: str, p) -> bool:
        """True when ``norm`` is a word of its own rather than the clitics of peel ``p`` + a stem:
        listed in ``topics/known_words.tsv`` (with its suffix variants), or, for ب / ل / ك
        before a short stem (four letters or less), when the whole word is a common word at least
        about as frequent as the stem (:data:`KNOWN_ZIPF`, :data:`KNOWN_MARGIN`): بعيد، بهدف، ولاية."""
        if any(v in self.known for v in self._variants(norm)):
            return True
        if not any(c in p.clitic for c in "بلك") or len(_strip_article(p.key)) > 4:
            return False
        z = norm_zipf(norm)
        return z >= KNOWN_ZIPF and z >= norm_zipf(p.key) - KNOWN_MARGIN

    def _variants(self, key: str):
        yield key
        for suf, rep, min_stem in self._suffixes_by_last.get(key[-1:], ()):
            if key.endswith(suf) and len(key) - len(suf) >= min_stem:
                yield key[: len(key) - len(suf)] + rep

    def is_keyword(self, key: str) -> bool:
        return bool(self.word_hits(key))

    @staticmethod
    def spelled(cue: Cue, at: int, surface: str, norm: str) -> bool:
        """Whether a cue agrees with the token as written: ``exact`` and ``hamza`` terms (see the
        class), and a term written with ة is not a token written with ه (مكتبه "his office" is
        not مكتبة "library")."""
        if not cue.mode:  # (only a ة term matched as written is checked)
            return not _strip_marks(surface[-3:]).endswith("ه")
        s = _strip_marks(surface)
        if cue.mode == "exact":
            return s == cue.form
        if len(s) != len(norm) or at < 0:
            return True  # the written form does not align with the normalized one: cannot tell
        return _hamza_ok(cue.form, s[at:])


@lru_cache(maxsize=1)
def topic_lexicon() -> TopicLexicon:
    """The keyword lexicon, built once and cached on disk (:mod:`pipeline.cache`)."""
    from ..cache import cached_table

    return cached_table("topic-lexicon", TopicLexicon)


def _canonical(group: list[PhraseOcc]) -> str:
    """One value for the variants of a phrase (حضارة رقمية / الحضارة الرقمية, hamza spellings):
    the most frequent surface, the definite one on a tie, then the first seen."""
    counts: dict[str, int] = defaultdict(int)
    for o in group:
        counts[o.value] += 1
    return max(counts, key=lambda v: (counts[v], v.startswith("ال")))


def calibrated(raw: float, need: float, rival: float) -> float:
    """Category score: an estimate of the probability that the category is right (for the first
    one, that it is the primary category), the same across text lengths. A logistic function of
    ``ln(raw / need)`` (evidence over what the text's length requires) and of the share of the
    evidence against the strongest other category, ``raw / (raw + rival) - 0.5``; the constants
    :data:`CAL_A`, :data:`CAL_B`, :data:`CAL_C` were fitted on the project's own labelled texts
    (see README, *Topics*)."""
    x = CAL_A + CAL_B * math.log(max(raw, 1e-9) / need) + CAL_C * (raw / (raw + rival) - 0.5)
    return 1.0 / (1.0 + math.exp(-x))


@lru_cache(maxsize=1)
def load_org_kinds() -> dict[str, str]:
    """Normalized organization head -> kind (``lexicons/org_heads.tsv``, read only)."""
    return {normalize(r["form"]): r["kind"] for r in load_table("lexicons/org_heads.tsv", ("form", "kind"))}


@lru_cache(maxsize=1)
def load_place_words() -> frozenset[str]:
    """Normalized, article-free place triggers and directions (``lexicons/place_triggers.tsv``,
    ``lexicons/place_directions.tsv``, read only): مدينة، ولاية، إمارة، شمال، غربي."""
    rows = load_table("lexicons/place_triggers.tsv", ("form",)) + load_table("lexicons/place_directions.tsv", ("form",))
    return frozenset(_strip_article(normalize(r["form"])) for r in rows if " " not in r["form"])


class TopicExtractor:
    """Stage ``topics``: document categories (``doc.topics``) and key-phrase candidates."""

    name = "topics"

    def __init__(self, max_topics: int = 3, min_score: float = 1.5, rel_min: float = 0.4,
                 min_phrase_score: float = 0.4):
        self.taxonomy = load_taxonomy()
        self.lexicon = topic_lexicon()
        self.org_kinds = load_org_kinds()
        self._votes = TypeMemo(self._phrase_votes, 100_000)  # phrase words -> (votes, is a term)
        self.place_words = load_place_words()
        self.keyphrases = KeyphraseFinder(self.lexicon.is_keyword, lambda words: " ".join(words) in self.lexicon.multi.keys,
                                          seed="keyphrase-seed")
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
    @staticmethod
    def name_ranges(doc: Document) -> list[tuple[int, int, object]]:
        """Token ranges ``(first, last, entity)`` of the candidates of the earlier stages (persons,
        places, organizations, dates)."""
        if not doc.candidates:
            return []
        out = []
        for e in doc.candidates:
            if e.type != "keyphrase":
                i, j = doc.token_range(e.start, e.end)
                if j >= i:
                    out.append((i, j, e))
        return out

    def entity_mask(self, doc: Document, ranges) -> list[bool] | None:
        """``mask[i]`` is True when token ``i`` lies in a name whose words say nothing about the
        topic: a person, a place, or an organization named arbitrarily (a party, a company, a
        media outlet, a club; its head word, حزب or شركة, still counts). Domain-named
        institutions (وزارة الصحة، الاتحاد الدولي لكرة السلة) keep their words."""
        out = None
        for i, j, e in ranges:
            if e.type in ("person", "place"):
                pass
            elif e.type == "organization" and (e.rule == "org.club" or (
                    e.rule.startswith("org.chain") and self.org_kinds.get(e.evidence) in ARBITRARY_ORGS)):
                i += 1  # the head of the name (حزب، شركة، نادي) keeps its cue
            else:
                continue
            if out is None:
                out = [False] * len(doc.tokens)
            out[i:j + 1] = [True] * (j + 1 - i)
        return out

    def collect_cues(self, doc: Document, pos_weight, ranges=None) -> tuple[dict[tuple[str, str], list], int]:
        """(category, term) -> [cue, sum of position weights, occurrences] over the document, and
        the number of words."""
        masked = self.entity_mask(doc, self.name_ranges(doc) if ranges is None else ranges)
        found: list[tuple[Cue, float]] = []  # (cue, position weight) of every counted occurrence
        covered: set[int] = set()
        for hit in self.lexicon.multi.find(doc):
            span = range(hit.tok_first, hit.tok_last + 1)
            inside = masked is not None and any(masked[i] for i in span)
            pw = pos_weight(doc.tokens[hit.tok_first])
            found += [(cue, pw) for cue in hit.payloads if cue.named or not inside]
            covered.update(span)
        word_hits = self.lexicon.hits
        spelled = self.lexicon.spelled
        text = doc.text
        n_words = 0
        for tok in doc.tokens:
            if tok.kind != "word":
                continue
            n_words += 1
            hits = word_hits[tok.norm]
            if not hits or tok.i in covered:
                continue
            inside = masked is not None and masked[tok.i]
            pw = pos_weight(tok)
            for cue, at, check in hits:
                if not ((inside and not cue.named) or (check and not spelled(cue, at, text[tok.start:tok.end], tok.norm))):
                    found.append((cue, pw))
        per_term: dict[tuple[str, str], list] = {}
        for cue, pw in found:
            acc = per_term.get((cue.cat, cue.term))
            if acc is None:
                per_term[(cue.cat, cue.term)] = [cue, pw, 1]
            else:
                acc[1] += pw
                acc[2] += 1
        return per_term, n_words

    def required(self, n_words: int) -> float:
        """Evidence a category needs in a text of ``n_words`` words: :data:`SHORT_MIN` up to
        :data:`SHORT_WORDS` words, rising linearly to ``min_score`` at :data:`LONG_WORDS`."""
        f = min(1.0, max(0.0, (n_words - SHORT_WORDS) / (LONG_WORDS - SHORT_WORDS)))
        return SHORT_MIN + f * (self.min_score - SHORT_MIN)

    def score_categories(self, doc: Document, pos_weight, ranges=None) -> tuple[list[Topic], dict]:
        per_term, n_words = self.collect_cues(doc, pos_weight, ranges)
        raw: dict[str, float] = defaultdict(float)
        count: dict[str, int] = defaultdict(int)
        strong: dict[str, bool] = defaultdict(bool)
        evidence: dict[str, dict[str, float]] = defaultdict(dict)
        subs: dict[str, dict[str, dict[str, float]]] = {}
        for (cat, term), (cue, pws, n) in per_term.items():
            saturated = math.log2(1.0 + pws)
            if cue.sub:
                subs.setdefault(cat, {}).setdefault(cue.sub, {})[term] = cue.sub_weight * saturated
            if not cue.weight:
                continue  # evidence for the subtopic only
            contrib = cue.weight * saturated
            raw[cat] += contrib
            count[cat] += n
            strong[cat] |= cue.strong
            evidence[cat][term] = contrib
        ranked = sorted(raw.items(), key=lambda kv: (-kv[1], kv[0]))
        topics: list[Topic] = []
        if not ranked:
            return topics, raw
        need = self.required(n_words)
        best_cat, best = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        # one strong cue decides a short text; otherwise two occurrences are needed
        if best < need or (count[best_cat] < 2 and not (strong[best_cat] and n_words <= LONG_WORDS and best > second)):
            return topics, raw
        for cat, r in ranked[: self.max_topics]:
            if r < max(need, self.rel_min * best) or (cat != best_cat and count[cat] < 2):
                break
            rival = second if cat == best_cat else best
            label, label_ar = self.taxonomy[cat]
            ev = dict(sorted(evidence[cat].items(), key=lambda kv: -kv[1]))
            score = calibrated(r, need, rival)
            topics.append(Topic(cat, label, label_ar, score, ev, self.subtopics_of(cat, r, subs.get(cat), score)))
        return topics, raw

    def subtopics_of(self, cat: str, raw: float, subs: dict[str, dict[str, float]], score: float) -> tuple:
        """Second-level topics of a category whose evidence is clear: the subtopic's own evidence
        reaches :data:`SUB_MIN` and :data:`SUB_SHARE` of the category's, and the next subtopic has
        at most :data:`SUB_RIVAL` of it. Score: the category's score x the subtopic's share."""
        if not subs:
            return ()
        ranked = sorted(((sum(ev.values()), sid) for sid, ev in subs.items()), key=lambda x: (-x[0], x[1]))
        top, sid = ranked[0]
        nxt = ranked[1][0] if len(ranked) > 1 else 0.0
        if top < SUB_MIN or top < SUB_SHARE * raw or nxt > SUB_RIVAL * top:
            return ()
        row = self.lexicon.subtopics[sid]
        ev = dict(sorted(subs[sid].items(), key=lambda kv: -kv[1]))
        return (Topic(sid, row["label"], row["label_ar"], score * min(1.0, top / raw), ev),)

    # --- key phrases ---------------------------------------------------------------------
    def _phrase_votes(self, words: tuple[str, ...]) -> tuple[dict[str, float], bool]:
        acc: dict[str, float] = defaultdict(float)
        for key in words:
            for cue, _, _ in self.lexicon.word_hits(key):
                if cue.mode != "exact":
                    acc[cue.cat] += cue.weight
        term = self.lexicon.multi.keys.get(" ".join(words), ())
        for cue in term:
            acc[cue.cat] += 2 * cue.weight
        return dict(acc), bool(term)

    def phrase_category(self, occ: PhraseOcc, ranked: dict[str, float]) -> tuple[str | None, bool]:
        """The category the phrase's words support most (the document's ranking breaks ties), and
        whether the phrase is itself a multi-word term of the lexicon. Cached by the phrase's words."""
        votes, term = self._votes[occ.words]
        if not votes:
            return None, term
        return max(votes, key=lambda c: (votes[c], ranked.get(c, 0.0), c)), term

    @staticmethod
    def name_index(ranges) -> dict[int, list[tuple[int, int, str]]]:
        """Token -> the names over it, as ``(first, last, kind)``: ``hard`` (persons, dates: no
        overlap at all), ``place`` and ``org`` (organizations; a chain the organization stage only
        reserves is no recognized name)."""
        out: dict[int, list[tuple[int, int, str]]] = {}
        for i, j, e in ranges:
            kind = "hard" if e.type in HARD_TYPES else "place" if e.type == "place" else \
                "org" if not e.extra.get("suppress") else None
            if kind is not None:
                for k in range(i, j + 1):
                    out.setdefault(k, []).append((i, j, kind))
        return out

    @staticmethod
    def hard_tokens(ranges, n: int) -> list[bool] | None:
        """``mask[i]``: token ``i`` is in a person or a date (a ``hard`` name of :meth:`name_index`),
        which no key phrase may overlap (:meth:`respects_names`); None when there is none."""
        mask = None
        for i, j, e in ranges:
            if e.type in HARD_TYPES:
                if mask is None:
                    mask = [False] * n
                j = min(j, n - 1)
                mask[i:j + 1] = [True] * (j + 1 - i)
        return mask

    def respects_names(self, o: PhraseOcc, index, doc: Document) -> bool:
        """A key phrase is never a fragment of a name: it may not overlap a person or a date, cut
        into a place or an organization (النقد الدولي in صندوق النقد الدولي), be a place (or a place
        trigger + a place: مدينة الفاشر), nor be the head of a longer institution name whose
        complement follows (المعهد الوطني | للرصد الجوي) or run into a name (ملعب مولاي | عبد الله).
        It may be a whole organization name or hold a name (دول مجلس التعاون الخليجي، إيرادات قناة
        السويس)."""
        a, b = o.tokens
        for i, j, kind in {sp for k in range(a, b + 1) for sp in index.get(k, ())} if index else ():
            if kind == "hard" or not (a <= i and j <= b):
                return False  # it overlaps a person or a date, or cuts into a name
            if kind == "place" and all(k in self.place_words for k in o.key[:max(0, i - a)]):
                return False  # the place itself (+ its adjectives), or a trigger or direction + the place
        nxt = b + 1
        if nxt < len(doc.tokens):
            t = doc.tokens[nxt]
            if t.kind == "word" and t.sent == doc.tokens[b].sent:
                if o.pattern == "def_def" and o.key[0] in self.org_kinds and t.norm.startswith("ل") and len(t.norm) > 4:
                    return False
                if t.norm in NAME_PARTICLES:
                    return False  # the phrase runs into a name (ملعب مولاي | عبد الله)
        return True

    def merge_near_duplicates(self, occs: list[PhraseOcc], pos_weight) -> list[PhraseOcc]:
        """An occurrence becomes the shorter phrase it holds (:meth:`KeyphraseFinder.sub_spans`)
        when that phrase stands alone elsewhere in the document or is held by two different
        phrases, and has more support than the longer one: فيروس شلل الأطفال + شلل الأطفال ->
        شلل الأطفال (twice); تقنيات الذكاء الاصطناعي + استخدام الذكاء الاصطناعي -> الذكاء الاصطناعي."""
        counts: dict[tuple[str, ...], int] = defaultdict(int)
        for o in occs:
            counts[o.key] += 1
        spans = {id(o): self.keyphrases.sub_spans(o) for o in occs if len(o.key) > 2}
        if not spans:
            return occs
        holders: dict[tuple[str, ...], set] = defaultdict(set)
        for o in occs:
            for _, _, key in spans.get(id(o), ()):
                holders[key].add(o.key)
        out = []
        for o in occs:
            for a, b, key in spans.get(id(o), ()):
                support = counts.get(key, 0) + len(holders[key])
                if (counts.get(key) or len(holders[key]) > 1) and counts[o.key] < support:
                    sub = self.keyphrases.sub_phrase(o, a, b, pos_weight)
                    sub.extra["merged"] = o.value
                    o = sub
                    break
            out.append(o)
        return out

    def add_keyphrases(self, doc: Document, pos_weight, ranked: dict[str, float], ranges=None) -> None:
        if ranges is None:
            ranges = self.name_ranges(doc)
        occs = self.keyphrases.find(doc, pos_weight, self.hard_tokens(ranges, len(doc.tokens)))
        if not occs:
            return
        spans = self.name_index(ranges)
        # words of person names: a later short mention (زيارة الجهيناوي) is a name, not a phrase
        names = {e.value or e.text for e in doc.candidates if e.type == "person"}  # (each name normalized once)
        name_words = {_strip_article(w) for v in names for w in normalize(v).split() if len(w) > 2}
        generic = self.keyphrases.generic
        respects = self.respects_names
        occs = [o for o in occs if respects(o, spans, doc) and not generic(o)
                and (not name_words or not any(k in name_words for k in o.key))]
        occs = [o for o in self.merge_near_duplicates(occs, pos_weight)
                if "merged" not in o.extra or (respects(o, spans, doc) and not generic(o))]
        self.emit_keyphrases(doc, occs, ranked)

    def emit_keyphrases(self, doc: Document, occs: list[PhraseOcc], ranked: dict[str, float]) -> None:
        """Groups the occurrences by phrase, scores each phrase (:meth:`salience`) and adds one
        ``topic`` candidate per occurrence of the phrases that reach ``min_phrase_score``."""
        groups: dict[tuple[str, ...], list[PhraseOcc]] = defaultdict(list)
        for o in occs:
            groups[o.key].append(o)
        for key, group in groups.items():
            cat, term = self.phrase_category(group[0], ranked)
            s = self.salience(key, group, cat, term)
            score = min(1.0, s / (s + 2.0))
            if score < self.min_phrase_score:
                continue
            canonical = _canonical(group)
            merged = sorted({o.extra["merged"] for o in group if "merged" in o.extra})
            evidence = f"{group[0].pattern}; x{len(group)}" + (f"; {cat}" if cat else "") + \
                (f"; merged: {' | '.join(merged)}" if merged else "")
            for o in group:
                doc.add_candidate(doc.make_entity("keyphrase", o.start, o.end, canonical, f"keyphrase.{o.pattern}",
                                                  round(score, 4), evidence, category=cat))

    @staticmethod
    def salience(key: tuple[str, ...], group: list[PhraseOcc], cat: str | None, term: bool) -> float:
        """Frequency and position (log2 of the summed position weights), length
        (:data:`PHRASE_LENGTH_BONUS` a word beyond two), the support of a category
        (:data:`PHRASE_CATEGORY_BONUS`) and being a term of the topic lexicon itself
        (:data:`PHRASE_TERM_BONUS`: الذكاء الاصطناعي، شلل الأطفال)."""
        s = math.log2(1.0 + sum(o.weight for o in group)) + PHRASE_LENGTH_BONUS * (len(key) - 2)
        if cat is not None:
            s += PHRASE_CATEGORY_BONUS
        if term:
            s += PHRASE_TERM_BONUS
        return s

    def __call__(self, doc: Document) -> Document:
        if not doc.tokens:
            doc.topics = []
            return doc
        pos_weight = self.position_weights(doc)
        ranges = self.name_ranges(doc)
        topics, raw = self.score_categories(doc, pos_weight, ranges)
        doc.topics = topics
        self.add_keyphrases(doc, pos_weight, raw, ranges)
        return doc
