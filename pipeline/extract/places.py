"""Places: library gazetteers, context rules for ambiguous names, triggers, document propagation.

Rule families (``rule`` of the emitted candidates):

* ``place.gazetteer``: a name of the place table (:mod:`.gazetteers`). Its trust level says
  how much context it needs: ``A`` none; ``B`` a *weak* context (a preposition before it or
  attached as ب/ل, a motion/government word before it, coordination with a place just
  before); ``C`` a *strong* context (trigger noun, direction word, dateline).
* ``place.trigger``: trigger noun + a name no gazetteer knows (``بلدة عين الصفصاف``, ``بمقاطعة X``).
* ``place.located_in``: an unknown name followed by ``ب`` + trigger (``في X بمقاطعة Y``: X
  lies in province Y, so X is a place).
* ``place.event``: event head + an unknown foreign-looking word (``قمة X``, ``منتدى X``).
* ``place.direction``: direction word + an unknown rare name (``شمال X``).
* ``place.located``: an unknown name before ``الواقعة/التابعة/المجاورة …`` (``X الواقعة جنوب …``).
* ``place.coordination``: a rare unknown word (or a table name) joined by و or a comma to a
  place and ending a list item (``صفد وحيفا ونهاريا``، ``بلدتي X وY``).
* ``place.dateline``: the dateline's place (``doc.meta["dateline"]`` or the first word(s)
  of the text followed by a number).
* ``place.propagated``: a name accepted once in the document is a place at every other
  occurrence (one sense per discourse).

Unknown names are runs of rare words (normalized wordfreq Zipf below a threshold) that are not
inflected frequent words (ستنفجر، وحدائقها، العطلات، عثمانية), not adjectives after the first
word, and start with a compound-name prefix when there is one (عين البيضاء، كفر قاسم).

Exclusions: nisba adjectives and demonyms derived from the table (الصيني، المصرية، سوداني)
never start an unknown name; a table name that is also a nisba form (السعودية) right after a
definite noun is an adjective (العاصمة السعودية) and is skipped; a table name read with the
article taken as a clitic (العين as ال + عين) is skipped. Places inside organization names are
settled by the resolver (organization chains block what they contain).
"""

from __future__ import annotations

import re

import pyarabic.araby as araby

from ..cache import cached_table
from ..document import Document
from ..normalize import normalize
from ..resources import load_table, words
from .gazetteers import load_all, nisba_forms, norm_zipf as zipf, place_table
from .lexicon import Gazetteer
from .spans import Spans

TRIGGERS = "lexicons/place_triggers.tsv"
DIRECTIONS = "lexicons/place_directions.tsv"
CONTEXT = "lexicons/place_context.tsv"
EVENTS = "lexicons/place_event_heads.tsv"
PREFIXES = "lexicons/place_name_prefixes.tsv"

NAME_MAX_ZIPF = 3.5      # an unknown name after a trigger must be rarer than this
FOREIGN_MAX_ZIPF = 2.5   # an unknown word after an event head / direction must be rarer
DEFINITE_FEATURE_MAX_ZIPF = 5.0  # a definite noun after وادي/جبل/نهر … names the feature
NEXT_MAX_ZIPF = 2.5      # later words of an unknown name must be rarer still
COORD_MAX_ZIPF = 3.0     # an unknown word coordinated with a place must be rarer
PREP_CLITICS = ("ب", "ل")
VERB_PREFIXES = frozenset(("ست", "سي", "سن", "سا"))
_WORD = r"(?:[^\W\d_]|[\u064b-\u0652\u0670])+"  # (tatweel is a word character: no second branch for it)
_DASH_DATELINE = re.compile(rf"[ \t]*({_WORD}(?:[ ]{_WORD}){{0,2}})[ ]?(?:\([^()\n]{{1,40}}\)[ ]?)?(?:-{{1,2}}[ ]|[–—][ ]|/)")


_MARKS = re.compile("[" + "".join(sorted(set(araby.TASHKEEL) | {araby.TATWEEL, "\u0670"})) + "]")


def surface_value(text: str, fused: bool = False) -> str:
    """Canonical value of a place span: diacritics and tatweel removed, ال restored after لل."""
    v = _MARKS.sub("", text).strip()
    if fused and v.startswith("ل"):
        v = "ال" + v[1:]
    return v


