"""The `wijkgraph` command: a thin shell over the library, in one language.

Every `WijkgraphError` is turned, in one place (`WijkgraphGroup.invoke`), into one line per
problem on stderr and exit code 2; Ctrl-C gives exit code 130. Anything else is a bug and
shows its traceback (exit code 1).

The language (``--lang``, else ``$WIJKGRAPH_LANG``, else Dutch) is read before click
parses the arguments, so that click's own messages ("Gebruik:", "Fout: Ongeldige waarde
voor ...") are in it too (see `wijkgraph._click_i18n`). Help texts are English msgids
translated through the catalogue when shown.

Start-up is kept short: at module level this imports only click, `wijkgraph.errors`,
`wijkgraph.i18n` (and `wijkgraph._click_i18n`, which needs no more); every command imports
its work when it runs (``wijkgraph --help`` loads neither pandas nor networkx).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from wijkgraph._click_i18n import (
    IntRange,
    Text,
    TranslatedGroup,
    click_speaks,
    current_lang,
    lang_of_args,
)
from wijkgraph._click_i18n import Path as PathType
from wijkgraph.errors import ValidationError, WijkgraphError
from wijkgraph.i18n import LANGS, N_, Translator, translator

if TYPE_CHECKING:
    from wijkgraph._progress import Progress
    from wijkgraph.model.network import WijkNetwork

DEFAULT_DATASET = "utrecht-oost"
DEFAULT_OUTPUT = "wijkgraph-rapport"


def _lang(ctx: click.Context | None = None) -> str:
    """The output language: ``--lang`` of this run, else `current_lang`."""
    ctx = ctx or click.get_current_context(silent=True)
    if ctx is not None and ctx.meta.get("wijkgraph.lang"):
        return str(ctx.meta["wijkgraph.lang"])
    return current_lang()


def _t() -> Translator:
    """The translator of this run's language."""
    return translator(_lang())


def echo(text: str, *, err: bool = False) -> None:
    """Print `text` (already in the run's language) unless ``-q`` was given (errors always)."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.meta.get("wijkgraph.quiet") and not err:
        return
    if ctx is not None and ctx.meta.get("wijkgraph.progress") is not None:
        ctx.meta["wijkgraph.progress"].clear()  # a progress line drawn in place goes first
    click.echo(text, err=err)


class WijkgraphGroup(TranslatedGroup):
    """The `wijkgraph` group: one language per run, wijkgraph errors as exit code 2."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        """Run the command line with click speaking its language (see `lang_of_args`)."""
        lang = lang_of_args(list(sys.argv[1:] if args is None else args))
        with click_speaks(lang):
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WijkgraphError as exc:
            t = _t()
            click.echo(exc.describe(t.lang), err=True)
            if isinstance(exc, ValidationError):
                click.echo(t.ngettext("{n} problem found; nothing was written.",
                                      "{n} problems found; nothing was written.",
                                      len(exc.errors)).format(n=t.number(len(exc.errors))),
                           err=True)
            ctx.exit(2)
        except KeyboardInterrupt:
            click.echo(_t().gettext("Interrupted."), err=True)
            ctx.exit(130)


def common_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--lang, -q and -v, accepted on every command (and on the group)."""

    def set_meta(key: str) -> Callable[[click.Context, click.Parameter, Any], Any]:
        def callback(ctx: click.Context, _param: click.Parameter, value: Any) -> Any:
            if value is not None and value is not False:
                ctx.meta[key] = value
            return value
        return callback

    @click.option("--lang", type=click.Choice(list(LANGS)), default=None, expose_value=False,
                  callback=set_meta("wijkgraph.lang"), is_eager=True,
                  help=N_("Output language / taal van de uitvoer (nl, en)."))
    @click.option("-q", "--quiet", is_flag=True, expose_value=False,
                  callback=set_meta("wijkgraph.quiet"), help=N_("Show errors only."))
    @click.option("-v", "--verbose", is_flag=True, expose_value=False,
                  callback=set_meta("wijkgraph.verbose"),
                  help=N_("More details."))
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    return wrapper


@click.group(name="wijkgraph", cls=WijkgraphGroup,
             context_settings={"help_option_names": ["-h", "--help"]},
             help=N_("wijkgraph: collaboration in the wijk as a network; key figures, gaps, "
                     "map, report."))
