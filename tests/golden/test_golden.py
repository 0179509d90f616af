"""The Markdown report of the driehoek dataset is byte for byte the reviewed golden report.

A difference is either a slip (fix the code) or a change made on purpose: then run
``python tests/golden/update.py`` and review ``git diff tests/golden`` before committing.
"""

from __future__ import annotations

import difflib

import pytest

from tests.golden.update import DATASET, LANGS, golden_path, render

HOW_TO_UPDATE = ("If the change is on purpose, run `python tests/golden/update.py` and "
                 "review `git diff tests/golden` before committing.")


@pytest.mark.parametrize("lang", LANGS)
def test_report_is_the_golden_report(lang: str) -> None:
    path = golden_path(lang)
    if not path.exists():
        pytest.fail(f"golden report {path.name} is missing. Make it with "
                    "`python tests/golden/update.py`, review it, and commit it.", pytrace=False)
    expected = path.read_bytes().decode("utf-8")
    actual = render(lang)
    if actual.encode("utf-8") != path.read_bytes():
        diff = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                         f"golden/{path.name}", "now", lineterm="", n=1))
        shown = "\n".join(diff[:80]) + ("\n…" if len(diff) > 80 else "")
        pytest.fail(f"the {lang} report of {DATASET} differs from {path.name}:\n{shown}\n"
                    + HOW_TO_UPDATE, pytrace=False)
