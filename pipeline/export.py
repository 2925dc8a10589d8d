"""Export: documents -> rows and files (CSV, JSON).

The JSON keeps the exact entity text; the CSV neutralizes cells that a spreadsheet would
read as a formula (see :func:`csv_safe`).
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable

CSV_COLUMNS = ["doc_id", "type", "text", "start", "end", "value", "rule", "score", "evidence"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """Neutralizes a CSV cell that spreadsheets would evaluate (OWASP CSV injection).

    A string starting with ``= + - @``, tab or carriage return gets a leading apostrophe.
    Numbers are left alone.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def entity_rows(doc_dict: dict[str, Any]) -> Iterable[dict[str, Any]]:
    """CSV rows of one exported document (``Document.to_dict()`` output)."""
    for e in doc_dict["entities"]:
        row = {"doc_id": doc_dict["id"]}
        for col in CSV_COLUMNS[1:]:
            row[col] = e.get(col)
        yield row


class _AtomicFile:
    """Writes to a temporary file in the target folder and renames it on success."""

    def __init__(self, path: Path, newline: str | None = None):
        self.path = Path(path)
        self.newline = newline

    def __enter__(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix="." + self.path.name + ".", suffix=".part", dir=self.path.parent)
        self.fh = os.fdopen(fd, "w", encoding="utf-8", newline=self.newline)
        return self.fh

    def __exit__(self, exc_type, exc, tb):
        self.fh.close()
        if exc_type is None:
            os.replace(self.tmp, self.path)
        else:
            os.unlink(self.tmp)
        return False


def write_csv(docs: Iterable[dict[str, Any]], path: Path) -> int:
    """Writes ``entities.csv`` (one row per entity mention); returns the row count."""
    n = 0
    with _AtomicFile(path, newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        w.writeheader()
        for d in docs:
            for row in entity_rows(d):
                w.writerow({k: csv_safe(v) for k, v in row.items()})
                n += 1
    return n


def write_json(docs: Iterable[dict[str, Any]], path: Path) -> int:
    """Writes ``entities.json`` as ``{"documents": [...]}``; returns the document count."""
    n = 0
    with _AtomicFile(path) as fh:
        fh.write('{"documents": [\n')
        for d in docs:
            if n:
                fh.write(",\n")
            fh.write(json.dumps(d, ensure_ascii=False))
            n += 1
        fh.write("\n]}\n")
    return n
