"""Write the golden reports that tests/golden/test_golden.py compares with.

Run it from the project root when a report changes on purpose, then review the diff:

    python tests/golden/update.py
    git diff tests/golden

``--out DIR`` writes elsewhere (a preview; nothing tracked changes).
"""

from __future__ import annotations

import argparse
import sys
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

DATASET = "driehoek"
LANGS = ("nl", "en")
VERSION_MARK = "wijkgraph VERSION"
SOURCE_DATE_EPOCH = "1780000000"  # 2026-05-28: the date the golden reports show


def golden_path(lang: str, folder: Path = HERE) -> Path:
    """Where the golden report of `lang` lives: ``tests/golden/driehoek-nl.md``."""
    return folder / f"{DATASET}-{lang}.md"


def normalise(text: str) -> str:
    """The report with the version it was made with replaced by a mark.

    >>> from wijkgraph._version import __version__
    >>> normalise(f"Made with wijkgraph {__version__} · seed 0")
    'Made with wijkgraph VERSION · seed 0'
    """
    from wijkgraph._version import __version__

    return text.replace(f"wijkgraph {__version__}", VERSION_MARK)


@cache
def _analysed() -> tuple[Any, Any]:
    import os

    from wijkgraph.analysis.run import analyse
    from wijkgraph.sources.bundled import load_dataset

    net = load_dataset(DATASET)
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH  # the report's date: fixed
    try:
        return net, analyse(net)
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def render(lang: str) -> str:
    """The Markdown report of the dataset in `lang`, normalised (what the golden file holds)."""
    from wijkgraph.render.report import render_report

    net, analysis = _analysed()
    return normalise(render_report(net, analysis, lang=lang, fmt="md"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE,
                        help="folder to write to (default: tests/golden)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        path = golden_path(lang, args.out)
        old = path.read_text(encoding="utf-8") if path.exists() else None
        new = render(lang)
        path.write_text(new, encoding="utf-8", newline="\n")
        state = "new" if old is None else ("unchanged" if old == new else "changed")
        print(f"{path}: {state}")
    if args.out == HERE:
        print("Review the changes: git diff tests/golden")
    return 0


if __name__ == "__main__":
    sys.exit(main())
