"""One entry point to read any input: a bundled dataset name, or a file or folder.

Files and folders are read by `wijkgraph.io.read` (which chooses the format); a name
that is no path but a bundled dataset is read by `wijkgraph.sources.bundled`.

Examples
--------
>>> net = load("driehoek")
>>> net.meta["dataset"]
'driehoek'
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from wijkgraph.errors import InputError, Problem
from wijkgraph.io import identify
from wijkgraph.model._memory import without_gc
from wijkgraph.model.network import WijkNetwork
from wijkgraph.sources.bundled import dataset_names, load_dataset


@without_gc
def load(source: str | Path, *, meeting_ties: bool = False) -> WijkNetwork:
    """Read `source` and return its validated `WijkNetwork`.

    `source` is the name of a bundled dataset, an .xlsx workbook, a folder of CSV files,
    or a file or folder in any format of `wijkgraph.io.FORMATS` (Kumu, GEXF, GraphML,
    JSON, Gephi, a survey workbook).

    Raises
    ------
    ValidationError
        With every problem found in the input.
    InputError
        When `source` does not exist or cannot be read.
    """
    text = str(source)
    path = Path(text)
    if not path.exists() and text in dataset_names():
        return load_dataset(text, meeting_ties=meeting_ties)
    if not path.exists():
        raise InputError(Problem("problem.file_missing", params={"path": text}))
    try:
        fmt = identify(path)
    except InputError as exc:
        if exc.problem.code != "problem.unsupported_input":
            raise
        # io does not know the bundled datasets; the message names them
        raise InputError(replace(exc.problem, params={
            **exc.problem.params, "datasets": ", ".join(dataset_names()) or "-"})) from exc
    return fmt.read(path, meeting_ties=meeting_ties)
