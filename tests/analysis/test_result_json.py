"""analysis.json's tables encoded column by column (`wijkgraph.analysis._json_text`) give
exactly the text of the plain path: ``json`` over `jsonable`'s records."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from wijkgraph.analysis._json_text import (
    ENCODE,
    FRAME_TEXTS,
    _floats_json,
    frame_records,
    records_json,
    records_json_parts,
    section_json,
    section_json_parts,
)
from wijkgraph.analysis._result import jsonable


def _plain(frame: pd.DataFrame) -> str:
    """The old path: a dict per row, value by value, then `json`."""
    assert FRAME_TEXTS.get() is None
    return ENCODE(frame_records(frame))


def _random_frame(rng: np.random.Generator, n: int) -> pd.DataFrame:
    magnitudes = rng.choice([-1, 1], n) * 10.0 ** rng.uniform(-9, 11, n)
    floats = magnitudes.copy()
    floats[rng.random(n) < 0.1] = np.nan
    floats[rng.random(n) < 0.05] = np.inf
    floats[rng.random(n) < 0.05] = -np.inf
    floats[rng.random(n) < 0.05] = -0.0
    halves = rng.integers(-10**6, 10**6, n) * 5e-7  # ties at the 6th decimal
    words = ["a", "é", "ß\u200b", 'q"uote', "back\\slash", "tab\t", "ctl\x07", "",
             "%s", "{}", "中文", "\U0001f600", "\x00null"]
    texts = [words[i] for i in rng.integers(0, len(words), n)]
    mixed: list[object] = []
    for k in rng.integers(0, 12, n):
        mixed.append([None, 1, 2.3456789, float("nan"), True, ("x", "y"), ["é"], (1, 2.5),
                      np.int64(7), np.float64(0.1234567), {"k": np.nan, 3: "v"},
                      {"b", "a"}][k])
    return pd.DataFrame({
        "f": floats, "g": halves, "small": rng.normal(0, 1e-5, n),
        "i": rng.integers(-10**12, 10**12, n), "u": rng.integers(0, 255, n).astype(np.uint8),
        "b": rng.random(n) < 0.5, "f32": rng.normal(0, 1, n).astype(np.float32),
        "t": texts, "m": mixed,
        "lists": [tuple(words[j] for j in range(k % 4)) for k in range(n)],
        "I": pd.array([None if k % 5 == 0 else k for k in range(n)], dtype="Int64"),
        "s": pd.array([None if k % 7 == 0 else words[k % len(words)] for k in range(n)],
                      dtype="string"),
    })


@pytest.mark.parametrize("seed", range(6))
def test_random_frames_encode_as_the_plain_path(seed: int) -> None:
    rng = np.random.default_rng(seed)
    frame = _random_frame(rng, 400)
    assert records_json(frame) == _plain(frame)
    # any subset and order of columns, and a slice of rows
    cols = list(rng.permutation(frame.columns))[: int(rng.integers(1, len(frame.columns)))]
    part = frame[cols].iloc[int(rng.integers(0, 50)):]
    assert records_json(part) == _plain(part)


def test_odd_frames() -> None:
    frames = [
        pd.DataFrame(), pd.DataFrame(index=range(3)), pd.DataFrame({"a": []}),
        pd.DataFrame({"a": pd.Series([], dtype=float)}),
        pd.DataFrame([[1, 2.5, "x"]], columns=["a", "a", "b"]),  # the last "a" wins
        pd.DataFrame({0: [1.0], "0": [2.0], "%d": ["%s"], 'q"k': [1]}),
        pd.DataFrame({"x": [np.nan, np.nan]}), pd.DataFrame({"x": [1e300, -1e-300]}),
        pd.DataFrame({"when": pd.to_datetime(["2024-01-01", None])}),
        pd.DataFrame({"c": pd.Categorical(["a", "b", "a"])}),
        pd.DataFrame({"nested": [pd.DataFrame({"z": [1.23456789]}), None]}),
    ]
    for frame in frames:
        assert records_json(frame) == _plain(frame), frame


def test_floats_are_repr_of_round() -> None:
    rng = np.random.default_rng(7)
    values = np.concatenate([
        rng.choice([-1, 1], 50_000) * 10.0 ** rng.uniform(-12, 12, 50_000),
        rng.integers(-10**7, 10**7, 50_000) * 5e-7,  # exact halves of the 6th decimal
        rng.integers(-99, 100, 1000) * 1e-6, [0.0, -0.0, 1e-4, 9.9999995e-5, 999999999.9999996,
                                              1e9, -1e9, np.nan, np.inf, -np.inf, 5e-7, -5e-7]])
    want = ["null" if math.isnan(v) or math.isinf(v) else repr(round(v, 6))
            for v in values.tolist()]
    assert _floats_json(values.tolist(), values) == want


def test_section_json_is_the_encoded_dict() -> None:
    frame = pd.DataFrame({"a": [1.23456789, np.nan], "b": [("x",), "y"]})

    def make() -> dict:
        return jsonable({"n": np.int64(2), "rows": frame, "more": {"t": frame.head(1)},
                         "f": 0.1234567})

    assert section_json(make) == ENCODE(make())
    assert FRAME_TEXTS.get() is None  # the context is left behind

    # a value that happens to hold a placeholder: the plain path is taken again
    def sneaky() -> dict:
        return jsonable({"rows": frame, "text": "\x00wijkgraph-table-0\x00"})

    assert section_json(sneaky) == ENCODE(sneaky())


@pytest.mark.parametrize("rows", [1, 7, 400, 401])
def test_tables_in_blocks_of_rows_join_to_the_whole_text(rows: int) -> None:
    frame = _random_frame(np.random.default_rng(3), 400)
    pieces = list(records_json_parts(frame, rows=rows))
    assert "".join(pieces) == _plain(frame)
    assert len(pieces) == -(-400 // rows) + 1  # a piece per block of rows, then "]"


def test_section_parts_stream_the_tables_in_the_order_of_the_text() -> None:
    big = _random_frame(np.random.default_rng(5), 12_000)  # more than one block (`ROWS`)
    small = pd.DataFrame({"z": [1.5, 2.0]})

    def make() -> dict:  # the second table comes first in the text (sorted keys)
        return jsonable({"b": big, "a": {"t": small}, "n": 3})

    pieces = list(section_json_parts(make))
    assert "".join(pieces) == ENCODE(make())
    assert len(pieces) >= 6 and max(map(len, pieces)) < len("".join(pieces)) / 2
    assert FRAME_TEXTS.get() is None


@pytest.mark.parametrize("name", ["driehoek", "utrecht-oost"])
def test_bundled_analysis_json_is_unchanged(name: str) -> None:
    from wijkgraph.analysis.run import analyse
    from wijkgraph.sources.bundled import load_dataset

    analysis = analyse(load_dataset(name))
    for lang in ("nl", "en"):
        text = "".join(part() for _key, part in analysis.json_sections(lang)) + "}"
        assert text == ENCODE(analysis.to_dict(lang))
