"""The `wijkgraph` group and what its commands share: language, echo, loading, errors.

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
import gc
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
from wijkgraph.cli._collector import collector_paused, resume_collector
from wijkgraph.errors import ValidationError, WijkgraphError
from wijkgraph.i18n import LANGS, N_, Translator, translator

if TYPE_CHECKING:
    from wijkgraph._progress import Progress
    from wijkgraph.model.network import WijkNetwork

DEFAULT_DATASET = "utrecht-oost"
DEFAULT_OUTPUT = "wijkgraph-rapport"


def run_lang(ctx: click.Context | None = None) -> str:
    """The output language: ``--lang`` of this run, else `current_lang`."""
    ctx = ctx or click.get_current_context(silent=True)
    if ctx is not None and ctx.meta.get("wijkgraph.lang"):
        return str(ctx.meta["wijkgraph.lang"])
    return current_lang()


def run_translator() -> Translator:
    """The translator of this run's language."""
    return translator(run_lang())


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
        """Run the command line with click speaking its language (see `lang_of_args`),
        the garbage collector held off until the input is loaded (`_collector`)."""
        lang = lang_of_args(list(sys.argv[1:] if args is None else args))
        with click_speaks(lang), collector_paused():
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WijkgraphError as exc:
            t = run_translator()
            click.echo(exc.describe(t.lang), err=True)
            if isinstance(exc, ValidationError):
                click.echo(t.ngettext("{n} problem found; nothing was written.",
                                      "{n} problems found; nothing was written.",
                                      len(exc.errors)).format(n=t.number(len(exc.errors))),
                           err=True)
            ctx.exit(2)
        except KeyboardInterrupt:
            click.echo(run_translator().gettext("Interrupted."), err=True)
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
IGRAPH_EXTRAS = ("matplotlib", "wcwidth")


