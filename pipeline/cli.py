"""Command line: ``arabic-news-extract run [INPUT ...] [-o OUTDIR] [options]``.

Exit status (also in the README):

* ``0`` every document was processed;
* ``1`` the run completed but some documents were skipped (unreadable) or failed; each is
  listed in ``OUTDIR/run_report.json``;
* ``2`` the run could not start: bad option, missing or unreadable input, unusable output
  directory; nothing is written;
* ``3`` the outputs could not be written (disk full, permission lost during the run);
* ``130`` interrupted (Ctrl-C); no complete-looking output file is left behind.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

from . import __version__
from .export import DEFAULT_FORMATS, FORMATS
from .io import DEFAULT_MAX_CHARS, InputDoc, ReadOptions, UsageError, check_inputs, input_size, iter_inputs, parse_date

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_OUTPUT = 3
EXIT_INTERRUPTED = 130

MAX_STDERR_PROBLEMS = 20
BUNDLED_SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample_article.txt"
PROG = "arabic-news-extract"


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own exit status is 2 too; keep one message style
        self.print_usage(sys.stderr)
        print(f"{PROG}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _positive_int(s: str) -> int:
    try:
        v = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {s!r}") from None
    if v < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {s!r}")
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
    r.add_argument("--quiet", action="store_true", help="print nothing but errors (no summary, no progress bar)")
    return p


def _fail(msg: str) -> int:
    print(f"{PROG}: error: {msg}", file=sys.stderr)
    return EXIT_USAGE


class Progress:
    """A one-line progress bar on stderr: documents, words/s, percent and ETA (when the input
    size is known). Redrawn at most five times a second."""

    def __init__(self, total_bytes: int | None, enabled: bool, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.total = total_bytes or None
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
        self.stream.write("\r" + self.line(now) + "\x1b[K")
        self.stream.flush()
        self.shown = True

    def line(self, now: float | None = None) -> str:
        el = max(1e-9, (now or time.monotonic()) - self.t0)
        s = f"{self.docs:,} docs  {self.words / el:,.0f} words/s"
        if self.total:
            frac = min(1.0, self.nbytes / self.total)
            eta = el * (1 - frac) / frac if frac > 0 else 0
            s += f"  {frac:5.1%}  ETA {int(eta) // 3600}:{int(eta) % 3600 // 60:02d}:{int(eta) % 60:02d}"
        return s

    def close(self) -> None:
        if self.enabled and self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


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


def run(args: argparse.Namespace) -> int:
    from .export import OutputSet
    from .runner import EngineError, Runner

    started = time.time()
    ref = None
    if args.reference_date:
        try:
            ref = parse_date(args.reference_date)
        except ValueError as exc:
            return _fail(f"--reference-date: {exc}")
    if args.scheduler and args.engine != "dask":
        return _fail("--scheduler needs --engine dask")
    opts = ReadOptions(encoding=args.encoding, errors=args.errors, text_column=args.text_column,
                       id_column=args.id_column, date_column=args.date_column, max_chars=args.max_chars,
                       stdin_format=args.stdin_format, doc_id=args.doc_id)
    try:
        check_inputs(args.inputs, opts)
    except UsageError as exc:
        return _fail(str(exc))
    if not args.inputs and not BUNDLED_SAMPLE.exists():
        return _fail(f"bundled sample not found at {BUNDLED_SAMPLE}; name an INPUT")
    html = None
    if args.html:
        try:
            from .report import write_report  # written by the report module's owner
        except ImportError as exc:
            return _fail(f"--html is not available: {exc}")
        html = _Spool()
    out = Path(args.out)
    problem = _prepare_outdir(out)
    if problem:
        return _fail(problem)
    formats = [f for group in (args.formats or [list(DEFAULT_FORMATS)]) for f in group]

    runner = Runner(engine=args.engine, jobs=args.jobs, scheduler=args.scheduler, reference_date=ref,
                    batch_docs=args.batch_size, timeout=args.timeout if args.timeout > 0 else None)
    show = not args.quiet and sys.stderr.isatty()
    # the size scan (a stat per file) is only worth it when a progress bar is drawn
    progress = Progress(input_size(args.inputs, BUNDLED_SAMPLE) if show else None, enabled=show)
    counts = {"read": 0, "processed": 0, "skipped": 0, "failed": 0}
    problems = _Spool()  # spooled to disk: a corpus with millions of bad lines keeps flat memory
    warnings = _Spool()
    per_type: dict[str, int] = {}
    status = EXIT_OK
    error_note = None
    html_error = None
    try:
        outputs = OutputSet(out, formats)
    except OSError as exc:
        return _fail(f"cannot write to {out}: {exc.strerror or exc}")
    try:
        for item, rec in runner.map(iter_inputs(args.inputs, BUNDLED_SAMPLE, opts)):
            counts["read"] += 1
            if isinstance(item, InputDoc) and item.notes:
                for note in item.notes:
                    warnings.add({"source": item.source, "id": item.id, "message": note})
            if rec["status"] == "ok":
                d = rec["doc"]
                outputs.write(d)
                counts["processed"] += 1
                for e in d["entities"]:
                    per_type[e["type"]] = per_type.get(e["type"], 0) + 1
                if html is not None:
                    html.add(dict(d, text=item.text))
                progress.update(item.nbytes, rec["words"])
            else:
                counts[rec["status"]] += 1
                problems.add(rec)
                progress.update(getattr(item, "nbytes", 0), 0)
                if len(problems) <= MAX_STDERR_PROBLEMS:
                    progress.close()
                    print(f"{PROG}: {rec['status']} {rec['source']}: {rec['reason']}", file=sys.stderr)
                elif len(problems) == MAX_STDERR_PROBLEMS + 1:
                    print(f"{PROG}: more problems; see {out / 'run_report.json'}", file=sys.stderr)
        outputs.commit()
        if html is not None:
            try:
                _write_html(write_report, html.documents(), out / "report.html")
            except Exception as exc:  # the other outputs are complete; report, do not crash
                html_error = f"cannot write {out / 'report.html'}: {type(exc).__name__}: {exc}"
    except KeyboardInterrupt:
        outputs.abort()
        status, error_note = EXIT_INTERRUPTED, "interrupted"
    except EngineError as exc:
        outputs.abort()
        status, error_note = EXIT_USAGE, str(exc)
    except OSError as exc:
        outputs.abort()
        status, error_note = EXIT_OUTPUT, f"cannot write outputs: {exc.strerror or exc}"
    except Exception as exc:  # a bug or a lost cluster: no traceback, nothing half-written
        outputs.abort()
        status, error_note = EXIT_OUTPUT, f"run aborted: {type(exc).__name__}: {exc}"
    finally:
        progress.close()
        if html is not None:
            html.close()
    if status == EXIT_OK and (counts["skipped"] or counts["failed"]):
        status = EXIT_SOME_FAILED
    if html_error and status in (EXIT_OK, EXIT_SOME_FAILED):
        print(f"{PROG}: error: {html_error}", file=sys.stderr)
        status = EXIT_OUTPUT
    elapsed = time.time() - started
    written = [str(p) for p in outputs.paths] if outputs.committed else []
    if html is not None and (out / "report.html").exists() and not html_error:
        written.append(str(out / "report.html"))
    report = {
        "tool": f"{PROG} {__version__}",
        "started": dt.datetime.fromtimestamp(started, dt.timezone.utc).isoformat(timespec="seconds"),
        "elapsed_seconds": round(elapsed, 3),
        "inputs": args.inputs or [str(BUNDLED_SAMPLE)],
        "engine": runner.engine_used,
        "jobs": runner.jobs,
        "exit_status": status,
        "complete": outputs.committed,
        "error": error_note or html_error,
        "documents": counts,
        "entities": dict(sorted(per_type.items())),
        "outputs": written,
        "problems": [],
        "warnings": [],
    }
    try:
        _write_run_report(out / "run_report.json", report, problems, warnings)
    except OSError as exc:
        print(f"{PROG}: error: cannot write {out / 'run_report.json'}: {exc.strerror or exc}", file=sys.stderr)
        status = EXIT_OUTPUT if status in (EXIT_OK, EXIT_SOME_FAILED) else status
    if error_note and status == EXIT_USAGE:
        print(f"{PROG}: error: {error_note}", file=sys.stderr)
    elif error_note:
        print(f"{PROG}: {error_note}; outputs not written (partial files removed); see {out / 'run_report.json'}",
              file=sys.stderr)
    if not args.quiet and status != EXIT_USAGE:
        n_ent = sum(per_type.values())
        kinds = ", ".join(f"{t}={per_type.get(t, 0)}" for t in ("person", "place", "organization", "date", "topic"))
        dup = f", {len(warnings)} warnings" if len(warnings) else ""
        print(f"{counts['read']} documents read: {counts['processed']} processed, {counts['skipped']} skipped, "
              f"{counts['failed']} failed{dup}; {n_ent} entities ({kinds}) in {elapsed:.1f} s -> {out}/ "
              f"({', '.join(Path(p).name for p in written) or 'nothing written'}, run_report.json)")
    return status


class _Spool:
    """Records (report documents, problems) spooled to a temporary file so memory stays flat."""

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
            yield json.loads(line)

    def close(self) -> None:
        self.fh.close()


def _write_run_report(path: Path, report: dict, problems: _Spool, warnings: _Spool) -> None:
    """``run_report.json``, with the spooled problem and warning lists streamed in, atomically."""
    from .export import AtomicFile

    head = json.dumps(report, ensure_ascii=False, indent=1)
    cut = head.index(',\n "problems": []')
    with AtomicFile(path) as fh:
        fh.write(head[:cut])
        for key, spool in (("problems", problems), ("warnings", warnings)):
            fh.write(f',\n "{key}": [')
            for i, rec in enumerate(spool.documents()):
                fh.write(("," if i else "") + "\n  " + json.dumps(rec, ensure_ascii=False))
            fh.write("\n ]" if len(spool) else "]")
        fh.write("\n}\n")
    problems.close()
    warnings.close()


def _write_html(write_report, documents, path: Path) -> None:
    """Calls the report writer on a temporary name in the same folder, then renames."""
    tmp = path.with_name(f".{path.name}.part.html")
    try:
        write_report(documents, tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_USAGE
    try:
        if args.command == "run":
            return run(args)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
