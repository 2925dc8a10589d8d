"""Person precision and recall at a few score thresholds (the CLI's ``--min-score``).

  uv run python benchmarks/people_thresholds.py [--shared ../shared] [--sets tune,check,wiki]

Runs the pipeline over the board's sets (read from ``../shared/eval`` at run time: anercorp-tune,
the first 70% of ANERcorp train, used to fit the scores; anercorp-check, the last 30%, and
AQMAR, Wikipedia, never used in development) with the person score floor at each threshold and
prints entity-level PERS precision / recall / F1, scored like ``../shared/eval/board.py``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def load_sets(shared: Path, names: list[str]) -> dict[str, list[dict]]:
    sys.path.insert(0, str(shared / "eval"))
    import conll_eval

    aner = conll_eval.build_docs(conll_eval.read_sentences(str(shared / "eval" / "anercorp_train.conll")), 10)
    cut = int(len(aner) * 0.7)
    sets = {"tune": aner[:cut], "check": aner[cut:], "wiki": []}
    for name in ("aqmar_train.conll", "aqmar_dev.conll"):
        path = shared / "eval" / name
        if path.exists():
            for d in conll_eval.build_docs(conll_eval.read_sentences(str(path)), 10):
                d["id"] = name + d["id"]
                sets["wiki"].append(d)
    return {k: v for k, v in sets.items() if k in names}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--sets", default="tune,check,wiki")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(args.shared) / "eval"))
    import conll_eval

    from pipeline import build_default_pipeline

    nlp = build_default_pipeline()
    resolver = next(s for s in nlp.stages if s.name == "resolve")
    linker = next(s for s in nlp.stages if s.name == "link")
    sets = load_sets(Path(args.shared), args.sets.split(","))
    print(f"{'threshold':>9s} " + " ".join(f"{name + ' P/R/F1':>20s}" for name in sets))
    for th in THRESHOLDS:
        resolver.min_score = linker.min_score = th
        cells = []
        for docs in sets.values():
            tp = ng = np_ = 0
            for d in docs:
                doc = nlp.process(d["text"], d["id"])
                gold = {s for s in conll_eval.gold_spans(d["toks"]) if s[0] == "PERS"}
                pred = {s for s in conll_eval.pred_spans(d["toks"], [e.to_dict() for e in doc.entities])
                        if s[0] == "PERS"}
                tp, ng, np_ = tp + len(gold & pred), ng + len(gold), np_ + len(pred)
            p, r = tp / max(np_, 1), tp / max(ng, 1)
            cells.append(f"{p:.3f}/{r:.3f}/{2 * p * r / max(p + r, 1e-9):.3f}")
        print(f"{th:9.1f} " + " ".join(f"{c:>20s}" for c in cells))


if __name__ == "__main__":
    main()
