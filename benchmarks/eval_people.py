"""Person precision / recall / F1 on our own labelled texts, overall and by genre.

    uv run python benchmarks/eval_people.py                       # every set below
    uv run python benchmarks/eval_people.py data/gold/people_dev.jsonl --errors

A gold file is JSON Lines: ``{"id", "genre", "text", "entities": [{"type", "start", "end",
"canonical"}]}``. A person counts when its span is exact (``start`` and ``end``); the value
accuracy is the share of those whose ``value`` equals the gold ``canonical`` form.

``people_dev.jsonl`` was used in development (its errors were read); ``people_blind.jsonl`` was
written and labelled before the tool was run on it and measured once, blind, on 1 Dec 2026: any
later figure on it is no longer blind (its errors were never read). ``people_blind2.jsonl`` (45
texts, 309 persons) was written and labelled on 2 Dec 2026 by someone who had not seen the
tool's code or outputs, and measured blind after the well-known-people list of that session
(0.907), then again after two more lexicon additions made without looking at it (0.907).
``people_blind3.jsonl`` (46 texts, 298 persons, about 96% of the mentions invented or little-known
people, so that lists of well-known people do not flatter it) was written the same way on 2 Dec
2026 and measured blind once: 0.804 (the code of that session's start, 63609ab: 0.773). The
errors of the blind sets are never printed: ``--errors`` scores them only. ``people_dev2.jsonl``
(45 texts, 314 persons) was written the same way on 2 Dec 2026 (fourth session), measured blind
once (0.857; the code of 63609ab: 0.833, of 17537a3: 0.817) and then made a development set: its
errors are read, so it is no longer a test of anything. ``people_blind5.jsonl`` (45 texts, 312
persons) was written the same way at the end of that session and measured blind once, after its
changes: 0.853 (that session's start, 3f4b9c6: 0.843; 63609ab: 0.834; 17537a3: 0.807). Its brief
asked for some of the shapes that session had worked on (a haal after a name, relation nouns), so
its gain is somewhat flattered. ``people_wikidev.jsonl`` (45 Wikipedia-style paragraphs, 432
persons: biographies, history, science, arts, sports, religion, places) was written the same way
in the fifth session, measured blind once (0.807) and then made a development set for the
Wikipedia style, where AQMAR shows the tool weakest. ``people_blind6.jsonl`` (45 texts, 362
persons, 30 news and 15 Wikipedia-style, about 95% invented people, many line-ups and results
lists) was written the same way in that session and kept out of every run until its person changes
were done, then measured once: 0.782 (that session's start, 58e6974: 0.770; 3f4b9c6: 0.775;
17537a3: 0.756); its errors were read in the seventh session, so it is a development set now.
``people_blind7.jsonl`` (45 texts, 310 persons, 30 news and 15 Wikipedia-style, over 95% invented
people; Maghrebi, Mauritanian and Sudanese names, line-ups, results lists, eponym traps) was written
the same way in the seventh session and measured once at its end: 0.824 (news 0.854, Wikipedia-style
0.764); the code of that session's start, 764ef1b, and of the sixth session's start, 30c3323: 0.810.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT = [ROOT / "data/gold/people_dev.jsonl", ROOT / "data/gold/people_blind.jsonl",
           ROOT / "data/gold/people_blind2.jsonl", ROOT / "data/gold/people_blind3.jsonl",
           ROOT / "data/gold/people_dev2.jsonl", ROOT / "data/gold/people_blind5.jsonl",
           ROOT / "data/gold/people_wikidev.jsonl", ROOT / "data/gold/people_blind6.jsonl",
           ROOT / "data/gold/people_blind7.jsonl"]


def prf(tp: int, gold: int, pred: int) -> tuple[float, float, float]:
    p, r = tp / max(pred, 1), tp / max(gold, 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def score(path: Path, nlp, errors: bool) -> None:
    docs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp, gold, pred, value ok
    for d in docs:
        gold = {(e["start"], e["end"]): e["canonical"] for e in d["entities"] if e["type"] == "person"}
        out = nlp.process(d["text"], d["id"])
        pred = {(e.start, e.end): e.value for e in out.entities if e.type == "person"}
        hits = set(gold) & set(pred)
        for key in ("all", d.get("genre", "?").split("-")[0]):
            c = counts[key]
            c[0] += len(hits)
            c[1] += len(gold)
            c[2] += len(pred)
            c[3] += sum(gold[k] == pred[k] for k in hits)
        if errors:
            text = d["text"]
            for kind, spans in (("missed", set(gold) - hits), ("false", set(pred) - hits)):
                for s, e in sorted(spans):
                    print(f"  {kind:6} {d['id']}: …{text[max(0, s - 25):s]}[{text[s:e]}]{text[e:e + 20]}…")
    print(f"{path.name}: {len(docs)} texts")
    for key, (tp, g, p, v) in sorted(counts.items(), key=lambda kv: kv[0] != "all"):
        P, R, F = prf(tp, g, p)
        print(f"  {key:8} P {P:.3f}  R {R:.3f}  F1 {F:.3f}  (gold {g}, found {p}; value right on {v}/{tp})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--errors", action="store_true", help="print the missed and false persons")
    args = ap.parse_args()
    from pipeline import build_default_pipeline

    nlp = build_default_pipeline()
    for path in args.gold:
        blind = "blind" in path.name
        if args.errors and blind:
            print(f"{path.name}: a blind set, its errors are not printed (score only)")
        score(path, nlp, args.errors and not blind)


if __name__ == "__main__":
    main()