def _lexicons() -> dict:
    """The stage's lexicons and gazetteers (attributes of :class:`PlaceExtractor`)."""
    table = place_table()
    out: dict = {"gaz": Gazetteer((k, v["trust"]) for k, v in table.items())}
    trig_rows = load_table(TRIGGERS, ("form", "kind", "opens"))
    out["triggers"] = Gazetteer((r["form"], r["opens"]) for r in trig_rows)
    # natural features keep their head (نهر X، جبل X): the span starts at the trigger
    out["natural"] = frozenset(normalize(r["form"]) for r in trig_rows if r["kind"] == "natural")
    out["directions"] = directions = words(DIRECTIONS)
    ctx = load_table(CONTEXT, ("form", "kind"))
    out["context"] = context = frozenset(normalize(r["form"]) for r in ctx if r["kind"] != "located")
    out["located"] = located = frozenset(normalize(r["form"]) for r in ctx if r["kind"] == "located")
    out["events"] = events = words(EVENTS)
    out["prefixes"] = words(PREFIXES)
    out["trigger_words"] = trigger_words = frozenset(out["triggers"].keys)
    out["stop"] = context | located | directions | events | trigger_words
    # every written form, with the clitics they take, for one set lookup per token
    out["dir_forms"] = frozenset(directions | {c + d for d in directions for c in "وف"})
    event_forms = {e: e for e in events}
    for e in events:
        if len(e) >= 3:
            for pre in ("و", "ف", "ب", "ل", "وب", "ول", "فب"):
                event_forms.setdefault(pre + e, e)
    out["event_forms"] = event_forms
    return out


