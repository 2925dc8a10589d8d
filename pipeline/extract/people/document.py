"""Document consistency: what the names found in one document say about each other.

Run after the context rules, in this order:

1. **coordination**: ``و`` + a name-like word right after a found name is another person
   (``بوش وبلير``, ``X Y وZ W``), also through a list comma (``سامي، ووليد``; without ``و`` the
   item must be a given name or a word of a well-known name);
2. **first names**: a first name right before a name found from its end (a known surname, a
   given name, a nisba rule) joins it (``جيرهارد شرودر``), and so does the first syllable of an
   East-Asian name of two syllables (``لي`` + ``تشاو شينغ``);
3. **surnames**: the word right after a found name is its surname when the document also uses
   that word alone as the subject of a speech or action verb (``كيث X إن ... وأكد X أن``: news
   gives the full name once, then the surname alone), a clear boundary follows it and it is no
   stop word, title, verb or frequent word (``SURNAME_MAX``);
4. **facilities**: no person inside a facility, institution or award name (``ملعب محمد
   الخامس``, ``جائزة الشيخ زايد``), a newspaper, company or product name (``صحيفة " X "``) or a
   quoted work title (``مسلسل " X "``; unquoted, ``رواية محفوظ`` is its author): the noun
   before the announcing context, past titles, adjoining names and an opening quote, is looked
   up in ``lexicons/person_facility_heads.tsv``;
5. **one name per span**: overlapping candidates keep the longest (then the higher score, then
   the earlier), so a person is never split.

Each step is linear in the number of tokens.
"""

from __future__ import annotations

from ...tokenize import peels
from .chain import OPEN
from .extent import NameExtent
from .page import Cand, Page
from .words import F_ACTION, F_SPEECH, F_VERB, T, Words, is_definite, is_nisba


