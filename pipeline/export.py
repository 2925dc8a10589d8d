"""Export: exported documents (``Document.to_dict()``) -> files, streamed.

Writers take one document at a time, so memory does not grow with the corpus:

* ``entities.csv``: one row per entity, columns :data:`CSV_COLUMNS`; cells that a spreadsheet
  would read as a formula are neutralized (:func:`csv_safe`);
* ``entities.json``: ``{"documents": [...]}``, written incrementally;
* ``entities.jsonl``: one document per line, the same objects as in ``entities.json``;
* ``entities.parquet``: one row per entity (CSV columns plus ``extra``, a JSON object of the
  type-specific fields), written in row groups.

Every file is written to a temporary ``.NAME.*.part`` file in the output folder and renamed
into place only when the run completes (:class:`AtomicFile`), so an interrupted run never
leaves a truncated file that looks complete. File names are fixed; they never derive from
document ids.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable

CSV_COLUMNS = ["doc_id", "type", "text", "start", "end", "value", "rule", "score", "evidence"]
FORMATS = ("csv", "json", "jsonl", "parquet")
DEFAULT_FORMATS = ("csv", "json")
FILE_NAMES = {"csv": "entities.csv", "json": "entities.json", "jsonl": "entities.jsonl",
              "parquet": "entities.parquet"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _file_mode() -> int:
    """Permissions of a newly created file under the current umask (mkstemp uses 0600)."""
    old = os.umask(0o022)
    os.umask(old)
    return 0o666 & ~old


_MODE = _file_mode()


def csv_safe(value: Any) -> Any:
    """Neutralizes a CSV cell that spreadsheets would evaluate (OWASP CSV injection).

    A string starting with ``= + - @``, tab or carriage return gets a leading apostrophe
    (``'=1+2``), which spreadsheets display but do not evaluate. Numbers are left alone.
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


def dumps(doc_dict: dict[str, Any]) -> str:
    """The one JSON serialization of a document (used by the JSON and JSONL writers)."""
    return json.dumps(doc_dict, ensure_ascii=False)


class _Transaction:
    """``with``: commit on success, abort on any error (subclasses define both)."""

    def commit(self) -> None:
        raise NotImplementedError

    def abort(self) -> None:
        raise NotImplementedError

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.commit()
        else:
            self.abort()
        return False


class AtomicFile(_Transaction):
    """A file written under a temporary name in the target folder, renamed on :meth:`commit`.

    :meth:`abort` (or leaving a ``with`` block by an exception) deletes the temporary file.
    """

    def __init__(self, path: Path, mode: str = "w", newline: str | None = None):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix="." + self.path.name + ".", suffix=".part", dir=self.path.parent)
        if "b" in mode:
            self.fh = os.fdopen(fd, mode)
        else:
            # backslashreplace: a lone surrogate (invalid Unicode) cannot stop a run; in JSON
            # its escape reads back as the same code point
            self.fh = os.fdopen(fd, mode, encoding="utf-8", newline=newline, errors="backslashreplace")
        self.done = False

    def commit(self) -> None:
        if self.done:
            return
        self.fh.flush()
        os.fsync(self.fh.fileno())
        os.fchmod(self.fh.fileno(), _MODE)
        self.fh.close()
        os.replace(self.tmp, self.path)
        self.done = True

    def abort(self) -> None:
        if self.done:
            return
        self.done = True
        try:
            self.fh.close()
        finally:
            try:
                os.unlink(self.tmp)
            except FileNotFoundError:
                pass

    def __enter__(self):
        return self.fh




class _FileWriter:
    """A streaming writer over one atomic file: ``commit`` renames it in place, ``abort`` removes it."""

    file: AtomicFile

    def commit(self) -> None:
        self.file.commit()

    def abort(self) -> None:
        self.file.abort()


