"""Name extent: where a name that starts at a given token ends.

The model of name structure that this module reads, word by word:

* **Arabic names** are an *ism* (a given name, or a compound: ``عبد`` + a divine name, X +
  ``الدين``/``الله``), then a *nasab* chain (``بن``/``ابن``/``بنت``/``ولد`` + a name, repeated), a
  *kunya* (``أبو``/``أم`` + a name), a family name with the article (``الحربي``), a nisba family name
  (``المصري`` right after a given name), or a plain second name (``بشار الأسد``, ``نبيه بري``);
  a regnal ordinal after a given name (``محمد السادس``).
* **Foreign names** are a run of transliterated words (rare in the frequency list, with no common
  word shape), with particles (``فون``، ``دي``، ``فان دير``) and hyphenated parts (``جونغ-إيل``).

A name grows while the next word continues it; the decision for each word is the first of the
*steps* below that decides (their order is the policy). Each step names a fact of Arabic names
or of the words that end them:

=====================  ==========================================================================
step                   decision
=====================  ==========================================================================
``hyphen``             a hyphenated part goes on (``كيم جونغ-إيل``; spaced ``X Y - Z`` before a boundary)
``not_a_word``         punctuation, a number, no space before, an organization or date: **stop**
``bound``              a word after a particle belongs to it (``عبد`` + الله, ``بن`` + علي)
``tanween``            a word written with the accusative nunation (``رسلاً``): **stop**
``title_next``         a title of two words or more starts here (X Y | ``الأمين العام``): **stop**
``hyphen_first``       the first part of a hyphenated word (``دوبوا``-مارتان) goes on: no verb is hyphenated
``particle``           a particle continues the name when a name word follows it
``syllable``           an East-Asian name (وانغ، جونغ) goes on with the next syllable, up to three
``before_tail``        before الله/الدين: a compound's common first word goes on (``حسب`` الله); a
                       word with the pronoun ه or a preposition (رحمه الله، بإذن الله): **stop**
``next_person``        a given name right after a family name with the article: **stop**
``construct``          after a full name, a common-word given name + a frequent definite noun is an
                       apposed role (X Y | ``أمين المتحف``، ``نجم المنتخب``): **stop**
``known_word``         a word of a well-known name continues it
``ali``                ``علي`` inside a name, not the preposition ``على``
``ordinal``            a regnal ordinal after a given name, then **stop**
``title_family``       a family name that is also a title (``حسام القاضي``) when the name ends there
``family_ends``        an Arabic family name with the article ends the name
``shapes``             a stop word, title, verb, place or clitic reading: **stop**
``plural``             a frequent noun + a dual or plural suffix nobody writes whole (باتصالين): **stop**
``accusative``         an accusative noun (``جيشا``): **stop**
``haal``               an accusative active participle describing the subject (``ضاحكا``، ``مبتسما``): **stop**
``facility``           a facility, institution or work noun (``جامع``، ``ملعب``، ``رواية``) after a name: **stop**
``pair``               an announced first name + a word before a clear boundary: the surname, **stop**
``conjunction``        ``و`` + a word: another item, **stop**
``verb_after``         a confirmed verb after the name: **stop**
``tail``               ``الدين``، ``الله``، ``زاده`` continue a compound
``pronoun``            a noun with a pronoun (``امتناعه``): **stop**
``given``              a given name continues the name
``clitic_on_word``     a proclitic on a known word (``ليعوض``): **stop**
``family_boundary``    an announced first name + a definite word before a boundary: the family name
``definite``           a definite word: a family name, or a common noun / participle (**stop**); after
                       a nasab, only one of the most frequent nouns (``البلاد``) stops
``indefinite_nisba``   an indefinite nisba adjective: **stop** (second, it is a family name)
``second``             given name + second name: accepted unless a frequent noun or a construct head
``rare``               a noun or participle stops; a given or rare word continues
=====================  ==========================================================================

After the loop, dangling particles are dropped and a surname abbreviated to its initial
(``كريم س.``) joins the name. Without announcing context (``strong=False``) a lone given name
that is also a common word, or a particle with a frequent word, is no name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...document import Token
from ...tokenize import peels
from ..common import TypeMemo
from ..places import surface_value
from .words import IFAL, MASDAR, T, Words, is_definite, is_nisba

GO = 1         # the word continues the name
END = 2        # the name ends before the word
TAKE_END = 3   # the word ends the name (appended, then stop)
GO2 = 4        # a hyphen and the word after it continue the name
TAKE2_END = 5  # a hyphen and the word after it end the name


@dataclass(frozen=True, slots=True)
class Span:
    """A name's tokens: ``first`` .. ``last`` (inclusive); ``cut`` proclitic characters of the
    first token (normalized view) are outside it."""

    first: int
    last: int
    cut: int


@dataclass(slots=True)
class _State:
    words: list[str]
    i: int                 # token index of the last word read
    need: bool             # the last word is a particle that binds the next one
    anchored: bool         # the first word anchors the name (given name, or rare and announced)
    strong: bool           # a title, verb or nisba announced the name
    vso: bool = False      # an action verb announced it: its object may follow (رفض X الإفصاح)
    look: dict = field(default_factory=dict)


class NameExtent:
    """Reads a name from its first token (see the module docstring for the model)."""

    def __init__(self, words: Words) -> None:
        self.w = words
        self.steps = (
            self._bound, self._tanween, self._title_next, self._hyphen_first, self._particle, self._syllable, self._before_tail, self._next_person, self._construct, self._known_word,
            self._ali, self._ordinal, self._title_family, self._family_ends, self._shapes, self._plural,
            self._accusative, self._haal, self._facility, self._pair, self._conjunction,
            self._verb_after, self._tail, self._pronoun, self._given, self._clitic_on_word,
            self._family_before_boundary, self._definite, self._indefinite_nisba, self._accusative_late,
            self._second, self._rare,
        )
        self._for_word = TypeMemo(self._steps_for)  # word type -> the steps that concern it
        self._definite_memo = TypeMemo(self._definite_facts)

    # ---- the reading ---------------------------------------------------------------------
    def read(self, ctx, j: int, cut: int, strong: bool, vso: bool = False) -> Span | None:
        """The name that starts at token ``j`` (its first ``cut`` characters are proclitics).

        ``strong``: a title, verb or nisba announced the name. The second word of a name whose
        first word is a given name (or announced) is accepted more freely than later words
        (Arabic names are given name + family name: ``بشار الأسد``, ``نبيه بري``).
        """
        toks = ctx.toks
        first = toks[j].norm[cut:]
        if cut and toks[j].norm.startswith("لل"):
            first = "ا" + first  # fused لل: key with the article restored
        w = self.w
        st = _State([first], j, first in w.particles, (
            first in w.given and (first not in w.stop or (strong and len(first) >= 3))
            and (strong or first not in w.given_common))
            or (strong and not is_definite(first) and w.z(first) <= T.ANCHOR_MAX), strong, vso)
        n = len(toks)
        while st.i + 1 < n and len(st.words) < T.RUN_MAX:
            verdict = self._hyphen(ctx, st)
            if verdict is None:
                t = toks[st.i + 1]
                if t.kind != "word" or not t.space_before or ctx.cover[t.i] in ("organization", "date"):
                    break  # not_a_word
                verdict = self._decide(ctx, st, t)
            if verdict == END:
                break
            step = 2 if verdict in (GO2, TAKE2_END) else 1
            st.words.append(toks[st.i + step].norm)
            st.i += step
            if verdict in (TAKE_END, TAKE2_END):
                break
        return self._close(ctx, st, j, cut)

    def _decide(self, ctx, st: _State, t: Token) -> int:
        st.look = self._look(st, t)
        w = t.norm
        for step in self._for_word[w]:
            verdict = step(ctx, st, t, w)
            if verdict is not None:
                return verdict
        return END

    def _steps_for(self, w: str) -> tuple:
        gates = self._gates(w)
        return tuple(s for s in self.steps if gates.get(s.__name__, True))

    def _gates(self, w: str) -> dict[str, bool]:
        """Whether each step can decide for the word ``w`` at all (its entry test on the word
        alone; a step not listed always can), so that each word type runs only the steps that
        concern it."""
        x = self.w
        definite = is_definite(w)
        gates = {
            "_title_next": any(p.key in x.title_firsts for p in peels(w)),
            "_syllable": w in x.syllables, "_particle": w in x.particles,
            "_next_person": w in x.given or w in x.known_words, "_construct": w in x.given_common,
            "_known_word": w in x.known_words, "_ali": w in x.given and w in x.stop, "_ordinal": w in x.ordinals,
            "_title_family": w in x.title_words and definite and w not in x.role_adj,
            "_family_ends": not definite and w not in x.given and w not in x.known_words,
            "_accusative": w.endswith("ا") and len(w) >= 4,
            "_facility": w in x.facility_heads and w not in x.given and w not in x.known_words,
            "_haal": x.haal(w), "_plural": w.endswith(("ين", "ون", "ات")),
            "_conjunction": w[:1] == "و" and w not in x.given,
            "_pair": not definite and w[:1] != "و" and w not in x.given,
            "_verb_after": w not in x.given and w not in x.known_words, "_tail": w in x.tails,
            "_pronoun": not definite and len(w) >= 4 and w not in x.given, "_given": w in x.given,
            "_clitic_on_word": w[:1] in "بلكف" and len(w) > 3, "_family_before_boundary": definite,
            "_definite": definite, "_indefinite_nisba": is_nisba(w), "_accusative_late": w.endswith("ا"),
        }
        return gates

    def _look(self, st: _State, t: Token) -> dict:
        """What the steps share about the next word: its frequency, whether the name so far is
        one unit (``head``), whether weak verb/clitic shapes are ignored (``soft``)."""
        w, words, x = t.norm, st.words, self.w
        zw = x.z(w)
        # the first name is one unit: one word, a compound (عبد الوافي، نور الدين) announced by context
        head = len(words) == 1 and st.anchored or (len(words) == 2 and st.strong and (
            words[0] in x.arabic_particles or words[1] in x.tails))
        # the second word of an anchored name that is rare: the weak verb/clitic shapes are
        # transliteration accidents (بيكيت، كالديرون، كليمان); a و-initial surname in use as a
        # whole, its remainder not (ويلسون)
        soft = head and zw < T.SOFT_MAX and not is_definite(w) and (
            w[0] != "و" or (x.z(w[1:]) < 2.5 and w[1:] not in x.given and (zw == 0.0 or zw >= x.z(w[1:]) + 1.0)))
        # a second word spelled like a transliteration (ستالين، ووكر، باين) after an anchored first
        # name: its verb or clitic readings are accidents of the spelling
        foreign = head and not is_definite(w) and zw <= T.SECOND_MAX and not x.blocked(w) \
            and x.likeness(w) > T.LIKE_MIN and (w[0] != "و" or soft)
        return {"z": zw, "head": head, "soft": soft or foreign, "foreign": foreign,
                "second": head or (len(words) >= 3 and words[-2] in x.filiation),  # علي بن موسى الرضا
                "arab": words[0] in x.given or words[0] in x.particles}

    def _close(self, ctx, st: _State, j: int, cut: int) -> Span | None:
        words, i, w = st.words, st.i, self.w
        toks, n = ctx.toks, len(ctx.toks)
        need = st.need
        while words and words[-1] in w.particles and (need or len(words) > 1):
            words.pop()  # a dangling particle
            i -= 1
            need = False
        if not words or i < j:
            return None
        if words[-1] in w.given and i + 2 < n and toks[i + 1].kind == "word" and len(toks[i + 1].norm) == 1 \
                and toks[i + 1].space_before and toks[i + 2].norm == "." and not toks[i + 2].space_before \
                and "\u0621" <= toks[i + 1].norm <= "\u064a":
            return Span(j, i + 2, cut)  # a surname abbreviated to its initial, as court news writes it (كريم س.)
        if not st.strong and not self._plain_enough(words):
            return None
        return Span(j, i, cut)

    def _plain_enough(self, words: list[str]) -> bool:
        """Without context: one given name must be unambiguous; a common-word name needs company."""
        w = self.w
        head = words[0]
        if len(words) == 1:
            return not (head in w.given_common or head in w.particles or w.z(head) > 5.0 and head not in w.given)
        if head in w.given_common and not any(
                x in w.given or x in w.particles or x in w.naming_tails or w.z(x) <= 3.0 for x in words[1:]) and not (
                w.nisba_surname(words[1])):
            # (a nisba family name right after it is company enough: منى الشاذلي، أمل الهاشمي; so is
            # الدين, not الله)
            return False
        if head in w.particles and len(words) == 2 and head != "عبد" and w.z(words[1]) > 4.6 \
                and words[1] not in w.given:
            return False  # أبو + common word (ابو ظبي is the place extractor's)
        return True

    # ---- hyphen ------------------------------------------------------------------------------
    def _hyphen(self, ctx, st: _State) -> int | None:
        """A hyphen: the next part of a hyphenated name written without spaces (جونغ-إيل،
        أليو-ماري), or the last part of one written with spaces, before a boundary (كيم جونغ - إيل);
        otherwise the hyphen ends the name."""
        toks, i, w = ctx.toks, st.i, self.w
        n = len(toks)
        t = toks[i + 1]
        if t.norm != "-":
            return None
        if st.need or i + 2 >= n or toks[i + 2].kind != "word" or ctx.cover[i + 2] is not None:
            return END
        w2 = toks[i + 2].norm
        if not t.space_before:
            if toks[i + 2].space_before:
                return END
            ok = w2 in w.given or w2 in w.known_words or (
                w.z(w2) <= T.FOREIGN_WORD_MAX and not w.blocked(w2) and not is_definite(w2) and not w.common_shape(w2))
            return GO2 if ok else END
        if " ".join(st.words + [w2]) in w.known_names:
            return TAKE2_END  # a well-known name written with a spaced hyphen (كيم جونغ - أون)
        if len(st.words) < 2 or not (i + 3 >= n or ctx.boundary(i + 3) or (w2 in w.known_words and w2 not in w.given)):
            return END
        if not is_definite(w2) and not w.blocked(w2) and w2[:1] != "و" and not w.clitic_word(w2) \
                and not w.strong_clitic(w2) and (w2 in w.given or w2 in w.known_words
                                                 or (w.z(w2) <= T.FOREIGN_WORD_MAX and not w.common_shape(w2))):
            return TAKE2_END
        return END

    # ---- the steps (each returns GO, END, TAKE_END or None: undecided) -----------------------
    def _bound(self, ctx, st, t, w):
        """A particle binds the next word (عبد الله، بن علي، أبو عبيدة)."""
        x = self.w
        if not st.need:
            return None
        toks, i = ctx.toks, st.i
        if w in x.name_articles and st.words[-1] in x.particles and st.words[-1] not in x.arabic_particles:
            return GO  # دو لا + the surname: the article binds it in turn (need stays set)
        if w in x.stop and w in x.given and st.words[-1] in x.filiation and len(st.words) >= 2:
            # الحسين بن علي: after بن, علي is the father's name, not على; the name goes on only
            # before another name word (علي بن علي الهاشمي), else it ends (فيصل بن علي الوفد)
            st.need = False
            nx = toks[i + 2] if i + 2 < len(toks) else None
            nn = nx.norm if nx is not None and nx.kind == "word" else ""
            return GO if nn in x.given or nn in x.particles or x.family_nisba(nn) else TAKE_END
        nasab = st.words[-1] == "بن" and (st.words[0] in x.given or st.words[0] in x.particles)
        verb = x.strong_verb(w) if nasab else x.verb_like(w)  # (طارق بن نصير: the father's name)
        if w in x.stop or w in x.speech or verb or x.clitic_word(w, True) \
                or (x.suffixed(w) and not ctx.taa(t.i) and (st.words[-1] in x.filiation or w.endswith("ته"))):
            return END  # ابن عمه; but a kunya takes -ة names (أبو عبيدة، أم كلثوم), and a final ة
            # is no pronoun (بن هنية)
        if len(st.words) == 1 and st.words[0] in x.filiation and w in x.title_words:
            return END  # ابن الرئيس: the son of a title, not a name
        st.need = w in x.particles
        return GO

    @staticmethod
    def _tanween(ctx, st, t, w):
        """A word written with the accusative nunation (رسلاً، جيشاً) is an indefinite noun or an
        adverb, the verb's object after its subject: no word inside a name takes it (a nasab
        word is genitive). Read on the original spelling; only a token longer than its
        normalized form carries marks."""
        if t.end - t.start != t.nend - t.nstart and "\u064b" in ctx.doc.text[t.start:t.end]:
            return END
        return None

    def _title_next(self, ctx, st, t, w):
        """A title of two words or more that starts at this word (حسن نصر الله | الأمين العام لحزب
        الله) ends the name: its first word is no family name here. One-word titles are the
        business of the later steps (a family name may be one: حسام القاضي)."""
        hit = ctx.title_at.get(t.i)
        return END if hit is not None and hit[0] > t.i else None

    def _hyphen_first(self, ctx, st, t, w):
        """A word written with a hyphen and another word, without spaces (كلير دوبوا-مارتان), is the
        first part of a compound name: the verb and clitic shapes of :meth:`_shapes` do not apply
        (دوبوا is no verb + وا). A stop word, title, definite word or frequent word is left to the
        later steps; the hyphen itself is read by :meth:`_hyphen`."""
        toks, k, x = ctx.toks, t.i, self.w
        if k + 2 >= len(toks) or toks[k + 1].norm != "-" or toks[k + 1].space_before or toks[k + 2].space_before \
                or toks[k + 2].kind != "word":
            return None
        if x.blocked(w) or is_definite(w) or x.z(w) > T.FOREIGN_WORD_MAX or not st.words:
            return None
        return GO

    def _particle(self, ctx, st, t, w):
        """A particle continues the name when a name word follows it: ابن/بن/بنت + a common noun is a
        phrase (ابن رجل), unlike أبو جبل."""
        x = self.w
        if w not in x.particles:
            return None
        toks, i = ctx.toks, st.i
        nxt = toks[i + 2].norm if i + 2 < len(toks) and toks[i + 2].kind == "word" else ""
        if nxt in x.name_articles and w not in x.arabic_particles and w not in x.filiation and i + 3 < len(toks) \
                and toks[i + 3].kind == "word" and not is_definite(toks[i + 3].norm) and toks[i + 3].norm not in x.stop \
                and x.z(toks[i + 3].norm) <= T.FOREIGN_WORD_MAX:
            st.need = True
            return GO  # دو لا سابليير: a particle, the Romance article, a rare surname
        if nxt and is_definite(nxt) and w not in x.arabic_particles and w not in x.filiation:
            return END  # a foreign particle takes a foreign surname, never the article (فإن is فان)
        # after an ism (a given name), بن (never the noun "son", which is written ابن) is the nasab
        # particle whatever common word the father's name is (موسى بن نصير، طارق بن زياد)
        if w == "بن" and (st.words[0] in x.given or st.words[0] in x.particles) and nxt \
                and nxt not in x.stop and nxt not in x.speech and not x.strong_verb(nxt) \
                and (not x.suffixed(nxt) or ctx.taa(i + 2)) and (nxt not in x.title_words or self._father_title(ctx, i + 2)):
            st.need = True
            return GO
        if nxt and (nxt not in x.stop or (w in x.filiation and nxt in x.given)) and nxt not in x.speech \
                and not x.verb_like(nxt) and (w not in x.filiation or nxt in x.given or nxt in x.particles
                                              or nxt in x.known_words or not (x.noun_like(nxt) and x.z(nxt) >= 4.5)):
            st.need = True
            return GO
        return END

    def _father_title(self, ctx, k: int) -> bool:
        """A title word after the nasab particle بن is the father's name (فيصل بن مساعد، خالد بن
        سلطان) when it is indefinite and heads no construct: no definite word follows it (محمد بن
        | رئيس الجمعية is a role phrase)."""
        toks = ctx.toks
        after = toks[k + 1] if k + 1 < len(toks) else None
        return not is_definite(toks[k].norm) and not (
            after is not None and after.kind == "word" and after.space_before and is_definite(after.norm))

    def _syllable(self, ctx, st, t, w):
        """Chinese, Korean and Vietnamese names are two or three syllables written as separate
        words (``lexicons/person_syllables.tsv``): after syllables only, the next one continues
        the name even when it is also an Arabic word or begins with و (لي جونغ جاي، تشنغ تشين وين);
        not a stop word."""
        x = self.w
        if len(st.words) < 3 and w not in x.stop and all(y in x.syllables for y in st.words):
            return GO
        return None

    def _before_tail(self, ctx, st, t, w):
        """The word before a compound tail (الله، الدين): a common word that begins compound names
        (``kind=head`` rows of ``person_particles.tsv``: حسب، جاد، العبد) goes on (سامي حسب الله);
        a noun or verb with the pronoun ه (the eulogy رحمه الله، حفظه الله; رحمه is also the name
        رحمة once ة is normalized, so the original spelling decides) or a preposition + noun
        (بإذن الله) ends the name."""
        x = self.w
        toks = ctx.toks
        k = t.i + 1
        if k >= len(toks) or toks[k].kind != "word" or not toks[k].space_before or toks[k].norm not in x.tails \
                or st.words[-1] in x.particles:
            return None
        after = toks[k + 1].norm if k + 1 < len(toks) and toks[k + 1].kind == "word" else ""
        if w in x.compound_heads and not (after and (x.suffixed(after) or (
                after in x.stop and after.endswith(("كم", "هم", "ك", "ه", "ها"))))):
            return GO  # (not a formula: شكر الله سعيكم، فتح الله عليكم)
        pronoun = surface_value(ctx.doc.text[t.start:t.end]).endswith("ه")  # (رحمهُ: vowel marks off)
        if w in x.given and not pronoun:
            return None
        if (pronoun and len(w) >= 4 and x.z(w[:-1]) >= 3.0) or x.strong_clitic(w):
            return END
        return None

    def _known_word(self, ctx, st, t, w):
        """A word of a well-known name (حسني مبارك، كولن باول)."""
        x = self.w
        if self._after_foreign(st.words, w):
            return None  # (a common noun of a known name, الكأس, is still no family name of a foreign one)
        return GO if w in x.known_words and not x.clitic_word(w) and w[0] != "و" else None

    def _ali(self, ctx, st, t, w):
        """علي inside a name (محمد علي العظمي), not the preposition على before a noun."""
        x = self.w
        if not (w in x.given and w in x.stop):
            return None
        if t.i in ctx.ala:
            return END
        toks, i = ctx.toks, st.i
        nx = toks[i + 2] if i + 2 < len(toks) else None
        nn = nx.norm if nx is not None and nx.kind == "word" else ""
        if (nx is not None and nx.kind == "punct") or nn in x.given or nn in x.particles or x.family_nisba(nn):
            return GO
        if nn and not is_definite(nn) and len(nn) >= 4 and x.z(nn) < T.ALI_RARE_NEXT and nx.space_before:
            return GO  # a rare word after it is the family name (فاطمة علي باعباد), not the noun after على
        return END

    def _ordinal(self, ctx, st, t, w):
        """A regnal ordinal (محمد الخامس، عبد الله الثاني; after a sovereign's title any one-word
        name: ملك المجر لايوش الثاني) ends the name."""
        x = self.w
        if w not in x.ordinals:
            return None
        words = st.words
        if len(words) == 1 and (words[0] in x.given or self._regnal_before(ctx, st.i)) \
                or (len(words) == 2 and words[0] in x.particles):
            return TAKE_END
        return END

    def _regnal_before(self, ctx, i: int) -> bool:
        """A sovereign's title (person_regnal_titles.tsv) among the three words before token ``i``,
        proclitics peeled (وملك المجر X، للملك X)."""
        regnal = self.w.regnal
        for k in range(max(0, i - 3), i):
            if any(p.key in regnal for p in peels(ctx.toks[k].norm)):
                return True
        return False

    def _title_family(self, ctx, st, t, w):
        """A family name that is also a title (حسام القاضي، محمد الشيخ) when the name ends there;
        but a role goes on after a full name (X Y النائب العام). One of the titles that are also
        name words (``kind=inner`` of person_particles.tsv: السيد، الحاج، الشيخ) goes on before a
        nisba family name, or after two name units before a given name (فاطمة إبراهيم السيد
        البلتاجي); after one name before a given name it is the next person's title (التقى أحمد
        الشيخ خالد)."""
        x = self.w
        words = st.words
        one = len(words) == 1 and st.anchored or (  # one unit: a word, or a compound (عبد المنعم)
            len(words) == 2 and words[0] in x.arabic_particles and self._units(words) == 1)
        toks, i = ctx.toks, st.i
        after = toks[i + 2] if i + 2 < len(toks) else None
        if w in x.inner_titles and after is not None and after.kind == "word" and after.space_before \
                and all(y in x.given or y in x.particles for y in words) and (x.nisba_surname(after.norm) or (
                self._units(words) >= 2 and after.norm in x.given and after.norm not in x.stop)):
            return GO  # a title that is a name word inside the name (فاطمة إبراهيم السيد البلتاجي)
        if not (w in x.title_words and is_definite(w) and (one or (
                len(words) >= 2 and st.strong and all(y in x.given or y in x.particles for y in words)))):
            return None
        if (after is None or after.kind != "word" or after.norm in x.stop or after.norm in x.speech
                or x.verb_like(after.norm) or after.norm[0] == "و") \
                and (one or after is None or after.kind != "word" or not is_definite(after.norm)):
            return TAKE_END
        return END

    def _family_ends(self, ctx, st, t, w):
        """An Arabic family name with the article ends the name (فيصل سالم العمري شارحا); not the
        word after عبد (عبد العاطي X), a transliteration that begins with ال (كارلوس البرتو X) or
        the definite given name that makes a compound first name with the given name before it
        (محمد المصطفى، فاطمة الزهراء + the family name: فاطمة الزهراء بلقايد)."""
        x = self.w
        words = st.words
        def family(k: int, y: str) -> bool:
            return is_definite(y) and words[k - 1] not in x.particles and y not in x.tails \
                and y not in x.ordinals and (is_nisba(y) or x.z(y[2:]) >= 2.5) \
                and not (k == 1 and words[0] in x.given and (y in x.given or y[2:] in x.given))

        if len(words) >= 2 and not is_definite(w) and w not in x.given and w not in x.known_words and any(
                family(k, y) for k, y in enumerate(words) if k):
            return END
        return None

    def _next_person(self, ctx, st, t, w):
        """A given name (or a word of a known name) right after a family name with the article
        begins the next person (X الحربي Y ...), outside a nasab (علي بن موسى الرضا ...). A definite
        nisba that is no given name begins nobody: it is the second part of a double family name
        (مهدي الفاسي الفهري، صباح خالد الحمد الصباح). A given name with the article (الطيب) is a
        father's name of the chain, not a family name (فاروق الطيب سيد أحمد)."""
        x = self.w
        words = st.words
        y = words[-1]
        if is_definite(w) and is_nisba(w) and w not in x.given:
            return None
        if len(words) >= 2 and (w in x.given or w in x.known_words) and w not in x.tails and is_definite(y) \
                and y not in x.given and y not in x.inner_titles and y not in x.tails and y not in x.ordinals \
                and words[-2] not in x.particles and (is_nisba(y) or x.z(y[2:]) >= 2.5) \
                and not any(v in x.filiation for v in words):
            return END
        return None

    def _construct(self, ctx, st, t, w):
        """After two name units, a given name that is also a common noun heading a genitive
        construct with a frequent definite noun is an apposed role, not a third name (ديفد فرانكلين
        | أمين المتحف، سامي خليل | نجم المنتخب); a family name with the article is rarer than
        such nouns (حسن علي جمال النجار), and a nisba or a compound tail goes on (نجم الدين)."""
        x = self.w
        toks, i = ctx.toks, st.i
        nx = toks[i + 2] if i + 2 < len(toks) else None
        if self._units(st.words) < 2 or nx is None or nx.kind != "word" or not nx.space_before:
            return None  # (عبد الحميد is one unit: سالم after it is the second name)
        y = nx.norm
        if is_definite(y) and not is_nisba(y) and y not in x.tails and y[2:] not in x.given \
                and y not in x.known_words and x.z(y) >= T.CONSTRUCT_NEXT_MIN:
            return END
        return None

    def _shapes(self, ctx, st, t, w):
        """A stop word, title, speech or action verb, a place, a verb or a clitic reading ends the
        name; after an anchored first name only the clear readings count (``soft``)."""
        x = self.w
        lk = st.look
        place = ctx.cover[t.i] == "place"
        if lk["foreign"]:
            # (a verb with a plural or dual subject suffix is a verb whatever its spelling)
            if w in x.action or (place and not ctx.boundary(st.i + 2)) or (
                    w.endswith(("ون", "وا", "ان")) and x.strong_verb(w)):
                return END
            return None
        if lk["soft"]:
            if x.blocked(w) or w in x.action or place or (
                    x.strong_clitic(w) and not x.clitic_on_name(w)) or x.strong_verb(w):
                return END
            return None
        if x.blocked(w) or x.verb_like(w) or place or x.strong_verb(w) or (
                x.clitic_word(w, lk["z"] == 0.0) and not (lk["head"] and x.clitic_on_name(w))):
            return END
        return None

    def _plural(self, ctx, st, t, w):
        """(a proclitic +) a frequent noun + a dual or plural suffix, unattested as a whole
        (باتصالين، بمؤتمرين: :meth:`Words.sound_plural`) ends the name."""
        return END if self.w.sound_plural(w, st.look["head"]) else None

    def _accusative(self, ctx, st, t, w):
        """An accusative noun (أرسل هشام جيشا), also before a boundary; not ماسا (الماس is rarer)."""
        x = self.w
        if w.endswith("ا") and len(w) >= 4 and w not in x.given and w not in x.known_words \
                and x.freq.get("ال" + w[:-1], 0.0) >= T.ACC_STEM_MIN and st.look["z"] >= T.ACC_WORD_MIN:
            return END
        return None

    def _haal(self, ctx, st, t, w):
        """A circumstantial accusative after the subject (:meth:`Words.haal`: ضاحكا، مبتسما; the
        gate holds the test)."""
        return END

    def _facility(self, ctx, st, t, w):
        """A noun that heads the name of a facility, an institution, a medium or a work (جامع،
        ملعب، صحيفة، رواية: person_facility_heads.tsv) begins a new phrase after the name
        (وشيد المعماري سنان لسليمان | جامع السليمانية)."""
        return END

    def _pair(self, ctx, st, t, w):
        """An announced first name + a word before a clear boundary (punctuation, a stop word, a
        number, a verb): the surname, whatever noun or participle it resembles (سيمون هول ،)."""
        x = self.w
        lk = st.look
        if lk["head"] and not is_definite(w) and w[0] != "و" and lk["z"] < T.PAIR_MAX and w not in x.given \
                and (lk["soft"] or not (x.blocked(w) or w in x.action or ctx.cover[t.i] == "place"
                                        or x.strong_clitic(w) or x.strong_verb(w))) \
                and not x.suffixed(w) and ctx.boundary(st.i + 2, titles=True):
            return TAKE_END
        return None

    def _conjunction(self, ctx, st, t, w):
        """و + word: a coordinated item, not the same name."""
        x = self.w
        return END if w[0] == "و" and w not in x.given and not st.look["soft"] else None

    def _verb_after(self, ctx, st, t, w):
        """شيراك سيقرر، طلعت زكريا يتقمص: a verb or common noun after the name."""
        x = self.w
        return END if w not in x.given and w not in x.known_words and x.verb_shape(w) else None

    def _tail(self, ctx, st, t, w):
        """The second part of a compound (نصر الله، نور الدين)."""
        x = self.w
        return GO if w in x.tails and st.words[-1] not in x.particles else None

    def _pronoun(self, ctx, st, t, w):
        """A noun + pronoun (امتناعه، بيعته) or an accusative participle (شارحا) ends the name; not
        a second word nobody uses as a whole after an announced first name (مارك روته)."""
        x = self.w
        lk = st.look
        translit = lk["soft"] and lk["z"] == 0.0 and x.z(w[:-1]) < 4.0 and x.z(w[:-2] + "ه") < 3.0
        if is_definite(w):
            return None  # a definite noun takes no pronoun suffix (الربيعة، الكويتية)
        if len(w) >= 4 and w not in x.given and not translit and (
                (w.endswith("ه") and x.z(w[:-1]) >= 3.5) or (w.endswith("ته") and x.z(w[:-2] + "ه") >= 3.0)
                or (w.endswith("ك") and x.suffixed(w))  # رأيك، كتابك (not ناميك: nobody writes it)
                or (w.endswith("ا") and len(st.words) > 1 and x.z(w[:-1]) >= 3.0)):
            return END
        return None

    def _given(self, ctx, st, t, w):
        """A given name, also a common word when second (رائف نجم، علي جمعة) or in a chain of given
        names (جاسم محمد مهدي)."""
        x = self.w
        words = st.words
        if w in x.given and (w not in x.given_common or (len(words) == 1 and st.anchored)
                             or (st.look["z"] < 4.6 and all(y in x.given or y in x.particles or y in x.tails for y in words))):
            return GO
        return None

    def _clitic_on_word(self, ctx, st, t, w):
        """ليعوض، لثنيه: a proclitic on a known word."""
        x = self.w
        if st.look["z"] == 0.0 and w[0] in "بلكف" and len(w) > 3 and not (w[0] in "بك" and w[1] == "ي") \
                and not st.look["soft"] and (x.verb_like(w[1:]) or x.suffixed(w[1:]) or x.z(w[1:]) >= 3.0):
            return END
        return None

    def _family_before_boundary(self, ctx, st, t, w):
        """An announced first name + a definite word right before a clear boundary (punctuation,
        a preposition, a verb, a title): the family name, even when it is a common noun or shaped
        like a verbal noun (مظفر النواب، أحمد التوفيق، مصطفى التراب); not an adjective (a
        demonym, a role adjective) or a definite plural, nor where an action verb announced the
        name (its object follows the subject: رفض مروان الإفصاح عن خططه)."""
        x = self.w
        if not (st.look["head"] and st.strong and not st.vso and is_definite(w) and ctx.hard_boundary(st.i + 2)):
            return None
        if x.demonym(w) or w in x.role_adj or w in x.ordinals or w[2:] in x.particles \
                or (w.endswith(("ات", "ون", "ين")) and len(w) >= 6):
            return None
        return TAKE_END

    def _definite(self, ctx, st, t, w):
        """A definite word: a family name (الحربي), or a participle before its complement, a verbal
        noun, a definite plural or a common noun, which end the name."""
        if not is_definite(w):
            return None
        x = self.w
        if w in x.role_adj:
            return END  # an adjective of the title after the name (X Y الراحل، X Y السابق)
        if self._pronoun_after_al(ctx, t, w):
            return END  # a noun that begins like the article + a pronoun (X Y ألبومه)
        words, lk = st.words, st.look
        zw, arab, second = lk["z"], lk["arab"], lk["second"]
        d = self._definite_word(w)
        units = self._units(words)
        if units >= 2 and d["participle"] and ctx.prep_next(st.i + 2):
            return END  # a participle before its complement (X Y الفائز بجائزة، X المسؤول عن)
        if (d["masdar"] and not (arab and d["nisba"] and w.endswith("ي"))) or d["function"]:
            return END  # a verbal noun (but ابو عبد الله التركي: a nisba family name)
        if len(words) == 1 and not arab and zw > 3.0:
            return END  # a foreign first word takes no article: بيرنز المسؤولين
        if self._after_foreign(words, w):
            return END  # a foreign name takes no Arabic family name: its object follows (X Y السكانديوم)
        if d["pronoun"]:
            return END  # a noun with a pronoun is no family name, even one that begins like the article (ألبومها)
        if d["plural"]:
            return END  # a definite plural or verbal noun (رفض X الإجراءات، X العائدين، X الإفصاح)
        if d["nisba"] and not (w.endswith("يه") and w[2:] in x.given):
            # after a given name a nisba is a family name (محمد شياع السوداني، أبو حمزة المصري،
            # وردة الجزائرية): a nationality adjective comes before the name (اللاعب المصري محمد);
            # العطية is ال + a name
            # (a feminine one only right after a first name: after a longer name it describes her)
            if w.endswith("يه") and len(words) >= 3 and words[-2] in x.filiation and w not in x.nationality:
                return GO  # after a nasab, her tribe or family (زوينة بنت حمد الحارثية), not a nationality
            return END if x.demonym(w) and not (arab and (w.endswith("ي") or len(words) == 1)) else GO
        if arab and units >= 2 and w[2:] in x.given and w[2:] not in x.stop:
            return GO  # after two name words, ال + a given name is the family name (حسين عوض الأمين)
        if (w.endswith("ه") and not (second and zw < 4.0) and not (arab and len(words) >= 2 and zw < 3.5)) or (
                not second and (zw > T.CONT_DEF_MAX or d["masdar"] or d["common_stem"])):
            return END  # a common noun with the article (الوفد), not a family name
        if second and zw > T.CONT_DEF_SECOND_MAX and w[2:] not in x.given:
            return END  # even after a nasab, one of the most frequent nouns is no laqab (X بن Y | البلاد)
        return GO

    def _units(self, words: list[str]) -> int:
        """Name units read so far: a particle or a compound tail joins the next or previous word
        (عبد الحميد، نور الدين are one unit each)."""
        x = self.w
        return len(words) - sum(y in x.particles or y in x.tails for y in words[:-1])

    def _after_foreign(self, words: list[str], w: str) -> bool:
        """A definite word that is no nisba after a name of two words or more whose last word is
        a transliteration (:meth:`Words.foreign_shape`) and no listed given name (the n-grams of
        Arabic given names are often foreign-like too: سمير، نبيل، موسى)."""
        x = self.w
        return len(words) >= 2 and is_definite(w) and not is_nisba(w) and words[-1] not in x.given \
            and x.foreign_shape(words[-1])

    def _pronoun_after_al(self, ctx, t, w: str) -> bool:
        """A word that begins with ال but is a noun + the pronoun ه (ألبومه): the text writes ه (a
        feminine ending is written ة, which the normalized form shares), and the word without it is
        frequent and more frequent than the whole (the family name الفقيه is more frequent than
        الفقي)."""
        return ctx.pronoun_suffix(t, w) and self.w.z(w) < self.w.z(w[:-1])

    def _definite_word(self, w: str) -> dict:
        """What :meth:`_definite` asks of a definite word alone (memoized per word type)."""
        return self._definite_memo[w]

    def _definite_facts(self, w: str) -> dict:
        x = self.w
        zw, stem = x.z(w), w[2:]
        nisba = is_nisba(w)
        return {
            "nisba": nisba,
            "participle": w not in x.given and stem not in x.given and not nisba
            and (len(w) >= 6 and w.startswith("الم") or (len(w) == 6 and w[3] == "ا"))
            and max(zw, x.z(stem)) >= 2.5,
            "masdar": bool(MASDAR.match(w)),
            "function": stem in x.particles or stem in x.title_words,
            "pronoun": w.endswith(("ها", "هم", "هما", "كم")) and not nisba,
            "plural": w not in x.given and w not in x.known_words and stem not in x.given and (
                (w.endswith("ات") and len(w) >= 7 and zw >= T.PLURAL_DEF_MIN)
                or (w.endswith(("ون", "ين")) and len(w) >= 6 and zw >= 2.5 and not nisba)
                or bool(IFAL.match(w))),
            "common_stem": stem not in x.given and (x.z(stem) >= 4.0 or (w.startswith("الم") and len(w) >= 6)),
        }

    def _indefinite_nisba(self, ctx, st, t, w):
        """An indefinite nisba cannot qualify a (definite) name; second, it is a family name (جون كندي)."""
        return END if is_nisba(w) and st.look["z"] >= 3.5 and not st.look["second"] else None

    def _accusative_late(self, ctx, st, t, w):
        """An accusative noun (اجتماعا، ردا)."""
        return END if w.endswith("ا") and self.w.freq.get("ال" + w[:-1], 0.0) >= 3.5 else None

    def _second(self, ctx, st, t, w):
        """Given name + family name: accept unless a very common noun, or (without a title or speech
        verb announcing the name: after an action verb the object or an adverb follows the
        subject) a frequent word (نزار مرتين، موسى معهم); a common noun heading a genitive
        construct is no surname (مونيكا حفل الافتتاح)."""
        x = self.w
        lk = st.look
        if not (lk["second"] and lk["arab"]):
            return None
        zw = lk["z"]
        toks, i = ctx.toks, st.i
        nx = toks[i + 2] if i + 2 < len(toks) else None
        construct = nx is not None and nx.kind == "word" and nx.space_before and is_definite(nx.norm) \
            and not is_nisba(nx.norm) and x.noun_like(w) and zw >= T.CONSTRUCT_MIN
        if not (x.noun_like(w) and zw >= 5.0) and not (w.endswith("ه") and zw >= 4.0 and x.noun_like(w)) \
                and not (zw >= (T.SECOND_STRONG_MAX if st.strong and not st.vso else T.SECOND_MAX)) and not construct:
            return GO
        return END

    def _rare(self, ctx, st, t, w):
        """A noun or participle (محاصر، مترابط) ends the name; a given name or a rare word continues it."""
        x = self.w
        zw = st.look["z"]
        art = x.freq.get("ال" + w, 0.0)
        if x.noun_like(w) or (w[0] == "م" and len(w) >= 4 and zw >= 2.5) or x.participle_shape(w) or (
                zw >= 3.3 and art >= 2.8 and art >= zw - 1.3):
            return END
        if w in x.given or zw <= T.CONT_MAX or (st.strong and zw <= T.CONT_STRONG_MAX and not w.endswith("ه")):
            return GO
        return END
