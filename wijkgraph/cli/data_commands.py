"""The commands around the data: ``datasets``, ``template``, ``survey``, ``convert``,
``compare``."""

from __future__ import annotations

from pathlib import Path

import click

from wijkgraph._click_i18n import Path as PathType
from wijkgraph._click_i18n import Text
from wijkgraph.cli.shell import (
    FORCE_FILE_HELP,
    FORCE_FOLDER_HELP,
    cli,
    common_options,
    corrected,
    echo,
    lean_igraph,
    load_input,
    print_warnings,
    pseudonymise_option,
    pseudonymised,
    reference_option,
    run_lang,
    run_translator,
    seed_option,
)
from wijkgraph.i18n import N_


@cli.command(help=N_("Show the bundled datasets."))
@common_options
def datasets() -> None:
    """List the bundled datasets (``wijkgraph datasets``)."""
    from wijkgraph.sources.bundled import list_datasets

    t = run_translator()
    for info in list_datasets():
        actors = t.ngettext("{n} actor", "{n} actors", info.n_actors).format(
            n=f"{info.n_actors:>4}")
        relations = t.ngettext("{n} relation", "{n} relations", info.n_relations).format(
            n=f"{info.n_relations:>4}")
        meetings = t.ngettext("{n} meeting", "{n} meetings", info.n_meetings).format(
            n=f"{info.n_meetings:>3}")
        click.echo(f"{info.name:<18} {actors:<13} {relations:<14} {meetings:<15} "
                   f"{info.title(t.lang)}")
        click.echo(f"{'':<18} {t.pgettext('dataset', 'source')}: {info.source}")


@cli.command(help=N_("Write an empty form (.xlsx) with explanations and drop-down lists."))
@click.option("-o", "--output", type=PathType(path_type=Path, dir_okay=False),
              default=Path("wijkgraph-sjabloon.xlsx"), show_default=True)
@click.option("--force", is_flag=True, help=FORCE_FILE_HELP)
@common_options
def template(output: Path, force: bool) -> None:
    """Write the form to fill in (``wijkgraph template``)."""
    from wijkgraph.io.template import write_template

    write_template(output, force=force)
    echo(run_translator().gettext("Template written: {path}").format(path=output))


@cli.command(help=N_("Make a network from a survey export (Microsoft Forms, Google Forms, "
                     "Qualtrics)."))
@click.argument("export", type=PathType(path_type=Path))
@click.option("-o", "--output", type=PathType(path_type=Path, dir_okay=False),
              default=Path("wijkgraph-peiling.xlsx"), show_default=True,
              help=N_("Workbook with the network and the sheets 'controle' and 'gemist'."))
@click.option("--mapping", type=PathType(path_type=Path, dir_okay=False), default=None,
              help=N_("YAML mapping: which column holds what (see docs/survey.md)."))
@click.option("--aliases", type=PathType(path_type=Path), default=None,
              help=N_("Corrected sheet 'controle' (or a CSV genoemd;koppel aan)."))
@click.option("--anonymous", "--anoniem", "anonymous", is_flag=True,
              help=N_("Leave out names and e-mail addresses of respondents."))
@click.option("--force", is_flag=True, help=FORCE_FILE_HELP)
@common_options
def survey(export: Path, output: Path, mapping: Path | None, aliases: Path | None,
           anonymous: bool, force: bool) -> None:
    """Import a survey export (``wijkgraph survey``)."""
    from wijkgraph._files import check_not_input
    from wijkgraph.io.survey import import_survey, mapping_yaml

    t = run_translator()
    check_not_input(output, [export])
    same = aliases is not None and output.exists() and output.resolve() == aliases.resolve()
    if output.exists() and not (force or same):
        from wijkgraph.errors import OutputError, Problem

        raise OutputError(Problem("problem.output_exists", params={"path": str(output)}))
    result = import_survey(export, mapping=mapping, aliases=aliases, anonymous=anonymous)
    if result.mapping_proposed:
        echo(t.gettext("No mapping given; I proposed this one from the column titles (save "
                       "it as .yaml, correct it and pass it with --mapping):"))
        echo(mapping_yaml(result.mapping).rstrip())
    result.write(output, force=True)
    echo(result.explain(t.lang))
    echo(t.gettext("Written: {path} (check the sheet 'controle', fill in 'koppel aan' and "
                   "run again with --aliases {path})").format(path=output))


_CONVERT_FORMATS = ["xlsx", "kumu", "kumu-json", "gexf", "graphml", "json", "gephi"]


@cli.command(help=N_("Convert INPUT to Kumu, GEXF (Gephi), GraphML, JSON or a wijkgraph "
                     "workbook."))
@click.argument("input")
@click.option("-o", "--output", type=PathType(path_type=Path), required=True,
              help=N_("Output file (.xlsx, .kumu.xlsx, .gexf, .graphml, .json, .kumu.json) "
                      "or folder (Gephi)."))
@click.option("--to", "to", type=click.Choice(_CONVERT_FORMATS), default=None,
              help=N_("Format (default: from the file name)."))