class CsvWriter(_FileWriter):
    def __init__(self, path: Path):
        self.file = AtomicFile(path, newline="")
        self.writer = csv.DictWriter(self.file.fh, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        self.writer.writeheader()
        self.rows = 0

    def write(self, d: dict[str, Any]) -> None:
        for row in entity_rows(d):
            self.writer.writerow({k: csv_safe(v) for k, v in row.items()})
            self.rows += 1


class JsonWriter(_FileWriter):
    def __init__(self, path: Path):
        self.file = AtomicFile(path)
        self.file.fh.write('{"documents": [\n')
        self.n = 0

    def write(self, d: dict[str, Any]) -> None:
        if self.n:
            self.file.fh.write(",\n")
        self.file.fh.write(dumps(d))
        self.n += 1

    def commit(self) -> None:
        if not self.file.done:
            self.file.fh.write("\n]}\n")
        self.file.commit()


class JsonlWriter(_FileWriter):
    def __init__(self, path: Path):
        self.file = AtomicFile(path)

    def write(self, d: dict[str, Any]) -> None:
        self.file.fh.write(dumps(d))
        self.file.fh.write("\n")


class ParquetWriter:
    """One row per entity; buffered into row groups of ``row_group`` rows."""

    def __init__(self, path: Path, row_group: int = 50_000):
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.pa = pa
        self.schema = pa.schema([
            ("doc_id", pa.string()), ("type", pa.string()), ("text", pa.string()),
            ("start", pa.int64()), ("end", pa.int64()), ("value", pa.string()), ("rule", pa.string()),
            ("score", pa.float64()), ("evidence", pa.string()), ("extra", pa.string()),
        ])
        self.file = AtomicFile(path, mode="wb")
        self.writer = pq.ParquetWriter(self.file.fh, self.schema)
        self.row_group = row_group
        self.buf: dict[str, list] = {n: [] for n in self.schema.names}

    def write(self, d: dict[str, Any]) -> None:
        buf = self.buf
        for e in d["entities"]:
            buf["doc_id"].append(d["id"])
            for col in CSV_COLUMNS[1:]:
                v = e.get(col)
                if col == "value" and v is not None and not isinstance(v, str):
                    v = json.dumps(v, ensure_ascii=False)
                buf[col].append(v)
            extra = {k: v for k, v in e.items() if k not in CSV_COLUMNS}
            buf["extra"].append(json.dumps(extra, ensure_ascii=False) if extra else None)
        if len(buf["doc_id"]) >= self.row_group:
            self._flush()

    def _flush(self) -> None:
        if self.buf["doc_id"]:
            self.writer.write_table(self.pa.Table.from_pydict(self.buf, schema=self.schema))
            self.buf = {n: [] for n in self.schema.names}

    def commit(self) -> None:
        if not self.file.done:
            self._flush()
            self.writer.close()
        self.file.commit()

    def abort(self) -> None:
        try:
            self.writer.close()
        except Exception:
            pass
        self.file.abort()


_WRITERS = {"csv": CsvWriter, "json": JsonWriter, "jsonl": JsonlWriter, "parquet": ParquetWriter}


class OutputSet(_Transaction):
    """The output files of a run, written as documents finish.

    ``with OutputSet(outdir, ["csv", "json"]) as out: out.write(doc_dict)`` commits every file
    on success and removes the temporary files on an exception (or ``KeyboardInterrupt``).
    """

    def __init__(self, outdir: Path, formats: Iterable[str] = DEFAULT_FORMATS):
        self.outdir = Path(outdir)
        self.formats = list(dict.fromkeys(formats))
        for f in self.formats:
            if f not in _WRITERS:
                raise ValueError(f"unknown output format {f!r} (choose from {', '.join(FORMATS)})")
        self.writers: dict[str, Any] = {}
        try:
            for f in self.formats:
                self.writers[f] = _WRITERS[f](self.outdir / FILE_NAMES[f])
        except BaseException:
            self.abort()
            raise
        self.documents = 0
        self.entities = 0
        self.committed = False

    @property
    def paths(self) -> list[Path]:
        return [self.outdir / FILE_NAMES[f] for f in self.formats]

    def write(self, d: dict[str, Any]) -> None:
        for w in self.writers.values():
            w.write(d)
        self.documents += 1
        self.entities += len(d["entities"])

    def commit(self) -> None:
        for w in self.writers.values():
            w.commit()
        self.committed = True

    def abort(self) -> None:
        for w in self.writers.values():
            w.abort()

    def __enter__(self) -> "OutputSet":
        return self



def write_atomic_text(path: Path, text: str) -> None:
    """Writes a small text file atomically."""
    with AtomicFile(path) as fh:
        fh.write(text)


def _write_all(writer, docs: Iterable[dict[str, Any]]):
    """Feeds every document to a streaming writer; removes its partial file on any error."""
    try:
        for d in docs:
            writer.write(d)
    except BaseException:
        writer.abort()
        raise
    writer.commit()
    return writer


def write_csv(docs: Iterable[dict[str, Any]], path: Path) -> int:
    """Writes ``entities.csv`` (one row per entity mention); returns the row count."""
    return _write_all(CsvWriter(path), docs).rows


def write_json(docs: Iterable[dict[str, Any]], path: Path) -> int:
    """Writes ``entities.json`` as ``{"documents": [...]}``; returns the document count."""
    return _write_all(JsonWriter(path), docs).n


def write_jsonl(docs: Iterable[dict[str, Any]], path: Path) -> int:
    """Writes ``entities.jsonl`` (one document per line); returns the document count."""
    count = [0]

    def counted():
        for d in docs:
            count[0] += 1
            yield d

    _write_all(JsonlWriter(path), counted())
    return count[0]
