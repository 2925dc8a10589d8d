"""Hostile conditions around a run (issue 15): a full disk at any point, a writer that fails,
a second run in the same folder, SIGTERM, closed or broken standard streams, a slow start-up.

The invariant checked after every failure: ``run_report.json`` describes the outputs on disk.
Either the new outputs are there with the report that lists them (``complete: true``, sizes
equal), or the previous outputs are there byte for byte, with their report untouched or kept
as ``run_report.previous.json`` by a report that says ``complete: false``. Never a mix, never
a temporary file left.
"""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.cli import EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, main

AR = ["أعلنت الحكومة يوم الثلاثاء عن خطة جديدة لدعم المزارعين في الجنوب.",
      "افتتح المعرض الدولي للكتاب أبوابه أمام الزوار بمشاركة مئات الناشرين في القاهرة.",
      "قال وزير الخارجية إن المحادثات مع الوفد الأردني ستستأنف في عمان الأسبوع المقبل."]
OUTPUT_FILES = {"entities.csv", "entities.json", "entities.jsonl", "entities.parquet", "report.html",
                "documents.csv", "documents.jsonl", "entity_index.csv"}
ALL_FORMATS = ["--format", "csv,json,jsonl,parquet", "--html"]
ROOT = Path(__file__).resolve().parent.parent


def _jsonl(path: Path, n: int, start: int = 0) -> Path:
    path.write_text("".join(json.dumps({"id": f"d{start + i}", "text": AR[i % 3]}, ensure_ascii=False) + "\n"
                            for i in range(n)), encoding="utf-8")
    return path


