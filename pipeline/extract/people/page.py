"""The document as the person recognizer sees it: tokens, the spans of the other extractors, and
the names found so far (:class:`Found`), with the token tests the rules share."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...document import Document
from .extent import Span
from .words import Words


@dataclass(slots=True)
class Cand:
    """A person candidate: the rule that found it, its score and evidence, the proclitic
    characters outside it, and ``ctx``, the token where the announcing context begins (for the
    facility guard)."""

    rule: str
    score: float
    evidence: str
    cut: int
    ctx: int
    rules: set[str] = field(default_factory=set)  # every rule that found this span

    def __post_init__(self) -> None:
        self.rules.add(self.rule)


class Found:
    """The person candidates of a document by token span ``(first, last)``, with a per-token index
    so that overlap tests cost the length of the span, not the number of names."""

    def __init__(self, n: int) -> None:
        self.items: dict[tuple[int, int], Cand] = {}
        self._at: list[list[tuple[int, int]] | None] = [None] * n

    def __contains__(self, key: tuple[int, int]) -> bool:
        return key in self.items

    def __getitem__(self, key: tuple[int, int]) -> Cand:
        return self.items[key]

    def __len__(self) -> int:
        return len(self.items)

    def keys(self) -> list[tuple[int, int]]:
        return sorted(self.items)

    def add(self, key: tuple[int, int], cand: Cand) -> None:
        """Keeps the higher score for a span already found (the first one on a tie)."""
        old = self.items.get(key)
        if old is not None:
            if old.score < cand.score:
                cand.rules |= old.rules
                self.items[key] = cand
            else:
                old.rules |= cand.rules
            return
        self.items[key] = cand
        for k in range(key[0], key[1] + 1):
            lst = self._at[k]
            if lst is None:
                self._at[k] = [key]
            else:
                lst.append(key)

    def put(self, key: tuple[int, int], cand: Cand) -> None:
        """Sets the candidate of a span, replacing what was there."""
        self.remove(key)
        self.add(key, cand)

    def remove(self, key: tuple[int, int]) -> None:
        if self.items.pop(key, None) is None:
            return
        for k in range(key[0], key[1] + 1):
            lst = self._at[k]
            if lst is not None:
                lst.remove(key)

    def covers(self, i: int) -> bool:
        """Some candidate covers token ``i``."""
        return bool(self._at[i])

    def overlapping(self, a: int, b: int) -> list[tuple[int, int]]:
        """The candidates that overlap tokens ``a`` .. ``b``."""
        out: set[tuple[int, int]] = set()
        for k in range(a, b + 1):
            if self._at[k]:
                out.update(self._at[k])
        return sorted(out)

    def overlaps(self, a: int, b: int) -> bool:
        return any(self._at[k] for k in range(a, b + 1))


class Page:
    """Per-document state of the recognizer."""

    def __init__(self, doc: Document, words: Words) -> None:
        self.doc = doc
        self.toks = doc.tokens
        self.n = len(self.toks)
        self.w = words
        self._cover(doc)
        # على spelled with alif maqsura is the preposition, never the name علي (which the
        # normalized view cannot tell apart)
        self.ala = frozenset(t.i for t in self.toks if t.norm.endswith("علي") and doc.text[t.end - 1] == "ى")
        self.found = Found(self.n)
        self.title_at: dict[int, tuple[int, str, str]] = {}  # token -> (last token, kind, key) of a title
        flags = words.flags
        self.flags = [flags(t.norm) if t.kind == "word" else 0 for t in self.toks]
        self._where: dict[int, list[int]] = {}
        self._flagged: list[tuple[int, int]] | None = None  # (token, flags) of the tokens with any flag

    def where(self, flag: int) -> list[int]:
        """The tokens whose word type has ``flag`` (:meth:`Words.flags`), in order (from the
        tokens with any flag, listed once per document)."""
        out = self._where.get(flag)
        if out is None:
            flagged = self._flagged
            if flagged is None:
                flagged = self._flagged = [(i, f) for i, f in enumerate(self.flags) if f]
            out = self._where[flag] = [i for i, f in flagged if f & flag]
        return out

    def _cover(self, doc: Document) -> None:
        """``cover``: token -> type of another extractor's candidate over it (organization wins);
        ``cand_start``: token -> (type, last token) of the longest candidate starting there;
        ``places_at``: token -> original spans of the place candidates over it."""
        toks, n = self.toks, self.n
        cover: list[str | None] = [None] * n
        cand_start: dict[int, tuple[str, int]] = {}
        places_at: dict[int, list[tuple[int, int]]] = {}
        for c in doc.candidates:
            if c.type not in ("organization", "place", "date"):
                continue
            a, b = doc.token_range(c.start, c.end)
            for i in range(a, b + 1):
                if toks[i].start < c.end and c.start < toks[i].end:
                    if cover[i] != "organization":
                        cover[i] = c.type
                    if c.type == "place":
                        places_at.setdefault(i, []).append((c.start, c.end))
            if a < n and toks[a].start <= c.start < toks[a].end:
                prev = cand_start.get(a)
                if prev is None or prev[1] < b:
                    cand_start[a] = (c.type, b)
        self.cover, self.cand_start, self.places_at = cover, cand_start, places_at

    # ---- token tests -----------------------------------------------------------------------
    def word(self, i: int) -> str:
        """The normalized form of token ``i`` if it is a word, else ``""``."""
        return self.toks[i].norm if 0 <= i < self.n and self.toks[i].kind == "word" else ""

    def taa(self, i: int) -> bool:
        """Token ``i`` is written with a final ة (the normalized view has ه): a feminine ending,
        never the pronoun ه (بن هنية، not ابن عمه)."""
        text, end = self.doc.text, self.toks[i].end
        while end > self.toks[i].start and "\u064b" <= text[end - 1] <= "\u0652":
            end -= 1  # (past diacritics)
        return text[end - 1] == "ة"

    def free_word(self, i: int) -> bool:
        """Token ``i`` is a word after a space that no other extractor covers."""
        return 0 <= i < self.n and self.toks[i].kind == "word" and self.toks[i].space_before and self.cover[i] is None

    def surface(self, a: int, b: int | None = None) -> str:
        """The original text of tokens ``a`` .. ``b``."""
        toks = self.toks
        return self.doc.text[toks[a].start:toks[a if b is None else b].end]

    def boundary(self, i: int, titles: bool = False) -> bool:
        """Token ``i`` cannot continue a name: end of text, punctuation, a number, a stop word,
        a speech or action verb, a clear verb form; with ``titles``, also a title or role noun
        (X Y رئيس الشركة)."""
        toks, x = self.toks, self.w
        if i < self.n and toks[i].norm == "-" and not toks[i].space_before:
            return False  # a hyphenated name goes on (تاي-هيوك)
        if i >= self.n or toks[i].kind != "word" or not toks[i].space_before:
            return True
        w = toks[i].norm
        return w in x.stop or w in x.speech or w in x.action or (titles and w in x.title_words) or (
            w[:1] in "وف" and (w[1:] in x.speech or w[1:] in x.stop)) or x.strong_verb(w)

    def hard_boundary(self, i: int) -> bool:
        """Token ``i`` clearly follows a complete name: end of text, punctuation other than a
        hyphen, a number, a preposition, إن/أن, a speech or action verb, a clear verb form or a
        title (not an adjective, which may qualify the last word)."""
        toks, x = self.toks, self.w
        if i >= self.n:
            return True
        t = toks[i]
        if t.kind != "word":
            return t.norm != "-"
        w = t.norm
        return w in x.preps or w in x.said or w in x.speech or w in x.action or w in x.title_words \
            or (w[:1] in "وف" and w[1:] in x.speech) or x.strong_verb(w)

    def prep_next(self, i: int) -> bool:
        """Token ``i`` is a preposition, or a word with ب/ل attached to a known word."""
        w = self.word(i)
        if not w:
            return False
        if w in self.w.preps:
            return True
        return len(w) >= 4 and w[0] in "بل" and (w[1:].startswith("ال") or self.w.z(w[1:]) >= 3.0)

    def name_follows(self, i: int) -> bool:
        """The word after token ``i`` is a name word (given name, particle, known name or unknown word)."""
        w = self.word(i + 1)
        return bool(w) and self.w.name_word(w)

    def surname_follows(self, i: int) -> bool:
        """The word after token ``i`` is clearly a name word (:meth:`Words.clear_name_word`)."""
        w = self.word(i + 1)
        return bool(w) and self.w.clear_name_word(w)

    def pronoun_suffix(self, t, key: str) -> bool:
        """``key`` (token ``t``'s word, maybe without its proclitics) ends in the pronoun ه as the
        text writes it, over a stem in use (ألبومه، ناديه): the normalized view writes a feminine ة
        as ه too, so only the original spelling tells them apart."""
        return key.endswith("ه") and self.doc.text[t.start:t.end].endswith("ه") and self.w.z(key[:-1]) >= 3.5

    def syllable_run(self, i: int) -> bool:
        """Tokens ``i`` and ``i + 1`` are both East-Asian name syllables (لي مين، ما جيان), the
        second no stop word: the first one is a name word even where it is also a function word
        (ما، لي، هي) or too short to start a name by itself, but for a complementizer (إن، أن: the
        clause it opens has the name for subject)."""
        x = self.w
        w, nx = self.word(i), self.word(i + 1)
        return bool(w) and bool(nx) and w in x.syllables and w not in x.said and nx in x.syllables and nx not in x.stop \
            and self.toks[i + 1].space_before

    def strong_next(self, i: int) -> bool:
        """The next word is an unambiguous given name or a name particle."""
        w = self.word(i + 1)
        return bool(w) and self.w.strong_name_word(w)

    def emit(self, span: Span | None, rule, evidence: str, ctx: int) -> None:
        """Records a candidate found by ``rule`` (a :class:`~.rules.Rule`)."""
        if span is not None:
            self.found.add((span.first, span.last), Cand(rule.id, rule.score, evidence, span.cut, ctx))
