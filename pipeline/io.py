"""Reading inputs lazily, one document at a time.

Supported inputs (chosen by file name):

* ``.txt`` (or any other name): one document, id = file stem;
* a directory: every ``*.txt`` below it (a folder's files sorted by name, then its subfolders,
  sorted), id = relative path without the suffix, ``/`` replaced by ``__``;
* ``.jsonl`` / ``.ndjson`` (also ``.gz``): one JSON object per line;
* ``.csv`` (also ``.csv.gz``): a header row, one document per row;
* ``.parquet`` / ``.pq``: one document per row, read in record batches;
* ``-``: standard input: one document (id ``stdin``), or JSON Lines with
  ``stdin_format="jsonl"`` (``zcat archive.jsonl.gz | arabic-news-extract run - --stdin-format jsonl``).

For JSONL, CSV and Parquet the text, id and date come from the columns named by
:class:`ReadOptions` (``text``, ``id``, ``date`` by default).

Readers yield :class:`InputDoc` (a document to process) or :class:`InputError` (a document
that could not be read, with its location ``file``, ``file:LINE`` or ``file:row N`` and the
reason) so that every input is accounted for. Nothing here raises for bad *content*; only
:func:`check_inputs` raises :class:`UsageError`, before the run starts, for bad *options*
(missing or unreadable path, unknown encoding, missing column).

Decoding: UTF-8 with or without BOM, UTF-16/UTF-32 with BOM are detected; anything else must
be named with ``--encoding`` (``cp1256``, ``iso-8859-6``, ...). Invalid bytes are reported
with their byte offset unless ``errors="replace"``.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import gzip
import hashlib
import io
import json
import os
import re
import sys
import zlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Union

DEFAULT_MAX_CHARS = 500_000  # ~90,000 words: far above any news article; bounds time and memory


class UsageError(Exception):
    """The run cannot start (bad option, missing or unreadable input)."""


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are decoded and which columns hold the text, id and date.

    Attributes:
        encoding: a Python codec name, or ``None`` for automatic (BOM sniffing, else UTF-8).
        errors: ``"strict"`` (invalid bytes skip the document, reported) or ``"replace"``.
        text_column, id_column, date_column: field names for JSONL, CSV and Parquet.
        max_chars: longer documents are skipped (reported), so that one huge line cannot
            exhaust memory.
    """

    encoding: str | None = None
    errors: str = "strict"
    text_column: str = "text"
    id_column: str = "id"
    date_column: str = "date"
    max_chars: int = DEFAULT_MAX_CHARS
    stdin_format: str = "txt"
    doc_id: str | None = None


@dataclass(frozen=True)
class InputDoc:
    """A document to process.

    ``source`` is its location (``file``, ``file:LINE``, ``file:row N``); ``nbytes`` its
    approximate size in the input (for progress); ``notes`` warnings about it (renamed
    duplicate id, unreadable date) that go to the run report.
    """

    id: str
    text: str
    date: dt.date | None
    source: str
    nbytes: int = 0
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class InputError:
    """A document that could not be read."""

    source: str
    reason: str
    id: str | None = None
    nbytes: int = 0


Item = Union[InputDoc, InputError]

_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_CSV_SUFFIXES = (".csv", ".csv.gz")
_PARQUET_SUFFIXES = (".parquet", ".pq")


def input_kind(path: Path) -> str:
    """``"jsonl"``, ``"csv"``, ``"parquet"``, ``"dir"`` or ``"txt"``."""
    name = path.name.lower()
    if path.is_dir():
        return "dir"
    if name.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(_CSV_SUFFIXES):
        return "csv"
    if name.endswith(_PARQUET_SUFFIXES):
        return "parquet"
    return "txt"


# --- dates ------------------------------------------------------------------------------

def parse_date(value: str) -> dt.date:
    """``YYYY-MM-DD``, or an ISO datetime whose date part is used."""
    try:
        s = value.strip()
        if len(s) > 10 and s[10] in "T ":
            s = s[:10]
        return dt.date.fromisoformat(s)
    except (ValueError, AttributeError, TypeError):
        raise ValueError(f"not a YYYY-MM-DD date: {value!r}") from None


