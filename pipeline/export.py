"""Export: exported documents (``Document.to_dict()``) -> files, streamed.

Writers take one document at a time, so memory does not grow with the corpus:

* ``entities.csv``: one row per entity, columns :data:`CSV_COLUMNS`, UTF-8 with a byte order
  mark (so that Excel reads the Arabic as UTF-8; pandas and DuckDB skip it); cells that a
  spreadsheet would read as a formula are neutralized (:func:`csv_safe`);
* ``entities.json``: ``{"documents": [...]}``, written incrementally;
* ``entities.jsonl``: one document per line, the same objects as in ``entities.json``;
* ``entities.parquet``: one row per entity (CSV columns plus ``extra``, a JSON object of the
  type-specific fields), written in row groups.

The corpus outputs (``documents.csv``, ``documents.jsonl``, ``entity_index.csv``) are in
:mod:`pipeline.corpus`, the HTML report in :mod:`pipeline.report`; :class:`pipeline.outputs.OutputSet`
puts them all together.

Every file is written to a temporary ``.NAME.*.part`` file in its folder; when the run
completes, all of them and ``run_report.json`` are renamed into place in one journaled commit
(:class:`OutputFolder`), so that after any failure the folder holds either the previous
outputs with their report or the new ones with theirs, never a mix and never a truncated file
that looks complete. A run holds a lock on its output folder. File names are fixed (the pages
of the HTML report are numbered); they never derive from document ids.

:func:`document_dict` is what a run exports for a document: ``Document.to_dict()`` with each
entity's ``evidence`` written as in the text (:func:`evidence_as_written`).
"""

from __future__ import annotations

import bisect
import csv
import fcntl
import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from .normalize import normalize

if TYPE_CHECKING:
    from .document import Document
    from .normalize import NormView

CSV_COLUMNS = ["doc_id", "type", "text", "start", "end", "value", "rule", "score", "evidence"]
#: Byte order mark written first in every CSV output: Excel reads a CSV without one in the
#: system's legacy code page (Arabic becomes mojibake); pandas, DuckDB and ``utf-8-sig`` skip it.
CSV_BOM = "\ufeff"
FORMATS = ("csv", "json", "jsonl", "parquet")
DEFAULT_FORMATS = ("csv", "json")
FILE_NAMES = {"csv": "entities.csv", "json": "entities.json", "jsonl": "entities.jsonl",
              "parquet": "entities.parquet", "documents_csv": "documents.csv",
              "documents_jsonl": "documents.jsonl", "entity_index": "entity_index.csv", "html": "report.html"}
#: Every file a run may write besides its report: a commit removes those this run did not write.
OUTPUT_NAMES = tuple(FILE_NAMES.values())
#: The folder of the HTML report's pages (``report/page-0001.html``, ...); a commit removes the
#: pages this run did not write, and the folder when it is left empty.
PAGES_DIR = "report"
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


#: A run of Arabic words (letters, diacritics, tatweel, presentation forms), single spaces between.
_ARABIC_RUN = re.compile("[\u0621-\u063a\u0640-\u065f\u0670-\u06d3\ufb50-\ufdff\ufe70-\ufefc]+"
                         "(?: [\u0621-\u063a\u0640-\u065f\u0670-\u06d3\ufb50-\ufdff\ufe70-\ufefc]+)*")
#: How far from its entity (characters, either side) the words of an evidence are looked for.
EVIDENCE_WINDOW = 300


def _view_index(view: "NormView", pos: int) -> int:
    """The first character of the normalized view that comes from original ``pos`` or later."""
    return pos if view.origin is None else bisect.bisect_left(view.origin, pos)


def evidence_as_written(text: str, view: "NormView", start: int, end: int, evidence: str) -> str:
    """``evidence`` with each Arabic word run written as in the text.

    Rules match the normalized view, so their evidence may be normalized (``قمه`` for
    ``قمة``, ``واشار`` for ``وأشار``). Each Arabic run of ``evidence`` that is not in the text
    as it stands within :data:`EVIDENCE_WINDOW` characters of the entity ``[start, end)`` is
    replaced by the original text of its normalized occurrence nearest to the entity, when
    there is one in that window; everything else (rule labels, ``gazetteer:A``, digits, IPTC
    codes) is kept. The window keeps this linear in the text.
    """
    if not evidence or not _ARABIC_RUN.search(evidence):
        return evidence
    lo, hi = max(0, start - EVIDENCE_WINDOW), min(len(text), end + EVIDENCE_WINDOW)

    def written(m: re.Match) -> str:
        words = m.group(0)
        key = normalize(words)
        if not key or text.find(words, lo, hi) >= 0:
            return words
        nlo, nhi, at = _view_index(view, lo), _view_index(view, hi), _view_index(view, start)
        best, i = None, view.text.find(key, nlo, nhi)
        while i >= 0:
            if best is None or abs(i - at) < abs(best - at):
                best = i
            i = view.text.find(key, i + 1, nhi)
        if best is None:
            return words
        a, b = view.to_original(best, best + len(key))
        return text[a:b]

    return _ARABIC_RUN.sub(written, evidence)


