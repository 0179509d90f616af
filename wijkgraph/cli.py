"""The `wijkgraph` command: a thin shell over the library.

Every `WijkgraphError` is turned, in one place (`WijkgraphGroup.invoke`), into one line per
problem on stderr and exit code 2. Any other exception is a bug: exit code 1.
"""

from __future__ import annotations

import functools
import os
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from wijkgraph.errors import ValidationError, WijkgraphError

DEFAULT_DATASET = "utrecht-oost"
DEFAULT_OUTPUT = "wijkgraph-rapport"


def _lang(ctx: click.Context | None = None) -> str:
    ctx = ctx or click.get_current_context(silent=True)
    if ctx is not None and ctx.meta.get("wijkgraph.lang"):
        return str(ctx.meta["wijkgraph.lang"])
    return os.environ.get("WIJKGRAPH_LANG", "nl") if os.environ.get("WIJKGRAPH_LANG") in (
        "nl", "en") else "nl"


def say(nl: str, en: str, *, err: bool = False) -> None:
    """Print a message in the chosen language unless `-q` was given."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.meta.get("wijkgraph.quiet") and not err:
        return
    click.echo(en if _lang(ctx) == "en" else nl, err=err)


class WijkgraphGroup(click.Group):
    """A click group that maps wijkgraph errors to clear messages and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WijkgraphError as exc:
            lang = _lang(ctx)
            click.echo(exc.describe(lang), err=True)
            if isinstance(exc, ValidationError):
                n = len(exc.errors)
                click.echo(
                    (f"{n} problem{'' if n == 1 else 's'} found; nothing was written."
                     if lang == "en" else
                     f"{n} {'probleem' if n == 1 else 'problemen'} gevonden; er is niets "
                     "geschreven."),
                    err=True,
                )
            ctx.exit(2)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("Afgebroken." if _lang(ctx) == "nl" else "Interrupted.", err=True)
            ctx.exit(130)
        except Exception as exc:  # a bug: say so, briefly, with the traceback on -v
            if ctx.meta.get("wijkgraph.verbose"):
                traceback.print_exc()
            click.echo(
                f"Interne fout in wijkgraph ({type(exc).__name__}: {exc}). Dit is een bug; "
                "draai opnieuw met -v en meld de uitvoer.", err=True)
            ctx.exit(1)


