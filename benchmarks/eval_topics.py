"""Topic categories: top-1 accuracy on editor-labelled news, dev/seed top-1, and speed.

Reads the shared evaluation data at run time (nothing is copied into the project)::

    uv run python benchmarks/eval_topics.py                 # ANT Jawhara FM sample + dev + seed + held-out
    uv run python benchmarks/eval_topics.py --strict        # society -> medtop:14000000 only
    uv run python benchmarks/eval_topics.py --errors        # list the misclassified articles
    uv run python benchmarks/eval_topics.py --keyphrases    # key phrases of the dev and seed articles
    uv run python benchmarks/eval_topics.py --short         # only the short-text sets (headlines, posts)
    uv run python benchmarks/eval_topics.py --calibration   # top-1 accuracy per score band, by text length

The short-text sets are the project's own ``data/gold/topics_short_*.jsonl`` (headlines and posts,
written and labelled by hand before the tool was run on them): top-1 of the primary category, the
share left without a category, and the misses (``--errors``).

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


def eval_short(nlp, errors: bool) -> None:
    """Top-1 and the uncategorized share on each short-text set (headlines and posts)."""
    for path in sorted((ROOT / "data" / "gold").glob("topics_short_*.jsonl")):
        golds = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
        hits = empty = 0
        per: dict[str, Counter] = defaultdict(Counter)
        misses = []
        for g in golds:
            doc = nlp.process(g["text"], g["id"])
            top = doc.topics[0].id if doc.topics else None
            want = g["categories"][0]
            hits += top == want
            empty += top is None
            per[short(want)]["n"] += 1
            per[short(want)]["ok"] += top == want
            if top != want:
                misses.append((g["id"], short(want), [(short(t.id), round(t.score, 2)) for t in doc.topics], g["text"]))
        print(f"{path.name}: {len(golds)} texts, top-1 {hits / len(golds):.3f}, "
              f"no category {empty / len(golds):.3f}")
        print("   " + "  ".join(f"{c} {v['ok']}/{v['n']}" for c, v in sorted(per.items())))
        if errors:
            for m in misses:
                print("   ", *m)


def reliability(nlp, rows, accept) -> None:
    """Top-1 accuracy per band of the first category's score, for texts of up to 60 words and longer."""
    bands = [(0.0, 0.6), (0.6, 0.8), (0.8, 0.9), (0.9, 1.01)]
    table: dict[tuple[str, int], list[bool]] = defaultdict(list)
    for text, want in rows:
        doc = nlp.process(text)
        size = "short" if sum(1 for t in doc.tokens if t.kind == "word") <= 60 else "long"
        if not doc.topics:
            table[(size, -1)].append(False)
            continue
        s = doc.topics[0].score
        band = next(k for k, (lo, hi) in enumerate(bands) if lo <= s < hi)
        table[(size, band)].append(accept(doc.topics[0].id, want))
    for size in ("short", "long"):
        cells = []
        for k, (lo, hi) in enumerate(bands):
            v = table.get((size, k), [])
            cells.append(f"[{lo:.1f},{min(hi, 1.0):.1f}): {sum(v) / len(v):.2f} of {len(v)}" if v else f"[{lo:.1f},{min(hi, 1.0):.1f}): -")
        none = len(table.get((size, -1), []))
        print(f"   {size:5s} " + "   ".join(cells) + f"   no category: {none}")


def calibration(nlp, mapping) -> None:
    own = []
    for name in ("topics_short_dev.jsonl", "topics_heldout.jsonl", "topics_articles.jsonl"):
        own += [json.loads(line) for line in (ROOT / "data" / "gold" / name).open(encoding="utf-8") if line.strip()]
    print("calibration: top-1 accuracy per score band (own labelled texts: short dev, held-out, articles)")
    reliability(nlp, [(g["text"], g["categories"][0]) for g in own], lambda got, want: got == want)
    rows = [json.loads(line) for line in (SHARED / "ant_jawharafm_topics.jsonl").open(encoding="utf-8") if line.strip()]
    rows = [(r["text"], r["category"]) for r in rows if r["category"] in mapping]
    print("calibration on ANT Jawhara FM (measure only; editor categories mapped as above)")
    reliability(nlp, rows, lambda got, want: got in mapping[want])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--strict", action="store_true", help="society -> medtop:14000000 only")
    ap.add_argument("--errors", action="store_true", help="print misclassified titles")
    ap.add_argument("--keyphrases", action="store_true", help="print the key phrases of the dev and seed articles")
    ap.add_argument("--short", action="store_true", help="only the short-text sets")
    ap.add_argument("--calibration", action="store_true", help="only the score calibration tables")
    a = ap.parse_args()
    mapping = dict(MAP)
    if a.strict:
        mapping["society"] = {"medtop:14000000"}
    nlp = topics_pipeline()
    from pipeline.pipeline import build_default_pipeline
    full = build_default_pipeline()  # the whole pipeline: entity spans reach the topic stage
    if a.calibration:
        calibration(full, mapping)
        return 0
    eval_short(full, a.errors)
    if a.short:
        return 0

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
