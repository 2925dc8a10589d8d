"""Reading inputs lazily, one document at a time.

Supported inputs (chosen by file name):

* ``.txt`` (or any other name): one document, id = file stem;
* a directory: every ``*.txt`` below it (a folder's files sorted by name, then its subfolders,
  sorted), id = relative path without the suffix, ``/`` replaced by ``__``; a FIFO, device or
  socket, a broken link, a link to a folder and a folder that cannot be listed are reported;
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
be named with ``--encoding`` (``cp1256``, ``iso-8859-6``, ...); a BOM wins over ``--encoding``,
with a warning. Invalid bytes are reported with their location unless ``errors="replace"``.

Bounds: no read holds more than one record's bound in memory (``--max-chars``: 4 bytes per
character for a text file or standard input, 6 for a JSONL line or a CSV row, which may use
``\\uXXXX`` escapes), whatever the input: a 1 GB line in a small ``.gz``, ``/dev/zero``, a
FIFO. JSONL and CSV lines end with ``\\n``, ``\\r\\n`` or a lone ``\\r``. Any error while reading one
record costs that record only.
"""

from __future__ import annotations

import codecs
import collections
import csv
import datetime as dt
import gzip
import hashlib
import io
import json
import os
import re
import stat
import sys
import zlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator, NamedTuple, Union

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
_JSON_SUFFIXES = (".json", ".json.gz")
_CSV_SUFFIXES = (".csv", ".csv.gz")
_PARQUET_SUFFIXES = (".parquet", ".pq")
_TEXT_SUFFIXES = ("", ".txt", ".text")
KINDS_HELP = (".txt files, folders of .txt files, .json, .jsonl and .csv files (also .gz), .parquet files, "
              "or - for standard input")


def input_kind(path: Path) -> str:
    """``"dir"``, ``"jsonl"``, ``"json"``, ``"csv"``, ``"parquet"``, ``"txt"`` (a ``.txt`` or
    ``.text`` file, a file without suffix, or a FIFO or device such as ``<(zcat a.txt.gz)``),
    or ``"unknown"`` (a regular file of any other kind: ``pyproject.toml``, ``a.txt.gz``)."""
    name = path.name.lower()
    if path.is_dir():
        return "dir"
    if name.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(_JSON_SUFFIXES):
        return "json"
    if name.endswith(_CSV_SUFFIXES):
        return "csv"
    if name.endswith(_PARQUET_SUFFIXES):
        return "parquet"
    if path.suffix.lower() in _TEXT_SUFFIXES or (path.exists() and not path.is_file()):
        return "txt"
    return "unknown"


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

#: Decoding error handler of the streamed readers: each invalid sequence becomes one lone
#: surrogate, which no valid decoded text contains, so the record that holds it is reported
#: and the rest of the file is read (the ``surrogateescape`` handler cannot do this for
#: UTF-16, whose invalid units may be below 0x80).
_BAD = "\ud800"
_BAD_BYTES = "arabic-news-extract.mark-invalid"


def _mark_invalid(exc: UnicodeError):
    if isinstance(exc, UnicodeDecodeError):
        return _BAD, exc.end
    raise exc


codecs.register_error(_BAD_BYTES, _mark_invalid)


def check_encoding(name: str | None) -> None:
    """Raises UsageError for an unknown codec, or one that is not a text encoding (base64...)."""
    if name is None:
        return
    hint = "(e.g. utf-8, utf-16, cp1256, iso-8859-6)"
    try:
        codecs.lookup(name)
    except LookupError:
        raise UsageError(f"unknown encoding: {name!r} {hint}") from None
    try:
        "a".encode(name)
    except LookupError:
        raise UsageError(f"--encoding {name}: not a text encoding {hint}") from None
    except Exception:  # a text codec that cannot encode "a" (none known) is still a text codec
        pass


def _family(codec: str) -> str:
    """``UTF-8``, ``UTF-16``, ``UTF-32`` or the codec's own name."""
    name = codecs.lookup(codec).name
    for fam in ("utf-8", "utf-16", "utf-32"):
        if name.startswith(fam):
            return fam.upper()
    return name


def sniff_encoding(head: bytes, encoding: str | None) -> tuple[str, str | None]:
    """The codec for a byte stream starting with ``head``, and a warning or ``None``.

    A byte order mark wins over ``encoding`` (a cp1256 text never starts with one); when they
    disagree the warning says so. Without a BOM: ``encoding``, else UTF-8.
    """
    for bom, name in _BOMS:
        if head.startswith(bom):
            note = None
            if encoding is not None and _family(encoding) != _family(name):
                note = (f"the file starts with a {_family(name)} byte order mark: read as {_family(name)}, "
                        f"not as --encoding {encoding}")
            return name, note
    return encoding or "utf-8", None


def _is_ascii_compatible(codec: str) -> bool:
    return not codecs.lookup(codec).name.startswith(("utf-16", "utf-32"))