def common_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--lang, -q and -v, accepted on every command (and on the group)."""

    def set_meta(key: str) -> Callable[[click.Context, click.Parameter, Any], Any]:
        def callback(ctx: click.Context, _param: click.Parameter, value: Any) -> Any:
            if value is not None and value is not False:
                ctx.meta[key] = value
            return value
        return callback

    @click.option("--lang", type=click.Choice(["nl", "en"]), default=None, expose_value=False,
                  callback=set_meta("wijkgraph.lang"), is_eager=True,
                  help="Taal van de uitvoer / output language (nl, en).")
    @click.option("-q", "--quiet", is_flag=True, expose_value=False,
                  callback=set_meta("wijkgraph.quiet"), help="Alleen fouten tonen.")
    @click.option("-v", "--verbose", is_flag=True, expose_value=False,
                  callback=set_meta("wijkgraph.verbose"), help="Meer details.")
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    return wrapper


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("wijkgraph")
    except PackageNotFoundError:  # pragma: no cover - a bare checkout
        return "0.0.0"


@click.group(cls=WijkgraphGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(_version(), "--version", prog_name="wijkgraph")
@common_options
def cli() -> None:
    """wijkgraph: samenwerking in de wijk als netwerk; sleutelfiguren, gaten, kaart, rapport."""


def _load(source: str | None):  # noqa: ANN202 - returns WijkNetwork
    from wijkgraph.sources.loading import load

    if source is None:
        say(f"Geen invoer gegeven: ik gebruik de meegeleverde dataset '{DEFAULT_DATASET}'.",
            f"No input given: using the bundled dataset '{DEFAULT_DATASET}'.")
        source = DEFAULT_DATASET
    return load(source)


def _print_warnings(network: Any, limit: int = 5) -> None:
    warnings = list(network.warnings)
    if not warnings:
        return
    for w in warnings[:limit]:
        say(w.describe("nl"), w.describe("en"))
    if len(warnings) > limit:
        say(f"... en nog {len(warnings) - limit} waarschuwingen (zie analysis.json).",
            f"... and {len(warnings) - limit} more warning(s) (see analysis.json).")


@cli.command()
@click.argument("input", required=False)
@click.option("-o", "--output", "output", type=click.Path(path_type=Path),
              default=Path(DEFAULT_OUTPUT), show_default=True,
              help="Map voor de uitvoer / output folder.")
@click.option("--force", is_flag=True, help="Een bestaande map vervangen die niet van wijkgraph is.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed voor toeval.")
@click.option("--top", type=click.IntRange(1, 1000), default=10, show_default=True,
              help="Aantal sleutelfiguren en suggesties.")
@click.option("--reference", default="utrecht-basis", show_default=True,
              help="Referentiemodel: naam of YAML-bestand.")
@click.option("--wijk", default=None, help="Alleen deze wijk analyseren.")
@click.option("--format", "formats", default="html,md,map,xlsx,json", show_default=True,
              help="Uitvoer, komma-gescheiden: html,md,map,xlsx,json.")
@click.option("--pseudonymise", "--pseudonimiseer", "pseudonymise", is_flag=True,
              help="Personen vervangen door hun rol en een nummer; geen contactgegevens.")
@common_options
def analyse(input: str | None, output: Path, force: bool, seed: int, top: int, reference: str,
            wijk: str | None, formats: str, pseudonymise: bool) -> None:
    """Analyseer INPUT (werkmap, map met CSV's of datasetnaam) en schrijf het rapport."""
    from wijkgraph._files import check_output_folder
    from wijkgraph.analysis.run import analyse as run_analysis
    from wijkgraph.render.outputs import FORMATS, write_outputs

    wanted = [f.strip() for f in formats.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown:
        raise click.BadParameter(f"{', '.join(unknown)} (kies uit {', '.join(FORMATS)})",
                                 param_hint="--format")
    check_output_folder(output, force=force)
    network = _load(input)
    if wijk:
        network = network.subnetwork(wijk=wijk)
    if pseudonymise:
        from wijkgraph.model.privacy import pseudonymise as make_pseudonymous

        network = make_pseudonymous(network)
    _print_warnings(network)
    progress = _progress(network.n_actors)
    result = run_analysis(network, reference=reference, seed=seed, top=top, progress=progress)
    lang = _lang()
    if progress is not None:
        progress("rapport en kaart schrijven" if lang == "nl" else "writing report and map")
    written = write_outputs(network, result, output, formats=wanted, lang=lang, force=force)
    findings = terminal_findings(network, result)
    if findings:
        say("Belangrijkste bevindingen:", "Main findings:")
        for k, (line_nl, line_en) in enumerate(findings, start=1):
            say(f"  {k}. {line_nl}", f"  {k}. {line_en}")
    names = [p.name for p in written]
    main = next((n for n in ("report.html", "report.md", "map.html") if n in names), None)
    if main is not None:
        say(f"Rapport: {output / main}", f"Report: {output / main}")
    say(f"Geschreven in {output}/: " + ", ".join(names),
        f"Written to {output}/: " + ", ".join(names))


@cli.command(name="map")
@click.argument("input", required=False)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              default=Path("kaart.html"), show_default=True, help="Het HTML-bestand / output file.")
@click.option("--force", is_flag=True, help="Een bestaand bestand overschrijven dat geen kaart is.")
@click.option("--ghosts", is_flag=True,
              help="Ontbrekende partijen meteen tonen / show missing parties at once.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed voor de layout.")
@click.option("--reference", default="utrecht-basis", show_default=True,
              help="Referentiemodel: naam of YAML-bestand.")
@click.option("--wijk", default=None, help="Alleen deze wijk tonen.")
@click.option("--no-analysis", "no_analysis", is_flag=True,
              help="Zonder analyse (sneller): grootte = aantal partners, geen suggesties.")
@common_options
def map_command(input: str | None, output: Path, force: bool, ghosts: bool, seed: int,
                reference: str, wijk: str | None, no_analysis: bool) -> None:
    """Schrijf de interactieve kaart van INPUT als één offline HTML-bestand."""
    from wijkgraph.errors import OutputError, Problem
    from wijkgraph.render.map import is_map_file, render_map

    if output.exists() and not force and not is_map_file(output):
        raise OutputError(Problem("problem.output_exists", params={"path": str(output)}))
    network = _load(input)
    if wijk:
        network = network.subnetwork(wijk=wijk)
    _print_warnings(network)
    result = None
    if not no_analysis:
        from wijkgraph.analysis.run import analyse as run_analysis

        result = run_analysis(network, reference=reference, seed=seed,
                              progress=_progress(network.n_actors))
    doc = render_map(network, result, lang=_lang(), seed=seed, ghosts=ghosts)
    doc.write(output)
    say(f"Kaart geschreven: {output} ({network.n_actors} actoren)",
        f"Map written: {output} ({network.n_actors} actors)")


def terminal_findings(network: Any, result: Any, n: int = 3) -> list[tuple[str, str]]:
    """The `n` most important findings as (nl, en) lines, the report's own order."""
    from wijkgraph.render.report import key_findings

    nl = key_findings(network, result, "nl", n=n)
    en = key_findings(network, result, "en", n=n)
    return [(f"{a.head}: {a.text}", f"{b.head}: {b.text}") for a, b in zip(nl, en, strict=False)]


#: Networks at least this large show progress in the terminal (always with -v).
PROGRESS_MIN_ACTORS = 500


def _progress(n_actors: int = 0) -> Callable[[str], None] | None:
    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.meta.get("wijkgraph.quiet"):
        return None
    verbose = ctx is not None and ctx.meta.get("wijkgraph.verbose")
    if not verbose and n_actors < PROGRESS_MIN_ACTORS:
        return None
    import time

    start = time.monotonic()

    def show(stage: str) -> None:
        click.echo(f"... {stage} ({time.monotonic() - start:.1f} s)", err=True)

    return show


@cli.command()
@click.argument("input")
@common_options
def validate(input: str) -> None:
    """Controleer INPUT en meld alle problemen (exit 0 = bruikbaar, 2 = niet)."""
    network = _load(input)
    for w in network.warnings:
        say(w.describe("nl"), w.describe("en"))
    from wijkgraph.i18n import plural

    n_a, n_r, n_m, n_w = (network.n_actors, network.n_relations, len(network.meetings),
                          len(network.warnings))
    say(f"In orde: {plural(n_a, 'actor', 'actoren')}, {plural(n_r, 'relatie', 'relaties')}, "
        f"{plural(n_m, 'overleg', 'overleggen')} "
        f"({plural(n_w, 'waarschuwing', 'waarschuwingen')}).",
        f"Valid: {plural(n_a, 'actor', 'actors')}, {plural(n_r, 'relation', 'relations')}, "
        f"{plural(n_m, 'meeting', 'meetings')} ({plural(n_w, 'warning', 'warnings')}).")


@cli.command()
@common_options
def datasets() -> None:
    """Toon de meegeleverde datasets."""
    from wijkgraph.sources.bundled import list_datasets

    lang = _lang()
    for info in list_datasets():
        click.echo(f"{info.name:<18} {info.n_actors:>4} actoren  {info.n_relations:>4} relaties  "
                   f"{info.n_meetings:>3} overleggen  {info.title(lang)}"
                   if lang == "nl" else
                   f"{info.name:<18} {info.n_actors:>4} actors   {info.n_relations:>4} relations "
                   f"{info.n_meetings:>3} meetings    {info.title(lang)}")
        click.echo(f"{'':<18} {'bron' if lang == 'nl' else 'source'}: {info.source}")


@cli.command()
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              default=Path("wijkgraph-sjabloon.xlsx"), show_default=True)
@click.option("--force", is_flag=True, help="Een bestaand bestand overschrijven.")
@common_options
def template(output: Path, force: bool) -> None:
    """Schrijf een leeg invulbestand (.xlsx) met uitleg en keuzelijsten."""
    from wijkgraph.io.template import write_template

    write_template(output, force=force)
    say(f"Sjabloon geschreven: {output}", f"Template written: {output}")


