"""The one place where overlapping candidates are settled, and person coreference.

Overlap policy (``Resolver``)
-----------------------------
Candidates live in two layers that never compete with each other:

* the **named layer**: person, place, organization, date;
* the **topic layer**: key-phrase mentions (type ``topic``), which may overlap names.

Within a layer, candidates are ranked and accepted greedily; a candidate that overlaps an
already accepted one is rejected (kept in ``doc.rejected`` with the reason, for debugging):

1. exact duplicates (same type and span) collapse to the highest score;
2. a candidate whose rule is marked *blocking* (``extra["blocks"] == True``, used by
   organization chains such as ``جامعة القاهرة`` and by non-entities such as money amounts)
   wins over what it contains, so a place inside an organization name is not a place;
3. otherwise the longer span wins, then the higher score, then the type priority
   (date > organization > person > place), then the earlier start.

Candidates of type-less "blockers" (``extra["suppress"] == True``) are never emitted: they
only reserve their span (e.g. a facility named after a person, ``ملعب محمد الخامس``).

Before any of this, a named candidate whose score is below ``min_score`` (default
:data:`MIN_SCORE`; persons have calibrated scores, see ``extract/people/evidence.py``) is
rejected, so that it blocks nothing.

Coreference (``Linker``)
------------------------
A person mention with two or more words is a *full name*; full names that are a prefix or a
suffix of a longer one (``آيت المودن`` in ``سمير آيت المودن``) join the longer one, whose
value is the canonical form of the whole chain. Any person mention whose words are a prefix
(first name, or ``عبد``/``أبو`` + next word) or a suffix (surname, or a group that starts with a
particle: ``أبو الفضل``, ``آل مكتوم``, ``فان دير بيل``) of a full name gets that full name as
``value``; when several full names fit, the nearest preceding one wins (else the nearest
following one). The linker also adds mentions of those short forms that no extractor found
(``وأشار زيدان``), longest form first, with و/ف/ل/ب peeled, when the words are not part of
another entity and are not stop words, titles or speech verbs. A person is never split in two:
short forms are matched only on whole words and never inside another entity.

One-word names found by a trusted rule (title, speech verb, well-known name, given name, nisba,
family/dynasty noun, bracketed number, coordination, apposition)
are spread the same way over the document (``الرئيس بوش`` ... ``وقال بوش``). Guards for the
mentions the linker adds: a lone word must be rare (Zipf < 4) or a given name; a given name that
is also a common word must not follow a definite word (``الوضع حسن``) or a stop word; a word
that is itself frequent is not read as clitic + name (``لصالح``); a word next to another
name-like word belongs to a different, longer name (``تيسير فهمي``); a word after a facility
noun is not linked (``مطار محمد الخامس``).
"""

from __future__ import annotations

import bisect

from ..document import Document, Entity
from ..normalize import normalize
from ..tokenize import peels

#: a neighbour word at most this frequent (and not a verb or clitic form) makes a lone linked word
#: part of a longer, different name (تيسير فهمي), so the linker leaves it
NAME_LIKE_MAX = 3.3
LATIN_MAX = 4          # words of a Latin-script name form in brackets after a name

TYPE_PRIORITY = {"date": 0, "organization": 1, "person": 2, "place": 3, "topic": 4}
#: named candidates below this score are dropped before overlaps are settled
MIN_SCORE = 0.4


def _layer(e: Entity) -> str:
    return "topic" if e.type == "topic" else "named"


def _rank(e: Entity) -> tuple:
    return (
        0 if e.extra.get("blocks") else 1,
        -(e.end - e.start),
        -e.score,
        TYPE_PRIORITY.get(e.type, 9),
        e.start,
    )