class PlaceExtractor:
    """Stage ``places``."""

    name = "places"

    def __init__(self) -> None:
        load_all()
        self.table = place_table()
        self.nisba = nisba_forms()
        # the lexicons and automata built from the data files, cached on disk (pipeline.cache)
        self.__dict__.update(cached_table("places-stage", _lexicons))

    # --- helpers ---------------------------------------------------------------------
    @staticmethod
    def _bare(norm: str) -> str:
        """A context word without a leading و/ف (وفي -> في)."""
        if len(norm) > 2 and norm[0] in "وف":
            return norm[1:]
        return norm

    @staticmethod
    def _inflected(n: str, depth: int = 0) -> bool:
        """A frequent word with an affix (ستنفجر، انفجارها، ومطلعها، الاصوليين، لحكومته), not a name."""
        if not depth:
            if len(n) > 4 and (n[:1] in "وف" and zipf(n[1:]) >= 3.0 or n[:1] in "بل" and zipf(n[1:]) >= 4.0):
                return True
            if n.startswith("لل") and len(n) > 4 and zipf("ال" + n[2:]) >= 2.5:
                return True  # ل + ال + a known word (للتهدئة)
            if len(n) > 4 and n[:1] in "وفبل" and PlaceExtractor._inflected(n[1:], 1):
                return True  # a clitic + a suffixed word (لحكومته)
        for suf in ("ها", "هم", "هما", "كم", "نا", "وا", "ون", "ين", "ات", "تم", "تا", "ه", "ت"):
            if n.endswith(suf) and len(n) - len(suf) >= 3:
                stem = n[: -len(suf)]
                if zipf(stem) >= 3.5:
                    return True
                if stem.endswith("ت") and suf in ("ه", "ها", "هم", "هما", "كم", "نا") and zipf(stem[:-1] + "ه") >= 3.5:
                    return True  # ة before a pronoun is written ت (حكومته)
        if depth:
            return False
        for pre in ("ي", "ت", "ن", "ست", "سي", "سن", "سا"):
            if n.startswith(pre) and len(n) - len(pre) >= 3 and zipf(n[len(pre):]) >= 4.0:
                return True
        if n.startswith("ال") and n.endswith(("ات", "ين", "ون")) and zipf(n) >= 2.0:
            return True  # a definite plural (العطلات، المقاولات)
        if len(n) >= 5 and n.endswith(("ها", "هم", "هما", "كم")):
            return True  # a pronoun suffix (وحدائقها)
        if n.startswith("لا") and len(n) > 4 and zipf(n[2:]) >= 3.0:
            return True  # negation + noun (لاناقة)
        if n.endswith("يه") and zipf(n[:-2]) >= 3.5 or n.endswith("ي") and len(n) > 4 and zipf(n[:-1]) >= 3.5:
            return True  # an indefinite nisba adjective (عثمانية، موسمي)
        return False

    def _is_name_word(self, tok, max_zipf: float, first: bool) -> bool:
        if tok.kind != "word" or len(tok.norm) < 2:
            return False
        n = tok.norm
        if self._inflected(n):
            return False
        if n in self.stop or n in self.nisba or n in self.table:
            return False
        if len(n) > 3 and n.endswith("ا") and zipf(n[:-1]) >= 3.0:
            return False  # an indefinite accusative adjective or adverb (فرعيا، رسميا)
        if len(n) > 4 and n.endswith("ه") and not n.startswith("ال") and zipf(n[:-1]) >= 2.5:
            return False  # an indefinite feminine adjective (عازلة، عائمة)
        if not first:
            if n.startswith("ال") and n.endswith(("ي", "يه", "يين", "يون", "يتين", "يان")):
                return False  # adjective after a name (الحدودية)
            if n.startswith("و"):
                return False  # a conjunction starts the next item of a list
            if n[:2] in VERB_PREFIXES:
                return False  # future verb (ستستقبل)
            return zipf(n) < min(max_zipf, NEXT_MAX_ZIPF)
        return zipf(n) < max_zipf

    def _unknown_name(self, doc: Document, i: int, max_zipf: float, max_len: int = 3) -> int:
        """Number of tokens of an unknown name starting at token i (0 if none)."""
        toks = doc.tokens
        n = 0
        while i + n < len(toks) and n < max_len:
            t = toks[i + n]
            if n and (not t.space_before or t.sent != toks[i].sent):
                break
            if not self._is_name_word(t, max_zipf, n == 0):
                break
            n += 1
        return n

    def _dateline(self, doc: Document) -> tuple[int, int] | None:
        dl = doc.meta.get("dateline")
        if isinstance(dl, dict) and dl.get("place_start") is not None and dl.get("place_end") is not None:
            return int(dl["place_start"]), int(dl["place_end"])
        toks = doc.tokens
        # fallback: a text that opens with one or two words then a number (القاهرة 19 يناير)
        for n in (1, 2):
            if len(toks) > n and toks[n].kind == "number" and all(t.kind == "word" for t in toks[:n]):
                if all(zipf(t.norm) < 4.5 and self._bare(t.norm) not in self.stop for t in toks[:n]) \
                        and not any(t.norm in self.nisba for t in toks[:n]):
                    return toks[0].start, toks[n - 1].end
        return None

    @staticmethod
    def _construct_with_pronoun(doc: Document, ti: int) -> bool:
        """The word after token ti is a frequent noun with a possessive pronoun (رأسه، أمها)."""
        toks = doc.tokens
        if ti + 1 >= len(toks):
            return False
        t = toks[ti + 1]
        if t.kind != "word" or t.sent != toks[ti].sent or t.norm[:1] in "وف":
            return False
        raw = _MARKS.sub("", doc.text[t.start:t.end])
        for suf in ("هما", "هم", "ها", "ه"):
            if raw.endswith(suf) and len(t.norm) - len(suf) >= 2:
                return zipf(t.norm[: -len(suf)]) >= 4.0
        return False

    def _definite_feature_name(self, tok) -> int:
        """1 when a definite noun after a natural-feature head names it (وادي X، جبل X)."""
        n = tok.norm
        if tok.kind != "word" or not n.startswith("ال") or len(n) < 5 or n in self.stop or n in self.nisba \
                or n in self.table or self._inflected(n) or zipf(n) >= DEFINITE_FEATURE_MAX_ZIPF:
            return 0
        if n.endswith(("يه", "يين", "يون")):
            return 0  # an adjective (النهر الصناعي is not a name)
        return 1

    def _dash_dateline(self, doc: Document) -> tuple[int, int] | None:
        """Offsets of one to three rare words opening the text before a dash, slash or colon."""
        m = _DASH_DATELINE.match(doc.text)
        if m is None:
            return None
        s, e = m.span(1)
        for t in doc.tokens:
            if t.start >= e:
                break
            if t.kind != "word" or zipf(t.norm) >= 4.5 or t.norm in self.nisba or self._bare(t.norm) in self.stop:
                return None
        return s, e

    # --- the stage ---------------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        if not doc.tokens:
            return doc
        page = _Page(self, doc)
        page.contexts()
        page.gazetteer_hits()
        page.after_triggers()
        page.after_events()
        page.located_in()
        page.located()
        page.dateline()
        page.coordination()
        page.date_names()
        page.lists()
        out = page.select()
        ents = [doc.make_entity("place", s, e, surface_value(doc.text[s:e], fused), rule, score, ev)
                for s, e, fused, rule, score, ev, _k in out]
        for ent in sorted(ents, key=lambda x: x.start):
            doc.add_candidate(ent)
        return doc


