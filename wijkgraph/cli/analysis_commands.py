"""The commands that analyse: ``analyse``, ``map`` and ``validate``."""

from __future__ import annotations

from pathlib import Path

import click

from wijkgraph._click_i18n import IntRange, Text
from wijkgraph._click_i18n import Path as PathType
from wijkgraph.cli.shell import (
    ALIASES_HELP,
    CORRECTIONS_HELP,
    DEFAULT_OUTPUT,
    FORCE_FOLDER_HELP,
    PROGRESS_MIN_ACTORS,
    cli,
    common_options,
    corrected,
    echo,
    lean_igraph,
    load_input,
    print_warnings,
    progress_display,
    pseudonymise_option,
    pseudonymised,
    reference_option,
    run_translator,
    seed_option,
    terminal_findings,
)
from wijkgraph.i18n import N_


@cli.command(help=N_("Analyse INPUT (workbook, folder of CSV files or dataset name) and write "
                     "the report."))
@click.argument("input", required=False)
@click.option("-o", "--output", "output", type=PathType(path_type=Path),
              default=Path(DEFAULT_OUTPUT), show_default=True, help=N_("Output folder."))
@click.option("--force", is_flag=True, help=FORCE_FOLDER_HELP)
@seed_option(N_("Seed for randomness."))
@click.option("--top", type=IntRange(1, 1000), default=10, show_default=True,
              help=N_("Number of key figures and suggestions."))
@reference_option()
@click.option("--wijk", type=Text(), default=None,
              help=N_("Analyse this area (buurt or wijk), with the parties that serve it from "
                      "the wijk or city."))
@click.option("--format", "formats", type=Text(), default="html,md,map,xlsx,json",
              show_default=True,
              help=N_("Outputs, comma-separated: html,md,map,xlsx,json."))
@pseudonymise_option()
@click.option("--aliases", type=PathType(path_type=Path), default=None, help=ALIASES_HELP)
@click.option("--titel", "--title", "title", type=Text(), default=None,
              help=N_("Title of the report and map (default: the info sheet, else the area)."))
@click.option("--aanvullingen", "--corrections", "corrections", type=PathType(path_type=Path),
              default=None, help=CORRECTIONS_HELP)