def lean_igraph() -> None:
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
    blocked = [name for name in IGRAPH_EXTRAS if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # the import fails at once
    try:
        import igraph  # noqa: F401
    finally:
        for name in blocked:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


def load_input(source: str | None, aliases: Path | None = None, *,
               analysed: bool = True) -> WijkNetwork:
    """The network of SOURCE (the bundled dataset when None) with its aliases applied.

    Everything alive then is left out of later garbage collections (`gc.freeze`; for a
    command that goes on to analyse a network of `SETTLE_MIN_ACTORS` actors or more after
    a full collection, `settle`), and the collector, held off while the command started
    (`wijkgraph.cli._collector`), runs again. A command that analyses (`analysed`) a wijk
    has the network's graph made first; a city's graph is made by the analysis once its
    sampling workers have started; ``validate`` needs no graph (and never imports networkx).
    """
    from wijkgraph.sources.loading import load

    if source is None:
        echo(run_translator().gettext("No input given: using the bundled dataset '{name}'.").format(
            name=DEFAULT_DATASET))
        source = DEFAULT_DATASET
    from wijkgraph.io.aliases import apply_aliases, rescue_typed_twice
    from wijkgraph.model._memory import settle

    try:
        loaded = load(source)
    except ValidationError as exc:  # a party typed twice that an alias merges is no error
        loaded = rescue_typed_twice(exc, source, aliases)
    network = apply_aliases(loaded, source, aliases)  # its aliases sheet and --aliases FILE
    if analysed and network.n_actors < SETTLE_MIN_ACTORS:
        network.graph  # noqa: B018 - made now, so that the freeze covers it too
    # a city's graph is made by the analysis, once its sampling workers have started
    # what is alive now (libraries, the network) lives to the end of the command: later
    # collections, and the one at exit, leave it alone
    if analysed and network.n_actors >= SETTLE_MIN_ACTORS:
        settle()  # garbage of reading a city collected first, its memory given back
    else:
        gc.freeze()
    resume_collector()
    return network


#: From this many actors on `load_input` collects garbage before freezing what is alive
#: (`wijkgraph.model._memory.settle`). Below it that collection, which walks every object
#: of the imported libraries (0.05 s), costs more than the little garbage a wijk leaves,
#: and no output is written in forked processes (`wijkgraph.render.outputs`).
SETTLE_MIN_ACTORS = 1000


ALIASES_HELP = N_("Aliases table (naam, zelfde als): merge actors typed twice.")


def print_warnings(network: WijkNetwork, limit: int = 5) -> None:
    t = run_translator()
    warnings = list(network.warnings)
    for w in warnings[:limit]:
        echo(w.describe(t.lang))
    if len(warnings) > limit:
        echo(t.count(len(warnings) - limit, "... and {n} more warning (see analysis.json).",
                     "... and {n} more warnings (see analysis.json)."))


CORRECTIONS_HELP = N_("Corrections workbook (from the map's 'Download corrections'): new ties, "
                  "ended ties, new parties and notes; the input stays as it is.")


def corrected(network: WijkNetwork, corrections: Path | None, *, show: bool = True) -> WijkNetwork:
    """`network` with the corrections of ``--aanvullingen`` applied (what changed shown if `show`)."""
    if corrections is None:
        return network
    from wijkgraph.sources.corrections import apply_corrections, describe_corrections

    network = apply_corrections(network, corrections)
    for line in describe_corrections(network.meta["corrections"], lang=run_lang()) if show else ():
        echo(line)  # not with --pseudonymise: the lines name the parties
    return network


FORCE_FOLDER_HELP = N_("Replace an existing folder that wijkgraph did not make.")
PSEUDONYMISE_HELP = N_("Replace persons by their role and a number; no contact details.")


def seed_option(help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--seed`` (0 to 2**32 - 1, default 0) with this command's `help` msgid."""
    return click.option("--seed", type=IntRange(0, 2**32 - 1), default=0, show_default=True,
                        help=help)


def reference_option(help: str | None = None
                     ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--reference`` (a model name, YAML file or ``auto``; default ``auto``); the help is
    `REFERENCE_HELP` unless given."""
    return click.option("--reference", type=Text(), default="auto", show_default=True,
                        help=help or REFERENCE_HELP)


def pseudonymise_option() -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--pseudonymise`` / ``--pseudonimiseer``: persons as role and number."""
    return click.option("--pseudonymise", "--pseudonimiseer", "pseudonymise", is_flag=True,
                        help=PSEUDONYMISE_HELP)


def pseudonymised(network: WijkNetwork, pseudonymise: bool) -> WijkNetwork:
    """`network` with persons as role and number (``--pseudonymise``), else as it is."""
    if not pseudonymise:
        return network
    from wijkgraph.model.privacy import pseudonymise as make_pseudonymous

    return make_pseudonymous(network, lang=run_lang())
FORCE_FILE_HELP = N_("Overwrite an existing file.")
REFERENCE_HELP = N_("Reference model: name or YAML file (wijk-algemeen, utrecht-basis, utrecht-oost); "
                "several joined by commas are combined; 'none' switches 'who is missing' off; "
                "'auto' chooses utrecht-basis for data from Utrecht, else wijk-algemeen.")


def terminal_findings(network: WijkNetwork, result: Any, lang: str = "nl",
                      n: int = 3) -> list[str]:
    """The `n` most important findings as lines in `lang`, the report's own order."""
    from wijkgraph.render.report import key_findings

    return [f"{f.head}: {f.text}" for f in key_findings(network, result, lang, n=n)]


#: Networks at least this large show progress on stderr (always with -v, never with -q).
PROGRESS_MIN_ACTORS = 500


def progress_display(**what: Any) -> Progress:
    """The progress display of this run on stderr (`wijkgraph._progress.progress_for`)."""
    from wijkgraph._progress import progress_for

    ctx = click.get_current_context(silent=True)
    meta: dict[str, Any] = ctx.meta if ctx is not None else {}
    meta["wijkgraph.progress"] = progress_for(
        run_translator(), stream=sys.stderr, quiet=bool(meta.get("wijkgraph.quiet")),
        verbose=bool(meta.get("wijkgraph.verbose")), **what)
    return meta["wijkgraph.progress"]


def main() -> None:
    """Entry point of the console script."""
    cli(prog_name="wijkgraph")