@cli.command()
@click.argument("export", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              default=Path("wijkgraph-peiling.xlsx"), show_default=True,
              help="Werkmap met het netwerk, het blad 'controle' en 'gemist'.")
@click.option("--mapping", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="YAML-koppeling: welke kolom wat bevat (zie docs/survey.md).")
@click.option("--aliases", type=click.Path(path_type=Path), default=None,
              help="Verbeterd blad 'controle' (of CSV genoemd;koppel aan).")
@click.option("--anonymous", "--anoniem", "anonymous", is_flag=True,
              help="Namen en e-mailadressen van respondenten weglaten.")
@click.option("--force", is_flag=True, help="Een bestaand bestand overschrijven.")
@common_options
def survey(export: Path, output: Path, mapping: Path | None, aliases: Path | None,
           anonymous: bool, force: bool) -> None:
    """Maak een netwerk van een enquête-export (Microsoft Forms, Google Forms, Qualtrics)."""
    from wijkgraph.io.survey import import_survey, mapping_yaml

    same = aliases is not None and output.exists() and output.resolve() == aliases.resolve()
    if output.exists() and not (force or same):
        from wijkgraph.errors import OutputError, Problem

        raise OutputError(Problem("problem.output_exists", params={"path": str(output)}))
    result = import_survey(export, mapping=mapping, aliases=aliases, anonymous=anonymous)
    if result.mapping_proposed:
        say("Geen koppeling gegeven; ik heb deze voorgesteld op basis van de kolomtitels "
            "(sla hem op als .yaml, verbeter hem en geef hem met --mapping):",
            "No mapping given; I proposed this one from the column titles (save it as "
            ".yaml, correct it and pass it with --mapping):")
        say(mapping_yaml(result.mapping).rstrip(), mapping_yaml(result.mapping).rstrip())
    result.write(output, force=True)
    say(result.explain("nl"), result.explain("en"))
    say(f"Geschreven: {output} (bekijk het blad 'controle', vul 'koppel aan' in en draai "
        f"opnieuw met --aliases {output})",
        f"Written: {output} (check the sheet 'controle', fill in 'koppel aan' and run again "
        f"with --aliases {output})")


