"""Command line: ``arabic-news-extract run [INPUT ...] [-o OUTDIR] [options]``.

Exit status (also in the README):

* ``0`` every document was processed;
* ``1`` the run completed but some documents were skipped (unreadable) or failed; each is
  listed in ``OUTDIR/run_report.json``;
* ``2`` the run could not start: bad option, missing or unreadable input, unusable output
  directory, or another run holds it; nothing is written;
* ``3`` the outputs could not be written (disk full, permission lost during the run);
* ``130`` interrupted (Ctrl-C); ``143`` terminated (SIGTERM), ``129`` (SIGHUP).

The outputs and ``run_report.json`` are committed together (see :mod:`pipeline.export`):
after a failure of any kind the folder holds the previous outputs, described by their report
(kept as ``run_report.previous.json`` and named by the failed run's ``run_report.json``), or
the new ones with theirs.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

from . import __version__
from .export import DEFAULT_FORMATS, FORMATS
from .io import (DEFAULT_MAX_CHARS, InputDoc, ReadOptions, UsageError, check_inputs, input_count, input_size,
                 iter_inputs, parse_date)

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_OUTPUT = 3
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143  # 128 + SIGTERM; SIGHUP gives 129

#: Types that ``--min-score`` filters (key phrases are not affected).
NAMED_TYPES = ("person", "place", "organization", "date")

MAX_STDERR_PROBLEMS = 20
BUNDLED_SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample_article.txt"
PROG = "arabic-news-extract"


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own exit status is 2 too; keep one message style
        self.print_usage(sys.stderr)
        _say(f"{PROG}: error: {message}")
        raise SystemExit(EXIT_USAGE)


def _positive_int(s: str) -> int:
    try:
        v = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {s!r}") from None
    if v < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {s!r}")
    return v


def _score(s: str) -> float:
    try:
        v = float(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {s!r}") from None
    if not 0.0 <= v <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1: {s!r}")
    return v


def _formats(s: str) -> list[str]:
    out = [f.strip().lower() for f in s.split(",") if f.strip()]
    bad = [f for f in out if f not in FORMATS]
    if bad or not out:
        what = ", ".join(bad) if bad else repr(s)
        raise argparse.ArgumentTypeError(f"unknown format {what} (choose from {', '.join(FORMATS)})")
    return out


def _build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog=PROG, description="Extract people, places, dates, organizations and topics from Arabic news.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    r = sub.add_parser("run", help="run the pipeline over inputs and write entities.csv / entities.json")
    r.add_argument("inputs", nargs="*", metavar="INPUT",
                   help=".txt file, directory of .txt files, .jsonl[.gz], .csv[.gz] or .parquet file, or - for stdin; "
                        "default: the bundled sample")
    r.add_argument("-o", "--out", default="out", metavar="OUTDIR", help="output directory (default: out/)")
    r.add_argument("--reference-date", metavar="YYYY-MM-DD",
                   help="reference date for relative dates when a document has no date field")
    r.add_argument("--format", dest="formats", type=_formats, action="append", metavar="FMT[,FMT]",
                   help=f"output formats among {', '.join(FORMATS)} (repeatable; default: {','.join(DEFAULT_FORMATS)})")
    r.add_argument("--html", action="store_true", help="also write OUTDIR/report.html")
    r.add_argument("-j", "--jobs", type=_positive_int, default=None,
                   help="worker processes (default: every available core)")
    r.add_argument("--engine", choices=("auto", "serial", "process", "dask"), default="auto",
                   help="auto (default: serial for one job, else local processes), serial, process, "
                        "or dask (a Dask distributed cluster)")
    r.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address (tcp://host:8786); without it --engine dask starts a local cluster")
    r.add_argument("--batch-size", type=_positive_int, default=32, metavar="N",
                   help="documents per batch sent to a worker (default: 32)")
    r.add_argument("--timeout", type=float, default=300.0, metavar="SECONDS",
                   help="abandon (and report) a document whose processing takes longer (default: 300; "
                        "0: no limit; serial and process engines)")
    r.add_argument("--id", dest="doc_id", metavar="ID",
                   help="document id for a single text input (one .txt file or -); default: file stem, or stdin")
    r.add_argument("--stdin-format", choices=("txt", "jsonl"), default="txt",
                   help="standard input (-) is one text document (default) or JSON Lines")
    r.add_argument("--text-column", default="text", help="JSONL/CSV/Parquet field holding the text (default: text)")
    r.add_argument("--id-column", default="id", help="field holding the document id (default: id)")
    r.add_argument("--date-column", default="date", help="field holding the publication date (default: date)")
    r.add_argument("--encoding", default=None,
                   help="input encoding (default: UTF-8, or UTF-16/UTF-8 as told by a BOM); e.g. cp1256, iso-8859-6")
    r.add_argument("--errors", choices=("strict", "replace"), default="strict",
                   help="invalid bytes: strict (default: skip and report the document) or replace (with U+FFFD)")
    r.add_argument("--max-chars", type=_positive_int, default=DEFAULT_MAX_CHARS,
                   help=f"skip (and report) documents longer than this (default: {DEFAULT_MAX_CHARS:,})")
    r.add_argument("--min-score", type=_score, default=None, metavar="S",
                   help="leave out of every output the people, places, organizations and dates whose score is "
                        "below S (0 to 1; key phrases are kept); default: no extra filter")
    r.add_argument("--corpus-names", action="store_true",
                   help="corpus mode: a first pass over the inputs collects the person names confirmed in any "
                        "document, a second pass finds their bare mentions in every other (inputs are read twice)")
    r.add_argument("--quiet", action="store_true", help="print nothing but errors (no summary, no progress bar)")
    return p


def _say(text: str, err: bool = True) -> None:
    """Prints a line on stderr (or stdout). A closed or broken stream (``2>&-``, ``| head``,
    ``> /dev/full``) never changes the run: the message is dropped and the stream silenced."""
    stream = sys.stderr if err else sys.stdout
    if stream is None:
        return
    try:
        print(text, file=stream, flush=True)
    except (OSError, ValueError):
        _silence("stderr" if err else "stdout")


def _silence(name: str) -> None:
    """Points a broken standard stream at /dev/null, so that neither a later message nor the
    interpreter's last flush at exit can fail on it."""
    stream = getattr(sys, name)
    try:
        fd = stream.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))


