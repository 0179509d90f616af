"""Files <-> model: one module per format, and the one table that chooses among them.

=============  ==========================  =================================================
format         file                        module and notes
=============  ==========================  =================================================
``xlsx``       ``*.xlsx``                  `workbook`: wijkgraph workbook (actoren,
                                           relaties, overleggen, deelnames)
``kumu``       ``*.xlsx`` (Elements,       `kumu`: Kumu import workbook; meetings in a sheet
               Connections)                Kumu ignores ("Overleggen (ignore)")
``kumu-json``  ``*.json`` (elements)       `kumu`: Kumu blueprint (elements / connections)
``gexf``       ``*.gexf``                  `gexf`: GEXF 1.3 (Gephi, Gephi Lite); mixed edges
``graphml``    ``*.graphml``               `graphml`: GraphML (yEd, Cytoscape, Gephi);
                                           per-edge ``directed``
``json``       ``*.json``                  `nodelink`: networkx node-link JSON
``gephi``      folder                      `gephi`: ``nodes.csv`` (Id, Label) + ``edges.csv``
                                           (Source, Target, Type, Weight)
``survey``     ``*.xlsx`` (gemist)         `survey`: a workbook ``wijkgraph survey`` wrote;
                                           read only
``csv``        folder                      `csvdir`: actors.csv, relations.csv, ...; read only
=============  ==========================  =================================================

`FORMATS` lists them once; `identify` (which format is this file?), `read`, `write`,
`guess_format` and `load_tables` are the only places that choose a reader or a writer.
Every reader cleans cells the same way (`wijkgraph.io._cells`) and builds raw tables that
`wijkgraph.model.tables.validate` checks, so problems name file, sheet or element list,
row and column. Every network can be written to every format with a writer; a round trip
keeps actors, relations, their attributes and meeting participation. Several values in
one attribute are joined with ``;`` in the XML and CSV formats and with ``|`` in Kumu
workbooks; the private ``contact`` column is only written with ``include_private=True``.

Examples
--------
>>> import tempfile, pathlib
>>> from wijkgraph.sources.bundled import load_dataset
>>> net = load_dataset("utrecht-oost")
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> for name in ("net.gexf", "net.graphml", "net.json", "net.kumu.xlsx"):
...     back = read(write(net, folder / name))
...     assert back.n_actors == net.n_actors and back.n_relations == net.n_relations
>>> identify(folder / "net.kumu.xlsx").name, back.graph.nodes["dock-oost"]["domain"]
('kumu', 'welzijn')
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wijkgraph.errors import InputError, OutputError, Problem
from wijkgraph.io import csvdir, gephi, gexf, graphml, kumu, nodelink, survey, workbook
from wijkgraph.io._cells import CSV_SUFFIXES, WORKBOOK_SUFFIXES, check_regular
from wijkgraph.io._format import Format
from wijkgraph.model._memory import without_gc

if TYPE_CHECKING:  # pragma: no cover
    from wijkgraph.model.network import WijkNetwork
    from wijkgraph.model.tables import RawTable, Tables

__all__ = ["FORMATS", "Format", "guess_format", "identify", "load_tables", "read",
           "read_raw_tables", "write", "write_network"]

FORMATS: tuple[Format, ...] = (
    workbook.FORMAT,
    kumu.FORMAT,
    kumu.JSON_FORMAT,
    gexf.FORMAT,
    graphml.FORMAT,
    nodelink.FORMAT,
    gephi.FORMAT,
    survey.FORMAT,
    csvdir.FORMAT,
)
"""Every format, writable ones in the order ``--to`` lists them."""

# Formats that take any file (or folder) of their kind are asked after the ones that
# look at the content: a workbook is Kumu's when it has Elements and Connections, a
# survey's when it has 'gemist', else ours; a folder is Gephi's when it has nodes.csv
# and edges.csv; a .json is a Kumu blueprint when it has 'elements'.
_SPECIFIC = (kumu.FORMAT, kumu.JSON_FORMAT, gephi.FORMAT, survey.FORMAT)
_SNIFF_ORDER: tuple[Format, ...] = _SPECIFIC + tuple(f for f in FORMATS if f not in _SPECIFIC)


def _writable() -> dict[str, Format]:
    return {f.name: f for f in FORMATS if f.write is not None}


def identify(path: str | Path) -> Format:
    """The format of the existing file or folder `path`.

    Raises
    ------
    InputError
        When `path` does not exist, is a single CSV file (give its folder), or is in no
        format wijkgraph reads.

    Examples
    --------
    >>> from wijkgraph.sources.bundled import dataset_path
    >>> identify(dataset_path("driehoek")).name
    'csv'
    """
    path = Path(path)
    if not path.exists():
        raise InputError(Problem("problem.file_missing", params={"path": str(path)}))
    check_regular(path)  # a named pipe would make a sniffer wait for ever
    for fmt in _SNIFF_ORDER:
        if fmt.sniff(path):
            return fmt
    raise _unreadable(path)


def _unreadable(path: Path) -> InputError:
    """Why `path` is no input: a single CSV file, or a kind of file wijkgraph does not read.

    The message of ``problem.unsupported_input`` lists the bundled datasets; io does not
    know them (`wijkgraph.sources.load` fills them in).
    """
    if path.suffix.lower() in CSV_SUFFIXES:
        return InputError(Problem("problem.single_csv", file=path.name,
                                  params={"path": str(path)}))
    return InputError(Problem("problem.unsupported_input", file=path.name,
                              params={"path": str(path), "datasets": "-"}))


def read(path: str | Path, *, meeting_ties: bool = False) -> WijkNetwork:
    """Read the file or folder `path` in whatever format it is (see `identify`).

    Raises
    ------
    ValidationError
        With every problem found in the input.
    InputError
        When `path` does not exist or cannot be read.
    """
    path = Path(path)
    return identify(path).read(path, meeting_ties=meeting_ties)


def read_raw_tables(path: str | Path) -> dict[str, RawTable]:
    """The raw tables of a wijkgraph workbook or CSV folder; ValidationError lists all problems.

    Problems that belong to no single table (a second file for the same table) and the
    warnings are on the actors table's `problems`, so that they reach `Tables.warnings`.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(Problem("problem.file_missing", params={"path": str(path)}))
    check_regular(path)
    if path.is_dir():
        return csvdir.read_raw_folder(path)
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return workbook.read_raw_workbook(path)
    raise _unreadable(path)


