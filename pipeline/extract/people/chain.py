"""Role chains: from a title to the name it announces.

A title or role (``lexicons/person_titles.tsv``) opens a *role chain*. Roles without the article
(``نائب رئيس مجلس ...``) are construct heads: the chain goes on through the genitive nouns until a
definite word closes it (``الدولة``); a role that already ends in a definite noun (``رئيس
الوزراء``) is closed. Definite adjectives, nisba adjectives (``الصيني``), role adjectives
(``الجديد``، ``السابق``), further titles (``الدكتور``), the post of a role (``لدى الأمم المتحدة``)
and other extractors' organizations and places are walked over; the first word that can start a
name begins the name (``نائب رئيس مجلس الدولة الصيني ليو خه`` -> ``ليو خه``).

:meth:`RoleChain.walk` reads the chain one token at a time; each *step* below either walks over
the token, returns the name, or ends the chain without a name (``None``); their order is the policy.
"""

from __future__ import annotations

from dataclasses import dataclass

from .extent import NameExtent, Span
from .words import T, Words, is_definite, is_nisba

OPEN = frozenset('"«(\'“')
CLOSE = frozenset('"»)\'”')
NEXT = object()   # the step walked over the token: go on
STOP = object()   # the chain ends without a name


def open_role(kind: str, key: str) -> bool:
    """A role title still open for a genitive complement (``رئيس`` -> ``رئيس بلدية X``); one that
    already ends in a definite noun (``رئيس الوزراء``، ``وزير الخارجية``) is closed: a definite
    noun takes no complement, so an indefinite word after it begins the name."""
    return kind == "role" and not is_definite(key.split()[-1])


@dataclass(slots=True)
class _Walk:
    j: int              # the token being read
    open_: bool         # the chain waits for a genitive complement
    just_title: bool    # the previous token ended a title (a name may follow right away)
    direct: bool = False
    after_nisba: int = -1  # the token right after a nisba adjective of a closed title


