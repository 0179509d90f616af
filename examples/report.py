"""Reproduce the meeting report of Utrecht Oost with the library, in a few calls.

The same as ``wijkgraph analyse utrecht-oost -o FOLDER``: load the bundled dataset,
analyse it, and write report.html, report.md, map.html, tables.xlsx and analysis.json.

Run::

    python examples/report.py [FOLDER] [--lang en] [--pseudonymise]

Without FOLDER the files go to a new temporary folder (never into the current one).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import wijkgraph
from wijkgraph.render.outputs import write_outputs
from wijkgraph.render.report import key_findings


def make_report(folder: Path | None = None, *, lang: str = "nl",
                pseudonymise: bool = False) -> list[Path]:
    """Analyse utrecht-oost and write every output into `folder`; return the paths."""
    network = wijkgraph.load_dataset("utrecht-oost")
    if pseudonymise:
        network = wijkgraph.pseudonymise(network)
    result = wijkgraph.analyse(network, seed=0)
    folder = folder or Path(tempfile.mkdtemp(prefix="wijkgraph-")) / "rapport"
    written = write_outputs(network, result, folder, lang=lang)
    for finding in key_findings(network, result, lang, n=3):
        print(f"- {finding.head}: {finding.text}")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=None)
    parser.add_argument("--lang", choices=["nl", "en"], default="nl")
    parser.add_argument("--pseudonymise", action="store_true")
    args = parser.parse_args()
    written = make_report(args.folder, lang=args.lang, pseudonymise=args.pseudonymise)
    print("\n".join(str(p) for p in written))


if __name__ == "__main__":
    main()
