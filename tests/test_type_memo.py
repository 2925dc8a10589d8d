"""TypeMemo (pipeline.extract.common): a bounded memo of a pure function of one word type."""

from __future__ import annotations

import pickle

import pytest

from pipeline.extract.common import TypeMemo


class Counting:
    """A pure function that counts its calls."""

    def __init__(self):
        self.calls: list[str] = []

    def __call__(self, key: str) -> tuple[str, int]:
        self.calls.append(key)
        return key[::-1], len(key)


@pytest.mark.parametrize("keys, limit, calls, size", [
    (["الرياض"], 10, ["الرياض"], 1),                                      # computed on the first look-up
    (["الرياض", "الرياض", "الرياض"], 10, ["الرياض"], 1),                  # then read back, not recomputed
    (["غزه", "غزة", "غزه"], 10, ["غزه", "غزة"], 2),                       # spellings are distinct keys
    (["", ""], 10, [""], 1),                                               # the empty word is a key too
    (["ا", "ب", "ج"], 2, ["ا", "ب", "ج"], 1),                             # full: emptied before the next one
    (["ا", "ب", "ا", "ج", "ا"], 2, ["ا", "ب", "ج", "ا"], 2),              # an emptied key is computed again
])
def test_type_memo_computes_each_key_once_while_it_fits(keys, limit, calls, size):
    fn = Counting()
    memo = TypeMemo(fn, limit)
    assert [memo[k] for k in keys] == [(k[::-1], len(k)) for k in keys]
    assert fn.calls == calls
    assert len(memo) == size <= limit


@pytest.mark.parametrize("limit", [0, -1])
def test_type_memo_refuses_a_limit_that_holds_nothing(limit):
    with pytest.raises(ValueError, match="limit must be positive"):
        TypeMemo(Counting(), limit)


def test_type_memo_get_and_in_do_not_compute():
    fn = Counting()
    memo = TypeMemo(fn, 10)
    assert memo.get("مصر") is None and "مصر" not in memo
    assert fn.calls == []


def test_type_memo_an_error_is_not_cached():
    def fails(key: str):
        raise KeyError(key)

    memo = TypeMemo(fails, 10)
    with pytest.raises(KeyError):
        memo["x"]
    assert len(memo) == 0


def test_type_memo_pickles_empty_with_its_function_and_limit():
    memo = TypeMemo(len, 5)
    memo["عمان"]
    back = pickle.loads(pickle.dumps(memo))
    assert isinstance(back, TypeMemo) and len(back) == 0 and back.limit == 5
    assert back["عمان"] == 4


class Seed:
    """A seed table builder that counts its calls."""

    def __init__(self, table):
        self.table, self.calls = table, 0

    def __call__(self):
        self.calls += 1
        return dict(self.table)


@pytest.mark.parametrize("keys, seed_after, computed, seed_calls", [
    # the table is loaded after SEED_AFTER misses, then consulted before the function
    (["ا", "ب", "ج", "د"], 2, ["ا"], 1),
    # a key the table lacks is computed as before
    (["ا", "ب", "هـ"], 2, ["ا", "هـ"], 1),
    # a table is loaded once, however many misses follow
    (["ا", "ب", "ج", "د", "هـ", "و"], 1, ["ا", "هـ", "و"], 1),
    # fewer misses than SEED_AFTER: never loaded
    (["ا", "ب"], 5, ["ا", "ب"], 0),
])
def test_type_memo_seed_gives_what_the_function_gives(monkeypatch, keys, seed_after, computed, seed_calls):
    from pipeline.extract import common

    monkeypatch.setattr(common, "SEED_AFTER", seed_after)
    fn = Counting()
    seed = Seed({k: fn(k) for k in ["ب", "ج", "د"]})
    fn.calls.clear()
    memo = TypeMemo(fn, 10, seed=seed)
    assert [memo[k] for k in keys] == [(k[::-1], len(k)) for k in keys]
    assert fn.calls == computed
    assert seed.calls == seed_calls


def test_type_memo_pickles_its_seed_but_not_the_table():
    memo = TypeMemo(len, 5, seed=dict)
    back = pickle.loads(pickle.dumps(memo))
    assert back.seed is dict and back._table is None
