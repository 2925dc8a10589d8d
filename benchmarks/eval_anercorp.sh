#!/usr/bin/env bash
# Entity-level PERS/LOC/ORG precision, recall and F1 on the ANERcorp training split (shared,
# read-only eval material; nothing from it is copied into the project), plus place/organization
# stage timings.
#
# Usage: bash benchmarks/eval_anercorp.sh [OUTDIR]      (default OUTDIR: /tmp/ane_anercorp)
# Needs ../shared/eval/ next to the repository (as laid out for the project's sessions and CI).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared/eval}"
OUT="${1:-/tmp/ane_anercorp}"
CORPUS="$SHARED/anercorp_train.conll"
if [[ ! -f "$CORPUS" ]]; then
  echo "no ANERcorp corpus at $CORPUS (set SHARED=...)" >&2
  exit 2
fi
mkdir -p "$OUT"
cd "$ROOT"
python3 "$SHARED/conll_eval.py" to-jsonl "$CORPUS" "$OUT/docs.jsonl"
start=$(date +%s.%N)
uv run arabic-news-extract run "$OUT/docs.jsonl" -o "$OUT/run" -j 1 --quiet >/dev/null
end=$(date +%s.%N)
echo "pipeline run: $(python3 -c "print(round($end - $start, 1))") s (one worker, includes start-up)"
python3 "$SHARED/conll_eval.py" score "$CORPUS" "$OUT/run/entities.json" | tee "$OUT/scores.txt"