@click.option("--include-private", is_flag=True,
              help=N_("Also write the private column 'contact' (only when you must)."))
@pseudonymise_option()
@click.option("--force", is_flag=True, help=FORCE_FILE_HELP)
@common_options
def convert(input: str, output: Path, to: str | None, include_private: bool,
            pseudonymise: bool, force: bool) -> None:
    """Convert INPUT to another format (``wijkgraph convert``)."""
    from wijkgraph._files import check_not_input
    from wijkgraph.io import guess_format, write

    t = run_translator()
    check_not_input(output, [input])
    fmt = to or guess_format(output)
    network = pseudonymised(load_input(input), pseudonymise)
    print_warnings(network)
    write(network, output, fmt, include_private=include_private, force=force)
    if fmt == "gexf":  # again, with the map's colours, sizes and positions for Gephi
        from wijkgraph.render.look import export_gexf

        export_gexf(network, output, lang=run_lang(), include_private=include_private)
    echo(t.gettext("Written: {path} ({format}; {actors}, {relations})").format(
        path=output, format=fmt,
        actors=t.count(network.n_actors, "{n} actor", "{n} actors"),
        relations=t.count(network.n_relations, "{n} relation", "{n} relations")))


@cli.command(help=N_("Compare two waves (BEFORE and AFTER, or one input with --waves)."))
@click.argument("before")
@click.argument("after", required=False)
@click.option("-o", "--output", type=PathType(path_type=Path),
              default=Path("wijkgraph-verschil"), show_default=True, help=N_("Output folder."))
@click.option("--waves", "--metingen", "waves", type=Text(), default=None,
              help=N_("Two waves from the column 'meting' of one input, e.g. 2022,2024."))
@click.option("--labels", type=Text(), default=None, help=N_("Names of the waves, e.g. 2022,2024."))
@reference_option(N_("Reference model for missing parties."))
@seed_option(N_("Seed for the map."))
@click.option("--aliases", type=PathType(path_type=Path), default=None,
              help=N_("Alias table: sheet 'controle' or a CSV genoemd;koppel aan (same "
                      "actor)."))
@click.option("--force", is_flag=True, help=FORCE_FOLDER_HELP)
@click.option("--aanvullingen", "--corrections", "corrections", type=PathType(path_type=Path),
              default=None, help=N_("Compare INPUT before and after these corrections."))
@pseudonymise_option()
@common_options
def compare(before: str, after: str | None, output: Path, waves: str | None,
            labels: str | None, reference: str, seed: int, aliases: Path | None,
            force: bool, corrections: Path | None = None, pseudonymise: bool = False) -> None:
    """Compare two waves (``wijkgraph compare``)."""
    lean_igraph()
    t = run_translator()
    if after is not None and waves:
        raise click.BadParameter(t.gettext("takes one input"), param_hint=["--waves"])
    parts = [x.strip() for x in labels.split(",")] if labels else []
    if labels and len(parts) != 2:
        raise click.BadParameter(t.gettext("two names, e.g. 2022,2024"), param_hint=["--labels"])
    from wijkgraph._files import check_output_folder
    from wijkgraph.analysis.compare import compare as run_compare
    from wijkgraph.analysis.compare import split_waves
    from wijkgraph.render.compare import write_compare

    check_output_folder(output, force=force,
                        inputs=[x for x in (before, after, aliases, corrections)
                                if x is not None])
    alias_map = None
    if aliases is not None:
        from wijkgraph.io.survey import read_aliases

        alias_map = read_aliases(aliases)
    if corrections is not None and (after is not None or waves):
        raise click.BadParameter(t.gettext("takes one input"), param_hint=["--aanvullingen"])
    if corrections is not None:
        net0 = load_input(before)
        if pseudonymise:  # the corrections' own lines name the parties: not shown
            from wijkgraph.sources.corrections import apply_corrections

            net1 = apply_corrections(net0, corrections)
        else:
            net1 = corrected(net0, corrections)
        names = (Path(before).stem, Path(corrections).stem)
    elif after is None:
        wanted = [w.strip() for w in waves.split(",") if w.strip()] if waves else None
        net0, net1, names = split_waves(load_input(before), wanted)
    else:
        net0, net1 = load_input(before), load_input(after)
        names = (Path(before).stem, Path(after).stem)
    if pseudonymise:  # one pseudonym per person in both waves; no file names as labels
        from wijkgraph.model.privacy import pseudonymise_together

        net0, net1 = pseudonymise_together([net0, net1], lang=t.lang)
        if after is not None or corrections is not None:
            names = (t.gettext("wave {n}").format(n=1), t.gettext("wave {n}").format(n=2))
    if parts:
        names = (parts[0], parts[1])
    result = run_compare(net0, net1, labels=names, seed=seed, reference=reference,
                         aliases=alias_map)
    written = write_compare(result, output, lang=t.lang, seed=seed, force=force)
    echo(result.explain(t.lang))
    echo(t.gettext("Written to {folder}/: {files}").format(
        folder=output, files=", ".join(p.name for p in written)))