def _fail(msg: str) -> int:
    _say(f"{PROG}: error: {msg}")
    return EXIT_USAGE


def _hms(seconds: float) -> str:
    t = int(seconds)
    return f"{t // 3600}:{t % 3600 // 60:02d}:{t % 60:02d}"


class Progress:
    """A one-line progress bar on stderr: documents done (of the total when it is known
    without reading the inputs: text files, folders, Parquet), words/s, percent (of the
    documents, else of the input bytes), elapsed time and ETA. Redrawn at most five times a
    second."""

    def __init__(self, total_bytes: int | None, enabled: bool, stream=None, total_docs: int | None = None):
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.total = total_bytes or None
        self.total_docs = total_docs or None
        self.t0 = time.monotonic()
        self.last = 0.0
        self.docs = self.words = self.nbytes = 0
        self.shown = False

    def update(self, nbytes: int, words: int) -> None:
        self.docs += 1
        self.words += words
        self.nbytes += nbytes
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last < 0.2:
            return
        self.last = now
        self._draw("\r" + self.line(now) + "\x1b[K")
        self.shown = True

    def line(self, now: float | None = None) -> str:
        el = max(1e-9, (now or time.monotonic()) - self.t0)
        done = f"{self.docs:,}/{self.total_docs:,}" if self.total_docs else f"{self.docs:,}"
        s = f"{done} docs  {self.words / el:,.0f} words/s"
        frac = None
        if self.total_docs:
            frac = min(1.0, self.docs / self.total_docs)
        elif self.total:
            frac = min(1.0, self.nbytes / self.total)
        if frac is not None:
            s += f"  {frac:5.1%}"
        s += f"  elapsed {_hms(el)}"
        if frac is not None:
            s += f"  ETA {_hms(el * (1 - frac) / frac if frac > 0 else 0)}"
        return s

    def _draw(self, s: str) -> None:
        try:
            self.stream.write(s)
            self.stream.flush()
        except (OSError, ValueError):
            self.enabled = False  # the terminal went away; the run goes on

    def close(self) -> None:
        if self.enabled and self.shown:
            self._draw("\r\x1b[K")


