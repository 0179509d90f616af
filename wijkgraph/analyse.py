"""`analyse(network)`: every analysis of a wijk network in one call (what the CLI runs).

Examples
--------
>>> from wijkgraph.datasets import load_dataset
>>> result = analyse(load_dataset("driehoek"))
>>> result.network.n_actors == load_dataset("driehoek").n_actors
True
>>> "network" in result.to_dict()
True
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from wijkgraph.analysis._result import jsonable
from wijkgraph.analysis.brokerage import brokerage
from wijkgraph.analysis.communities import communities
from wijkgraph.analysis.domains import domain_mixing
from wijkgraph.analysis.keyfigures import key_figures
from wijkgraph.analysis.meetings import meetings
from wijkgraph.analysis.missing_links import missing_links
from wijkgraph.analysis.missing_parties import missing_parties
from wijkgraph.analysis.resilience import resilience
from wijkgraph.analysis.respondents import respondents_agreement
from wijkgraph.analysis.roles import recognise_roles
from wijkgraph.analysis.summary import NetworkSummary, summarise
from wijkgraph.analysis.themes import themes
from wijkgraph.analysis.triads import triads
from wijkgraph.network import WijkNetwork
from wijkgraph.reference import load_reference

SCHEMA_VERSION = 1
PRETTY_JSON_MAX_ACTORS = 2000  # above this, analysis.json is written compact
Progress = Callable[[str], None]


@dataclass(frozen=True)
class Analysis:
    """All results of `analyse`, by section name (also reachable as attributes)."""

    network_summary: NetworkSummary
    sections: Mapping[str, Any] = field(default_factory=dict)
    meta: Mapping[str, Any] = field(default_factory=dict)
    warnings: tuple = ()

    @property
    def network(self) -> NetworkSummary:
        return self.network_summary

    def __getattr__(self, name: str) -> Any:
        sections = self.__dict__.get("sections", {})
        if name in sections:
            return sections[name]
        raise AttributeError(name)

    def __contains__(self, name: str) -> bool:
        return name == "network" or name in self.sections

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        """The content of ``analysis.json`` (schema: docs/analysis-json.md)."""
        from wijkgraph import __version__

        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "wijkgraph_version": __version__,
            "meta": jsonable(dict(self.meta)),
            "network": self.network_summary.to_dict(),
        }
        for name, result in self.sections.items():
            out[name] = result.to_dict()
        out["warnings"] = [p.to_dict(lang) for p in self.warnings]
        return out

    def to_json(self, lang: str = "nl") -> str:
        """`to_dict` as stable, pretty JSON text (sorted keys, UTF-8)."""
        data = self.to_dict(lang)
        if self.network_summary.n_actors > PRETTY_JSON_MAX_ACTORS:
            # Python's encoder is slow with indent; big files are for machines anyway.
            return json.dumps(data, ensure_ascii=False, sort_keys=True,
                              separators=(",", ":")) + "\n"
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def analyse(
    network: WijkNetwork,
    *,
    reference: str = "utrecht-basis",
    seed: int = 0,
    top: int = 10,
    progress: Progress | None = None,
) -> Analysis:
    """Run every analysis on `network` and gather the results.

    Parameters
    ----------
    network : WijkNetwork
    reference : str
        Name of a bundled reference model or path to a YAML file (missing parties).
    seed : int
        Seed for everything random (communities, sampling, layouts).
    top : int
        How many key figures and suggested links to report.
    progress : callable, optional
        Called with the name of each stage as it starts (the CLI shows it).
    """
    def step(name: str) -> None:
        if progress is not None:
            progress(name)

    step("network")
    summary = summarise(network)
    sections: dict[str, Any] = {}
    # Sections are added below in dependency order; each is a pure function of the network
    # (and of earlier sections where stated).
    step("missing_parties")  # first: the terminal and report open with who is missing
    ref = load_reference(reference)
    roles_result = recognise_roles(network, reference=ref)
    sections["missing_parties"] = missing_parties(network, reference=ref, roles=roles_result)
    if network.meta.get("missed_by_respondents"):
        # a survey import: set the respondents' own "who is missing" beside it
        sections["respondents"] = respondents_agreement(network, sections["missing_parties"],
                                                        reference=ref)
    step("key_figures")  # key figures use the domain and resilience results
    domains_result = domain_mixing(network)
    resilience_result = resilience(network, seed=seed)
    sections["key_figures"] = key_figures(network, seed=seed, top=top, domains=domains_result,
                                          resilience_result=resilience_result)
    step("domains")
    sections["domains"] = domains_result
    step("brokerage")
    sections["brokerage"] = brokerage(network)
    step("communities")
    sections["communities"] = communities(network, seed=seed)
    step("resilience")
    sections["resilience"] = resilience_result
    step("missing_links")
    sections["roles"] = roles_result
    sections["triads"] = triads(network, reference=ref, roles=roles_result)
    sections["missing_links"] = missing_links(network, reference=ref, roles=roles_result,
                                              triad_result=sections["triads"], top=top,
                                              seed=seed)
    step("themes")
    sections["themes"] = themes(network, reference=ref, roles=roles_result)
    step("meetings")
    sections["meetings"] = meetings(network)
    # <sections>
    meta = {
        "name": network.meta.get("name", ""),
        "title_nl": network.meta.get("title_nl", ""),
        "title_en": network.meta.get("title_en", ""),
        "source": network.meta.get("source", ""),
        "wijk": network.meta.get("wijk", ""),
        "seed": seed,
        "top": top,
        "reference": reference,
    }
    return Analysis(summary, sections, meta, tuple(network.warnings))
