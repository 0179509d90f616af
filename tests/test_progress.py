"""The progress display (issue 16): step k of n, stage, elapsed; on stderr only.

Checked against hand-written expected lines (a fixed clock), the stages `analyse`
reports, the command line through click's runner (stderr is no terminal there: plain
lines) and through a pseudo-terminal (one line redrawn in place).
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from wijkgraph._progress import ANALYSIS_STAGES, Progress, progress_for
from wijkgraph.cli import cli
from wijkgraph.i18n import translator


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _clock(*times: float):  # noqa: ANN202
    return iter(times).__next__


def test_plain_lines_name_step_stage_and_time() -> None:
    out = io.StringIO()
    p = Progress(translator("nl"), total=2, stream=out, tty=False,
                 clock=_clock(10.0, 10.0, 13.25))
    p.stage("reading")
    p.stage("missing_links")
    p.close()
    assert out.getvalue() == ("Stap 1 van 2: invoer lezen (0,0 s)\n"
                              "Stap 2 van 2: ontbrekende verbindingen (3,2 s)\n")


def test_more_steps_than_expected_raise_the_total() -> None:
    out = io.StringIO()
    p = Progress(translator("en"), total=1, stream=out, tty=False, clock=_clock(0, 0, 1))
    p.step("a")
    p.step("b")
    assert out.getvalue().splitlines()[-1] == "Step 2 of 2: b (1.0 s)"


def test_a_terminal_gets_one_line_redrawn_in_place() -> None:
    out = _Terminal()
    p = Progress(translator("en"), total=4, stream=out, tty=True, clock=_clock(0, 0, 1, 2))
    p._start_ticker = lambda: None  # type: ignore[method-assign]  # no clock thread here
    p.step("reading the input")
    p.step("key figures")
    p.clear()
    p.step("map.html written")
    p.close()
    text = out.getvalue()
    assert "\n" not in text[:-1] and text.endswith("\n")  # one line, ended once
    first = "[#####---------------] Step 1 of 4: reading the input (0.0 s)"
    second = "[##########----------] Step 2 of 4: key figures (1.0 s)"
    assert text.startswith("\r" + first)
    assert "\r" + second + " " * (len(first) - len(second)) in text  # the longer line wiped
    assert "\r" + " " * len(second) + "\r" in text  # cleared before other output
    assert "\r[###############-----] Step 3 of 4: map.html written (2.0 s)\n" in text


def test_undecided_steps_wait_for_the_size_of_the_run() -> None:
    t = translator("en")
    shown, silent = io.StringIO(), io.StringIO()
    for stream, show in ((shown, True), (silent, False)):
        p = progress_for(t, stream=stream, analysis=False, outputs=3)
        assert p is not None and p.shown is None
        p.stage("reading")
        assert stream.getvalue() == ""
        p.decide(show)
        p.stage("themes")
        p.close()
    assert [line.split(" (")[0] for line in shown.getvalue().splitlines()] == [
        "Step 1 of 3: reading the input", "Step 2 of 3: themes"]
    assert silent.getvalue() == ""


def test_the_stage_list_is_what_analyse_reports() -> None:
    from wijkgraph.analysis.run import analyse
    from wijkgraph.sources.bundled import load_dataset

    seen: list[str] = []
    analyse(load_dataset("driehoek"), progress=seen.append)
    assert seen == list(ANALYSIS_STAGES)


def _steps(text: str) -> list[str]:
    return re.findall(r"Step (\d+) of (\d+): ([^(]+) \(", text)


def test_cli_verbose_shows_every_stage_and_writer_never_in_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["analyse", "driehoek", "-o", str(out), "-v",
                                      "--lang", "en", "--format", "json,md"])
    assert result.exit_code == 0, result.output
    steps = _steps(result.stderr)
    n = len(ANALYSIS_STAGES) + 3  # reading, the stages, two outputs
    assert [int(k) for k, _n, _s in steps] == list(range(1, len(steps) + 1))
    assert steps[0][2] == "reading the input" and steps[1][2] == "the network as a whole"
    assert {s for _k, _n, s in steps[-2:]} == {"analysis.json written", "report.md written"}
    assert len(steps) == n and {int(m) for _k, m, _s in steps} == {n}
    assert "Step " not in result.stdout
    for path in out.iterdir():
        assert b"Step 1 of" not in path.read_bytes()


def test_cli_quiet_and_small_runs_show_no_progress(tmp_path: Path) -> None:
    quiet = CliRunner().invoke(cli, ["analyse", "driehoek", "-o", str(tmp_path / "q"), "-q",
                                     "-v", "--lang", "en"])
    assert quiet.exit_code == 0 and quiet.output == ""
    small = CliRunner().invoke(cli, ["analyse", "driehoek", "-o", str(tmp_path / "s"),
                                     "--lang", "en"])
    assert small.exit_code == 0 and "Step " not in small.output


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_cli_in_a_terminal_redraws_one_line(tmp_path: Path) -> None:
    parent, child = os.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "wijkgraph", "analyse", "driehoek", "-o",
             str(tmp_path / "out"), "-v", "--lang", "en", "--format", "json"],
            stdout=subprocess.PIPE, stderr=child, timeout=120, check=False)
        os.close(child)
        child = -1
        chunks = []
        while True:
            try:
                data = os.read(parent, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
    finally:
        if child >= 0:
            os.close(child)
        os.close(parent)
    assert proc.returncode == 0
    text = b"".join(chunks).decode()
    assert "\r[" in text and "] Step 1 of " in text and "analysis.json written" in text
    assert text.rstrip("\r\n").count("\n") == 0  # one line, redrawn
    assert b"Step" not in proc.stdout
