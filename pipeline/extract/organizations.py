"""Organizations: fixed names and head-noun chains (وزارة …، مجلس …، حزب …، جامعة …).

Rule families:

* ``org.name``: a fixed name from ``lexicons/org_names.tsv`` (الأمم المتحدة، الاتحاد الأوروبي,
  institutions and media usually named alone).
* ``org.chain``: a head noun from ``lexicons/org_heads.tsv`` followed by a name chain. The chain
  takes definite nouns and adjectives (الصحة، الدولي، المغربية), conjoined definite nouns
  (والحماية), ل/لل + noun complements (للغاز، لكرة القدم), place names, nisba adjectives,
  unknown (rare) words right after the head (شركة سامسونغ) and title + name (جامعة الملك
  عبد الله). It stops at punctuation, numbers, prepositions, function words, time words and
  common indefinite words. Heads marked ``needs=name`` only count when the chain holds a
  place, a nisba adjective, an unknown word or a title + name (لجنة … الأوروبية، حركة طالبان).

* ``org.club``: a city named as a sports club, after a sports word (لاعب برشلونة، أمام ليفربول)
  or before a masculine nationality adjective (بنفيكا البرتغالي), then at every bare mention of
  that city in the document.

Chain candidates have ``extra["blocks"] = True``: the resolver lets them win over what they
contain, so a place inside an organization name (جامعة القاهرة، الحزب الشيوعي الصيني) is not a
place and the words of a facility named after a person do not become a person. A chain whose
head is in construct with common nouns and nisba adjectives (وزارة الخارجية المغربية، هيئة
الأركان) names an institution and is emitted as ``org.chain.generic`` (score 0.6); with a definite
head or a head that needs a name (الإدارة الأمريكية، لجنة التحقيق) it is a *reserving* candidate
(``extra["suppress"] = True``): it keeps its words out of persons and places but is not emitted;
parties, universities and international organizations (حزب العمال، جامعة الأزهر) are named by
their complement and are emitted. With a
company or media head and a bare name (شركة تويوتا، صحيفة هآرتس) the name alone is emitted.
"""

from __future__ import annotations

import bisect

from ..cache import cached_table
from ..document import Document
from ..normalize import normalize
from ..resources import ResourceError, load_table
from .gazetteers import country_nisba_forms, load_all, nisba_forms, norm_zipf, place_table
from .lexicon import Gazetteer
from .places import surface_value

HEADS = "lexicons/org_heads.tsv"
NAMES = "lexicons/org_names.tsv"
KNOWN = "lexicons/org_known.tsv"
KNOWN_KINDS = frozenset(("club", "company", "media", "party", "intl", "gov", "edu", "ngo", "other"))
CHAIN = "lexicons/org_chain.tsv"
SPORTS = "lexicons/org_sports.tsv"
PREPOSITIONS = frozenset(("في", "من", "الي", "إلى", "علي", "عن", "داخل", "نحو", "قرب"))
MAX_CHAIN = 7
NAMED_BY_COMPLEMENT = frozenset(("party", "edu", "intl"))
# institutions that may be named after a person (جامعة الملك عبد الله، مستشفى الشيخ خليفة,
# نادي الأمير فيصل): only their chains may take a title + name
NAMED_AFTER_PERSON = frozenset(("edu", "health", "sport", "civil", "fin"))
UNKNOWN_MAX_ZIPF = 2.5
CLUB_PREFIX_MAX_ZIPF = 3.0


