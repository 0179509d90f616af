"""`analyse(network)`: every analysis of a wijk network in one call (what the CLI runs).

Examples
--------
>>> from wijkgraph.sources.bundled import load_dataset
>>> result = analyse(load_dataset("driehoek"))
>>> result.overview.n_actors == load_dataset("driehoek").n_actors
True
>>> "network" in result.to_dict() and result.section_names()[0]
'overview'
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import partial
from typing import Any, ClassVar

from wijkgraph._version import __version__
from wijkgraph.analysis._json_text import section_json_parts
from wijkgraph.analysis._result import DISPLAY_LANG, jsonable
from wijkgraph.analysis.brokerage import Brokerage, brokerage
from wijkgraph.analysis.centrality import prepare_centralities, start_centralities
from wijkgraph.analysis.cohesion import Cohesion, cohesion
from wijkgraph.analysis.communities import Communities, communities
from wijkgraph.analysis.domains import DomainMixing, domain_mixing
from wijkgraph.analysis.keyfigures import KeyFigures, key_figures
from wijkgraph.analysis.meetings import Meetings, meetings
from wijkgraph.analysis.missing_links import MissingLinks, missing_links
from wijkgraph.analysis.missing_parties import MissingParties, missing_parties
from wijkgraph.analysis.overview import NetworkSummary, summarise
from wijkgraph.analysis.reference_choice import choose_reference, is_auto
from wijkgraph.analysis.resilience import Resilience, curves_to_start, resilience
from wijkgraph.analysis.respondents import RespondentsAgreement, respondents_agreement
from wijkgraph.analysis.roles import RoleAssignment, recognise_roles
from wijkgraph.analysis.structural_holes import structural_holes
from wijkgraph.analysis.themes import Themes, themes
from wijkgraph.analysis.triads import Triads, triads
from wijkgraph.errors import Problem
from wijkgraph.model.info import document_info
from wijkgraph.model.network import WijkNetwork
from wijkgraph.reference import load_reference

SCHEMA_VERSION = 2  # 2: every text in the run's language, no _nl/_en twins
PRETTY_JSON_MAX_ACTORS = 2000  # above this, analysis.json is written compact
Progress = Callable[[str], None]


@dataclass(frozen=True)
class Analysis:
    """Every result of `analyse`: one typed field per section, in report order.

    `sections` yields the results in that order (from `dataclasses.fields`, so a new field
    is a new report section); `meta` says how the analysis was run; `warnings` are the
    problems found in the input that did not stop it.
    """

    overview: NetworkSummary
    cohesion: Cohesion
    key_figures: KeyFigures
    brokerage: Brokerage
    domains: DomainMixing
    missing_parties: MissingParties
    respondents: RespondentsAgreement | None
    missing_links: MissingLinks
    themes: Themes
    meetings: Meetings
    resilience: Resilience
    communities: Communities
    triads: Triads
    roles: RoleAssignment
    meta: Mapping[str, Any] = field(default_factory=dict)
    warnings: tuple[Problem, ...] = ()

    NOT_SECTIONS: ClassVar[frozenset[str]] = frozenset({"meta", "warnings"})

    @classmethod
    def section_names(cls) -> tuple[str, ...]:
        """The names of the result fields, in report order."""
        return tuple(f.name for f in fields(cls) if f.name not in cls.NOT_SECTIONS)

    def sections(self) -> Iterator[tuple[str, Any]]:
        """``(name, result)`` of every section that has a result, in report order."""
        for name in self.section_names():
            result = getattr(self, name)
            if result is not None:
                yield name, result

    def __repr__(self) -> str:
        names = ", ".join(name for name, _ in self.sections())
        return f"<Analysis of {self.overview.n_actors} actors: {names}>"

    def __dir__(self) -> list[str]:
        """The sections first-class in tab completion (``analysis.<TAB>``)."""
        return sorted(set(super().__dir__()) | set(self.section_names()))

    def _repr_html_(self) -> str:
        """For a notebook: one row per section, its title and the first sentence it says
        (in `DISPLAY_LANG`); show a section itself (``analysis.cohesion``) for its table."""
        import html

        from wijkgraph.analysis._summary import sentences

        rows = []
        for name, result in self.sections():
            summary = result.summary(DISPLAY_LANG)
            first = next(iter(sentences(result.explain(DISPLAY_LANG))), "")
            rows.append(f"<tr><td><code>.{html.escape(name)}</code></td>"
                        f"<td>{html.escape(summary.title)}</td><td>{html.escape(first)}</td></tr>")
        return (f"<div><code>{html.escape(repr(self))}</code><table>{''.join(rows)}"
                "</table></div>")

    def _json_items(self, lang: str) -> Iterator[tuple[str, Callable[[], Any]]]:
        """``(key, make the value)`` of every top-level key of analysis.json: one section is
        built (and, in `json_parts`, written) at a time."""
        meta = dict(self.meta, lang=lang)
        own_title = meta.get(f"title_{lang}")
        if meta.get("title_from") == "dataset" and own_title:  # the dataset's title in `lang`
            meta["title"] = own_title + (f" – {meta['wijk']}" if meta.get("wijk") else "")
        yield "schema_version", lambda: SCHEMA_VERSION
        yield "wijkgraph_version", lambda: __version__
        yield "meta", lambda: jsonable(meta)
        for name, result in self.sections():
            yield "network" if name == "overview" else name, partial(result.to_dict, lang)
        yield "warnings", lambda: [p.to_dict(lang) for p in self.warnings]

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        """The content of ``analysis.json`` (schema: docs/analysis-json.md)."""
        return {key: make() for key, make in self._json_items(lang)}

    def json_parts(self, lang: str = "nl") -> Iterator[str]:
        """`to_json` in parts, one top-level key at a time, to write as they come.

        Above `PRETTY_JSON_MAX_ACTORS` actors the text is compact and each section is
        built, encoded and dropped in turn (the whole dict of a city is never in memory);
        the parts joined are exactly ``json.dumps(to_dict(), sort_keys=True)``.

        >>> from wijkgraph.sources.bundled import load_dataset
        >>> a = analyse(load_dataset("driehoek"))
        >>> "".join(a.json_parts("en")) == a.to_json("en")
        True
        """
        if self.overview.n_actors <= PRETTY_JSON_MAX_ACTORS:
            yield json.dumps(self.to_dict(lang), ensure_ascii=False, indent=2,
                             sort_keys=True) + "\n"
            return
        for _key, pieces in self.json_pieces(lang):
            yield from pieces()  # a large table a block of rows at a time
        yield "}\n"

    def json_sections(self, lang: str = "nl") -> list[tuple[str, Callable[[], str]]]:
        """The compact `json_parts` as ``(top-level key, make its text)``, in file order:
        the texts joined and followed by ``"}\\n"`` are analysis.json. Each is made when
        called, so writers on several cores can make some each (`wijkgraph.render.outputs`).

        >>> from wijkgraph.sources.bundled import load_dataset
        >>> a = analyse(load_dataset("driehoek"))
        >>> json.loads("".join(part() for _k, part in a.json_sections("en")) + "}") == a.to_dict("en")
        True
        """
        return [(key, partial(_joined, pieces)) for key, pieces in self.json_pieces(lang)]

    def json_pieces(self, lang: str = "nl") -> list[tuple[str, Callable[[], Iterator[str]]]]:
        """`json_sections` with each key's text in pieces, its tables a block of rows at a
        time (`wijkgraph.analysis._json_text.section_json_parts`): what a writer streams.

        >>> from wijkgraph.sources.bundled import load_dataset
        >>> a = analyse(load_dataset("driehoek"))
        >>> [k for k, _ in a.json_pieces("en")] == [k for k, _ in a.json_sections("en")]
        True
        """
        # Python's encoder is slow with indent; big files are for machines anyway.
        encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True,
                                  separators=(",", ":")).encode

        def pieces(k: int, key: str, make: Callable[[], Any]) -> Iterator[str]:
            yield ("{" if k == 0 else ",") + encode(key) + ":"
            yield from section_json_parts(make)

        return [(key, partial(pieces, k, key, make)) for k, (key, make)
                in enumerate(sorted(self._json_items(lang), key=lambda kv: kv[0]))]

    def to_json(self, lang: str = "nl") -> str:
        """`to_dict` as stable JSON text (sorted keys, UTF-8; pretty up to
        `PRETTY_JSON_MAX_ACTORS` actors, compact above)."""
        return "".join(self.json_parts(lang))


def _joined(pieces: Callable[[], Iterator[str]]) -> str:
    return "".join(pieces())


def analyse(
    network: WijkNetwork,
    *,
    reference: str = "auto",
    seed: int = 0,
    top: int = 10,
    progress: Progress | None = None,
) -> Analysis:
    """Run every analysis on `network` and gather the results.

    Parameters
    ----------
    network : WijkNetwork
    reference : str
        Name of a bundled reference model or path to a YAML file (missing parties);
        ``"auto"``: chosen from where the actors work
        (`wijkgraph.analysis.reference_choice`), said in ``meta["reference_choice"]``.
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
    # sampled betweenness/closeness and random removal curves: other cores
    start_centralities(network, seed=seed, curves=curves_to_start(network))
    summary = summarise(network)
    sections: dict[str, Any] = {"respondents": None}
    # Sections are added below in dependency order; each is a pure function of the network
    # (and of earlier sections where stated). What needs the sampled shortest paths (key
    # figures, cohesion) comes last: this process does the rest while the workers sample.
    step("missing_parties")  # first: the terminal and report open with who is missing
    choice = choose_reference(network) if is_auto(reference) else None
    reference = choice.name if choice is not None else reference
    ref = load_reference(reference)
    roles_result = recognise_roles(network, reference=ref)
    sections["missing_parties"] = missing_parties(network, reference=ref, roles=roles_result,
                                                  choice=choice)
    if network.meta.get("missed_by_respondents"):
        # a survey import: set the respondents' own "who is missing" beside it
        sections["respondents"] = respondents_agreement(network, sections["missing_parties"],
                                                        reference=ref)
    step("communities")
    sections["communities"] = communities(network, seed=seed)
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
    step("key_figures")  # key figures use the domain, resilience and brokerage results
    # first what does not wait for the workers, then what does (resilience, centralities)
    domains_result = domain_mixing(network)
    brokerage_result = brokerage(network)
    holes = structural_holes(network)
    prepare_centralities(network)
    resilience_result = resilience(network, seed=seed)
    sections["key_figures"] = key_figures(network, seed=seed, top=top, holes=holes,
                                          domains=domains_result,
                                          resilience_result=resilience_result,
                                          brokerage=brokerage_result)
    step("domains")
    sections["domains"] = domains_result
    step("brokerage")
    sections["brokerage"] = brokerage_result
    step("resilience")
    sections["resilience"] = resilience_result
    step("cohesion")
    sections["cohesion"] = cohesion(network, seed=seed)
    # <sections>
    meta = {
        "name": network.meta.get("name", ""),
        "title_nl": network.meta.get("title_nl", ""),
        "title_en": network.meta.get("title_en", ""),
        # the file name only: a full path can hold the user's name
        "source": os.path.basename(str(network.meta.get("source", "")).rstrip("/\\")),
        "wijk": network.meta.get("wijk", ""),
        **document_info(network, DISPLAY_LANG),  # title, area, date, organisation
        "seed": seed,
        "top": top,
        # a model file by its name only, as "source" (several are joined by commas)
        "reference": ",".join(os.path.basename(r.strip().rstrip("/\\"))
                              for r in str(reference).split(",")),
    }
    if choice is not None:  # --reference auto: which model, and why
        meta["reference_choice"] = choice.to_dict()
    if network.meta.get("weights"):  # how foreign weights became strengths (io._weights)
        meta["weights"] = dict(network.meta["weights"])
    if network.meta.get("corrections"):  # what --aanvullingen changed (sources.corrections)
        meta["corrections"] = dict(network.meta["corrections"])
    return Analysis(overview=summary, **sections, meta=meta, warnings=tuple(network.warnings))
