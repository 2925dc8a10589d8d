"""Document evidence for people: the names of a document link their short forms and repeats.

Stage ``link`` (:class:`Linker`), after overlaps are settled (``extract/resolve.py``):

1. **Full names**: a person mention with two or more words is a full name; a full name that is
   a prefix or a suffix of a longer one (``آيت المودن`` in ``سمير آيت المودن``) joins the longer
   one, whose value is the canonical form of the whole chain.
2. **Short forms**: the prefix (first name, or ``عبد``/``أبو`` + next word) and suffix (surname,
   or a group that starts with a particle: ``أبو الفضل``, ``آل مكتوم``, ``فان دير بيل``) of a full
   name refer to it; so does a one-word name found with strong evidence (its score at least
   :data:`SPREAD_MIN`; ``الرئيس بوش`` ... ``وقال بوش``).
3. **Values**: a person mention whose words are such a form gets the full name as ``value``;
   when several full names fit, the nearest preceding one wins (else the nearest following one).
4. **New mentions** (rule ``coref.name_part``): the forms where no extractor found them
   (``وأشار زيدان``), longest form first, with و/ف/ل/ب peeled, when the words are not part of
   another entity and are not stop words, titles or speech verbs. Guards: a lone word must be
   rare (Zipf < 4), the surname of a full name of the document, or a given name; a given name
   that is also a common word must not follow a definite word (``الوضع حسن``) or a stop word
   (unless a title or speech verb made it a name in this document); a word that is itself
   frequent is not read as clitic + name (``لصالح``); a word next to another name-like word
   belongs to a different, longer name (``تيسير فهمي``); a word after a facility noun is not
   linked (``مطار محمد الخامس``). Its score is the rule's prior times the score of the name it
   repeats, divided by the average score of such names (so a repeat of a doubtful name is
   doubtful), and it is kept when at least ``min_score``.
5. **Latin forms** (rule ``coref.latin``): the Latin-script form of a name given in brackets
   right after it (``ألبرت أينشتاين ( Albert Einstein )``).

A person is never split in two: forms are matched only on whole words and never inside another
entity. Every step is linear in the document (forms are looked up by bisection).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ...document import Document, Entity
from ...normalize import normalize
from ...tokenize import peels
from ..spans import MIN_SCORE, Spans
from ..common import TypeMemo
from .rules import load_rules
from .words import Words, shared_words

#: a neighbour word at most this frequent (and not a verb or clitic form) makes a lone linked word
#: part of a longer, different name (تيسير فهمي), so the linker leaves it
NAME_LIKE_MAX = 3.3
LATIN_MAX = 4          # words of a Latin-script name form in brackets after a name
#: rules whose one-word names are trusted enough to be spread over the document
PROPAGATE = frozenset({"person.title", "person.speech", "person.known", "person.given", "person.nisba",
                       "person.family", "person.bracket", "person.coordination", "person.apposition"})
#: the average score of the names whose repeats the prior of coref.name_part was measured on
SOURCE_MEAN = 0.85
#: corpus mode: a name confirmed in another document of the run (score at least CORPUS_MIN)
#: counts here as a name of this score times CORPUS_DISCOUNT
CORPUS_MIN = 0.85
CORPUS_DISCOUNT = 0.9
BIND = ("عبد", "أبو", "أبي", "أبا", "أم", "ابن", "بن", "بنت", "آل", "آيت")


@dataclass(slots=True)
class _Form:
    """The names a form (a tuple of normalized words) refers to, by position."""

    starts: list[int] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    unique: bool = False
    best: float = 0.0

    def add(self, start: int, value: str, score: float) -> None:
        self.starts.append(start)
        self.values.append(value)
        self.scores.append(score)

    def seal(self) -> None:
        order = sorted(range(len(self.starts)), key=lambda k: (self.starts[k], self.values[k]))
        self.starts = [self.starts[k] for k in order]
        self.values = [self.values[k] for k in order]
        self.scores = [self.scores[k] for k in order]
        self.unique = len(set(self.values)) == 1
        self.best = max(self.scores)

    def lookup(self, pos: int) -> tuple[str, float]:
        """The value nearest before ``pos`` (else the first after it) and its score."""
        if self.unique:
            return self.values[0], self.best
        k = bisect.bisect_right(self.starts, pos) - 1
        if k < 0:
            k = 0
        else:  # the latest value among those starting at or before pos (ties: the larger value)
            s = self.starts[k]
            j = k
            while j > 0 and self.starts[j - 1] == s:
                j -= 1
            k = max(range(j, k + 1), key=lambda m: self.values[m])
        return self.values[k], self.scores[k]


class Linker:
    """Stage ``link``: person coreference (short mentions get the full name as value)."""

    name = "link"

    def __init__(self, min_score: float | None = None, words: Words | None = None) -> None:
        self.min_score = MIN_SCORE if min_score is None else min_score
        #: corpus mode (``--corpus-names``): names confirmed in the run's documents, form -> (value, score)
        self.corpus: dict[tuple[str, ...], tuple[str, float]] = {}
        x = self.w = words or shared_words()
        self._titles = x.title_words | x.saints
        self._blocked = x.stop | x.verb_forms | self._titles
        self._bind = frozenset(normalize(w) for w in BIND)
        rules = {r.id: r for r in load_rules()}
        self.part_rule, self.latin_rule = rules["coref.name_part"], rules["coref.latin"]
        self._surnames: set[str] = set()  # last words of the current document's full names
        self._strong: set[str] = set()  # last words of names a title or speech verb announced
        self._reading_memo = TypeMemo(self._readings)

    def short_forms(self, words: tuple[str, ...]) -> list[tuple[str, ...]]:
        """Prefix and suffix forms of a normalized full name that may refer to it alone."""
        out: list[tuple[str, ...]] = []
        n = len(words)
        k = 2 if words[0] in self._bind and n > 2 else 1
        if k < n:
            out.append(words[:k])
        for i in range(1, n):
            suffix = words[i:]
            if i == n - 1 or words[i] in self.w.particles:
                if words[i - 1] in self._bind:
                    continue  # never cut a particle from its word (عبد | الله)
                out.append(suffix)
        return [f for f in out if not (len(f) == 1 and (f[0] in self._blocked or f[0] in self.w.particles or len(f[0]) < 2))]

    # ---- the stage ----------------------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        persons = [e for e in doc.entities if e.type == "person"]
        if not persons and not self.corpus:
            return doc
        keys: dict[str, tuple[str, ...]] = {}  # one normalization per distinct name
        for e in persons:
            v = e.value or e.text
            if v not in keys:
                keys[v] = tuple(normalize(w) for w in v.split())
        key_of = {id(e): keys[e.value or e.text] for e in persons}
        forms = self._forms(persons, key_of)
        if not forms:
            return doc
        out: list[Entity] = []
        for e in doc.entities:
            if e.type == "person" and key_of[id(e)] in forms:
                v, _ = forms[key_of[id(e)]].lookup(e.start)
                if v != (e.value or e.text):
                    e = e.replace(value=v, extra={**e.extra, "linked_to": v})
            out.append(e)
        # key phrases (topic layer) may overlap names: they never block a person mention
        covered = Spans()
        for e in doc.entities:
            if e.type != "keyphrase":
                covered.add(e.start, e.end)
        out.extend(self._mentions(doc, forms, covered))
        out.extend(self._latin_forms(doc, out, covered))
        out.sort(key=lambda e: (e.start, e.end, e.type))
        doc.entities = out
        return doc

    def _forms(self, persons: list[Entity], key_of: dict) -> dict[tuple[str, ...], _Form]:
        """Every form (full names, their short forms, one-word names of strong evidence) -> the
        names it refers to."""
        full = [e for e in persons if len(key_of[id(e)]) >= 2]
        canon = self._canonical(full, key_of)
        forms: dict[tuple[str, ...], _Form] = {}
        self._surnames = {key_of[id(e)][-1] for e in full}
        self._strong = {key_of[id(e)][-1] for e in persons if e.rule in ("person.title", "person.speech")}
        shorts: dict[tuple[str, ...], list] = {}
        for e in full:
            words = key_of[id(e)]
            value = canon[words]
            if words not in shorts:
                shorts[words] = [words] + self.short_forms(words)
            for f in shorts[words]:
                forms.setdefault(f, _Form()).add(e.start, value, e.score)
        for e in persons:  # one-word names found with strong evidence (الرئيس بوش ... وقال بوش)
            words = key_of[id(e)]
            if len(words) == 1 and words not in forms and e.rule in PROPAGATE and words[0] not in self._blocked \
                    and (words[0] in self.w.given or self.w.z(words[0]) < 4.0):
                forms[words] = _Form([e.start], [e.value or e.text], [e.score])
        for f, (value, score) in self.corpus.items():  # corpus mode: names of the other documents
            if f not in forms:
                forms[f] = _Form([-1], [value], [score * CORPUS_DISCOUNT])
        for f in forms.values():
            f.seal()
        return forms

    @staticmethod
    def _canonical(full: list[Entity], key_of: dict) -> dict[tuple[str, ...], str]:
        """Full name -> the longest full name that contains it as prefix or suffix (its value)."""
        fulls = sorted({key_of[id(e)]: (e.value or e.text) for e in full}.items(), key=lambda kv: -len(kv[0]))
        canon: dict[tuple[str, ...], str] = {}
        by_len: dict[int, list] = {}
        for words, value in fulls:
            by_len.setdefault(len(words), []).append((words, value))
        for words, value in fulls:
            best = value
            for n in sorted(by_len, reverse=True):
                if n <= len(words):
                    break
                hit = next((canon.get(o, ov) for o, ov in by_len[n]
                            if o[:len(words)] == words or o[-len(words):] == words), None)
                if hit is not None:
                    best = hit
                    break
            canon[words] = best
        return canon

    # ---- new mentions --------------------------------------------------------------------------
    def _mentions(self, doc: Document, forms: dict, covered) -> list[Entity]:
        """Unlabelled mentions of the forms, longest form first (rule ``coref.name_part``)."""
        toks = doc.tokens
        maxlen = max(len(f) for f in forms)
        firsts = {f[0] for f in forms}
        out: list[Entity] = []
        i, n = 0, len(toks)
        while i < n:
            hit = self._match(toks, i, forms, firsts, maxlen) if toks[i].kind == "word" else None
            if not hit or not self._accept(doc, i, hit):
                # a whole name refused (مطار هواري بومدين) lends none of its words to a shorter form
                i += hit[1] if hit else 1
                continue
            p, size, seq = hit
            tok = toks[i]
            s, _ = doc.view.to_original(tok.nstart + p.cut, tok.nend)
            end = toks[i + size - 1].end
            if covered.overlap(s, end):
                i += 1
                continue
            value, source = forms[seq].lookup(s)
            score = round(min(0.99, self.part_rule.score * source / SOURCE_MEAN), 4)
            if score >= self.min_score:
                out.append(doc.make_entity("person", s, end, value, self.part_rule.id, score,
                                           evidence=doc.text[s:end], linked_to=value))
                covered.add(s, end)
            i += size
        return out

    @staticmethod
    def _readings(norm: str) -> tuple:
        """The readings of a word that may begin a form: the whole word, or the word with و/ف/ل/ب
        peeled (ل before ال only where the text writes لل). A pure function of the word type,
        memoized across documents (``self._reading_memo``)."""
        out = []
        for p in peels(norm):
            if p.cut and p.clitic not in ("و", "ف", "ل", "ب"):
                continue
            if p.key.startswith("ال") and p.cut and p.clitic in ("ل",) and not norm.startswith("لل"):
                continue
            out.append(p)
        return tuple(out)

    def _match(self, toks, i: int, forms: dict, firsts: set, maxlen: int):
        """The longest form starting at token ``i``: (peel, size, form). ``firsts``: the first
        words of the forms."""
        n = len(toks)
        for p in self._reading_memo[toks[i].norm]:
            if p.key not in firsts:
                continue
            for size in range(min(maxlen, n - i), 0, -1):
                seq = (p.key,) + tuple(t.norm for t in toks[i + 1:i + size])
                if len(seq) < size or any(t.kind != "word" for t in toks[i:i + size]):
                    continue
                if seq in forms:
                    return p, size, seq
        return None

    def _accept(self, doc: Document, i: int, hit) -> bool:
        """The guards of a new mention (see the module docstring)."""
        toks = doc.tokens
        p, size, seq = hit
        tok = toks[i]
        prev = toks[i - 1].norm if i and toks[i - 1].kind == "word" else ""
        k = i - 1
        while k > 0 and toks[k].kind == "word" and toks[k].norm in self._titles:
            k -= 1  # جامعة القديس يوسف: look past titles
        back = toks[k].norm if 0 <= k < i and toks[k].kind == "word" else ""
        if back and any(q.key in self.w.facility for q in peels(back)):
            return False  # مطار محمد الخامس: a facility, not the person
        return size > 1 or (self._plausible(p.key, tok.norm, p.cut, prev) and not self._in_longer_name(toks, i, p.cut))

    def _plausible(self, key: str, whole: str, cut: int, prev: str) -> bool:
        """A lone word found by the linker: not a frequent common word, not a clitic reading of
        one; a name that is also a common word (حسن، سعيد) must not follow a definite word, where
        it reads as a predicate adjective (الوضع حسن)."""
        z = self.w.z
        if cut and z(whole) >= 3.5:
            return False  # لصالح, لحين: words in their own right
        if key.startswith("ال") and len(key) > 3:
            if key.endswith("ي") and (z(key + "ون") >= 2.5 or z(key + "ين") >= 2.5) \
                    and not (key in self._surnames and self._speech_before(prev)):
                # a demonym alone is an adjective (الشعب الأميركي), not المصري of a name; but
                # right after a speech verb (وقال المصري) it is the surname of this document's name
                return False
            if prev.startswith("ال") and prev not in self._blocked:
                return False  # a definite word after a definite noun qualifies it (وزير الصحة البريطاني)
        if z(key) < 4.0 or (key in self._surnames and z(key) < 5.0):
            return True  # rare, or the surname of a full name of this document (الأسد)
        if key not in self.w.given:
            return False
        if key in self.w.given_common and prev in self.w.stop and key not in self._strong:
            return False  # ما وعد به (unless a title or speech verb made it a name in this document)
        return not (prev.startswith("ال") and prev not in self._blocked)

    def _speech_before(self, prev: str) -> bool:
        """``prev`` is a speech verb, maybe with و/ف (وقال، فأضاف)."""
        return prev in self.w.verb_forms or (prev[:1] in ("و", "ف") and prev[1:] in self.w.verb_forms)

    def _name_like(self, norm: str) -> bool:
        x = self.w
        if norm in x.given and norm not in x.stop:
            return True
        if norm in self._blocked or x.z(norm) > NAME_LIKE_MAX or norm[:1] == "و" or x.noun_shape(norm):
            return False  # (a plural, a verbal noun, an accusative: استفزازات X is no longer name)
        z = x.z
        if len(norm) >= 4 and norm.endswith(("ه", "ها", "هم")) and z(norm[:-1] if norm.endswith("ه") else norm[:-2]) >= 3.0:
            return False  # noun + pronoun (تصريحاته)
        for p in peels(norm)[1:]:
            k = p.key
            if z(k) >= 3.0 or k in x.given or (len(k) >= 4 and k.endswith("ه") and z(k[:-1]) >= 3.0):
                return False  # a proclitic on a word or a name (بإيقافه، لزيدان): not the same name
        stem = norm[1:] if norm[:2] in ("سي", "ست", "سن") else norm
        if stem[:1] in ("ي", "ت") and ("ت" if stem[0] == "ي" else "ي") + stem[1:] in x.freq:
            return False  # a verb (سيزور، يقول), not a name word
        return True

    def _in_longer_name(self, toks, i: int, cut: int) -> bool:
        """The word sits in a run of name-like words (تيسير فهمي، فيلار مير): another person.
        A family name with the article ends a name, so only the word before it counts there."""
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        definite = toks[i].norm[cut:].startswith("ال")
        initial = nxt is not None and len(nxt.norm) == 1 and i + 2 < len(toks) and toks[i + 2].norm == "." \
            and not toks[i + 2].space_before
        if nxt is not None and nxt.kind == "word" and nxt.norm in self.w.tails:
            return True  # صلاح الدين، نصر الله: a compound name, not the short form صلاح
        if not definite and nxt is not None and nxt.kind == "word" and (self._name_like(nxt.norm) or initial):
            return True  # (also before an initial: هشام ل.)
        prv = toks[i - 1] if i > 0 and not cut else None
        return prv is not None and prv.kind == "word" and self._name_like(prv.norm)

    # ---- Latin forms ---------------------------------------------------------------------------
    def _latin_forms(self, doc: Document, entities: list[Entity], covered) -> list[Entity]:
        """``ألبرت أينشتاين ( Albert Einstein )`` -> a second mention ``Albert Einstein``."""
        toks = doc.tokens
        by_end = {t.end: t.i for t in toks}
        found: list[Entity] = []
        for e in entities:
            if e.type != "person" or e.end not in by_end:
                continue
            k = by_end[e.end] + 1
            if k >= len(toks) or toks[k].norm != "(":
                continue
            m = k + 1
            while m < len(toks) and m - k <= LATIN_MAX and toks[m].kind == "word" and toks[m].norm.isascii() \
                    and toks[m].norm.isalpha():
                m += 1
            words = [t.norm for t in toks[k + 1:m]]
            if not words or m >= len(toks) or toks[m].norm != ")" or not all(w[:1].isupper() for w in words) \
                    or not any(w[1:].islower() for w in words):
                continue  # capitalized words, not an acronym (CNN)
            s, end = toks[k + 1].start, toks[m - 1].end
            if covered.overlap(s, end):
                continue
            value = e.value or e.text
            found.append(doc.make_entity("person", s, end, value, self.latin_rule.id,
                                         round(min(e.score, self.latin_rule.score), 4), evidence=value, linked_to=value))
            covered.add(s, end)
        return found


class CorpusNames:
    """Corpus mode, first pass, document by document: the confirmed full names seen so far
    (memory grows with the distinct names, not with the corpus); :meth:`forms` gives the forms of
    :func:`corpus_names`."""

    def __init__(self, min_score: float = CORPUS_MIN) -> None:
        self.min_score = min_score
        self.full: dict[tuple[str, ...], tuple[str, float]] = {}

    def add(self, entities) -> None:
        for e in entities:
            get = e.get if isinstance(e, dict) else lambda k, e=e: getattr(e, k)
            if get("type") != "person" or float(get("score")) < self.min_score:
                continue
            value = get("value") or get("text")
            words = tuple(normalize(w) for w in value.split())
            if len(words) < 2:
                continue
            old = self.full.get(words)
            if old is None or (float(get("score")), value) > (old[1], old[0]):
                self.full[words] = (value, float(get("score")))

    def forms(self) -> dict[tuple[str, ...], tuple[str, float]]:
        full = self.full
        out = dict(sorted(full.items()))
        x = shared_words()
        surnames: dict[tuple[str, ...], set] = {}
        for words, (value, score) in full.items():
            w = words[-1]
            # (only a surname that cannot be a common word elsewhere: rare, or a transliteration)
            if w not in x.given and w not in x.tails and (x.z(w) < 3.0 or x.looks_foreign(w)):
                surnames.setdefault((w,), set()).add((value, score))
        for f, vals in sorted(surnames.items()):
            if len({v for v, _ in vals}) == 1 and f not in out:
                out[f] = max(vals, key=lambda vs: vs[1])
        return out


def corpus_names(documents, min_score: float = CORPUS_MIN) -> dict[tuple[str, ...], tuple[str, float]]:
    """Corpus mode, first pass: the names confirmed in a run's documents (``documents``: lists of
    entity dicts or :class:`Entity` objects, in input order), as linker forms: every full name of
    two or more words found with a score of at least ``min_score``, and its surname when it is
    rare or a transliteration (no common word: عادل، رزق are surnames in one document and words in
    the next) and no other confirmed name of the corpus shares it. Deterministic (sorted,
    independent of the order of documents with equal names)."""
    names = CorpusNames(min_score)
    for ents in documents:
        names.add(ents)
    return names.forms()