def _first_run_note() -> str | None:
    """What the first run (no cache of this version yet) says before it builds its caches."""
    try:
        from .cache import cache_dir, fingerprint

        folder = cache_dir()
        if any(folder.glob(f"*-{fingerprint()}.*")):
            return None
    except Exception:  # cannot tell: say nothing
        return None
    return (f"{PROG}: first run: building the gazetteer and word-frequency caches in {folder} "
            f"(once, about 20 s)")


def _prepare_outdir(out: Path) -> str | None:
    if out.exists() and not out.is_dir():
        return f"output path exists and is not a directory: {out}"
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return f"cannot create output directory {out}: {exc.strerror or exc}"
    if not os.access(out, os.W_OK | os.X_OK):
        return f"output directory is not writable: {out}"
    return None


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised in the main thread as Ctrl-C raises KeyboardInterrupt, so a
    run that is told to stop cleans up the same way (exit status 128 + the signal number)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


class _Signals:
    """While a run writes: SIGTERM and SIGHUP raise :class:`Terminated`; inside
    :meth:`deferred` (the final renames, the failed run's report), these and SIGINT are
    ignored: the block is short, and the run ends right after it."""

    CAUGHT = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n))

    def __init__(self):
        self.old: dict[int, Any] = {}
        self.deferring = False

    def __enter__(self) -> "_Signals":
        if threading.current_thread() is threading.main_thread():
            for s in self.CAUGHT:
                self.old[s] = signal.signal(s, self._handle)
        return self

    def __exit__(self, *exc) -> bool:
        for s, h in self.old.items():
            signal.signal(s, h)
        return False

    def _handle(self, signum, frame):
        if not self.deferring:
            raise Terminated(signum)

    @contextlib.contextmanager
    def deferred(self):
        if not self.old:  # not the main thread: nothing was installed
            yield
            return
        old_int = signal.signal(signal.SIGINT, self._handle)
        self.deferring = True
        try:
            yield
        finally:
            self.deferring = False
            signal.signal(signal.SIGINT, old_int)


def _stop_reason(exc: KeyboardInterrupt) -> tuple[int, str]:
    if isinstance(exc, Terminated):
        return 128 + exc.signum, f"terminated ({signal.Signals(exc.signum).name})"
    return EXIT_INTERRUPTED, "interrupted"


def run(args: argparse.Namespace) -> int:
    from .export import FolderBusy, OutputFolder

    started = time.time()
    prepared = _prepare(args)
    if isinstance(prepared, int):
        return prepared
    opts, ref, formats, out = prepared
    try:
        folder = OutputFolder(out)
    except FolderBusy as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"cannot use output directory {out}: {exc.strerror or exc}")
    with folder, _Signals() as signals:
        return _Run(args, out, ref, started).execute(folder, formats, opts, signals)


