"""Context rules: where a name begins, and why (the *candidates* step of the recognizer).

The rules are data: ``resources/people/rules.tsv`` lists every rule id with its mechanism, its
trigger (a lexicon class), the condition its first name word must meet (``subject``), whether the
context announces the name (``extent``: strong or weak) and its score. This module holds the
mechanisms that read them; a new trigger word is a row in a lexicon, a new rule of a known shape
(a trigger class before a name) is a row in ``rules.tsv`` plus a test sentence.

Mechanisms:

* ``chain``: a title hit opens a role chain (:mod:`.chain`).
* ``trigger``: a trigger word (a speech, action, naming or credit verb, a kin noun: ``أسرة``, or
  the pronoun that lists the people a noun counts: ``ابنتين هما``)
  right before a name whose first word meets the rule's ``subject`` condition
  (:data:`SUBJECTS`); the name is read by :mod:`.extent`.
* ``apposition``: a role chain, a comma, then two name words closed by punctuation.
* ``known``: the gazetteer of well-known people.
* ``given``: a given name or name particle starts a name by itself.
* ``nisba``: a nationality or nisba adjective right before a foreign or given name.
* ``bracket``: a name right before a bracketed number (goal minute, age).
* ``ranked``: an item of a results list or ranking (``3 - X ( الأرجنتين )``): a name after a rank
  number or the previous item, right before its country or club in brackets.
* ``svo``: a name-like subject right before a speech or action verb.
* ``byline``: a press byline (``كتب - X :``) or a name between two datelines.
* ``coordination`` (run by :mod:`.document`): ``و`` + a name after a found name.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...resources import ResourceError, load_table
from ...tokenize import peels
from .chain import OPEN, RoleChain, open_role
from .extent import NameExtent, Span
from .words import F_ACTION, F_GIVEN, F_NASAB, F_NISBA, F_RARE, F_RUN, F_SPEECH, F_VERB, T, Words, is_definite, is_nisba

DASHES = frozenset((":", "-", "–", "—"))  # (a lone tatweel is already "-" in the normalized view)
COMMAS = frozenset(("،", ","))
CONJ = ("", "و", "ف")  # the proclitics a trigger verb may carry
MECHANISMS = ("chain", "trigger", "apposition", "known", "given", "nasab", "nisba", "bracket", "ranked", "svo", "byline",
              "foreign", "coordination", "linker")


@dataclass(frozen=True, slots=True)
class Rule:
    """One row of ``resources/people/rules.tsv``."""

    id: str
    mechanism: str
    trigger: tuple[str, ...]
    subject: str
    strong: bool
    score: float
    description: str


def load_rules() -> tuple[Rule, ...]:
    """The rules in file order (which is the order they run in), validated."""
    rules = []
    for r in load_table("people/rules.tsv", ("mechanism", "trigger", "subject", "extent", "score", "description")):
        if r["mechanism"] not in MECHANISMS:
            raise ResourceError(f"people/rules.tsv: {r['id']}: unknown mechanism {r['mechanism']!r}")
        if r["mechanism"] == "trigger" and r["subject"] not in SUBJECTS:
            raise ResourceError(f"people/rules.tsv: {r['id']}: unknown subject condition {r['subject']!r}")
        if r["extent"] not in ("strong", "weak", "-"):
            raise ResourceError(f"people/rules.tsv: {r['id']}: extent must be strong, weak or -")
        trig = tuple(t for t in r["trigger"].split() if t != "-")
        rules.append(Rule(r["id"], r["mechanism"], trig, r["subject"], r["extent"] == "strong",
                          float(r["score"]), r["description"]))
    return tuple(rules)


# ---- subject conditions of the trigger rules: (words, page, j, trigger) -> (j, cut) or None ---
def _speech_subject(x: Words, page, j: int, trig) -> tuple[int, int] | None:
    """After a speech verb: a word that can start a name, a given name followed by a name word,
    a quote or إن (وقال شعبان إن), a rare definite family name (وقال البدري), but no feminine of
    a common noun (قالت الشريكة: الشريك; family names in ة have no masculine in use: الطراونة). A pronoun right
    after the verb is the addressee, the name follows it (قال له X)."""
    if not page.free_word(j):
        return None
    if x.function_name(page.toks[j].norm):
        if not page.free_word(j + 1):
            return None
        j += 1
    w = page.toks[j].norm
    nxt = page.toks[j + 1].norm if j + 1 < page.n else ""
    nxt2 = page.toks[j + 2].norm if j + 2 < page.n else ""
    # (a circumstantial accusative may stand between the subject and إن: وقال كريم مبتسما إن)
    said = bool(nxt) and (nxt in x.said or nxt in OPEN or (x.haal(nxt) and (nxt2 in x.said or nxt2 in OPEN))) \
        and w not in x.stop
    credit = trig.key in x.credit
    if trig.key in x.credit_noun and not (
            (w in x.given and (w not in x.stop or page.name_follows(j))) or w in x.known_words):
        return None  # بطولة ويمبلدون، تصوير فيلمي: the noun's own complement
    ok = x.can_start(w) or (w in x.given and (credit or said or page.name_follows(j) or page.surname_follows(j))) \
        or (is_definite(w) and not is_nisba(w) and x.z(w) <= 3.6 and not x.blocked(w) and not x.common_shape(w)
            and not (w.endswith("ه") and x.z(w[:-1]) >= 3.5)) \
        or (x.family_nisba(w) and x.z(w) <= 3.6 and not x.blocked(w))
    return (j, 0) if ok else None


def _action_subject(x: Words, page, j: int, trig) -> tuple[int, int] | None:
    """After an action verb the subject must look more like a name: an unambiguous given name, a
    word of a well-known name or an unknown word."""
    w = page.toks[j].norm
    if (x.plain_given(w) or x.unknown(w) or w in x.known_words) and x.can_start(w) and not is_nisba(w):
        return j, 0
    return None


def _naming_first(x: Words, page, j: int, trig) -> tuple[int, int] | None:
    """After a naming word (a quote may open the name): a given name, a particle, a word that can
    start a name or a transliteration; ب is cut after a definite naming word (الملقب بعلي X)."""
    if trig.key.startswith("ال") and j < page.n and page.toks[j].norm == "ب":
        j += 1  # الملقب بـ X (ب written apart, with a tatweel)
    if j < page.n and page.toks[j].norm in OPEN:
        j += 1
    if j >= page.n or page.toks[j].kind != "word" or page.cover[j] is not None:
        return None
    w, cut = page.toks[j].norm, 0
    if w[:1] == "ب" and trig.key.startswith("ال") and len(w) > 3 and (
            w[1:] in x.given or w[1:] in x.particles or x.can_start(w[1:]) or _laqab(x, w[1:])):
        w, cut = w[1:], 1
    if _laqab(x, w) and (cut or page.toks[j - 1].norm in OPEN or page.toks[j - 1].norm == "ب"):
        return j, cut  # a laqab after "known as" (الملقب بالمنصور، المعروف بـ"الفاروق")
    if (x.blocked(w) and w not in x.given) or is_definite(w) or not (
            (w in x.given and not x.function_name(w)) or w in x.particles or x.can_start(w) or x.foreign_word(w)):
        return None
    return j, cut


def _listed_first(x: Words, page, j: int, trig) -> tuple[int, int] | None:
    """After هما/هم/هن (written alone, not وهم) that follows a noun: a given name or a word of a
    well-known name begins the list of the people the noun counts (ترك ابنتين هما نور وأمل، وله
    ثلاثة أبناء هم: سالم وخالد وفهد). The pronoun after a verb or a particle is a subject (إنهم هم
    من ...), and a definite word after it a predicate (هم الأفضل)."""
    toks = page.toks
    k = trig.first
    if toks[k].norm != trig.key or k == 0 or toks[k - 1].kind != "word":
        return None
    prev = toks[k - 1].norm
    if x.blocked(prev) or x.verb_like(prev) or page.flags[k - 1] & (F_SPEECH | F_ACTION):
        return None
    if j < page.n and toks[j].norm == ":":
        j += 1
    w = page.word(j)
    if not w or page.cover[j] is not None or is_definite(w) or x.function_name(w):
        return None
    nxt = page.word(j + 1)
    if w in x.given_common and nxt and is_definite(nxt):
        return None  # a common noun heading a genitive (هم أمل المستقبل)
    return (j, 0) if (w in x.given and w not in x.stop) or w in x.known_words else None


def _laqab(x: Words, w: str) -> bool:
    """A definite word that can be a laqab (المنصور، الفاروق): not a demonym, a title, a role
    adjective or a very frequent word."""
    return is_definite(w) and not x.demonym(w) and w not in x.title_words and w not in x.role_adj \
        and w not in x.stop and x.z(w) <= T.START_MAX


def _kin_word(x: Words, page, j: int, trig) -> tuple[int, int] | None:
    """After a family, clan or dynasty noun: a rare word, or a transliteration that is no
    feminine adjective (أسرة يانغ، not أسرة فقيرة) and no perfect verb agreeing with the
    feminine noun (أسرة نزحت: a known stem + ت)."""
    w = page.word(j)
    if w and w.endswith("ت") and len(w) >= 4 and w not in x.given and w not in x.known_words \
            and x.z(w[:-1]) >= 3.0:
        return None
    if w and page.cover[j] is None and ((x.can_start(w) and x.z(w) <= 3.5) or (
            (x.can_start(w) or x.foreign_word(w)) and x.z(w) <= T.KIN_MAX and not w.endswith("ه"))):
        return j, 0
    return None


SUBJECTS = {"speech_subject": _speech_subject, "action_subject": _action_subject, "listed_first": _listed_first,
            "naming_first": _naming_first, "kin_word": _kin_word}


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger occurrence: its first and last token and its normalized key."""

    first: int
    last: int
    key: str