def _lexicons() -> dict:
    """The stage's lexicons and gazetteers (attributes of :class:`OrganizationExtractor`)."""
    out: dict = {}
    out["heads"] = heads = {normalize(r["form"]): r["needs"] for r in load_table(HEADS, ("form", "needs"))}
    entries = []
    for form in heads:
        entries.append((form, (form, form.startswith("ال"))))
        if not form.startswith("ال"):
            entries.append(("ال" + form, (form, True)))
    out["head_gaz"] = Gazetteer(entries)
    known = known_rows()
    out["names"] = names = Gazetteer([(r["name"], r["id"]) for r in load_table(NAMES, ("name",))]
                                     + [(r["name"], r["id"]) for r in known if r["alone"] == "1"])
    chain = load_table(CHAIN, ("form", "kind"))
    for attr, kind in (("titles", "title"), ("stop", "stop"), ("lam_nouns", "lam_noun"), ("institution", "institution")):
        out[attr] = frozenset(normalize(r["form"]) for r in chain if r["kind"] == kind)
    out["name_words"] = frozenset(k for k in names.keys if " " not in k)
    out["sports"] = frozenset(normalize(r["form"]) for r in load_table(SPORTS, ("form",)))
    cities = [k for k, v in place_table().items() if v["kind"] == "city" and v["trust"] != "C" and " " not in k]
    # clubs whose one-word name is also a common word, a name or a place (الأهلي، النصر، الفيصلي):
    # read as clubs only where a city would be (after a sports word, before a nationality adjective)
    out["club_words"] = club_words = frozenset(
        k for k in (normalize(r["name"]) for r in known if r["kind"] == "club" and r["alone"] == "0")
        if " " not in k)
    keys = cities + sorted(club_words)
    out["city_forms"] = frozenset(keys + [c + k for k in keys for c in ("و", "ب", "ل", "وب", "ول", "ف")])
    out["head_kind"] = {normalize(r["form"]): r["kind"] for r in load_table(HEADS, ("form", "kind"))}
    return out


def _future_verb(w: str) -> bool:
    """س + an imperfect verb that is a known word without the س (ستتوسع، سيكتمل); not
    ستاربكس (تاربكس is no word)."""
    return len(w) >= 5 and w[0] == "س" and w[1] in "يتنا" and norm_zipf(w[1:]) >= 2.5


def known_rows() -> tuple[dict, ...]:
    """The rows of ``lexicons/org_known.tsv``, validated (kind and alone)."""
    rows = load_table(KNOWN, ("name", "kind", "alone"))
    for r in rows:
        if r["kind"] not in KNOWN_KINDS:
            raise ResourceError(f"{KNOWN}: {r['id']}: unknown kind {r['kind']!r}")
        if r["alone"] not in ("0", "1"):
            raise ResourceError(f"{KNOWN}: {r['id']}: alone must be 0 or 1, not {r['alone']!r}")
    return rows


