"""One entry point to read any input: a bundled dataset name, a workbook or a folder.

Examples
--------
>>> net = load("driehoek")
>>> net.meta["dataset"]
'driehoek'
"""

from __future__ import annotations

from pathlib import Path

from wijkgraph.errors import InputError, Problem
from wijkgraph.model.network import WijkNetwork, build_network
from wijkgraph.model.tables import load_tables
from wijkgraph.sources.bundled import dataset_names, load_dataset

# Readers for other formats (Kumu, GEXF, GraphML, JSON) register here: suffix -> function.
READERS: dict[str, object] = {}

from wijkgraph.io.exchange import READERS as _EXCHANGE_READERS  # noqa: E402

READERS.update(_EXCHANGE_READERS)  # .gexf, .graphml, .json (node-link or Kumu blueprint)


def load(source: str | Path, *, meeting_ties: bool = False) -> WijkNetwork:
    """Read `source` and return its validated `WijkNetwork`.

    `source` is the name of a bundled dataset, an .xlsx workbook, a folder of CSV files,
    or a file in a format registered in `READERS`.

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
    reader = READERS.get(path.suffix.lower()) if path.is_file() else None
    if reader is None:  # Kumu workbook, survey workbook, Gephi nodes/edges folder
        from wijkgraph.io.exchange import special_reader

        reader = special_reader(path)
    if reader is not None:
        return reader(path)  # type: ignore[operator]
    tables = load_tables(path)
    return build_network(tables, meeting_ties=meeting_ties,
                         meta={"name": path.stem, "title_nl": path.stem, "title_en": path.stem,
                               "source": str(path)})
