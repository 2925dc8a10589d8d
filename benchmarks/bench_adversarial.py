"""Adversarial inputs: each must run in time linear in its length (no catastrophic regex).

Usage: uv run python benchmarks/bench_adversarial.py [--n 100000] [--stages]

Prints, for each input, the seconds for the full pipeline at n/10 and at n characters and
their ratio (about 10 when linear; far more reveals super-linear behaviour), and with
--stages the slowest stage. The tests run the same inputs with a generous watchdog
(tests/test_robust.py); this script gives the real figures.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline import build_default_pipeline  # noqa: E402
from pipeline.document import Document  # noqa: E402

ADVERSARIAL = {
    "digits": "1",
    "arabic-indic digits": "\u0661",
    "spaces": " ",
    "newlines": "\n",
    "tatweel": "\u0640",
    "one letter": "\u0628",
    "letter+space": "\u0628 ",
    "alef-lam": "\u0627\u0644",
    "diacritic": "\u064e",
    "bidi RLM": "\u200f",
    "dots": ".",
    "hyphens": "-",
    "slash digits": "12/",
    "digit space": "1 ",
    "comma digits": "1,",
    "latin": "a",
    "capital words": "Ab ",
    "presentation form": "\ufe8f",
    "NUL": "\x00",
}


def make(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--stages", action="store_true")
    args = ap.parse_args()
    pipe = build_default_pipeline()
    pipe.process("تمهيد", "warmup")
    print(f"{'input':22} {'n/10 s':>8} {'n s':>8} {'ratio':>6}  slowest stage")
    worst = 0.0
    for name, unit in ADVERSARIAL.items():
        times = []
        for n in (args.n // 10, args.n):
            pipe.timings = {k: 0.0 for k in pipe.timings}
            t0 = time.perf_counter()
            pipe(Document(id=name, text=make(unit, n)), timed=True)
            times.append(time.perf_counter() - t0)
        slow = max(pipe.timings.items(), key=lambda kv: kv[1])
        worst = max(worst, times[1])
        ratio = times[1] / max(times[0], 1e-6)
        print(f"{name:22} {times[0]:8.3f} {times[1]:8.3f} {ratio:6.1f}  {slow[0]} {slow[1]:.3f}s")
    print(f"worst at n={args.n:,}: {worst:.3f} s")


if __name__ == "__main__":
    main()
