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


# --- never delete what the user did not ask to replace (issue 14) ------------------------

from click.testing import CliRunner  # noqa: E402

from wijkgraph._files import check_not_input, exchange, foreign_files  # noqa: E402
from wijkgraph.cli import cli  # noqa: E402

CSV_ACTORS = "naam;domein\nDOCK;welzijn\nBuurtteam Oost;zorg\n"
CSV_RELATIONS = "van;naar\nDOCK;Buurtteam Oost\n"


def csv_input(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "actoren.csv").write_text(CSV_ACTORS, encoding="utf-8")
    (folder / "relaties.csv").write_text(CSV_RELATIONS, encoding="utf-8")
    return folder


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [*args, "-q"])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_the_marker_lists_what_wijkgraph_wrote(tmp_path: Path) -> None:
    with output_folder(tmp_path / "out") as tmp:
        atomic_write(tmp / "a.json", "1")
        (tmp / "sub").mkdir()
        atomic_write(tmp / "sub" / "b.csv", "2")
    lines = (tmp_path / "out" / MARKER).read_text("utf-8").splitlines()
    assert lines[-2:] == ["a.json", "sub/b.csv"]
    assert foreign_files(tmp_path / "out") == []
    (tmp_path / "out" / "sub" / "mine.txt").write_text("x")
    (tmp_path / "out" / "eigen").mkdir()
    (tmp_path / "out" / ".DS_Store").write_text("Finder")  # the system's, not the user's
    (tmp_path / "out" / "Thumbs.db").write_text("Explorer")
    assert foreign_files(tmp_path / "out") == ["eigen", "sub/mine.txt"]


def test_a_file_the_user_added_is_never_replaced(tmp_path: Path) -> None:
    data = csv_input(tmp_path / "data")
    out = tmp_path / "rapport"
    assert run("analyse", str(data), "-o", str(out), "--format", "json")[0] == 0
    (out / "notities.txt").write_text("mijn aantekeningen")
    code, output = run("analyse", str(data), "-o", str(out), "--format", "json")
    assert code == 2
    assert output.strip() == (f"Fout: De map '{out}' bevat 'notities.txt', dat niet door "
                              "wijkgraph is geschreven. Zet het ergens anders neer, kies een "
                              "andere map, of gebruik --force om de map met alles erin te "
                              "vervangen.")
    assert (out / "notities.txt").read_text() == "mijn aantekeningen"
    assert run("analyse", str(data), "-o", str(out), "--format", "json", "--force")[0] == 0
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "analysis.json"]


def test_an_input_inside_the_previous_report_is_never_deleted(tmp_path: Path,
                                                               monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("analyse", str(csv_input(tmp_path / "data")), "-o", "rapport")[0] == 0
    (tmp_path / "rapport" / "mijn-wijk").mkdir()
    csv_input(tmp_path / "rapport" / "mijn-wijk")
    for force in ([], ["--force"]):
        code, output = run("analyse", "rapport/mijn-wijk", "-o", "rapport", *force)
        assert code == 2
        assert output.strip() == ("Fout: De uitvoer 'rapport' zou de invoer 'rapport/mijn-wijk' "
                                  "vervangen. Kies een uitvoer buiten de invoer (een andere "
                                  "naam of map).")
        assert (tmp_path / "rapport" / "mijn-wijk" / "actoren.csv").read_text() == CSV_ACTORS


@pytest.mark.parametrize("output", ["data", ".", "data/../data", "link"])
def test_output_equal_to_or_a_parent_of_the_input_is_refused_even_with_force(
        tmp_path: Path, monkeypatch, output: str) -> None:
    monkeypatch.chdir(tmp_path)
    csv_input(tmp_path / "data")
    (tmp_path / "link").symlink_to(tmp_path / "data")
    code, output_text = run("analyse", "data", "-o", output, "--force")
    assert code == 2, output_text
    assert f"Fout: De uitvoer '{output}' zou de invoer 'data' vervangen." in output_text
    assert (tmp_path / "data" / "actoren.csv").read_text() == CSV_ACTORS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "link"]


