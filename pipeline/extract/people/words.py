"""Word classes of the person recognizer: lexicons, frequency and morphology, per word type.

Every predicate here takes one normalized word (no context) and answers from the lexicons in
``resources/lexicons/person_*.tsv``, the Arabic frequency list (wordfreq) and the shape of the
word. Word classes come from morphology and frequency, not from word lists:

* a **verb** has its other person prefix in use (``يحتاج``/``تحتاج``), a perfect-tense subject
  suffix on a known stem, a future prefix or an object pronoun (:meth:`Words.verb_like`,
  :meth:`Words.strong_verb`, :meth:`Words.verb_shape`);
* a **noun** also takes the article (``جاهز``/``الجاهز``) or is accusative (``هجوما``)
  (:meth:`Words.noun_like`, :meth:`Words.noun_shape`, :meth:`Words.suffixed`);
* a **clitic word** reads as و/ف/ب/ل/ك + a clearly more frequent word (``بالمكتب``)
  (:meth:`Words.clitic_word`, :meth:`Words.strong_clitic`);
* a **demonym** has a plural in use (``الصيني``/``الصينيون``) or is the nationality adjective of
  a country of the place gazetteer, unlike a family name (``المالكي``) (:meth:`Words.demonym`);
* a **foreign word** is rare and has none of those readings (:meth:`Words.foreign_word`).

The frequency thresholds are data (``resources/people/thresholds.tsv``, loaded into :data:`T`).
Results are memoized per word type (a bounded table per predicate), so a word that repeats in a
document or a corpus is classified once.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from types import SimpleNamespace

from ...normalize import normalize
from ...resources import ResourceError, load_table
from ...tokenize import peels
from ..common import TypeMemo, frequent_spellings, seed_table
from ..lexicon import Gazetteer

_CLEAN = re.compile("[\u064b-\u065f\u0670\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"\s+")
# indefinite verbal nouns (ترسيم، استرجاع، انسحاب، اجتماع)
_VERBAL_NOUN = re.compile(r"^(?:ت(..)ي(.)|است(..)ا(.)|ان(..)ا(.)|ا(.)ت(.)ا(.)|ت(.)ا(..)|ا(..)ا(.))ه?$")
IFAL = re.compile(r"^الا..ا.$")  # definite إفعال verbal noun (الإفصاح، الإعلان)
MASDAR = re.compile(r"^ال(?:ا.ت.ا.|ان..ا.|است..ا.|ت..ي.|ت.ا..|ت...)$")
#: the Arabic name particles that need an Arabic name after them (the foreign ones are short words)
ARABIC_PARTICLES = ("عبد", "أبو", "أبي", "أبا", "أم", "آل", "آيت")
# token flags (:meth:`Words.flags`): what a word type can be for the rules, computed once per type
F_SPEECH, F_ACTION, F_VERB, F_GIVEN, F_NASAB, F_NISBA, F_RUN, F_RARE = (1 << k for k in range(8))
GIVEN_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")
MEMO_MAX = 1 << 17  # entries per memoized predicate (least recently used ones are dropped)


def _thresholds() -> SimpleNamespace:
    values = {}
    for r in load_table("people/thresholds.tsv", ("name", "value")):
        try:
            values[r["name"]] = float(r["value"])
        except ValueError as exc:
            raise ResourceError(f"people/thresholds.tsv: {r['id']}: value {r['value']!r} is no number") from exc
    for name in ("APPOS_MAX", "CHAIN_MAX", "RUN_MAX"):
        values[name] = int(values[name])
    return SimpleNamespace(**values)


#: the recognizer's frequency thresholds (``resources/people/thresholds.tsv``)
T = _thresholds()


def clean_value(text: str) -> str:
    """The canonical form of a name: no diacritics, tatweel or invisible marks, single spaces."""
    return _SPACE.sub(" ", _CLEAN.sub("", text)).strip()


@lru_cache(maxsize=1)
def frequency_table() -> dict[str, float]:
    """Zipf frequency of every Arabic word above ``FREQ_FLOOR``, keyed by normalized form
    (the highest of its spellings); built once and cached on disk (pipeline.cache)."""
    from ...cache import cached_table

    return cached_table("maxzipf", _build_frequency_table)


def _build_frequency_table() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    limit = 10 ** (T.FREQ_FLOOR - 9)
    table: dict[str, float] = {}
    for word, f in get_frequency_dict("ar").items():
        if f < limit:
            continue
        key = normalize(word)
        z = math.log10(f) + 9
        if z > table.get(key, 0.0):
            table[key] = z
    return table


def is_definite(norm: str) -> bool:
    return norm.startswith("ال") and len(norm) > 3


def is_nisba(norm: str) -> bool:
    """Looks like a nisba adjective or demonym (``الصيني``, ``المصريه``, ``الامريكيون``, ``سوداني``)."""
    return len(norm) >= 4 and norm.endswith(("ي", "يه", "يون", "يين", "يات"))


def known_rows() -> tuple[dict, ...]:
    """The rows of ``lexicons/person_known.tsv``, validated (``alone`` is 0 or 1)."""
    rows = load_table("lexicons/person_known.tsv", ("name", "domain", "alone"))
    for r in rows:
        if r["alone"] not in ("0", "1"):
            raise ResourceError(f"lexicons/person_known.tsv: {r['id']}: alone must be 0 or 1, not {r['alone']!r}")
    return rows


@lru_cache(maxsize=2)
def shared_words(known: bool = True) -> "Words":
    """One :class:`Words` per process (the person stage and the linker share it)."""
    return Words(known)


def memo(fn):
    """Marks a one-word predicate of :class:`Words` to be memoized per instance (a bounded
    ``functools.lru_cache`` bound in ``Words.__init__``)."""
    fn._memo = True
    return fn


#: possessive pronoun suffixes of a relation noun (زوجها، ابنته، زميلي)
PRONOUNS = ("ه", "ها", "هم", "هما", "ي", "نا", "ك", "كم")


def syllable_forms(rows) -> frozenset[str]:
    """The syllables of ``person_syllables.tsv``, normalized, each final ``نغ`` (ng) also in the
    spelling ``نج`` that Egyptian papers use (وانغ -> وانج، شنغ -> شنج)."""
    forms = {normalize(r["form"]) for r in rows}
    return frozenset(forms | {f[:-1] + "ج" for f in forms if f.endswith("نغ")})


def with_pronouns(noun: str) -> list[str]:
    """A relation noun (kind ``relation`` of ``person_titles.tsv``) with each possessive pronoun:
    its genitive is the pronoun, so the noun is closed and the name follows in apposition (ابنتها
    هدى، زميله نبيل عون). ة is written ت before a suffix (زوجة -> زوجته); أخ takes the long vowel
    of the five nouns (أخوه، أخيه، أخاه), and with ي it is أخي."""
    stem = noun[:-1] + "ت" if noun.endswith("ة") else noun
    if noun == "أخ":
        return ["أخي"] + [stem + v + p for v in "ويا" for p in PRONOUNS if p != "ي"]
    return [stem + p for p in PRONOUNS]


def derived_shape(w: str, lead: str) -> bool:
    """``lead`` (ا for the perfect verb, م for the participle) + the pattern of the derived forms
    VII, VIII or X: انفعل / افتعل (five letters, ن second or ت third) or استفعل (six letters)."""
    if not w.startswith(lead):
        return False
    return (len(w) == 5 and (w[2] == "ت" or w[1] == "ن")) or (len(w) == 6 and w[1:3] == "ست")


def _forms(rows, **where) -> frozenset[str]:
    return frozenset(normalize(r["form"]) for r in rows if all(r.get(k) == v for k, v in where.items()))


class Words:
    """The lexicons of the person recognizer and the word classes derived from them."""

    def __init__(self, known: bool = True) -> None:
        """``known=False`` leaves out the list of well-known people (for ablation measurements)."""
        self._bind_memos()
        self.use_known = known
        self.freq = frequency_table()
        given = load_table("lexicons/person_given_names.tsv", ("form", "gender", "common"))
        self.given = {normalize(r["form"]): r for r in given}
        self.given_common = frozenset(k for k, r in self.given.items() if r["common"] == "1")
        parts = load_table("lexicons/person_particles.tsv", ("form", "kind"))
        self.particles = _forms(parts, kind="bind")
        self.arabic_particles = frozenset(normalize(w) for w in ARABIC_PARTICLES)
        self.filiation = _forms(parts, kind="bind", filiation="1")  # بن، ابن، بنت، ولد
        # the Arabic filiation particles that begin a nasab (ولد is also a verb: "was born")
        self.arabic_filiation = frozenset(normalize(w) for w in ("بن", "ابن", "إبن", "بنت"))
        self.tails = _forms(parts, kind="tail")  # الدين، الله، زاده
        # tails that make a compound a name by themselves (صلاح الدين; not X الله: أسماء الله)
        self.naming_tails = _forms(parts, kind="tail", names="1")
        # syllables of East-Asian names (وانغ، جونغ، جاي): a name of them goes on with the next one
        self.syllables = syllable_forms(load_table("lexicons/person_syllables.tsv", ("form", "origin")))
        # Romance articles between a particle and the surname (دو لا X، دي لا X)
        self.name_articles = _forms(parts, kind="article")
        # first parts of compound names that are common words alone (حسب الله، جاد الله، العبد الله)
        self.compound_heads = _forms(parts, kind="head")
        #: titles that are also name words inside a name, before another name word (محمد السيد علي)
        self.inner_titles = _forms(parts, kind="inner")
        verbs = load_table("lexicons/person_speech_verbs.tsv", ("form", "kind"))
        self.verb_forms = _forms(verbs)  # every trigger of the verb file (speech, action, naming ...)
        # credit nouns that are also everyday nouns (بطولة، إنتاج، تصوير: بطولة ويمبلدون، تصوير فيلمي)
        # introduce only a given name or a word of a known name
        self.credit_noun = _forms(verbs, kind="credit_noun")
        self.credit = _forms(verbs, kind="credit") | self.credit_noun  # إخراج، تأليف، بقلم: like a speech verb
        self.speech = _forms(verbs, kind="speech") | self.credit
        self.action = _forms(verbs, kind="action")
        self.byline = _forms(verbs, kind="byline")
        self.naming = _forms(verbs, kind="naming")
        self.listing = _forms(verbs, kind="listing")  # هما، هم، هن: ابنتين هما X وY
        stops = load_table("lexicons/person_stopwords.tsv", ("form",))
        self.stop = _forms(stops)
        self.role_adj = _forms(stops, **{"class": "role_adj"})  # المدرب الجديد X، الرئيس السابق X
        self.posts = _forms(stops, **{"class": "post"})  # سفير X لدى الأمم المتحدة Y
        self.preps = _forms(stops, **{"class": "prep"}) | self.posts  # X المسؤول عن
        self.said = _forms(stops, **{"class": "complementizer"}) | {":"}  # وقال X إن / :
        all_titles = load_table("lexicons/person_titles.tsv", ("form", "kind"))
        # saint honorifics (سيدي) announce no name (they are also first names: سيدي محمد ولد X); the
        # facility guard looks past them (محكمة سيدي امحمد)
        self.saints = _forms(all_titles, kind="saint")
        titles = tuple(r for r in all_titles if r["kind"] not in ("saint", "relation")) + tuple(
            {"form": f, "kind": "honorific"} for r in all_titles if r["kind"] == "relation" for f in with_pronouns(r["form"]))
        self.titles = Gazetteer([(r["form"], r["kind"]) for r in titles])
        self.title_words = frozenset(normalize(r["form"]) for r in titles if " " not in r["form"])
        #: first words of the titles of two words or more (الأمين العام، المتحدث باسم)
        self.title_firsts = frozenset(normalize(r["form"]).split()[0] for r in titles if " " in r["form"])
        self.ordinals = _forms(load_table("lexicons/person_ordinals.tsv", ("form",)))
        #: sovereign titles whose one-word names take a regnal ordinal (الملك لايوش الثاني)
        self.regnal = _forms(load_table("lexicons/person_regnal_titles.tsv", ("form",)))
        from ..gazetteers import country_nisba_forms

        self.nationality = country_nisba_forms()  # nationality adjectives of the gazetteer's countries
        heads = load_table("lexicons/person_facility_heads.tsv", ("form", "kind"))
        self.facility = _forms(heads, kind="facility") | _forms(heads, kind="media") | _forms(heads, kind="place")
        self.titled = _forms(heads, kind="title")  # works: their quoted title is no person
        self.facility_heads = self.facility | self.titled  # nouns that begin a new phrase after a name
        from .likeness import Likeness

        self.likeness = Likeness()
        self._load_known(titles)

    def _load_known(self, titles) -> None:
        """Well-known people (:meth:`_known_tables`), built once and then read from the on-disk
        cache (thousands of names: building them is most of this class's construction)."""
        if self.use_known:
            from ...cache import cached_table

            self.__dict__.update(cached_table("people-known", lambda: self._known_tables(titles)))
        else:
            self.__dict__.update(self._known_tables(titles))

    def _known_tables(self, titles) -> dict:
        """Well-known people: full names (titles in front removed) and their distinctive surnames."""
        heads = frozenset(normalize(r["form"]) for r in titles)
        full: list[tuple[str, str]] = []
        surnames: list[tuple[str, str]] = []
        names: set[str] = set()
        for r in known_rows():
            words = r["name"].split()
            while len(words) > 1 and normalize(words[0]) in heads:
                words = words[1:]
            name = " ".join(words)
            names.add(normalize(name))
            if len(words) > 1:
                full.append((name, name))
                if r["alone"] != "1":
                    continue  # the surname alone is this person only after the full name (the linker)
            k = len(words) - 1
            if k and normalize(words[k]) in self.tails:
                k -= 1
            while k > 1 and normalize(words[k - 1]) in self.particles:
                k -= 1  # the surname keeps its particles (فان دير بيل، آل مكتوم)
            last = words[k:]
            key = normalize(" ".join(last))
            if len(last) == 1 and (key in self.given or key in self.stop or key in heads or len(key) < 3
                                   or self.z(key) >= T.KNOWN_SURNAME_MAX or self.noun_like(key) or self.verb_like(key)):
                continue
            surnames.append((" ".join(last), name))
        return {
            "known": Gazetteer(full + surnames if self.use_known else []),
            "known_names": frozenset(names),  # normalized whole names (one-word ones included)
            # (a frequent common word of a known name, بيت، روح، الدين، is no evidence of a name)
            "known_words": frozenset(
                w for name, _ in (full if self.use_known else []) for w in normalize(name).split()
                if w not in self.stop and w not in heads and len(w) >= 3
                and (self.z(w) < T.KNOWN_WORD_MAX or w in self.given)),
        }

    def _bind_memos(self) -> None:
        for name in dir(type(self)):
            fn = getattr(type(self), name, None)
            if getattr(fn, "_memo", False):
                setattr(self, name, lru_cache(maxsize=MEMO_MAX)(fn.__get__(self)))
        # the token flags, computed for every word type of a run, come from a table of the
        # frequent words precomputed on disk (TypeMemo's seed) in a batch run
        self.flags = TypeMemo(Words.flags.__get__(self), MEMO_MAX, seed=self._flags_seed).__getitem__

    def _flags_seed(self) -> dict[str, int]:
        from ...cache import cached_table

        return cached_table(f"person-flags-seed-{int(self.use_known)}", self._build_flags_seed)

    def _build_flags_seed(self) -> dict[str, int]:
        """:meth:`flags` of the most frequent Arabic words of wordfreq (normalized)."""
        return seed_table(Words.flags.__get__(self), frequent_spellings(), normalize)

    def __getstate__(self):
        return {k: v for k, v in self.__dict__.items() if not hasattr(v, "cache_info") and k != "flags"}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._bind_memos()

    # ---- lexicon classes ------------------------------------------------------------------
    def z(self, norm: str) -> float:
        """Zipf frequency of the normalized word (0 when unknown)."""
        return self.freq.get(norm, 0.0)

    def blocked(self, norm: str) -> bool:
        """A stop word, speech verb, naming word or title word: never a name word."""
        return norm in self.stop or norm in self.speech or norm in self.title_words or norm in self.naming

    @memo
    def conj_keys(self, norm: str) -> tuple[str, ...]:
        """The word and its readings without و/ف (the proclitics a trigger verb may carry)."""
        return tuple(p.key for p in peels(norm) if p.clitic in ("", "و", "ف"))

    def flags(self, norm: str) -> int:
        """The token flags of a word type: a speech or action verb (with و/ف), any trigger verb,
        a given name or Arabic particle under a name's clitics, a nasab particle, a definite
        nisba (with و/لل), a given name or a word of a known name (a word of a name run), a rare
        plain word (the cheap part of :meth:`looks_foreign`, whose likeness test is left to the
        places where a run of two such words can start)."""
        f = 0
        keys = self.conj_keys(norm)
        if any(k in self.speech for k in keys):
            f |= F_SPEECH
        if any(k in self.action for k in keys):
            f |= F_ACTION
        if any(k in self.verb_forms for k in keys):
            f |= F_VERB
        for p in peels(norm):
            if p.clitic in GIVEN_CLITICS:
                if p.key in self.given or p.key in self.arabic_particles:
                    f |= F_GIVEN
                if p.key in self.arabic_filiation:
                    f |= F_NASAB
        tn = norm[1:] if norm.startswith("وال") else "ال" + norm[2:] if norm.startswith("لل") else norm
        if is_definite(tn) and tn.endswith(("ي", "يه")):
            f |= F_NISBA
        if (self.plain_given(norm) and norm not in self.stop) or norm in self.known_words:
            f |= F_RUN
        elif self.rare_plain(norm):
            f |= F_RARE  # a word of a foreign run if it also :meth:`looks_foreign` (asked where a run can be)
        return f

    @memo
    def nameish(self, norm: str) -> bool:
        """A word that may stand next to a name (title, saint, given name, transliteration): the
        facility guard looks past it. Asked only near facility heads, so not a token flag (the
        likeness of every word type would cost more than all the rest of the flags)."""
        return norm in self.title_words or norm in self.saints or self.plain_given(norm) \
            or self.foreign_shape(norm) or norm in self.known_words \
            or (is_definite(norm) and self.plain_given(norm[2:]))

    def plain_given(self, norm: str) -> bool:
        """A given name that is no common word (محمد, not سعيد or أمل)."""
        return norm in self.given and norm not in self.given_common

    def function_name(self, w: str) -> bool:
        """A two-letter pronoun or particle that is also listed as a (foreign) given name (هو، لي):
        read as the function word unless a title announces it."""
        return w in self.given_common and len(w) <= 2 and self.z(w) >= T.FUNCTION_MIN

    # ---- verbs ------------------------------------------------------------------------------
    @memo
    def verb_like(self, norm: str) -> bool:
        """Shaped like a verb: the other person prefix (ي<->ت, ن->ي) or the stem without a
        subject suffix (ت، وا) is a known word, a future prefix (س) on such a form, or an
        attached object pronoun (ها، هم)."""
        if norm in self.speech:
            return True
        if norm in self.given or len(norm) < 4 or norm.startswith("ال"):
            return False
        z = self.freq.get
        if norm.endswith(("ها", "هم", "هما", "كم")) and len(norm) >= 5:
            return True
        head = norm[0]
        if head in "يت":
            swap = ("ت" if head == "ي" else "ي") + norm[1:]
            if z(swap, 0.0) >= 3.0:
                return True
        if head == "ن" and z("ي" + norm[1:], 0.0) >= 3.0 and z("ت" + norm[1:], 0.0) >= 3.0:
            return True  # نعمل/يعمل/تعمل, but not نافع (يافع exists, تافع does not)
        if head == "س" and norm[1] in "يتن" and len(norm) >= 5 and self.verb_like(norm[1:]):
            return True
        if len(norm) >= 6 and norm.endswith(("ون", "ان")) and (
                (head in "يت" and (norm in self.freq or ("ت" if head == "ي" else "ي") + norm[1:] in self.freq))
                or (norm[:2] in ("سي", "ست") and self.verb_like(norm[1:]))):
            return True  # يقاومان، سيحاولون (not سيباستيان)
        if head == "ا" and 4 <= len(norm) <= 7 and z(norm, 0.0) >= 3.0 and z("ي" + norm[1:], 0.0) >= 3.0:
            return True  # اتفق/يتفق، أهدر/يهدر، استقبل/يستقبل
        if norm.endswith("ت") and norm[-2] != "ا" and z(norm[:-1], 0.0) >= 3.5 and (
                z(norm, 0.0) > 0.0 or z("ي" + norm[:-1], 0.0) >= 2.0 or z("ت" + norm[:-1], 0.0) >= 2.0):
            return True  # a perfect -ت verb: in use itself, or its imperfect is (not a transliteration ending in ت)
        if norm.endswith("وا") and (len(norm) >= 5 or z(norm[:-2], 0.0) >= 3.5):
            return True
        return False

    @memo
    def strong_verb(self, norm: str) -> bool:
        """The clear verb shapes (not the ت-ending or prefix-swap guesses that transliterated
        names trip): a future prefix, a plural or dual subject suffix, an object pronoun, or a
        prefix swap to a frequent form (يقرر/تقرر)."""
        if norm in self.given or len(norm) < 4 or norm.startswith("ال"):
            return False
        z = self.freq.get
        if self.verb_shape(norm):
            return True
        if norm[0] == "س" and norm[1] in "يتن" and len(norm) >= 5 and (
                z(norm[1:], 0.0) >= 2.5 or self.verb_like(norm[1:])):
            return True  # سيقرر، ستتناول
        if norm[0] in "يت" and norm.endswith(("ون", "ان", "وا")) and len(norm) >= 5 and z(norm[:-2], 0.0) >= 2.0 \
                and norm[-3] != "ا":
            return True  # ينكرون، يواصلان
        if norm.endswith("وا") and len(norm) >= 5 and z(norm[:-2], 0.0) >= 2.0 and norm[-3] != "ا":
            return True  # استنكروا (not تاناكاوا)
        if norm[0] in "يت" and z(("ت" if norm[0] == "ي" else "ي") + norm[1:], 0.0) >= 3.5:
            return True  # يصمم/تصمم
        return False

    @memo
    def verb_shape(self, norm: str) -> bool:
        """A verb form the frequency list confirms: a perfect in ``-ت`` whose imperfect is in use
        (داهمت: يداهم، اتحدت: يتحد), an imperfect dual (يقضيان: يقضي), form V/VI imperfects
        (يتلفت), a future on a verb in use with both prefixes (سيقرر: يقرر/تقرر), a verb with
        an object pronoun (سيقودنا), a perfect with the dual ending or a pronoun in ا (اتفقا،
        قدمها) whose imperfect is in use and whose stem takes no article."""
        if norm in self.given or len(norm) < 4:
            return False
        z = self.freq.get
        if norm.endswith("ت") and not norm.endswith("ات") and len(norm) >= 5:
            stem = norm[:-1]
            if z("ي" + stem, 0.0) >= 2.5 or (stem[0] == "ا" and z("ي" + stem[1:], 0.0) >= 2.5):
                return True
        if norm[0] in "يت" and norm.endswith("ان") and len(norm) >= 5 and z(norm[:-2], 0.0) >= 3.0:
            return True
        if norm.endswith("ا") and norm not in self.known_words:
            # a perfect with the dual ending (اتفقا: يتفق، التقيا: يلتقي, X وY اتفقا) or an object
            # pronoun (قدمها، عرفنا) whose imperfect is in use, and no noun with the article
            # (not بحثا: البحث)
            stem = norm[:-1]
            if (z("ي" + stem, 0.0) >= 3.0 or (stem[0] == "ا" and z("ي" + stem[1:], 0.0) >= 3.0)) \
                    and z("ال" + stem, 0.0) < 3.0:
                return True
        if norm[:2] in ("يت", "تت") and len(norm) >= 5:
            return True
        if norm[0] == "ت" and len(norm) >= 4 and z("ي" + norm, 0.0) >= 2.5:
            return True  # a form V/VI perfect whose imperfect is in use (تباحث: يتباحث، تعهد: يتعهد)
        if norm[0] == "س" and norm[1] in "يت" and len(norm) >= 6 and self.verb_shape(norm[1:]):
            return True  # سيتنحى
        if norm[0] == "س" and norm[1] in "يت" and len(norm) >= 5 and z(norm[1:], 0.0) >= 2.5 \
                and z(("ت" if norm[1] == "ي" else "ي") + norm[2:], 0.0) >= 2.5:
            return True
        if norm.endswith(("نا", "ها", "هم")) and len(norm) >= 6 and self.verb_like(norm[:-2]):
            return True
        return False

    # ---- clitic readings ----------------------------------------------------------------------
    @memo
    def clitic_word(self, norm: str, article_only: bool = False) -> bool:
        """Reads as proclitic + known word (``وموثوقيه``, ``بالمكتب``, ``للجنه``), so not a name word."""
        if norm in self.given or norm in self.particles:
            return False
        z = self.freq.get
        for p in peels(norm)[1:]:
            if p.clitic in ("و", "ف") and (p.key in self.given or p.key in self.particles
                                           or (z(p.key, 0.0) >= 3.0 and len(p.key) >= 3) or p.key in self.stop):
                return True
            prep = p.clitic[:-2] if p.clitic.endswith("ال") else p.clitic
            article = p.clitic.endswith("ال") or p.key.startswith("ال")
            zk = z(p.key, 0.0)
            if prep[-1:] in ("ب", "ك") and p.key[:1] == "ي" and not article:
                continue  # ب/ك do not attach to a verb: كيلي is not ك + يلي
            if prep == "ب" and p.key[:1] == "و" and z(norm, 0.0) < 3.5:
                continue  # بو- begins many names (بوين، بوتفليقة); بوجود is frequent as a whole
            zw = z(norm, 0.0)
            if article and self._translit_article(norm, p, prep):
                continue
            if prep[-1:] in ("ب", "ل", "ك") and (article or (not article_only and len(p.key) >= 3 and zk >= 3.0
                                                             and (zk >= zw + 0.5 or (zk >= 3.5 and zk >= zw)))):
                return True
        return False

    def _translit_article(self, norm: str, p, prep: str) -> bool:
        """A ب/ك + ال reading of a word nobody uses whose noun after the article is no known word
        either (كال + يدو in كاليدو): a transliteration, not a preposition and the article (بالمكتب)."""
        if prep[-1:] not in ("ب", "ك") or self.freq.get(norm, 0.0) > 0.0:
            return False
        noun = p.key if p.clitic.endswith("ال") else p.key[2:]
        return len(noun) <= 2 or self.freq.get(noun, 0.0) < 3.0 and self.freq.get("ال" + noun, 0.0) < 2.0

    @memo
    def strong_clitic(self, norm: str) -> bool:
        """A clear proclitic reading: و/ف + a known word, or ب/ل/ك + a frequent word or one with the
        article (``بالوزير``, ``لكنه``), not ``كالديرون`` (ك + unknown ``الديرون``)."""
        if norm in self.given or norm in self.particles:
            return False
        for p in peels(norm)[1:]:
            zk = self.freq.get(p.key, 0.0)
            if p.clitic in ("و", "ف"):
                if self._conj_reading(p.key, zk):
                    return True
                continue
            if p.clitic == "ل" and len(p.key) >= 4 and (self.suffixed(p.key) or (p.key[0] in "يت" and self.verb_like(p.key))):
                return True  # لثنيه، ليعود
            prep = p.clitic[:-2] if p.clitic.endswith("ال") else p.clitic
            if prep[-1:] not in ("ب", "ل", "ك"):
                continue
            if p.key.startswith("ال") or p.clitic.endswith("ال"):
                if zk >= 2.5 and not self._translit_article(norm, p, prep):
                    return True  # كالوزير (ك + ال + وزير)، بالمكتب، للجنة
            elif len(p.key) >= 3 and zk >= 4.0:
                return True
        return False

    def _conj_reading(self, key: str, zk: float) -> bool:
        """و/ف + ``key`` is a clear reading: a known word, a given name, a stop word or a verb (فاحتسب)."""
        if len(key) >= 3 and (zk >= 3.0 or key in self.given) or key in self.stop:
            return True
        return len(key) >= 4 and ((self.verb_like(key) and (zk >= 2.0 or key[:2] != "يي"))
                                  or self.verb_shape(key) or (
            key[0] == "ا" and zk >= 2.5 and self.freq.get("ي" + key[1:], 0.0) >= 2.5))

    def clitic_on_name(self, w: str) -> bool:
        """The proclitic reading of ``w`` puts ب/ل/ك on a well-known name word (ب + رايس): right
        after a first name that is a transliterated surname (نيد برايس), not a preposition."""
        return self.z(w) < 4.0 and any(p.clitic in ("ب", "ل", "ك") and p.key in self.known_words
                                       and p.key not in self.given and not self.suffixed(p.key)
                                       for p in peels(w)[1:])  # (not ل + a noun + ه: لثنيه)

    # ---- nouns ---------------------------------------------------------------------------------
    @memo
    def suffixed(self, norm: str) -> bool:
        """A known noun with an attached pronoun (``قصيدته``, ``أوامره``, ``مراسلنا``, ``إقناعهم``,
        ``عمه``), not a name."""
        if norm in self.given or norm.startswith("ال") or norm in self.tails:
            return False
        z = self.freq.get
        if len(norm) == 3:  # a two-letter kinship noun + ه (عمه، أخه)
            return norm.endswith("ه") and z(norm[:-1], 0.0) >= 3.5 and norm not in self.particles
        if len(norm) < 4:
            return False
        if norm.endswith("ته") and z(norm[:-2] + "ه", 0.0) >= 3.0:
            return True
        for suf in ("هما", "هم", "ها", "هن", "كم"):
            if norm.endswith(suf) and len(norm) - len(suf) >= 3:
                stem = norm[:-len(suf)]
                if z(stem, 0.0) >= 3.0 or (stem.endswith("ت") and z(stem[:-1] + "ه", 0.0) >= 3.0):
                    return True  # إقناعهم، سيارتها
        if norm.endswith("نا") and len(norm) >= 5 and norm[-3] not in "ايو" and z(norm[:-2], 0.0) >= 3.5:
            return True  # our X (مراسلنا، رئيسنا), not a transliteration after a long vowel (مارتينا)
        if norm.endswith("ك"):
            # "your X" is rare in news outside quotes: a word nobody writes in -ك is a transliteration
            # (ناميك، يلديريك), not a noun + ك
            return z(norm[:-1], 0.0) >= 3.0 and z(norm, 0.0) > 0.0
        return norm.endswith("ه") and z(norm[:-1], 0.0) >= 3.0

    @memo
    def noun_like(self, norm: str) -> bool:
        """A frequent word that also takes the article (``جاهز`` -> ``الجاهز``): a noun or adjective."""
        if norm in self.given or norm.startswith("ال"):
            return False
        if norm.endswith("ا") and len(norm) >= 3 and self.freq.get("ال" + norm[:-1], 0.0) >= 3.5:
            return True  # accusative tanween: هجوما -> الهجوم
        z = self.z(norm)
        if z < 4.0:
            return False
        art = self.freq.get("ال" + norm, 0.0)
        return art >= 3.0 and art >= z - 1.3

    @memo
    def noun_shape(self, norm: str) -> bool:
        """Accusative ``-ا`` on a noun (استنادا: الاستناد), a verbal noun whose root is a known
        word (ترسيم: رسم، استرجاع: رجع), an abstract ``-ية`` noun (إمكانية: إمكان), a nisba plural
        (دبلوماسيون), a definite dual or plural (الرجلان، المحللون), a plural that takes the
        article (تصريحات: التصريحات)."""
        if norm in self.given or len(norm) < 4:
            return False
        z = self.freq.get
        if self.accusative_noun(norm):
            return True
        m = _VERBAL_NOUN.match(norm)
        if m and z(norm, 0.0) >= 2.5:
            root = "".join(g for g in m.groups() if g)
            if z(root, 0.0) >= 3.0 and not any(ch in "اوي" for ch in root):
                return True  # a sound root (رسم), not long vowels of a transliteration (تيفيز)
        if len(norm) >= 6 and norm.endswith("يه") and z(norm[:-2], 0.0) >= 2.5:
            return True
        if len(norm) >= 6 and norm.endswith(("تين", "تان")) and z(norm[:-3] + "ه", 0.0) >= 3.0:
            return True  # a feminine dual (دبابتين: دبابة)
        if len(norm) >= 6 and norm.endswith(("يون", "يين")) and z(norm[:-2], 0.0) >= 3.5:
            return True
        if len(norm) >= 5 and norm.endswith("ات") and not is_definite(norm) and z("ال" + norm, 0.0) >= 3.0:
            return True  # a plural noun that takes the article (تصريحات: التصريحات)
        if is_definite(norm) and len(norm) >= 6 and norm.endswith(("ون", "ان", "ين")) and z(norm, 0.0) >= 2.5:
            return True
        return self.sound_plural(norm)

    def sound_plural(self, norm: str, family_slot: bool = False) -> bool:
        """See :meth:`_plural_reading` (computed once per word type)."""
        kind = self._plural_reading(norm)
        return kind == 1 or (kind == 2 and not family_slot)

    @memo
    def _plural_reading(self, norm: str) -> int:
        """A word nobody writes as a whole that is (a proclitic +) a frequent noun or adjective +
        the suffix of a masculine dual or plural, -ين/-ون, or of a feminine plural, -ات (باتصالين:
        ب + اتصال + ين، بمؤتمرين، استفزازات): a common word. A transliterated name ending so has a stem nobody uses (تشيرنومردين); -ان is
        left out: it ends many Persian, Turkish and Arabic names. In the ``family_slot`` (right
        after an anchored given name) a bare -ات word is a family name (نصيرات، عبيدات).
        Returns 0 (no plural), 1 (a plural), 2 (a bare -ات plural: not in the family slot)."""
        z = self.freq.get
        if z(norm, 0.0) > 0.0 or norm in self.given or norm in self.known_words:
            return 0
        bare_fem = False
        for p in peels(norm):
            if p.clitic.endswith("ال"):
                continue
            k = p.key
            if k[:-2] in self.given:
                continue  # a family name built on a given name (عبيدات، حسانين، محمدين، رشيدات)
            if len(k) >= 6 and k.endswith(("ين", "ون")) and z(k[:-2], 0.0) >= T.PLURAL_STEM_MIN:
                return 1
            if len(k) >= 6 and k.endswith("ات") and max(z(k[:-2], 0.0), z(k[:-2] + "ه", 0.0)) >= T.FEM_PLURAL_STEM_MIN:
                if p.clitic:
                    return 1  # a feminine plural (باتفاقيات: اتفاقية)
                bare_fem = True  # (استفزازات: استفزاز)
        return 2 if bare_fem else 0

    def common_shape(self, norm: str) -> bool:
        """Shaped like a common word, not a name: :meth:`noun_shape` or :meth:`verb_shape`."""
        return self.noun_shape(norm) or self.verb_shape(norm)

    @memo
    def demonym(self, norm: str) -> bool:
        """A nisba adjective with a plural in use (``الصيني`` -> ``الصينيون``), or the nationality
        adjective of a country in the place gazetteer (``الكيني``، ``اللوكسمبورغي``): a demonym or
        adjective, unlike a family name (``المالكي`` has no plural)."""
        if not is_nisba(norm):
            return False
        if norm in self.nationality:
            return True
        if not norm.endswith("ي"):
            return True
        return self.freq.get(norm + "ون", 0.0) >= 2.5 or self.freq.get(norm + "ين", 0.0) >= 2.5

    @memo
    def haal(self, w: str) -> bool:
        """A circumstantial accusative (حال) after the subject: an active participle with the
        accusative ending, فاعلا of a root whose imperfect يفعل is in use (ضاحكا: يضحك، مازحا:
        يمزح), or مُفعِلا of a derived verb whose imperfect is (مبتسما: يبتسم، موضحا: يوضح). A
        transliterated name in -ا has no such verb (مارتا، مونيكا); names of the pattern (سالم,
        and any given name or word of a known name) are left out."""
        if not w.endswith("ا") or len(w) < 5 or w in self.given or w in self.known_words or w[:-1] in self.given:
            return False
        if len(w) == 5 and w[1] == "ا" and w[3] not in "يو":
            return self.imperfect_used(w[0] + w[2] + w[3])  # ضاحكا: يضحك
        if w[0] == "م" and len(w) >= 6:
            return self.imperfect_used(w[1:-1])  # مبتسما: يبتسم
        return False

    @memo
    def nisba_surname(self, w: str) -> bool:
        """A definite nisba in -ي that can follow a given name as its family name: no nationality
        adjective of a country, no role adjective or ordinal, at most Zipf NISBA_SURNAME_MAX. A
        definite adjective cannot qualify the indefinite given name before it, so a nisba with a
        plural in use is a family name there too (أمل الهاشمي، منى الشافعي). A family name is
        written with the article: a noun whose ي is a root letter (كرسي، وادي) is about as frequent
        without it (آية الكرسي)."""
        z = self.z(w)
        return is_definite(w) and len(w) >= 5 and w.endswith("ي") and w not in self.nationality \
            and not self.blocked(w) and w not in self.role_adj and w not in self.ordinals \
            and z <= T.NISBA_SURNAME_MAX and (z <= 3.0 or self.z(w[2:]) <= z - 0.5)

    def family_nisba(self, norm: str) -> bool:
        """A definite nisba that is no demonym (الشاذلي، الكرخي): a family name."""
        return is_definite(norm) and is_nisba(norm) and not self.demonym(norm)

    # ---- name words -----------------------------------------------------------------------------
    @memo
    def unknown(self, norm: str) -> bool:
        """Rare as a whole and under every proclitic reading (a foreign name, not ``لكوفيد``)."""
        if self.z(norm) > T.FOREIGN_MAX:
            return False
        return all(p.key not in self.freq for p in peels(norm)[1:])

    @memo
    def can_start(self, norm: str, limit: float = T.START_MAX) -> bool:
        """Can this word (no clitics) begin a name when the context announces one?"""
        if len(norm) < 2 or self.blocked(norm):
            return False
        if norm in self.particles or (norm in self.given and not (norm in self.given_common and self.z(norm) >= 4.5)):
            return True
        if norm[0] == "م" and len(norm) >= 4 and (
                (norm.endswith(("ون", "ين", "ان", "ات")) and len(norm) >= 5 and self.z(norm) > 0.0)
                or (norm.endswith(("و", "ا")) and self.z(norm[:-1]) >= 2.5)):
            return False  # participles and their plurals: مسؤولو، مراقبون، متمنيا
        if is_definite(norm) or self.verb_like(norm) or self.clitic_word(norm) or self.noun_like(norm) \
                or self.suffixed(norm):
            return False
        if norm[0] == "و" and (self.freq.get(norm[1:], 0.0) >= 2.5 or self.verb_like(norm[1:])):
            return False
        if len(norm) == 4 and norm[1] == "ا" and norm[-1] not in "هيا" and self.imperfect_used(norm):
            return False  # a form III perfect verb (عانق/يعانق، ساهم/يساهم)
        if self.derived_perfect(norm):
            return False  # a form VII, VIII or X perfect verb (امتحن، استدرج)
        if norm not in self.known_words and self.common_shape(norm):
            return False
        return self.z(norm) <= limit

    def imperfect_used(self, stem: str) -> bool:
        """The imperfect ي + ``stem`` is a word in use (يعانق، يمتحن، يضحك): the verb a perfect or a
        participle of that shape belongs to exists."""
        return self.z("ي" + stem) >= T.FREQ_FLOOR

    def derived_perfect(self, norm: str) -> bool:
        """Shaped like a perfect verb of the derived forms VII, VIII or X (انفعل، افتعل، استفعل:
        انتقل، امتحن، استدرج) whose imperfect is in use (ينتقل، يمتحن، يستدرج), so a word of that shape
        that is a transliteration (اشتون) is not one."""
        return derived_shape(norm, "ا") and self.imperfect_used(norm[1:])

    @memo
    def foreign_word(self, w: str, limit: float = T.FOREIGN_WORD_MAX) -> bool:
        """A rare word (at most ``limit`` frequent) that may be a transliterated name even where
        the shape guesses of :meth:`can_start` object (مارتينا، يوريس): not a stop word, title,
        common word shape, clear verb or clear clitic reading."""
        if len(w) < 2 or self.blocked(w) or is_definite(w) or self.z(w) > limit:
            return False
        return not (self.common_shape(w) or self.strong_verb(w) or self.strong_clitic(w) or self.suffixed(w)
                    or self.noun_like(w) or (w[0] == "و" and w not in self.given))

    def rare_plain(self, w: str) -> bool:
        """A rare word of three letters or more with no article, no و and no stop-word reading."""
        return self.z(w) <= T.FOREIGN_WORD_MAX and len(w) >= 3 and not self.blocked(w) and not is_definite(w) \
            and w[0] != "و"

    @memo
    def looks_foreign(self, w: str) -> bool:
        """A rare word spelled like a transliterated foreign name (:mod:`.likeness`), with no
        article, و or lexicon reading that would make it a common word."""
        return self.rare_plain(w) and not self.suffixed(w) and not self.strong_clitic(w) \
            and self.likeness(w) > T.LIKE_MIN and not self.accusative_noun(w, T.FOREIGN_ACC_MIN)

    def accusative_noun(self, w: str, stem_min: float = T.FREQ_FLOOR) -> bool:
        """A noun with the accusative ending ``-ا`` whose stem takes the article at least
        ``stem_min`` often (مرسوما: المرسوم، أميريا: الأميري), not a given name: its ``-ا`` looks
        like a transliteration's (ماريا) but is a case ending."""
        return len(w) >= 5 and w.endswith("ا") and w not in self.given and self.freq.get("ال" + w[:-1], 0.0) >= stem_min

    def participle_shape(self, w: str) -> bool:
        """Spelled like an active or passive participle of the derived forms VII, VIII or X (منفعل،
        مفتعل، مستفعل: مقتضب، منسحب، مستقبل) and unknown to the frequency list as a whole, so no
        name word that the lists know (منتصر is a given name)."""
        if w in self.given or self.z(w) > 0.0:
            return False
        return derived_shape(w, "م") and (len(w) == 6 or w[1] not in "اوي")

    def foreign_shape(self, w: str) -> bool:
        """Spelled like a transliteration and not frequent (up to ``SECOND_MAX``), with no article:
        a looser :meth:`looks_foreign`, for words next to a name (ملعب فيليكس X)."""
        return len(w) >= 3 and not is_definite(w) and self.z(w) <= T.SECOND_MAX and not self.blocked(w) \
            and self.likeness(w) > T.LIKE_MIN

    def foreign_like(self, w: str) -> bool:
        """:meth:`foreign_word` up to ``PAIR_MAX`` frequent (a fairly common transliterated
        surname), without even the weak verb or clitic readings."""
        return self.foreign_word(w, T.PAIR_MAX) and w[0] != "و" and not self.verb_like(w) and not self.clitic_word(w)

    def name_word(self, w: str) -> bool:
        """A given name (no stop word), a name particle, a word of a well-known name, or an
        unknown word that may start a name."""
        return (w in self.given and w not in self.stop) or w in self.particles or w in self.known_words \
            or (self.unknown(w) and self.can_start(w))

    def clear_name_word(self, w: str) -> bool:
        """Clearly a name word: a given name, a word of a well-known name, a rare word that may
        start a name, or a rare nisba family name (الكرخي)."""
        if (w in self.given and w not in self.stop) or w in self.known_words:
            return True
        return self.z(w) <= 3.0 and ((self.unknown(w) and self.can_start(w)) or (
            self.family_nisba(w) and not self.blocked(w)))

    def strong_name_word(self, w: str) -> bool:
        """An unambiguous given name or an Arabic name particle (and بن/ابن: علي بن موسى)."""
        return (self.plain_given(w) and w not in self.stop) or w in self.arabic_particles or w in self.filiation

    def bracket_word(self, w: str) -> bool:
        """A word that may stand in a name before a bracketed number."""
        if w in self.stop or self.blocked(w):
            return False
        return (w in self.given) or w in self.particles or w in self.tails or self.foreign_word(w) \
            or (is_definite(w) and self.z(w) <= 4.0 and not self.common_shape(w) and not self.demonym(w))

    def svo_word(self, w: str) -> bool:
        """A word that may be the subject name right before a verb."""
        if w in self.stop or self.blocked(w) or is_definite(w):
            return False
        if w in self.known_words or self.plain_given(w):
            return True
        return self.unknown(w) and self.can_start(w)