class OrganizationExtractor:
    """Stage ``organizations``."""

    name = "organizations"

    def __init__(self) -> None:
        load_all()
        self.places = place_table()
        self.nisba = nisba_forms()
        self.nationality = country_nisba_forms()
        # the lexicons and automata built from the data files, cached on disk (pipeline.cache)
        self.__dict__.update(cached_table("organizations-stage", _lexicons))

    def _chain(self, toks, h: int, fixed_end: dict[int, int] | None = None,
               kind: str | None = None, definite: bool = False) -> tuple[int, bool, bool, bool]:
        """Index of the last token of the chain after head ``h`` (``h`` if none) and whether
        the chain holds a name (place, nisba, unknown word, title + name). After a fixed name
        (مجلس الأمن) the chain only goes on with a nisba adjective.
        Also returns whether it holds a proper name (place, unknown word, title + name, not
        just a nisba) and whether it is made of unknown words only (شركة X). A ``definite`` head
        takes no unknown word right after it: a noun with the article is in construct with
        nothing, so the word begins something else (رئيس الاتحاد برند X: a person)."""
        n = len(toks)
        last, named, proper, kinds = h, False, False, set()
        fixed = (fixed_end or {}).get(h)
        j = h + 1
        prev_kind = "head"
        adjectives = False  # once an adjective is seen, later definite words must be adjectives
        while j < n and j - h <= MAX_CHAIN:
            t = toks[j]
            if t.kind != "word" or not t.space_before or t.sent != toks[h].sent:
                break
            w = t.norm
            if w in self.stop or w in self.heads and j > h + 1:
                break
            if fixed is not None and j > fixed and not (w in self.nisba and w.startswith("ال")):
                break
            if prev_kind == "title":
                k = self._title_name_end(toks, j)
                if k > j:
                    last, named, proper, prev_kind = k - 1, True, True, "name"
                    kinds.add("name")
                    j = k
                    continue
                break
            if w in self.titles:
                if kind not in NAMED_AFTER_PERSON:
                    break  # إدارة الرئيس X، مكتب الشيخ X: the person stays a person
                last, prev_kind = j, "title"
            elif w in self.places and prev_kind in ("head", "def", "construct") and self.places[w]["trust"] == "A":
                last, named, proper, prev_kind = j, True, True, "place"
            elif w in self.nisba and w.startswith("ال"):
                last, named, prev_kind, adjectives = j, True, "nisba", True
            elif w in self.name_words and prev_kind in ("head", "unknown"):
                last, named, proper, prev_kind = j, True, True, "unknown"
            elif w.startswith("ال") and len(w) > 3:
                adj = w.endswith(("ي", "يه", "يين", "يون"))
                if adjectives and not adj:
                    break
                last, prev_kind, adjectives = j, "def", adjectives or adj
            elif w.startswith("وال") and prev_kind in ("def", "nisba", "place") and w[1:] not in self.heads \
                    and w[3:] not in self.heads:  # و + another head starts a second organization
                last, prev_kind = j, "def"
            elif w.startswith("لل") and len(w) > 4 and prev_kind != "head":
                last, prev_kind = j, "def"
            elif w in self.lam_nouns and j + 1 < n and toks[j + 1].norm.startswith("ال"):
                last, prev_kind = j + 1, "def"
                j += 2
                continue
            elif (w[:1] == "و" and w[1:] in self.name_words) or _future_verb(w):
                break  # و + a fixed name begins a second organization (شركة أرامكو وفودافون); الشركة
                # ستتوسع: a verb with the future prefix, not a name nobody uses
            elif prev_kind in ("head", "unknown") and len(w) >= 3 and (w in self.name_words or (
                    not w.startswith("ال") and norm_zipf(w) < UNKNOWN_MAX_ZIPF and not (definite and prev_kind == "head"))):
                last, named, proper, prev_kind = j, True, True, "unknown"
            elif prev_kind == "head" and j + 1 < n and not w.startswith(("ال", "و")) and len(w) >= 3 \
                    and toks[j + 1].kind == "word" and toks[j + 1].space_before \
                    and toks[j + 1].sent == t.sent and toks[j + 1].norm.startswith("ال") \
                    and toks[j + 1].norm not in self.stop:
                # one indefinite noun in construct between the head and a definite complement
                # (محكمة جنايات الجيزة، هيئة كبار العلماء): the chain goes on, nothing is
                # accepted until the complement
                prev_kind = "construct"
            else:
                break
            kinds.add(prev_kind)
            j += 1
        # a chain does not end on a title without its name
        while last > h and toks[last].norm in self.titles:
            last -= 1
        return last, named, proper, kinds == {"unknown"}

    def _title_name_end(self, toks, j: int) -> int:
        """The token after the name that follows a title inside a chain (up to three words,
        عبد + الله: جامعة الملك عبد الله); ``j`` when there is none."""
        n, k = len(toks), j
        while k < n and k - j < 3 and toks[k].kind == "word" and toks[k].norm not in self.stop \
                and toks[k].space_before \
                and not toks[k].norm.startswith(("لل", "وال", "بال", "كال", "فال", "و")) \
                and (not toks[k].norm.startswith("ال") or toks[k - 1].norm in ("عبد", "ابو", "بن")):
            k += 1
        return k

    def _club_key(self, norm: str) -> tuple[int, str] | None:
        """(clitic length, key) when a token is a city name (not a country) or a club's one-word
        name that needs context, maybe after و/ب/ل."""
        for cut in (0, 1, 2):
            if cut and norm[:cut] not in ("و", "ب", "ل", "وب", "ول", "ف"):
                continue
            key = norm[cut:]
            info = self.places.get(key)
            if (info and info["kind"] == "city" and info["trust"] != "C") or key in self.club_words:
                return cut, key
        return None

    def _clubs(self, doc: Document) -> None:
        """A city named as a sports club: after a sports word (لاعب برشلونة، أمام ليفربول) or
        followed by a masculine nationality adjective (بنفيكا البرتغالي); then every bare
        mention of that city in the document that no preposition introduces."""
        toks = doc.tokens
        n = len(toks)
        clubs: dict[str, str] = {}
        spans: list[tuple[int, int, int, str]] = []
        sports, nisba, city_forms = self.sports, self.nationality, self.city_forms
        for t in toks:
            if not t.i or t.norm not in city_forms:
                continue
            prev = toks[t.i - 1].norm
            bare_prev = prev[1:] if prev[:1] in ("و", "ف") and len(prev) > 3 else prev
            why = None
            if prev in sports or bare_prev in sports:  # (فريق begins with ف but is no ف + ريق)
                why = "sports:" + (prev if prev in sports else bare_prev)
            elif t.i + 1 < n:
                nxt = toks[t.i + 1].norm
                if nxt.endswith("ي") and nxt in nisba and nxt.startswith("ال"):
                    why = "nationality:" + nxt
            if why is None:
                continue
            ck = self._club_key(t.norm)
            if ck is None:
                continue
            cut, key = ck
            if why:
                clubs[key] = why
                spans.append((t.i, cut, t.i, why))
        if not clubs:
            return
        seen = {s[0] for s in spans}
        for t in toks:
            if t.i in seen or t.kind != "word" or t.norm not in clubs:
                continue
            ck = self._club_key(t.norm)
            if ck and ck[1] in clubs and ck[0] == 0:
                prev = toks[t.i - 1].norm if t.i else ""
                if prev not in PREPOSITIONS and prev not in ("،", ",") and not prev.startswith("ال"):
                    spans.append((t.i, 0, t.i, "document:" + ck[1]))
        for i, cut, last, why in spans:
            t = toks[i]
            start, _ = doc.view.to_original(t.nstart + cut, t.nend)
            # a foreign word right before the city belongs to the club name (دينامو كييف)
            if not cut and i > 0 and toks[i - 1].kind == "word" and not toks[i - 1].norm.startswith("ال") \
                    and norm_zipf(toks[i - 1].norm) < CLUB_PREFIX_MAX_ZIPF and toks[i - 1].norm not in self.sports:
                start = toks[i - 1].start
            end = toks[last].end
            doc.add_candidate(doc.make_entity("organization", start, end, surface_value(doc.text[start:end]),
                                              "org.club", 0.7, why, blocks=True))

    def __call__(self, doc: Document) -> Document:
        if not doc.tokens:
            return doc
        fixed_end, fixed_first = self._fixed_names(doc)
        self._clubs(doc)
        seen_heads: set[int] = set()
        chains: list[tuple[int, int, int, int, str, bool, bool, bool]] = []
        for hit in self.head_gaz.find(doc):
            if hit.tok_first != hit.tok_last or hit.tok_first in seen_heads:
                continue
            if hit.clitic.endswith("ال") and hit.clitic not in ("ال", "وال", "فال", "بال", "كال"):
                continue
            key, _definite = hit.payloads[0]
            if hit.key == key and hit.clitic.endswith("ال"):
                continue  # the definite reading is the key with ال
            seen_heads.add(hit.tok_first)
            chain = self._head_chain(doc, hit, fixed_end, fixed_first)
            if chain is not None:
                chains.append(chain)
        self._emit_chains(doc, chains)
        return doc

    def _fixed_names(self, doc: Document) -> tuple[dict[int, int], set[int]]:
        """Emits the fixed names (``org.name``); returns first token -> last token of the
        longest fixed name starting there, and the first tokens."""
        fixed_end: dict[int, int] = {}
        fixed_first: set[int] = set()
        for h in self.names.find(doc):
            if h.clitic.endswith("ال"):
                continue
            multi = h.tok_last > h.tok_first
            if fixed_end.get(h.tok_first, -1) < h.tok_last:
                fixed_end[h.tok_first] = h.tok_last
            fixed_first.add(h.tok_first)
            # ل + ال fused (للحزب): the span starts at the kept ل, the value restores the article
            fused = h.key.startswith("ال") and not doc.view.text[h.nstart:h.nend].startswith("ال")
            doc.add_candidate(doc.make_entity("organization", h.start, h.end,
                                              surface_value(doc.text[h.start:h.end], fused),
                                              "org.name", 0.85, h.key, blocks=multi))
        return fixed_end, fixed_first

    def _head_chain(self, doc: Document, hit, fixed_end: dict[int, int], fixed_first: set[int]):
        """The chain opened by an organization head, ``(head, last, start, end, key, shown,
        generic, fused)``, or None where the head opens no organization."""
        toks = doc.tokens
        t = toks[hit.tok_first]
        key, definite = hit.payloads[0]
        if self.head_kind.get(key) == "party" and t.i + 1 in fixed_first:
            return None  # حركة حماس: the movement is named by its fixed name alone
        if t.i + 1 < len(toks) and f"{key} {toks[t.i + 1].norm}" in self.places:
            return None  # قناة السويس، خليج ...: a place name that starts like a head
        last, named, proper, only_names = self._chain(toks, t.i, fixed_end, self.head_kind.get(key), definite)
        if last == t.i:
            return None
        # an official body: definite head + institution adjective + a ل/لل complement or a
        # nationality adjective (الهيئة العامة للإحصاء، البنك المركزي التونسي)
        official = False
        first_adj = toks[t.i + 1].norm if t.i + 1 < len(toks) else ""
        if definite and last >= t.i + 2 and (first_adj in self.institution or first_adj in self.nationality):
            # (المرصد السوري لحقوق الإنسان: a nationality first needs the ل complement)
            stop = next((k for k in range(t.i + 2, last + 1) if k in fixed_first), last + 1)
            official = any(x.norm.startswith("لل") or x.norm in self.lam_nouns
                           or x.norm in self.nationality and first_adj in self.institution
                           for x in toks[t.i + 2:stop])
            if official:
                last = stop - 1  # a fixed name inside (الجمعية العامة التابعة للأمم المتحدة) stays its own
        if (definite or self.heads[key] == "name") and not named and not official:
            return None
        start = hit.start
        end = toks[last].end
        if only_names and self.head_kind.get(key) in ("company", "media"):
            # شركة X، صحيفة X: the name alone is the organization
            start = toks[t.i + 1].start
        # a chain without a proper name (مجلس الإدارة، وزارة الخارجية، الإدارة الأمريكية)
        # reserves its span so that its words do not leak into persons and places, but is
        # not emitted
        # parties, universities and international organizations are named by their
        # complement even when it is a common noun (حزب العمال، جامعة الأزهر، منظمة العفو)
        emit = proper or (not definite and self.heads[key] == "any"
                          and self.head_kind.get(key) in NAMED_BY_COMPLEMENT)
        # a head in construct with a definite noun (وزارة الصحة، هيئة الأركان) names an
        # institution even without a proper name: emitted, with a lower score; a definite party, union or
        # federation head with a nisba adjective or a complement (الحزب الاشتراكي الفرنسي، الاتحاد الجزائري لكرة السلة) too
        generic = not emit and (official or (not definite and self.heads[key] == "any")
                                or (definite and self.head_kind.get(key) in NAMED_BY_COMPLEMENT | {"sport"}))
        # ل + ال written لل: the span keeps the ل of the article, the value restores ال
        fused = start == hit.start and hit.key.startswith("ال") and \
            doc.view.text[hit.nstart:hit.nstart + 2] != "ال"
        return (t.i, last, start, end, key, emit or generic, generic, fused)

    @staticmethod
    def _emit_chains(doc: Document, chains: list[tuple]) -> None:
        """Emits the chains; a reserving chain stops before an emitted organization that it
        would swallow (المكتب السياسي للجنة المركزية | للحزب الاشتراكي الفرنسي)."""
        toks = doc.tokens
        emitted_heads = sorted(c[0] for c in chains if c[5])
        for h, last, start, end, key, shown, generic, fused in chains:
            if not shown:
                k = bisect.bisect_right(emitted_heads, h)  # the first emitted head after h
                if k < len(emitted_heads) and emitted_heads[k] <= last:
                    last = emitted_heads[k] - 1
                    if last <= h:
                        continue
                    end = toks[last].end
            value = surface_value(doc.text[start:end])
            if fused:
                value = "ا" + value
            doc.add_candidate(doc.make_entity("organization", start, end, value,
                                              "org.chain.generic" if generic else "org.chain",
                                              0.6 if generic else 0.8, key, blocks=True,
                                              suppress=not shown))