class ContextRules:
    """Runs the rules of ``rules.tsv`` (but coordination, see :mod:`.document`) over a page."""

    def __init__(self, words: Words, extent: NameExtent, rules: tuple[Rule, ...]) -> None:
        self.w = words
        self.extent = extent
        self.chain = RoleChain(words, extent)
        self.rules = rules
        self.by_id = {r.id: r for r in rules}
        kinds = {"speech": words.speech, "credit": words.credit, "action": words.action,
                 "naming": words.naming, "byline": words.byline, "listing": words.listing}
        self._verbs = {r.id: frozenset().union(*(kinds[k] for k in r.trigger if k in kinds)) for r in rules}
        self._runs = {"chain": self._chain, "trigger": self._trigger, "apposition": self._apposition,
                      "known": self._known, "given": self._given, "nisba": self._nisba,
                      "bracket": self._bracket, "ranked": self._ranked, "svo": self._svo, "byline": self._byline,
                      "foreign": self._foreign, "nasab": self._nasab}

    def __call__(self, page) -> None:
        self._titles(page)
        page.verb_kind = self._verb_kinds(page)
        for rule in self.rules:
            run = self._runs.get(rule.mechanism)
            if run is not None:
                run(page, rule)

    # ---- shared scans ------------------------------------------------------------------------
    def _titles(self, page) -> None:
        """Title hits by first token (the longest at each start)."""
        for h in self.w.titles.find(page.doc):
            cur = page.title_at.get(h.tok_first)
            if cur is None or cur[0] < h.tok_last:
                page.title_at[h.tok_first] = (h.tok_last, h.payloads[0], h.key)

    def _verb_kinds(self, page) -> list[str | None]:
        """Token -> ``speech`` or ``action`` when it is such a verb (with و/ف): those tokens start
        no name themselves (an action verb only when a word follows it)."""
        out: list[str | None] = [None] * page.n
        flags = page.flags
        for i in page.where(F_SPEECH | F_ACTION):
            if page.cover[i] in ("organization", "date"):
                continue
            if flags[i] & F_SPEECH:
                out[i] = "speech"
            elif page.free_word(i + 1):
                out[i] = "action"
        return out

    def _triggers(self, page, rule: Rule):
        """The occurrences of a trigger rule's trigger: title hits of its kinds, or verbs."""
        if rule.trigger and all(k in ("kin",) for k in rule.trigger):
            for i, (last, kind, key) in sorted(page.title_at.items()):
                if kind in rule.trigger:
                    yield Trigger(i, last, key)
            return
        verbs = self._verbs[rule.id]
        conj_keys = self.w.conj_keys
        toks = page.toks
        for i in page.where(F_VERB):
            if page.cover[i] in ("organization", "date"):
                continue
            for key in conj_keys(toks[i].norm):
                if key in verbs:
                    yield Trigger(i, i, key)
                    break

    # ---- mechanisms ------------------------------------------------------------------------------
    def _chain(self, page, rule: Rule) -> None:
        for i, (last, kind, key) in sorted(page.title_at.items()):
            if kind in rule.trigger:
                page.emit(self.chain.walk(page, last + 1, open_role(kind, key)), rule, page.surface(i, last), i)

    def _trigger(self, page, rule: Rule) -> None:
        subject = SUBJECTS[rule.subject]
        for trig in self._triggers(page, rule):
            j = trig.last + 1
            if j >= page.n:
                continue
            if rule.subject in ("speech_subject", "action_subject") and not page.free_word(j):
                continue
            if rule.subject == "action_subject" and page.verb_kind[trig.first] == "speech":
                continue  # a speech verb reads its own subject
            at = subject(self.w, page, j, trig)
            if at is not None:
                page.emit(self.extent.read(page, at[0], at[1], rule.strong, rule.subject == "action_subject"), rule,
                          page.surface(trig.first, trig.last), trig.first)

    def _apposition(self, page, rule: Rule) -> None:
        """السناتور الجمهوري ، جون سميث ،: the comma closes the role chain itself."""
        x, toks, n = self.w, page.toks, page.n
        last_title = -1
        title_starts = {i for i, v in page.title_at.items() if v[1] in rule.trigger}
        for t in toks:
            k = t.i
            if k in title_starts:
                last_title = k
            if t.norm not in COMMAS or k + 3 >= n or last_title < 0 or k - last_title > T.APPOS_MAX \
                    or last_title == k:
                continue
            a, b = toks[k + 1], toks[k + 2]
            if a.kind != "word" or b.kind != "word" or toks[k + 3].kind != "punct" \
                    or toks[k + 3].norm not in ("،", ",", ".", ":", ";") or page.cover[k + 1] or page.cover[k + 2]:
                continue
            if any(toks[y].kind != "word" for y in range(last_title, k)):
                continue
            w1, w2 = a.norm, b.norm
            if ((x.plain_given(w1) and w1 not in x.stop) or x.foreign_word(w1)) \
                    and ((w2 in x.given and w2 not in x.stop) or x.foreign_word(w2) or w2 in x.known_words):
                page.emit(Span(k + 1, k + 2, 0), rule, page.surface(k), k)

    def _known(self, page, rule: Rule) -> None:
        """A well-known name; not where a place covers it whole (جورجيا), and only after the
        clitics that attach to names."""
        x, toks, cover = self.w, page.toks, page.cover
        for h in x.known.find(page.doc):
            a, b = h.tok_first, h.tok_last
            if any(cover[k] not in (None, "place") for k in range(a, b + 1)):
                continue
            if any(cover[k] == "place" for k in range(a, b + 1)) and any(
                    ps <= h.start and h.end <= pe for ps, pe in page.places_at.get(a, ())):
                continue  # (a shorter place reading inside the name, و + ب + لير in وبلير, does not stop it)
            if h.clitic and (x.z(toks[a].norm) >= 3.5 or h.clitic not in ("و", "ف", "ب", "ل", "وب", "ول", "فل", "فب")):
                continue
            if is_definite(h.key) and " " not in h.key and h.key not in x.known_names and x.demonym(h.key):
                continue  # a listed surname alone that is a demonym (العثماني)
            if not h.clitic and a > 0 and " " not in h.key and toks[a - 1].norm in x.particles \
                    and toks[a].space_before and " ".join((toks[a - 1].norm, h.key)) not in x.known_names:
                continue  # a surname bound to the particle before it is another name (كوثر بن هنية، not هنية);
                # a full name is still the person (ولد الحبيب بورقيبة: ولد is the verb "was born")
            page.emit(Span(a, b, h.nstart - toks[a].nstart), rule, page.doc.text[h.start:h.end], a)

    def _given(self, page, rule: Rule) -> None:
        """A given name or an Arabic particle, with the clitics a name takes (لمحمد، وأبو)."""
        x, toks = self.w, page.toks
        for i in page.where(F_GIVEN):
            t = toks[i]
            if page.cover[i] in ("organization", "date") or page.verb_kind[i]:
                continue
            zt = x.z(t.norm)
            for p in peels(t.norm):
                if p.clitic not in ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"):
                    continue
                if p.cut and zt >= 3.5 and zt >= x.z(p.key) - 0.5:
                    break  # لصالح is a word, not ل + صالح
                if p.key in x.given or p.key in x.arabic_particles:
                    if self._given_start(page, t, p):
                        nm = self.extent.read(page, t.i, p.cut, rule.strong)
                        if nm and not (p.clitic.endswith("ك") and nm.last == t.i):
                            # (ك + one word is a comparison, كسارا, not a name: only a full name takes it)
                            page.emit(nm, rule, page.surface(t.i), t.i)
                    break

    def _given_start(self, page, t, p) -> bool:
        """A pronoun or particle that is also a short foreign name (هو محمد، لي أحمد), علي that may
        be على, a name that is also و + a function word (واين), or a feminine name written with
        the pronoun ه instead of ة over a frequent noun (ناديه: his club) needs a clear name after it."""
        x = self.w
        if x.function_name(p.key):
            return False
        if p.key in x.stop and (t.i in page.ala or not page.strong_next(t.i)):
            return False
        if page.pronoun_suffix(t, p.key) and p.key[:-1] not in x.given and is_definite(page.word(t.i + 1)) \
                and not page.strong_next(t.i):
            return False  # a noun + the pronoun ه before its adjective (ناديه الإنجليزي: his English club),
            # not the name نادية, which ends in ة
        return not (not p.cut and p.key[0] == "و" and p.key[1:] in x.stop and not page.strong_next(t.i))

    def _nisba(self, page, rule: Rule) -> None:
        """A nationality adjective before a name: ``الفرنسي X``, ``الفرنسية X Y`` (two words), and
        ``الأميركي المخضرم X Y`` (one adjective between)."""
        x, toks = self.w, page.toks
        for i in page.where(F_NISBA):
            t = toks[i]
            if page.cover[i] in ("organization", "date") or page.verb_kind[i] \
                    or not page.free_word(i + 1) or t.norm in x.stop:
                continue
            tn = t.norm[1:] if t.norm.startswith("وال") else t.norm
            if tn.startswith("لل") and "ال" + tn[2:] in x.nationality:
                tn = "ال" + tn[2:]  # للكيني X: ل + a nationality adjective
            w = toks[t.i + 1].norm
            if tn in x.stop or not is_definite(tn):
                continue
            feminine = tn.endswith("يه") and x.demonym(tn[:-1])
            if w in x.stop:
                if (feminine or (tn.endswith("ي") and x.demonym(tn))) and page.syllable_run(t.i + 1):
                    page.emit(self.extent.read(page, t.i + 1, 0, True), rule, page.surface(t.i), t.i)
                continue  # (الصيني ما جيان: a syllable run after the demonym, its first syllable a stop word's homograph)
            if tn.endswith(("ي", "يه")) and page.found.covers(t.i):
                continue  # the nisba ends a name already read (فيصل سالم العمري شارحا): a family name
            if feminine:
                self._nisba_feminine(page, rule, t, w)
            if tn.endswith("ي") and len(tn) >= 5 and (x.z(tn) >= 3.0 or tn in x.nationality):
                # (a nisba is the article + a noun of two letters or more + ي: الحي، الرأي are nouns)
                self._nisba_masculine(page, rule, t, tn, w)

    def _nisba_feminine(self, page, rule: Rule, t, w: str) -> None:
        """A feminine demonym + two name words: البولندية ماريا كوفالسكا."""
        x, j = self.w, t.i + 1
        w2 = page.word(j + 1)
        if (w in x.given or x.foreign_word(w) or (x.foreign_like(w) and x.foreign_word(w2))) \
                and w2 and (w2 in x.given or x.foreign_word(w2) or (x.foreign_like(w2) and x.foreign_word(w))) \
                and page.toks[j + 1].space_before and page.cover[j + 1] is None:
            nm = self.extent.read(page, j, 0, True)
            if nm and nm.last > nm.first:
                page.emit(nm, rule, page.surface(t.i), t.i)

    def _nisba_masculine(self, page, rule: Rule, t, tn: str, w: str) -> None:
        """A nisba + an unknown or given name (الفرنسي X), or two transliterated words (the second
        fairly common); with one adjective between: الأميركي المخضرم أندري أغاسي."""
        x, toks, j = self.w, page.toks, t.i + 1
        w2 = page.word(j + 1)
        pair = x.z(w) <= 4.0 and w2 and (w2 in x.given or x.unknown(w2) or (
            x.z(w2) <= T.PAIR_MAX and x.foreign_word(w) and x.foreign_like(w2))) \
            and x.can_start(w2) and x.demonym(tn) and page.cover[j + 1] is None
        if ((w in x.given or x.unknown(w)) and x.can_start(w)) or (pair and x.foreign_word(w)):
            nm = self.extent.read(page, j, 0, True)
            prev = toks[t.i - 1] if t.i > 0 and t.norm == tn else None
            if nm and w not in x.given and not x.looks_foreign(w) and prev is not None \
                    and prev.kind == "word" and is_definite(prev.norm) and prev.norm not in x.title_words:
                return  # الجيش الإسرائيلي أنذر: the adjective qualifies a noun, a predicate follows
            page.emit(nm, rule, page.surface(t.i), t.i)
        elif is_definite(w) and w not in x.given and not is_nisba(w) and x.z(w) >= 3.0 \
                and x.demonym(tn) and w2 and page.word(j + 2) \
                and page.cover[j + 1] is None and page.cover[j + 2] is None:
            w3 = page.word(j + 2)
            if (w2 in x.given or x.foreign_word(w2)) and (w3 in x.given or x.foreign_word(w3)) \
                    and w2 not in x.stop and w3 not in x.stop:
                nm = self.extent.read(page, j + 1, 0, True)
                if nm and nm.last > nm.first:
                    page.emit(nm, rule, page.surface(t.i), t.i)

    def _bracket(self, page, rule: Rule) -> None:
        """A name right before ``( N )`` or ``( N عاما )`` (مروان الشماخ ( 53 ))."""
        x, toks, n = self.w, page.toks, page.n
        for t in toks:
            if t.norm != "(" or t.i < 1 or t.i + 2 >= n or toks[t.i + 1].kind != "number":
                continue
            k = t.i + 2
            if toks[k].kind == "word" and k + 1 < n:
                k += 1  # ( 45 عاما )
            b = t.i - 1
            if toks[k].norm != ")" or toks[b].kind != "word" or page.found.covers(b):
                continue
            a = self._run_start(page, b, 3, False)
            first = toks[a].norm
            cut = self._conj_cut(first)
            f = first[cut:]
            if not x.bracket_word(f) or not any(
                    x.bracket_word(toks[y].norm) and (toks[y].norm in x.given or x.foreign_word(toks[y].norm))
                    for y in range(a + (1 if cut else 0), b + 1)) and not (f in x.given or x.foreign_word(f)):
                continue
            if any(page.cover[y] is not None for y in range(a, b + 1)):
                continue
            nm = self.extent.read(page, a, cut, rule.strong)
            if nm and nm.last == b and (nm.last > nm.first or f in x.given or x.z(f) <= 2.5):
                page.emit(nm, rule, page.surface(t.i, k), a)

    def _ranked(self, page, rule: Rule) -> None:
        """An item of a results list or ranking: a name after a rank (``3 - X``، ``3 . X``، ``3) X``)
        or after the previous item (``… ( كرواتيا ) ، X``، ``… ) وX``), right before its country or
        club in brackets (``X ( الأرجنتين )``); a name alone before a bracketed place is not enough
        (a town is glossed the same way: سالونيك ( اليونان ))."""
        toks, n = page.toks, page.n
        for t in toks:
            if t.norm != "(" or t.i < 2 or t.i + 2 >= n:
                continue
            cs = page.cand_start.get(t.i + 1)
            if cs is None or cs[0] not in ("place", "organization") or cs[1] + 1 >= n or toks[cs[1] + 1].norm != ")":
                continue
            b = t.i - 1
            if toks[b].kind != "word" or page.found.covers(b) or page.cover[b] is not None:
                continue
            a = self._run_start(page, b)
            cut = self._conj_cut(toks[a].norm)
            if not self._after_rank(page, a, cut):
                continue
            words = [toks[y].norm for y in range(a, b + 1)]
            words[0] = words[0][cut:]
            if len(words) < 2 and not (words[0] in self.w.given or words[0] in self.w.known_words):
                continue  # one unknown word before a bracketed country is as often a town (بيرغن ( النرويج ))
            nm = self.extent.read(page, a, cut, rule.strong)
            if nm and nm.last == b:
                page.emit(nm, rule, page.surface(t.i, cs[1] + 1), a)

    def _conj_cut(self, first: str) -> int:
        """1 when the first word of a list item carries the conjunction و (وكوفاتش), else 0."""
        return 1 if first.startswith("و") and first not in self.w.given and len(first) > 3 else 0

    def _run_start(self, page, b: int, most: int = 2, free: bool = True) -> int:
        """The first of the name words (:meth:`Words.bracket_word`) that end at token ``b``: at
        most ``most`` more words before it, none inside another extractor's entity if ``free``."""
        x, toks = self.w, page.toks
        a = b
        while a > 0 and b - a < most and toks[a - 1].kind == "word" and x.bracket_word(toks[a - 1].norm) \
                and toks[a].space_before and not toks[a].norm.startswith("و") \
                and not (free and page.cover[a - 1] is not None):
            a -= 1
        return a

    @staticmethod
    def _after_rank(page, a: int, cut: int) -> bool:
        """Token ``a`` opens a list item: after a rank number (with - . ) : between), after the
        closing bracket of the previous item (with و on the word or a comma between)."""
        toks = page.toks
        p = a - 1
        if cut:
            return p >= 0 and toks[p].norm == ")"
        if p >= 0 and toks[p].norm in ("-", ".", ")", ":", "،", ","):
            q = p - 1
            return q >= 0 and (toks[q].kind == "number" or (toks[p].norm in ("،", ",") and toks[q].norm == ")"))
        return p >= 0 and toks[p].kind == "number"

    def _svo(self, page, rule: Rule) -> None:
        """فرويد يقول، ماكرون قال: a name-like word (or two) right before a speech verb at the start
        of a clause, or before an action verb when the words are rare (أغاسي حقق)."""
        x, toks = self.w, page.toks
        for i in page.where(F_SPEECH | F_ACTION):
            t = toks[i]
            if i == 0 or (t.norm not in x.speech and t.norm not in x.action) or t.norm in x.credit:
                continue
            b = t.i - 1
            a = b
            while a >= 0 and b - a < 2 and toks[a].kind == "word" and page.cover[a] is None and x.svo_word(toks[a].norm):
                a -= 1
            a += 1
            if a > b or page.found.overlaps(a, b):
                continue
            if t.norm not in x.speech and not all(x.z(toks[y].norm) <= 2.5 or toks[y].norm in x.given for y in range(a, b + 1)):
                continue
            before = toks[a - 1] if a > 0 else None
            if before is None or before.kind == "punct" or before.norm in x.stop or before.sent != toks[a].sent:
                page.emit(Span(a, b, 0), rule, page.surface(t.i), a)

    def _byline(self, page, rule: Rule) -> None:
        """كتب - X :، إعداد : X at the start of a sentence; ``<city> : X Y <city> :`` (a
        correspondent's name between two datelines; a single word there is a news agency)."""
        x, toks, n = self.w, page.toks, page.n
        starts = sorted(set(page.where(F_VERB)) | {i for i, c in page.cand_start.items() if c[0] == "place"})
        for i in starts:
            t = toks[i]
            by = t.norm in x.byline
            cs = page.cand_start.get(t.i)
            if t.kind != "word" or t.i + 2 >= n or not (
                    by or (cs is not None and cs[0] == "place" and page.cover[t.i] == "place")):
                continue
            if not (t.i == 0 or toks[t.i - 1].kind == "punct" or toks[t.i - 1].sent != t.sent):
                continue
            k = (t.i if by else cs[1]) + 1
            if k + 1 >= n or toks[k].norm not in DASHES or toks[k + 1].kind != "word" or page.cover[k + 1] is not None:
                continue
            w = toks[k + 1].norm
            if not (w in x.given or w in x.particles or (x.can_start(w) and x.z(w) <= 3.5)):
                continue
            nm = self.extent.read(page, k + 1, 0, True)
            if nm is None or page.found.overlaps(nm.first, nm.last):
                continue
            e = nm.last + 1
            ce = page.cand_start.get(e)
            closed = e >= n or (toks[e].kind == "punct" and toks[e].norm in DASHES | COMMAS) or (
                ce is not None and ce[0] == "place" and ce[1] + 1 < n and toks[ce[1] + 1].norm in DASHES)
            if (by and (nm.last > nm.first or closed)) or (closed and nm.last > nm.first):
                page.emit(nm, rule, page.surface(t.i), t.i)

    def _foreign(self, page, rule: Rule) -> None:
        """Two or more name words with no context, one of them spelled like a transliteration
        (جافريلو برينسيب، كيانو ريفز): read by the name extent, kept when two words long or more."""
        x, toks, flags = self.w, page.toks, page.flags
        found = page.found
        after = -1
        def run(k: int) -> bool:  # a word of a run: a given name, a known word, a transliteration
            return bool(flags[k] & F_RUN) or bool(flags[k] & F_RARE) and x.looks_foreign(toks[k].norm)

        for i in page.where(F_RUN | F_RARE):
            if i <= after or i + 1 >= page.n or not flags[i + 1] & (F_RUN | F_RARE) or not (run(i) and run(i + 1)):
                continue
            a, b = toks[i].norm, toks[i + 1].norm
            if page.cover[i] is None and not found.covers(i) and page.free_word(i + 1) \
                    and not found.covers(i + 1) and (x.looks_foreign(a) or x.looks_foreign(b)):
                nm = self.extent.read(page, i, 0, rule.strong)
                if nm and nm.last > nm.first and not found.overlaps(nm.first, nm.last):
                    page.emit(nm, rule, page.surface(nm.first, nm.last), i)
                    after = nm.last

    def _nasab(self, page, rule: Rule) -> None:
        """A nasab chain: بن/ابن/بنت + a name word (ابن خلدون، ابن أبي وقاص); when a word that can
        be an ism stands right before the particle, the name starts there (سهل بن حنيف)."""
        x, toks = self.w, page.toks
        for i in page.where(F_NASAB):
            t = toks[i]
            if page.cover[i] in ("organization", "date") or page.found.covers(i):
                continue
            p = next((p for p in peels(t.norm) if p.key in x.filiation and p.key in x.arabic_filiation
                      and p.clitic in ("", "و", "ف", "ب", "ل", "ك", "وب", "ول")), None)
            if p is None:
                continue
            start, cut = t.i, p.cut
            prev = page.word(t.i - 1)
            ism = not p.cut and prev and page.free_word(t.i - 1) and self._ism(prev, p.key)
            if not self._nasab_word(page.word(t.i + 1), p.key if ism else ""):
                continue
            if not p.cut and prev and page.free_word(t.i - 1) and not page.found.covers(t.i - 1):
                if self._ism(prev, p.key):
                    start, cut = t.i - 1, 0  # the ism before the particle (سهل بن حنيف، الوليد بن X)
                elif not (x.blocked(prev) or x.verb_like(prev) or x.derived_perfect(prev) or prev in x.facility
                          or x.z(prev) > T.CONT_MAX):
                    continue  # a word that may be the ism or not: where the name starts is unclear
            nm = self.extent.read(page, start, cut, rule.strong)
            if nm and nm.last > t.i:  # (a shorter name found inside it loses to it: document.longest)
                page.emit(nm, rule, page.surface(t.i), start)

    def _ism(self, w: str, particle: str) -> bool:
        """A word that can be the ism right before a nasab particle: a given name, a rare word
        that can start a name, and before بن (never the noun "son", which is written ابن) any
        word but a verb (سهل بن حنيف) and a definite given name or rarer word (الوليد بن X)."""
        x = self.w
        if w in x.stop or x.blocked(w) or w[:1] == "و" or x.verb_like(w) or w in x.facility:
            return False
        if w in x.given or (x.z(w) <= 3.5 and x.can_start(w)):
            return True
        if particle != "بن":
            return False
        if is_definite(w):
            return not x.demonym(w) and (w[2:] in x.given or x.z(w) <= T.CONT_DEF_MAX) and w not in x.role_adj
        return not x.strong_verb(w) and w not in x.action  # (سهل بن حنيف: a common word as ism)

    def _nasab_word(self, w: str, after_ism: str = "") -> bool:
        """The word after بن/ابن in a nasab: a given name, a kunya particle, or a rare word that
        can start a name (not a common noun: ابن عمه، ابن الرئيس); after an ism and بن, any word
        but a function word, a verb, a title or a noun with a pronoun (طارق بن نصير)."""
        x = self.w
        if not w or x.suffixed(w):
            return False
        if after_ism == "بن" and w not in x.stop and w not in x.speech and not x.strong_verb(w) \
                and w not in x.title_words:
            return True
        return (w in x.given and w not in x.stop) or w in x.arabic_particles or x.looks_foreign(w) \
            or (x.z(w) <= T.CONT_MAX and not x.noun_like(w) and (x.can_start(w) or x.family_nisba(w)))