def _decode_message(codec: str, offset: int | None, opts: ReadOptions) -> str:
    name = _family(codec)
    label = name if name.startswith("UTF") else codec
    hint = "--encoding cp1256 (or iso-8859-6) for legacy Arabic text, or --errors replace"
    where = f"at byte {offset}" if offset is not None else "in this line"
    return f"invalid {label} {where} (use {hint})"


_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF", b"GIF8", b"\xff\xd8\xff",
                 b"MZ", b"{\\rtf", b"\xd0\xcf\x11\xe0")
_CONTROL = frozenset(range(0, 9)) | frozenset(range(14, 32)) - {27}
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def looks_binary(sample: bytes, codec: str | None = None) -> bool:
    """True for data that is not text: a known file signature, or many NUL/control bytes.

    A text with a few stray NUL bytes is still text (it is processed); UTF-16/32 with a BOM
    is text. With a UTF-16/32 ``codec`` (named by ``--encoding``), whose bytes are full of
    NULs and controls, the controls are counted in the decoded sample instead.
    """
    if not sample:
        return False
    if sample.startswith(_BINARY_MAGIC):
        return True
    if codec is not None and not _is_ascii_compatible(codec):
        text = sample[: len(sample) & ~3].decode(codec, "replace")
        return len(_CONTROL_CHARS.findall(text)) > max(8, len(text) // 10)
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    nul = sample.count(0)
    ctrl = sum(1 for b in sample if b in _CONTROL)
    return nul > max(8, len(sample) // 100) or ctrl > len(sample) // 10


# --- bounded streams --------------------------------------------------------------------

_CHUNK = 1 << 16
_LINE_PARTS = {bytes: re.compile(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+"),
               str: re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")}


def _record_limit(opts: ReadOptions) -> int:
    """Longest JSONL line (bytes) or CSV row (characters) read: a ``--max-chars`` text written
    with ``\\uXXXX`` escapes (6 per character), plus room for the other fields."""
    return 6 * opts.max_chars + 65536


def _chunks(fh: BinaryIO) -> Iterator[bytes]:
    return iter(lambda: fh.read(_CHUNK), b"")


def _decoded(chunks: Iterable[bytes], codec: str, errors: str) -> Iterator[str]:
    """Text of a byte stream, decoded incrementally; invalid bytes become :data:`_BAD`
    (``errors="strict"``) or U+FFFD (``"replace"``)."""
    dec = codecs.getincrementaldecoder(codec)(_BAD_BYTES if errors == "strict" else "replace")
    for chunk in chunks:
        text = dec.decode(chunk)
        if text:
            yield text
    text = dec.decode(b"", True)
    if text:
        yield text


def split_lines(chunks: Iterable, limit: int) -> Iterator[tuple]:
    """The physical lines of a stream of chunks (all ``bytes`` or all ``str``), each with its
    end (``\\n``, ``\\r\\n`` or a lone ``\\r``): ``(line, length)``.

    A line longer than ``limit`` is never held in memory: it is counted while skipped and comes
    as ``(None, length)``. Time is linear in the input.
    """
    parts: list = []
    size = 0
    carry = None
    pattern = None
    for chunk in chunks:
        if pattern is None:
            pattern = _LINE_PARTS[type(chunk)]
        if carry is not None:
            chunk, carry = carry + chunk, None
        if chunk[-1:] in ("\r", b"\r"):  # perhaps the first half of a \r\n
            chunk, carry = chunk[:-1], chunk[-1:]
        for piece in pattern.findall(chunk):
            size += len(piece)
            if size <= limit:
                parts.append(piece)
            elif parts:
                parts = []
            if piece[-1:] in ("\n", "\r", b"\n", b"\r"):
                yield (piece[:0].join(parts) if size <= limit else None), size
                parts, size = [], 0
    if carry is not None:
        parts.append(carry)
        size += 1
    if size:
        yield (parts[0][:0].join(parts) if size <= limit else None), size


def _read_bounded(fh, limit: int) -> tuple[bytes | str, bool]:
    """At most ``limit`` bytes (or characters) of a stream; ``True`` if there is more."""
    data = fh.read(limit + 1)
    return data[:limit], len(data) > limit


# --- readers ----------------------------------------------------------------------------

def _too_long(n: int, opts: ReadOptions, unit: str = "characters", more: bool = False) -> str:
    return (f"document too long: {'more than ' if more else ''}{n:,} {unit}, over the --max-chars limit "
            f"of {opts.max_chars:,}")


def _txt_limit(opts: ReadOptions) -> int:
    return 4 * opts.max_chars + 4  # 4 bytes per character at most (UTF-8, UTF-16, UTF-32)


_FILE_KINDS = ((stat.S_ISFIFO, "FIFO"), (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "character device"),
               (stat.S_ISBLK, "block device"), (stat.S_ISDIR, "directory"))


def _file_kind(mode: int) -> str:
    return next((name for test, name in _FILE_KINDS if test(mode)), "special file")


def read_txt(path: Path, doc_id: str | None = None, opts: ReadOptions | None = None,
             regular_only: bool = False) -> Item:
    """One ``.txt`` file as one document, never reading more than the ``--max-chars`` bound.

    A FIFO or device named on the command line (``<(zcat a.txt.gz)``) is read up to the bound;
    with ``regular_only`` (files found in a directory) it is skipped without being opened for
    a blocking read.
    """
    opts = opts or ReadOptions()
    where = str(path)
    doc_id = doc_id or opts.doc_id or path.stem
    limit = _txt_limit(opts)
    try:
        fd = os.open(path, os.O_RDONLY | (os.O_NONBLOCK if regular_only else 0))
        with open(fd, "rb") as fh:
            st = os.fstat(fd)
            if stat.S_ISREG(st.st_mode) and st.st_size > limit:
                return InputError(where, _too_long(st.st_size, opts, "bytes"), doc_id, st.st_size)
            if not stat.S_ISREG(st.st_mode) and regular_only:
                return InputError(where, f"not a regular file ({_file_kind(st.st_mode)}); skipped", doc_id)
            data, more = _read_bounded(fh, limit)
    except OSError as exc:
        return InputError(where, f"cannot read file: {exc.strerror or exc}", doc_id)
    if more:
        return InputError(where, _too_long(limit, opts, "bytes", more=True), doc_id, limit)
    return _doc_from_bytes(data, doc_id, where, opts)


def _doc_from_bytes(data: bytes, doc_id: str, where: str, opts: ReadOptions) -> Item:
    if not data.strip():
        return InputError(where, "empty file", doc_id, len(data))
    codec, note = sniff_encoding(data[:4], opts.encoding)
    if looks_binary(data[:8192], codec):
        return InputError(where, "binary file, not text", doc_id, len(data))
    try:
        text = data.decode(codec, opts.errors)
    except UnicodeDecodeError as exc:
        return InputError(where, _decode_message(codec, exc.start, opts), doc_id, len(data))
    if len(text) > opts.max_chars:
        return InputError(where, _too_long(len(text), opts), doc_id, len(data))
    if not text.strip():
        return InputError(where, "empty file", doc_id, len(data))
    return InputDoc(doc_id, text, None, where, len(data), (note,) if note else ())


_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(s: str, notes: list[str], what: str) -> str:
    """JSON can escape lone surrogates (``"\\ud800"``), which no output encoding accepts; each
    becomes U+FFFD (same length, so offsets are unchanged), with a note."""
    if _SURROGATE.search(s):
        notes.append(f"lone surrogate code points in {what} replaced by U+FFFD")
        return _SURROGATE.sub("\ufffd", s)
    return s


def _record_to_item(obj, where: str, fallback_id: str, opts: ReadOptions, nbytes: int,
                    notes: list[str] | None = None) -> Item:
    """A JSONL object or a CSV/Parquet row as a document."""
    if not isinstance(obj, dict):
        return InputError(where, f"expected a JSON object, got {type(obj).__name__}", None, nbytes)
    notes = list(notes or ())
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


def _safe_record(make, where: str, nbytes: int) -> Item:
    """``make()``, or the error it raised as this record's error: one record never stops a file."""
    try:
        return make()
    except Exception as exc:  # a value Python cannot convert (a 5,000-digit integer id, ...)
        return InputError(where, f"cannot read this record: {type(exc).__name__}: {exc}", None, nbytes)


def _with_note(items: Iterator[Item], note: str | None) -> Iterator[Item]:
    """A file-level warning, given once: on the file's first document."""
    for it in items:
        if note and isinstance(it, InputDoc):
            it, note = replace(it, notes=(note,) + it.notes), None
        yield it


def _open_binary(path: Path) -> BinaryIO:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


_READ_ERRORS = (OSError, EOFError, zlib.error)


def _open_sniffed(path: Path, opts: ReadOptions) -> tuple[BinaryIO, str, str | None] | InputError:
    """The open file, its encoding and a BOM warning, or the error that stops reading it."""
    try:
        fh = _open_binary(path)
    except OSError as exc:
        return InputError(str(path), f"cannot read file: {exc.strerror or exc}")
    try:
        head = fh.peek(4)[:4] if hasattr(fh, "peek") else b""
        return (fh, *sniff_encoding(head, opts.encoding))
    except _READ_ERRORS as exc:
        fh.close()
        return InputError(str(path), f"cannot read file: {exc}")


def _read_records(path: Path, opts: ReadOptions, records) -> Iterator[Item]:
    """The items ``records(fh, codec)`` reads from the opened file (its encoding sniffed; a BOM
    warning goes on the first document), or the error that stops opening it."""
    opened = _open_sniffed(path, opts)
    if isinstance(opened, InputError):
        yield opened
        return
    fh, codec, note = opened
    with fh:
        yield from _with_note(records(fh, codec), note)


def read_jsonl(path: Path, lines: Iterable | None = None, opts: ReadOptions | None = None) -> Iterator[Item]:
    """JSON Lines: one object per line. A bad line is reported (``file:LINE``) and skipped.

    Lines end with ``\\n``, ``\\r\\n`` or ``\\r``; a line over the record bound is skipped
    while it is read (never held in memory). ``lines`` (str or bytes lines) replaces the
    file, for tests and standard input.
    """
    opts = opts or ReadOptions()
    stem = path.name.split(".")[0]
    if lines is not None:
        limit = _record_limit(opts)
        raw = (ln.encode("utf-8") if isinstance(ln, str) else ln for ln in lines)
        yield from _jsonl_lines(path, stem, ((ln if len(ln) <= limit else None, len(ln)) for ln in raw), opts,
                                "utf-8")
        return
    yield from _read_records(path, opts, lambda fh, codec: _jsonl_lines(
        path, stem, _jsonl_stream(_chunks(fh), codec, opts), opts, codec))


def _jsonl_stream(chunks: Iterator[bytes], codec: str, opts: ReadOptions) -> Iterator[tuple]:
    """The lines of a JSONL byte stream: split as bytes and decoded line by line when the codec
    allows it (a decoding error then gives its byte offset), else decoded first (UTF-16/32)."""
    if _is_ascii_compatible(codec):
        return split_lines(chunks, _record_limit(opts))
    return split_lines(_decoded(chunks, codec, opts.errors), _record_limit(opts))


def _jsonl_lines(path: Path, stem: str, lines: Iterator[tuple], opts: ReadOptions, codec: str) -> Iterator[Item]:
    offset = n = 0
    while True:
        try:
            raw, size = next(lines)
        except StopIteration:
            return
        except _READ_ERRORS as exc:
            yield InputError(f"{path}:{n + 1}", f"cannot read the rest of the file: {exc}")
            return
        n += 1
        line_start, offset = offset, offset + size
        if raw is None:
            yield InputError(f"{path}:{n}", _too_long(size, opts, "bytes"), None, size)
            continue
        if n == 1 and raw[:3] == codecs.BOM_UTF8:
            raw, line_start = raw[3:], line_start + 3
        if raw.strip():
            yield _jsonl_record(raw, f"{path}:{n}", f"{stem}-{n}", opts, codec, line_start)


def _jsonl_record(raw, where: str, fallback_id: str, opts: ReadOptions, codec: str, line_start: int) -> Item:
    size = len(raw)
    if isinstance(raw, bytes):
        try:
            line = raw.decode(codec, opts.errors)
        except UnicodeDecodeError as exc:
            return InputError(where, _decode_message(codec, line_start + exc.start, opts), None, size)
    elif _BAD in raw:
        return InputError(where, _decode_message(codec, None, opts), None, size)
    else:
        line = raw
    try:
        obj = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        return InputError(where, f"invalid JSON: {exc.msg} (column {exc.colno})", None, size)
    except RecursionError:
        return InputError(where, "invalid JSON: nested too deeply", None, size)
    except ValueError as exc:  # an integer over Python's digit limit
        return InputError(where, f"invalid JSON: {exc}", None, size)
    return _safe_record(lambda: _record_to_item(obj, where, fallback_id, opts, size), where, size)


# --- JSON: an array of records, or an object holding one under "documents" --------------

class JsonRecord(NamedTuple):
    """One record of :func:`iter_json_records`: the value, its length in characters, and
    whether invalid bytes (marked while decoding) were in it."""

    value: Any
    size: int
    invalid_bytes: bool = False


class _BadRecord(ValueError):
    """A record that could not be read; the reader has skipped it and can go on."""


_JSON_STRUCTURE = re.compile(r'[\[\]{}",\\]')


class _JsonText:
    """A decoded character stream read as JSON values one at a time, holding about ``limit``
    characters at most beyond what has been consumed."""

    def __init__(self, chunks: Iterator[str], limit: int):
        self.chunks = chunks
        self.limit = limit
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.decoder = json.JSONDecoder()

    def more(self, want: int = _CHUNK) -> bool:
        """Reads at least ``want`` more characters (fewer at the end); False at the end."""
        self.buf, self.pos = self.buf[self.pos:], 0
        got = 0
        while got < want and not self.eof:
            chunk = next(self.chunks, None)
            if chunk is None:
                self.eof = True
                break
            self.buf += chunk
            got += len(chunk)
        return got > 0

    def peek(self) -> str:
        """The next character that is not white space ('' at the end)."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buf) or not self.more():
                return self.buf[self.pos:self.pos + 1]

    def take(self, char: str) -> bool:
        if self.peek() == char:
            self.pos += 1
            return True
        return False

    def value(self) -> JsonRecord:
        """The next JSON value. Raises :class:`_BadRecord` for a value that is invalid (when
        its brackets close, the reader goes on after it), too long (skipped while read) or
        nested too deeply."""
        self.peek()
        want = _CHUNK
        while True:
            try:
                obj, end = self.decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                truncated = exc.msg.startswith("Unterminated string") or exc.pos >= len(self.buf) - 8
                if not truncated or self.eof:
                    self._skip_value()
                    raise _BadRecord(f"invalid JSON: {exc.msg}") from None
                if len(self.buf) - self.pos > self.limit:
                    n = self._skip_value()
                    raise _BadRecord(f"record too long: {n:,} characters, over the limit of {self.limit:,}") from None
                self.more(want)
                want *= 2  # a long value is parsed again a logarithmic number of times only
                continue
            except RecursionError:
                self._skip_value()
                raise _BadRecord("invalid JSON: nested too deeply") from None
            except ValueError as exc:  # an integer over Python's digit limit
                self._skip_value()
                raise _BadRecord(f"invalid JSON: {exc}") from None
            raw = self.buf[self.pos:end]
            self.pos = end
            if len(raw) > self.limit:
                raise _BadRecord(f"record too long: {len(raw):,} characters, over the limit of {self.limit:,}")
            return JsonRecord(obj, len(raw), _BAD in raw)

    def _skip_value(self) -> int:
        """Consumes one value without holding it: a string, or brackets until they close
        (quotes and escapes respected); returns its length. Jumps from one structural
        character to the next (a regex scan), so a long value costs little."""
        depth, in_str, n = 0, False, 0
        skip = -1  # the index in the buffer of a character escaped by a backslash
        self.peek()
        while True:
            buf, start, end = self.buf, self.pos, None
            for m in _JSON_STRUCTURE.finditer(buf, start):
                j, c = m.start(), m.group()
                if j == skip:
                    continue
                if in_str:
                    if c == "\\":
                        skip = j + 1
                    elif c == '"':
                        in_str = False
                        if depth == 0:
                            end = j + 1
                            break
                elif c == '"':
                    in_str = True
                elif c in "[{":
                    depth += 1
                elif c in "]}":
                    depth -= 1
                    if depth <= 0:  # its last bracket; or a bare value ends before its array closes
                        end = j + 1 if depth == 0 else j
                        break
                elif depth == 0:  # a comma after a bare value
                    end = j
                    break
            if end is not None:
                self.pos = end
                return n + end - start
            n += len(buf) - start
            self.pos = len(buf)
            skip = skip - len(buf) if skip >= len(buf) else -1
            if not self.more():
                return n


def iter_json_records(chunks: Iterator[str], limit: int, key: str = "documents") -> Iterator[JsonRecord | ValueError]:
    """The records of a JSON text (decoded chunks), read incrementally: the items of a
    top-level array, or of the array under ``key`` in a top-level object (its other members
    are skipped), or the object itself when it has no ``key``. A record that cannot be read
    comes as a :class:`ValueError` and the next ones are still read when the JSON allows it
    (the error says when the rest of the text cannot be read)."""
    js = _JsonText(chunks, limit)
    first = js.peek()
    if first == "{":
        js.pos += 1
        members: dict[str, Any] = {}
        size = 0
        while not js.take("}"):
            js.take(",")
            try:
                name = js.value().value
                if not js.take(":"):
                    raise _BadRecord("invalid JSON: expected ':' after a member name")
                if name == key and js.peek() == "[":
                    yield from _json_array(js)
                    return
                member = js.value()
            except _BadRecord as exc:
                yield ValueError(f"{exc}; the rest of the file is not read")
                return
            members[str(name)] = member.value
            size += member.size
            if js.peek() == "":
                yield ValueError("invalid JSON: the file ends inside an object")
                return
        yield JsonRecord(members, size)
        return
    if first != "[":
        yield ValueError("empty file" if first == "" else f'not a JSON array of records or an object with a "{key}" list')
        return
    yield from _json_array(js)


def _json_array(js: _JsonText) -> Iterator[JsonRecord | ValueError]:
    js.take("[")
    while not js.take("]"):
        if js.peek() == "":
            yield ValueError("invalid JSON: the file ends before the array is closed")
            return
        try:
            yield js.value()
        except _BadRecord as exc:
            yield ValueError(str(exc))
        if not js.take(",") and js.peek() not in ("]", ""):
            yield ValueError("invalid JSON: expected ',' or ']' after a record; the rest of the file is not read")
            return


def read_json(path: Path, opts: ReadOptions | None = None) -> Iterator[Item]:
    """A ``.json`` file (also ``.gz``) holding an array of records, or an object with a
    ``documents`` array, or one record: each record is read like a JSONL line and located as
    ``file:item N``. Read incrementally: a record over the record bound is skipped while read."""
    opts = opts or ReadOptions()
    stem = path.name.split(".")[0]
    yield from _read_records(path, opts, lambda fh, codec: _json_items(
        path, stem, _decoded(_chunks(fh), codec, opts.errors), opts, codec))


def _json_items(path: Path, stem: str, chunks: Iterator[str], opts: ReadOptions, codec: str) -> Iterator[Item]:
    n = 0
    records = iter_json_records(chunks, _record_limit(opts))
    while True:
        try:
            rec = next(records)
        except StopIteration:
            return
        except _READ_ERRORS as exc:
            yield InputError(f"{path}:item {n + 1}", f"cannot read the rest of the file: {exc}")
            return
        n += 1
        where = f"{path}:item {n}"
        if isinstance(rec, ValueError):
            yield InputError(where, str(rec))
            continue
        obj, size, bad = rec
        if bad:
            yield InputError(where, _decode_message(codec, None, opts).replace("in this line", "in this record"),
                             None, size)
            continue
        yield _safe_record(lambda: _record_to_item(obj, where, f"{stem}-{n}", opts, size), where, size)


class _RowTooLong(Exception):
    pass


class _RowFeed:
    """Physical lines for :mod:`csv`, numbered, with the lines of the current row kept so that
    a row that turns out to be broken can be read again from its second line (once)."""

    def __init__(self, lines: Iterator[tuple], limit: int):
        self.lines = lines
        self.limit = limit
        self.n = 0
        self.again: collections.deque = collections.deque()
        self.row: list[tuple[int, str | None, bool]] = []  # (line number, text, read again)
        self.size = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self.again:
            entry = self.again.popleft()
        else:
            text, _ = next(self.lines)
            self.n += 1
            entry = (self.n, text, False)
        self.row.append(entry)
        self.size += len(entry[1]) if entry[1] is not None else self.limit + 1
        if self.size > self.limit:
            raise _RowTooLong
        return entry[1]

    def take(self) -> list[tuple[int, str | None, bool]]:
        row, self.row, self.size = self.row, [], 0
        return row


def read_csv(path: Path, opts: ReadOptions | None = None) -> Iterator[Item]:
    """CSV with a header row; a row is located as ``file:LINE`` (its first physical line).

    Quoting is parsed strictly. A row that breaks it (a quote that is never closed would
    swallow every row after it) is reported, and the lines after its first one are read again
    as rows; a row with more non-empty fields than the header is reported (a comma that was
    not quoted shifts the columns). Invalid bytes cost the row that holds them.
    """
    opts = opts or ReadOptions()
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # rows are bounded by _RowFeed instead
    yield from _read_records(path, opts, lambda fh, codec: _csv_rows(path, _RowFeed(
        split_lines(_decoded(_chunks(fh), codec, opts.errors), _record_limit(opts)), _record_limit(opts)), opts, codec))


def _csv_rows(path: Path, feed: _RowFeed, opts: ReadOptions, codec: str) -> Iterator[Item]:
    stem = path.name.split(".")[0]
    reader = csv.reader(feed, strict=True)
    header = None
    while True:
        try:
            fields = next(reader)
            problem = None
        except StopIteration:
            return
        except _READ_ERRORS as exc:
            yield InputError(f"{path}:{feed.n + 1}", f"cannot read the rest of the file: {exc}")
            return
        except (csv.Error, _RowTooLong) as exc:
            fields, problem = None, exc
        row = feed.take()
        if not row:
            continue
        if fields is None:
            fields, problem = _csv_recover(row, problem, feed, opts)
        if problem is not None:
            yield InputError(f"{path}:{row[0][0]}", problem)
            continue
        if not fields:
            continue  # a blank line
        if header is None:
            header = fields
            continue
        where = f"{path}:{row[0][0]}"
        yield _csv_item(header, fields, where, f"{stem}-{row[0][0]}", opts, codec, again=row[0][2])


def _csv_recover(row: list, exc: Exception, feed: _RowFeed, opts: ReadOptions) -> tuple[list | None, str | None]:
    """A row the strict parser refused: one sloppy line (``"text" ,x``) is read leniently, as
    spreadsheets do; a broken quote over several lines costs the first line only, the others
    are read again (once, so time stays linear)."""
    first, text, again = row[0]
    if len(row) == 1 and text is not None and not isinstance(exc, _RowTooLong):
        try:
            return next(csv.reader([text]), []), None
        except csv.Error:
            pass
    if len(row) == 1 and text is None:
        return None, f"invalid CSV: row too long (over {_record_limit(opts):,} characters)"
    last = row[-1][0]
    why = "too long" if isinstance(exc, _RowTooLong) else str(exc)
    if again:
        return None, (f"invalid CSV: a quoted field is not closed, or a quote in it is not doubled ({why}); "
                      f"lines {first}-{last} not read")
    feed.again.extendleft((n, t, True) for n, t, _ in reversed(row[1:]))
    return None, (f"invalid CSV: a quoted field is not closed, or a quote in it is not doubled ({why}); "
                  f"this line is skipped and the {len(row) - 1} lines after it are read again as rows")


def _csv_item(header: list[str], fields: list[str], where: str, fallback_id: str, opts: ReadOptions,
              codec: str, again: bool) -> Item:
    nbytes = sum(len(v) for v in fields)
    extra = [v for v in fields[len(header):] if v.strip()]
    if extra or (again and len(fields) < len(header)):
        return InputError(where, f"invalid CSV: {len(fields)} fields, the header has {len(header)}", None, nbytes)
    if any(_BAD in v for v in fields):
        return InputError(where, _decode_message(codec, None, opts).replace("in this line", "in this row"),
                          None, nbytes)
    rec = dict(zip(header, fields))
    return _safe_record(lambda: _record_to_item(rec, where, fallback_id, opts, nbytes), where, nbytes)


def read_parquet(path: Path, opts: ReadOptions | None = None, batch_size: int = 256) -> Iterator[Item]:
    """Parquet, read in record batches of the needed columns; rows located as ``file:row N``.

    A value Python cannot hold (a date in year 10183) costs its cell only: an unreadable date
    is ignored with a note, an unreadable text or id makes that row an error.
    """
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
            for rec, bad in _batch_rows(batch):
                row += 1
                yield _parquet_item(rec, bad, f"{path}:row {row}", f"{stem}-{row}", opts)
    except Exception as exc:
        yield InputError(f"{path}:row {row + 1}", f"cannot read the rest of the file: {exc}")


def _batch_rows(batch) -> Iterator[tuple[dict, dict[str, str]]]:
    """A record batch as ``(row dict, {column: why unreadable})``: whole batches at once, cell
    by cell only for a batch that holds a value Python cannot convert."""
    try:
        for rec in batch.to_pylist():
            yield rec, {}
        return
    except Exception:
        pass
    columns = {name: batch.column(i) for i, name in enumerate(batch.schema.names)}
    for i in range(batch.num_rows):
        rec, bad = {}, {}
        for name, col in columns.items():
            try:
                rec[name] = col[i].as_py()
            except Exception as exc:
                rec[name], bad[name] = None, f"{type(exc).__name__}: {exc}"
        yield rec, bad


def _parquet_item(rec: dict, bad: dict[str, str], where: str, fallback_id: str, opts: ReadOptions) -> Item:
    text = rec.get(opts.text_column)
    nbytes = len(text) if isinstance(text, str) else 0
    for col in (opts.text_column, opts.id_column):
        if col in bad:
            return InputError(where, f'cannot read field "{col}": {bad[col]}', None, nbytes)
    notes = [f"date ignored: {bad[opts.date_column]}"] if opts.date_column in bad else []
    return _safe_record(lambda: _record_to_item(rec, where, fallback_id, opts, nbytes, notes), where, nbytes)


def _walk(top: Path) -> Iterator[Path | InputError]:
    """Every ``*.txt`` entry below ``top``, lazily: a folder's files sorted by name, then its
    subfolders. A folder that cannot be listed, a broken link and a link to a folder (not
    followed) are reported instead of being passed over."""
    try:
        with os.scandir(top) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield InputError(str(top), f"cannot read directory: {exc.strerror or exc}")
        return
    subdirs = []
    for e in entries:
        try:
            if e.is_dir(follow_symlinks=False):
                subdirs.append(Path(e.path))
            elif e.is_symlink() and e.is_dir():
                yield InputError(e.path, "symbolic link to a directory, not followed (name it as an input to read it)")
            elif e.name.lower().endswith(".txt"):
                if e.is_symlink() and not os.path.exists(e.path):
                    yield InputError(e.path, "broken symbolic link")
                else:
                    yield Path(e.path)
        except OSError as exc:
            yield InputError(e.path, f"cannot read file: {exc.strerror or exc}")
    for d in subdirs:
        yield from _walk(d)


def iter_dir(path: Path) -> Iterator[Path]:
    """Every ``*.txt`` file below ``path`` (see :func:`_walk`), without the errors."""
    return (p for p in _walk(path) if isinstance(p, Path))


def _id_from_name(name: str) -> tuple[str, str | None]:
    """A document id from a file name, and a note when the name is not valid UTF-8 (a cp1256
    file system): its undecodable bytes are written ``\\xNN``, so every output format can hold
    the id and it still names the file."""
    if not _SURROGATE.search(name):
        return name, None
    return (os.fsencode(name).decode("utf-8", "backslashreplace"),
            "the file name is not valid UTF-8: bytes that are not are written \\xNN in the id")


def _read_named_txt(path: Path, doc_id: str | None, opts: ReadOptions, regular_only: bool) -> Item:
    note = None
    if doc_id is None and opts.doc_id is None:
        doc_id, note = _id_from_name(path.stem)
    elif doc_id is not None:
        doc_id, note = _id_from_name(doc_id)
    item = read_txt(path, doc_id, opts, regular_only)
    return replace(item, notes=item.notes + (note,)) if note and isinstance(item, InputDoc) else item


def _read_stdin(opts: ReadOptions) -> Iterator[Item]:
    if sys.stdin is None:
        yield InputError("<stdin>", "standard input (-) is closed")
        return
    stream = getattr(sys.stdin, "buffer", None)
    if opts.stdin_format == "jsonl":
        if stream is None:
            chunks, codec = (s.encode("utf-8") for s in iter(lambda: sys.stdin.read(_CHUNK), "")), "utf-8"
        else:
            chunks = _chunks(stream)
            codec, _ = sniff_encoding(stream.peek(4)[:4] if hasattr(stream, "peek") else b"", opts.encoding)
        yield from _jsonl_lines(Path("<stdin>"), "stdin", _jsonl_stream(chunks, codec, opts), opts, codec)
        return
    limit = _txt_limit(opts)
    if stream is not None:
        data, more = _read_bounded(stream, limit)
    else:
        text, more = _read_bounded(sys.stdin, opts.max_chars)
        data = text.encode("utf-8")
    if more:
        yield InputError("<stdin>", _too_long(limit, opts, "bytes", more=True), opts.doc_id or "stdin", limit)
        return
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
            for f in _walk(path):
                if isinstance(f, InputError):
                    yield f
                    continue
                rel = f.relative_to(path).with_suffix("")
                yield _read_named_txt(f, rel.as_posix().replace("/", "__"), opts, regular_only=True)
        elif kind == "jsonl":
            yield from read_jsonl(path, opts=opts)
        elif kind == "json":
            yield from read_json(path, opts)
        elif kind == "csv":
            yield from read_csv(path, opts)
        elif kind == "parquet":
            yield from read_parquet(path, opts)
        else:
            yield _read_named_txt(path, None, opts, regular_only=False)


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


def input_count(inputs: list[str], default: Path) -> int | None:
    """Number of documents in the inputs when it is known without reading them (``.txt``
    files, folders, Parquet row counts); ``None`` otherwise (JSON, JSONL, CSV, stdin)."""
    total = 0
    for raw in inputs or [str(default)]:
        p = Path(raw)
        kind = "stdin" if raw == "-" else input_kind(p)
        try:
            if kind == "txt":
                total += 1
            elif kind == "dir":
                total += sum(1 for _ in iter_dir(p))
            elif kind == "parquet":
                import pyarrow.parquet as pq

                total += pq.ParquetFile(p).metadata.num_rows
            else:
                return None
        except Exception:  # an unreadable file: no total, the run reports it
            return None
    return total


def check_inputs(inputs: list[str], opts: ReadOptions | None = None) -> None:
    """Raises UsageError when the run cannot start: a missing or unreadable input path, a file
    of an unknown kind, a directory without ``.txt`` files, an unknown encoding, a CSV/Parquet
    input without the text column."""
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
    if "-" in inputs and sys.stdin is None:  # Python's view of a closed fd 0 (run - <&-)
        raise UsageError("standard input (-) is closed")
    for raw in inputs:
        if raw == "-":
            continue
        path = Path(raw)
        if not path.exists():
            raise UsageError(f"input not found: {raw}")
        if not os.access(path, os.R_OK) or (path.is_dir() and not os.access(path, os.X_OK)):
            raise UsageError(f"input not readable (permission denied): {raw}")
        kind = input_kind(path)
        if kind == "unknown":
            gz = " (for a compressed text: zcat FILE | arabic-news-extract run -)" if raw.lower().endswith(".gz") else ""
            raise UsageError(f"unknown kind of input: {raw}{gz}; the inputs read are {KINDS_HELP}")
        if kind == "dir":
            if next(_walk(path), None) is None:
                raise UsageError(f"no .txt file in directory {raw} (a directory is read for the .txt files below it; "
                                 f"name .json, .jsonl, .csv or .parquet files themselves)")
            continue
        if not path.is_file():
            continue  # a FIFO (<(zcat feed.csv.gz)): reading its header here would consume it
        if kind == "csv":
            _check_csv_header(path, opts)
        elif kind == "parquet":
            _check_parquet_columns(path, opts)


def _check_csv_header(path: Path, opts: ReadOptions) -> None:
    """The text column is in the header; reads at most one record's worth (:func:`_record_limit`)."""
    limit = _record_limit(opts)
    try:
        with _open_binary(path) as fh:
            codec, _ = sniff_encoding(fh.peek(4)[:4] if hasattr(fh, "peek") else b"", opts.encoding)
            head = io.TextIOWrapper(fh, encoding=codec, errors="replace", newline="").read(limit + 1)
        if len(head) > limit and "\n" not in head and "\r" not in head:
            raise UsageError(f"{path}: the CSV header has no line break in its first {limit} characters")
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        header = next(csv.reader(io.StringIO(head, newline="")), None)
    except _READ_ERRORS + (csv.Error,) as exc:
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