def document_dict(doc: "Document") -> dict[str, Any]:
    """What a run exports for a document: ``doc.to_dict()``, each entity's ``evidence`` written
    as in the text (:func:`evidence_as_written`)."""
    d = doc.to_dict()
    if doc.view is not None:
        for e in d["entities"]:
            e["evidence"] = evidence_as_written(doc.text, doc.view, e["start"], e["end"], e.get("evidence") or "")
    return d


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

    :meth:`finish` flushes it to disk and closes it without renaming (for a commit of several
    files, :meth:`OutputFolder.commit`); :meth:`abort` (or leaving a ``with`` block by an
    exception) deletes the temporary file and never raises, even when the disk is full.
    """

    def __init__(self, path: Path, mode: str = "w", newline: str | None = None):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix="." + self.path.name + ".", suffix=".part", dir=self.path.parent)
        if "b" in mode:
            self.fh = os.fdopen(fd, "wb")
        else:
            # backslashreplace: a lone surrogate (invalid Unicode) cannot stop a run; in JSON
            # its escape reads back as the same code point
            self.fh = os.fdopen(fd, "w", encoding="utf-8", newline=newline, errors="backslashreplace")
        self.size: int | None = None
        self.done = False

    def finish(self) -> int:
        """Flushes, syncs and closes the temporary file; returns its size in bytes."""
        if self.size is None:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            os.fchmod(self.fh.fileno(), _MODE)
            size = os.fstat(self.fh.fileno()).st_size
            self.fh.close()
            self.size = size
        return self.size

    def commit(self) -> None:
        if self.done:
            return
        try:
            self.finish()
            os.replace(self.tmp, self.path)
        except BaseException:
            self.abort()
            raise
        self.done = True

    def abort(self) -> None:
        if self.done:
            return
        self.done = True
        try:
            self.fh.close()  # a flush that fails (disk full) still closes the file
        except Exception:
            pass
        try:
            os.unlink(self.tmp)
        except OSError:
            pass

    def __enter__(self):
        return self.fh


# --- the output folder ------------------------------------------------------------------

REPORT_NAME = "run_report.json"
PREVIOUS_REPORT_NAME = "run_report.previous.json"
JOURNAL_NAME = ".arabic-news-extract.commit"
_HELD_LOCKS: set[int] = set()


def _close_held_locks() -> None:
    """In a forked worker: drop the inherited descriptors of output-folder locks, so that a
    worker outliving its parent cannot keep a folder locked (the lock stays the parent's)."""
    for fd in list(_HELD_LOCKS):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD_LOCKS.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_held_locks)


class FolderBusy(Exception):
    """Another run holds the output folder."""


class CommitIncomplete(OSError):
    """A rename failed after the commit's journal was written: the next run completes it."""


