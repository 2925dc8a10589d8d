"""Loading and validation of the data files under ``pipeline/resources/``.

Every lexicon, trigger list, pattern and taxonomy is a data file; every entry has an ``id``
that is unique within its file. Files are read once (cached) and validated on load:
required columns present, ids unique, scores in ``[0, 1]``, regexes compile.

Formats:

* ``.tsv``: a header row, then one entry per row; ``#`` starts a comment line.
* ``.jsonl``: one JSON object per line; blank lines and ``//`` comment lines are skipped.
* ``.json``: a single object (used for structured tables such as the charmap).
"""

from __future__ import annotations

import csv
import io
import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

RESOURCE_ROOT = "resources"


class ResourceError(ValueError):
    """A resource file is malformed."""


def resource_path(rel: str):
    return resources.files("pipeline").joinpath(RESOURCE_ROOT).joinpath(rel)


def read_text(rel: str) -> str:
    return resource_path(rel).read_text("utf-8")


def _validate(rel: str, rows: list[dict[str, Any]], required: Iterable[str]) -> list[dict[str, Any]]:
    required = ("id",) + tuple(r for r in required if r != "id")
    seen: set[str] = set()
    for n, row in enumerate(rows, 1):
        for key in required:
            if row.get(key) in (None, ""):
                raise ResourceError(f"{rel}: entry {n} lacks {key!r}: {row}")
        rid = str(row["id"])
        if rid in seen:
            raise ResourceError(f"{rel}: duplicate id {rid!r}")
        seen.add(rid)
        if "score" in row and row["score"] not in (None, ""):
            score = float(row["score"])
            if not 0.0 <= score <= 1.0:
                raise ResourceError(f"{rel}: id {rid!r} score {score} outside [0, 1]")
            row["score"] = score
        if "weight" in row and row["weight"] not in (None, ""):
            row["weight"] = float(row["weight"])
        if row.get("regex"):
            try:
                re.compile(row["regex"])
            except re.error as exc:
                raise ResourceError(f"{rel}: id {rid!r} regex does not compile: {exc}") from exc
    return rows


@lru_cache(maxsize=None)
def load_table(rel: str, required: tuple[str, ...] = ()) -> tuple[dict[str, Any], ...]:
    """Loads a ``.tsv`` or ``.jsonl`` resource as validated rows (cached)."""
    text = read_text(rel)
    if rel.endswith(".tsv"):
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        rows = [dict(r) for r in csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)]
        rows = [{k: (v.strip() if isinstance(v, str) else v) for k, v in r.items() if k is not None} for r in rows]
    elif rel.endswith(".jsonl"):
        rows = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("//"):
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ResourceError(f"{rel}:{n}: invalid JSON: {exc}") from exc
    else:
        raise ResourceError(f"{rel}: unsupported resource format")
    return tuple(_validate(rel, rows, required))


@lru_cache(maxsize=None)
def load_json(rel: str) -> Any:
    return json.loads(read_text(rel))


@lru_cache(maxsize=1)
def load_proclitics() -> dict[str, list[str]]:
    """Proclitic forms by kind (conjunction, preposition, article, fused_lam_article)."""
    from .normalize import normalize

    out: dict[str, list[str]] = {"conjunction": [], "preposition": [], "article": [], "fused_lam_article": []}
    for row in load_table("lexicons/proclitics.tsv", ("form", "kind")):
        if row["kind"] not in out:
            raise ResourceError(f"lexicons/proclitics.tsv: unknown kind {row['kind']!r}")
        out[row["kind"]].append(normalize(row["form"]))
    if not out["article"]:
        raise ResourceError("lexicons/proclitics.tsv: no article")
    return out


def words(rel: str, column: str = "form") -> frozenset[str]:
    """The normalized forms of one column of a table, as a set."""
    from .normalize import normalize

    return frozenset(normalize(r[column]) for r in load_table(rel, (column,)))


def all_resource_files() -> list[str]:
    """Relative paths of every data file shipped in the package (for the tests)."""
    out: list[str] = []

    def walk(node, prefix: str) -> None:
        for child in node.iterdir():
            name = prefix + child.name
            if child.is_dir():
                if child.name not in ("cache", "__pycache__"):
                    walk(child, name + "/")
            elif child.name.endswith((".tsv", ".jsonl", ".json")):
                out.append(name)

    walk(resource_path(""), "")
    return sorted(out)