class RoleChain:
    """Walks a role chain (see the module docstring)."""

    def __init__(self, words: Words, extent: NameExtent) -> None:
        self.w = words
        self.extent = extent
        self.steps = (self._abbreviation, self._not_a_word, self._title, self._entity, self._ali, self._saint,
                      self._latin, self._post, self._role_adjective, self._syllables, self._stop_word, self._complement,
                      self._after_honorific, self._adjective, self._coordinated_head, self._rare_word,
                      self._verb_shaped_first, self._name_start)

    def walk(self, page, j: int, open_: bool) -> Span | None:
        """The name that ends the role chain starting at token ``j``, if any."""
        st = _Walk(j, open_, not open_)
        steps = 0
        while st.j < page.n and steps < T.CHAIN_MAX:
            steps += 1
            out = None
            for step in self.steps:
                out = step(page, st, page.toks[st.j])
                if out is not None:
                    break
            if out is STOP or out is None:
                return None
            if out is not NEXT:
                return out
        return None

    def _read(self, page, j: int) -> Span | None:
        return self.extent.read(page, j, 0, strong=True)

    # ---- steps ---------------------------------------------------------------------------------
    def _abbreviation(self, page, st, t):
        """The dot of an abbreviated title (د.)."""
        if t.kind == "punct" and t.norm == "." and st.j > 0 and len(page.toks[st.j - 1].norm) == 1:
            st.j += 1
            return NEXT
        return None

    def _not_a_word(self, page, st, t):
        """Punctuation ends the chain, but for a quoted or bracketed name right after the title
        (الإمبراطور " X "، الباشا ( X )); after a construct role (رئيس " X ") a quote names an
        organization."""
        if t.kind == "word":
            return None
        j, x = st.j, self.w
        if t.norm in OPEN and st.just_title and page.word(j + 1):
            w = page.word(j + 1)
            if x.can_start(w) or w in x.given:
                nm = self._read(page, j + 1)
                if nm and nm.last + 1 < page.n and page.toks[nm.last + 1].norm in CLOSE:
                    return nm
        return STOP

    def _title(self, page, st, t):
        """A further title (الدكتور، نائب الرئيس)."""
        if st.j not in page.title_at:
            return None
        last, kind, key = page.title_at[st.j]
        st.open_ = open_role(kind, key)
        st.just_title = not st.open_
        st.j = last + 1
        return NEXT

    def _entity(self, page, st, t):
        """An organization or place of another extractor is part of the role (وزير خارجية مصر);
        a city name right where a closed title announces a name, before a rare surname, is a first
        name (المهاجم الجزائري <city> <rare word>)."""
        j, x = st.j, self.w
        cs = page.cand_start.get(j)
        if cs is None or cs[0] not in ("organization", "place"):
            return None
        nx = page.toks[j + 1] if j + 1 < page.n else None
        if cs == ("place", j) and not st.open_ and not is_definite(t.norm) and nx is not None \
                and nx.kind == "word" and nx.space_before and j + 1 not in page.cand_start \
                and x.z(nx.norm) <= 2.0 and not x.strong_clitic(nx.norm) and not x.blocked(nx.norm) \
                and not x.common_shape(nx.norm):
            return Span(j, j + 1, 0)
        st.j = cs[1] + 1
        st.open_ = False
        return NEXT

    def _ali(self, page, st, t):
        """علي right after the title before a name word or punctuation (الإمام علي), or after the
        adjectives of a role when a surname follows (وزير المالية العراقي علي X); not على."""
        w, j, x = t.norm, st.j, self.w
        if w in x.given and w in x.stop and j not in page.ala and ((st.just_title and (
                page.name_follows(j) or self._no_object(page, j + 1)))
                or (not st.open_ and len(w) >= 3 and page.surname_follows(j))):
            return self._read(page, j)
        return None

    def _no_object(self, page, k: int) -> bool:
        """Token ``k`` cannot be the object of the preposition على (written علي): punctuation, a
        preposition, or و + a word in use (الإمام علي ورجاله، اللاعب علي في الملعب); a number can
        (حصل علي 3 بطاقات)."""
        if k >= page.n:
            return True
        tk = page.toks[k]
        if tk.kind != "word":
            return tk.kind == "punct"
        w, x = tk.norm, self.w
        return w in x.preps or (w[:1] == "و" and w not in x.given and w[1:] not in x.given and x.z(w[1:]) >= 3.0)

    def _saint(self, page, st, t):
        """سيدي before a given name is part of the name (الرئيس الموريتاني سيدي محمد ولد X)."""
        x = self.w
        if t.norm in x.saints and page.word(st.j + 1) in x.given:
            return self._read(page, st.j)
        return None

    def _latin(self, page, st, t):
        """A Latin-script word (a title or a transliteration in brackets) is no name here."""
        return STOP if t.norm[:1].isascii() else None

    def _post(self, page, st, t):
        """The post of a role: سفير مصر لدى الأمم المتحدة X، السفير الأذري في عمّان X."""
        cs = page.cand_start.get(st.j + 1)
        if t.norm in self.w.posts and cs is not None and cs[0] in ("place", "organization") and not st.just_title:
            st.j = cs[1] + 1
            st.open_ = False
            return NEXT
        return None

    def _role_adjective(self, page, st, t):
        """مهاجم <club> الجديد X: an adjective of the role, the name follows."""
        if t.norm in self.w.role_adj and not st.open_:
            st.j += 1
            return NEXT
        return None

    def _syllables(self, page, st, t):
        """وزير الخارجية لي مين-جونغ: a run of East-Asian syllables where a closed role chain awaits a name is
        the name, its first syllable even a function word's homograph (:meth:`Page.syllable_run`)."""
        if not st.open_ and page.syllable_run(st.j):
            return self._read(page, st.j)
        return None

    def _stop_word(self, page, st, t):
        return STOP if t.norm in self.w.stop or t.norm in self.w.speech else None

    def _complement(self, page, st, t):
        """The genitive complement of a construct head; a definite one closes the chain."""
        if not st.open_:
            st.direct, st.just_title = st.just_title, False
            return None
        w, x = t.norm, self.w
        if w in x.given:
            return self._read(page, st.j)
        if x.verb_like(w):
            return STOP
        st.open_ = not ((is_definite(w) and w not in x.given) or w.startswith("لل"))
        st.just_title = False
        st.j += 1
        return NEXT

    def _after_honorific(self, page, st, t):
        """الدكتور سعيد: a common-word given name right after an honorific, or after the nisba
        adjective that agrees with it (المطرب العراقي سعد)."""
        w, x = t.norm, self.w
        if (st.direct or st.j == st.after_nisba) and w in x.given and w in x.given_common and not x.verb_shape(w):
            return self._read(page, st.j)
        return None

    def _adjective(self, page, st, t):
        """An adjective or a further definite complement (الصيني، للأمم، المتحدة)."""
        w = t.norm
        if (is_definite(w) and w not in self.w.given) or w.startswith("لل"):
            if st.direct and not st.open_ and is_nisba(w):
                st.after_nisba = st.j + 1  # المطرب العراقي X: the adjective agrees with the title
            st.j += 1
            return NEXT
        return None

    def _coordinated_head(self, page, st, t):
        """A coordinated head opens the chain again (ومحاربة الأمراض)."""
        w, x = t.norm, self.w
        if w.startswith("و") and len(w) > 3 and w[1:] not in x.given and x.z(w[1:]) >= 3.5 \
                and not is_definite(w[1:]) and not x.verb_like(w[1:]):
            st.open_ = True
            st.j += 1
            return NEXT
        return None

    def _rare_word(self, page, st, t):
        """السيد ميتسو ...: a rare word right after a title."""
        w, x = t.norm, self.w
        if st.direct and x.z(w) == 0.0 and x.unknown(w) and len(w) >= 3 and not x.blocked(w) \
                and not x.strong_verb(w) and not x.strong_clitic(w) and not x.suffixed(w) \
                and not x.common_shape(w) and not w.endswith(("ها", "هم")):
            return self._read(page, st.j)
        return None

    def _verb_shaped_first(self, page, st, t):
        """الناشطة اليمنية توكل X: a first name shaped like a verb, when a surname follows."""
        w, x, j = t.norm, self.w, st.j
        if not st.open_ and x.verb_like(w) and not x.strong_verb(w) and not x.blocked(w) \
                and not is_definite(w) and x.z(w) < 4.0 and not x.clitic_word(w) and not x.suffixed(w) \
                and not w.endswith(("ه", "ها", "هم", "ك", "نا")) and page.surname_follows(j) \
                and page.toks[j + 1].norm not in x.given:
            return self._read(page, j)
        return None

    def _name_start(self, page, st, t):
        """A word that can start a name begins it; else the chain ends."""
        w, x, j = t.norm, self.w, st.j
        if x.can_start(w) or (w in x.given and page.name_follows(j)) or (
                st.direct and x.noun_like(w) and x.z(w) < 4.6 and not x.blocked(w)
                and not w.endswith(("ه", "ا", "ات", "ين", "ون")) and w[0] not in "تم"
                and not x.verb_like(w) and not x.clitic_word(w)):
            return self._read(page, j)
        return STOP
