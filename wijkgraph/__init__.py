"""wijkgraph: stakeholder networks of Dutch neighbourhoods, their key figures and gaps.

The face is lazy: ``import wijkgraph`` loads nothing heavy; each public name is imported
from its module on first use (`_PUBLIC` says which).

>>> import wijkgraph
>>> net = wijkgraph.load_dataset("utrecht-oost")
>>> result = wijkgraph.analyse(net)
>>> result.overview.n_actors == net.n_actors
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# public name -> module that defines it (``__version__`` too: reading the package metadata
# costs a few hundredths of a second that `wijkgraph --help` and `validate` need not pay)
_PUBLIC: dict[str, str] = {
    "__version__": "wijkgraph._version",
    "Analysis": "wijkgraph.analysis.run",
    "analyse": "wijkgraph.analysis.run",
    "Comparison": "wijkgraph.analysis.compare",
    "compare": "wijkgraph.analysis.compare",
    "split_waves": "wijkgraph.analysis.compare",
    "list_datasets": "wijkgraph.sources.bundled",
    "load_dataset": "wijkgraph.sources.bundled",
    "synthetic": "wijkgraph.sources.bundled",
    "load": "wijkgraph.sources.loading",
    "apply_corrections": "wijkgraph.sources.corrections",
    "InputError": "wijkgraph.errors",
    "OutputError": "wijkgraph.errors",
    "Problem": "wijkgraph.errors",
    "UnknownActorError": "wijkgraph.errors",
    "UnknownDatasetError": "wijkgraph.errors",
    "ValidationError": "wijkgraph.errors",
    "WijkgraphError": "wijkgraph.errors",
    "write_network": "wijkgraph.io",
    "SurveyImport": "wijkgraph.io.survey",
    "import_survey": "wijkgraph.io.survey",
    "missed_by_respondents": "wijkgraph.io.survey",
    "WijkNetwork": "wijkgraph.model.network",
    "build_network": "wijkgraph.model.network",
    "pseudonymise": "wijkgraph.model.privacy",
    "Tables": "wijkgraph.model.tables",
    "load_tables": "wijkgraph.io",
    "tables_from_frames": "wijkgraph.model.tables",
    "MapDocument": "wijkgraph.render.map",
    "render_map": "wijkgraph.render.map",
    "render_report": "wijkgraph.render.report",
    "to_pyvis": "wijkgraph.render.pyvis_network",
    "pyvis_page": "wijkgraph.render.pyvis_network",
    "pyvis_html": "wijkgraph.render.pyvis_network",
    "export_gexf": "wijkgraph.render.look",
}

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
    "apply_corrections",
    "build_network",
    "compare",
    "export_gexf",
    "import_survey",
    "list_datasets",
    "load",
    "load_dataset",
    "load_tables",
    "missed_by_respondents",
    "pseudonymise",
    "pyvis_html",
    "pyvis_page",
    "render_map",
    "render_report",
    "split_waves",
    "synthetic",
    "tables_from_frames",
    "to_pyvis",
    "write_network",
]


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'wijkgraph' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC))


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from wijkgraph._version import __version__
    from wijkgraph.analysis.compare import Comparison, compare, split_waves
    from wijkgraph.analysis.run import Analysis, analyse
    from wijkgraph.errors import (
        InputError,
        OutputError,
        Problem,
        UnknownActorError,
        UnknownDatasetError,
        ValidationError,
        WijkgraphError,
    )
    from wijkgraph.io import load_tables, write_network
    from wijkgraph.io.survey import SurveyImport, import_survey, missed_by_respondents
    from wijkgraph.model.network import WijkNetwork, build_network
    from wijkgraph.model.privacy import pseudonymise
    from wijkgraph.model.tables import Tables, tables_from_frames
    from wijkgraph.render.look import export_gexf
    from wijkgraph.render.map import MapDocument, render_map
    from wijkgraph.render.pyvis_network import pyvis_html, pyvis_page, to_pyvis
    from wijkgraph.render.report import render_report
    from wijkgraph.sources.bundled import list_datasets, load_dataset, synthetic
    from wijkgraph.sources.corrections import apply_corrections
    from wijkgraph.sources.loading import load
