"""Command line: ``arabic-news-extract run [INPUT ...] [-o OUTDIR] [--reference-date YYYY-MM-DD]``."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from . import __version__
from .io import InputDoc, InputError, UsageError, check_inputs, iter_inputs, parse_date

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2

BUNDLED_SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample_article.txt"


def _build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="arabic-news-extract",
                                description="Extract people, places, dates, organizations and topics from Arabic news.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="run the pipeline over inputs and write entities.csv / entities.json")
    r.add_argument("inputs", nargs="*", metavar="INPUT",
                   help=".txt file, directory of .txt files, .jsonl file ({id, text, date?} per line) or - for stdin; "
                        "default: the bundled sample")
    r.add_argument("-o", "--out", default="out", metavar="OUTDIR", help="output directory (default: out/)")
    r.add_argument("--reference-date", metavar="YYYY-MM-DD",
                   help="reference date for relative dates when a document has no date field")
    r.add_argument("--quiet", action="store_true", help="print nothing but errors")
    return p


def _fail(msg: str) -> int:
    print(f"arabic-news-extract: error: {msg}", file=sys.stderr)
    return EXIT_USAGE


def run(args: argparse.Namespace) -> int:
    from .export import write_csv, write_json
    from .pipeline import default_pipeline

    ref = None
    if args.reference_date:
        try:
            ref = parse_date(args.reference_date)
        except ValueError as exc:
            return _fail(f"--reference-date: {exc}")
    try:
        check_inputs(args.inputs)
    except UsageError as exc:
        return _fail(str(exc))
    if not args.inputs and not BUNDLED_SAMPLE.exists():
        return _fail(f"bundled sample not found at {BUNDLED_SAMPLE}; name an INPUT")
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        return _fail(f"output path exists and is not a directory: {out}")

    pipe = default_pipeline()
    docs: list[dict] = []
    errors: list[InputError] = []
    for item in iter_inputs(args.inputs, BUNDLED_SAMPLE):
        if isinstance(item, InputError):
            errors.append(item)
            print(f"arabic-news-extract: skipped {item.source}: {item.reason}", file=sys.stderr)
            continue
        assert isinstance(item, InputDoc)
        date, source = (item.date, "input") if item.date else (ref, "cli") if ref else (None, None)
        try:
            doc = pipe.process(item.text, item.id, date, source)
        except Exception as exc:  # a document must never stop the run
            errors.append(InputError(item.source, f"processing failed: {type(exc).__name__}: {exc}"))
            print(f"arabic-news-extract: failed {item.source}: {exc}", file=sys.stderr)
            continue
        docs.append(doc.to_dict())

    csv_path, json_path = out / "entities.csv", out / "entities.json"
    n_rows = write_csv(docs, csv_path)
    write_json(docs, json_path)
    if not args.quiet:
        counts = Counter(e["type"] for d in docs for e in d["entities"])
        per_type = ", ".join(f"{t}={counts.get(t, 0)}" for t in ("person", "place", "organization", "date", "topic"))
        print(f"documents: {len(docs)} processed, {len(errors)} skipped")
        print(f"entities: {n_rows} ({per_type})")
        print(f"wrote {csv_path} and {json_path}")
    return EXIT_SOME_FAILED if errors else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "run":
            return run(args)
    except KeyboardInterrupt:
        print("arabic-news-extract: interrupted", file=sys.stderr)
        return 130
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