def _prepare(args: argparse.Namespace):
    """Checks options, inputs and the output folder: ``(opts, reference date, formats, out)``,
    or the exit status of a usage error (nothing written)."""
    ref = None
    if args.reference_date:
        try:
            ref = parse_date(args.reference_date)
        except ValueError as exc:
            return _fail(f"--reference-date: {exc}")
    if args.scheduler and args.engine != "dask":
        return _fail("--scheduler needs --engine dask")
    if args.corpus_names and "-" in args.inputs:
        return _fail("--corpus-names reads the inputs twice: standard input (-) cannot be read again")
    opts = ReadOptions(encoding=args.encoding, errors=args.errors, text_column=args.text_column,
                       id_column=args.id_column, date_column=args.date_column, max_chars=args.max_chars,
                       stdin_format=args.stdin_format, doc_id=args.doc_id)
    try:
        check_inputs(args.inputs, opts)
    except UsageError as exc:
        return _fail(str(exc))
    if not args.inputs and not BUNDLED_SAMPLE.exists():
        return _fail(f"bundled sample not found at {BUNDLED_SAMPLE}; name an INPUT")
    formats = [f for group in (args.formats or [list(DEFAULT_FORMATS)]) for f in group]
    if args.html:
        formats.append("html")
    out = Path(args.out)
    problem = _prepare_outdir(out)
    if problem:
        return _fail(problem)
    return opts, ref, formats, out


class NoDocuments(Exception):
    """The inputs held no document at all (an empty JSONL file, a JSON ``[]``): the previous
    outputs stay, untouched, and nothing is written."""


