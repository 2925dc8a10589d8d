"""People: a staged recognizer of person names in Arabic news.

Stages, one module each (the stage :class:`PersonExtractor` runs them in this order):

1. **candidates** (:mod:`.rules`, :mod:`.chain`): context rules say where a name begins: titles
   and role chains, speech and action verbs, naming and credit words, nationality adjectives,
   bylines, bracketed numbers, given names and the list of well-known people. The rules are data
   (``resources/people/rules.tsv``, every rule id with its score); their trigger words are
   lexicons (``resources/lexicons/person_*.tsv``).
2. **name extent** (:mod:`.extent`): an explicit model of Arabic and foreign name structure
   (ism, nasab, kunya, family name, transliterated runs) with written stop conditions, over the
   word classes of :mod:`.words` (lexicons, frequency, morphology).
3. **document consistency** (:mod:`.document`): coordination and lists, first names before
   found surnames, the facility guard, one name per span.

Short forms and repeats of the names found are linked and added by the ``link`` stage
(:class:`pipeline.extract.resolve.Linker`), after overlaps with other types are settled.

The span of a name excludes proclitics (``لماكرون`` -> ``ماكرون``); its value is the span
without diacritics or tatweel; its evidence is the trigger as written in the text.
"""

from __future__ import annotations

from ...document import Document
from .document import Consistency
from .evidence import Evidence
from .extent import NameExtent
from .page import Page
from .rules import ContextRules, load_rules
from .words import Words, clean_value, frequency_table, is_definite, is_nisba, shared_words

__all__ = ["PersonExtractor", "clean_value", "frequency_table", "is_definite", "is_nisba"]


class PersonExtractor:
    """Stage ``people``: person candidates from context rules, name structure and the document."""

    name = "people"

    def __init__(self, known: bool = True, collect: bool = False) -> None:
        """``known=False`` leaves out the list of well-known people (for ablation measurements);
        ``collect=True`` keeps every candidate with its features in ``doc.meta["person_candidates"]``
        (for calibration)."""
        self.collect = collect
        self.words = shared_words() if known else Words(known)
        self.evidence = Evidence(self.words, self.words.likeness)
        self.rules = load_rules()
        self.extent = NameExtent(self.words)
        self.context = ContextRules(self.words, self.extent, self.rules)
        coordination = next((r for r in self.rules if r.mechanism == "coordination"), None)
        self.document = Consistency(self.words, self.extent, coordination)

    def __call__(self, doc: Document) -> Document:
        if not doc.tokens:
            return doc
        page = Page(doc, self.words)
        self.context(page)
        toks = doc.tokens
        chosen = self.document(page)
        names = self.evidence.names(page, chosen)
        kept = doc.meta.setdefault("person_candidates", []) if self.collect else None
        for (a, b), c in chosen:
            s, _ = doc.view.to_original(toks[a].nstart + c.cut, toks[a].nend)
            e = toks[b].end
            feats = self.evidence.features(page, (a, b), c, names)
            score = self.evidence.score(c.score, feats)
            if kept is not None:
                kept.append({"start": s, "end": e, "rule": c.rule, "prior": c.score, "features": feats, "score": score})
            doc.add_candidate(doc.make_entity("person", s, e, clean_value(doc.text[s:e]), c.rule, score,
                                              evidence=c.evidence))
        return doc
