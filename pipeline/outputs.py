"""The output files of a run, written as documents finish and committed all together.

:class:`OutputSet` holds one streaming writer per output (:data:`pipeline.export.FILE_NAMES`):
the entity formats chosen with ``--format`` (:data:`pipeline.export.FORMATS`), the corpus
outputs every run writes (:data:`CORPUS_OUTPUTS`: ``documents.csv``, ``documents.jsonl``,
``entity_index.csv``, :mod:`pipeline.corpus`) and ``report.html`` with its pages (``html``,
:mod:`pipeline.report`). Outputs that need corpus-wide counts (the entity index, the report's
corpus page) share one :class:`pipeline.corpus.CorpusIndex`, fed once per document.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from .corpus import CorpusIndex, DocumentsCsvWriter, DocumentsJsonlWriter, EntityIndexWriter
from .export import (DEFAULT_FORMATS, FILE_NAMES, FORMATS, AtomicFile, CsvWriter, JsonlWriter, JsonWriter,
                     OutputFolder, ParquetWriter, _Transaction)

#: Written by every run of the command line, whatever ``--format``.
CORPUS_OUTPUTS = ("documents_csv", "documents_jsonl", "entity_index")
_SIMPLE = {"csv": CsvWriter, "json": JsonWriter, "jsonl": JsonlWriter, "parquet": ParquetWriter,
           "documents_csv": DocumentsCsvWriter, "documents_jsonl": DocumentsJsonlWriter}
_WITH_INDEX = ("entity_index", "html")
KNOWN = (*_SIMPLE, *_WITH_INDEX)


def _writer(fmt: str, outdir: Path, index: CorpusIndex | None):
    path = outdir / FILE_NAMES[fmt]
    if fmt == "entity_index":
        return EntityIndexWriter(path, index)
    if fmt == "html":
        from .report import HtmlReportWriter

        return HtmlReportWriter(path, index=index)
    return _SIMPLE[fmt](path)


class OutputSet(_Transaction):
    """The output files of a run, written as documents finish, committed all together or not
    at all.

    ``with OutputSet(outdir, ["csv", "json"]) as out: out.write(doc_dict)`` commits every file
    on success and removes the temporary files on an exception (or ``KeyboardInterrupt``).
    The CLI passes an :class:`OutputFolder` it holds, calls :meth:`finish` (sizes of the
    files, for the run report), then :meth:`commit` with the report, which joins the same
    commit; the files of earlier runs this one did not write are removed with it, so the
    report always lists exactly the outputs on disk. New output files join as formats.
    """

    def __init__(self, outdir: "Path | OutputFolder", formats: Iterable[str] = DEFAULT_FORMATS):
        self.folder = outdir if isinstance(outdir, OutputFolder) else None
        self._own_folder = self.folder is None
        self.outdir = self.folder.path if self.folder else Path(outdir)
        self.formats = list(dict.fromkeys(formats))
        for f in self.formats:
            if f not in KNOWN:
                raise ValueError(f"unknown output format {f!r} (choose from {', '.join(FORMATS)})")
        self.writers: dict[str, Any] = {}
        self.index: CorpusIndex | None = None
        try:
            if self.folder is None:
                self.folder = OutputFolder(self.outdir)
            if any(f in _WITH_INDEX for f in self.formats):
                self.index = CorpusIndex(self.outdir)
            for f in self.formats:
                self.writers[f] = _writer(f, self.outdir, self.index)
        except BaseException:
            self.abort()
            raise

    def write(self, d: dict[str, Any], text: str | None = None, **info: Any) -> None:
        """One exported document; ``text`` (the original) and ``info`` (``source``, ``words``,
        ``date``) go to the writers that want them."""
        if self.index is not None:
            self.index.add(d)
        full = None
        for w in self.writers.values():
            if w.wants_text:
                full = full or dict(d, text=text, **info)
                w.write(full)
            else:
                w.write(d)

    def finish(self) -> dict[str, int]:
        """Ends, flushes and syncs every file (still under its temporary name); returns
        ``{final path: size in bytes}``."""
        for w in self.writers.values():
            w.end()
        if self.index is not None:
            self.index.close()
        return {str(f.path): f.finish() for w in self.writers.values() for f in w.files()}

    def commit(self, report: AtomicFile | None = None) -> None:
        """Renames every file into place in one commit; with the run ``report``, also removes
        the outputs of earlier runs that this run did not write."""
        self.finish()
        files = [f for w in self.writers.values() for f in w.files()] + ([report] if report else [])
        if report is not None:
            report.finish()
            stale = self.folder.stale_outputs()
        else:
            stale = []
        self.folder.commit(files, stale)
        self._release()

    def abort(self) -> None:
        for w in self.writers.values():
            try:
                w.abort()
            except Exception:  # abort the others whatever happens to one
                pass
        if self.index is not None:
            self.index.close()
        self._release()

    def _release(self) -> None:
        if self._own_folder and self.folder is not None:
            self.folder.close()

    def __enter__(self) -> "OutputSet":
        return self