def _date_field(value, notes: list[str]) -> dt.date | None:
    """A document's date; an unreadable one becomes a note and ``None`` (the text is kept)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return parse_date(str(value))
    except ValueError as exc:
        notes.append(f"date ignored: {exc}")
        return None


# --- decoding ---------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeProblem(Exception):
    pass


def check_encoding(name: str | None) -> None:
    if name is None:
        return
    try:
        codecs.lookup(name)
    except LookupError:
        raise UsageError(f"unknown encoding: {name!r} (e.g. utf-8, utf-16, cp1256, iso-8859-6)") from None


def sniff_encoding(head: bytes, encoding: str | None) -> str:
    """The codec for a byte stream starting with ``head``: the BOM's, else ``encoding`` or UTF-8."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            if encoding is None or codecs.lookup(encoding).name.startswith(("utf-8", "utf-16", "utf-32")):
                return name
    return encoding or "utf-8"


def _is_ascii_compatible(codec: str) -> bool:
    return not codecs.lookup(codec).name.startswith(("utf-16", "utf-32"))


def decode_bytes(data: bytes, opts: ReadOptions, base_offset: int = 0) -> str:
    """Decodes one document's bytes; raises DecodeProblem with a user-facing message."""
    codec = sniff_encoding(data[:4], opts.encoding)
    try:
        return data.decode(codec, opts.errors)
    except UnicodeDecodeError as exc:
        raise DecodeProblem(_decode_message(codec, base_offset + exc.start, opts)) from None


def _decode_message(codec: str, offset: int, opts: ReadOptions) -> str:
    name = codecs.lookup(codec).name
    label = "UTF-8" if name.startswith("utf-8") else codec
    hint = "--encoding cp1256 (or iso-8859-6) for legacy Arabic text, or --errors replace"
    return f"invalid {label} at byte {offset} (use {hint})"


_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF", b"GIF8", b"\xff\xd8\xff",
                 b"MZ", b"{\\rtf", b"\xd0\xcf\x11\xe0")
_CONTROL = frozenset(range(0, 9)) | frozenset(range(14, 32)) - {27}