class _Page:
    """One document's run of :class:`PlaceExtractor`: the contexts found, the candidates
    ``(start, end, fused, rule, score, evidence, key)`` and the table names left pending
    (they need more context), filled by one method per rule family."""

    def __init__(self, ex: PlaceExtractor, doc: Document) -> None:
        self.ex, self.doc, self.toks = ex, doc, doc.tokens
        self.strong_after: dict[int, str] = {}  # tokens after which a strong context holds
        self.trig_start: dict[int, int] = {}    # natural trigger: its start (without clitics)
        self.definite_ok: set[int] = set()      # triggers that also open a definite noun (وادي X)
        self.event_at: list[int] = []
        self.located_at: list[int] = []
        self.cands: list[tuple] = []
        self.accepted_keys: set[str] = set()
        self.pending: list = []
        self.place_ends: set[int] = set()       # token indices where an accepted place ends
        self.dl = ex._dateline(doc)
        # a text opening with a name and a dash (الخرطوم - ...، بغداد/ ...): a dateline without a
        # date; strong context for table names only (an unknown word there may be a headline word)
        self.dash = None if self.dl else ex._dash_dateline(doc)

    def contexts(self) -> None:
        """Triggers, direction words, event heads and located-words of the document."""
        ex = self.ex
        for h in ex.triggers.find(self.doc):
            if h.clitic.endswith("ال"):
                continue
            opens_any = "any" in h.payloads or "definite" in h.payloads
            self.strong_after[h.tok_last] = ("trigger:" if opens_any else "known:") + h.key
            if h.key in ex.natural:
                self.trig_start[h.tok_last] = h.start
            if "definite" in h.payloads:
                self.definite_ok.add(h.tok_last)
        dir_forms, event_forms, located = ex.dir_forms, ex.event_forms, ex.located
        for t in self.toks:
            if t.kind == "word":
                n = t.norm
                if n in dir_forms:
                    self.strong_after.setdefault(t.i, "direction:" + n)
                elif n in event_forms:
                    self.event_at.append(t.i)
                elif n in located and t.i:
                    self.located_at.append(t.i)

    def weak_ctx(self, ti: int, clitic: str) -> str | None:
        """A weak context for the name at token ti: a preposition clitic or a context word before."""
        if any(c in clitic for c in PREP_CLITICS):
            return "clitic:" + clitic
        if ti > 0:
            toks = self.toks
            p = toks[ti - 1]
            if p.kind == "word" and self.ex._bare(p.norm) in self.ex.context and p.sent == toks[ti].sent:
                return "context:" + p.norm
        return None

    def gazetteer_hits(self) -> None:
        """Table names, accepted by trust level and context, or left pending."""
        ex, doc, toks = self.ex, self.doc, self.toks
        dl, dash = self.dl, self.dash
        for h in ex.gaz.find(doc):
            if h.clitic.endswith("ال") or h.key in ex.stop:
                continue
            if h.clitic:
                # a word of its own read as clitic + name (لجنة = ل + جنة, بلير = ب + لير)
                whole = zipf(toks[h.tok_first].norm)
                first = h.key.split(" ", 1)[0]
                if whole >= 3.0 and whole >= zipf(first):
                    continue
            trust = min(h.payloads)
            fused = h.clitic.endswith("ل") and doc.view.text[h.nstart:h.nstart + 1] == "ل" and h.key.startswith("ال") \
                and not doc.view.text[h.nstart:h.nend].startswith("ال")
            ti = h.tok_first
            # nisba use: السعودية after a definite noun (العاصمة السعودية) is an adjective
            if h.key in ex.nisba and ti > 0 and not h.clitic:
                p = toks[ti - 1]
                if p.kind == "word" and p.norm.startswith("ال") and ex._bare(p.norm) not in ex.context:
                    continue
            strong = self.strong_after.get(ti - 1)
            if strong and h.key.startswith("ال") and h.key[2:] in ex.trigger_words:
                strong = None  # ميناء المدينة: "the city" after a trigger is the generic noun
            if dl and dl[0] <= h.start and h.end <= dl[1] or dash and dash[0] <= h.start and h.end <= dash[1]:
                strong = strong or "dateline"
            weak = self.weak_ctx(ti, h.clitic)
            if not weak and ti >= 1 and (h.clitic.startswith("و") or toks[ti - 1].norm in ("و", "،", ",")):
                back = ti - 2 if toks[ti - 1].norm in ("و", "،", ",") else ti - 1
                if back in self.place_ends:
                    weak = "coordination"
            if trust != "A" and ex._construct_with_pronoun(doc, h.tok_last):
                continue  # مسقط رأسه، جدة أمه: a common noun in construct with "his/her X"
            ok = trust == "A" or (trust == "B" and (weak or strong)) or (trust == "C" and strong)
            ev = strong or weak or f"gazetteer:{trust}"
            if ok:
                score = 0.9 if trust == "A" else 0.8 if strong else 0.7
                self.cands.append((h.start, h.end, fused, "place.gazetteer", score, ev, h.key))
                self.accepted_keys.add(h.key)
                self.place_ends.add(h.tok_last)
            else:
                self.pending.append((h, fused, weak))

    def after_triggers(self) -> None:
        """Unknown names after triggers (``place.trigger``) and direction words (``place.direction``)."""
        ex, toks = self.ex, self.toks
        ntok = len(toks)
        for ti, why in self.strong_after.items():
            j = ti + 1
            if j >= ntok or toks[j].sent != toks[ti].sent or why.startswith("known"):
                continue  # a known-only trigger (دولة، بلاد، العاصمة) opens no unknown name
            if why.startswith("trigger"):
                n = ex._unknown_name(self.doc, j, NAME_MAX_ZIPF)
                rule, score = "place.trigger", 0.75
                if toks[j].norm in ex.prefixes and j + 1 < ntok and toks[j + 1].kind == "word" \
                        and toks[j + 1].sent == toks[j].sent and toks[j + 1].norm not in ex.stop \
                        and not ex._inflected(toks[j + 1].norm):
                    n = 2  # a compound name: عين البيضاء، كفر الشيخ، سيدي بوزيد
                if not n and ti in self.definite_ok:
                    n = ex._definite_feature_name(toks[j])
            else:
                n = ex._unknown_name(self.doc, j, FOREIGN_MAX_ZIPF, 2)
                if n and toks[j].norm.startswith("ال"):
                    n = 0
                rule, score = "place.direction", 0.6
            if n:
                s, e = toks[j].start, toks[j + n - 1].end
                key = " ".join(t.norm for t in toks[j:j + n])
                if rule == "place.trigger" and ti in self.trig_start:
                    s = self.trig_start[ti]
                    key = toks[ti].norm[len(toks[ti].norm) - len(why.split(":", 1)[1]):] + " " + key
                self.cands.append((s, e, False, rule, score, why, key))

    def after_events(self) -> None:
        """An unknown foreign-looking name after an event head (قمة X): ``place.event``."""
        toks = self.toks
        for i in self.event_at:
            t = toks[i]
            if not (t.i and toks[t.i - 1].kind == "number"):
                j = t.i + 1
                if j < len(toks) and toks[j].sent == t.sent and not toks[j].norm.startswith("ال"):
                    n = self.ex._unknown_name(self.doc, j, FOREIGN_MAX_ZIPF, 2)
                    if n:
                        s, e = toks[j].start, toks[j + n - 1].end
                        self.cands.append((s, e, False, "place.event", 0.65, "event:" + t.norm,
                                           " ".join(x.norm for x in toks[j:j + n])))

    def located_in(self) -> None:
        """X followed by ب + trigger (في X بمقاطعة Y): ``place.located_in``."""
        toks = self.toks
        for ti, why in self.strong_after.items():
            if not why.startswith("trigger"):
                continue
            trig = toks[ti]
            if not trig.norm.startswith("ب") or ti < 1:
                continue
            # the name before the trigger: 1 or 2 unknown words
            for n in (1, 2):
                a = ti - n
                if a < 0:
                    break
                if self.ex._unknown_name(self.doc, a, NAME_MAX_ZIPF, n) == n and toks[a].sent == trig.sent \
                        and not toks[a].norm.startswith("ال"):
                    s, e = toks[a].start, toks[ti - 1].end
                    self.cands.append((s, e, False, "place.located_in", 0.7, "located_in:" + trig.norm,
                                       " ".join(x.norm for x in toks[a:ti])))
                    break

    def located(self) -> None:
        """An unknown name before الواقعة/التابعة/المجاورة … (X الواقعة شمال …): ``place.located``."""
        toks = self.toks
        for i in self.located_at:
            t = toks[i]
            for n in (2, 1):
                a = t.i - n
                if a >= 0 and toks[a].sent == t.sent and self.ex._unknown_name(self.doc, a, FOREIGN_MAX_ZIPF, n) == n:
                    self.cands.append((toks[a].start, toks[t.i - 1].end, False, "place.located", 0.65,
                                       "located:" + t.norm, " ".join(x.norm for x in toks[a:t.i])))
                    break

    def dateline(self) -> None:
        """The dateline's place counts even when unknown, unless table names already cover it."""
        if not self.dl:
            return
        text = self.doc.text
        s, e = self.dl
        for sep in ("،", ",", "/"):
            k = text.find(sep, s, e)
            if k > s:
                e = len(text[:k].rstrip())
        if text[s:e].strip() and not any(c[0] < e and s < c[1] for c in self.cands):
            self.cands.append((s, e, False, "place.dateline", 0.85, "dateline", normalize(text[s:e])))

    def coordination(self) -> None:
        """A rare unknown word joined by و or a comma to a place (صفد وحيفا ونهاريا)."""
        if not self.cands:
            return
        toks = self.toks
        frontier = sorted({self.doc.token_at(c[1] - 1) for c in self.cands})
        placed = {self.doc.token_at(c[0]) for c in self.cands}
        for ti in frontier:
            j = ti + 1
            while j < len(toks) and toks[j].sent == toks[ti].sent:
                j = self._coordinated(j, placed)
                if j < 0:
                    break

    def _coordinated(self, j: int, placed: set[int]) -> int:
        """Accepts the list item at token j (after a comma or with و) and returns the next token
        to look at, or -1 where the list of places ends."""
        ex, toks, ntok = self.ex, self.toks, len(self.toks)
        t = toks[j]
        if t.norm in ("،", ",") and j + 1 < ntok:
            j += 1
            t = toks[j]
            cut = 1 if t.kind == "word" and t.norm.startswith("و") and len(t.norm) > 3 else 0
        elif t.kind == "word" and t.norm.startswith("و") and len(t.norm) > 3:
            cut = 1
        else:
            return -1
        w = t.norm[cut:]
        known = w in ex.table and ex.table[w]["trust"] != "C"
        if not known and ex._inflected(w):
            return -1
        if not known and (len(w) > 3 and w.endswith("ا") and zipf(w[:-1]) >= 3.0
                          or len(w) > 3 and w[0] in "كبل" and zipf(w[1:]) >= 3.5):
            return -1  # an adverb (لافتا) or a preposition + word (كسائر)
        if j in placed or t.kind != "word" or w in ex.stop or w in ex.nisba or \
                not known and (w in ex.table or w.startswith("ال") or zipf(w) >= COORD_MAX_ZIPF
                               or zipf(t.norm) >= COORD_MAX_ZIPF):
            return -1
        nxt = toks[j + 1] if j + 1 < ntok else None
        if nxt is not None and nxt.kind == "word" and not nxt.norm.startswith("و") and nxt.space_before \
                and not (nxt.norm.startswith("ال") and nxt.norm.endswith(("ي", "يه", "يين", "يتين", "يان"))):
            return -1  # a list item ends at punctuation, و, an adjective or the end of the sentence
        s0, _ = self.doc.view.to_original(t.nstart + cut, t.nend)
        self.cands.append((s0, t.end, False, "place.coordination", 0.6, "coordination", w))
        placed.add(j)
        return j + 1

    def date_names(self) -> None:
        """A settlement named after a date (مدينة السادس من أكتوبر): the dates stage left the span."""
        doc, toks = self.doc, self.toks
        for s0, e0 in doc.meta.get("date_names", ()):
            ti = next((t.i for t in toks if t.start >= s0), None)
            if ti and self.strong_after.get(ti - 1, "").startswith("trigger:"):
                self.cands.append((s0, e0, False, "place.trigger", 0.7, self.strong_after[ti - 1],
                                   normalize(doc.text[s0:e0])))

    def lists(self) -> None:
        """Lists of places: accepts pending table names coordinated with accepted places (صعدة
        وحجة والحديدة، إلى قفصة والمهدية.): trust B with a place on either side, trust C after a
        place when a place follows or the list ends there."""
        if not (self.pending and self.cands):
            return
        toks, cands = self.toks, self.cands
        first_tok = {self.doc.token_at(c[0]) for c in cands}
        last_tok = {self.doc.token_at(c[1] - 1) for c in cands}

        def joined(a: int, b: int) -> bool:
            """Token b starts the list item right after the one ending at token a."""
            if b == a + 1:
                return toks[b].norm.startswith("و") and len(toks[b].norm) > 2
            return b == a + 2 and toks[a + 1].norm in ("و", "،", ",")

        def joins_place(a: int) -> bool:
            return any(k in first_tok and joined(a, k) for k in (a + 1, a + 2))

        def ends_list(i: int) -> bool:
            return i + 1 >= len(toks) or toks[i + 1].sent != toks[i].sent or toks[i + 1].kind == "punct"

        by_first = {p[0].tok_first: p for p in self.pending if min(p[0].payloads) in ("B", "C")
                    and (not p[0].clitic or p[0].clitic.startswith("و"))}
        for e in sorted(last_tok):
            # a run of pending names joined to the accepted place ending at token e
            run, cur = [], e
            while True:
                nxt = next((by_first[k] for k in (cur + 1, cur + 2) if k in by_first and joined(cur, k)), None)
                if nxt is None:
                    break
                run.append(nxt)
                cur = nxt[0].tok_last
            if not run:
                continue
            closed = ends_list(cur) or joins_place(cur)
            for h, fused, _weak in run:
                if closed or min(h.payloads) == "B":
                    cands.append((h.start, h.end, fused, "place.coordination", 0.6, "list", h.key))
                    del by_first[h.tok_first]
                elif min(h.payloads) == "C":
                    break  # a C name needs the whole list to be places
        # a name opening a list that goes on with a place: trust B, or C after a preposition
        # (مع مالي والسنغال)
        for k in sorted(by_first):
            h, fused, weak = by_first[k]
            if (min(h.payloads) == "B" or weak) and joins_place(h.tok_last):
                cands.append((h.start, h.end, fused, "place.coordination", 0.6, "list", h.key))
                first_tok.add(h.tok_first)

    def select(self) -> list[tuple]:
        """Longest, most confident first, no overlaps inside this stage; then the names accepted
        elsewhere in the document at their other occurrences (one sense per discourse; names
        that need strong context, trust C, are not propagated)."""
        cands = sorted(self.cands, key=lambda c: (-(c[1] - c[0]), -c[4], c[0]))
        out: list = []
        taken = Spans()
        for c in cands:
            if taken.overlap(c[0], c[1]) is None:
                taken.add(c[0], c[1])
                out.append(c)
        new_keys = {c[6] for c in out if c[3] != "place.gazetteer"}
        accepted_keys = self.accepted_keys | new_keys
        prop: list[tuple] = []
        for h, fused, _weak in self.pending:
            if h.key in accepted_keys and min(h.payloads) == "B":
                prop.append((h.start, h.end, fused, "place.propagated", 0.7, "document:" + h.key, h.key))
        if new_keys:
            view = self.doc.view.text
            local = Gazetteer((k, None) for k in new_keys if len(k) >= 3)
            for h in local.find(self.doc):
                if h.clitic.endswith("ال") or h.clitic == "ال":
                    continue
                fused = h.clitic.endswith("ل") and h.key.startswith("ال") and not view[h.nstart:h.nend].startswith("ال")
                prop.append((h.start, h.end, fused, "place.propagated", 0.7, "document:" + h.key, h.key))
        for c in prop:
            if taken.overlap(c[0], c[1]) is None:
                taken.add(c[0], c[1])
                out.append(c)
        return out
