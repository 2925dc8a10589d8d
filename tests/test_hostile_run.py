"""Hostile conditions around a run (issue 15): a full disk at any point, a writer that fails,
a second run in the same folder, SIGTERM, closed or broken standard streams, a slow start-up.

The invariant checked after every failure: ``run_report.json`` describes the outputs on disk.
Either the new outputs are there with the report that lists them (``complete: true``, sizes
equal), or the previous outputs are there byte for byte, with their report untouched or kept
as ``run_report.previous.json`` by a report that says ``complete: false``. Never a mix, never
a temporary file left.
"""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.cli import EXIT_OK, main

AR = ["أعلنت الحكومة يوم الثلاثاء عن خطة جديدة لدعم المزارعين في الجنوب.",
      "افتتح المعرض الدولي للكتاب أبوابه أمام الزوار بمشاركة مئات الناشرين في القاهرة.",
      "قال وزير الخارجية إن المحادثات مع الوفد الأردني ستستأنف في عمان الأسبوع المقبل."]
OUTPUT_FILES = {"entities.csv", "entities.json", "entities.jsonl", "entities.parquet", "report.html"}
ALL_FORMATS = ["--format", "csv,json,jsonl,parquet", "--html"]
ROOT = Path(__file__).resolve().parent.parent


def _jsonl(path: Path, n: int, start: int = 0) -> Path:
    path.write_text("".join(json.dumps({"id": f"d{start + i}", "text": AR[i % 3]}, ensure_ascii=False) + "\n"
                            for i in range(n)), encoding="utf-8")
    return path


def _report(out: Path) -> dict:
    return json.loads((out / "run_report.json").read_text(encoding="utf-8"))


def test_timeout_covers_processing_not_the_pipeline_start_up(tmp_path, monkeypatch):
    """A cold cache: building the pipeline takes longer than --timeout. Only processing counts."""
    import pipeline.runner as runner

    real = runner._pipeline
    built = []

    def slow_start():
        if not built:
            time.sleep(1.5)  # interrupted by the deadline if it runs under it; then it starts over
            built.append(True)
        return real()

    monkeypatch.setattr(runner, "_pipeline", slow_start)
    out = tmp_path / "out"
    assert main(["run", str(_jsonl(tmp_path / "in.jsonl", 3)), "-o", str(out), "--engine", "serial",
                 "--timeout", "0.5", "--quiet"]) == EXIT_OK
    assert _report(out)["documents"]["processed"] == 3
