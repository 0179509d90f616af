"""The examples run: the script and the notebook (nbclient if installed, else cell by cell)."""

from __future__ import annotations

import json
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_report_script(tmp_path):
    out = tmp_path / "rapport"
    proc = subprocess.run([sys.executable, str(EXAMPLES / "report.py"), str(out)],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    names = {p.name for p in out.iterdir()}
    assert {"report.html", "report.md", "tables.xlsx", "analysis.json"} <= names
    assert str(out / "report.html") in proc.stdout
    assert proc.stdout.startswith("- ")  # the three findings first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport"]  # nothing in the cwd


def test_report_script_as_module(tmp_path, capsys):
    namespace = runpy.run_path(str(EXAMPLES / "report.py"))
    written = namespace["make_report"](tmp_path / "r", lang="en", pseudonymise=True)
    assert any(p.name == "report.html" for p in written)
    html = (tmp_path / "r" / "report.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Pseudonymised" in html


def test_notebook_runs(tmp_path, monkeypatch):
    path = EXAMPLES / "report.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4
    monkeypatch.chdir(tmp_path)
    try:
        import nbclient
        import nbformat
    except ImportError:
        namespace: dict = {"__name__": "__notebook__"}
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                exec(compile("".join(cell["source"]), f"{path.name}:{cell['id']}", "exec"),
                     namespace)
        assert namespace["html"].startswith("<!DOCTYPE html>")
        assert {p.name for p in namespace["written"]} >= {"report.html", "tables.xlsx"}
    else:  # pragma: no cover - only where Jupyter is installed
        notebook = nbformat.read(path, as_version=4)
        nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3").execute()
    assert list(tmp_path.iterdir()) == []  # the notebook writes nothing next to itself


@pytest.mark.parametrize("name", ["guide-nl.md", "guide-en.md"])
def test_guides_show_existing_screenshots(name):
    import re

    text = (EXAMPLES.parent / "docs" / name).read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(images) >= 5
    for image in images:
        assert (EXAMPLES.parent / "docs" / image).is_file(), image
