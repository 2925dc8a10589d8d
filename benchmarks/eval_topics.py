"""Topic categories: top-1 accuracy on editor-labelled news, dev/seed top-1, and speed.

Reads the shared evaluation data at run time (nothing is copied into the project)::

    uv run python benchmarks/eval_topics.py                 # ANT Jawhara FM sample + dev + seed + held-out
    uv run python benchmarks/eval_topics.py --strict        # society -> medtop:14000000 only
    uv run python benchmarks/eval_topics.py --errors        # list the misclassified articles
    uv run python benchmarks/eval_topics.py --keyphrases    # key phrases of the dev and seed articles

The held-out set is the project's own ``data/gold/topics_heldout.jsonl`` (hand-written texts, one per
IPTC top-level category and a mixed one, scored blind before any change).

Editor categories -> IPTC Media Topics (top level). The Jawhara FM "society" rubric is the
station's local news desk (faits divers): crime, accidents and social issues, so by default
it accepts crime/law (02), disaster/accident (03) and society (14); ``--strict`` maps it to
society (14) only. Categories without an IPTC counterpart (diverse, internationalNews,
localNews) are not scored.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.pipeline import FunctionStage, Pipeline, _normalize, _tokenize  # noqa: E402
from pipeline.extract.topics import TopicExtractor  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval"

MAP = {
    "culture": {"medtop:01000000"},
    "economy": {"medtop:04000000"},
    "politic": {"medtop:11000000"},
    "society": {"medtop:14000000", "medtop:02000000", "medtop:03000000"},
    "sport": {"medtop:15000000"},
    "technology": {"medtop:13000000"},
}
SHORT = {
    "01": "arts", "02": "crime", "03": "disaster", "04": "economy", "05": "educ", "06": "environ",
    "07": "health", "08": "human", "09": "labour", "10": "lifestyle", "11": "politics", "12": "religion",
    "13": "scitech", "14": "society", "15": "sport", "16": "conflict", "17": "weather",
}


def short(code: str | None) -> str:
    return SHORT.get(code.split(":")[-1][:2], code) if code else "none"


def topics_pipeline() -> Pipeline:
    return Pipeline([FunctionStage("normalize", _normalize), FunctionStage("tokenize", _tokenize), TopicExtractor()])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--strict", action="store_true", help="society -> medtop:14000000 only")
    ap.add_argument("--errors", action="store_true", help="print misclassified titles")
    ap.add_argument("--keyphrases", action="store_true", help="print the key phrases of the dev and seed articles")
    a = ap.parse_args()
    mapping = dict(MAP)
    if a.strict:
        mapping["society"] = {"medtop:14000000"}
    nlp = topics_pipeline()

    rows = [json.loads(line) for line in (SHARED / "ant_jawharafm_topics.jsonl").open(encoding="utf-8") if line.strip()]
    rows = [r for r in rows if r["category"] in mapping]
    confusion: dict[str, Counter] = defaultdict(Counter)
    ok = 0
    words = 0
    t0 = time.perf_counter()
    errors = []
    for r in rows:
        text = r["title"] + "\n" + r["text"]
        words += len(text.split())
        doc = nlp.process(text, str(r["id"]))
        top = doc.topics[0].id if doc.topics else None
        confusion[r["category"]][short(top)] += 1
        if top in mapping[r["category"]]:
            ok += 1
        else:
            errors.append((r["category"], short(top), r["title"][:90],
                           [(short(t.id), round(t.score, 2)) for t in doc.topics]))
    dt = time.perf_counter() - t0
    cols = sorted({c for cnt in confusion.values() for c in cnt}, key=lambda c: (c == "none", c))
    print(f"ANT Jawhara FM: {len(rows)} articles, top-1 accuracy {ok / len(rows):.3f} "
          f"({'strict' if a.strict else 'society = crime|disaster|society'})")
    print("confusion (rows: editor category, columns: predicted top-1)")
    print(f"{'':12s}" + "".join(f"{c:>10s}" for c in cols))
    for cat in sorted(confusion):
        print(f"{cat:12s}" + "".join(f"{confusion[cat][c]:10d}" for c in cols))
    t1 = time.perf_counter()
    for r in rows:
        nlp.process(r["title"] + "\n" + r["text"], str(r["id"]))
    warm = time.perf_counter() - t1
    print(f"speed (normalize+tokenize+topics, one core): {words / dt:,.0f} words/s cold, "
          f"{words / warm:,.0f} words/s warm, over {words} words")
    if a.errors:
        for e in errors:
            print("  ", *e)

    for name, path in (("dev", SHARED / "dev" / "articles.jsonl"), ("seed", SHARED / "seed" / "gold.json"),
                       ("heldout", ROOT / "data" / "gold" / "topics_heldout.jsonl")):
        if path.suffix == ".jsonl":
            golds = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
        else:
            golds = [json.load(path.open(encoding="utf-8"))]
        hits = 0
        for g in golds:
            doc = nlp.process(g["text"], str(g["id"]))
            pred = [t.id for t in doc.topics]
            hits += bool(pred) and pred[0] == g["categories"][0]
            print(f"{name} {g['id']}: gold {[short(c) for c in g['categories']]} pred "
                  f"{[(short(t.id), round(t.score, 2)) for t in doc.topics]}")
            if a.keyphrases:
                phrases = sorted({(e.value, e.score) for e in doc.candidates if e.type == "keyphrase"}, key=lambda x: -x[1])
                print("    key phrases:", " | ".join(f"{v} ({s:.2f})" for v, s in phrases))
        print(f"{name}: primary category top-1 {hits}/{len(golds)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