def test_compare_convert_map_and_survey_never_write_over_their_input(tmp_path: Path,
                                                                      monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    csv_input(tmp_path / "a")
    csv_input(tmp_path / "b")
    assert run("compare", "a", "b", "-o", ".", "--force")[0] == 2
    assert run("convert", "a", "-o", ".", "--to", "gephi", "--force")[0] == 2
    assert run("convert", "a/actoren.csv", "-o", "a/actoren.csv", "--to", "json",
               "--force")[0] == 2
    assert run("map", "a", "-o", "a", "--force")[0] == 2
    (tmp_path / "peiling.csv").write_text("Organisatie;Met wie werkt u samen?\nDOCK;JOU\n")
    assert run("survey", "peiling.csv", "-o", "peiling.csv", "--force")[0] == 2
    assert (tmp_path / "a" / "actoren.csv").read_text() == CSV_ACTORS
    assert (tmp_path / "peiling.csv").read_text().startswith("Organisatie")


def test_check_not_input_skips_names_that_are_no_path(tmp_path: Path) -> None:
    check_not_input(tmp_path / "rapport", ["utrecht-oost", ""])
    with pytest.raises(OutputError) as info:
        check_not_input(tmp_path, [csv_input(tmp_path / "x") / "actoren.csv"])
    assert info.value.problems[0].code == "problem.output_holds_input"


def test_an_empty_format_list_is_an_error_and_keeps_the_report(tmp_path: Path) -> None:
    data = csv_input(tmp_path / "data")
    out = tmp_path / "rapport"
    assert run("analyse", str(data), "-o", str(out), "--format", "json")[0] == 0
    for formats in (",", " , ", ""):
        result = CliRunner().invoke(cli, ["analyse", str(data), "-o", str(out),
                                          "--format", formats])
        assert result.exit_code == 2
        assert ("Fout: Ongeldige waarde voor '--format': noem er minstens één van html, md, "
                "map, xlsx, json") in result.output
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "analysis.json"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_exchange_swaps_two_folders_atomically(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x").write_text("a")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x").write_text("b")
    assert exchange(tmp_path / "a", tmp_path / "b") is True
    assert (tmp_path / "a" / "x").read_text() == "b"
    assert (tmp_path / "b" / "x").read_text() == "a"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_the_swap_never_leaves_no_report_at_its_path(tmp_path: Path, monkeypatch) -> None:
    """With the exchange, no rename happens that a kill could cut in half."""
    import wijkgraph._files as files

    out = tmp_path / "rapport"
    with output_folder(out) as tmp:
        atomic_write(tmp / "old.json", "1")

    def killed(*args: object) -> None:
        raise KeyboardInterrupt("killed between two renames")

    with output_folder(out) as tmp:
        atomic_write(tmp / "new.json", "2")
        monkeypatch.setattr(files.os, "replace", killed)
    monkeypatch.undo()
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "new.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport"]


def test_without_the_exchange_the_two_renames_are_used(tmp_path: Path, monkeypatch) -> None:
    import wijkgraph._files as files

    monkeypatch.setattr(files, "exchange", lambda a, b: False)
    out = tmp_path / "rapport"
    for name in ("old.json", "new.json"):
        with output_folder(out) as tmp:
            atomic_write(tmp / name, "1")
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "new.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport"]


SWAP_LOOP = """
import sys
from pathlib import Path
from wijkgraph._files import atomic_write, output_folder
out = Path(sys.argv[1])
print("ready", flush=True)
n = 0
while True:
    n += 1
    with output_folder(out) as tmp:
        atomic_write(tmp / "analysis.json", str(n))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_a_kill_at_any_moment_leaves_a_complete_report_at_its_path(tmp_path: Path) -> None:
    """SIGKILL a process that swaps report folders in a loop: the path is never empty."""
    import signal
    import time

    out = tmp_path / "rapport"
    with output_folder(out) as tmp:
        atomic_write(tmp / "analysis.json", "0")
    for k in range(8):
        child = subprocess.Popen([sys.executable, "-c", SWAP_LOOP, str(out)],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
        time.sleep(0.02 + 0.03 * k)
        child.send_signal(signal.SIGKILL)
        child.wait()
        # no recover() here: the report must be at its path right after the kill
        assert (out / MARKER).is_file() and (out / "analysis.json").read_text().isdigit()
    recover(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport"]
