"""Reading inputs: ``.txt`` files, directories of ``.txt``, ``.jsonl`` and standard input.

Readers yield :class:`InputDoc` (a document to process) or :class:`InputError` (a document
that could not be read, with where it came from), lazily, one at a time, so that every input
is accounted for in the outputs or in the error report.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Union


class UsageError(Exception):
    """The run cannot start (bad option, missing input path)."""


@dataclass(frozen=True)
class InputDoc:
    id: str
    text: str
    date: dt.date | None
    source: str


@dataclass(frozen=True)
class InputError:
    source: str
    reason: str


Item = Union[InputDoc, InputError]


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        raise ValueError(f"not a YYYY-MM-DD date: {value!r}") from None


def read_txt(path: Path, doc_id: str | None = None) -> Item:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return InputError(str(path), f"cannot read file: {exc.strerror or exc}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return InputError(str(path), f"invalid UTF-8 at byte {exc.start}")
    return InputDoc(doc_id or path.stem, text, None, str(path))


def read_jsonl(path: Path, lines=None) -> Iterator[Item]:
    fh = lines if lines is not None else open(path, encoding="utf-8-sig", errors="strict")
    try:
        for n, line in enumerate(fh, 1):
            where = f"{path}:{n}"
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputError(where, f"invalid JSON: {exc.msg}")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                yield InputError(where, 'expected an object with a string "text"')
                continue
            doc_id = obj.get("id")
            doc_id = str(doc_id) if doc_id not in (None, "") else f"{path.stem}-{n}"
            date = None
            if obj.get("date"):
                try:
                    date = parse_date(str(obj["date"]))
                except ValueError as exc:
                    yield InputError(where, str(exc))
                    continue
            yield InputDoc(doc_id, obj["text"], date, where)
    except UnicodeDecodeError as exc:
        yield InputError(str(path), f"invalid UTF-8 at byte {exc.start}")
    finally:
        if lines is None:
            fh.close()


def iter_inputs(inputs: list[str], default: Path) -> Iterator[Item]:
    """Yields every document of every input, in order."""
    if not inputs:
        inputs = [str(default)]
    for raw in inputs:
        if raw == "-":
            text = sys.stdin.read()
            yield InputDoc("stdin", text, None, "<stdin>")
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*.txt") if p.is_file())
            for f in files:
                rel = f.relative_to(path).with_suffix("")
                yield read_txt(f, rel.as_posix().replace("/", "__"))
        elif path.suffix == ".jsonl":
            yield from read_jsonl(path)
        else:
            yield read_txt(path)


def check_inputs(inputs: list[str]) -> None:
    """Raises UsageError for an input path that does not exist."""
    for raw in inputs:
        if raw != "-" and not Path(raw).exists():
            raise UsageError(f"input not found: {raw}")
