"""The on-disk cache of built tables (pipeline.cache) and the frequency lookups read from it."""

from __future__ import annotations

import pickle
import re

import pytest

from pipeline import cache
from pipeline.cache import FrozenTable, cached_table


def _table(n: int) -> dict[str, float]:
    return {f"كلمة{i}": i / 7 for i in range(n)}


def test_frozen_table_has_the_keys_values_and_order_of_the_dict(tmp_path):
    data = {"الرياض": 4.5, "غزه": 5.25, "a": 0.0, "": 1.0, "مدينه نصر": 2.0}
    FrozenTable.write(tmp_path / "t.ft", data)
    t = FrozenTable(tmp_path / "t.ft")
    assert len(t) == len(data)
    assert list(t) == list(data)
    assert dict(t.items()) == data
    for k, v in data.items():
        assert k in t and t[k] == v and t.get(k) == v


@pytest.mark.parametrize("missing", ["الرياضه", "ريا", "غزة", "A", " ", "\ud800", 3, None])
def test_frozen_table_misses(tmp_path, missing):
    FrozenTable.write(tmp_path / "t.ft", {"الرياض": 4.5, "غزه": 5.25, "a": 0.0})
    t = FrozenTable(tmp_path / "t.ft")
    assert missing not in t
    assert t.get(missing) is None and t.get(missing, 0.0) == 0.0
    with pytest.raises(KeyError):
        t[missing]


def test_frozen_table_survives_collisions_and_pickles(tmp_path):
    data = _table(5000)
    FrozenTable.write(tmp_path / "t.ft", data)
    t = FrozenTable(tmp_path / "t.ft")
    assert all(t.get(k) == v for k, v in data.items())
    assert sum(1 for i in range(5000, 6000) if f"كلمة{i}" in t) == 0
    again = pickle.loads(pickle.dumps(t))
    assert again.get("كلمة42") == data["كلمة42"]


@pytest.mark.parametrize("garbage", [b"", b"ANEFT002", b"not a table at all, just bytes" * 3])
def test_frozen_table_rejects_a_file_that_is_not_one(tmp_path, garbage):
    (tmp_path / "bad.ft").write_bytes(garbage)
    with pytest.raises(ValueError):
        FrozenTable(tmp_path / "bad.ft")


