"""People extraction: titles and role chains, speech verbs, Arabic name structure, foreign names.

Rule families (rule ids in the ``rule`` field of each entity):

* ``person.title``: a title or role (``الرئيس``, ``وزير``, ``الدكتورة``, ``المتحدث باسم`` ...,
  data in ``lexicons/person_titles.tsv``) opens a *role chain*. Roles without the article
  (``نائب رئيس مجلس ...``) are construct heads: the chain goes on through the genitive nouns
  until a definite word closes it (``الدولة``); definite adjectives, nisba adjectives
  (``الصيني``, ``الفرنسي``) and further titles (``الدكتور``) are skipped; the first following
  word that can start a name begins the name (``نائب رئيس مجلس الدولة الصيني ليو خه`` -> ``ليو خه``).
* ``person.speech``: a speech or reporting verb (``قال``, ``وأضافت`` ..., with و/ف peeled; data in
  ``lexicons/person_speech_verbs.tsv``) directly followed by a name-like word.
* ``person.given``: a given name from the lexicon (``lexicons/person_given_names.tsv``) or a name
  particle group (``عبد`` + divine name, ``أبو/أم X``, ``بن/بنت``, ``آل``, ``آيت`` ...) starts a name
  without other context; given names that are also common words need a second name word.
* ``person.nisba``: a definite nisba adjective (``البرازيلي``) followed by a word unknown to the
  frequency list begins a foreign name; a feminine demonym (``البولندية``) needs two such words.
* ``person.action``: an action verb (``رفض``, ``استقبل``, ``غادر`` …, kind ``action`` in the verb
  file) followed by a given name, a word of a well-known name or an unknown word (VSO subject).
* ``person.known``: a well-known person (``lexicons/person_known.tsv``: full names, and their
  distinctive surnames alone when these are not common words); ``PersonExtractor(known=False)``
  leaves the list out.
* ``person.family``: a family, clan or dynasty noun (``أسرة``, ``عائلة``, ``قبيلة``) + a rare word.
* ``person.coordination``: ``و`` + a name-like word right after a found name (``بوش وبلير``),
  also through a list comma (``سامي، ووليد``; without و only a given or well-known name word).
* ``person.svo``: a name-like word (or two) at the start of a clause right before a speech verb,
  or before an action verb when the words are rare (``كوفالسكي غادر``).
* ``person.bracket``: a name right before a bracketed number, a goal minute or an age
  (``مروان الشماخ ( 53 )``, ``X ( 45 عاما )``).
* ``person.apposition``: a role chain, a comma, then two name words closed by punctuation
  (``السناتور الجمهوري ، جون سميث ،``).
* Third pass: credit nouns (``إخراج``، ``تأليف``، ``بقلم``; kind ``credit``) introduce a name like a
  speech verb; an announced first name + a word right before a clear boundary (punctuation, stop
  word, number, verb) is a two-word name; definite plurals and ``إفعال`` verbal nouns end a name;
  two-letter pronouns listed as names (``هو``، ``لي``) start none; a nationality adjective after a
  definite noun announces no lone rare word (``الجيش الإسرائيلي أنذر``); a quoted name after a
  construct role (``رئيس " X "``) is no person.
* Second pass guards: a rare second word after an announced first name ignores the weak verb and
  clitic shape guesses that transliterations trip (``بيكيت``، ``كالديرون``); words shaped like
  common nouns or confirmed verbs (:meth:`PersonExtractor.noun_shape`, :meth:`verb_shape`) neither
  start nor continue a name; after a given name a nisba is a family name (``أبو حمزة المصري``).

Word classes come from morphology and the frequency list, not from word lists: a *verb* has its
other person prefix in use (``يحتاج``/``تحتاج``), a perfect-tense subject suffix on a known stem
or an object pronoun; a *noun* also takes the article (``جاهز``/``الجاهز``) or is accusative
(``هجوما``); a *clitic word* reads as و/ف/ب/ل/ك + a clearly more frequent word (``بالمكتب``);
a *demonym* has a plural in use (``الصيني``/``الصينيون``) unlike a family name (``المالكي``).
A first name before a name found from its end is added (``جيرهارد شرودر``), and no person is
emitted inside a facility, institution or award name (``ملعب الأمير عبد الله الفيصل``).

A hyphenated name written without spaces stays one name (``كيم جونغ-إيل``).

A name is a run of name words after its start: given names, particle groups, words that the
Arabic frequency list (wordfreq) does not know well, and definite family names (``الحربي``);
it ends at punctuation, stop words, verbs, titles, frequent nisba adjectives and other
extractors' organization, place or date candidates. The span excludes proclitics (``لماكرون``
-> ``ماكرون``), and the value is the span without diacritics or tatweel.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from ..document import Document, Token
from ..normalize import normalize
from ..resources import load_table
from ..tokenize import peels
from .lexicon import Gazetteer

_CLEAN = re.compile("[\u064b-\u065f\u0670\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"\s+")
_DASHES = frozenset((":", "-", "–", "—"))  # (a lone tatweel is already "-" in the normalized view)
# definite verbal nouns and participles (الاحتفاظ، الانسحاب، الاستقبال، التعيين، التعاون): not family names
_OPEN = frozenset('"«(\'“')
_CLOSE = frozenset('"»)\'”')
# indefinite verbal nouns (ترسيم، استرجاع، انسحاب، اجتماع)
_VERBAL_NOUN = re.compile(r"^(?:ت(..)ي(.)|است(..)ا(.)|ان(..)ا(.)|ا(.)ت(.)ا(.)|ت(.)ا(..)|ا(..)ا(.))ه?$")
_IFAL = re.compile(r"^الا..ا.$")  # definite إفعال verbal noun (الإفصاح، الإعلان)
_MASDAR = re.compile(r"^ال(?:ا.ت.ا.|ان..ا.|است..ا.|ت..ي.|ت.ا..|ت...)$")

# frequency thresholds (wordfreq Zipf scale, on normalized forms)
ACC_STEM_MIN = 4.2       # X+ا after a name is an accusative noun when الX is this frequent
ACC_WORD_MIN = 3.0       # ... and X+ا itself a known word
FREQ_FLOOR = 2.5        # words below this are unknown to the table (zipf 0)
START_MAX = 4.8         # a name may start with a word at most this frequent (after a title/verb)
CONT_MAX = 4.0          # an indefinite word continues a name when at most this frequent
CONT_STRONG_MAX = 4.2   # ... or this frequent when a title or verb announced the name
CONT_DEF_MAX = 4.45     # a definite word (family name) continues a name when at most this frequent
NISBA_NAME_MAX = 4.2    # a definite nisba after a name is a family name only below this
FOREIGN_MAX = 3.3       # after a nisba adjective, a word this rare begins a foreign name
ANCHOR_MAX = 3.8        # an announced first word this rare anchors a name (its second word is read freely)
SECOND_MAX = 4.5        # an unannounced second word (not a given name) is at most this frequent
SECOND_STRONG_MAX = 5.0 # ... and an announced one
PRE_FIRST_MAX = 3.0     # a word this rare before a name found from its end is its first name
FOREIGN_WORD_MAX = 3.5   # a transliterated name word after a nationality adjective is this rare
FUNCTION_MIN = 5.5      # a two-letter given name this frequent is a function word first (هو، هي) without context
PLURAL_DEF_MIN = 3.8    # a definite -ات plural this frequent is a noun after a name, not a family name
KIN_MAX = 4.2           # a foreign-looking word after a family/dynasty noun is at most this frequent
PAIR_MAX = 4.0          # an announced first name's second word before a clear boundary is at most this frequent
CONSTRUCT_MIN = 4.0     # a second word this frequent that takes the article, before a definite noun, is a construct head
APPOS_MAX = 6           # a comma at most this many tokens after a title may open an apposed name
SOFT_MAX = 3.7          # a second name word below this ignores the weak verb/clitic shapes
CHAIN_MAX = 9           # longest role chain scanned after a title
RUN_MAX = 10            # longest name


def clean_value(text: str) -> str:
    """The canonical form of a name: no diacritics, tatweel or invisible marks, single spaces."""
    return _SPACE.sub(" ", _CLEAN.sub("", text)).strip()


@lru_cache(maxsize=1)
def frequency_table() -> dict[str, float]:
    """Zipf frequency of every Arabic word above :data:`FREQ_FLOOR`, keyed by normalized form
    (the highest of its spellings); built once and cached on disk with the gazetteers."""
    from .gazetteers import cached_table

    return cached_table("maxzipf", _build_frequency_table)


def _build_frequency_table() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    limit = 10 ** (FREQ_FLOOR - 9)
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


def _open_role(kind: str, key: str) -> bool:
    """A role title still open for a genitive complement (``رئيس`` -> ``رئيس بلدية X``); one that
    already ends in a definite noun (``رئيس الوزراء``، ``وزير الخارجية``) is closed: a definite
    noun takes no complement, so an indefinite word after it begins the name (``رئيس الوزراء
    <foreign name>``)."""
    return kind == "role" and not is_definite(key.split()[-1])


@dataclass(frozen=True, slots=True)
class _Name:
    first: int        # token index of the first name word
    last: int         # token index of the last name word (inclusive)
    cut: int          # proclitic characters to skip in the first token (normalized view)


class PersonExtractor:
    """Stage ``people``: person candidates from titles, speech verbs and name structure."""

    name = "people"

    def __init__(self, known: bool = True) -> None:
        """``known=False`` leaves out the list of well-known people (for ablation measurements)."""
        self.use_known = known
        self.freq = frequency_table()
        given = load_table("lexicons/person_given_names.tsv", ("form", "gender", "common"))
        self.given = {normalize(r["form"]): r for r in given}
        self.given_common = frozenset(k for k, r in self.given.items() if r["common"] == "1")
        parts = load_table("lexicons/person_particles.tsv", ("form", "kind"))
        self.particles = frozenset(normalize(r["form"]) for r in parts if r["kind"] == "bind")
        # Arabic particles that need an Arabic name after them; the foreign ones are short words
        # particles that may start a name on their own (ولد "was born" and بن/ابن "son" need a name first)
        self.arabic_particles = frozenset(normalize(w) for w in ("عبد", "أبو", "أبي", "أبا", "أم", "آل", "آيت"))
        # filiation particles (son/daughter of: بن، ابن، بنت، ولد)
        self.filiation = frozenset(normalize(r["form"]) for r in parts if r["kind"] == "bind"
                                   and r.get("filiation") == "1")
        self.tails = frozenset(normalize(r["form"]) for r in parts if r["kind"] == "tail")
        verbs = load_table("lexicons/person_speech_verbs.tsv", ("form", "kind"))
        # credit nouns of film, music and press (إخراج، تأليف، بقلم) introduce a name like a speech verb
        self.credit = frozenset(normalize(r["form"]) for r in verbs if r["kind"] == "credit")
        self.speech = frozenset(normalize(r["form"]) for r in verbs if r["kind"] == "speech") | self.credit
        self.action = frozenset(normalize(r["form"]) for r in verbs if r["kind"] == "action")
        self.byline = frozenset(normalize(r["form"]) for r in verbs if r["kind"] == "byline")
        self.naming = frozenset(normalize(r["form"]) for r in verbs if r["kind"] == "naming")
        stops = load_table("lexicons/person_stopwords.tsv", ("form",))
        self.stop = frozenset(normalize(r["form"]) for r in stops)

        def stop_class(*classes: str) -> frozenset[str]:
            return frozenset(normalize(r["form"]) for r in stops if r.get("class") in classes)

        self.role_adj = stop_class("role_adj")  # المدرب الجديد X، الرئيس السابق X
        self.preps = stop_class("prep", "post")  # X المسؤول عن
        self.posts = stop_class("post")  # سفير X لدى الأمم المتحدة Y
        self.said = stop_class("complementizer") | {":"}  # وقال X إن / :
        all_titles = load_table("lexicons/person_titles.tsv", ("form", "kind"))
        # saint honorifics (سيدي) announce no name (they are also first names: سيدي محمد ولد X); the
        # facility guard looks past them (محكمة سيدي امحمد)
        self.saints = frozenset(normalize(r["form"]) for r in all_titles if r["kind"] == "saint")
        titles = tuple(r for r in all_titles if r["kind"] != "saint")
        self.titles = Gazetteer([(r["form"], r["kind"]) for r in titles])
        self.title_words = frozenset(normalize(r["form"]) for r in titles if " " not in r["form"])
        self._load_known(titles)
        self.ordinals = frozenset(normalize(r["form"]) for r in load_table("lexicons/person_ordinals.tsv", ("form",)))
        from .gazetteers import country_nisba_forms

        # nationality adjectives derived from the country names of the place gazetteer
        self.nationality = country_nisba_forms()
        self.facility = frozenset(normalize(r["form"]) for r in load_table("lexicons/person_facility_heads.tsv", ("form",)))

    def _load_known(self, titles) -> None:
        """Well-known people: full names (titles in front removed) and their distinctive surnames."""
        heads = frozenset(normalize(r["form"]) for r in titles)
        full: list[tuple[str, str]] = []
        surnames: list[tuple[str, str]] = []
        names: set[str] = set()
        for r in load_table("lexicons/person_known.tsv", ("name", "domain")):
            words = r["name"].split()
            while len(words) > 1 and normalize(words[0]) in heads:
                words = words[1:]
            name = " ".join(words)
            names.add(normalize(name))
            if len(words) > 1:
                full.append((name, name))
            k = len(words) - 1
            if k and normalize(words[k]) in self.tails:
                k -= 1
            while k > 1 and normalize(words[k - 1]) in self.particles:
                k -= 1  # the surname keeps its particles (فان دير بيل، آل مكتوم)
            last = words[k:]
            key = normalize(" ".join(last))
            if len(last) == 1 and (key in self.given or key in self.stop or key in heads or len(key) < 3
                                   or self.z(key) >= 4.6 or self.noun_like(key) or self.verb_like(key)):
                continue
            surnames.append((" ".join(last), name))
        self.known = Gazetteer(full + surnames if self.use_known else [])
        self.known_names = frozenset(names)  # normalized whole names (one-word ones included)
        self.known_words = frozenset(
            w for name, _ in (full if self.use_known else []) for w in normalize(name).split()
            if w not in self.stop and w not in heads and len(w) >= 3)

    # ---- word classes ---------------------------------------------------------------------
    def z(self, norm: str) -> float:
        return self.freq.get(norm, 0.0)

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

    def clitic_word(self, norm: str, article_only: bool = False) -> bool:
        """Reads as proclitic + known word (``وموثوقيه``, ``بالمكتب``, ``للجنه``), so not a name word."""
        if norm in self.given or norm in self.particles:
            return False
        for p in peels(norm)[1:]:
            if p.clitic in ("و", "ف") and (p.key in self.given or p.key in self.particles
                                           or self.freq.get(p.key, 0.0) >= 3.0 or p.key in self.stop):
                return True
            prep = p.clitic[:-2] if p.clitic.endswith("ال") else p.clitic
            article = p.clitic.endswith("ال") or p.key.startswith("ال")
            zk = self.freq.get(p.key, 0.0)
            if prep[-1:] in ("ب", "ك") and p.key[:1] == "ي" and not article:
                continue  # ب/ك do not attach to a verb: كيلي is not ك + يلي
            if prep == "ب" and p.key[:1] == "و" and self.freq.get(norm, 0.0) < 3.5:
                continue  # بو- begins many names (بوين، بوتفليقة); بوجود is frequent as a whole
            zw = self.freq.get(norm, 0.0)
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
        return self.freq.get(noun, 0.0) < 3.0 and self.freq.get("ال" + noun, 0.0) < 2.0

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

    def strong_clitic(self, norm: str) -> bool:
        """A clear proclitic reading: و/ف + a known word, or ب/ل/ك + a frequent word or one with the
        article (``بالوزير``, ``لكنه``), not ``كالديرون`` (ك + unknown ``الديرون``)."""
        if norm in self.given or norm in self.particles:
            return False
        for p in peels(norm)[1:]:
            zk = self.freq.get(p.key, 0.0)
            if p.clitic in ("و", "ف"):
                if len(p.key) >= 3 and (zk >= 3.0 or p.key in self.given) or p.key in self.stop:
                    return True
                if len(p.key) >= 4 and ((self.verb_like(p.key) and (zk >= 2.0 or p.key[:2] != "يي"))
                                        or self.verb_shape(p.key) or (
                        p.key[0] == "ا" and zk >= 2.5 and self.freq.get("ي" + p.key[1:], 0.0) >= 2.5)):
                    return True  # فاحتسب: ف + a verb (احتسب/يحتسب)
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

    def suffixed(self, norm: str) -> bool:
        """A known noun with an attached pronoun (``قصيدته``, ``أوامره``, ``مراسلنا``), not a name."""
        if norm in self.given or len(norm) < 4 or norm.startswith("ال") or norm in self.tails:
            return False
        z = self.freq.get
        if norm.endswith("ته") and z(norm[:-2] + "ه", 0.0) >= 3.0:
            return True
        if norm.endswith("نا") and len(norm) >= 5 and norm[-3] not in "ايو" and z(norm[:-2], 0.0) >= 3.5:
            return True  # our X (مراسلنا، رئيسنا), not a transliteration after a long vowel (مارتينا)
        return norm.endswith(("ه", "ك")) and z(norm[:-1], 0.0) >= 3.0

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

    def unknown(self, norm: str) -> bool:
        """Rare as a whole and under every proclitic reading (a foreign name, not ``لكوفيد``)."""
        if self.z(norm) > FOREIGN_MAX:
            return False
        return all(p.key not in self.freq for p in peels(norm)[1:])

    def blocked(self, norm: str) -> bool:
        return norm in self.stop or norm in self.speech or norm in self.title_words

    def can_start(self, norm: str, limit: float = START_MAX) -> bool:
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
        if len(norm) == 4 and norm[1] == "ا" and norm[-1] not in "هيا" and self.z("ي" + norm) >= 2.5:
            return False  # a form III perfect verb (عانق/يعانق، ساهم/يساهم)
        if norm not in self.known_words and self.common_shape(norm):
            return False
        return self.z(norm) <= limit

    def common_shape(self, norm: str) -> bool:
        """Shaped like a common word, not a name: :meth:`noun_shape` or :meth:`verb_shape`."""
        return self.noun_shape(norm) or self.verb_shape(norm)

    def noun_shape(self, norm: str) -> bool:
        """Accusative ``-ا`` on a noun (استنادا: الاستناد), a verbal noun whose root is a known
        word (ترسيم: رسم، استرجاع: رجع), an abstract ``-ية`` noun (إمكانية: إمكان), a nisba plural
        (دبلوماسيون), a definite dual or plural (الرجلان، المحللون), a plural that takes the
        article (تصريحات: التصريحات)."""
        if norm in self.given or len(norm) < 4:
            return False
        z = self.freq.get
        if len(norm) >= 5 and norm.endswith("ا") and z("ال" + norm[:-1], 0.0) >= 2.5:
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
        return False

    def verb_shape(self, norm: str) -> bool:
        """A verb form the frequency list confirms: a perfect in ``-ت`` whose imperfect is in use
        (داهمت: يداهم، اتحدت: يتحد), an imperfect dual (يقضيان: يقضي), form V/VI imperfects
        (يتلفت), a future on a verb in use with both prefixes (سيقرر: يقرر/تقرر), a verb with
        an object pronoun (سيقودنا)."""
        if norm in self.given or len(norm) < 4:
            return False
        z = self.freq.get
        if norm.endswith("ت") and not norm.endswith("ات") and len(norm) >= 5:
            stem = norm[:-1]
            if z("ي" + stem, 0.0) >= 2.5 or (stem[0] == "ا" and z("ي" + stem[1:], 0.0) >= 2.5):
                return True
        if norm[0] in "يت" and norm.endswith("ان") and len(norm) >= 5 and z(norm[:-2], 0.0) >= 3.0:
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

    # ---- the scan ------------------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        toks = doc.tokens
        if not toks:
            return doc
        n = len(toks)
        # token -> type of another extractor's candidate covering it (org/date/place)
        cover: list[str | None] = [None] * n
        cand_start: dict[int, tuple[str, int]] = {}
        if doc.candidates:
            import bisect

            starts = [t.start for t in toks]
            for c in doc.candidates:
                if c.type not in ("organization", "place", "date") or c.extra.get("suppress") and c.type == "person":
                    continue
                a = max(bisect.bisect_right(starts, c.start) - 1, 0)
                b = bisect.bisect_left(starts, c.end)
                for i in range(a, min(b, n)):
                    if toks[i].start < c.end and c.start < toks[i].end:
                        if cover[i] != "organization":
                            cover[i] = c.type
                if a < n and toks[a].start <= c.start < toks[a].end:
                    prev = cand_start.get(a)
                    if prev is None or prev[1] < b - 1:
                        cand_start[a] = (c.type, b - 1)
        self._cover = cover
        # على spelled with alif maqsura is the preposition, never the name علي (which the
        # normalized view cannot tell apart)
        self._ala = frozenset(t.i for t in toks if t.norm.endswith("علي") and doc.text[t.end - 1] == "ى")
        found: dict[tuple[int, int], tuple[str, float, str, int, int]] = {}

        def emit(nm: _Name, rule: str, score: float, evidence: str, ctx: int) -> None:
            """``ctx``: token index where the announcing context begins (for the facility guard)."""
            key = (nm.first, nm.last)
            if key not in found or found[key][1] < score:
                found[key] = (rule, score, evidence, nm.cut, ctx)

        # 1. titles and role chains
        title_at: dict[int, tuple[int, str, str]] = {}
        for h in self.titles.find(doc):
            kind = h.payloads[0]
            cur = title_at.get(h.tok_first)
            if cur is None or cur[0] < h.tok_last:
                title_at[h.tok_first] = (h.tok_last, kind, h.key)
        for i, (last, kind, key) in sorted(title_at.items()):
            if kind == "kin":
                # family, clan, dynasty: أسرة مينغ، عائلة X — only a rare word, no chain
                j = last + 1
                w = toks[j].norm if j < n and toks[j].kind == "word" else ""
                if w and cover[j] is None and ((self.can_start(w) and self.z(w) <= 3.5) or (
                        (self.can_start(w) or self.foreign_word(w)) and self.z(w) <= KIN_MAX and not w.endswith("ه"))):
                    # a rare word, or a transliteration up to KIN_MAX that is no feminine adjective
                    # (أسرة يانغ، not أسرة فقيرة)
                    nm = self._run(toks, j, 0, strong=False)
                    if nm:
                        emit(nm, "person.family", 0.6, key, i)
                continue
            nm = self._after_title(toks, last + 1, _open_role(kind, key), title_at, cand_start)
            if nm:
                emit(nm, "person.title", 0.9, key, i)

        # 1a. apposition: a role chain, a comma, then two name words closed by punctuation
        # (السناتور الجمهوري ، جون سميث ، ...)
        title_starts = sorted(title_at)
        for t in toks:
            k = t.i
            if t.norm not in ("،", ",") or k + 3 >= n or not any(k - APPOS_MAX <= a < k for a in title_starts):
                continue
            a, b = toks[k + 1], toks[k + 2]
            if a.kind != "word" or b.kind != "word" or toks[k + 3].kind != "punct" \
                    or toks[k + 3].norm not in ("،", ",", ".", ":", ";") or cover[k + 1] or cover[k + 2]:
                continue
            s0 = max(x for x in title_starts if k - APPOS_MAX <= x < k)
            if any(toks[x].kind != "word" for x in range(s0, k)):
                continue  # the comma must close the role chain itself
            w1, w2 = a.norm, b.norm
            if ((w1 in self.given and w1 not in self.given_common and w1 not in self.stop) or self.foreign_word(w1)) \
                    and ((w2 in self.given and w2 not in self.stop) or self.foreign_word(w2) or w2 in self.known_words):
                emit(_Name(k + 1, k + 2, 0), "person.apposition", 0.6, t.norm, k)

        # 1b. well-known people (full names, and their surnames alone)
        place_spans = [(c.start, c.end) for c in doc.candidates if c.type == "place"]
        for h in self.known.find(doc):
            a, b = h.tok_first, h.tok_last
            if any(cover[k] not in (None, "place") for k in range(a, b + 1)):
                continue
            if any(cover[k] == "place" for k in range(a, b + 1)) and any(
                    ps <= h.start and h.end <= pe for ps, pe in place_spans):
                continue  # a place that covers the whole name (جورجيا); a shorter place reading
                # inside the name (و + ب + لير in وبلير) does not stop it
            if h.clitic and (self.z(toks[a].norm) >= 3.5 or h.clitic not in ("و", "ف", "ب", "ل", "وب", "ول", "فل", "فب")):
                continue
            if is_definite(h.key) and " " not in h.key and h.key not in self.known_names and (
                    self.demonym(h.key)):
                continue  # a listed surname alone that is a demonym (العثماني)
            emit(_Name(a, b, h.nstart - toks[a].nstart), "person.known", 0.8, h.key, a)

        # 2. speech verbs, 3. given names / particles, 4. nisba + foreign word, 5. verb + foreign word
        for t in toks:
            if t.kind != "word" or cover[t.i] in ("organization", "date"):
                continue
            ps = peels(t.norm)
            j = t.i + 1
            nxt = toks[j] if j < n and toks[j].kind == "word" and toks[j].space_before and cover[j] is None else None
            # speech verb (whole word or after و/ف)
            if any(p.key in self.speech and p.clitic in ("", "و", "ف") for p in ps):
                if nxt is not None and self._function_name(nxt.norm) and j + 1 < n and toks[j + 1].kind == "word" \
                        and toks[j + 1].space_before and cover[j + 1] is None:
                    j += 1  # قال لي X، قال له X: the pronoun is the addressee, the name follows
                    nxt = toks[j]
                elif nxt is not None and self._function_name(nxt.norm):
                    nxt = None
                if nxt is not None:
                    w = nxt.norm
                    credit = any(p.key in self.credit for p in ps)
                    # (a given name that is also a common word, right before إن / : / a quote, is
                    # the subject: وقال شعبان إن)
                    said = j + 1 < n and (toks[j + 1].norm in self.said or toks[j + 1].norm in _OPEN) and w not in self.stop
                    ok = self.can_start(w) or (w in self.given and (credit or said or self._name_follows(toks, j)
                                                                    or self._surname_follows(toks, j))) or (is_definite(w) and not is_nisba(w) and self.z(w) <= 3.6
                                               and not self.blocked(w) and not self.common_shape(w)) \
                        or (is_definite(w) and is_nisba(w) and not self.demonym(w) and self.z(w) <= 3.6
                            and not self.blocked(w))  # وقال البدري or (w in self.known_words and self.z(w) < 5.3)
                    if ok:
                        nm = self._run(toks, j, 0, strong=True)
                        if nm:
                            emit(nm, "person.speech", 0.85, t.norm, t.i)
                continue
            # action verb: the subject must look more like a name (given name or rare word)
            if nxt is not None and any(p.key in self.action and p.clitic in ("", "و", "ف") for p in ps):
                w = nxt.norm
                if ((w in self.given and w not in self.given_common) or self.unknown(w) or w in self.known_words) \
                        and self.can_start(w) and not is_nisba(w):
                    nm = self._run(toks, j, 0, strong=True)
                    if nm:
                        emit(nm, "person.action", 0.7, t.norm, t.i)
                continue
            zt = self.z(t.norm)
            for p in ps:
                if p.clitic not in ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"):
                    continue
                if p.cut and zt >= 3.5 and zt >= self.z(p.key) - 0.5:
                    break  # لصالح is a word, not ل + صالح
                if p.key in self.given or p.key in self.arabic_particles:
                    if self._function_name(p.key):
                        break  # a pronoun or particle that is also a short foreign name: هو محمد، لي أحمد
                    if p.key in self.stop and (t.i in self._ala or not self._strong_next(toks, t.i)):
                        break
                    if not p.cut and p.key[0] == "و" and p.key[1:] in self.stop and not self._strong_next(toks, t.i):
                        break  # a name that is also و + a function word (واين: و + أين) needs a name after it
                    nm = self._run(toks, t.i, p.cut, strong=False)
                    if nm and not (p.clitic.endswith("ك") and nm.last == t.i):
                        # (ك + one word is a comparison, كسارا، not a name: only a full name takes it)
                        emit(nm, "person.given", 0.75, p.key, t.i)
                    break
            if nxt is None or t.norm in self.stop:
                continue
            w = nxt.norm
            # feminine demonym + two name words: الفرنسية X Y (also after و: والفرنسية)
            tn = t.norm[1:] if t.norm.startswith("وال") else t.norm
            if tn.startswith("لل") and "ال" + tn[2:] in self.nationality:
                tn = "ال" + tn[2:]  # للكيني X: ل + a nationality adjective
            if tn in self.stop or w in self.stop:
                continue
            if is_definite(tn) and tn.endswith(("ي", "يه")) and any(a <= t.i <= b for a, b in found):
                continue  # the nisba ends a name already read (فيصل سالم العمري شارحا): a family name, no adjective
            if is_definite(tn) and tn.endswith("يه") and self.demonym(tn[:-1]):
                w2 = toks[j + 1].norm if j + 1 < n and toks[j + 1].kind == "word" else ""
                if (w in self.given or self.foreign_word(w) or (self._foreign_like(w) and self.foreign_word(w2))) \
                        and w2 and (w2 in self.given or self.foreign_word(w2) or (self._foreign_like(w2) and self.foreign_word(w))) \
                        and toks[j + 1].space_before and cover[j + 1] is None:
                    nm = self._run(toks, j, 0, strong=True)
                    if nm and nm.last > nm.first:
                        emit(nm, "person.nisba", 0.65, t.norm, t.i)
            # nisba adjective + unknown word: الفرنسي X
            if is_definite(tn) and tn.endswith("ي") and (self.z(tn) >= 3.0 or tn in self.nationality):
                w2 = toks[j + 1].norm if j + 1 < n and toks[j + 1].kind == "word" else ""
                pair = self.z(w) <= 4.0 and w2 and (w2 in self.given or self.unknown(w2) or (
                    self.z(w2) <= PAIR_MAX and self.foreign_word(w) and self._foreign_like(w2))) \
                    and self.can_start(w2) and self.demonym(tn) and cover[j + 1] is None
                # (two transliterated words after a nationality adjective, the second fairly common)
                if ((w in self.given or self.unknown(w)) and self.can_start(w)) or (pair and self.foreign_word(w)):
                    nm = self._run(toks, j, 0, strong=True)
                    prev = toks[t.i - 1] if t.i > 0 and t.norm == tn else None
                    if nm and nm.first == nm.last and w not in self.given and prev is not None \
                            and prev.kind == "word" and is_definite(prev.norm) and prev.norm not in self.title_words:
                        nm = None  # الجيش الإسرائيلي أنذر: the adjective qualifies a noun, a predicate follows
                    if nm:
                        emit(nm, "person.nisba", 0.7, t.norm, t.i)
                elif is_definite(w) and w not in self.given and not is_nisba(w) and self.z(w) >= 3.0 \
                        and self.demonym(tn) and w2 and j + 2 < n and toks[j + 2].kind == "word" \
                        and cover[j + 1] is None and cover[j + 2] is None:
                    # الأميركي المخضرم أندري أغاسي: one adjective between the nationality and the name
                    w3 = toks[j + 2].norm
                    if (w2 in self.given or self.foreign_word(w2)) and (w3 in self.given or self.foreign_word(w3)) \
                            and w2 not in self.stop and w3 not in self.stop:
                        nm = self._run(toks, j + 1, 0, strong=True)
                        if nm and nm.last > nm.first:
                            emit(nm, "person.nisba", 0.65, t.norm, t.i)

        # a name before a bracketed number: a goal minute or an age (مروان الشماخ ( 53 ))
        for t in toks:
            if t.norm != "(" or t.i < 1 or t.i + 2 >= n or toks[t.i + 1].kind != "number":
                continue
            k = t.i + 2
            if toks[k].kind == "word" and k + 1 < n:
                k += 1  # ( 45 عاما )
            if toks[k].norm != ")":
                continue
            b = t.i - 1
            if toks[b].kind != "word" or any(x <= b <= y for x, y in found):
                continue
            a = b
            while a > 0 and b - a < 3 and toks[a - 1].kind == "word" and self._bracket_word(toks[a - 1].norm) \
                    and toks[a].space_before and not toks[a].norm.startswith("و"):
                a -= 1
            first = toks[a].norm
            cut = 1 if first.startswith("و") and first not in self.given and len(first) > 3 else 0
            if not self._bracket_word(first[cut:]) or not any(
                    self._bracket_word(toks[x].norm) and (toks[x].norm in self.given or self.foreign_word(toks[x].norm))
                    for x in range(a + (1 if cut else 0), b + 1)) and not (first[cut:] in self.given or self.foreign_word(first[cut:])):
                continue
            if any(cover[x] is not None for x in range(a, b + 1)):
                continue
            nm = self._run(toks, a, cut, strong=True)
            if nm and nm.last == b and (nm.last > nm.first or first[cut:] in self.given
                                        or self.z(first[cut:]) <= 2.5):
                emit(nm, "person.bracket", 0.6, "(", a)

        # SVO: a name-like word (or two) right before a speech verb (فرويد يقول، ماكرون قال)
        # ... or an action verb, when the subject is rare (أغاسي حقق، كوفالسكي غادر)
        for t in toks:
            if t.kind != "word" or t.i == 0 or (t.norm not in self.speech and t.norm not in self.action) \
                    or t.norm in self.credit:
                continue
            b = t.i - 1
            a = b
            while a >= 0 and b - a < 2 and toks[a].kind == "word" and cover[a] is None and self._svo_word(toks[a].norm):
                a -= 1
            a += 1
            if a > b or any(x <= b and a <= y for x, y in found):
                continue
            if t.norm not in self.speech and not all(
                    self.z(toks[x].norm) <= 2.5 or toks[x].norm in self.given for x in range(a, b + 1)):
                continue
            before = toks[a - 1] if a > 0 else None
            if before is None or before.kind == "punct" or before.norm in self.stop or before.sent != toks[a].sent:
                emit(_Name(a, b, 0), "person.svo", 0.6, t.norm, a)

        # naming words: رجل يدعى X، المدعو X، الملقب بـX (a quote may open the name)
        naming = self.naming
        for t in toks:
            norm = t.norm
            if norm not in naming and not (norm[:1] in "وف" and norm[1:] in naming):
                continue
            if t.kind != "word" or cover[t.i] in ("organization", "date"):
                continue
            key = norm if norm in naming else norm[1:]
            j = t.i + 1
            if j < n and toks[j].norm in _OPEN:
                j += 1
            if j >= n or toks[j].kind != "word" or cover[j] is not None:
                continue
            w, cut = toks[j].norm, 0
            if w[:1] == "ب" and key.startswith("ال") and len(w) > 3 and (
                    w[1:] in self.given or w[1:] in self.particles or self.can_start(w[1:])):
                w, cut = w[1:], 1  # الملقب بعلي X
            if (self.blocked(w) and w not in self.given) or is_definite(w) or not (
                    (w in self.given and not self._function_name(w)) or w in self.particles
                    or self.can_start(w) or self.foreign_word(w)):
                continue
            nm = self._run(toks, j, cut, strong=True)
            if nm is not None:
                emit(nm, "person.naming", 0.75, key, t.i)

        # bylines: كتب - X :، إعداد : X at the start of a sentence; <city> : X Y <city> : (a
        # correspondent's name between two datelines)
        for t in toks:
            if t.norm not in self.byline and cover[t.i] != "place":
                continue
            if t.kind != "word" or t.i + 2 >= n:
                continue
            start = t.i == 0 or toks[t.i - 1].kind == "punct" or toks[t.i - 1].sent != t.sent
            if not start or not (t.norm in self.byline or (t.i in cand_start and cand_start[t.i][0] == "place")):
                continue
            k = t.i if t.norm in self.byline else cand_start[t.i][1]
            if k + 2 >= n or toks[k + 1].norm not in _DASHES:
                continue
            k += 1
            if toks[k + 1].kind != "word" or cover[k + 1] is not None:
                continue
            w = toks[k + 1].norm
            if not (w in self.given or w in self.particles or (self.can_start(w) and self.z(w) <= 3.5)):
                continue
            nm = self._run(toks, k + 1, 0, strong=True)
            if nm is None or any(a <= nm.last and nm.first <= b for a, b in found):
                continue
            e = nm.last + 1
            closed = e >= n or (toks[e].kind == "punct" and toks[e].norm in _DASHES | {"،", ","}) or (
                    e in cand_start and cand_start[e][0] == "place" and cand_start[e][1] + 1 < n
                    and toks[cand_start[e][1] + 1].norm in _DASHES)
            if (t.norm in self.byline and (nm.last > nm.first or closed)) or (closed and nm.last > nm.first):
                # (a single word after a dateline is a news agency: دمشق - سانا :)
                emit(nm, "person.byline", 0.7, t.norm, t.i)

        # coordination: a name, then و + a name-like word (بوش وبلير، أندريه غلوكسمان وبرنار ليفي)
        # ... also through a list comma (سامي، ووليد، وهاني): without و the item must be a
        # given name or a word of a well-known name
        for (a, b) in sorted(found):
            k = b + 1
            while k < n:
                comma = toks[k].kind == "punct" and toks[k].norm in ("،", ",") and k + 1 < n
                if comma:
                    k += 1
                tk = toks[k]
                if tk.kind != "word" or cover[k] is not None:
                    break
                conj = tk.norm.startswith("و") and tk.norm not in self.given
                if not conj and not comma:
                    break
                cut = 1 if conj else 0
                rest = tk.norm[cut:]
                if conj and ((self.z(tk.norm) >= 3.0 and rest not in self.given and rest not in self.known_words)
                             or self.blocked(tk.norm)):
                    break
                if rest in self.stop or self.blocked(rest):
                    break
                if not conj and not ((rest in self.given and rest not in self.given_common) or rest in self.known_words):
                    break
                if not (rest in self.given or rest in self.known_words or self.unknown(rest)) \
                        or not (self.can_start(rest) or rest in self.known_words) or self.clitic_word(rest):
                    break
                nm = self._run(toks, k, cut, strong=True)
                if not nm or (nm.first, nm.last) in found or (nm.first == nm.last and rest not in self.given):
                    break
                emit(nm, "person.coordination", 0.65, "و" if conj else "،", k)
                k = nm.last + 1

        # a first name before a name found from its end (ألفريد ديمورا، جيرهارد شرودر)
        for (a, b) in sorted(found):
            rule, score, ev, cut, ctx = found[(a, b)]
            if cut or rule not in ("person.known", "person.given", "person.nisba") or a == 0:
                continue
            k = a - 1
            t = toks[k]
            if t.kind != "word" or cover[k] is not None or not toks[a].space_before:
                continue
            w = t.norm
            kcut = 0
            if w[0] == "و" and w not in self.given and (w[1:] in self.given or w[1:] in self.known_words):
                w, kcut = w[1:], 1  # ويحيى شاهين
            rare = self.z(w) <= PRE_FIRST_MAX and self.unknown(w) and self.can_start(w) and not kcut \
                and self.z("ي" + w) < 2.5 and not (w.endswith("ي") and self.z(w[:-1]) >= 3.5) \
                and w[0] != "و" and not w.endswith(("ه", "ات")) \
                and not (w.endswith("ين") and self.z(w[:-2]) >= 2.5) and not self.common_shape(w)
            if ((w in self.given and w not in self.stop and w not in self.given_common)
                    or (w in self.known_words and self.z(w) < 4.0)
                    or rare) \
                    and not any(x <= k <= y for x, y in found):
                del found[(a, b)]
                found[(k, b)] = (rule, score, ev, kcut, k)

        # facility guard: ملعب محمد الخامس، جائزة الشيخ زايد are not persons
        in_name = {k for a, b in found for k in range(a, b + 1)}
        for key in list(found):
            if key not in found:
                continue
            k = found[key][4] - 1
            while k >= 0 and toks[k].kind == "word" and (toks[k].norm in self.title_words or k in in_name
                                                         or toks[k].norm in self.saints):
                k -= 1  # ملعب الأمير عبد الله الفيصل: look past titles and adjoining name words
            if k >= 0 and toks[k].kind == "word" and any(
                    p.key in self.facility for p in peels(toks[k].norm) if p.clitic in ("", "و", "ف", "ب", "ل")):
                a, b = key
                for other in list(found):
                    if other[0] <= b and a <= other[1]:
                        del found[other]  # and whatever else was read inside the facility name

        # keep the longest of overlapping runs (a person is never split), then add candidates
        spans = sorted(found.items(), key=lambda kv: (-(kv[0][1] - kv[0][0]), -kv[1][1], kv[0][0]))
        taken: list[tuple[int, int]] = []
        for (a, b), _info in spans:
            if any(x <= b and a <= y for x, y in taken):
                continue
            taken.append((a, b))
        for a, b in sorted(taken):
            rule, score, ev, cut, _ctx = found[(a, b)]
            first = toks[a]
            s, _ = doc.view.to_original(first.nstart + cut, first.nend)
            e = toks[b].end
            text = doc.text[s:e]
            doc.add_candidate(doc.make_entity("person", s, e, clean_value(text), rule, score, evidence=ev))
        return doc

    # ---- helpers -------------------------------------------------------------------------
    def _after_title(self, toks: list[Token], j: int, open_: bool, title_at, cand_start) -> _Name | None:
        """Walks a role chain from token ``j``; returns the name that ends it, if any."""
        n = len(toks)
        steps = 0
        just_title = not open_
        while j < n and steps < CHAIN_MAX:
            steps += 1
            t = toks[j]
            if t.kind == "punct" and t.norm == "." and j > 0 and len(toks[j - 1].norm) == 1:
                j += 1  # abbreviation dot (د.)
                continue
            if t.kind != "word":
                if t.norm in _OPEN and j + 1 < n and toks[j + 1].kind == "word" and just_title:
                    # الإمبراطور " X "، الباشا ( X ): a quoted or bracketed name right after the title
                    # (not after a construct role: رئيس " X " and مؤسسة " X " name an organization)
                    w = toks[j + 1].norm
                    if self.can_start(w) or w in self.given:
                        nm = self._run(toks, j + 1, 0, strong=True)
                        if nm and nm.last + 1 < n and toks[nm.last + 1].norm in _CLOSE:
                            return nm
                return None
            if j in title_at:
                last, kind, key = title_at[j]
                open_ = _open_role(kind, key)
                just_title = not open_
                j = last + 1
                continue
            if j in cand_start and cand_start[j][0] in ("organization", "place"):
                nx = toks[j + 1] if j + 1 < n else None
                if cand_start[j] == ("place", j) and not open_ and not is_definite(t.norm) and nx is not None \
                        and nx.kind == "word" and nx.space_before and j + 1 not in cand_start \
                        and self.z(nx.norm) <= 2.0 and not self.strong_clitic(nx.norm) and not self.blocked(nx.norm) \
                        and not self.common_shape(nx.norm):
                    # a city name as a first name before a rare surname, right where the title
                    # announces a name (المهاجم الجزائري <city> <rare word>)
                    return _Name(j, j + 1, 0)
                j = cand_start[j][1] + 1
                open_ = False
                continue
            w = t.norm
            if w in self.given and w in self.stop and j not in self._ala and ((just_title and (
                    self._name_follows(toks, j) or (j + 1 < n and toks[j + 1].kind == "punct")))
                    or (not open_ and len(w) >= 3 and self._surname_follows(toks, j))):
                # (also after the adjectives of a role: وزير المالية العراقي علي X, while
                # وافق الوزير العراقي على الاتفاق has no name after على)
                return self._run(toks, j, 0, strong=True)  # الإمام علي، not الرئيس على الاتفاق
            if w in self.saints and j + 1 < n and toks[j + 1].kind == "word" and toks[j + 1].norm in self.given:
                return self._run(toks, j, 0, strong=True)  # الرئيس الموريتاني سيدي محمد ولد X: part of the name
            if w[:1].isascii():
                return None  # a Latin-script word (a title or a transliteration in brackets) is no name here
            if w in self.posts and j + 1 in cand_start and cand_start[j + 1][0] in ("place", "organization") \
                    and not just_title:
                # the post of a role: سفير مصر لدى الأمم المتحدة X، السفير الأذري في عمّان X
                j = cand_start[j + 1][1] + 1
                open_ = False
                continue
            if w in self.role_adj and not open_:
                j += 1  # مهاجم <club> الجديد X: an adjective of the role, the name follows
                continue
            if w in self.stop or w in self.speech:
                return None
            if open_:
                # genitive complement of a construct head
                if self.verb_like(w) or w in self.given:
                    return None if w not in self.given else self._run(toks, j, 0, strong=True)
                open_ = not ((is_definite(w) and w not in self.given) or w.startswith("لل"))
                just_title = False
                j += 1
                continue
            direct, just_title = just_title, False
            if direct and w in self.given and w in self.given_common and not self.verb_shape(w):
                return self._run(toks, j, 0, strong=True)  # الدكتور سعيد: a common-word given name right after an honorific
            if (is_definite(w) and w not in self.given) or w.startswith("لل"):
                j += 1  # adjective or further definite complement (الصيني، للأمم، المتحدة)
                continue
            if w.startswith("و") and len(w) > 3 and w[1:] not in self.given and self.z(w[1:]) >= 3.5 \
                    and not is_definite(w[1:]) and not self.verb_like(w[1:]):
                open_ = True  # coordinated head: ومحاربة الأمراض
                j += 1
                continue
            if direct and self.z(w) == 0.0 and self.unknown(w) and len(w) >= 3 and not self.blocked(w) \
                    and not self.strong_verb(w) and not self.strong_clitic(w) and not self.suffixed(w) \
                    and not self.common_shape(w) and not w.endswith(("ها", "هم")):
                return self._run(toks, j, 0, strong=True)  # السيد ميتسو ...: a rare word right after a title
            if not open_ and self.verb_like(w) and not self.strong_verb(w) and not self.blocked(w) \
                    and not is_definite(w) and self.z(w) < 4.0 and not self.clitic_word(w) and not self.suffixed(w) \
                    and not w.endswith(("ه", "ها", "هم", "ك", "نا")) and self._surname_follows(toks, j) \
                    and toks[j + 1].norm not in self.given:
                return self._run(toks, j, 0, strong=True)  # الناشطة اليمنية توكل X: a verb-shaped first name
            if self.can_start(w) or (w in self.given and self._name_follows(toks, j)) or (direct and self.noun_like(w) and self.z(w) < 4.6 and not self.blocked(w)
                                     and not w.endswith(("ه", "ا", "ات", "ين", "ون")) and w[0] not in "تم"
                                     and not self.verb_like(w) and not self.clitic_word(w)):
                return self._run(toks, j, 0, strong=True)
            return None
        return None

    def _boundary(self, toks: list[Token], i: int) -> bool:
        """Token ``i`` cannot continue a name: end of text, punctuation, a number, a stop word,
        a speech or action verb, a clear verb form."""
        if i < len(toks) and toks[i].norm == "-" and not toks[i].space_before:
            return False  # a hyphenated name goes on (تاي-هيوك)
        if i >= len(toks) or toks[i].kind != "word" or not toks[i].space_before:
            return True
        w = toks[i].norm
        return w in self.stop or w in self.speech or w in self.action or (
            w[:1] in "وف" and (w[1:] in self.speech or w[1:] in self.stop)) or self.strong_verb(w)

    def _function_name(self, w: str) -> bool:
        """A two-letter pronoun or particle that is also listed as a (foreign) given name (هو، لي):
        read as the function word unless a title announces it."""
        return w in self.given_common and len(w) <= 2 and self.z(w) >= FUNCTION_MIN

    def _bracket_word(self, w: str) -> bool:
        """A word that may stand in a name before a bracketed number."""
        if w in self.stop or self.blocked(w):
            return False
        return (w in self.given) or w in self.particles or w in self.tails or self.foreign_word(w) \
            or (is_definite(w) and self.z(w) <= 4.0 and not self.common_shape(w) and not self.demonym(w))

    def foreign_word(self, w: str, limit: float = FOREIGN_WORD_MAX) -> bool:
        """A rare word (at most ``limit`` frequent) that may be a transliterated name even where
        the shape guesses of :meth:`can_start` object (مارتينا، يوريس): not a stop word, title,
        common word shape, clear verb or clear clitic reading."""
        if len(w) < 2 or self.blocked(w) or is_definite(w) or self.z(w) > limit:
            return False
        return not (self.common_shape(w) or self.strong_verb(w) or self.strong_clitic(w) or self.suffixed(w)
                    or self.noun_like(w) or (w[0] == "و" and w not in self.given))

    def _clitic_on_name(self, w: str) -> bool:
        """The proclitic reading of ``w`` puts ب/ل/ك on a well-known name word (ب + رايس): right
        after a first name that is a transliterated surname (نيد برايس), not a preposition."""
        return self.z(w) < 4.0 and any(p.clitic in ("ب", "ل", "ك") and p.key in self.known_words
                                       and p.key not in self.given for p in peels(w)[1:])

    def _prep_next(self, toks: list[Token], i: int) -> bool:
        """Token ``i`` is a preposition, or a word with ب/ل attached to a known word."""
        if i >= len(toks) or toks[i].kind != "word":
            return False
        w = toks[i].norm
        if w in self.preps:
            return True
        return len(w) >= 4 and w[0] in "بل" and (w[1:].startswith("ال") or self.z(w[1:]) >= 3.0)

    def _foreign_like(self, w: str) -> bool:
        """:meth:`foreign_word` up to :data:`PAIR_MAX` frequent (a fairly common transliterated
        surname), without even the weak verb or clitic readings."""
        return self.foreign_word(w, PAIR_MAX) and w[0] != "و" and not self.verb_like(w) and not self.clitic_word(w)

    def _svo_word(self, w: str) -> bool:
        if w in self.stop or self.blocked(w) or is_definite(w):
            return False
        if w in self.known_words or (w in self.given and w not in self.given_common):
            return True
        return self.unknown(w) and self.can_start(w)

    def _name_follows(self, toks: list[Token], i: int) -> bool:
        """The word after token ``i`` is a name word (given name, particle, known name or unknown word)."""
        if i + 1 >= len(toks) or toks[i + 1].kind != "word":
            return False
        w = toks[i + 1].norm
        return (w in self.given and w not in self.stop) or w in self.particles or w in self.known_words \
            or (self.unknown(w) and self.can_start(w))

    def _surname_follows(self, toks: list[Token], i: int) -> bool:
        """The word after token ``i`` is clearly a name word: a given name, a word of a well-known
        name, a rare word that may start a name, or a rare nisba family name (الكرخي)."""
        if i + 1 >= len(toks) or toks[i + 1].kind != "word":
            return False
        w = toks[i + 1].norm
        if (w in self.given and w not in self.stop) or w in self.known_words:
            return True
        return self.z(w) <= 3.0 and ((self.unknown(w) and self.can_start(w)) or (
            is_definite(w) and is_nisba(w) and not self.demonym(w) and not self.blocked(w)))

    def _strong_next(self, toks: list[Token], i: int) -> bool:
        """The next word is an unambiguous given name or a name particle."""
        if i + 1 >= len(toks) or toks[i + 1].kind != "word":
            return False
        w = toks[i + 1].norm
        return (w in self.given and w not in self.given_common and w not in self.stop) or w in self.arabic_particles \
            or w in self.filiation  # علي بن موسى

    def _run(self, toks: list[Token], j: int, cut: int, strong: bool) -> _Name | None:
        """The name that starts at token ``j`` (its first ``cut`` characters are proclitics).

        ``strong``: a title, verb or nisba announced the name. The second word of a name whose
        first word is a given name (or announced) is accepted more freely than later words
        (Arabic names are given name + family name: ``بشار الأسد``, ``نبيه بري``).
        """
        n = len(toks)
        cover = self._cover
        first = toks[j].norm[cut:]
        if cut and toks[j].norm.startswith("لل"):
            first = "ا" + first  # fused لل: key with the article restored
        words: list[str] = [first]
        i = j
        need = first in self.particles
        anchored = (first in self.given and (first not in self.stop or (strong and len(first) >= 3))
                    and (strong or first not in self.given_common)) \
            or (strong and not is_definite(first) and self.z(first) <= ANCHOR_MAX)
        while i + 1 < n and len(words) < RUN_MAX:
            t = toks[i + 1]
            if t.norm == "-" and not t.space_before and not need and i + 2 < n and toks[i + 2].kind == "word" \
                    and not toks[i + 2].space_before and cover[i + 2] is None:
                w2 = toks[i + 2].norm
                if w2 in self.given or w2 in self.known_words or (
                        self.z(w2) <= FOREIGN_WORD_MAX and not self.blocked(w2) and not is_definite(w2)
                        and not self.common_shape(w2)):
                    words.append(w2)  # a hyphenated name, written without spaces (جونغ-إيل، أليو-ماري)
                    i += 2
                    continue
                break
            if t.norm == "-" and t.space_before and not need and len(words) >= 2 and i + 2 < n \
                    and toks[i + 2].kind == "word" and cover[i + 2] is None and (
                        i + 3 >= n or self._boundary(toks, i + 3)
                        or (toks[i + 2].norm in self.known_words and toks[i + 2].norm not in self.given)):
                w2 = toks[i + 2].norm
                if not is_definite(w2) and not self.blocked(w2) and w2[:1] != "و" and not self.clitic_word(w2) \
                        and not self.strong_clitic(w2) and (w2 in self.given or w2 in self.known_words
                                                            or (self.z(w2) <= FOREIGN_WORD_MAX and not self.common_shape(w2))):
                    words.append(w2)  # the last part of a hyphenated name written with spaces (كيم جونغ - إيل)
                    i += 2
                break
            if t.kind != "word" or not t.space_before or cover[t.i] in ("organization", "date"):
                break
            w = t.norm
            if need:  # a particle binds the next word
                if w in self.stop and w in self.given and words[-1] in self.filiation and len(words) >= 2:
                    words.append(w)  # الحسين بن علي: after بن, علي is the father's name, not على
                    i += 1
                    need = False
                    nx = toks[i + 1] if i + 1 < n else None
                    nn = nx.norm if nx is not None and nx.kind == "word" else ""
                    if nn in self.given or nn in self.particles or (is_definite(nn) and is_nisba(nn) and not self.demonym(nn)):
                        continue  # (علي بن علي الهاشمي); otherwise the name ends here (فيصل بن علي الوفد)
                    break
                if w in self.stop or w in self.speech or self.verb_like(w) or self.clitic_word(w, article_only=True) \
                        or (self.suffixed(w) and (words[-1] in self.filiation or w.endswith("ته"))):
                    break  # ابن عمه; but a kunya takes -ة names (أبو عبيدة، أم كلثوم)
                words.append(w)
                i += 1
                need = w in self.particles
                continue
            if w in self.particles:
                nxt = toks[i + 2].norm if i + 2 < n and toks[i + 2].kind == "word" else ""
                if nxt and (nxt not in self.stop or (w in self.filiation and nxt in self.given)) and nxt not in self.speech and not self.verb_like(nxt) \
                        and (w not in self.filiation or nxt in self.given or nxt in self.particles
                             or nxt in self.known_words or not (self.noun_like(nxt) and self.z(nxt) >= 4.5)):
                    # ابن/بن/بنت + a common noun is a phrase (ابن رجل), unlike أبو جبل
                    words.append(w)
                    i += 1
                    need = True
                    continue
                break
            if w in self.known_words and not self.clitic_word(w) and w[0] != "و":
                words.append(w)  # a word of a well-known name (حسني مبارك، كولن باول)
                i += 1
                continue
            if w in self.given and w in self.stop:
                if t.i in self._ala:
                    break
                # علي inside a name (محمد علي العظمي), not the preposition على before a noun
                nx = toks[i + 2] if i + 2 < n else None
                nn = nx.norm if nx is not None and nx.kind == "word" else ""
                if (nx is not None and nx.kind == "punct") or nn in self.given or nn in self.particles or (
                        is_definite(nn) and is_nisba(nn) and not self.demonym(nn)):
                    words.append(w)
                    i += 1
                    continue
                break
            if w in self.ordinals:
                if len(words) == 1 and words[0] in self.given or (len(words) == 2 and words[0] in self.particles):
                    words.append(w)  # محمد الخامس، عبد الله الثاني
                    i += 1
                break
            if w in self.title_words and is_definite(w) and ((len(words) == 1 and anchored) or (
                    len(words) >= 2 and strong and all(x in self.given or x in self.particles for x in words))):
                # a family name that is also a title (حسام القاضي، محمد الشيخ) when the name ends there
                after = toks[i + 2] if i + 2 < n else None
                if (after is None or after.kind != "word" or after.norm in self.stop or after.norm in self.speech
                        or self.verb_like(after.norm) or after.norm[0] == "و") \
                        and (len(words) == 1 or after is None or after.kind != "word" or not is_definite(after.norm)):
                    # (but a role goes on after a full name: X Y النائب العام)
                    words.append(w)
                    i += 1
                break
            zw = self.z(w)
            # the first name is one unit: one word, a compound (عبد الوافي، نور الدين) announced by context
            head = len(words) == 1 and anchored or (len(words) == 2 and strong and (
                words[0] in self.arabic_particles or words[1] in self.tails))
            if len(words) >= 2 and not is_definite(w) and w not in self.given and w not in self.known_words and any(
                    is_definite(x) and words[k - 1] not in self.particles and x not in self.tails
                    and x not in self.ordinals and (is_nisba(x) or self.z(x[2:]) >= 2.5)
                    for k, x in enumerate(words) if k):
                break  # an Arabic family name with the article ends the name (فيصل سالم العمري شارحا); not
                # the word after عبد (عبد العاطي X) or a transliteration that begins with ال (كارلوس البرتو X)
            # the second word of an anchored name (after a given name, or announced by a title or
            # verb) that is rare: the weak verb/clitic shapes are transliteration accidents
            # (بيكيت، كالديرون، كليمان), only a listed verb or a clear clitic reading stops it
            soft = head and zw < SOFT_MAX and not is_definite(w) and (
                w[0] != "و" or (self.z(w[1:]) < 2.5 and w[1:] not in self.given and (
                    zw == 0.0 or zw >= self.z(w[1:]) + 1.0)))
            # (والكن; a و-initial surname in use as a whole, its remainder not: ويلسون)
            if soft:
                if self.blocked(w) or w in self.action or cover[t.i] == "place" or (
                        self.strong_clitic(w) and not self._clitic_on_name(w)) or self.strong_verb(w):
                    break
            elif self.blocked(w) or self.verb_like(w) or cover[t.i] == "place" or self.strong_verb(w) or (
                    self.clitic_word(w, article_only=self.z(w) == 0.0) and not (head and self._clitic_on_name(w))):
                break
            if w.endswith("ا") and len(w) >= 4 and w not in self.given and w not in self.known_words \
                    and self.freq.get("ال" + w[:-1], 0.0) >= ACC_STEM_MIN and zw >= ACC_WORD_MIN:
                break  # accusative noun (أرسل هشام جيشا), also before a boundary; not ماسا (الماس is rarer)
            if head and not is_definite(w) and w[0] != "و" and zw < PAIR_MAX \
                    and w not in self.given and (soft or not (self.blocked(w) or w in self.action or cover[t.i] == "place"
                                                          or self.strong_clitic(w) or self.strong_verb(w))) \
                    and not self.suffixed(w) and self._boundary(toks, i + 2):
                # an announced first name + a word before a clear boundary (punctuation, a stop word,
                # a number, a verb): the surname, whatever noun or participle it resembles (سيمون هول ،)
                words.append(w)
                i += 1
                break
            if w[0] == "و" and w not in self.given and not soft:
                break  # و + word: a coordinated item, not the same name
            if w not in self.given and w not in self.known_words and self.verb_shape(w):
                break  # شيراك سيقرر، طلعت زكريا يتقمص: a verb or common noun after the name
            if w in self.tails and words[-1] not in self.particles:
                words.append(w)  # نصر الله، نور الدين
                i += 1
                continue
            translit = soft and zw == 0.0 and self.z(w[:-1]) < 4.0 and self.z(w[:-2] + "ه") < 3.0
            if len(w) >= 4 and w not in self.given and not translit and (
                    (w.endswith("ه") and self.z(w[:-1]) >= 3.5) or (w.endswith("ته") and self.z(w[:-2]) >= 3.0)
                    or (w.endswith("ا") and len(words) > 1 and self.z(w[:-1]) >= 3.0)):
                break  # noun + pronoun (امتناعه، بيعته), accusative participle (شارحا); not a second word
                # nobody uses as a whole after an announced first name (مارك روته)
            if w in self.given and (w not in self.given_common or (len(words) == 1 and anchored)
                                    or (zw < 4.6 and all(x in self.given or x in self.particles or x in self.tails for x in words))):
                # a given name, also a common word when second (رائف نجم، علي جمعة) or in a chain
                # of given names (جاسم محمد مهدي)
                words.append(w)
                i += 1
                continue
            if zw == 0.0 and w[0] in "بلكف" and len(w) > 3 and not (w[0] in "بك" and w[1] == "ي") and not soft and (
                    self.verb_like(w[1:]) or self.suffixed(w[1:]) or self.z(w[1:]) >= 3.0):
                break  # ليعوض، لثنيه: a proclitic on a known word
            second = head or (len(words) >= 3 and words[-2] in self.filiation)
            # (after X بن Y the next word is read like a second name: علي بن موسى الرضا)
            arab = words[0] in self.given or words[0] in self.particles
            if is_definite(w):
                units = len(words) - sum(x in self.particles or x in self.tails for x in words[:-1])
                if units >= 2 and w not in self.given and w[2:] not in self.given and not is_nisba(w) \
                        and (len(w) >= 6 and w.startswith("الم") or (len(w) == 6 and w[3] == "ا")) \
                        and max(self.z(w), self.z(w[2:])) >= 2.5 and self._prep_next(toks, i + 2):
                    break  # a participle before its complement (X Y الفائز بجائزة، X المسؤول عن)
                if (_MASDAR.match(w) and not (arab and is_nisba(w) and w.endswith("ي"))) \
                        or w[2:] in self.particles or w[2:] in self.title_words:
                    break  # (but ابو عبد الله التركي: a nisba family name, not a verbal noun)
                if len(words) == 1 and not arab and zw > 3.0:
                    break  # a foreign first word takes no article: بيرنز المسؤولين
                if w.endswith(("ها", "هم", "هما", "كم")) and not is_nisba(w):
                    break  # a noun with a pronoun is no family name, even one that begins like the article (ألبومها)
                if w not in self.given and w not in self.known_words and w[2:] not in self.given and (
                        (w.endswith("ات") and len(w) >= 7 and zw >= PLURAL_DEF_MIN)
                        or (w.endswith(("ون", "ين")) and len(w) >= 6 and zw >= 2.5 and not is_nisba(w))
                        or _IFAL.match(w)):
                    break  # a definite plural or verbal noun (رفض X الإجراءات، X العائدين، X الإفصاح)
                if is_nisba(w) and not (w.endswith("يه") and w[2:] in self.given):
                    # (العطية is ال + a given name, not a feminine nisba)
                    if self.demonym(w) and not (arab and w.endswith("ي")):
                        break
                    # after a given name, a nisba is a family name (محمد شياع السوداني، أبو حمزة
                    # المصري): a nationality adjective comes before the name (اللاعب المصري محمد)
                elif (w.endswith("ه") and not (second and zw < 4.0) and not (arab and len(words) >= 2 and zw < 3.5)) or (
                        not second and (zw > CONT_DEF_MAX or _MASDAR.match(w) or (w[2:] not in self.given and (
                            self.z(w[2:]) >= 4.0 or (w.startswith("الم") and len(w) >= 6))))):
                    break  # a common noun with the article (الوفد), not a family name
                words.append(w)
                i += 1
                continue
            if is_nisba(w) and zw >= 3.5 and not second:
                break  # an indefinite nisba cannot qualify a (definite) name: second, it is a family name (جون كندي)
            if w.endswith("ا") and self.freq.get("ال" + w[:-1], 0.0) >= 3.5:
                break  # accusative noun (اجتماعا، ردا)
            if second and arab:
                # given name + family name: accept unless a very common noun, or (without a title
                # or verb announcing the name) a frequent word (نزار مرتين، موسى معهم)
                nx = toks[i + 2] if i + 2 < n else None
                construct = nx is not None and nx.kind == "word" and nx.space_before and is_definite(nx.norm) \
                    and not is_nisba(nx.norm) and self.noun_like(w) and zw >= CONSTRUCT_MIN
                # (a common noun heading a genitive construct is no surname: مونيكا حفل الافتتاح)
                if not (self.noun_like(w) and zw >= 5.0) and not (w.endswith("ه") and zw >= 4.0 and self.noun_like(w)) \
                        and not (zw >= (SECOND_STRONG_MAX if strong else SECOND_MAX)) and not construct:
                    words.append(w)
                    i += 1
                    continue
                break
            art = self.freq.get("ال" + w, 0.0)
            if self.noun_like(w) or (w[0] == "م" and len(w) >= 4 and zw >= 2.5) or (
                    zw >= 3.3 and art >= 2.8 and art >= zw - 1.3):
                break  # a noun, or a participle (محاصر، مترابط) after the name
            if w in self.given or zw <= CONT_MAX or (strong and zw <= CONT_STRONG_MAX and not w.endswith("ه")):
                words.append(w)
                i += 1
                continue
            break
        while words and words[-1] in self.particles and (need or len(words) > 1):
            # a dangling particle: drop it
            words.pop()
            i -= 1
            need = False
        if not words:
            return None
        if not words or i < j:
            return None
        if words[-1] in self.given and i + 2 < n and toks[i + 1].kind == "word" and len(toks[i + 1].norm) == 1 \
                and toks[i + 1].space_before and toks[i + 2].norm == "." and not toks[i + 2].space_before \
                and "\u0621" <= toks[i + 1].norm <= "\u064a":
            return _Name(j, i + 2, cut)  # a surname abbreviated to its initial, as court news writes it (كريم س.)
        if not strong:
            # without context: one given name must be unambiguous; a common-word name needs company
            head = words[0]
            if len(words) == 1:
                if head in self.given_common or head in self.particles or self.z(head) > 5.0 and head not in self.given:
                    return None
            elif head in self.given_common and not any(
                    w in self.given or w in self.particles or self.z(w) <= 3.0 for w in words[1:]) and not (
                    is_definite(words[1]) and is_nisba(words[1]) and not self.demonym(words[1])
                    and self.z(words[1]) <= 4.0):
                return None  # (a family nisba right after it is company enough: منى الشاذلي)
            if head in self.particles and len(words) == 2 and head not in ("عبد",) and self.z(words[1]) > 4.6 \
                    and words[1] not in self.given:
                return None  # أبو + common word (ابو ظبي is the place extractor's)
        return _Name(j, i, cut)