class Consistency:
    """The document steps of the recognizer (see the module docstring)."""

    def __init__(self, words: Words, extent: NameExtent, coordination) -> None:
        self.w = words
        self.extent = extent
        self.coordination_rule = coordination

    def __call__(self, page: Page) -> list[tuple[tuple[int, int], Cand]]:
        if self.coordination_rule is not None:
            self.coordinate(page)
        self.first_names(page)
        self.surnames(page)
        self.facilities(page)
        return self.longest(page)

    def coordinate(self, page: Page) -> None:
        """و + a name-like word after a found name, and list items through commas."""
        x, toks, n = self.w, page.toks, page.n
        found = page.found
        for (a, b) in found.keys():
            k = b + 1
            # the found name is itself an item of a list (after a comma or a colon): a comma item
            # may then be a given name that is also a common word (الدفاع: X Y، ضرغام جبار)
            listed = a > 0 and toks[a - 1].norm in ("،", ",", ":")
            while k < n:
                comma = toks[k].kind == "punct" and toks[k].norm in ("،", ",") and k + 1 < n
                if comma:
                    k += 1
                tk = toks[k]
                if tk.kind != "word" or page.cover[k] is not None:
                    break
                conj = tk.norm.startswith("و") and tk.norm not in x.given
                if not (conj or comma) or not self._item(tk.norm, conj, listed):
                    break
                nm = self.extent.read(page, k, 1 if conj else 0, True)
                rest = tk.norm[1:] if conj else tk.norm
                if not nm or (nm.first, nm.last) in found or (nm.first == nm.last and rest not in x.given):
                    break
                page.emit(nm, self.coordination_rule, "و" if conj else "،", k)
                k = nm.last + 1

    def _item(self, norm: str, conj: bool, listed: bool = False) -> bool:
        """The word after و (or a list comma) can be a name item; after a comma, a given name that
        is also a common word or a fairly rare word that can start a name only inside a list
        (``listed``; a one-word item must still be a given name)."""
        x = self.w
        rest = norm[1:] if conj else norm
        if conj and ((x.z(norm) >= 3.0 and rest not in x.given and rest not in x.known_words) or x.blocked(norm)):
            return False
        if rest in x.stop or x.blocked(rest):
            return False
        if not conj and not (x.plain_given(rest) or rest in x.known_words or (listed and (
                rest in x.given or (x.z(rest) < T.LIST_ITEM_MAX and x.can_start(rest))))):
            return False
        if conj and x.foreign_shape(rest) and not x.strong_clitic(rest) and not x.strong_verb(rest):
            return True  # a transliterated name after و in a list of names (ورومان سايس)
        return (rest in x.given or rest in x.known_words or x.unknown(rest)) \
            and (x.can_start(rest) or rest in x.known_words) and not x.clitic_word(rest)

    def first_names(self, page: Page) -> None:
        """A first name before a name found from its end (ألفريد ديمورا، جيرهارد شرودر)."""
        x, toks = self.w, page.toks
        found = page.found
        for (a, b) in found.keys():
            if (a, b) not in found:
                continue
            c = found[(a, b)]
            if c.cut or a == 0:
                continue
            k = a - 1
            t = toks[k]
            if t.kind != "word" or page.cover[k] is not None or not toks[a].space_before:
                continue
            if c.rule != "person.known" and self._first_syllable(page, a, b):
                found.remove((a, b))
                found.put((k, b), Cand(c.rule, c.score, c.evidence, 0, k, set(c.rules)))
                continue
            if c.rule not in ("person.known", "person.given", "person.nisba"):
                continue
            w, kcut = t.norm, 0
            if w[0] == "و" and w not in x.given and (w[1:] in x.given or w[1:] in x.known_words):
                w, kcut = w[1:], 1  # ويحيى شاهين
            if self._title_adjective(page, k, w):
                continue  # الخليفة العباسي أبو جعفر المنصور: the nisba agrees with the title before it
            if (self._first_name(w, kcut)) and not found.covers(k):
                found.remove((a, b))
                found.put((k, b), Cand(c.rule, c.score, c.evidence, kcut, k, set(c.rules)))

    def _first_syllable(self, page: Page, a: int, b: int) -> bool:
        """An East-Asian name of two syllables found without its first one (لي | تشاو شينغ،
        قو | جي تشاو): the syllable right before it is the family name, even when it is also an
        Arabic word (لي), since such names have three syllables at most; a name of one syllable
        takes none (قال لي وانغ: "Wang told me"), nor does a stop word (هي، ما) or a well-known
        name, which is listed whole (قال لي وانغ يي)."""
        x = self.w
        syl = x.syllables
        w = page.toks[a - 1].norm
        return b == a + 1 and w in syl and w not in x.stop and all(page.toks[k].norm in syl for k in (a, b))

    def _title_adjective(self, page: Page, k: int, w: str) -> bool:
        """A nisba with the article right after a definite noun (a title: الخليفة العباسي) is
        that noun's adjective, not a first name of the name after it."""
        if not (is_definite(w) and is_nisba(w)) or w in self.w.given or k == 0:
            return False
        prev = page.toks[k - 1]
        return prev.kind == "word" and is_definite(prev.norm)

    def _first_name(self, w: str, kcut: int) -> bool:
        """A given name, a word of a well-known name, or a rare word with no common-word shape; not
        a trigger verb that a known name happens to share (ترأس عباس: ليز تراس once ترأس is normalized)."""
        x = self.w
        if (x.plain_given(w) and w not in x.stop) or (w in x.known_words and x.z(w) < 4.0 and w not in x.verb_forms):
            return True
        if w in x.given and w not in x.stop and not x.function_name(w) and not kcut and x.foreign_shape(w):
            return True  # a foreign first name that is also a common word (توم هاريس)
        return x.z(w) <= T.PRE_FIRST_MAX and x.unknown(w) and x.can_start(w) and not kcut \
            and x.z("ي" + w) < 2.5 and not (w.endswith("ي") and x.z(w[:-1]) >= 3.5) \
            and w[0] != "و" and not w.endswith(("ه", "ات")) \
            and not (w.endswith("ين") and x.z(w[:-2]) >= 2.5) and not x.common_shape(w)

    def surnames(self, page: Page) -> None:
        """A word right after a found name that the document also uses alone as the subject of a
        speech or action verb (ستيف X ... وقال X إن) is the name's surname: news gives the full
        name once, then the surname alone after the verb."""
        x, toks, n = self.w, page.toks, page.n
        found = page.found
        subjects = self._subjects(page)
        if not subjects:
            return
        for (a, b) in found.keys():
            k = b + 1
            if (a, b) not in found or k >= n or not page.free_word(k) or found.covers(k) \
                    or toks[k].sent != toks[b].sent:
                continue
            w = toks[k].norm
            if subjects.get(w, k) == k or not self._surname_word(page, k) or not page.hard_boundary(k + 1):
                continue
            c = found[(a, b)]
            found.remove((a, b))
            found.put((a, k), Cand(c.rule, c.score, c.evidence + "; surname repeated", c.cut, c.ctx, set(c.rules)))

    def _subjects(self, page: Page) -> dict[str, int]:
        """Words standing alone right after a speech or action verb and before a clear boundary
        (وقال X إن، وأوضح X ،): word -> the first such token."""
        toks, flags = page.toks, page.flags
        out: dict[str, int] = {}
        for j in range(1, page.n - 1):
            if flags[j - 1] & (F_SPEECH | F_ACTION) and page.free_word(j) and page.hard_boundary(j + 1) \
                    and self._surname_word(page, j):
                out.setdefault(toks[j].norm, j)
        return out

    def _surname_word(self, page: Page, k: int) -> bool:
        """A word that can be a surname on its own: no stop word, title, verb, number word or
        frequent word."""
        x, w = self.w, page.toks[k].norm
        return len(w) >= 3 and not x.blocked(w) and not page.flags[k] & (F_SPEECH | F_ACTION | F_VERB) \
            and x.z(w) <= T.SURNAME_MAX and not x.strong_verb(w)

    def facilities(self, page: Page) -> None:
        """No person inside a facility name: ملعب الأمير عبد الله الفيصل، جائزة الشيخ زايد."""
        x, toks, found = self.w, page.toks, page.found
        in_name = {k for key in found.items for k in range(key[0], key[1] + 1)}
        back: dict[int, int] = {}

        def look_back(k: int) -> int:
            """The first token at or before ``k`` that is no title, saint honorific or name word
            (a found name, a given name or a transliteration: ملعب فيليكس X Y); memoized, so the
            walks of all names together are linear."""
            seen = []
            while k >= 0 and k not in back and (
                    (toks[k].kind == "word" and (k in in_name or page.w.nameish(toks[k].norm)))
                    or (toks[k].norm in OPEN and k > 0 and toks[k - 1].kind == "word")):
                seen.append(k)  # (past an opening quote too: مسلسل " X ")
                k -= 1
            end = back.get(k, k) if k >= 0 else -1
            for j in seen:
                back[j] = end
            return end

        for key in list(found.items):  # in the order found
            if key not in found:
                continue
            ctx = found[key].ctx
            if page.flags[ctx] & F_VERB:
                continue  # a verb announced the name (إخراج X): it stands outside any facility name
            k = look_back(ctx - 1)
            if k >= 0 and toks[k].kind == "word" and not page.flags[k] & F_VERB and any(
                    # (a credit noun that is also a facility noun announces a name: بطولة X "starring X")
                    p.key in x.facility or (p.key in x.titled and k + 1 < page.n and toks[k + 1].norm in OPEN)
                    for p in peels(toks[k].norm) if p.clitic in ("", "و", "ف", "ب", "ل")):
                for other in found.overlapping(*key):
                    found.remove(other)  # and whatever else was read inside the facility name

    @staticmethod
    def longest(page: Page) -> list[tuple[tuple[int, int], Cand]]:
        """Keeps the longest of overlapping candidates (a person is never split)."""
        found = page.found
        order = sorted(found.items.items(), key=lambda kv: (-(kv[0][1] - kv[0][0]), -kv[1].score, kv[0][0]))
        taken = [False] * page.n
        out = []
        for (a, b), cand in order:
            if any(taken[a:b + 1]):
                continue
            for k in range(a, b + 1):
                taken[k] = True
            out.append(((a, b), cand))
        out.sort()
        return out