class OutputFolder:
    """The output folder of one run: an exclusive lock (``flock`` on the folder, released
    when the run ends, even if it is killed), the completion of a commit a crash interrupted,
    and the commit of a run's files all together (:meth:`commit`).

    A commit writes a journal (``.arabic-news-extract.commit``: the renames and removals to
    do) before its first rename and deletes it after the last, so a run killed in between
    leaves a journal that the next run in the folder carries out first.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self.fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.fd)
            raise FolderBusy(f"output directory {self.path} is in use by another run "
                             f"(wait for it to end, or choose another -o)") from None
        except OSError:
            pass  # a file system without flock (some network mounts): no lock, the rest holds
        _HELD_LOCKS.add(self.fd)
        try:
            self.recover()
        except BaseException:
            self.close()
            raise

    def recover(self) -> list[str]:
        """Carries out the journal of an interrupted commit, if any, and removes temporary files
        that runs killed while writing left behind; returns the names renamed into place."""
        done: list[str] = []
        journal = self.path / JOURNAL_NAME
        if journal.exists():
            try:
                plan = json.loads(journal.read_text(encoding="utf-8"))
                done = self._apply(plan["rename"], plan["remove"])
            except (ValueError, KeyError, TypeError):
                pass  # written atomically, so never half a journal; an unreadable one is dropped
            journal.unlink(missing_ok=True)
        for name in os.listdir(self.path):
            if _is_debris(name):
                (self.path / name).unlink(missing_ok=True)
        pages = self.path / PAGES_DIR
        if pages.is_dir() and not pages.is_symlink():
            for name in os.listdir(pages):
                if name.startswith(".") and name.endswith(".part"):  # the folder is ours
                    (pages / name).unlink(missing_ok=True)
            _rmdir_if_empty(pages)
        return done

    def _apply(self, rename: list, remove: list) -> list[str]:
        done = []
        for tmp, final in rename:
            if _is_ours(tmp) and _is_ours(final) and (self.path / tmp).exists():
                os.replace(self.path / tmp, self.path / final)
                done.append(final)
        for name in remove:
            if _is_ours(name):
                (self.path / name).unlink(missing_ok=True)
        pages = self.path / PAGES_DIR
        if pages.is_dir() and not _rmdir_if_empty(pages):
            _fsync_dir(pages)
        os.fsync(self.fd)
        return done

    def stale_outputs(self) -> list[str]:
        """What a complete run's commit removes unless it writes it: every output name, the
        kept previous report and the pages of an earlier HTML report (paths relative to the
        folder)."""
        names = [*OUTPUT_NAMES, PREVIOUS_REPORT_NAME]
        pages = self.path / PAGES_DIR
        if pages.is_dir() and not pages.is_symlink():
            names += [f"{PAGES_DIR}/{n}" for n in sorted(os.listdir(pages)) if _PAGE_NAME.fullmatch(n)]
        return names

    def commit(self, files: list[AtomicFile], remove: Iterable[str] = ()) -> None:
        """Renames finished temporary files into place together, and removes ``remove``.

        Nothing is renamed before the journal is on disk; after it, only renames and removals
        happen (no data is written), and a crash is completed by the next run.
        """
        rename = [[os.path.relpath(f.tmp, self.path), os.path.relpath(f.path, self.path)] for f in files]
        finals = {final for _, final in rename}
        plan = {"rename": rename, "remove": sorted(set(remove) - finals)}
        journal = AtomicFile(self.path / JOURNAL_NAME)
        with journal as fh:
            fh.write(json.dumps(plan, ensure_ascii=False))
        os.fsync(self.fd)
        for f in files:
            f.done = True  # from here on the journal owns the temporary files
        try:
            self._apply(rename, plan["remove"])
            os.unlink(self.path / JOURNAL_NAME)
        except OSError as exc:
            raise CommitIncomplete(exc.errno, f"{exc.strerror or exc}; the commit is in {JOURNAL_NAME} "
                                              f"and the next run in {self.path} completes it") from exc

    def keep_previous_report(self) -> str | None:
        """Before a failed run replaces ``run_report.json``: if that report is a complete one
        (it describes the outputs still on disk), it is kept as ``run_report.previous.json``.
        Returns the name of the report that describes the outputs on disk, or ``None``."""
        current, previous = self.path / REPORT_NAME, self.path / PREVIOUS_REPORT_NAME
        if current.exists() and _report_is_complete(current):
            tmp = self.path / f".{PREVIOUS_REPORT_NAME}.{os.getpid()}.part"
            tmp.unlink(missing_ok=True)
            try:
                try:
                    os.link(current, tmp)  # no copy: the same file under a second name
                except OSError:
                    shutil.copyfile(current, tmp)
                os.replace(tmp, previous)
            finally:
                tmp.unlink(missing_ok=True)
            os.fsync(self.fd)
        return PREVIOUS_REPORT_NAME if previous.exists() else None

    def close(self) -> None:
        if self.fd is not None:
            _HELD_LOCKS.discard(self.fd)
            os.close(self.fd)  # releases the lock
            self.fd = None

    def __enter__(self) -> "OutputFolder":
        return self

    def __exit__(self, *exc) -> bool:
        self.close()
        return False


_PAGE_NAME = re.compile(r"page-\d+\.html")


def _is_ours(rel: str) -> bool:
    """A path a journal may name: a file of the folder, or a page of the report's folder
    (never ``..`` or an absolute path, whatever the journal on disk says)."""
    parts = Path(rel).parts
    if len(parts) == 2 and parts[0] == PAGES_DIR:
        parts = parts[1:]
    return len(parts) == 1 and parts[0] not in ("..", ".") and not os.path.isabs(rel)


def _rmdir_if_empty(path: Path) -> bool:
    try:
        path.rmdir()
        return True
    except OSError:  # not empty (a user's file), or gone
        return False


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _is_debris(name: str) -> bool:
    """A temporary file of ours (``.entities.csv.k2j3.part``), left by a killed run."""
    if not (name.startswith(".") and name.endswith(".part")):
        return False
    return any(name.startswith(f".{known}.") for known in (*OUTPUT_NAMES, REPORT_NAME, PREVIOUS_REPORT_NAME,
                                                            JOURNAL_NAME))


_COMPLETE = re.compile(rb'"complete": (true|false)')


def _report_is_complete(path: Path) -> bool:
    """``"complete"`` of a run report, read without loading its (possibly long) problem list:
    the first match is the top-level key, since a JSON string cannot hold an unescaped quote."""
    try:
        with open(path, "rb") as fh:
            tail = b""
            for chunk in iter(lambda: fh.read(1 << 16), b""):
                m = _COMPLETE.search(tail + chunk)
                if m:
                    return m.group(1) == b"true"
                tail = chunk[-32:]
    except OSError:
        pass
    return False


# --- writers ----------------------------------------------------------------------------

class FileWriter:
    """A streaming writer over atomic files (one, :attr:`file`, unless :meth:`files` says
    otherwise): :meth:`end` writes what ends them (once), ``commit`` renames them in place on
    their own, ``abort`` removes them (and never raises)."""

    file: AtomicFile
    wants_text = False  # True: ``write`` gets the document with its ``text``, ``source``, ``words``, ``date``
    ended = False

    def close(self) -> None:
        """Writes what ends the file (called once, by :meth:`end`)."""

    def end(self) -> None:
        if not self.ended:
            self.ended = True
            self.close()

    def files(self) -> list[AtomicFile]:
        return [self.file]

    def discard(self) -> None:
        """Releases what the writer holds besides its files (on abort)."""

    def commit(self) -> None:
        if not all(f.done for f in self.files()):
            self.end()
        for f in self.files():
            f.commit()

    def abort(self) -> None:
        try:
            self.discard()
        except Exception:
            pass
        for f in self.files():
            f.abort()


class CsvWriter(FileWriter):
    """``entities.csv``: UTF-8 with a byte order mark (:data:`CSV_BOM`), one row per entity."""

    columns = CSV_COLUMNS

    def __init__(self, path: Path):
        self.file = AtomicFile(path, newline="")
        self.file.fh.write(CSV_BOM)
        self.writer = csv.DictWriter(self.file.fh, fieldnames=self.columns, extrasaction="ignore")
        self.writer.writeheader()
        self.rows = 0

    def write_row(self, row: dict[str, Any]) -> None:
        self.writer.writerow({k: csv_safe(v) for k, v in row.items()})
        self.rows += 1

    def write(self, d: dict[str, Any]) -> None:
        for row in entity_rows(d):
            self.write_row(row)


class JsonWriter(FileWriter):
    def __init__(self, path: Path):
        self.file = AtomicFile(path)
        self.file.fh.write('{"documents": [\n')
        self.n = 0

    def write(self, d: dict[str, Any]) -> None:
        if self.n:
            self.file.fh.write(",\n")
        self.file.fh.write(dumps(d))
        self.n += 1

    def close(self) -> None:
        self.file.fh.write("\n]}\n")


class JsonlWriter(FileWriter):
    def __init__(self, path: Path):
        self.file = AtomicFile(path)

    def write(self, d: dict[str, Any]) -> None:
        self.file.fh.write(dumps(d))
        self.file.fh.write("\n")


_SURROGATES = re.compile("[\ud800-\udfff]")


def _arrow_safe(v: Any) -> Any:
    """A string Arrow can hold (UTF-8): lone surrogates written ``\\udcca``, as the other
    writers' ``backslashreplace`` writes them."""
    if isinstance(v, str) and _SURROGATES.search(v):
        return v.encode("utf-8", "backslashreplace").decode("utf-8")
    return v


