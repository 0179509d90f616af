"""Click in the chosen language: its own messages and our help texts through the catalogue.

Click marks its messages ("Usage:", "Error: {message}", "Missing argument", "Show this
message and exit.") with ``from gettext import gettext as _`` in its modules. While
`click_speaks` is active, those module globals (``_`` and ``ngettext``) are the methods
of our `wijkgraph.i18n.Translator`, so click speaks the language of the run; afterwards
they are put back, so nothing outside a `wijkgraph` run changes.

The language is read from the arguments (``--lang en`` anywhere, ``--lang=en``) and
else from ``$WIJKGRAPH_LANG``, before click parses them, so that click's own parse errors
are in that language too (`lang_of_args`). Help texts (``help=``) are English msgids,
translated when the help is shown (`TranslatedCommand`).

Examples
--------
>>> import click
>>> lang_of_args(["analyse", "--lang", "en"], {}), lang_of_args(["--lang=en"], {})
('en', 'en')
>>> lang_of_args(["--lang", "fr"], {"WIJKGRAPH_LANG": "en"}), lang_of_args([], {})
('en', 'nl')
>>> with click_speaks("nl"):
...     click.BadParameter("x", param_hint="--top").format_message()
'Ongeldige waarde voor --top: x'
>>> click.BadParameter("x", param_hint="--top").format_message()
'Invalid value for --top: x'
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import click

from wijkgraph.i18n import DEFAULT_LANG, LANGS, N_, NP_, Translator, translator

#: Click's modules that mark messages with ``_`` / ``ngettext`` (``click.<name>``).
CLICK_MODULES = ("core", "exceptions", "decorators", "formatting", "parser", "types",
                 "termui", "utils", "_termui_impl", "shell_completion")

_LANG: ContextVar[str | None] = ContextVar("wijkgraph_cli_lang", default=None)


def lang_of_args(args: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """The output language of a command line: ``--lang``, else ``$WIJKGRAPH_LANG``, else nl.

    An unknown value is passed over here (click reports it, in the fallback language).
    Arguments after ``--`` are not options.
    """
    environ = os.environ if environ is None else environ
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    if found in LANGS:
        return str(found)
    env = environ.get("WIJKGRAPH_LANG", "")
    return env if env in LANGS else DEFAULT_LANG


def current_lang() -> str:
    """The language of the running command (set by `click_speaks`), else from the env."""
    return _LANG.get() or lang_of_args([])


def current_translator() -> Translator:
    """`translator` of `current_lang`."""
    return translator(current_lang())


@contextmanager
def click_speaks(lang: str) -> Iterator[Translator]:
    """Within the block, click's messages and `current_lang` are in `lang`."""
    t = translator(lang)
    token = _LANG.set(lang)
    saved: list[tuple[Any, str, Any]] = []
    for name in CLICK_MODULES:
        module = sys.modules.get(f"click.{name}")
        for attr, ours in (("_", t.gettext), ("ngettext", t.ngettext)):
            if module is not None and hasattr(module, attr):
                saved.append((module, attr, getattr(module, attr)))
                setattr(module, attr, ours)
    try:
        yield t
    finally:
        for module, attr, original in reversed(saved):
            setattr(module, attr, original)
        _LANG.reset(token)


@contextmanager
def _helps_translated(t: Translator, things: Sequence[Any]) -> Iterator[None]:
    """Temporarily replace the ``help`` of commands and parameters by its translation."""
    saved = [(thing, thing.help) for thing in things if getattr(thing, "help", None)]
    for thing, text in saved:
        thing.help = t.gettext(text)
    try:
        yield
    finally:
        for thing, text in saved:
            thing.help = text


#: Usage-line words of click (not marked by click itself).
USAGE_WORDS = {"[OPTIONS]": N_("[OPTIONS]"), "COMMAND [ARGS]...": N_("COMMAND [ARGS]...")}


class TranslatedCommand(click.Command):
    """A command whose help, usage line and help option are in `current_lang`."""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        things: list[Any] = [self, *self.get_params(ctx)]
        if isinstance(self, click.Group):
            things += [self.get_command(ctx, name) for name in self.list_commands(ctx)]
        with _helps_translated(current_translator(), things):
            super().format_help(ctx, formatter)

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        t = current_translator()
        return [t.gettext(USAGE_WORDS[p]) if p in USAGE_WORDS else p
                for p in super().collect_usage_pieces(ctx)]

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        new = self._help_option is None
        option = super().get_help_option(ctx)
        if new and option is not None:  # click made it with the words of this run
            option.help = N_("Show this message and exit.")
        return option


