"""The outputs written side by side (fork workers) are the files of one process, byte for byte."""

from __future__ import annotations

import json

import pytest

from wijkgraph.analysis.run import analyse
from wijkgraph.render.outputs import (
    FORMATS,
    PARALLEL_MEMORY_BUDGET,
    PARALLEL_MIN_ACTORS,
    bundles,
    memory_estimate,
    output_workers,
    write_outputs,
)
from wijkgraph.sources.bundled import load_dataset


@pytest.fixture(scope="module")
def oost():
    net = load_dataset("utrecht-oost")
    return net, analyse(net)


def test_two_workers_write_the_bytes_of_one(oost, tmp_path):
    net, result = oost
    one = write_outputs(net, result, tmp_path / "one", workers=1, lang="en")
    two = write_outputs(net, result, tmp_path / "two", workers=2, lang="en")
    assert [p.name for p in one] == [p.name for p in two] == [
        "report.html", "report.md", "map.html", "tables.xlsx", "analysis.json"]
    for a, b in zip(one, two, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    # the reports link the map written beside them, also when written before it was there
    assert 'href="map.html"' in two[0].read_text(encoding="utf-8")
    assert "(map.html)" in two[1].read_text(encoding="utf-8")


def test_without_the_map_the_reports_do_not_link_it(oost, tmp_path):
    net, result = oost
    html, md = write_outputs(net, result, tmp_path / "out", formats=("html", "md"), workers=2)
    assert "map.html" not in html.read_text(encoding="utf-8").split("<main")[0]
    assert "](map.html)" not in md.read_text(encoding="utf-8")


def test_how_many_workers(monkeypatch):
    gb = 2**30
    monkeypatch.setenv("WIJKGRAPH_WORKERS", "1")
    assert output_workers(100_000, len(FORMATS)) == 0  # one process: forced
    monkeypatch.setenv("WIJKGRAPH_WORKERS", "2")
    assert output_workers(100_000, len(FORMATS)) == 2  # asked for: whatever the memory
    assert output_workers(100_000, 1) == 0  # one output: nothing to share
    assert output_workers(10, len(FORMATS), workers=2) == 2  # asked for explicitly
    # not asked: on two cores one process per unit of work (the map with the reports,
    # the tables, the json) for a city whose copies fit, fewer when they do not, none
    # for a wijk or when not even two fit
    monkeypatch.delenv("WIJKGRAPH_WORKERS")
    monkeypatch.setattr("os.sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    units = len(bundles(list(FORMATS)))
    assert units == 3
    mb = 2**20
    assert output_workers(30_000, len(FORMATS), memory=(514 * mb, 8 * gb), units=units) == 3
    assert output_workers(100_000, len(FORMATS), memory=(1314 * mb, 8 * gb), units=units) == 3
    assert output_workers(100_000, len(FORMATS), memory=(1700 * mb, 8 * gb), units=units) == 2
    assert output_workers(100_000, len(FORMATS), memory=(2 * gb, 8 * gb), units=units) == 0
    assert output_workers(PARALLEL_MIN_ACTORS - 1, len(FORMATS), memory=(gb // 10, 8 * gb)) == 0
    assert output_workers(30_000, len(FORMATS), memory=(1 * gb, gb)) == 0  # system is full
    # the estimate covers what was measured (peak PSS of the tree over rss at the fork)
    for rss, processes, measured in ((476, 1, 638), (508, 2, 820), (514, 3, 945),
                                     (1362, 2, 2075), (1314, 3, 2390)):
        assert measured <= memory_estimate(rss, processes) <= 1.25 * measured
    assert memory_estimate(1314 * mb, 3) <= PARALLEL_MEMORY_BUDGET


def test_three_units_on_two_cores_write_the_same_files(oost, tmp_path):
    net, result = oost
    one = write_outputs(net, result, tmp_path / "one", workers=1)
    three = write_outputs(net, result, tmp_path / "three", workers=3)
    assert [p.name for p in one] == [p.name for p in three]
    for a, b in zip(one, three, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_an_error_in_a_worker_leaves_no_folder(oost, tmp_path, monkeypatch):
    net, result = oost
    from wijkgraph.render import outputs

    def broken(*_args, **_kwargs):
        raise RuntimeError("broken writer")

    monkeypatch.setitem(outputs.WRITERS, "json", broken)
    with pytest.raises(RuntimeError, match="broken writer"):
        write_outputs(net, result, tmp_path / "out", workers=2)
    assert not (tmp_path / "out").exists()


def test_a_compact_analysis_json_written_by_a_worker_is_the_file_of_one_process(
        oost, tmp_path, monkeypatch):
    from wijkgraph.analysis import run

    # as for a city: compact JSON, streamed by the forked writer
    monkeypatch.setattr(run, "PRETTY_JSON_MAX_ACTORS", 0)
    net, result = oost
    one = write_outputs(net, result, tmp_path / "one", formats=("json", "xlsx", "map"),
                        workers=1, lang="en")
    two = write_outputs(net, result, tmp_path / "two", formats=("json", "xlsx", "map"),
                        workers=2, lang="en")
    for a, b in zip(one, two, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    text = two[-1].read_text(encoding="utf-8")
    assert "\n" not in text[:-1] and json.loads(text) == result.to_dict("en")


def test_the_map_and_the_reports_stay_in_one_process():
    from wijkgraph.render.outputs import share

    units = ["map", "html", "md", "xlsx", "json"]
    mine, theirs = share(units, 2)
    assert {"map", "html", "md"} <= set(mine)  # with the json (the tables take longest)
    assert sorted(mine + theirs) == sorted(units)
    mine, *theirs = share(units, 3)
    assert mine == ["map", "html", "md"] and sorted(sum(theirs, [])) == ["json", "xlsx"]