@pytest.mark.parametrize("n, frozen", [(10, False), (cache.FROZEN_MIN, True)])
def test_cached_table_builds_once_then_loads(tmp_path, monkeypatch, n, frozen):
    monkeypatch.setenv("ANE_CACHE_DIR", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return _table(n)

    name = f"t-build-once{n}"
    first = cached_table(name, build)
    second = cached_table(name, build)
    assert len(calls) == 1
    assert dict(second.items()) == dict(first.items()) == _table(n)
    assert isinstance(second, FrozenTable) is frozen
    assert [built for built, _ in cache.built_tables()].count(name) == 1


def test_cached_table_keeps_other_values_as_they_were_built(tmp_path, monkeypatch):
    monkeypatch.setenv("ANE_CACHE_DIR", str(tmp_path))
    value = {"key": {"trust": "A"}, "n": frozenset({"x"})}
    cached_table("t-plain", lambda: value)
    assert cached_table("t-plain", lambda: pytest.fail("rebuilt")) == value


@pytest.mark.parametrize("loader", ["top_n_list", "get_frequency_list"])
def test_a_build_lets_go_of_the_library_data_it_loaded(tmp_path, monkeypatch, loader):
    # wordfreq memoizes its whole list (about 100 MB): a run that builds the cache must not keep it
    import wordfreq

    monkeypatch.setenv("ANE_CACHE_DIR", str(tmp_path))
    fn = getattr(wordfreq, loader)
    table = cached_table(f"t-lib-{loader}", lambda: {w: 1.0 for w in wordfreq.top_n_list("ar", 50)})
    assert len(table) > 0 and fn.cache_info().currsize == 0
    # ... and a table loaded from the folder leaves the memos of the process alone
    wordfreq.top_n_list("ar", 5)
    cached_table(f"t-lib-{loader}", lambda: pytest.fail("rebuilt"))
    assert wordfreq.top_n_list.cache_info().currsize == 1


def test_cached_table_without_a_writable_folder_still_returns_the_table(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("ANE_CACHE_DIR", str(blocker / "sub"))  # a folder below a file: cannot exist
    assert cached_table("t-ro", lambda: _table(cache.FROZEN_MIN)) == _table(cache.FROZEN_MIN)


def test_cached_table_keeps_a_few_versions_only(tmp_path, monkeypatch):
    monkeypatch.setenv("ANE_CACHE_DIR", str(tmp_path))
    for i in range(cache.KEEP_VERSIONS + 2):
        (tmp_path / f"t-prune-old{i:012d}.pkl").write_bytes(b"x")
    (tmp_path / "t-prune-other-0123456789abcdef.pkl").write_bytes(b"x")  # another table's name
    cached_table("t-prune", lambda: 1)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert len([p for p in left if p.startswith("t-prune-") and "other" not in p]) == cache.KEEP_VERSIONS
    assert f"t-prune-{cache.fingerprint()}.pkl" in left
    assert "t-prune-other-0123456789abcdef.pkl" in left


@pytest.mark.parametrize("word", [
    "الرياض", "والقاهرة", "في", "كتب", "مصطفى", "إبراهيم", "آمنة", "ؤ",  # listed plain words
    "قبرصيونيات", "ظظظظظظظظ", "",                                        # plain, not listed
    "الرِّيَاض", "مـصر", "ﻻ", "ﷲ", "پارس",                               # marks, tatweel, presentation forms
    "google", "Google", "iPhone", "HTML", "JavaBeans", "وJava", "BUSعندم",  # Latin, upper case, mixed
    "5G", "2024", "abcعربي", "x_y", "l'état", "\u212a", "İstanbul", "زيد\u200cعمرو",
])
def test_zipf_is_wordfreq_zipf_frequency(word):
    from wordfreq import zipf_frequency

    from pipeline.extract.common import zipf

    assert zipf(word) == zipf_frequency(word, "ar")


def test_zipf_table_is_wordfreq_on_a_sample_of_its_words():
    from wordfreq import zipf_frequency

    from pipeline.extract.common import word_zipf_table

    table = word_zipf_table()
    sample = [w for i, w in enumerate(table) if i % 1009 == 0]
    assert len(sample) > 500
    assert [table[w] for w in sample] == [zipf_frequency(w, "ar") for w in sample]


@pytest.mark.parametrize("pattern, flags, text", [
    (r"(?P<day>\d{1,2}) (?P<month>يناير|فبراير)", 0, "في 12 يناير و3 فبراير"),
    (r"(?i)\bcairo\b|القاهره", 0, "Cairo القاهره CAIRO cairos"),
    (r"(?<!\S)ـ+(?!\S)", re.MULTILINE, "القاهرة ـ أعلن ــ"),
    (r"[^\W\d_]+", re.ASCII, "abc عربي 12"),
    (r"(a)|(b)", 0, "xbya"),
])
def test_cached_regex_is_the_compiled_regex(tmp_path, monkeypatch, pattern, flags, text):
    monkeypatch.setenv("ANE_CACHE_DIR", str(tmp_path))
    original = re.compile(pattern, flags)
    cached_table("t-regex", lambda: {"p": original})
    loaded = cached_table("t-regex", lambda: pytest.fail("rebuilt"))["p"]
    assert loaded is not original
    assert (loaded.pattern, loaded.flags, loaded.groups, loaded.groupindex) == \
        (original.pattern, original.flags, original.groups, original.groupindex)
    assert [m.span() + m.groups() for m in loaded.finditer(text)] == \
        [m.span() + m.groups() for m in original.finditer(text)]


_CHILD = ("import json, sys; sys.path.insert(0, sys.argv[1]); from pipeline.cache import cached_table, built_tables; "
          "cached_table('t-child', lambda: {'a': 1.0}); print(json.dumps(built_tables()))")


def test_a_first_run_builds_its_tables_in_a_child_process(tmp_path, monkeypatch):
    # the child builds and exits (its fragmented memory goes with it); this process loads
    monkeypatch.setenv("ANE_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv(cache._CHILD_ENV, raising=False)
    monkeypatch.setattr(cache, "_CHILD_CODE", _CHILD)
    cache.build_apart()
    assert list(tmp_path.glob(f"t-child-{cache.fingerprint()}.*"))
    assert "t-child" in [name for name, _ in cache.built_tables()]
    assert cached_table("t-child", lambda: pytest.fail("built again in this process")) == {"a": 1.0}


@pytest.mark.parametrize("situation", ["cache present", "in the child"])
def test_no_child_process_when_the_cache_is_there_or_in_the_child(tmp_path, monkeypatch, situation):
    import subprocess

    monkeypatch.setenv("ANE_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv(cache._CHILD_ENV, raising=False)
    if situation == "cache present":
        cached_table("t-present", lambda: {"a": 1.0})
    else:
        monkeypatch.setenv(cache._CHILD_ENV, "1")
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: pytest.fail("a child was started"))
    cache.build_apart()


def test_a_child_that_fails_leaves_the_build_to_this_process(tmp_path, monkeypatch):
    monkeypatch.setenv("ANE_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv(cache._CHILD_ENV, raising=False)
    monkeypatch.setattr(cache, "_CHILD_CODE", "raise SystemExit(3)")
    cache.build_apart()  # no error, nothing built
    assert cached_table("t-after", lambda: {"b": 2.0}) == {"b": 2.0}


def test_frequent_spellings_are_wordfreqs_most_frequent_words_in_order():
    from wordfreq import top_n_list

    from pipeline.extract.common import SEED_WORDS, frequent_spellings

    words = frequent_spellings()
    assert len(words) == SEED_WORDS and words[:50] == [w for w in top_n_list("ar", 60) if w.isalpha()][:50]