@click.version_option(None, "--version", package_name="wijkgraph", prog_name="wijkgraph",
                      message="%(prog)s, version %(version)s",
                      help=N_("Show the version and exit."))
@common_options
def cli() -> None:
    """The `wijkgraph` command group."""


#: What igraph imports at import time only for drawing (matplotlib, about 0.7 s) and for
#: its text tables (wcwidth through texttable, about 0.05 s); both have a fallback.
_IGRAPH_EXTRAS = ("matplotlib", "wcwidth")


def _lean_igraph() -> None:
    """Import igraph without matplotlib and wcwidth (about 0.75 s of every command).

    igraph imports matplotlib and ``matplotlib.pyplot`` at import time, only for its own
    drawing (``igraph.drawing`` calls ``find_matplotlib()``), and texttable's wcwidth for
    printing graphs. wijkgraph never draws or prints with igraph and writes its charts
    itself, so the commands that analyse import igraph while those imports fail; igraph
    and texttable then use their own stand-ins. This is done here, in the command, and not
    in the library: a program that imports wijkgraph may well plot with igraph.
    """
    if "igraph" in sys.modules:
        return
    blocked = [name for name in _IGRAPH_EXTRAS if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # the import fails at once
    try:
        import igraph  # noqa: F401
    finally:
        for name in blocked:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


def _load(source: str | None, aliases: Path | None = None) -> WijkNetwork:
    from wijkgraph.sources.loading import load

    if source is None:
        echo(_t().gettext("No input given: using the bundled dataset '{name}'.").format(
            name=DEFAULT_DATASET))
        source = DEFAULT_DATASET
    from wijkgraph.io.aliases import apply_aliases  # its aliases sheet and --aliases FILE
    from wijkgraph.model._memory import settle

    network = apply_aliases(load(source), source, aliases)
    settle()  # the network lives to the end of the command: the collector leaves it alone
    return network


_ALIASES = N_("Aliases table (naam, zelfde als): merge actors typed twice.")


def _print_warnings(network: WijkNetwork, limit: int = 5) -> None:
    t = _t()
    warnings = list(network.warnings)
    for w in warnings[:limit]:
        echo(w.describe(t.lang))
    if len(warnings) > limit:
        echo(t.count(len(warnings) - limit, "... and {n} more warning (see analysis.json).",
                     "... and {n} more warnings (see analysis.json)."))


_CORRECTIONS = N_("Corrections workbook (from the map's 'Download corrections'): new ties, "
                  "ended ties, new parties and notes; the input stays as it is.")


def _corrected(network: WijkNetwork, corrections: Path | None, *, show: bool = True) -> WijkNetwork:
    """`network` with the corrections of ``--aanvullingen`` applied (what changed shown if `show`)."""
    if corrections is None:
        return network
    from wijkgraph.sources.corrections import apply_corrections, describe_corrections

    network = apply_corrections(network, corrections)
    for line in describe_corrections(network.meta["corrections"], lang=_lang()) if show else ():
        echo(line)  # not with --pseudonymise: the lines name the parties
    return network


_FORCE_FOLDER = N_("Replace an existing folder that wijkgraph did not make.")
_PSEUDONYMISE = N_("Replace persons by their role and a number; no contact details.")


def _pseudonymised(network: WijkNetwork, pseudonymise: bool) -> WijkNetwork:
    """`network` with persons as role and number (``--pseudonymise``), else as it is."""
    if not pseudonymise:
        return network
    from wijkgraph.model.privacy import pseudonymise as make_pseudonymous

    return make_pseudonymous(network, lang=_lang())
_FORCE_FILE = N_("Overwrite an existing file.")
_REFERENCE = N_("Reference model: name or YAML file (wijk-algemeen, utrecht-basis, utrecht-oost); "
                "several joined by commas are combined; 'none' switches 'who is missing' off; "
                "'auto' chooses utrecht-basis for data from Utrecht, else wijk-algemeen.")


@cli.command(help=N_("Analyse INPUT (workbook, folder of CSV files or dataset name) and write "
                     "the report."))
@click.argument("input", required=False)
@click.option("-o", "--output", "output", type=PathType(path_type=Path),
              default=Path(DEFAULT_OUTPUT), show_default=True, help=N_("Output folder."))
@click.option("--force", is_flag=True, help=_FORCE_FOLDER)
@click.option("--seed", type=IntRange(0, 2**32 - 1), default=0, show_default=True,
              help=N_("Seed for randomness."))
@click.option("--top", type=IntRange(1, 1000), default=10, show_default=True,
              help=N_("Number of key figures and suggestions."))
@click.option("--reference", type=Text(), default="auto", show_default=True,
              help=_REFERENCE)
@click.option("--wijk", type=Text(), default=None,
              help=N_("Analyse this area (buurt or wijk), with the parties that serve it from "
                      "the wijk or city."))
@click.option("--format", "formats", type=Text(), default="html,md,map,xlsx,json",
              show_default=True,
              help=N_("Outputs, comma-separated: html,md,map,xlsx,json."))
@click.option("--pseudonymise", "--pseudonimiseer", "pseudonymise", is_flag=True,
              help=_PSEUDONYMISE)
@click.option("--aliases", type=PathType(path_type=Path), default=None, help=_ALIASES)
@click.option("--titel", "--title", "title", type=Text(), default=None,
              help=N_("Title of the report and map (default: the info sheet, else the area)."))
@click.option("--aanvullingen", "--corrections", "corrections", type=PathType(path_type=Path),
              default=None, help=_CORRECTIONS)
@common_options
def analyse(input: str | None, output: Path, force: bool, seed: int, top: int, reference: str,
            wijk: str | None, formats: str, pseudonymise: bool,
            aliases: Path | None = None, title: str | None = None,
            corrections: Path | None = None) -> None:
    """Analyse INPUT and write the report (``wijkgraph analyse``)."""
    _lean_igraph()
    from wijkgraph.render.outputs import FORMATS

    t = _t()
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
    progress = _progress(reading=True, outputs=len(wanted), source=input)
    try:
        progress.stage("reading")
        network = _corrected(_load(input, aliases), corrections, show=not pseudonymise)
        if wijk:
            network = network.subnetwork(wijk=wijk)
        network = _pseudonymised(network, pseudonymise)
        if title and title.strip():
            from wijkgraph.model.info import with_info

            network = with_info(network, title=title)
        progress.decide(network.n_actors >= PROGRESS_MIN_ACTORS)
        _print_warnings(network)
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
@click.option("--seed", type=IntRange(0, 2**32 - 1), default=0, show_default=True,
              help=N_("Seed for the layout."))
@click.option("--reference", type=Text(), default="auto", show_default=True,
              help=_REFERENCE)
@click.option("--wijk", type=Text(), default=None,
              help=N_("Show this area (buurt or wijk), with the parties that serve it from the "
                      "wijk or city."))
@click.option("--no-analysis", "no_analysis", is_flag=True,
              help=N_("Without analysis (faster): size = number of partners, no "
                      "suggestions."))
@click.option("--pseudonymise", "--pseudonimiseer", "pseudonymise", is_flag=True,
              help=_PSEUDONYMISE)
@common_options
def map_command(input: str | None, output: Path, force: bool, ghosts: bool, seed: int,
                reference: str, wijk: str | None, no_analysis: bool,
                pseudonymise: bool) -> None:
    """Write the map of INPUT (``wijkgraph map``)."""
    _lean_igraph()
    from wijkgraph._files import check_not_input
    from wijkgraph.errors import OutputError, Problem
    from wijkgraph.render.map import is_map_file, render_map

    t = _t()
    check_not_input(output, [input] if input else [])
    if output.exists() and not force and not is_map_file(output):
        raise OutputError(Problem("problem.output_exists", params={"path": str(output)}))
    network = _load(input)
    if wijk:
        network = network.subnetwork(wijk=wijk)
    network = _pseudonymised(network, pseudonymise)
    _print_warnings(network)
    result = None
    progress = _progress(analysis=not no_analysis, outputs=1,
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


def terminal_findings(network: WijkNetwork, result: Any, lang: str = "nl",
                      n: int = 3) -> list[str]:
    """The `n` most important findings as lines in `lang`, the report's own order."""
    from wijkgraph.render.report import key_findings

    return [f"{f.head}: {f.text}" for f in key_findings(network, result, lang, n=n)]


#: Networks at least this large show progress on stderr (always with -v, never with -q).
PROGRESS_MIN_ACTORS = 500


def _progress(**what: Any) -> Progress:
    """The progress display of this run on stderr (`wijkgraph._progress.progress_for`)."""
    from wijkgraph._progress import progress_for

    ctx = click.get_current_context(silent=True)
    meta: dict[str, Any] = ctx.meta if ctx is not None else {}
    meta["wijkgraph.progress"] = progress_for(
        _t(), stream=sys.stderr, quiet=bool(meta.get("wijkgraph.quiet")),
        verbose=bool(meta.get("wijkgraph.verbose")), **what)
    return meta["wijkgraph.progress"]


@cli.command(help=N_("Check INPUT and report every problem (exit 0 = usable, 2 = not)."))
@click.argument("input")
@click.option("--aliases", type=PathType(path_type=Path), default=None, help=_ALIASES)
@common_options
def validate(input: str, aliases: Path | None = None) -> None:
    """Check INPUT (``wijkgraph validate``)."""
    t = _t()
    network = _load(input, aliases)
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


@cli.command(help=N_("Show the bundled datasets."))
@common_options
def datasets() -> None:
    """List the bundled datasets (``wijkgraph datasets``)."""
    from wijkgraph.sources.bundled import list_datasets

    t = _t()
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
@click.option("--force", is_flag=True, help=_FORCE_FILE)
@common_options
def template(output: Path, force: bool) -> None:
    """Write the form to fill in (``wijkgraph template``)."""
    from wijkgraph.io.template import write_template

    write_template(output, force=force)
    echo(_t().gettext("Template written: {path}").format(path=output))


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
@click.option("--force", is_flag=True, help=_FORCE_FILE)
@common_options
def survey(export: Path, output: Path, mapping: Path | None, aliases: Path | None,
           anonymous: bool, force: bool) -> None:
    """Import a survey export (``wijkgraph survey``)."""
    from wijkgraph._files import check_not_input
    from wijkgraph.io.survey import import_survey, mapping_yaml

    t = _t()
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
@click.option("--pseudonymise", "--pseudonimiseer", "pseudonymise", is_flag=True,
              help=_PSEUDONYMISE)
@click.option("--force", is_flag=True, help=_FORCE_FILE)
@common_options
def convert(input: str, output: Path, to: str | None, include_private: bool,
            pseudonymise: bool, force: bool) -> None:
    """Convert INPUT to another format (``wijkgraph convert``)."""
    from wijkgraph._files import check_not_input
    from wijkgraph.io import guess_format, write

    t = _t()
    check_not_input(output, [input])
    fmt = to or guess_format(output)
    network = _pseudonymised(_load(input), pseudonymise)
    _print_warnings(network)
    write(network, output, fmt, include_private=include_private, force=force)
    if fmt == "gexf":  # again, with the map's colours, sizes and positions for Gephi
        from wijkgraph.render.look import export_gexf

        export_gexf(network, output, lang=_lang(), include_private=include_private)
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
@click.option("--reference", type=Text(), default="auto", show_default=True,
              help=N_("Reference model for missing parties."))
@click.option("--seed", type=IntRange(0, 2**32 - 1), default=0, show_default=True,
              help=N_("Seed for the map."))
@click.option("--aliases", type=PathType(path_type=Path), default=None,
              help=N_("Alias table: sheet 'controle' or a CSV genoemd;koppel aan (same "
                      "actor)."))
@click.option("--force", is_flag=True, help=_FORCE_FOLDER)
@click.option("--aanvullingen", "--corrections", "corrections", type=PathType(path_type=Path),
              default=None, help=N_("Compare INPUT before and after these corrections."))
@click.option("--pseudonymise", "--pseudonimiseer", "pseudonymise", is_flag=True,
              help=_PSEUDONYMISE)
@common_options
def compare(before: str, after: str | None, output: Path, waves: str | None,
            labels: str | None, reference: str, seed: int, aliases: Path | None,
            force: bool, corrections: Path | None = None, pseudonymise: bool = False) -> None:
    """Compare two waves (``wijkgraph compare``)."""
    _lean_igraph()
    t = _t()
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
        net0 = _load(before)
        if pseudonymise:  # the corrections' own lines name the parties: not shown
            from wijkgraph.sources.corrections import apply_corrections

            net1 = apply_corrections(net0, corrections)
        else:
            net1 = _corrected(net0, corrections)
        names = (Path(before).stem, Path(corrections).stem)
    elif after is None:
        wanted = [w.strip() for w in waves.split(",") if w.strip()] if waves else None
        net0, net1, names = split_waves(_load(before), wanted)
    else:
        net0, net1 = _load(before), _load(after)
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


def main() -> None:
    """Entry point of the console script."""
    cli(prog_name="wijkgraph")
