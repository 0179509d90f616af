"""wijkgraph: stakeholder networks of Dutch neighbourhoods, their key figures and gaps.

>>> import wijkgraph
>>> net = wijkgraph.load_dataset("utrecht-oost")
>>> result = wijkgraph.analyse(net)
>>> result.network.n_actors == net.n_actors
True
"""

from importlib.metadata import PackageNotFoundError, version

from wijkgraph.analyse import Analysis, analyse
from wijkgraph.compare import Comparison, compare, split_waves
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
from wijkgraph.io.exchange import write_network
from wijkgraph.io.survey import SurveyImport, import_survey, missed_by_respondents
from wijkgraph.load import load
from wijkgraph.network import WijkNetwork, build_network
from wijkgraph.privacy import pseudonymise
from wijkgraph.render.map import MapDocument, render_map
from wijkgraph.render.report import render_report
from wijkgraph.tables import Tables, load_tables, tables_from_frames

try:
    __version__ = version("wijkgraph")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0.0.0"

__all__ = [
    "Analysis",
    "Comparison",
    "InputError",
    "MapDocument",
    "OutputError",
    "Problem",
    "SurveyImport",
    "Tables",
    "UnknownActorError",
    "UnknownDatasetError",
    "ValidationError",
    "WijkNetwork",
    "WijkgraphError",
    "__version__",
    "analyse",
    "build_network",
    "compare",
    "import_survey",
    "list_datasets",
    "load",
    "load_dataset",
    "load_tables",
    "missed_by_respondents",
    "pseudonymise",
    "render_map",
    "render_report",
    "split_waves",
    "synthetic",
    "tables_from_frames",
    "write_network",
]