class _Run:
    """One run's counts, problems and warnings (spooled to disk), and its report."""

    def __init__(self, args: argparse.Namespace, out: Path, ref, started: float):
        from .runner import Runner

        self.args = args
        self.out = out
        self.started = started
        self.runner = Runner(engine=args.engine, jobs=args.jobs, scheduler=args.scheduler, reference_date=ref,
                             batch_docs=args.batch_size, timeout=args.timeout if args.timeout > 0 else None)
        show = not args.quiet and sys.stderr is not None and sys.stderr.isatty()
        # the size scan (a stat per file) is only worth it when a progress bar is drawn
        self.progress = Progress(input_size(args.inputs, BUNDLED_SAMPLE) if show else None, enabled=show,
                                 total_docs=input_count(args.inputs, BUNDLED_SAMPLE) if show else None)
        self.counts = {"read": 0, "processed": 0, "skipped": 0, "failed": 0}
        self.problems = _Spool()  # a corpus with millions of bad lines keeps flat memory
        self.warnings = _Spool()
        self.per_type: dict[str, int] = {}
        self.written: list[str] = []
        self.corpus_forms: int | None = None  # corpus mode: the forms the first pass confirmed

    def execute(self, folder, formats: list[str], opts: ReadOptions, signals: _Signals) -> int:
        """Reads, processes and writes; commits the outputs with their report, or keeps the
        previous ones and writes a failed run's report. Returns the exit status."""
        from .export import REPORT_NAME, AtomicFile, CommitIncomplete
        from .outputs import CORPUS_OUTPUTS, OutputSet
        from .runner import EngineError

        outputs = report = None
        committed, status, error = False, EXIT_OK, None
        try:
            outputs = OutputSet(folder, [*formats, *CORPUS_OUTPUTS])
            note = None if self.args.quiet else _first_run_note()
            if note:
                _say(note)
            if self.args.corpus_names:
                self.first_pass(opts)
            self.consume(outputs, iter_inputs(self.args.inputs, BUNDLED_SAMPLE, opts))
            if not self.counts["read"]:
                raise NoDocuments("no document in the inputs; nothing written")
            sizes = outputs.finish()
            status = EXIT_SOME_FAILED if self.counts["skipped"] or self.counts["failed"] else EXIT_OK
            report = AtomicFile(self.out / REPORT_NAME)
            self.write_report(report.fh, status, None, sizes, None)
            with signals.deferred():
                outputs.commit(report)
            committed = True
        except CommitIncomplete as exc:
            committed, status, error = None, EXIT_OUTPUT, f"cannot write outputs: {exc.strerror}"
        except KeyboardInterrupt as exc:
            status, error = _stop_reason(exc)
        except EngineError as exc:
            status, error = EXIT_USAGE, str(exc)
        except NoDocuments as exc:
            outputs.abort()
            status, error, committed = EXIT_USAGE, str(exc), None
        except OSError as exc:
            status, error = EXIT_OUTPUT, f"cannot write outputs: {exc.strerror or exc}"
        except Exception as exc:  # a bug or a lost cluster: no traceback, nothing half-written
            status, error = EXIT_OUTPUT, f"run aborted: {type(exc).__name__}: {exc}"
        finally:
            self.progress.close()
            if self.args.corpus_names:
                self.runner.set_corpus(None)  # (the process-wide pipeline outlives the run)
        if committed is False:
            for t in (outputs, report):
                if t is not None:
                    t.abort()
            with signals.deferred():
                status = self.write_failed_report(folder, status, error)
        self.problems.close()
        self.warnings.close()
        self.tell(status, error, committed)
        return status

    def first_pass(self, opts: ReadOptions) -> None:
        """Corpus mode: runs the inputs once to collect the confirmed person names, and gives
        them to every worker's linker for the pass that writes the outputs."""
        from .extract.people.coref import CorpusNames

        names = CorpusNames()
        it = self.runner.map(iter_inputs(self.args.inputs, BUNDLED_SAMPLE, opts))
        try:
            for _item, rec in it:
                if rec["status"] == "ok":
                    names.add(rec["doc"]["entities"])
        finally:
            it.close()
        self.corpus_forms = len(names.forms())
        self.runner.set_corpus(names.forms())
        if not self.args.quiet:
            _say(f"{PROG}: corpus names: {self.corpus_forms} name forms confirmed in the first pass")

    def consume(self, outputs, items) -> None:
        it = self.runner.map(items)
        try:
            for item, rec in it:
                self.add(outputs, item, rec)
        finally:
            it.close()  # stops worker processes now when the run is interrupted

    def add(self, outputs, item, rec: dict) -> None:
        counts = self.counts
        counts["read"] += 1
        if isinstance(item, InputDoc):
            for note in item.notes:
                self.warnings.add({"source": item.source, "id": item.id, "message": note})
        if rec["status"] == "ok":
            d = rec["doc"]
            if self.args.min_score is not None:
                d["entities"] = [e for e in d["entities"]
                                 if e["type"] not in NAMED_TYPES or e["score"] >= self.args.min_score]
            outputs.write(d, item.text, source=item.source, words=rec["words"],
                          date=item.date.isoformat() if item.date else None)
            counts["processed"] += 1
            for e in d["entities"]:
                self.per_type[e["type"]] = self.per_type.get(e["type"], 0) + 1
            self.progress.update(item.nbytes, rec["words"])
            return
        counts[rec["status"]] += 1
        self.problems.add(rec)
        self.progress.update(getattr(item, "nbytes", 0), 0)
        if len(self.problems) <= MAX_STDERR_PROBLEMS:
            self.progress.close()
            _say(f"{PROG}: {rec['status']} {rec['source']}: {rec['reason']}")
        elif len(self.problems) == MAX_STDERR_PROBLEMS + 1:
            _say(f"{PROG}: more problems; see {self.out / 'run_report.json'}")

    def write_report(self, fh, status: int, error: str | None, sizes: dict[str, int] | None,
                     previous: str | None) -> None:
        """``run_report.json`` into ``fh``, with the spooled problem and warning lists streamed in."""
        self.written = list(sizes or {})
        report = {
            "tool": f"{PROG} {__version__}",
            "started": dt.datetime.fromtimestamp(self.started, dt.timezone.utc).isoformat(timespec="seconds"),
            "elapsed_seconds": round(time.time() - self.started, 3),
            "exit_status": status,
            "complete": sizes is not None,
            "error": error,
            "inputs": self.args.inputs or [str(BUNDLED_SAMPLE)],
            "engine": self.runner.engine_used,
            "jobs": self.runner.jobs,
            "corpus_names": self.corpus_forms,
            "documents": self.counts,
            "entities": dict(sorted(self.per_type.items())),
            "outputs": self.written,
            "output_bytes": sizes or {},
            "previous_run": previous,
            "problems": [],
            "warnings": [],
        }
        head = json.dumps(report, ensure_ascii=False, indent=1)
        fh.write(head[:head.index(',\n "problems": []')])
        for key, spool in (("problems", self.problems), ("warnings", self.warnings)):
            fh.write(f',\n "{key}": [')
            for i, rec in enumerate(spool.documents()):
                fh.write(("," if i else "") + "\n  " + json.dumps(rec, ensure_ascii=False))
            fh.write("\n ]" if len(spool) else "]")
        fh.write("\n}\n")

    def write_failed_report(self, folder, status: int, error: str | None) -> int:
        """The report of a run whose outputs were not written. The report that describes the
        outputs still on disk is kept as ``run_report.previous.json`` and named in it. If even
        this cannot be written (disk full), the previous report stays as it was."""
        from .export import AtomicFile, REPORT_NAME

        try:
            previous = folder.keep_previous_report()
            with AtomicFile(self.out / REPORT_NAME) as fh:
                self.write_report(fh, status, error, None, previous)
        except Exception as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else f"{type(exc).__name__}: {exc}"
            _say(f"{PROG}: error: cannot write {self.out / REPORT_NAME}: {why}; the previous one is unchanged")
            return EXIT_OUTPUT if status in (EXIT_OK, EXIT_SOME_FAILED) else status
        return status

    def tell(self, status: int, error: str | None, committed: bool | None) -> None:
        """The last words on stderr and the summary line on stdout."""
        out = self.out
        if error and status == EXIT_USAGE:
            _say(f"{PROG}: error: {error}")
        elif error and committed is None:
            _say(f"{PROG}: {error}")
        elif error:
            _say(f"{PROG}: {error}; outputs not written (partial files removed); see {out / 'run_report.json'}")
        if self.args.quiet or status == EXIT_USAGE:
            return
        per_type, counts = self.per_type, self.counts
        kinds = ", ".join(f"{t}={per_type.get(t, 0)}" for t in ("person", "place", "organization", "date", "keyphrase"))
        dup = f", {len(self.warnings)} warnings" if len(self.warnings) else ""
        names = _output_names(self.written) if committed else "nothing written"
        _say(f"{counts['read']} documents read: {counts['processed']} processed, {counts['skipped']} skipped, "
             f"{counts['failed']} failed{dup}; {sum(per_type.values())} entities ({kinds}) in "
             f"{time.time() - self.started:.1f} s -> {out}/ ({names}, run_report.json)", err=False)