@without_gc
def load_tables(path: str | Path) -> Tables:
    """Read and validate a workbook or folder; raise ValidationError with all problems.

    Examples
    --------
    >>> from wijkgraph.sources.bundled import dataset_path
    >>> len(load_tables(dataset_path("driehoek")).actors) > 0
    True
    """
    from wijkgraph.model.tables import validate

    return validate(read_raw_tables(path), source=str(path))


def guess_format(path: str | Path) -> str:
    """The output format a file name asks for: by suffix, ``*.kumu.xlsx``/``*.kumu.json``
    for Kumu, a name without suffix for the Gephi folder.

    >>> [guess_format(p) for p in ("a.gexf", "b.kumu.xlsx", "c.json", "d.kumu.json", "e")]
    ['gexf', 'kumu', 'json', 'kumu-json', 'gephi']
    """
    path = Path(path)
    name = path.name.casefold()
    writable = _writable().values()
    for fmt in writable:  # names with two suffixes first: net.kumu.xlsx is Kumu's
        if any(s.count(".") > 1 and name.endswith(s) for s in fmt.suffixes):
            return fmt.name
    suffix = path.suffix.casefold()
    for fmt in writable:
        if suffix and suffix in fmt.suffixes:
            return fmt.name
    if not path.suffix:
        return next(f.name for f in writable if f.folder)
    raise OutputError(Problem("problem.exchange_no_format", params={
        "path": str(path), "suffixes": ", ".join(_plain_suffixes()),
        "known": ", ".join(_writable())}))


def _plain_suffixes() -> list[str]:
    return [s for f in _writable().values() for s in f.suffixes if s.count(".") == 1]


def write(network: WijkNetwork, path: str | Path, fmt: str | None = None, *,
          include_private: bool = False, force: bool = False) -> Path:
    """Write `network` to `path` in format `fmt` (default: from the file name).

    Raises `OutputError` for an unknown format, or when `path` exists and not `force`
    (a Gephi folder wijkgraph wrote itself may be replaced).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from wijkgraph.sources.bundled import load_dataset
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "net.graphml"
    >>> write(load_dataset("driehoek"), out).name
    'net.graphml'
    """
    path = Path(path)
    name = fmt or guess_format(path)
    chosen = _writable().get(name)
    if chosen is None or chosen.write is None:
        raise OutputError(Problem("problem.exchange_unknown_format", params={
            "format": name, "known": ", ".join(_writable())}))
    if chosen.folder:
        return chosen.write(network, path, include_private=include_private, force=force)
    if path.exists() and not force:
        raise OutputError(Problem("problem.output_exists", params={"path": str(path)}))
    if path.is_dir():
        raise OutputError(Problem("problem.output_is_file", params={"path": str(path)}))
    path.parent.mkdir(parents=True, exist_ok=True)
    return chosen.write(network, path, include_private=include_private, force=force)


def write_network(network: WijkNetwork, path: str | Path, *, to: str | None = None,
                  include_private: bool = False, force: bool = False) -> Path:
    """`write` under the name of the package face (``wijkgraph.write_network``), ``to=`` the format."""
    return write(network, path, to, include_private=include_private, force=force)
