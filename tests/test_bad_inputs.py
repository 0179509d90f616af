"""The bad-input corpus (tests/data/bad/cases.yaml): exact messages, exit codes, no debris.

Every case is run through `wijkgraph validate` (exit code and the exact problem lines)
and through `wijkgraph analyse` (exit 2 leaves no output folder at all; exit 0 leaves a
complete one), each under a time limit, never with a traceback.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from wijkgraph.cli import cli
from wijkgraph.sources.bundled import dataset_names
from wijkgraph.sources.loading import load

BAD = Path(__file__).parent / "data" / "bad"
CASES: list[dict[str, Any]] = yaml.safe_load((BAD / "cases.yaml").read_text("utf-8"))["cases"]
TIME_LIMIT = 60  # seconds per command; a hang fails the test instead of blocking CI

sys.path.insert(0, str(BAD))
import make_xlsx  # noqa: E402

sys.path.remove(str(BAD))


@contextlib.contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Fail (instead of hanging) when the block takes longer than `seconds`."""

    def alarm(signum: int, frame: object) -> None:
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_xlsx.build_all(tmp_path_factory.mktemp("xlsx"))


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder whose actoren.csv is a real 100 MB CSV (written here, never committed)."""
    folder = tmp_path_factory.mktemp("big")
    row = "Buurtteam Oost {i};welzijn;buurtteam;Oost;eenzaamheid; armoede\n"
    with (folder / "actoren.csv").open("w", encoding="utf-8") as fh:
        fh.write("naam;domein;rol;wijk;thema's\n")
        block = "".join(row.format(i=i) for i in range(10_000))
        while fh.tell() + len(block) <= 100 * 1024 * 1024:
            fh.write(block)
    (folder / "relaties.csv").write_text("van;naar\nBuurtteam Oost 1;Buurtteam Oost 2\n",
                                         encoding="utf-8")
    return folder


def input_path(case: dict[str, Any], workbooks: dict[str, Path], big: Any) -> str:
    source = str(case["input"])
    if source.startswith("xlsx:"):
        return str(workbooks[source.removeprefix("xlsx:")])
    if source == "generated:big-file":
        return str(big())
    return source  # relative to tests/data/bad, where the test runs


def invoke(*args: str) -> Result:
    with time_limit(TIME_LIMIT):
        return CliRunner().invoke(cli, list(args))


def problem_lines(output: str) -> list[str]:
    return [ln for ln in output.splitlines() if ln.startswith(("Fout:", "Waarschuwing:",
                                                                "Error:", "Warning:"))]


def assert_no_crash(result: Result) -> None:
    assert "Traceback" not in result.output
    assert "Interne fout" not in result.output and "Internal error" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


def test_corpus_is_big_enough() -> None:
    assert len(CASES) >= 40
    assert len({c["id"] for c in CASES}) == len(CASES)
    assert {c["exit"] for c in CASES} == {0, 2}


def test_every_committed_case_is_listed() -> None:
    listed = {str(c["input"]) for c in CASES}
    on_disk = {p.name for p in BAD.iterdir()
               if p.name not in {"cases.yaml", "make_xlsx.py", "__pycache__"}}
    assert on_disk <= listed
    assert {f"xlsx:{name}" for name in make_xlsx.CASES} <= listed


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_validate_gives_the_exact_messages(case: dict[str, Any], workbooks: dict[str, Path],
                                           request: pytest.FixtureRequest,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    source = input_path(case, workbooks, lambda: request.getfixturevalue("big_file"))
    monkeypatch.chdir(BAD)
    result = invoke("validate", source, "--lang", case.get("lang", "nl"))
    assert_no_crash(result)
    expected = [m.replace("{datasets}", ", ".join(dataset_names())) for m in case["messages"]]
    assert problem_lines(result.output) == expected, result.output
    assert result.exit_code == case["exit"], result.output
    if case["exit"] == 0:
        net = load(source)
        counts = case["counts"]
        assert (net.n_actors, net.n_relations, len(net.meetings)) == (
            counts["actors"], counts["relations"], counts["meetings"])
        names = set(net.actors["name"])
        assert set(case.get("names", ())) <= names, sorted(names)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_analyse_writes_all_or_nothing(case: dict[str, Any], workbooks: dict[str, Path],
                                       request: pytest.FixtureRequest, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    source = input_path(case, workbooks, lambda: request.getfixturevalue("big_file"))
    monkeypatch.chdir(BAD)
    out = tmp_path / "rapport"
    result = invoke("analyse", source, "-o", str(out), "-q")
    assert_no_crash(result)
    assert result.exit_code == case["exit"], result.output
    if case["exit"] == 2:
        assert not out.exists()
        assert list(tmp_path.iterdir()) == []
    else:
        assert (out / ".wijkgraph").is_file()
        assert (out / "analysis.json").is_file()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport"]
        assert not [p for p in out.rglob(".wijkgraph-*")]
