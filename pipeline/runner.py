"""Running the pipeline over a stream of inputs: serially, on local worker processes, or on a
Dask distributed cluster.

The unit of work is :func:`process_item` (``InputDoc | InputError -> record``), which never
raises: a failure becomes an error record with the input location. Records come back **in
input order** whatever the engine, and at most a bounded number of batches is in flight, so
memory stays constant on corpora of any size.

A record is ``{"status": "ok", "doc": export.document_dict(doc), "words": N}`` (the exported
document: ``Document.to_dict()``, evidence as written in the text) or
``{"status": "skipped" | "failed", "source": LOCATION, "id": ID | None, "reason": TEXT}``.

Engines:

* ``serial``: in this process;
* ``process``: ``jobs`` worker processes (``concurrent.futures``), each building the default
  pipeline once (:func:`_init_worker`);
* ``dask``: batches (partitions) of documents submitted to a ``distributed`` cluster, either
  an existing scheduler (``scheduler="tcp://host:8786"``) or a ``LocalCluster`` of ``jobs``
  worker processes started for the run. Workers build the pipeline once per process (it is
  cached in the module).
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import os
import signal
import threading
import time
import traceback
from typing import Any, Iterable, Iterator

from .export import document_dict
from .io import InputDoc, InputError, Item

ENGINES = ("auto", "serial", "process", "dask")


class EngineError(Exception):
    """The execution engine could not start (Dask scheduler unreachable, ...)."""

_REF_DATE: dt.date | None = None


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _pipeline():
    from .pipeline import default_pipeline

    return default_pipeline()


class DocumentTimeout(BaseException):
    """Not an Exception, so that no ``except Exception`` inside a stage can swallow it."""


def _on_alarm(signum, frame):
    raise DocumentTimeout


@contextlib.contextmanager
def _deadline(seconds: float | None):
    """Raises DocumentTimeout in the block after ``seconds`` (SIGALRM; main thread of a Unix
    process only, i.e. the serial and process engines; elsewhere no limit). An outer timer is
    restored afterwards."""
    usable = (seconds and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return
    old_handler = signal.signal(signal.SIGALRM, _on_alarm)
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    t0 = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler)
        if old_delay:
            signal.setitimer(signal.ITIMER_REAL, max(1e-3, old_delay - (time.monotonic() - t0)), old_interval)


def process_item(item: Item, reference_date: dt.date | None = None, timeout: float | None = None) -> dict[str, Any]:
    """Processes one input; never raises (errors become records with the input location).

    ``timeout``: seconds of processing after which the document is abandoned and reported as
    failed; building the pipeline (a cold cache) does not count.
    """
    if isinstance(item, InputError):
        return {"status": "skipped", "source": item.source, "id": item.id, "reason": item.reason}
    try:
        if item.date:
            date, source = item.date, "input"
        elif reference_date:
            date, source = reference_date, "cli"
        else:
            date, source = None, None
        nlp = _pipeline()  # start-up is not processing: outside the deadline
        with _deadline(timeout):
            doc = nlp.process(item.text, item.id, date, source)
        words = sum(1 for t in doc.tokens if t.kind == "word")
        return {"status": "ok", "doc": document_dict(doc), "words": words}
    except DocumentTimeout:
        return {"status": "failed", "source": item.source, "id": item.id,
                "reason": f"processing took longer than --timeout {timeout:g} s; abandoned"}
    except Exception as exc:  # a document must never stop the run
        tb = traceback.extract_tb(exc.__traceback__)
        where = f" at {os.path.basename(tb[-1].filename)}:{tb[-1].lineno}" if tb else ""
        return {"status": "failed", "source": item.source, "id": item.id,
                "reason": f"processing failed: {type(exc).__name__}: {exc}{where}"}


def set_corpus_names(corpus: dict | None) -> None:
    """Corpus mode: the names confirmed in the run's first pass, for this process's linker
    (:func:`pipeline.extract.people.coref.corpus_names`); ``None`` or ``{}`` turns it off."""
    link = next((s for s in _pipeline().stages if s.name == "link"), None)
    if link is not None and getattr(link, "corpus", None) is not corpus:
        link.corpus = corpus or {}


def process_batch(items: list[Item], reference_date: dt.date | None = None,
                  timeout: float | None = None, corpus: dict | None = None) -> list[dict[str, Any]]:
    """Processes a batch (a partition) of inputs, in order (with the corpus names of corpus
    mode, when given: workers that were not forked from the process that collected them)."""
    if corpus is not None:
        set_corpus_names(corpus)
    return [process_item(it, reference_date, timeout) if timeout else process_item(it, reference_date)
            for it in items]


def _init_worker(corpus: dict | None = None) -> None:
    """A worker process: it ends with its parent; default SIGTERM/SIGHUP (a fork inherits the
    CLI's handlers, which would turn the parent's ``terminate()`` into an exception the worker
    survives); Ctrl-C left to the parent (which stops the workers); the pipeline built once,
    with the corpus names of corpus mode when given (a spawned worker; a forked one inherits
    them)."""
    _exit_with_parent(os.getppid())
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _pipeline()
    if corpus is not None:
        set_corpus_names(corpus)


def _exit_with_parent(parent: int, every: float = 1.0) -> None:
    """Ends this worker when its parent is gone without stopping it (SIGKILL, out of memory):
    a worker blocked on the task queue would otherwise live on as an orphan."""
    def watch():
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _stop_workers(pool) -> None:
    """Stops a pool's worker processes at once: an interrupted run neither waits for their
    batches nor leaves them running.

    A worker killed while it writes a result leaves half a message in the result pipe, and
    the pool's manager thread would wait for the rest forever, since this process holds the
    pipe's other end too (shutdown, and the interpreter's exit, would hang): once the workers
    are gone that end is closed, the manager reads end-of-file and shuts the pool down as
    broken. (Pool internals ``_processes`` and ``_result_queue``, looked up defensively.)
    """
    procs = list((getattr(pool, "_processes", None) or {}).values())
    for proc in procs:
        try:
            proc.terminate()
        except Exception:
            pass
    for proc in procs:
        proc.join(10)
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    if writer is not None:
        try:
            writer.close()
        except OSError:
            pass


def _batches(items: Iterable[Item], max_docs: int, max_chars: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    chars = 0
    for it in items:
        batch.append(it)
        chars += len(it.text) if isinstance(it, InputDoc) else 0
        if len(batch) >= max_docs or chars >= max_chars:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


class Runner:
    """Maps :func:`process_item` over items and yields ``(item, record)`` in input order.

    Args:
        engine: ``auto`` (``serial`` for one job, else ``process``), ``serial``, ``process``
            or ``dask``.
        jobs: worker processes (default: every available core).
        scheduler: Dask scheduler address; ``None`` starts a LocalCluster of ``jobs`` workers.
        batch_docs, batch_chars: a batch closes at whichever limit comes first.
        window: batches in flight per worker (bounds memory).
    """

    def __init__(self, engine: str = "auto", jobs: int | None = None, scheduler: str | None = None,
                 reference_date: dt.date | None = None, batch_docs: int = 32, batch_chars: int = 200_000,
                 window: int = 3, timeout: float | None = None):
        if engine not in ENGINES:
            raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
        self.jobs = max(1, jobs or available_cores())
        if engine == "auto":
            engine = "serial" if self.jobs == 1 else "process"
        self.engine = engine
        self.scheduler = scheduler
        self.reference_date = reference_date
        self.batch_docs = batch_docs
        self.batch_chars = batch_chars
        self.window = window
        self.timeout = timeout
        self.engine_used = engine
        self.corpus: dict | None = None  # corpus mode: names for every process's linker

    def set_corpus(self, corpus: dict | None) -> None:
        """Corpus mode: the second pass runs with these names (set here, inherited by forked
        workers, given to spawned workers when they start and to Dask workers with the batches)."""
        self.corpus = corpus
        set_corpus_names(corpus)

    def map(self, items: Iterable[Item]) -> Iterator[tuple[Item, dict[str, Any]]]:
        batches = _batches(items, self.batch_docs, self.batch_chars)
        first = next(batches, None)
        if first is None:
            return
        second = next(batches, None)
        if self.engine == "serial" or (second is None and self.engine == "process"):
            # one batch: starting workers would cost more than it saves
            self.engine_used = "serial"
            for b in (first, second):
                if b:
                    yield from zip(b, process_batch(b, self.reference_date, self.timeout))
            for b in batches:
                yield from zip(b, process_batch(b, self.reference_date, self.timeout))
            return

        def all_batches():
            yield first
            if second is not None:
                yield second
            yield from batches

        if self.engine == "process":
            yield from self._map_processes(all_batches())
        else:
            yield from self._map_dask(all_batches())

    def _map_processes(self, batches: Iterator[list[Item]]) -> Iterator[tuple[Item, dict[str, Any]]]:
        """Local worker processes. If a worker dies (killed, out of memory, crash in a C
        extension), the pool is restarted and the batches in flight are re-run one document
        at a time, so only the document that kills a worker is reported as failed."""
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        corpus = None  # (forked workers inherit the corpus names set in this process)
        if "fork" in mp.get_all_start_methods():
            ctx = mp.get_context("fork")
            _pipeline()  # built once here; forked workers share it instead of each building one
        else:
            ctx = mp.get_context("spawn")
            corpus = self.corpus

        def new_pool() -> ProcessPoolExecutor:
            return ProcessPoolExecutor(max_workers=self.jobs, mp_context=ctx, initializer=_init_worker,
                                       initargs=(corpus,))

        state = {"pool": new_pool()}
        pending: collections.deque = collections.deque()

        def collect(batch: list[Item], fut) -> Iterator[tuple[Item, dict[str, Any]]]:
            try:
                yield from zip(batch, fut.result())
            except BrokenProcessPool:
                retry = [batch] + [bb for bb, _ in pending]
                pending.clear()
                state["pool"].shutdown(wait=False, cancel_futures=True)
                state["pool"] = new_pool()
                for rb in retry:
                    for it in rb:
                        rec, state["pool"] = self._one_by_one(state["pool"], new_pool, it)
                        yield it, rec
            except Exception as exc:
                yield from zip(batch, _failed(batch, exc))

        finished = False
        try:
            for b in batches:
                pending.append((b, state["pool"].submit(process_batch, b, self.reference_date, self.timeout)))
                while len(pending) >= self.jobs * self.window or (pending and pending[0][1].done()):
                    yield from collect(*pending.popleft())
            while pending:
                yield from collect(*pending.popleft())
            finished = True
        finally:
            if not finished:  # interrupted, or the caller stopped reading
                _stop_workers(state["pool"])
            state["pool"].shutdown(wait=True, cancel_futures=True)

    def _one_by_one(self, pool, new_pool, item: Item):
        from concurrent.futures.process import BrokenProcessPool

        try:
            return pool.submit(process_batch, [item], self.reference_date, self.timeout).result()[0], pool
        except BrokenProcessPool:
            pool.shutdown(wait=False, cancel_futures=True)
            return {"status": "failed", "source": item.source, "id": getattr(item, "id", None),
                    "reason": "worker process died while processing this document (killed, out of memory "
                              "or crashed)"}, new_pool()

    def _map_dask(self, batches: Iterator[list[Item]]) -> Iterator[tuple[Item, dict[str, Any]]]:
        import logging

        from distributed import Client, LocalCluster

        logging.getLogger("distributed").setLevel(logging.ERROR)
        cluster = None
        try:
            if self.scheduler:
                client = Client(self.scheduler, timeout="15s")
            else:
                cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.ERROR)
                client = Client(cluster)
        except Exception as exc:
            if cluster is not None:
                cluster.close()
            where = f"the Dask scheduler at {self.scheduler}" if self.scheduler else "a local Dask cluster"
            raise EngineError(f"cannot start on {where}: {type(exc).__name__}: {exc}") from None
        try:
            n_workers = max(1, len(client.scheduler_info().get("workers", {})) or self.jobs)
            corpus = client.scatter(self.corpus, broadcast=True) if self.corpus else None
            yield from _ordered(lambda b: client.submit(process_batch, b, self.reference_date, self.timeout, corpus,
                                                        pure=False),
                                batches, n_workers * self.window)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def _ordered(submit, batches: Iterator[list[Item]], window: int) -> Iterator[tuple[Item, dict[str, Any]]]:
    """Keeps at most ``window`` batches in flight; yields results in submission order."""
    pending: collections.deque = collections.deque()
    for b in batches:
        pending.append((b, submit(b)))
        if len(pending) >= window:
            batch, fut = pending.popleft()
            yield from zip(batch, _result(fut, batch))
    while pending:
        batch, fut = pending.popleft()
        yield from zip(batch, _result(fut, batch))


def _result(fut, batch: list[Item]) -> list[dict[str, Any]]:
    """A batch's records; if the worker itself failed, every document of the batch is reported."""
    try:
        return fut.result()
    except Exception as exc:
        return _failed(batch, exc)


def _failed(batch: list[Item], exc: BaseException) -> list[dict[str, Any]]:
    reason = f"worker failed: {type(exc).__name__}: {exc}"
    return [{"status": "failed", "source": it.source, "id": getattr(it, "id", None), "reason": reason}
            for it in batch]