class _Spans:
    """Disjoint half-open spans, sorted by start: overlap test and insertion in O(log n)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlap(self, start: int, end: int) -> tuple[int, int] | None:
        i = bisect.bisect_left(self.starts, end)  # spans starting before ``end``
        if i and self.ends[i - 1] > start:       # the last of them is the only one that can reach in
            return self.starts[i - 1], self.ends[i - 1]
        return None

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


class Resolver:
    """Stage ``resolve``: applies the overlap policy to ``doc.candidates``."""

    name = "resolve"

    def __init__(self, min_score: float = MIN_SCORE) -> None:
        self.min_score = min_score

    def __call__(self, doc: Document) -> Document:
        best: dict[tuple, Entity] = {}
        rejected: list[tuple[Entity, str]] = []
        for e in doc.candidates:
            if e.score < self.min_score and _layer(e) == "named" and not e.extra.get("suppress"):
                rejected.append((e, f"score {e.score} below {self.min_score}"))
                continue
            key = (e.type, e.start, e.end, bool(e.extra.get("suppress")))
            if key not in best or e.score > best[key].score:
                best[key] = e
        accepted: list[Entity] = []
        # accepted spans of a layer are disjoint: kept sorted, an overlap is found by bisection
        taken: dict[str, _Spans] = {"named": _Spans(), "topic": _Spans()}
        for e in sorted(best.values(), key=_rank):
            spans = taken[_layer(e)]
            clash = spans.overlap(e.start, e.end)
            if clash:
                rejected.append((e, f"overlaps accepted span {clash}"))
                continue
            spans.add(e.start, e.end)
            if e.extra.get("suppress"):
                rejected.append((e, "blocker (reserves its span, never emitted)"))
                continue
            accepted.append(e)
        accepted.sort(key=lambda e: (e.start, e.end, e.type))
        doc.entities = accepted
        doc.rejected = rejected
        return doc


class Linker:
    """Stage ``link``: person coreference (short mentions get the full name as value)."""

    name = "link"
    #: rules whose one-word names are trusted enough to be spread over the document
    PROPAGATE = frozenset({"person.title", "person.speech", "person.known", "person.given", "person.nisba",
                           "person.family", "person.bracket", "person.coordination", "person.apposition"})

    def __init__(self) -> None:
        from ..resources import load_table

        def forms(rel: str) -> frozenset[str]:
            return frozenset(normalize(r["form"]) for r in load_table(rel, ("form",)))

        forms_of = forms

        parts = load_table("lexicons/person_particles.tsv", ("form", "kind"))
        self._particles = frozenset(normalize(r["form"]) for r in parts if r["kind"] == "bind")
        self._tails = frozenset(normalize(r["form"]) for r in parts if r["kind"] == "tail")
        self._blocked = (forms("lexicons/person_stopwords.tsv") | forms("lexicons/person_speech_verbs.tsv")
                         | frozenset(w for w in forms("lexicons/person_titles.tsv") if " " not in w))
        self._bind = frozenset(normalize(w) for w in ("عبد", "أبو", "أبي", "أبا", "أم", "ابن", "بن", "بنت", "آل", "آيت"))
        from .people import frequency_table

        self._freq = frequency_table()
        given = load_table("lexicons/person_given_names.tsv", ("form", "common"))
        self._given = frozenset(normalize(r["form"]) for r in given)
        self._given_common = frozenset(normalize(r["form"]) for r in given if r["common"] == "1")
        self._stop = forms_of("lexicons/person_stopwords.tsv")
        self._facility = forms_of("lexicons/person_facility_heads.tsv")
        self._titles = frozenset(w for w in forms("lexicons/person_titles.tsv") if " " not in w)
        self._speech = forms("lexicons/person_speech_verbs.tsv")
        self._surnames: set[str] = set()  # last words of the current document's full names
        self._strong: set[str] = set()  # last words of names a title or speech verb announced

    def short_forms(self, words: tuple[str, ...]) -> list[tuple[str, ...]]:
        """Prefix and suffix forms of a normalized full name that may refer to it alone."""
        out: list[tuple[str, ...]] = []
        n = len(words)
        k = 2 if words[0] in self._bind and n > 2 else 1
        if k < n:
            out.append(words[:k])
        for i in range(1, n):
            suffix = words[i:]
            if i == n - 1 or words[i] in self._particles:
                if words[i - 1] in self._bind:
                    continue  # never cut a particle from its word (عبد | الله)
                out.append(suffix)
        return [f for f in out if not (len(f) == 1 and (f[0] in self._blocked or f[0] in self._particles or len(f[0]) < 2))]

    def _plausible(self, key: str, whole: str, cut: int, prev: str) -> bool:
        """A lone word found by the linker: not a frequent common word, not a clitic reading of
        one; a name that is also a common word (حسن، سعيد) must not follow a definite word, where
        it reads as a predicate adjective (الوضع حسن)."""
        z = self._freq.get
        if cut and z(whole, 0.0) >= 3.5:
            return False  # لصالح, لحين: words in their own right
        if key.startswith("ال") and len(key) > 3:
            if key.endswith("ي") and (z(key + "ون", 0.0) >= 2.5 or z(key + "ين", 0.0) >= 2.5) \
                    and not (key in self._surnames and self._speech_before(prev)):
                # a demonym alone is an adjective (الشعب الأميركي), not المصري of a name; but
                # right after a speech verb (وقال المصري) it is the surname of this document's name
                return False
            if prev.startswith("ال") and prev not in self._blocked:
                return False  # a definite word after a definite noun qualifies it (وزير الصحة البريطاني)
        if z(key, 0.0) < 4.0 or (key in self._surnames and z(key, 0.0) < 5.0):
            return True  # rare, or the surname of a full name of this document (الأسد)
        if key not in self._given:
            return False
        if key in self._given_common and prev in self._stop and key not in self._strong:
            return False  # ما وعد به (unless a title or speech verb made it a name in this document)
        return not (prev.startswith("ال") and prev not in self._blocked)

    def _speech_before(self, prev: str) -> bool:
        """``prev`` is a speech verb, maybe with و/ف (وقال، فأضاف)."""
        return prev in self._speech or (prev[:1] in ("و", "ف") and prev[1:] in self._speech)

    def _name_like(self, norm: str) -> bool:
        if norm in self._given and norm not in self._stop:
            return True
        if norm in self._blocked or self._freq.get(norm, 0.0) > NAME_LIKE_MAX or norm[:1] == "و":
            return False
        z = self._freq.get
        if len(norm) >= 4 and norm.endswith(("ه", "ها", "هم")) and z(norm[:-1] if norm.endswith("ه") else norm[:-2], 0.0) >= 3.0:
            return False  # noun + pronoun (تصريحاته)
        for p in peels(norm)[1:]:
            k = p.key
            if z(k, 0.0) >= 3.0 or k in self._given or (len(k) >= 4 and k.endswith("ه") and z(k[:-1], 0.0) >= 3.0):
                return False  # a proclitic on a word or a name (بإيقافه، لزيدان): not the same name
        stem = norm[1:] if norm[:2] in ("سي", "ست", "سن") else norm
        if stem[:1] in ("ي", "ت") and ("ت" if stem[0] == "ي" else "ي") + stem[1:] in self._freq:
            return False  # a verb (سيزور، يقول), not a name word
        return True

    def _in_longer_name(self, toks, i: int, cut: int) -> bool:
        """The word sits in a run of name-like words (تيسير فهمي، فيلار مير): another person.
        A family name with the article ends a name, so only the word before it counts there."""
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        definite = toks[i].norm[cut:].startswith("ال")
        initial = nxt is not None and len(nxt.norm) == 1 and i + 2 < len(toks) and toks[i + 2].norm == "." \
            and not toks[i + 2].space_before
        if nxt is not None and nxt.kind == "word" and nxt.norm in self._tails:
            return True  # صلاح الدين، نصر الله: a compound name, not the short form صلاح
        if not definite and nxt is not None and nxt.kind == "word" and (self._name_like(nxt.norm) or initial):
            return True  # (also before an initial: هشام ل.)
        prv = toks[i - 1] if i > 0 and not cut else None
        return prv is not None and prv.kind == "word" and self._name_like(prv.norm)

    def __call__(self, doc: Document) -> Document:
        persons = [e for e in doc.entities if e.type == "person"]
        if not persons:
            return doc
        key_of = {}
        for e in persons:
            key_of[id(e)] = tuple(normalize(w) for w in (e.value or e.text).split())
        full = [e for e in persons if len(key_of[id(e)]) >= 2]
        # canonical: the longest full name that contains this one as prefix or suffix
        canon: dict[tuple[str, ...], str] = {}
        fulls = sorted({key_of[id(e)]: (e.value or e.text) for e in full}.items(), key=lambda kv: -len(kv[0]))
        for words, value in fulls:
            best = value
            for other, ov in fulls:
                if len(other) > len(words) and (other[:len(words)] == words or other[-len(words):] == words):
                    best = canon.get(other, ov)
                    break
            canon[words] = best
        forms: dict[tuple[str, ...], list[tuple[int, str]]] = {}
        self._surnames = {key_of[id(e)][-1] for e in full}
        self._strong = {key_of[id(e)][-1] for e in persons if e.rule in ("person.title", "person.speech")}
        for e in full:
            words = key_of[id(e)]
            value = canon[words]
            forms.setdefault(words, []).append((e.start, value))
            for f in self.short_forms(words):
                forms.setdefault(f, []).append((e.start, value))

        # one-word names found by an extractor are propagated too (الرئيس بوش ... وقال بوش)
        for e in persons:
            words = key_of[id(e)]
            if len(words) == 1 and words not in forms and e.rule in self.PROPAGATE and words[0] not in self._blocked \
                    and (words[0] in self._given or self._freq.get(words[0], 0.0) < 4.0):
                forms[words] = [(e.start, e.value or e.text)]
        if not forms:
            return doc

        def lookup(key: tuple[str, ...], pos: int) -> str | None:
            cands = forms.get(key)
            if not cands:
                return None
            values = {v for _, v in cands}
            if len(values) == 1:
                return next(iter(values))
            before = [c for c in cands if c[0] <= pos]
            return max(before)[1] if before else min(cands)[1]

        out: list[Entity] = []
        # key phrases (topic layer) may overlap names: they never block a person mention
        covered = _Spans()
        for e in doc.entities:
            if e.type != "topic":
                covered.add(e.start, e.end)
        for e in doc.entities:
            if e.type == "person":
                v = lookup(key_of[id(e)], e.start)
                if v and v != (e.value or e.text):
                    e = e.replace(value=v, extra={**e.extra, "linked_to": v})
            out.append(e)
        # unlabelled mentions of a known short form, longest form first
        maxlen = max(len(f) for f in forms)
        firsts = {f[0] for f in forms}
        toks = doc.tokens
        n = len(toks)
        i = 0
        while i < n:
            tok = toks[i]
            if tok.kind != "word":
                i += 1
                continue
            hit = None
            for p in peels(tok.norm):
                if p.key not in firsts:
                    continue
                if p.cut and p.clitic not in ("و", "ف", "ل", "ب"):
                    continue
                if p.key.startswith("ال") and p.cut and p.clitic in ("ل",) and not tok.norm.startswith("لل"):
                    continue
                for size in range(min(maxlen, n - i), 0, -1):
                    seq = (p.key,) + tuple(t.norm for t in toks[i + 1:i + size])
                    if len(seq) < size or any(t.kind != "word" for t in toks[i:i + size]):
                        continue
                    if seq in forms:
                        hit = (p, size, seq)
                        break
                if hit:
                    break
            if not hit:
                i += 1
                continue
            p, size, seq = hit
            prev = toks[i - 1].norm if i and toks[i - 1].kind == "word" else ""
            k = i - 1
            while k > 0 and toks[k].kind == "word" and toks[k].norm in self._titles:
                k -= 1  # جامعة القديس يوسف: look past titles
            back = toks[k].norm if k >= 0 and k < i and toks[k].kind == "word" else ""
            if back and any(q.key in self._facility for q in peels(back)):
                i += 1
                continue  # مطار محمد الخامس: a facility, not the person
            if size == 1 and (not self._plausible(p.key, tok.norm, p.cut, prev)
                              or self._in_longer_name(toks, i, p.cut)):
                i += 1
                continue
            s, _ = doc.view.to_original(tok.nstart + p.cut, tok.nend)
            end = toks[i + size - 1].end
            if covered.overlap(s, end):
                i += 1
                continue
            v = lookup(seq, s)
            if v:
                out.append(doc.make_entity("person", s, end, v, "coref.name_part", 0.7, evidence=v, linked_to=v))
                covered.add(s, end)
            i += size
        out.extend(self._latin_forms(doc, out, covered))
        out.sort(key=lambda e: (e.start, e.end, e.type))
        doc.entities = out
        return doc

    @staticmethod
    def _latin_forms(doc: Document, entities: list[Entity], covered: "_Spans") -> list[Entity]:
        """The Latin-script form of a name given in brackets right after it:
        ``ألبرت أينشتاين ( Albert Einstein )`` -> a second mention ``Albert Einstein``."""
        toks = doc.tokens
        by_end = {}
        for t in toks:
            by_end[t.end] = t.i
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
            found.append(doc.make_entity("person", s, end, value, "coref.latin", 0.7, evidence=value, linked_to=value))
            covered.add(s, end)
        return found