def looks_binary(sample: bytes) -> bool:
    """True for data that is not text: a known file signature, or many NUL/control bytes.

    A text with a few stray NUL bytes is still text (it is processed); UTF-16/32 with a BOM
    is text.
    """
    if not sample:
        return False
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    if sample.startswith(_BINARY_MAGIC):
        return True
    nul = sample.count(0)
    ctrl = sum(1 for b in sample if b in _CONTROL)
    return nul > max(8, len(sample) // 100) or ctrl > len(sample) // 10


# --- readers ----------------------------------------------------------------------------

def _too_long(n: int, opts: ReadOptions, unit: str = "characters") -> str:
    return f"document too long: {n:,} {unit}, over the --max-chars limit of {opts.max_chars:,}"


def read_txt(path: Path, doc_id: str | None = None, opts: ReadOptions | None = None) -> Item:
    """One ``.txt`` file as one document."""
    opts = opts or ReadOptions()
    where = str(path)
    doc_id = doc_id or opts.doc_id or path.stem
    try:
        size = path.stat().st_size
        if size > 4 * opts.max_chars + 4:
            return InputError(where, _too_long(size, opts, "bytes"), doc_id, size)
        data = path.read_bytes()
    except OSError as exc:
        return InputError(where, f"cannot read file: {exc.strerror or exc}", doc_id)
    return _doc_from_bytes(data, doc_id, where, opts)


def _doc_from_bytes(data: bytes, doc_id: str, where: str, opts: ReadOptions) -> Item:
    if not data.strip():
        return InputError(where, "empty file", doc_id, len(data))
    if looks_binary(data[:8192]):
        return InputError(where, "binary file, not text", doc_id, len(data))
    try:
        text = decode_bytes(data, opts)
    except DecodeProblem as exc:
        return InputError(where, str(exc), doc_id, len(data))
    if len(text) > opts.max_chars:
        return InputError(where, _too_long(len(text), opts), doc_id, len(data))
    if not text.strip():
        return InputError(where, "empty file", doc_id, len(data))
    return InputDoc(doc_id, text, None, where, len(data))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(s: str, notes: list[str], what: str) -> str:
    """JSON can escape lone surrogates (``"\\ud800"``), which no output encoding accepts; each
    becomes U+FFFD (same length, so offsets are unchanged), with a note."""
    if _SURROGATE.search(s):
        notes.append(f"lone surrogate code points in {what} replaced by U+FFFD")
        return _SURROGATE.sub("\ufffd", s)
    return s


def _record_to_item(obj, where: str, fallback_id: str, opts: ReadOptions, nbytes: int) -> Item:
    """A JSONL object or a CSV/Parquet row as a document."""
    if not isinstance(obj, dict):
        return InputError(where, f"expected a JSON object, got {type(obj).__name__}", None, nbytes)
    notes: list[str] = []
    raw_id = obj.get(opts.id_column)
    doc_id = _no_surrogates(str(raw_id), notes, "the id") if raw_id not in (None, "") else fallback_id
    text = obj.get(opts.text_column)
    if not isinstance(text, str):
        what = "missing" if text is None else f"not a string ({type(text).__name__})"
        return InputError(where, f'field "{opts.text_column}" is {what}', doc_id, nbytes)
    if len(text) > opts.max_chars:
        return InputError(where, _too_long(len(text), opts), doc_id, nbytes)
    if not text.strip():
        return InputError(where, f'empty "{opts.text_column}"', doc_id, nbytes)
    text = _no_surrogates(text, notes, "the text")
    date = _date_field(obj.get(opts.date_column), notes)
    return InputDoc(doc_id, text, date, where, nbytes, tuple(notes))


def _open_binary(path: Path) -> BinaryIO:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def _peek_codec(fh: BinaryIO, opts: ReadOptions) -> str:
    """The encoding of an open file from its first bytes (BOM) or ``opts.encoding``."""
    head = fh.peek(4)[:4] if hasattr(fh, "peek") else b""
    return sniff_encoding(head, opts.encoding)


def _open_sniffed(path: Path, opts: ReadOptions) -> tuple[BinaryIO, str] | InputError:
    """The open file and its encoding, or the error that stops reading it (unreadable, corrupt gzip)."""
    try:
        fh = _open_binary(path)
    except OSError as exc:
        return InputError(str(path), f"cannot read file: {exc.strerror or exc}")
    try:
        return fh, _peek_codec(fh, opts)
    except (OSError, EOFError, zlib.error) as exc:
        fh.close()
        return InputError(str(path), f"cannot read file: {exc}")


def read_jsonl(path: Path, lines: Iterable | None = None, opts: ReadOptions | None = None) -> Iterator[Item]:
    """JSON Lines: one object per line. A bad line is reported (``file:LINE``) and skipped.

    ``lines`` (str or bytes lines) replaces the file, for tests and standard input.
    """
    opts = opts or ReadOptions()
    stem = path.name.split(".")[0]
    if lines is not None:
        yield from _jsonl_lines(path, stem, (ln.encode("utf-8") if isinstance(ln, str) else ln for ln in lines),
                                opts, "utf-8")
        return
    opened = _open_sniffed(path, opts)
    if isinstance(opened, InputError):
        yield opened
        return
    fh, codec = opened
    with fh:
        if _is_ascii_compatible(codec):
            yield from _jsonl_lines(path, stem, fh, opts, codec)
        else:  # UTF-16/32: no byte-level line splitting; decode the stream
            text = io.TextIOWrapper(fh, encoding=codec, errors=opts.errors, newline=None)
            yield from _jsonl_lines(path, stem, (ln.encode("utf-8") for ln in text), opts, "utf-8")


def _jsonl_lines(path: Path, stem: str, raw_lines: Iterable[bytes], opts: ReadOptions, codec: str) -> Iterator[Item]:
    offset = 0
    n = 0
    it = iter(raw_lines)
    while True:
        try:
            raw = next(it)
        except StopIteration:
            return
        except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
            yield InputError(f"{path}:{n + 1}", f"cannot read the rest of the file: {exc}")
            return
        n += 1
        where = f"{path}:{n}"
        line_start = offset
        offset += len(raw)
        if n == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[3:]
            line_start += 3
        if not raw.strip():
            continue
        if len(raw) > 4 * opts.max_chars + 1024:
            yield InputError(where, _too_long(len(raw), opts, "bytes"), None, len(raw))
            continue
        try:
            line = raw.decode(codec, opts.errors)
        except UnicodeDecodeError as exc:
            yield InputError(where, _decode_message(codec, line_start + exc.start, opts), None, len(raw))
            continue
        try:
            obj = json.loads(line.rstrip("\r\n"))
        except (json.JSONDecodeError, RecursionError) as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            col = f" (column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
            yield InputError(where, f"invalid JSON: {msg}{col}", None, len(raw))
            continue
        yield _record_to_item(obj, where, f"{stem}-{n}", opts, len(raw))


def read_csv(path: Path, opts: ReadOptions | None = None) -> Iterator[Item]:
    """CSV with a header row; a row is located as ``file:LINE`` (its first physical line)."""
    opts = opts or ReadOptions()
    stem = path.name.split(".")[0]
    opened = _open_sniffed(path, opts)
    if isinstance(opened, InputError):
        yield opened
        return
    fh, codec = opened
    with fh:
        text = io.TextIOWrapper(fh, encoding=codec, errors=opts.errors, newline="")
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        reader = csv.DictReader(text)
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError as exc:
                yield InputError(f"{path}:{reader.line_num + 1}",
                                 _decode_message(codec, exc.start, opts).replace(
                                     f"at byte {exc.start}", "near this line")
                                 + "; the rest of the file is not read")
                return
            except (csv.Error, OSError, EOFError, zlib.error) as exc:
                yield InputError(f"{path}:{reader.line_num}", f"invalid CSV: {exc}")
                if isinstance(exc, csv.Error):
                    continue
                return
            nbytes = sum(len(v) for v in row.values() if isinstance(v, str))
            yield _record_to_item(row, f"{path}:{reader.line_num}", f"{stem}-{reader.line_num}", opts, nbytes)


def read_parquet(path: Path, opts: ReadOptions | None = None, batch_size: int = 256) -> Iterator[Item]:
    """Parquet, read in record batches of the needed columns; rows located as ``file:row N``."""
    import pyarrow.parquet as pq

    opts = opts or ReadOptions()
    stem = path.name.split(".")[0]
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a corrupt file
        yield InputError(str(path), f"cannot read Parquet file: {exc}")
        return
    names = set(pf.schema_arrow.names)
    cols = [c for c in (opts.text_column, opts.id_column, opts.date_column) if c in names]
    row = 0
    try:
        for batch in pf.iter_batches(batch_size=batch_size, columns=cols):
            for rec in batch.to_pylist():
                row += 1
                text = rec.get(opts.text_column)
                nbytes = len(text) if isinstance(text, str) else 0
                yield _record_to_item(rec, f"{path}:row {row}", f"{stem}-{row}", opts, nbytes)
    except Exception as exc:
        yield InputError(f"{path}:row {row + 1}", f"cannot read the rest of the file: {exc}")


def iter_dir(path: Path) -> Iterator[Path]:
    """Every ``*.txt`` file below ``path``, lazily: a folder's files sorted, then its subfolders."""
    for root, dirs, files in os.walk(path):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(".txt"):
                yield Path(root) / name


def _read_stdin(opts: ReadOptions) -> Iterator[Item]:
    stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
    if opts.stdin_format == "jsonl":
        lines = stream if stream is not None else sys.stdin
        yield from _jsonl_lines(Path("<stdin>"), "stdin",
                                (ln.encode("utf-8") if isinstance(ln, str) else ln for ln in lines), opts,
                                sniff_encoding(b"", opts.encoding))
        return
    data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
    yield _doc_from_bytes(data, opts.doc_id or "stdin", "<stdin>", opts)


def iter_raw(inputs: list[str], default: Path, opts: ReadOptions | None = None) -> Iterator[Item]:
    """Every document of every input, in order, without id de-duplication."""
    opts = opts or ReadOptions()
    if not inputs:
        inputs = [str(default)]
    for raw in inputs:
        if raw == "-":
            yield from _read_stdin(opts)
            continue
        path = Path(raw)
        kind = input_kind(path)
        if kind == "dir":
            for f in iter_dir(path):
                rel = f.relative_to(path).with_suffix("")
                yield read_txt(f, rel.as_posix().replace("/", "__"), opts)
        elif kind == "jsonl":
            yield from read_jsonl(path, opts=opts)
        elif kind == "csv":
            yield from read_csv(path, opts)
        elif kind == "parquet":
            yield from read_parquet(path, opts)
        else:
            yield read_txt(path, None, opts)


def dedupe_ids(items: Iterable[Item]) -> Iterator[Item]:
    """Gives a repeated document id a distinct one (``ID~2``, ``ID~3``...), noted on the document.

    Seen ids are kept as 16-byte digests, so memory stays small on millions of documents.
    """
    seen: set[bytes] = set()
    counts: dict[str, int] = {}
    for item in items:
        if isinstance(item, InputDoc):
            key = hashlib.blake2b(item.id.encode("utf-8", "surrogatepass"), digest_size=16).digest()
            if key in seen:
                k = counts.get(item.id, 1)
                while True:
                    k += 1
                    new_id = f"{item.id}~{k}"
                    new_key = hashlib.blake2b(new_id.encode("utf-8", "surrogatepass"), digest_size=16).digest()
                    if new_key not in seen:
                        break
                counts[item.id] = k
                seen.add(new_key)
                item = replace(item, id=new_id,
                               notes=item.notes + (f"duplicate id {item.id!r} renamed to {new_id!r}",))
            else:
                seen.add(key)
        yield item


def iter_inputs(inputs: list[str], default: Path, opts: ReadOptions | None = None) -> Iterator[Item]:
    """Yields every document of every input, in order, with unique ids."""
    return dedupe_ids(iter_raw(inputs, default, opts))


def input_size(inputs: list[str], default: Path) -> int | None:
    """Total bytes of the inputs (for the progress ETA); ``None`` when unknown (stdin)."""
    total = 0
    for raw in inputs or [str(default)]:
        if raw == "-":
            return None
        p = Path(raw)
        try:
            if p.is_dir():
                total += sum(f.stat().st_size for f in iter_dir(p))
            elif p.name.lower().endswith(".gz") or input_kind(p) == "parquet":
                return None
            else:
                total += p.stat().st_size
        except OSError:
            return None
    return total


def check_inputs(inputs: list[str], opts: ReadOptions | None = None) -> None:
    """Raises UsageError when the run cannot start: a missing or unreadable input path, an
    unknown encoding, a CSV/Parquet input without the text column."""
    opts = opts or ReadOptions()
    check_encoding(opts.encoding)
    if opts.errors not in ("strict", "replace"):
        raise UsageError(f"--errors must be strict or replace, not {opts.errors!r}")
    if opts.stdin_format not in ("txt", "jsonl"):
        raise UsageError(f"--stdin-format must be txt or jsonl, not {opts.stdin_format!r}")
    if opts.doc_id is not None:
        single = not inputs or len(inputs) == 1 and (
            (inputs[0] == "-" and opts.stdin_format == "txt")
            or (inputs[0] != "-" and Path(inputs[0]).is_file() and input_kind(Path(inputs[0])) == "txt"))
        if not single:
            raise UsageError("--id names the document of a single text input (one .txt file or - );"
                             " other inputs carry their ids")
        if not opts.doc_id.strip():
            raise UsageError("--id must not be empty")
    if opts.max_chars < 1:
        raise UsageError("--max-chars must be a positive number")
    if inputs.count("-") > 1:
        raise UsageError("standard input (-) can be named only once")
    for raw in inputs:
        if raw == "-":
            continue
        path = Path(raw)
        if not path.exists():
            raise UsageError(f"input not found: {raw}")
        if not os.access(path, os.R_OK) or (path.is_dir() and not os.access(path, os.X_OK)):
            raise UsageError(f"input not readable (permission denied): {raw}")
        kind = input_kind(path)
        if kind == "csv":
            _check_csv_header(path, opts)
        elif kind == "parquet":
            _check_parquet_columns(path, opts)


def _check_csv_header(path: Path, opts: ReadOptions) -> None:
    try:
        with _open_binary(path) as fh:
            text = io.TextIOWrapper(fh, encoding=_peek_codec(fh, opts), errors="replace", newline="")
            csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
            header = next(csv.reader(text), None)
    except (OSError, EOFError, zlib.error, csv.Error) as exc:
        raise UsageError(f"cannot read CSV header of {path}: {exc}") from None
    if header is None:
        return  # empty file: nothing to process
    if opts.text_column not in header:
        raise UsageError(f"{path}: no column {opts.text_column!r} (columns: {', '.join(header)}); "
                         f"choose one with --text-column")


def _check_parquet_columns(path: Path, opts: ReadOptions) -> None:
    import pyarrow.parquet as pq

    try:
        names = pq.ParquetFile(path).schema_arrow.names
    except Exception as exc:
        raise UsageError(f"cannot read Parquet file {path}: {exc}") from None
    if opts.text_column not in names:
        raise UsageError(f"{path}: no column {opts.text_column!r} (columns: {', '.join(names)}); "
                         f"choose one with --text-column")
