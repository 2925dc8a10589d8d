#!/usr/bin/env python3
"""Scores the full pipeline's dates on the hand-written date set ``data/gold/dates_blind.jsonl``.

Each line: ``id``, ``text``, ``ref`` (reference date or null), ``gold`` (``[span, value, category]``
triples, the span found by its first occurrence in the text) and optional ``traps`` (substrings
no date may overlap). Prints overlap span P/R/F1, exact value recall, value accuracy per category
and trap hits; ``--errors`` also lists every miss (read it only when the set is no longer blind).

Usage: ``uv run python benchmarks/eval_dates_blind.py [--errors] [FILE]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import build_default_pipeline  # noqa: E402


def score(path: Path, show_errors: bool) -> None:
    nlp = build_default_pipeline()
    n_gold = n_pred = span_tp = pred_tp = val_tp = traps_hit = n_traps = 0
    cat_n: Counter = Counter()
    cat_ok: Counter = Counter()
    errors: list[str] = []
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        o = json.loads(line)
        ref = dt.date.fromisoformat(o["ref"]) if o.get("ref") else None
        doc = nlp.process(o["text"], o["id"], ref, "input" if ref else None)
        pred = [e for e in doc.entities if e.type == "date"]
        n_pred += len(pred)
        gold = []
        for span, value, cat in o["gold"]:
            i = o["text"].find(span)
            gold.append((i, i + len(span), span, value, cat))
        n_gold += len(gold)
        pred_tp += sum(any(p.start < ge and gs < p.end for gs, ge, *_ in gold) for p in pred)
        for gs, ge, span, value, cat in gold:
            over = [p for p in pred if p.start < ge and gs < p.end]
            cat_n[cat] += 1
            if over:
                span_tp += 1
            if any(p.value == value for p in over):
                val_tp += 1
                cat_ok[cat] += 1
            else:
                errors.append(f"{o['id']} [{cat}] {span!r} -> expected {value}, got "
                              f"{[(p.text, p.value) for p in over] or 'nothing'}")
        for t in o.get("traps", []):
            n_traps += 1
            i = o["text"].find(t)
            hit = [p for p in pred if p.start < i + len(t) and i < p.end]
            if hit:
                traps_hit += 1
                errors.append(f"{o['id']} [trap] {t!r} -> {[(p.text, p.value) for p in hit]}")
        for p in pred:
            if not any(p.start < ge and gs < p.end for gs, ge, *_ in gold) and not any(
                    t in o["text"] and p.start < o["text"].find(t) + len(t) and o["text"].find(t) < p.end
                    for t in o.get("traps", [])):
                errors.append(f"{o['id']} [extra] {p.text!r} -> {p.value}")
    p = pred_tp / n_pred if n_pred else 0.0
    r = span_tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"gold dates {n_gold}, predicted {n_pred}")
    print(f"overlap span P/R/F1: {p:.3f}/{r:.3f}/{f:.3f}   exact value recall: {val_tp / n_gold:.3f}")
    core = ("core", "miss", "offset")
    new = ("decade", "century", "season", "quarter", "half", "part")
    for name, cats in (("core+misses+offsets", core), ("new kinds", new), ("holidays", ("holiday",)),
                       ("named events", ("event",))):
        n = sum(cat_n[c] for c in cats)
        ok = sum(cat_ok[c] for c in cats)
        print(f"  {name:22s} valued exactly {ok}/{n} = {ok / n if n else 0:.3f}")
    print("  per category: " + ", ".join(f"{c} {cat_ok[c]}/{cat_n[c]}" for c in sorted(cat_n)))
    print(f"trap hits: {traps_hit} of {n_traps}")
    if show_errors:
        print("\n".join(errors))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", default=str(ROOT / "data/gold/dates_blind.jsonl"))
    ap.add_argument("--errors", action="store_true")
    a = ap.parse_args()
    score(Path(a.file), a.errors)


if __name__ == "__main__":
    main()
