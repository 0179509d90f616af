"""Killing `wijkgraph analyse` halfway leaves the previous output folder intact, and the
next run leaves no temporary files behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wijkgraph.sources.generator import synthetic_frames

pytestmark = pytest.mark.slow

SMALL = str(Path(__file__).parent / "data" / "good" / "dutch-excel")

# Runs the real CLI with a writer that announces itself and then hangs mid-output.
HANGING_WRITER = """
import sys, time
import wijkgraph.render.outputs as outputs

def hang(network, analysis, folder, lang):
    (folder / "half-written.json").write_text("{")
    print("WRITING", flush=True)
    time.sleep(120)

outputs.WRITERS["json"] = hang
from wijkgraph.cli import main
sys.argv = ["wijkgraph", *sys.argv[1:]]
main()
"""


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def wijkgraph(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wijkgraph", *args], capture_output=True,
                          text=True, timeout=timeout, check=False)


@pytest.fixture(scope="module")
def big_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 3,000-actor network as a folder of CSV files."""
    folder = tmp_path_factory.mktemp("stad")
    for table, frame in synthetic_frames(3000, seed=1).items():
        frame.to_csv(folder / f"{table}.csv", index=False)
    return folder


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    """An output folder of an earlier, complete run."""
    out = tmp_path / "rapport"
    done = wijkgraph("analyse", SMALL, "-o", str(out), "-q", "--format", "json,md")
    assert done.returncode == 0, done.stderr
    return out


def debris(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".wijkgraph-"))


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL],
                         ids=["SIGTERM", "SIGINT", "SIGKILL"])
def test_killed_while_writing(tmp_path: Path, previous: Path, sig: signal.Signals) -> None:
    before = snapshot(previous)
    child = subprocess.Popen([sys.executable, "-c", HANGING_WRITER, "analyse", SMALL,
                              "-o", str(previous), "-q", "--format", "json,md"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "WRITING"
        child.send_signal(sig)
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode != 0
    assert snapshot(previous) == before
    if sig != signal.SIGKILL:  # handled: it cleans up after itself
        assert "Traceback" not in (child.stderr.read() if child.stderr else "")
        assert debris(tmp_path) == []
    else:  # killed outright: the half-built folder stays until the next run
        assert len(debris(tmp_path)) == 1
    again = wijkgraph("analyse", SMALL, "-o", str(previous), "-q", "--format", "json,md")
    assert again.returncode == 0, again.stderr
    assert debris(tmp_path) == []
    assert sorted(snapshot(previous)) == [".wijkgraph", "analysis.json", "report.md"]


@pytest.mark.parametrize("delay", [1.0, 3.0])
def test_killed_at_any_moment_on_a_large_input(tmp_path: Path, big_input: Path,
                                               previous: Path, delay: float) -> None:
    before = snapshot(previous)
    child = subprocess.Popen([sys.executable, "-m", "wijkgraph", "analyse", str(big_input),
                              "-o", str(previous), "-q"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(delay)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=60)
    after = snapshot(previous)
    if child.returncode == 0:  # finished before the kill: a complete new folder
        assert ".wijkgraph" in after and "analysis.json" in after
    else:
        assert after == before
    again = wijkgraph("analyse", SMALL, "-o", str(previous), "-q", "--format", "json")
    assert again.returncode == 0, again.stderr
    assert debris(tmp_path) == []
