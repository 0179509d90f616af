"""wijkgraph: stakeholder networks of Dutch neighbourhoods, their key figures and gaps.

>>> import wijkgraph
>>> net = wijkgraph.load_dataset("utrecht-oost")
>>> result = wijkgraph.analyse(net)
>>> result.network.n_actors == net.n_actors
True
"""

from importlib.metadata import PackageNotFoundError, version

from wijkgraph.analyse import Analysis, analyse
from wijkgraph.datasets import list_datasets, load_dataset, synthetic
from wijkgraph.errors import (
    InputError,
    OutputError,
    Problem,
    UnknownActorError,
    UnknownDatasetError,
    ValidationError,
    WijkgraphError,
)
from wijkgraph.load import load
from wijkgraph.network import WijkNetwork, build_network
from wijkgraph.privacy import pseudonymise
from wijkgraph.render.report import render_report
from wijkgraph.tables import Tables, load_tables, tables_from_frames

try:
    __version__ = version("wijkgraph")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0.0.0"

__all__ = [
    "Analysis",
    "InputError",
    "OutputError",
    "Problem",
    "Tables",
    "UnknownActorError",
    "UnknownDatasetError",
    "ValidationError",
    "WijkNetwork",
    "WijkgraphError",
    "__version__",
    "analyse",
    "build_network",
    "list_datasets",
    "load",
    "load_dataset",
    "load_tables",
    "pseudonymise",
    "render_report",
    "synthetic",
    "tables_from_frames",
]
