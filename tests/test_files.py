"""Atomic files and output folders: nothing half-written, debris of killed runs removed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from wijkgraph._files import (
    MARKER,
    atomic_write,
    check_output_folder,
    output_folder,
    recover,
)
from wijkgraph.errors import OutputError


def dead_pid() -> int:
    """The id of a process that has ended."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(done.stdout)


def test_atomic_write_text_and_bytes(tmp_path: Path) -> None:
    atomic_write(tmp_path / "a.txt", "Zoë")
    atomic_write(tmp_path / "b.bin", b"\x00\x01")
    assert (tmp_path / "a.txt").read_bytes() == "Zoë".encode()
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.bin"]


def test_atomic_write_into_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as info:
        atomic_write(tmp_path / "nope" / "a.txt", "x")
    assert info.value.problems[0].code == "problem.output_unwritable"


def test_atomic_write_removes_parts_of_dead_processes(tmp_path: Path) -> None:
    stale = tmp_path / f".wijkgraph-part-{dead_pid()}-abc"
    stale.write_text("half")
    mine = tmp_path / f".wijkgraph-part-{os.getpid()}-abc"
    mine.write_text("busy")
    atomic_write(tmp_path / "a.txt", "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["a.txt", mine.name])


def test_output_folder_replaces_the_previous_one(tmp_path: Path) -> None:
    out = tmp_path / "rapport"
    with output_folder(out) as tmp:
        atomic_write(tmp / "old.json", "1")
    with output_folder(out) as tmp:
        atomic_write(tmp / "new.json", "2")
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "new.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport"]


def test_output_folder_keeps_the_previous_one_on_error(tmp_path: Path) -> None:
    out = tmp_path / "rapport"
    with output_folder(out) as tmp:
        atomic_write(tmp / "a.json", "1")
    with pytest.raises(RuntimeError), output_folder(out) as tmp:
        atomic_write(tmp / "b.json", "2")
        raise RuntimeError("renderer failed")
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "a.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport"]


def test_output_folder_refuses_foreign_folders_and_files(tmp_path: Path) -> None:
    (tmp_path / "eigen").mkdir()
    (tmp_path / "eigen" / "notities.txt").write_text("x")
    with pytest.raises(OutputError) as info:
        check_output_folder(tmp_path / "eigen")
    assert info.value.problems[0].code == "problem.output_not_ours"
    (tmp_path / "bestand").write_text("x")
    with pytest.raises(OutputError) as info:
        check_output_folder(tmp_path / "bestand")
    assert info.value.problems[0].code == "problem.output_is_file"
    with output_folder(tmp_path / "eigen", force=True) as tmp:
        atomic_write(tmp / "a.json", "1")
    assert sorted(p.name for p in (tmp_path / "eigen").iterdir()) == [MARKER, "a.json"]


def test_output_folder_in_a_new_parent(tmp_path: Path) -> None:
    with output_folder(tmp_path / "a" / "b" / "rapport") as tmp:
        atomic_write(tmp / "x.json", "1")
    assert (tmp_path / "a" / "b" / "rapport" / "x.json").is_file()


def test_recover_restores_a_folder_moved_aside_by_a_killed_swap(tmp_path: Path) -> None:
    old = tmp_path / f".wijkgraph-old-rapport-{dead_pid()}"
    old.mkdir()
    (old / MARKER).write_text("")
    (old / "analysis.json").write_text("{}")
    half = tmp_path / f".wijkgraph-tmp-rapport-{dead_pid()}-x1"
    half.mkdir()
    (half / "report.html").write_text("<half")
    recover(tmp_path / "rapport")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport"]
    assert (tmp_path / "rapport" / "analysis.json").read_text() == "{}"


def test_recover_drops_the_old_folder_when_the_swap_finished(tmp_path: Path) -> None:
    (tmp_path / "rapport").mkdir()
    (tmp_path / "rapport" / "new.json").write_text("new")
    old = tmp_path / f".wijkgraph-old-rapport-{dead_pid()}"
    old.mkdir()
    recover(tmp_path / "rapport")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport"]
    assert (tmp_path / "rapport" / "new.json").read_text() == "new"


def test_recover_leaves_running_processes_alone(tmp_path: Path) -> None:
    busy = tmp_path / f".wijkgraph-tmp-rapport-{os.getpid()}-x1"
    busy.mkdir()
    other = tmp_path / f".wijkgraph-tmp-ander-{dead_pid()}-x1"
    other.mkdir()
    recover(tmp_path / "rapport")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([busy.name, other.name])


def test_check_output_folder_recovers_first(tmp_path: Path) -> None:
    old = tmp_path / f".wijkgraph-old-rapport-{dead_pid()}"
    old.mkdir()
    (old / MARKER).write_text("")
    check_output_folder(tmp_path / "rapport")
    assert (tmp_path / "rapport" / MARKER).is_file()


def test_outputs_get_ordinary_permissions_not_private_temp_ones(tmp_path):
    """Files and folders follow the umask (0644/0755 with umask 022), not mkstemp's 0600."""
    import os
    import stat

    from wijkgraph._files import atomic_write, output_folder

    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "a.txt", "x")
        with output_folder(tmp_path / "out") as tmp:
            atomic_write(tmp / "b.txt", "y")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "out").stat().st_mode) == 0o755
    assert stat.S_IMODE((tmp_path / "out" / "b.txt").stat().st_mode) == 0o644
