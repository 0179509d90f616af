"""Rebuild every bundled dataset: ``python datasets/_build/build.py``.

The output is deterministic; the committed CSV files are exactly what this prints.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import driehoek  # noqa: E402
import groz  # noqa: E402
import overvecht_noord  # noqa: E402
import utrecht_oost  # noqa: E402

BUILDERS = [utrecht_oost, overvecht_noord, driehoek, groz]


def main() -> None:
    for module in BUILDERS:
        counts = module.build()
        print(module.NAME, counts)


if __name__ == "__main__":
    main()