@common_options
def analyse(input: str | None, output: Path, force: bool, seed: int, top: int, reference: str,
            wijk: str | None, formats: str, pseudonymise: bool,
            aliases: Path | None = None, title: str | None = None,
            corrections: Path | None = None) -> None:
    """Analyse INPUT and write the report (``wijkgraph analyse``)."""
    lean_igraph()
    from wijkgraph.render.outputs import FORMATS

    t = run_translator()
    wanted = [f.strip() for f in formats.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown:
        raise click.BadParameter(t.gettext("{formats} (choose from {choices})").format(
            formats=", ".join(unknown), choices=", ".join(FORMATS)), param_hint=["--format"])
    if not wanted:  # "--format ," would replace the report with an empty folder
        raise click.BadParameter(t.gettext("name at least one of {choices}").format(
            choices=", ".join(FORMATS)), param_hint=["--format"])
    from wijkgraph._files import check_output_folder
    from wijkgraph.analysis.run import analyse as run_analysis
    from wijkgraph.render.outputs import write_outputs

    check_output_folder(output, force=force,
                        inputs=[x for x in (input, aliases, corrections) if x])
    progress = progress_display(reading=True, outputs=len(wanted), source=input)
    try:
        progress.stage("reading")
        network = corrected(load_input(input, aliases), corrections, show=not pseudonymise)
        if wijk:
            network = network.subnetwork(wijk=wijk)
        network = pseudonymised(network, pseudonymise)
        if title and title.strip():
            from wijkgraph.model.info import with_info

            network = with_info(network, title=title)
        progress.decide(network.n_actors >= PROGRESS_MIN_ACTORS)
        print_warnings(network)
        result = run_analysis(network, reference=reference, seed=seed, top=top,
                              progress=progress.stage)
        written = write_outputs(network, result, output, formats=wanted, lang=t.lang,
                                force=force, inputs=[input] if input else [],
                                progress=progress.written)
    finally:
        progress.close()
    findings = terminal_findings(network, result, t.lang)
    if findings:
        echo(t.gettext("Main findings:"))
        for k, line in enumerate(findings, start=1):
            echo(f"  {k}. {line}")
    names = [p.name for p in written]
    main = next((n for n in ("report.html", "report.md", "map.html") if n in names), None)
    if main is not None:
        echo(t.gettext("Report: {path}").format(path=output / main))
    echo(t.gettext("Written to {folder}/: {files}").format(folder=output,
                                                           files=", ".join(names)))


@cli.command(name="map", help=N_("Write the interactive map of INPUT as one offline HTML "
                                 "file."))
@click.argument("input", required=False)
@click.option("-o", "--output", type=PathType(path_type=Path, dir_okay=False),
              default=Path("kaart.html"), show_default=True, help=N_("The HTML file."))
@click.option("--force", is_flag=True, help=N_("Overwrite an existing file that is not a map."))
@click.option("--ghosts", is_flag=True, help=N_("Show missing parties at once."))
@seed_option(N_("Seed for the layout."))
@reference_option()
@click.option("--wijk", type=Text(), default=None,
              help=N_("Show this area (buurt or wijk), with the parties that serve it from the "
                      "wijk or city."))
@click.option("--no-analysis", "no_analysis", is_flag=True,
              help=N_("Without analysis (faster): size = number of partners, no "
                      "suggestions."))
@pseudonymise_option()
@common_options
def map_command(input: str | None, output: Path, force: bool, ghosts: bool, seed: int,
                reference: str, wijk: str | None, no_analysis: bool,
                pseudonymise: bool) -> None:
    """Write the map of INPUT (``wijkgraph map``)."""
    lean_igraph()
    from wijkgraph._files import check_not_input
    from wijkgraph.errors import OutputError, Problem
    from wijkgraph.render.map import is_map_file, render_map

    t = run_translator()
    check_not_input(output, [input] if input else [])
    if output.exists() and not force and not is_map_file(output):
        raise OutputError(Problem("problem.output_exists", params={"path": str(output)}))
    network = load_input(input)
    if wijk:
        network = network.subnetwork(wijk=wijk)
    network = pseudonymised(network, pseudonymise)
    print_warnings(network)
    result = None
    progress = progress_display(analysis=not no_analysis, outputs=1,
                         large=network.n_actors >= PROGRESS_MIN_ACTORS)
    try:
        if not no_analysis:
            from wijkgraph.analysis.run import analyse as run_analysis

            result = run_analysis(network, reference=reference, seed=seed,
                                  progress=progress.stage)
        progress.stage("map")
        doc = render_map(network, result, lang=t.lang, seed=seed, ghosts=ghosts)
        doc.write(output)
    finally:
        progress.close()
    echo(t.gettext("Map written: {path} ({actors})").format(
        path=output, actors=t.count(network.n_actors, "{n} actor", "{n} actors")))


@cli.command(help=N_("Check INPUT and report every problem (exit 0 = usable, 2 = not)."))
@click.argument("input")
@click.option("--aliases", type=PathType(path_type=Path), default=None, help=ALIASES_HELP)
@common_options
def validate(input: str, aliases: Path | None = None) -> None:
    """Check INPUT (``wijkgraph validate``)."""
    t = run_translator()
    network = load_input(input, aliases, analysed=False)
    for w in network.warnings:
        echo(w.describe(t.lang))
    from wijkgraph.model.areas import describe_areas

    for line in describe_areas(network, t.lang):  # where each area value was placed
        echo(line)
    from wijkgraph.analysis.reference_choice import choose_reference

    echo(choose_reference(network).describe(t.lang))  # what `analyse` will use by default
    echo(t.gettext("Valid: {actors}, {relations}, {meetings} ({warnings}).").format(
        actors=t.count(network.n_actors, "{n} actor", "{n} actors"),
        relations=t.count(network.n_relations, "{n} relation", "{n} relations"),
        meetings=t.count(len(network.meetings), "{n} meeting", "{n} meetings"),
        warnings=t.count(len(network.warnings), "{n} warning", "{n} warnings")))
