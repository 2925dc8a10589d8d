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

Every candidate has ``extra["blocks"] = True``: the resolver lets it win over what it
contains, so a place inside an organization name (جامعة القاهرة، الحزب الشيوعي الصيني) is not a
place and the words of a facility named after a person do not become a person.
"""

from __future__ import annotations

from ..document import Document
from ..normalize import normalize
from ..resources import load_table
from .gazetteers import nisba_forms, norm_zipf, place_table
from .lexicon import Gazetteer
from .places import surface_value

HEADS = "lexicons/org_heads.tsv"
NAMES = "lexicons/org_names.tsv"
CHAIN = "lexicons/org_chain.tsv"
MAX_CHAIN = 7
UNKNOWN_MAX_ZIPF = 2.5


class OrganizationExtractor:
    """Stage ``organizations``."""

    name = "organizations"

    def __init__(self) -> None:
        self.heads: dict[str, str] = {normalize(r["form"]): r["needs"] for r in load_table(HEADS, ("form", "needs"))}
        self.names = Gazetteer((r["name"], r["id"]) for r in load_table(NAMES, ("name",)))
        chain = load_table(CHAIN, ("form", "kind"))
        self.titles = frozenset(normalize(r["form"]) for r in chain if r["kind"] == "title")
        self.stop = frozenset(normalize(r["form"]) for r in chain if r["kind"] == "stop")
        self.lam_nouns = frozenset(normalize(r["form"]) for r in chain if r["kind"] == "lam_noun")
        self.places = place_table()
        self.name_words = frozenset(k for k in self.names.keys if " " not in k)
        self.nisba = nisba_forms()

    def _head(self, norm: str) -> tuple[int, str, bool] | None:
        """(clitic length, head key, definite) when a token is a head noun, with an optional
        و/ف/ب/ل clitic; a definite head (الحزب، للحزب) only counts with a name in its chain."""
        if norm in self.heads:
            return 0, norm, False
        for pre in ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل", "ك"):
            if norm.startswith(pre) and norm[len(pre):] in self.heads and len(norm) - len(pre) >= 3:
                return len(pre), norm[len(pre):], False
        for pre, cut in (("ال", 0), ("وال", 1), ("فال", 1), ("بال", 1), ("كال", 1), ("لل", 1), ("ولل", 2), ("فلل", 2)):
            if norm.startswith(pre) and norm[len(pre):] in self.heads and len(norm) - len(pre) >= 3:
                return cut, norm[len(pre):], True
        return None

    def _chain(self, toks, h: int) -> tuple[int, bool]:
        """Index of the last token of the chain after head ``h`` (``h`` if none) and whether
        the chain holds a name (place, nisba, unknown word, title + name)."""
        n = len(toks)
        last, named = h, False
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
            if prev_kind == "title":
                # the name after a title: up to three words, عبد + الله
                k = j
                while k < n and k - j < 3 and toks[k].kind == "word" and toks[k].norm not in self.stop \
                        and toks[k].space_before \
                        and not toks[k].norm.startswith(("لل", "وال", "بال", "كال", "فال", "و")) \
                        and (not toks[k].norm.startswith("ال") or toks[k - 1].norm in ("عبد", "ابو", "بن")):
                    k += 1
                if k > j:
                    last, named, prev_kind = k - 1, True, "name"
                    j = k
                    continue
                break
            if w in self.titles:
                last, prev_kind = j, "title"
            elif w in self.places and prev_kind in ("head", "def") and self.places[w]["trust"] == "A":
                last, named, prev_kind = j, True, "place"
            elif w in self.nisba and w.startswith("ال"):
                last, named, prev_kind, adjectives = j, True, "nisba", True
            elif w.startswith("ال") and len(w) > 3:
                adj = w.endswith(("ي", "يه", "يين", "يون"))
                if adjectives and not adj:
                    break
                last, prev_kind, adjectives = j, "def", adjectives or adj
            elif w.startswith("وال") and prev_kind in ("def", "nisba", "place") and w[1:] not in self.heads:
                last, prev_kind = j, "def"
            elif w.startswith("لل") and len(w) > 4 and prev_kind != "head":
                last, prev_kind = j, "def"
            elif w in self.lam_nouns and j + 1 < n and toks[j + 1].norm.startswith("ال"):
                last, prev_kind = j + 1, "def"
                j += 2
                continue
            elif prev_kind in ("head", "unknown") and not w.startswith("ال") and len(w) >= 3 \
                    and (norm_zipf(w) < UNKNOWN_MAX_ZIPF or w in self.name_words):
                last, named, prev_kind = j, True, "unknown"
            else:
                break
            j += 1
        # a chain does not end on a title without its name
        while last > h and toks[last].norm in self.titles:
            last -= 1
        return last, named

    def __call__(self, doc: Document) -> Document:
        toks = doc.tokens
        if not toks:
            return doc
        for h in self.names.find(doc):
            if h.clitic.endswith("ال"):
                continue
            doc.add_candidate(doc.make_entity("organization", h.start, h.end, surface_value(doc.text[h.start:h.end]),
                                              "org.name", 0.85, h.key, blocks=True))
        for t in toks:
            if t.kind != "word":
                continue
            hd = self._head(t.norm)
            if hd is None:
                continue
            cut, key, definite = hd
            last, named = self._chain(toks, t.i)
            if last == t.i:
                continue
            if (definite or self.heads[key] == "name") and not named:
                continue
            start, _ = doc.view.to_original(t.nstart + cut, t.nend)
            end = toks[last].end
            doc.add_candidate(doc.make_entity("organization", start, end, surface_value(doc.text[start:end]),
                                              "org.chain", 0.8, key, blocks=True))
        return doc