@cli.command()
@click.argument("input")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Uitvoerbestand (.xlsx, .kumu.xlsx, .gexf, .graphml, .json, .kumu.json) "
                   "of map (Gephi).")
@click.option("--to", "to", type=click.Choice(["xlsx", "kumu", "kumu-json", "gexf", "graphml",
                                              "json", "gephi"]), default=None,
              help="Formaat (standaard: uit de bestandsnaam).")
@click.option("--include-private", is_flag=True,
              help="Ook de privékolom 'contact' schrijven (alleen als het echt moet).")
@click.option("--force", is_flag=True, help="Een bestaand bestand overschrijven.")
@common_options
def convert(input: str, output: Path, to: str | None, include_private: bool,
            force: bool) -> None:
    """Zet INPUT om naar Kumu, GEXF (Gephi), GraphML, JSON of een wijkgraph-werkmap."""
    from wijkgraph.io.exchange import guess_format, write_network

    fmt = to or guess_format(output)
    network = _load(input)
    _print_warnings(network)
    write_network(network, output, to=fmt, include_private=include_private, force=force)
    say(f"Geschreven: {output} ({fmt}; {network.n_actors} actoren, {network.n_relations} "
        "relaties)",
        f"Written: {output} ({fmt}; {network.n_actors} actors, {network.n_relations} "
        "relations)")


@cli.command()
@click.argument("before")
@click.argument("after", required=False)
@click.option("-o", "--output", type=click.Path(path_type=Path),
              default=Path("wijkgraph-verschil"), show_default=True, help="Uitvoermap.")
@click.option("--waves", "--metingen", "waves", default=None,
              help="Twee metingen uit de kolom 'meting' van één invoer, bijv. 2022,2024.")
@click.option("--labels", default=None, help="Namen van de metingen, bijv. 2022,2024.")
@click.option("--reference", default="utrecht-basis", show_default=True,
              help="Referentiemodel voor gemiste partijen.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed voor de kaart.")
@click.option("--aliases", type=click.Path(path_type=Path), default=None,
              help="Aliastabel: blad 'controle' of CSV genoemd;koppel aan (zelfde actor).")
@click.option("--force", is_flag=True, help="Een bestaande map vervangen die niet van wijkgraph is.")
@common_options
def compare(before: str, after: str | None, output: Path, waves: str | None,
            labels: str | None, reference: str, seed: int, aliases: Path | None,
            force: bool) -> None:
    """Vergelijk twee metingen (BEFORE en AFTER, of één invoer met --waves)."""
    from wijkgraph._files import check_output_folder
    from wijkgraph.analysis.compare import compare as run_compare
    from wijkgraph.analysis.compare import split_waves
    from wijkgraph.render.compare import write_compare

    check_output_folder(output, force=force)
    alias_map = None
    if aliases is not None:
        from wijkgraph.io.survey import read_aliases

        alias_map = read_aliases(aliases)
    if after is None:
        wanted = [w.strip() for w in waves.split(",") if w.strip()] if waves else None
        net0, net1, names = split_waves(_load(before), wanted)
    else:
        if waves:
            raise click.BadParameter("--waves hoort bij één invoer / takes one input",
                                     param_hint="--waves")
        net0, net1 = _load(before), _load(after)
        names = (Path(before).stem, Path(after).stem)
    if labels:
        parts = [x.strip() for x in labels.split(",")]
        if len(parts) != 2:
            raise click.BadParameter("twee namen / two names, e.g. 2022,2024",
                                     param_hint="--labels")
        names = (parts[0], parts[1])
    result = run_compare(net0, net1, labels=names, seed=seed, reference=reference,
                         aliases=alias_map)
    written = write_compare(result, output, lang=_lang(), seed=seed, force=force)
    say(result.explain("nl"), result.explain("en"))
    say(f"Geschreven in {output}/: " + ", ".join(p.name for p in written),
        f"Written to {output}/: " + ", ".join(p.name for p in written))


def main() -> None:
    """Entry point of the console script."""
    cli(prog_name="wijkgraph")
