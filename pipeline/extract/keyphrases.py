"""Key phrases: salient multi-word terms found by noun-phrase rules over tokens.

Rules (no part-of-speech tagger; light morphology on the normalized, clitic-peeled form):

* a *run* is a stretch of content words inside one sentence: punctuation, numbers and
  stop-words (``resources/lexicons/stopwords.tsv``) end it, so a phrase never crosses a
  sentence or a comma; a word after the first that carries a conjunction or preposition
  (``والذكاء``، ``لمؤتمر``) also ends it and starts a new one. Titles and name particles
  (``weak_head``: الرئيس، عبد) end a run, and the word after them may not open a phrase
  (``رئيس الجمهورية ...``); ``modifier`` words (المقبل) may continue a phrase, not open one;
* inside a run, phrases of 2 to :data:`MAX_WORDS` words are matched left to right, longest
  first:

  - ``DEF ADJ+`` (definite noun + definite adjectives): ``الذكاء الاصطناعي``، ``البنية التحتية``;
  - ``NOUN [NOUN] DEF ADJ*`` (construct state, إضافة, the head being an indefinite noun):
    ``حوكمة البيانات``، ``شبكات الجيل الخامس``، ``عملية زراعة الكبد``;
  - ``NOUN ADJ+`` (indefinite noun + indefinite adjectives): ``حضارة رقمية``;
  - ``غير`` + an adjective continues a phrase (``الهجرة غير النظامية``).

  The head of an indefinite phrase must look like a noun: it ends in ة or ات, it is a
  topic keyword, it fits a nominal template (مفعل، تفعيل، افتعال، استفعال، أفعال، فعال/فعول/فعيل,
  the broken plurals فعائل/فواعل/فعاليل and فعلول: وسائل، شوارع، صناديق، صندوق, ...), or it is a
  word of four letters or more, not shaped like a verb, that is common with the article (wordfreq:
  verbs never take ال), and it carries no possessive pronoun. This keeps verbs (``أعلن الاتحاد``، ``افتتحت القمة``)
  out. An adjective is a nisba (رقمي، رقمية), a participle of a derived form (متجدد، مستقل، مفتوح),
  فاعل / فعيل (الخامس، الجديدة) or, when definite, فعلى (الكبرى) and فاعّ (الخاص); so a definite
  noun followed by another definite noun (subject + object) is not one phrase.

Noise filters (``resources/topics/keyphrase_filters.tsv``, by kind):

* ``verb_marker`` (التي، قد، لم، لن): the next indefinite word is a verb and opens no phrase
  (``التي تهم الجمهور``); ``clause_opener`` (فيما، بينما، حيث), the start of a sentence, a
  و/ف proclitic, or an indefinite vague adjective before it (``مواضيع أخرى تهم``): a *verb-shaped*
  indefinite word (فعل، فاعل، أفعل، يفعل/تفعل, with ـت/ـوا; never a word written with ة) opens no
  phrase (``سجل المهاجم``، ``وصادق البرلمان``);
* ``generic_head`` (أنحاء، جميع، مختلف): ends a run like a stop-word (no ``أنحاء العالم``);
* ``generic_adj`` (كبير، جديدة، المقبلة، أخرى; dangling participles التابعة، المتعلق): open no
  phrase, and a phrase is cut at the first one (``جلسة جديدة`` -> nothing, ``حضور جماهيري كبير`` ->
  ``حضور جماهيري``), except inside a false construct (``عملية واسعة النطاق``);
* ``generic_tail`` (الدول، المراكز، الجهات): a construct ending on it is dropped;
* an indefinite adjective right after the noun it qualifies opens no phrase (``آراء ثاقبة عالمية``,
  never ``ثاقبة عالمية``);
* a coordinated nisba after a nisba (``الرياضية والسياسية``, when the masculine form is common:
  :data:`NISBA_ZIPF`) and a definite adjective after a dropped definite word (``الإمكانيات المادية``)
  open no phrase; a -يات/-ية word whose masculine nisba is rare (``المباريات``) is a noun
  (:data:`NISBA_NOUN_ZIPF`); a word + tanween alif whose stem is common (``مؤقتا``، ``مجددا``) is an
  adverb and ends a run (:data:`ADVERB_ZIPF`);
* an indefinite participle + a definite noun is a false construct (``مفتوحة المصدر``): the phrase
  takes it whole when it fits in :data:`MAX_WORDS` and is in the run, otherwise it is dropped
  (never the truncated ``بيئة مفتوحة``).

* ``generic_phrase`` (المرة الأولى، مؤتمر صحفي، الآونة الأخيرة): whole phrases dropped;
  ``sequence_head`` + ``ordinal`` (الجولة الثالثة، الدورة الخامسة، بداية الشوط الثاني): a phrase
  ending on a count noun and an ordinal is dropped; so is a phrase of direction words only (جنوب
  غربي: ``lexicons/place_directions.tsv``). See :meth:`KeyphraseFinder.generic`.

Word analyses are cached by spelling. Salience (frequency, position: title, first sentence;
length; support of a category) and the canonical value are computed in
:mod:`pipeline.extract.topics`; the value is the phrase without clitics (fused ``لل`` restores
the article).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache, partial

from ..document import Document, Token
from ..normalize import normalize
from ..resources import load_table
from ..tokenize import peels
from .common import TypeMemo, frequent_spellings, seed_table, zipf
from .gazetteers import norm_zipf

MAX_WORDS = 4
NISBA_ZIPF = 4.0  # a coordinated -ي/-ية word is an adjective when its masculine form is this common
ADVERB_ZIPF = 3.5  # a word + tanween alif (مؤقتا) is an adverb when the word without it is this common
FAEILA_NOUN_ZIPF = 3.0  # a فعيلة word whose masculine form is rarer than this is a noun
NISBA_NOUN_ZIPF = 1.8  # below this (and known to wordfreq) a masculine -ي form is no adjective
ARTICLE_ZIPF, ARTICLE_MARGIN = 3.5, 1.5  # a word this common with the article is a noun (_takes_article)
MIN_KEY = 2  # shortest stem (without ال) of a phrase word
WEAK = "<weak-head>"  # sentinel: a title or a word that may not open a phrase (compared with ``is``)
ADJ_PARTICLE = "غير"  # sentinel: the particle that joins a negated adjective (compared with ``is``)


@dataclass(slots=True, eq=False)
class Word:
    """A content word as the phrase rules see it. Every field but ``tok`` and ``head_ok`` is a
    property of the spelling, computed once (:meth:`KeyphraseFinder._entry`)."""

    tok: Token
    cut: int          # characters of proclitics before the word (in the normalized view)
    key: str          # lookup form (clitics removed, ال kept; fused لل -> ال restored)
    fused: int        # 1: ل + ال written لل (للحزب); 2: ل + ال + ل.. (للجنة); 0: no
    definite: bool
    noun: bool        # looks like a noun (may head an indefinite phrase)
    adj: bool         # looks like an adjective (رقمي، الخامس، المتجددة، جديد)
    head_ok: bool = True  # may start a phrase (not a modifier such as المقبل)
    nisba: bool = False   # nisba adjective (رقمية): never takes a genitive (no false construct)
    bare: str = ""        # the key without the article
    generic: bool = False  # a vague adjective, by form or stem (كبير، الجديدة: KeyphraseFinder._generic_adj)
    vague: bool = False   # listed as generic_adj as it is (أخرى)
    tail: bool = False    # listed as generic_tail (الدول، الجهات)
    verb: bool = False    # indefinite and shaped like a finite verb (_verb_shape)


@dataclass
class PhraseOcc:
    """One occurrence of a key phrase."""

    start: int
    end: int
    value: str
    key: tuple[str, ...]
    words: tuple[str, ...]     # normalized keys of the words
    pattern: str
    sent: int
    weight: float              # position weight of the occurrence
    tokens: tuple[int, int] = (0, 0)
    extra: dict = field(default_factory=dict)


_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def _strip_marks(s: str) -> str:
    """The text without Arabic diacritics and tatweel (letters are not folded)."""
    return _MARKS.sub("", s)


def _bare(key: str) -> str:
    return key[2:] if key.startswith("ال") and len(key) >= 4 else key


@lru_cache(maxsize=1)
def load_stopwords() -> dict[str, str]:
    """Normalized stop-word form -> kind (function, reporting_verb, weak_head, adj_particle)."""
    out: dict[str, str] = {}
    for row in load_table("lexicons/stopwords.tsv", ("form", "kind")):
        out.setdefault(normalize(row["form"]), row["kind"])
    return out


@lru_cache(maxsize=1)
def load_filters() -> dict[str, frozenset[str]]:
    """Normalized form -> kinds from ``resources/topics/keyphrase_filters.tsv`` (verb_marker,
    clause_opener, generic_head, generic_adj, generic_tail)."""
    out: dict[str, set[str]] = {}
    for row in load_table("topics/keyphrase_filters.tsv", ("form", "kind")):
        out.setdefault(normalize(row["form"]), set()).add(row["kind"])
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def load_directions() -> frozenset[str]:
    """Normalized single direction words (``lexicons/place_directions.tsv``, read only: شمال، جنوبي)."""
    return frozenset(normalize(r["form"]) for r in load_table("lexicons/place_directions.tsv", ("form",))
                     if " " not in r["form"])


def _is_nisba(k: str) -> bool:
    """Nisba adjective ending on a clitic-free, article-free form (رقمي، رقمية، رقميون)."""
    return len(k) >= 4 and k.endswith(("ي", "يه", "يين", "يون", "يات")) and not k.endswith(("ايه", "ويه", "ؤيه"))


def _verb_shape(k: str, surface: str) -> bool:
    """A clitic-free, indefinite word that has the shape of a finite verb: فعل (سجل), فاعل (صادق),
    أفعل (أطلق), the imperfect يفعل/تفعل (يواصل، تشهد; not the nouns تفعيل، تفعيلة), and these with the
    past endings ـت / ـوا (تجددت، طالبوا). A word written with ة is a noun."""
    if surface.endswith("ة") or len(k) < 3:
        return False
    if len(k) >= 5 and k.endswith("وا"):
        return True
    if len(k) >= 4 and k.endswith("ت") and not k.endswith("ات") and _verb_shape(k[:-1], surface[:-1]):
        return True
    if len(k) == 3:
        return True
    if len(k) == 4 and (k[1] == "ا" or k[0] == "ا"):
        return True
    if len(k) == 5 and k[0] == "ا" and (k[2] == "ت" or k[1] == "ن"):
        return True  # افتعل، انفعل (اختار، انطلق)
    if k[0] == "ي" or (k[0] == "ت" and not _nominal_template(k)):
        return True
    return False


def _nominal_template(k: str) -> bool:
    """Nominal word patterns on a normalized, clitic-free, article-free form."""
    n = len(k)
    if n < 3:
        return False
    if k.endswith("ات") and n >= 5:
        return True
    if k.startswith("م") and n >= 4:
        return True
    if k.endswith("اء") and n >= 4:
        return True
    if n >= 6 and k.endswith("يا"):
        return True
    if k[0] in "يتن":
        if n == 5 and k[0] == "ت" and k[3] == "ي":
            return True  # تفعيل
        if n >= 6 and k.startswith("ت") and k[-2] == "ي" and k.endswith("ه"):
            return True  # تفعيلة / تنمية-like
        return False
    if n == 4 and k[2] in "اوي":
        return True  # فعال فعول فعيل
    if n == 5 and ((k[2] == "ا" and k[3] in "ئي") or (k[1] == "و" and k[2] == "ا")
                   or (k[3] == "و" and k[0] not in "اسيتن" and k[1] not in "اوي")):
        return True  # broken plurals فعائل (وسائل، رسائل), فواعل (شوارع، قواعد); فعلول (صندوق; not ستزور)
    if n == 6 and k[2] == "ا" and k[4] == "ي":
        return True  # فعاليل (صناديق، عناوين)
    if n == 5 and k[0] == "ا" and k[3] == "ا":
        return True  # أفعال
    if n == 6 and k[0] == "ا" and k[4] == "ا":
        return True  # افتعال انفعال
    if n == 7 and k.startswith("است") and k[5] == "ا":
        return True  # استفعال
    if n >= 5 and k.endswith(("ون", "ين")) and k[0] != "س":
        return True  # sound plurals (not future verbs سيخوضون)
    return False


def _adjective_template(k: str, definite: bool = False) -> bool:
    """Adjective patterns on a normalized, clitic-free, article-free form: nisba (رقمي، رقمية،
    رقميون; not -اية/-وية nouns such as حماية، أولوية), participles of the derived forms
    (متجدد، مستقل، مفتوح), فاعل (خامس، عادلة), فعيل (جديد، سليمة), and, when definite, the doubled
    فاعّ (الخاص، العام)."""
    if len(k) >= 4 and k.endswith(("ي", "يه", "يين", "يون", "يات")) and not k.endswith(("ايه", "ويه", "ؤيه")):
        return True
    b = k
    for suf in ("ات", "ون", "ين", "ه"):
        if b.endswith(suf) and len(b) - len(suf) >= 3:
            b = b[: -len(suf)]
            break
    n = len(b)
    if n == 3:
        return definite and b[1] == "ا"
    if b.startswith("م"):
        return (n >= 5 and b.startswith("مت")) or (n >= 6 and b.startswith("مست")) or (n == 5 and b[3] == "و")
    if n == 4 and (b[1] == "ا" or b[2] == "ي"):
        return True
    return False


class KeyphraseFinder:
    """Finds key-phrase occurrences in a tokenized document."""

    def __init__(self, is_keyword=None, is_term=None, seed: str | None = None):
        """``seed``: the name of the on-disk table of precomputed analyses of frequent spellings
        for this configuration (``is_keyword``, ``is_term``); ``None``: no table."""
        self.stop = load_stopwords()
        self.filters = load_filters()
        self.is_keyword = is_keyword or (lambda key: False)
        self.is_term = is_term or (lambda words: False)  # a multi-word term of the topic lexicon (الجيل الخامس)
        self.directions = load_directions()
        # compared without the article on each word: المرة الأولى = مرة أولى
        self.generic_phrases = frozenset(" ".join(_bare(w) for w in k.split()) for k, kinds in self.filters.items()
                                         if "generic_phrase" in kinds)
        # spelling -> (analysis, marker); seeded, in a batch run, with the precomputed entries of
        # frequent spellings (``seed``: the name of that on-disk table)
        self._cache = TypeMemo(self._analyse_entry, seed=partial(self._load_seed, seed) if seed else None)
        self._markers = TypeMemo(self._marker_kind)  # normalized word -> what it announces
        self._key_noun = TypeMemo(self._noun_by_key)  # key -> its noun test without the spelling's
        self._key_adj = TypeMemo(self._adj_by_key)    # key -> its adjective test without the spelling's
        self._generic = TypeMemo(self._generic_kind)  # key -> a vague adjective

    # --- words ---------------------------------------------------------------------------
    def _reading(self, norm: str) -> tuple[int, str, bool, tuple] | None:
        """Reading of a word: (cut, key, fused, bare readings) or None for a stop-word.

        A definite reading behind proclitics wins (``والذكاء`` -> ``الذكاء``); otherwise the
        whole word is returned and :meth:`_word` decides between it and a bare stem.
        """
        kind = self.stop.get(norm, "modifier")
        if kind != "modifier":
            return WEAK if kind == "weak_head" else None
        bare: list[tuple[int, str]] = []
        for p in peels(norm)[1:]:
            if p.clitic.endswith("ال"):
                continue  # never peel the article off a phrase word
            kind = self.stop.get(p.key, "modifier")
            if kind != "modifier":
                return WEAK if kind == "weak_head" else None
            fused = not norm[p.cut:].startswith("ال")
            if p.key.startswith("ال") and len(p.key) >= 5:
                return (p.cut, p.key, fused and p.key[2:] == norm[p.cut + 1:], ())
            bare.append((p.cut, p.key))
        return (0, norm, False, tuple(bare))

    def _analyze(self, norm: str, surface: str) -> tuple | None:
        """(cut, key, fused, definite, noun, nisba, head_ok) of a word, or None."""
        if self.stop.get(norm) == "adj_particle":
            return ADJ_PARTICLE
        r = self._reading(norm)
        if r is None or r is WEAK:
            return r
        cut, key, fused, nbare = r
        aligned = len(surface) == len(norm)  # surface and normalized form align char by char
        if fused and aligned:
            # ل + ال + a word that itself begins with ل is also written لل (للجنة = ل + اللجنة)
            rest = surface[2:]
            if zipf("الل" + rest) > zipf("ال" + rest):
                key, fused = "ال" + norm[1:], 2
        if nbare and aligned and not key.startswith("ال"):
            # a bare word that may carry a proclitic (وحماية، بحوكمة): keep the more frequent reading
            best = zipf(surface)
            for c, k in nbare:
                zf = zipf(surface[c:])
                if zf > best:
                    best, cut, key = zf, c, k
        kind = self.stop.get(key)
        if kind == "modifier":
            return (cut, key, fused, key.startswith("ال"), False, True, False)
        if kind == "weak_head" or self.stop.get(_bare(key)) == "weak_head":
            return WEAK
        if kind:
            return None
        bare = _bare(key)
        if len(bare) < MIN_KEY or not bare.isalpha():
            return None
        if "generic_head" in self.filters.get(key, ()) or "generic_head" in self.filters.get(bare, ()):
            return None  # أنحاء، جميع، مختلف: the phrase they open is generic (أنحاء العالم)
        if not key.startswith("ال") and len(surface) >= 4 and surface.endswith("ا") \
                and not surface.endswith(("يا", "اا", "ءا")) and zipf(surface[:-1]) >= ADVERB_ZIPF:
            return None  # an accusative adverb or a dual verb (مؤقتا، مجددا، قاما): no phrase word
        definite = key.startswith("ال") and len(key) >= 4
        noun = (surface.endswith("ة") and len(bare) >= 3) or self._key_noun[key]
        if not definite and ((len(bare) >= 4 and surface.endswith("ه") and not surface.endswith("اه"))
                             or (len(bare) >= 5 and surface.endswith(("ها", "هم", "هما", "هن")))):
            noun = False  # a possessive pronoun ends the noun phrase (نظيره الجزائري); not مياه، اتجاه
        if len(bare) == 5 and bare[0] == "ت" and bare[3] == "ي" and surface.endswith("يه"):
            adj = False  # تفعيل of a root ending in ه (توجيه، تنبيه، ترفيه) is a noun, not a nisba
        else:
            adj = self._key_adj[key]
        if adj and len(bare) == 5 and bare[2] == "ي" and surface.endswith("ة") and norm_zipf(bare[:-1]) < FAEILA_NOUN_ZIPF:
            adj = False  # a فعيلة word whose masculine فعيل is rare is a noun (النتيجة، الجزيرة، الصحيفة), not جديدة
        if surface.endswith("ى"):
            adj = definite  # فعلى adjectives (الكبرى، الأولى); indefinite -ى words are nouns (منتدى، مستوى)
        return (cut, key, fused, definite, noun, adj, True)

    def _noun_by_key(self, key: str) -> bool:
        """The spelling-free part of the noun test of :meth:`_analyze` (memoized by key: every
        spelling that peels to ``key`` shares it): a topic keyword, a nominal template, a word
        common with the article."""
        bare = _bare(key)
        return self.is_keyword(bare) or self.is_keyword(key) or _nominal_template(bare) or self._takes_article(bare)

    @staticmethod
    def _adj_by_key(key: str) -> bool:
        """The spelling-free part of the adjective test of :meth:`_analyze` (memoized by key): an
        adjective template, unless a plural or feminine in -ي- has a rare masculine nisba (المباريات،
        الإمكانيات: مباري، امكاني) and is a noun, not an adjective (الرقمية، السيبرانية: رقمي، سيبراني)."""
        bare = _bare(key)
        if not _adjective_template(bare, key.startswith("ال") and len(key) >= 4):
            return False
        if bare.endswith(("يات", "يين", "يون", "يه")) and len(bare) >= 5:
            z = zipf(bare[:-2] if bare.endswith(("يات", "يين", "يون")) else bare[:-1])
            if 0 < z < NISBA_NOUN_ZIPF:
                return False
        return True

    @staticmethod
    def _takes_article(bare: str) -> bool:
        """A word of four letters or more, not shaped like a verb, that is common with the article
        (wordfreq, normalized: :data:`ARTICLE_ZIPF`, within :data:`ARTICLE_MARGIN` of its bare form)
        is a noun: verbs never take ال (الوسائل، الصندوق)."""
        if len(bare) < 4 or _verb_shape(bare, bare):
            return False
        z = norm_zipf("ال" + bare)
        return z >= ARTICLE_ZIPF and z >= norm_zipf(bare) - ARTICLE_MARGIN

    # --- phrases -------------------------------------------------------------------------
    def find(self, doc: Document, pos_weight, blocked: list[bool] | None = None) -> list[PhraseOcc]:
        """The key-phrase occurrences of a document, left to right. ``blocked[i]``: token ``i`` is
        part of a name no key phrase may overlap (a person, a date): a phrase over it is matched
        (it still takes its words) but not built, as the caller would drop it."""
        out: list[PhraseOcc] = []
        run: list[Word | str] = []
        prev_sent = -1
        cache_get = self._cache.get
        check_head = self._check_head
        flush = self._flush
        text = doc.text
        after_title = False
        marker = "clause"  # what the previous token announces: "verb", "clause" (a clause start) or ""
        for tok in doc.tokens:
            if tok.sent != prev_sent:
                if len(run) > 1:
                    flush(doc, run, out, pos_weight, blocked)
                run = []
                prev_sent = tok.sent
                marker = "clause"
            if tok.kind != "word":
                if len(run) > 1:
                    flush(doc, run, out, pos_weight, blocked)
                run = []
                marker = ""
                continue
            raw = text[tok.start:tok.end]  # the original spelling determines the normalized one
            entry = cache_get(raw)
            if entry is None:
                entry = self._cache[raw]
            info, m = entry
            prev_marker, marker = marker, m
            if info is ADJ_PARTICLE:
                run.append(info)
                continue
            if info is None and not marker and tok.norm.startswith("ال") and len(tok.norm) >= 5:
                marker = "def"  # a definite word dropped as vague (الإمكانيات): an adjective after it is its modifier
            if info is None or info is WEAK or (info[0] and run):
                before = run[-1] if run and type(run[-1]) is Word else None
                if len(run) > 1:
                    flush(doc, run, out, pos_weight, blocked)
                run = []
                if info is not None and info is not WEAK:
                    w = Word(tok, *info)
                    check_head(w, run, prev_marker, before)
                    run.append(w)
                after_title = info is WEAK
                continue
            w = Word(tok, *info)
            if after_title:
                # the genitive of a title (رئيس الجمهورية ...) does not open a phrase
                w.head_ok = False
                after_title = False
            check_head(w, run, prev_marker)
            run.append(w)
        if len(run) > 1:
            flush(doc, run, out, pos_weight, blocked)
        return out

    def _entry(self, raw: str) -> tuple:
        """(analysis, marker) of a spelling, memoized (:meth:`_analyse_entry`)."""
        return self._cache[raw]

    def _analyse_entry(self, raw: str) -> tuple:
        """(analysis, marker) of a spelling: the analysis is a sentinel (None, WEAK, ADJ_PARTICLE)
        or the fields of its :class:`Word` but ``tok``, the spelling's traits included. The
        normalized form of a token is the normalized form of its spelling (one normalizer)."""
        norm = normalize(raw)
        surface = _strip_marks(raw)
        info = self._analyze(norm, surface)
        if type(info) is tuple:
            cut, key, _, definite, _, adj, _ = info
            bare = _bare(key)
            nisba = _is_nisba(bare)
            kinds = self.filters.get(key, ())
            info += (nisba, bare, self._generic[key], "generic_adj" in kinds, "generic_tail" in kinds,
                     not definite and _verb_shape(bare, surface[cut:]))
        return (info, self._markers[norm])

    def _load_seed(self, name: str) -> dict[str, tuple]:
        """The precomputed entries of the most frequent Arabic spellings of
        wordfreq (:func:`pipeline.cache.cached_table`: built on the first batch run, about three
        seconds, then loaded in a tenth of one). The table holds exactly what :meth:`_entry`
        computes (its inputs are the data files and the libraries, which key the cache); the
        sentinels come back as themselves."""
        from ..cache import cached_table

        table = cached_table(name, self._build_seed)
        for raw, (info, marker) in table.items():
            if type(info) is str:
                table[raw] = (WEAK if info == WEAK else ADJ_PARTICLE if info == ADJ_PARTICLE else info, marker)
        return table

    def _build_seed(self) -> dict[str, tuple]:
        out = seed_table(self._analyse_entry, frequent_spellings())
        for memo in (self._markers, self._generic, self._key_noun, self._key_adj):
            memo.clear()  # (what the build analysed is in the table now)
        return out

    def _marker_kind(self, norm: str) -> str:
        """"verb" after a word that announces a verb (التي، قد، لم), "clause" after a clause opener
        (فيما، بينما، حيث), "adj" after an indefinite vague adjective (أخرى، جديدة: a verb-shaped word
        after it opens a relative clause), else ""."""
        filters = self.filters
        kinds = filters.get(norm, frozenset())
        for p in peels(norm)[1:]:
            if not p.clitic.endswith("ال"):
                more = filters.get(p.key)
                if more:
                    kinds = kinds | more
        return "verb" if "verb_marker" in kinds else "clause" if "clause_opener" in kinds else \
            "adj" if "generic_adj" in kinds and not norm.startswith("ال") else ""

    def _generic_kind(self, key: str) -> bool:
        """A vague adjective (كبير، الجديدة، السابقين): the form, without the article, or its
        masculine singular stem (ـين، ـون، ـات، ـة removed). Memoized by key (:attr:`_generic`)."""
        bare = _bare(key)
        filters = self.filters
        if "generic_adj" in filters.get(key, ()) or "generic_adj" in filters.get(bare, ()):
            return True
        return any(bare.endswith(suf) and len(bare) - len(suf) >= 3 and "generic_adj" in filters.get(bare[: -len(suf)], ())
                   for suf in ("ين", "ون", "ات", "ه"))

    def _check_head(self, w: Word, run: list, prev_marker: str, before=None) -> None:
        """Words that may continue a phrase but not open one: a verb after a verb marker (التي تهم
        الجمهور) or a verb-shaped word opening a clause (sentence start, و/ف + word, فيما ...: سجل
        المهاجم، وصادق البرلمان); an adjective right after a content word it qualifies (آراء ثاقبة
        عالمية: not ثاقبة عالمية)."""
        if w.generic:
            w.head_ok = False  # a vague adjective or a dangling participle opens no phrase (جديدة حاملة)
        if w.definite:
            pass
        elif prev_marker == "verb":
            w.head_ok = False
        elif ((prev_marker in ("clause", "adj") and not w.cut) or (w.cut == 1 and w.tok.norm[0] in "وف")) and w.verb:
            w.head_ok = False
        prev = run[-1] if run and type(run[-1]) is Word else None
        if w.verb and not w.definite and prev is not None and not prev.definite and (prev.adj or prev.vague):
            w.head_ok = False  # a verb after a noun + adjective opens a relative clause (مواضيع أخرى تهم ...)
        if not w.adj:
            return
        bare = w.bare
        if prev_marker == "def" and w.definite and not w.cut and not self.is_keyword(bare):
            w.head_ok = False  # (الإمكانيات المادية اللازمة: not المادية اللازمة)
            return
        if prev is None and before is not None and w.cut == 1 and w.tok.norm[0] == "و" and w.nisba \
                and before.adj and before.nisba and before.definite == w.definite \
                and zipf(bare[:-1] if bare.endswith("يه") else bare) >= NISBA_ZIPF:
            # a coordinated adjective (الرياضية والسياسية المحلية) opens no phrase; a noun in -ية whose
            # masculine form is rare (التنمية، الميزانية) still does
            w.head_ok = False
            return
        if prev is None:
            return
        if prev.definite == w.definite and not self.is_keyword(bare) and (prev.noun or prev.adj or len(prev.bare) == 3):
            w.head_ok = False  # (a verb before it does not count: نجحت عملية زراعة الكبد)

    @staticmethod
    def _cut_false_construct(doc: Document, last) -> bool:
        """True when an indefinite phrase ends on a participle whose definite genitive follows but
        is not part of the run (بيئة مفتوحة | المصدر): the phrase would be truncated."""
        if isinstance(last, str) or last.definite or not last.adj or last.nisba:
            return False
        k = last.tok.i + 1
        if k >= len(doc.tokens):
            return False
        nxt = doc.tokens[k]
        return nxt.kind == "word" and nxt.sent == last.tok.sent and nxt.norm.startswith("ال") and len(nxt.norm) >= 4

    def _flush(self, doc: Document, run: list, out: list[PhraseOcc], pos_weight, blocked=None) -> None:
        i = 0
        n = len(run)
        while i < n:
            w = run[i]
            if type(w) is not Word or not w.head_ok or not (w.definite or w.noun):
                i += 1  # (no phrase opens here: :meth:`_match` would return at once)
                continue
            j, pattern = self._match(run, i)
            # vague adjectives (كبير، جديدة، المقبلة) do not end a key phrase: cut at the first one
            for k in range(i + 1, j):
                x = run[k]
                if type(x) is Word and x.generic and (x.definite or k + 1 >= j or type(run[k + 1]) is not Word
                                                       or not run[k + 1].definite):
                    j = k  # (not inside a false construct: أدوات متعددة الاستخدامات، عملية واسعة النطاق)
                    break
            while j - i >= 2 and (type(run[j - 1]) is not Word or run[j - 1].generic):
                j -= 1
            if pattern == "construct":
                for k in range(i + 1, j):
                    if type(run[k]) is Word and run[k].definite:
                        break
                else:
                    j = i + 1  # the trimmed word was the genitive itself: no construct is left
                if j - i >= 2 and type(run[j - 1]) is Word and run[j - 1].tail:
                    j = i + 1  # a construct ending on a vague genitive (شبكة المراكز، قمة منتدى الدول) is no key phrase
            if pattern == "truncated" or (pattern == "noun_adj" and self._cut_false_construct(doc, run[j - 1])):
                j = i + 1
            if j - i >= 2:
                if blocked is None or not any(blocked[w.tok.i:run[j - 1].tok.i + 1]):
                    words = [x for x in run[i:j] if type(x) is Word]
                    out.append(self._occ(doc, run, i, j, words, pattern, pos_weight))
                i = j
            else:
                i += 1

    @staticmethod
    def _match(run: list, i: int) -> tuple[int, str]:
        """End (exclusive) of the longest phrase starting at ``run[i]`` and its pattern."""
        head = run[i]
        n = len(run)
        if not head.head_ok:
            return i + 1, ""

        def extend(j: int, limit: int, definite: bool) -> int:
            """Adjectives agreeing in definiteness (غير + adjective allowed)."""
            count = 0
            while j < n and count < limit:
                x = run[j]
                if isinstance(x, str):  # غير + adjective
                    if j + 1 < n and not isinstance(run[j + 1], str) and run[j + 1].definite == definite \
                            and run[j + 1].adj:
                        j += 2
                        count += 1
                        continue
                    break
                if x.definite != definite or not x.adj:
                    break
                j += 1
                count += 1
            if not definite and count and j < n and not isinstance(run[j], str) and run[j].definite \
                    and not run[j].adj and not isinstance(run[j - 1], str) and not run[j - 1].nisba:
                # an indefinite participle + a definite noun is one false construct (مفتوحة المصدر،
                # عالية الدقة): keep it whole, or drop the phrase when it would be too long
                return j + 1 if j + 1 - i <= MAX_WORDS else -1
            return j

        if head.definite:
            return extend(i + 1, MAX_WORDS - 1, True), "def_def"
        if not head.noun:
            return i + 1, ""
        # construct state: indefinite head (+ indefinite nouns) + definite genitive (+ its adjectives):
        # حوكمة البيانات، عملية زراعة الكبد
        j = i + 1
        while j < n and j - i < 2 and not isinstance(run[j], str) and not run[j].definite \
                and run[j].noun and run[j].head_ok:
            j += 1
        if j < n and j - i < MAX_WORDS and not isinstance(run[j], str) and run[j].definite:
            return extend(j + 1, MAX_WORDS - (j + 1 - i), True), "construct"
        j = extend(i + 1, MAX_WORDS - 1, False)
        return (i + 1, "truncated") if j < 0 else (j, "noun_adj")

    def _occ(self, doc: Document, run: list, i: int, j: int, words: list[Word], pattern: str, pos_weight) -> PhraseOcc:
        first = run[i]
        last = run[j - 1]
        nstart = first.tok.nstart + first.cut
        start, _ = doc.view.to_original(nstart, first.tok.nend)
        end = last.tok.end
        parts = []
        text = doc.text
        for k in range(i, j):
            x = run[k]
            if isinstance(x, str):
                parts.append("غير")
                continue
            t = x.tok
            surface = text[start if k == i else t.start:t.end]
            if t.end - t.start != t.nend - t.nstart:
                surface = _strip_marks(surface)  # (only a token longer than its normalized form has marks)
            if k == i:
                if x.fused == 2:
                    surface = "ال" + surface  # للجنة: span لجنة, value اللجنة
                elif x.fused:
                    surface = "ا" + surface  # ل of the article kept in the span: restore ال
            parts.append(surface)
        value = " ".join(parts)
        keys = tuple(w.key for w in words)
        canon = tuple(w.bare for w in words)
        occ = PhraseOcc(start, end, value, canon, keys, pattern, first.tok.sent,
                        pos_weight(first.tok), (first.tok.i, last.tok.i))
        occ.extra["items"] = (run[i:j], parts)  # for sub_spans / sub_phrase
        return occ

    @staticmethod
    def sub_spans(occ: PhraseOcc) -> list[tuple[int, int, tuple[str, ...]]]:
        """The well-formed phrases inside an occurrence, longest first, as ``(first, end, key)`` over
        its items: the genitive part of a construct (فيروس [شلل الأطفال]، تقنيات [الذكاء الاصطناعي])
        and the shorter adjective phrases at the start of an adjective chain ([الذكاء الاصطناعي]
        التوليدي). Built into occurrences by :meth:`sub_phrase`."""
        if len(occ.key) < 3:
            return []
        items = occ.extra["items"][0]
        n = len(items)
        plain = n == len(occ.key)  # no غير among the items: item i is word i
        starts: list[int] = []
        if occ.pattern == "construct":
            chain = next((k for k in range(1, n) if not isinstance(items[k], str) and items[k].definite), n)
            # the definite genitive chain, and a nested construct (an indefinite noun before it)
            starts = [k for k in range(1, chain) if not isinstance(items[k], str) and items[k].noun] + [chain]
        elif occ.pattern == "def_def" or (occ.pattern == "noun_adj" and not any(
                not isinstance(x, str) and x.definite for x in items)):
            starts = [0]  # (never a prefix of a false construct: خدمات سريعة | الاستجابة)
        spans = []
        for a in starts:
            if a > n - 2 or (a and isinstance(items[a - 1], str)):
                continue
            ends = [n] if a else []
            if a == 0 or items[a].definite:  # an adjective chain may end earlier
                ends += [b for b in range(n - 1, a + 1, -1) if not isinstance(items[b - 1], str)]
            for b in ends:
                spans.append((a, b, occ.key[a:b] if plain else
                              tuple(_bare(x.key) for x in items[a:b] if not isinstance(x, str))))
        return spans

    @staticmethod
    def sub_phrase(occ: PhraseOcc, a: int, b: int, pos_weight) -> PhraseOcc:
        """The occurrence of the phrase spanning items ``[a, b)`` of ``occ``."""
        items, parts = occ.extra["items"]
        words = [x for x in items[a:b] if not isinstance(x, str)]
        keys = tuple(w.key for w in words)
        first = items[a]
        return PhraseOcc(occ.start if a == 0 else first.tok.start, items[b - 1].tok.end, " ".join(parts[a:b]),
                         tuple(_bare(k) for k in keys), keys,
                         "def_def" if first.definite else occ.pattern if a == 0 else "construct",
                         occ.sent, occ.weight if a == 0 else pos_weight(first.tok),
                         (first.tok.i, items[b - 1].tok.i))

    def generic(self, occ: PhraseOcc) -> bool:
        """A phrase that says nothing about the article: listed whole (``generic_phrase``: المرة
        الأولى، مؤتمر صحفي), a phrase ending on a sequence noun + an ordinal (``sequence_head`` +
        ``ordinal``: الجولة الثالثة، بداية الشوط الثاني), any noun + an ordinal unless the topic lexicon
        lists it as a term (الإصابة الأولى, but الجيل الخامس), or direction words only (جنوب غربي)."""
        if " ".join(occ.key) in self.generic_phrases:
            return True
        f = self.filters
        if "ordinal" in f.get(occ.words[-1], ()) and (
                "sequence_head" in f.get(occ.words[-2], ()) or (len(occ.words) == 2 and not self.is_term(occ.words))):
            return True
        return all(b in self.directions for b in occ.key)