def _files(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (the report's pages are in ``report/``), by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _outputs(files: dict[str, bytes]) -> dict[str, bytes]:
    return {k: v for k, v in files.items() if k in OUTPUT_FILES or k.startswith("report/page-")}


def assert_report_describes_disk(out: Path, before: dict[str, bytes], after: dict[str, bytes]) -> str:
    """Checks the invariant; returns which state the folder is in (``"new"`` or ``"previous"``)."""
    now = _files(out)
    assert not [n for n in now if Path(n).name.startswith(".") or n.endswith(".part")], sorted(now)
    report = json.loads(now["run_report.json"])
    if now["run_report.json"] == before["run_report.json"]:  # the previous report, untouched
        assert _outputs(now) == _outputs(before)
        assert "run_report.previous.json" not in now or now["run_report.previous.json"] == before["run_report.json"]
        return "previous"
    if report["complete"]:
        assert _outputs(now) == _outputs(after)
        assert {Path(p).relative_to(out).as_posix(): n for p, n in report["output_bytes"].items()} == {
            k: len(v) for k, v in _outputs(now).items()}
        assert "run_report.previous.json" not in now
        return "new"
    # a failed run's report: it names the report that describes the outputs still on disk
    assert _outputs(now) == _outputs(before)
    assert report["previous_run"] == "run_report.previous.json" and report["outputs"] == []
    assert now["run_report.previous.json"] == before["run_report.json"]
    return "previous"


class FullDisk:
    """Every file opened for writing in ``folder`` shares ``budget`` bytes; past it a write
    fails with ENOSPC (after the bytes that still fit, as a real disk does)."""

    def __init__(self, folder: Path, budget: float):
        self.folder = str(folder)
        self.left = budget
        self.used = 0

    def install(self, monkeypatch):
        real = os.fdopen
        disk = self

        class Raw(io.FileIO):
            def write(self, b):
                n = min(len(b), disk.left)
                if n <= 0:
                    raise OSError(errno.ENOSPC, "No space left on device")
                disk.left -= n
                disk.used += n
                return super().write(memoryview(b)[:n])

        def fdopen(fd, mode="r", *args, **kw):
            if "w" not in mode or not os.readlink(f"/proc/self/fd/{fd}").startswith(disk.folder):
                return real(fd, mode, *args, **kw)
            binary = io.BufferedWriter(Raw(fd, "wb"))
            if "b" in mode:
                return binary
            return io.TextIOWrapper(binary, encoding=kw.get("encoding"), errors=kw.get("errors"),
                                    newline=kw.get("newline"))

        monkeypatch.setattr(os, "fdopen", fdopen)


@pytest.fixture
def runs(tmp_path):
    """A previous complete run in ``prev/`` (2 documents), and the outputs a new run over
    ``new.jsonl`` (3 documents) writes when nothing fails."""
    prev = tmp_path / "prev"
    assert main(["run", str(_jsonl(tmp_path / "old.jsonl", 2, 100)), "-o", str(prev), *ALL_FORMATS, "--quiet",
                 "-j", "1"]) == EXIT_OK
    ref = tmp_path / "ref"
    new = _jsonl(tmp_path / "new.jsonl", 3)
    assert main(["run", str(new), "-o", str(ref), *ALL_FORMATS, "--quiet", "-j", "1"]) == EXIT_OK
    return prev, new, _files(prev), _files(ref)


def test_disk_full_at_any_point_leaves_outputs_and_report_together(tmp_path, runs, monkeypatch, capsys):
    prev, new, before, after = runs
    probe = tmp_path / "probe"
    shutil.copytree(prev, probe)
    with monkeypatch.context() as m:
        disk = FullDisk(probe, float("inf"))
        disk.install(m)
        assert main(["run", str(new), "-o", str(probe), *ALL_FORMATS, "--quiet", "-j", "1"]) == EXIT_OK
    total = disk.used
    # the report's timings vary by a few bytes from run to run: the last budget surely suffices
    budgets = sorted({0, 1, *range(0, total, max(1, total // 14)), total - 300, total - 2, total - 1, total + 1000})
    seen = set()
    for budget in budgets:
        out = tmp_path / f"b{budget}"
        shutil.copytree(prev, out)
        with monkeypatch.context() as m:
            FullDisk(out, budget).install(m)
            status = main(["run", str(new), "-o", str(out), *ALL_FORMATS, "--quiet", "-j", "1"])
        err = capsys.readouterr().err
        assert "Traceback" not in err and "Exception ignored" not in err, err
        state = assert_report_describes_disk(out, before, after)
        seen.add(state)
        if state == "previous":
            assert status == EXIT_OUTPUT, (budget, status, err)
            assert "No space left on device" in err, err
        else:
            assert status == EXIT_OK
    assert seen == {"new", "previous"}


def _mount_tmpfs(path: Path, size: str) -> bool:
    path.mkdir()
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                              capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def test_disk_full_on_a_real_small_tmpfs(tmp_path, runs, capsys):
    """The same invariant on a real file system that fills up (a 2 MB tmpfs, ballast files
    leaving from 0 to ~200 KB free). Needs the right to mount (root); the injected test above
    always runs."""
    prev, new, before, after = runs
    mnt = tmp_path / "mnt"
    if not _mount_tmpfs(mnt, "2m"):
        pytest.skip("cannot mount a tmpfs here (needs root); test_disk_full_at_any_point covers it by injection")
    try:
        seen = set()
        for free_kb in (0, 4, 8, 16, 32, 48, 64, 96, 128, 200, 1200):
            out = mnt / "out"
            shutil.rmtree(out, ignore_errors=True)
            shutil.copytree(prev, out)
            ballast = mnt / "ballast"
            ballast.unlink(missing_ok=True)
            st = os.statvfs(mnt)
            fill = max(0, st.f_bavail * st.f_frsize - free_kb * 1024)
            with open(ballast, "wb") as fh:
                try:
                    fh.write(b"\0" * fill)
                except OSError:
                    pass
            status = main(["run", str(new), "-o", str(out), *ALL_FORMATS, "--quiet", "-j", "1"])
            err = capsys.readouterr().err
            assert "Traceback" not in err, err
            state = assert_report_describes_disk(out, before, after)
            assert (state, status) in (("new", EXIT_OK), ("previous", EXIT_OUTPUT)), (free_kb, state, status, err)
            seen.add(state)
        assert seen == {"new", "previous"}
    finally:
        subprocess.run(["umount", str(mnt)], capture_output=True, timeout=20)


def test_one_failing_format_writes_no_output_at_all(tmp_path, runs, monkeypatch, capsys):
    import pipeline.export as export

    prev, new, before, after = runs

    def broken(self, *a, **k):
        raise OSError(errno.EILSEQ, "Invalid or incomplete multibyte or wide character")

    monkeypatch.setattr(export.ParquetWriter, "_flush", broken)
    out = tmp_path / "out"
    shutil.copytree(prev, out)
    assert main(["run", str(new), "-o", str(out), *ALL_FORMATS, "--quiet", "-j", "1"]) == EXIT_OUTPUT
    assert assert_report_describes_disk(out, before, after) == "previous"
    report = json.loads((out / "run_report.json").read_text(encoding="utf-8"))
    assert report["error"] == "cannot write outputs: Invalid or incomplete multibyte or wide character"
    assert report["documents"]["processed"] == 3
    assert "outputs not written" in capsys.readouterr().err


def test_a_file_name_that_is_not_utf8_is_written_in_every_format(tmp_path, runs):
    import pyarrow.parquet as pq

    prev, _, before, _ = runs
    d = tmp_path / "names"
    d.mkdir()
    with open(os.path.join(os.fsencode(d), "تقرير".encode("cp1256") + b".txt"), "wb") as fh:
        fh.write(AR[1].encode("utf-8"))
    out = tmp_path / "out"
    shutil.copytree(prev, out)
    assert main(["run", str(d), "-o", str(out), "--format", "csv,parquet", "--quiet", "-j", "1"]) == EXIT_OK
    ids = set(pq.read_table(out / "entities.parquet").column("doc_id").to_pylist())
    assert ids == {"\\xca\\xde\\xd1\\xed\\xd1"}
    assert "\\xca\\xde\\xd1\\xed\\xd1," in (out / "entities.csv").read_text(encoding="utf-8")
    # the formats of the previous run that this one did not write are gone with it
    assert sorted(p.name for p in out.iterdir()) == ["documents.csv", "documents.jsonl", "entities.csv",
                                                     "entities.parquet", "entity_index.csv", "run_report.json"]
    # (the report's pages and their folder too)


def test_a_second_run_in_the_same_folder_exits_2_and_touches_nothing(tmp_path, runs, capsys):
    import fcntl

    prev, new, before, _ = runs
    fd = os.open(prev, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # what a run in progress holds
        assert main(["run", str(new), "-o", str(prev), "--quiet", "-j", "1"]) == EXIT_USAGE
    finally:
        os.close(fd)
    assert capsys.readouterr().err.strip() == (
        f"arabic-news-extract: error: output directory {prev} is in use by another run "
        f"(wait for it to end, or choose another -o)")
    assert _files(prev) == before
    assert main(["run", str(new), "-o", str(prev), "--quiet", "-j", "1"]) == EXIT_OK  # the lock is gone with the run


def test_an_interrupted_commit_is_completed_by_the_next_run(tmp_path):
    """A power cut between the renames of a commit: the journal lets the next run in the
    folder finish them before anything else, so the folder never stays mixed."""
    from pipeline.export import JOURNAL_NAME, OutputFolder

    out = tmp_path / "out"
    out.mkdir()
    (out / "entities.csv").write_text("new csv\n")          # already renamed when the power went
    (out / ".entities.json.x1.part").write_text("new json")  # not yet
    (out / ".run_report.json.x2.part").write_text('{"complete": true}')
    (out / "entities.json").write_text("old json")
    (out / "run_report.json").write_text('{"complete": true, "old": 1}')
    (out / "report.html").write_text("old html, not in the new run")
    (out / ".entities.jsonl.x3.part").write_text("debris of a killed run")
    (out / JOURNAL_NAME).write_text(json.dumps({
        "rename": [[".entities.csv.x0.part", "entities.csv"], [".entities.json.x1.part", "entities.json"],
                   [".run_report.json.x2.part", "run_report.json"]],
        "remove": ["report.html"]}))
    (out / "notes.txt").write_text("a user's file")
    OutputFolder(out).close()
    assert _files(out) == {"entities.csv": b"new csv\n", "entities.json": b"new json",
                           "run_report.json": b'{"complete": true}', "notes.txt": b"a user's file"}


def _children(pid: int) -> list[int]:
    import psutil

    try:
        return [c.pid for c in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def _default_sigint():
    """A shell's background job (and so this test, maybe) ignores SIGINT, and a child inherits
    that; the run under test gets the disposition of an interactive command."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("sig, status", [(signal.SIGTERM, 143), (signal.SIGINT, 130), (signal.SIGKILL, -9)])
def test_a_signal_stops_the_run_cleanly_and_leaves_no_worker(tmp_path, runs, sig, status):
    """``kill PID`` (or Ctrl-C) on a run with two worker processes: the workers are stopped
    with it, no temporary file is left, the previous outputs and their report stay. After
    ``kill -9`` the workers end on their own, and the next run in the folder removes the
    temporary files the killed one left."""
    import psutil

    from pipeline.export import OutputFolder

    prev, _, before, after = runs
    out = tmp_path / "out"
    shutil.copytree(prev, out)
    long_text = (" ".join(AR) + "\n") * 60
    src = tmp_path / "long.jsonl"
    src.write_text("".join(json.dumps({"id": f"L{i}", "text": long_text}, ensure_ascii=False) + "\n"
                           for i in range(400)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-X", "faulthandler", "-m", "pipeline", "run", str(src), "-o", str(out), "-j", "2",
                             "--engine", "process", "--batch-size", "1", *ALL_FORMATS, "--quiet"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=_default_sigint)
    try:
        deadline = time.monotonic() + 90
        workers: list[int] = []
        while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
            time.sleep(0.2)
            workers = _children(proc.pid)
        assert len(workers) >= 2, "the run did not start its workers"
        time.sleep(1.0)  # let them take documents
        proc.send_signal(sig)
        try:
            _, err = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGABRT)  # faulthandler: where it hangs
            _, err = proc.communicate(timeout=30)
            raise AssertionError("the run did not stop: " + err.decode()[-6000:]) from None
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == status, err.decode()
    assert "Traceback" not in err.decode()

    def alive():
        return [p for p in workers if psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]

    deadline = time.monotonic() + 10
    while alive() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert alive() == [], "orphaned workers"
    if sig == signal.SIGKILL:
        assert [p.name for p in out.iterdir() if p.name.endswith(".part")]  # nothing can clean up after -9
        OutputFolder(out).close()  # what the next run does first
        assert assert_report_describes_disk(out, before, after) == "previous"
        return
    assert assert_report_describes_disk(out, before, after) == "previous"
    report = json.loads((out / "run_report.json").read_text(encoding="utf-8"))
    assert report["exit_status"] == status and report["complete"] is False
    assert report["error"] == ("terminated (SIGTERM)" if sig == signal.SIGTERM else "interrupted")


def test_sighup_is_an_interruption_too(tmp_path, runs, monkeypatch):
    """The terminal closing (SIGHUP) in a serial run, in this process: exit 129, nothing
    half-written, the previous outputs kept with their report."""
    import pipeline.runner as runner

    prev, new, before, after = runs
    real = runner.process_item

    def hang_up_on_d1(item, *args):
        if getattr(item, "id", None) == "d1":
            os.kill(os.getpid(), signal.SIGHUP)
        return real(item, *args)

    monkeypatch.setattr(runner, "process_item", hang_up_on_d1)
    out = tmp_path / "out"
    shutil.copytree(prev, out)
    handler = signal.getsignal(signal.SIGHUP)
    assert main(["run", str(new), "-o", str(out), *ALL_FORMATS, "--quiet", "-j", "1"]) == 129
    assert assert_report_describes_disk(out, before, after) == "previous"
    assert _report(out)["error"] == "terminated (SIGHUP)"
    assert signal.getsignal(signal.SIGHUP) == handler  # restored after the run


# --- standard streams ------------------------------------------------------------------

class _Broken(io.TextIOBase):
    """A standard stream whose reader has gone (``| head -1``) or whose disk is full."""

    def __init__(self, err: int):
        self.err = err

    def write(self, s):
        raise OSError(self.err, os.strerror(self.err))

    def flush(self):
        raise OSError(self.err, os.strerror(self.err))

    def isatty(self):
        return False


def _report(out: Path) -> dict:
    return json.loads((out / "run_report.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("stream, value", [
    ("stderr", None),                       # 2>&- : Python sets sys.stderr to None
    ("stdout", None),                       # >&-
    ("stdout", _Broken(errno.EPIPE)),       # | head -c0
    ("stdout", _Broken(errno.ENOSPC)),      # > /dev/full
    ("stderr", _Broken(errno.EPIPE)),
])
def test_closed_or_broken_standard_streams_do_not_change_the_run(tmp_path, monkeypatch, stream, value):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": AR[0]}, ensure_ascii=False) + "\n{broken\n", encoding="utf-8")
    monkeypatch.setattr(sys, stream, value)
    out = tmp_path / "out"
    status = main(["run", str(src), "-o", str(out), "-j", "1"])
    assert status == 1 == _report(out)["exit_status"]  # the broken line: a problem printed to stderr
    assert _report(out)["documents"] == {"read": 2, "processed": 1, "skipped": 1, "failed": 0}


def test_closed_stdin_named_as_input_is_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", None)
    assert main(["run", "-", "-o", str(tmp_path / "out")]) == EXIT_USAGE
    assert capsys.readouterr().err.strip() == "arabic-news-extract: error: standard input (-) is closed"
    assert not (tmp_path / "out").exists()


def test_stdout_on_a_full_device_in_a_real_process(tmp_path):
    """``> /dev/full``: the summary cannot be written; the exit status is the report's, with
    no traceback (also at interpreter exit, when Python flushes stdout)."""
    src = tmp_path / "a.txt"
    src.write_text(AR[0], encoding="utf-8")
    out = tmp_path / "out"
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "pipeline", "run", str(src), "-o", str(out), "-j", "1"],
                              cwd=ROOT, stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert done.returncode == EXIT_OK == _report(out)["exit_status"], done.stderr.decode()
    assert done.stderr.decode() == ""


# --- time limits and report memory ------------------------------------------------------

def test_timeout_covers_processing_not_the_pipeline_start_up(tmp_path, monkeypatch):
    """A cold cache: building the pipeline takes longer than --timeout. Only processing counts."""
    import pipeline.runner as runner

    real = runner._pipeline
    built = []

    def slow_start():
        if not built:
            time.sleep(1.5)  # interrupted by the deadline if it runs under it; then it starts over
            built.append(True)
        return real()

    monkeypatch.setattr(runner, "_pipeline", slow_start)
    out = tmp_path / "out"
    assert main(["run", str(_jsonl(tmp_path / "in.jsonl", 3)), "-o", str(out), "--engine", "serial",
                 "--timeout", "0.5", "--quiet"]) == EXIT_OK
    assert _report(out)["documents"]["processed"] == 3


def test_html_report_memory_does_not_grow_with_the_corpus(tmp_path):
    import tracemalloc

    from pipeline.report import write_report

    text = " ".join(AR) * 20  # ~4 KB per document

    def docs(n):
        for i in range(n):
            yield {"id": f"d{i}", "text": text, "reference_date": None, "reference_source": None, "topics": [],
                   "entities": [{"type": "place", "text": "القاهرة", "start": text.index("القاهرة"),
                                 "end": text.index("القاهرة") + 7, "value": "القاهرة", "rule": "r", "score": 1.0}]}

    peaks = []
    for n in (300, 3000):
        tracemalloc.start()
        try:
            write_report(docs(n), tmp_path / f"r{n}" / "report.html", per_page=100)
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
    assert peaks[1] < 4_000_000, peaks  # 3,000 documents of 4 KB: 12 MB if they were all held
    page = (tmp_path / "r3000" / "report.html").read_text(encoding="utf-8")
    assert "الوثائق: 3000 · الكيانات: 3000" in page and '<section class="doc"' not in page
    pages = sorted((tmp_path / "r3000" / "report").iterdir())
    assert len(pages) == 30 and all(p.read_text(encoding="utf-8").count('<section class="doc"') == 100 for p in pages)