def _output_names(paths: list[str]) -> str:
    """The files written, for the summary line: the report's pages as one item
    (``report/ (200 pages)``)."""
    from .export import PAGES_DIR

    pages = [p for p in paths if Path(p).parent.name == PAGES_DIR]
    names = [Path(p).name for p in paths if p not in pages]
    if pages:
        names.insert(names.index("report.html") + 1 if "report.html" in names else len(names),
                     f"{PAGES_DIR}/ ({len(pages)} page{'s' if len(pages) > 1 else ''})")
    return ", ".join(names)


class _Spool:
    """Records (problems, warnings) spooled to a temporary file so memory stays flat."""

    def __init__(self):
        import tempfile

        self.fh = tempfile.TemporaryFile("w+", encoding="utf-8", errors="backslashreplace")
        self.n = 0

    def __len__(self) -> int:
        return self.n

    def add(self, d: dict) -> None:
        self.fh.write(json.dumps(d, ensure_ascii=False) + "\n")
        self.n += 1

    def documents(self):
        self.fh.flush()
        self.fh.seek(0)
        for line in self.fh:
            try:
                yield json.loads(line)
            except ValueError:  # the last line, cut by a signal while it was written
                return

    def close(self) -> None:
        self.fh.close()


def _ensure_streams() -> None:
    """A standard stream closed when the process started (``2>&-``) is None in Python: give it
    /dev/null so that nothing that prints can fail."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    _ensure_streams()
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_USAGE
    except OSError:  # --help into a closed pipe
        _silence("stdout")
        return EXIT_USAGE
    try:
        if args.command == "run":
            return run(args)
    except KeyboardInterrupt as exc:
        status, what = _stop_reason(exc)
        _say(f"{PROG}: {what}")
        return status
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