class ParquetWriter(FileWriter):
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
            try:
                table = self.pa.Table.from_pydict(self.buf, schema=self.schema)
            except (UnicodeError, self.pa.ArrowException):
                table = self.pa.Table.from_pydict(
                    {k: [_arrow_safe(v) for v in vs] for k, vs in self.buf.items()}, schema=self.schema)
            self.writer.write_table(table)
            self.buf = {n: [] for n in self.schema.names}

    def close(self) -> None:
        self._flush()
        self.writer.close()

    def discard(self) -> None:
        self.writer.close()


def write_atomic_text(path: Path, text: str) -> None:
    """Writes a small text file atomically."""
    with AtomicFile(path) as fh:
        fh.write(text)


def write_all(writer, docs: Iterable[dict[str, Any]]):
    """Feeds every document to a streaming writer and commits it; removes its partial file on
    any error."""
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
    return write_all(CsvWriter(path), docs).rows


def write_json(docs: Iterable[dict[str, Any]], path: Path) -> int:
    """Writes ``entities.json`` as ``{"documents": [...]}``; returns the document count."""
    return write_all(JsonWriter(path), docs).n


def write_jsonl(docs: Iterable[dict[str, Any]], path: Path) -> int:
    """Writes ``entities.jsonl`` (one document per line); returns the document count."""
    count = [0]

    def counted():
        for d in docs:
            count[0] += 1
            yield d

    write_all(JsonlWriter(path), counted())
    return count[0]
