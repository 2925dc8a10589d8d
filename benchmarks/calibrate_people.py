"""Calibrates the person scores on anercorp-tune (the first 70% of ANERcorp train).

  uv run python benchmarks/calibrate_people.py [--shared ../shared] [--write] [--l2 2.0]

1. Runs the pipeline over anercorp-tune (read from ``../shared/eval`` at run time; nothing is
   copied into the project) with every person candidate and its features kept.
2. Labels a candidate 1 when it covers exactly the tokens of a gold PERS mention.
3. **Rule priors**: the precision of each rule's candidates, shrunk towards the overall
   precision for rules with few candidates, rounded to 0.05 (the linker's rules: the precision
   of the mentions it adds).
4. **Evidence weights**: a logistic regression of the label on the features, with the logit of
   the rule prior as offset (L2-regularized, Newton's method), rounded to 0.05.
5. Prints the table of rule precision, the weights and precision/recall of the candidates at a
   few score thresholds; with ``--write`` stores the priors in ``resources/people/rules.tsv``
   and the weights in ``resources/people/weights.tsv``.

Only general features are used (see ``pipeline/extract/people/evidence.py``); the split is the
board's (``../shared/eval/board.py``), so anercorp-check stays unseen.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TUNE_SHARE = 0.7
SHRINK = 10  # pseudo-candidates at the overall precision added to every rule


def tune_docs(shared: Path) -> list[dict]:
    sys.path.insert(0, str(shared / "eval"))
    import conll_eval

    docs = conll_eval.build_docs(conll_eval.read_sentences(str(shared / "eval" / "anercorp_train.conll")), 10)
    return docs[:int(len(docs) * TUNE_SHARE)], conll_eval


def collect(docs, conll_eval):
    """(candidate rows, linker rows): dicts with rule, prior, features, label."""
    from pipeline import build_default_pipeline
    from pipeline.extract.people import PersonExtractor

    nlp = build_default_pipeline()
    nlp.stages = [PersonExtractor(collect=True) if s.name == "people" else s for s in nlp.stages]
    rows, linked = [], []
    for d in docs:
        doc = nlp.process(d["text"], d["id"])
        gold = {(s[1], s[2]) for s in conll_eval.gold_spans(d["toks"]) if s[0] == "PERS"}

        def span(s, e):
            idx = [i for i, (a, b, _) in enumerate(d["toks"]) if a < e and s < b]
            return (idx[0], idx[-1]) if idx else None
        for c in doc.meta.get("person_candidates", []):
            rows.append(dict(c, label=int(span(c["start"], c["end"]) in gold), doc=d["id"]))
        for e in doc.entities:
            if e.type == "person" and e.rule.startswith("coref."):
                linked.append({"rule": e.rule, "label": int(span(e.start, e.end) in gold)})
    return rows, linked


def priors(rows, linked) -> dict[str, float]:
    by = defaultdict(lambda: [0, 0])
    for r in rows + linked:
        by[r["rule"]][0] += r["label"]
        by[r["rule"]][1] += 1
    total = sum(v[0] for v in by.values()) / max(1, sum(v[1] for v in by.values()))
    out = {}
    print(f"{'rule':24s} {'n':>5s} {'precision':>9s} {'prior':>6s}")
    for rule, (tp, n) in sorted(by.items(), key=lambda kv: -kv[1][1]):
        p = (tp + SHRINK * total) / (n + SHRINK)
        out[rule] = min(0.95, max(0.05, round(p * 20) / 20))
        print(f"{rule:24s} {n:5d} {tp / n:9.3f} {out[rule]:6.2f}")
    return out


def fit(rows, prior: dict[str, float], l2: float) -> dict[str, float]:
    import numpy as np

    feats = sorted({f for r in rows for f in r["features"]})
    index = {f: i for i, f in enumerate(feats)}
    X = np.zeros((len(rows), len(feats)))
    for k, r in enumerate(rows):
        for f in r["features"]:
            X[k, index[f]] = 1.0
    y = np.array([r["label"] for r in rows], dtype=float)
    off = np.array([math.log(p / (1 - p)) for p in (prior[r["rule"]] for r in rows)])
    def loss(w):
        z = off + X @ w
        return float(np.sum(np.logaddexp(0, z) - y * z) + 0.5 * l2 * w @ w)

    w = np.zeros(len(feats))
    for _ in range(100):  # Newton's method with a backtracking line search
        z = off + X @ w
        p = 1 / (1 + np.exp(-z))
        g = X.T @ (p - y) + l2 * w
        H = (X * (p * (1 - p))[:, None]).T @ X + l2 * np.eye(len(feats))
        step = np.linalg.solve(H, g)
        t, base = 1.0, loss(w)
        while loss(w - t * step) > base and t > 1e-4:
            t /= 2
        w -= t * step
        if np.abs(t * step).max() < 1e-6:
            break
    return {f: round(float(v) * 20) / 20 for f, v in zip(feats, w) if abs(v) >= 0.025}


def report(rows, prior, weights) -> None:
    from pipeline.extract.people.evidence import logit, sigmoid

    scored = [(sigmoid(logit(prior[r["rule"]]) + sum(weights.get(f, 0.0) for f in r["features"])), r["label"])
              for r in rows]
    pos = sum(lab for _, lab in scored)
    print(f"\ncandidates: {len(rows)}, correct: {pos}")
    print(f"{'threshold':>9s} {'kept':>6s} {'precision':>9s} {'recall(of correct candidates)':>30s}")
    for th in (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        kept = [lab for s, lab in scored if s >= th]
        tp = sum(kept)
        print(f"{th:9.1f} {len(kept):6d} {tp / max(1, len(kept)):9.3f} {tp / max(1, pos):30.3f}")
    bins = defaultdict(lambda: [0, 0])
    for s, lab in scored:
        bins[min(9, int(s * 10))][0] += lab
        bins[min(9, int(s * 10))][1] += 1
    print("\ncalibration (score bin: observed precision, n):",
          ", ".join(f"{b / 10:.1f}: {v[0] / v[1]:.2f} ({v[1]})" for b, v in sorted(bins.items())))


def write(prior: dict[str, float], weights: dict[str, float]) -> None:
    from pipeline.resources import resource_path

    path = Path(str(resource_path("people/rules.tsv")))
    lines = path.read_text("utf-8").splitlines()
    header = None
    out = []
    for line in lines:
        if line.startswith("#") or not line.strip():
            out.append(line)
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            out.append(line)
            continue
        rule = cells[0]
        if rule in prior:
            cells[header.index("score")] = f"{prior[rule]:.2f}"
        out.append("\t".join(cells))
    path.write_text("\n".join(out) + "\n", "utf-8")
    wpath = Path(str(resource_path("people/weights.tsv")))
    head = [ln for ln in wpath.read_text("utf-8").splitlines() if ln.startswith("#")]
    rows = [f"pw{k:03d}\t{f}\t{v:.2f}" for k, (f, v) in enumerate(sorted(weights.items()), 1)]
    wpath.write_text("\n".join(head + ["id\tfeature\tweight"] + rows) + "\n", "utf-8")
    print(f"\nwrote {path} and {wpath}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--l2", type=float, default=2.0)
    args = ap.parse_args()
    docs, conll_eval = tune_docs(Path(args.shared))
    rows, linked = collect(docs, conll_eval)
    prior = priors(rows, linked)
    weights = fit(rows, prior, args.l2)
    print("\nweights:", ", ".join(f"{f} {v:+.2f}" for f, v in sorted(weights.items(), key=lambda kv: kv[1])))
    report(rows, prior, weights)
    if args.write:
        write(prior, weights)


if __name__ == "__main__":
    main()