class TranslatedGroup(TranslatedCommand, click.Group):
    """A group with `TranslatedCommand` behaviour; its subcommands are translated too."""

    command_class = TranslatedCommand


class _NameInLanguage(click.ParamType):
    """A parameter type whose `name` ("integer", "file") is in `current_lang` in messages."""

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        english = self.name
        self.name = current_translator().pgettext("click type", english)
        try:
            return super().convert(value, param, ctx)
        finally:
            self.name = english

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str | None:
        """``INTEGER``, ``PATH``, ``TEXT`` in the chosen language (arguments keep their name)."""
        if isinstance(param, click.Argument):
            return None
        return current_translator().pgettext("click metavar", self.name.upper())


class Int(_NameInLanguage, click.types.IntParamType):
    """`int` for click, with "integer" in the chosen language."""


class IntRange(_NameInLanguage, click.IntRange):
    """`click.IntRange` with its name in the chosen language."""


class Path(_NameInLanguage, click.Path):
    """`click.Path` with "file", "directory" or "path" in the chosen language."""


class Text(_NameInLanguage, click.types.StringParamType):
    """`str` for click, with the metavar ``TEXT`` in the chosen language."""


#: Click's messages a user can meet, marked here so the catalogue keeps their Dutch.
#: (Plurals are marked by the `_plural_messages` calls below.)
CLICK_MESSAGES = (
    N_("Usage:"), N_("Options"), N_("Commands"), N_("Positional arguments"),
    N_("Show this message and exit."), N_("Show the version and exit."),
    N_("default: {default}"), N_("required"), N_("env var: {var}"), N_("(dynamic)"),
    N_("Error: {message}"), N_("Try '{command} {option}' for help."),
    N_("Invalid value: {message}"), N_("Invalid value for {param_hint}: {message}"),
    N_("Missing argument"), N_("Missing option"), N_("Missing parameter"),
    N_("Missing {param_type}"), N_("Missing parameter: {param_name}"),
    N_("Missing command."), N_("No such option {name!r}."), N_("No such command {name!r}."),
    N_("Option {name!r} does not take a value."),
    N_("Argument {name!r} takes {nargs} values."),
    N_("Invalid start character for option ({option})"),
    N_("Choose from:\n\t{choices}"), N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("{value!r} is not a valid boolean. Recognized values: {states}"),
    N_("{name} {filename!r} does not exist."), N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."), N_("{name} {filename!r} is not readable."),
    N_("{name} {filename!r} is not writable."), N_("{name} {filename!r} is not executable."),
    N_("Could not open file {filename!r}: {message}"), N_("Aborted!"),
    N_("unknown error"), N_("Error: invalid input"),
    N_("Error: The two entered values do not match."), N_("Repeat for confirmation"),
    N_("Press any key to continue..."),
    NP_("click type", "integer"), NP_("click type", "integer range"),
    NP_("click type", "file"), NP_("click type", "directory"), NP_("click type", "path"),
    NP_("click metavar", "INTEGER"), NP_("click metavar", "INTEGER RANGE"),
    NP_("click metavar", "FILE"), NP_("click metavar", "DIRECTORY"),
    NP_("click metavar", "PATH"), NP_("click metavar", "TEXT"),
)


def _plural_messages(t: Translator) -> list[str]:
    """Click's plural messages (marked for the catalogue; `t` is any translator)."""
    return [
        t.ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 1),
        t.ngettext("Got unexpected extra argument ({args})",
                   "Got unexpected extra arguments ({args})", 1),
        t.ngettext("Option {name!r} requires an argument.",
                   "Option {name!r} requires {nargs} arguments.", 1),
        t.ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", 1),
        t.ngettext("Takes {nargs} values but 1 was given.",
                   "Takes {nargs} values but {len} were given.", 1),
        t.ngettext("{len_type} values are required, but {len_value} was given.",
                   "{len_type} values are required, but {len_value} were given.", 1),
    ]
