"""The one error hierarchy of wijkgraph, and the `Problem` that names where input is wrong.

Every error a user can cause is a `WijkgraphError`; the CLI maps it in one place to one
clear line per problem and exit code 2. Anything else is a bug (exit code 1).

Examples
--------
>>> p = Problem("problem.self_loop", file="relations.csv", row=4, column="target",
...             params={"name": "DOCK"})
>>> p.describe("en")
"Error: relations.csv, row 4, column 'target': Relation from 'DOCK' to itself. Remove the \
row or choose another party."
>>> ValidationError([p]).describe("nl").startswith("Fout: relations.csv, rij 4")
True
>>> str(ValidationError([p]))[:38]
'1 problem in the input: Error: relatio'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from wijkgraph.i18n import t, translator

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Words:
    """A parameter of a message that is itself words: an English msgid (mark it with `N_`)
    with its own parameters (long values shortened), translated when the message is shown.

    >>> Words("{n} part", {"n": 2}).text("en")
    '2 part'
    """

    msgid: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "nl") -> str:
        template = translator(lang).gettext(self.msgid)
        if not self.params:
            return template
        return template.format(**{k: _short(v) for k, v in self.params.items()})


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or doubtful) in the input, with where it is as Excel shows it.

    `row` counts like Excel: the header is row 1, the first data row is row 2.
    Problems are hashable (a set of them drops repeats) and compare by value.

    >>> a = Problem("problem.no_relations", file="r.csv", severity="warning")
    >>> len({a, Problem("problem.no_relations", file="r.csv", severity="warning")})
    1
    """

    code: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)
    severity: Severity = "error"

    def location(self, lang: str = "nl") -> str:
        """Where the problem is: 'file, sheet, row, column' (parts that are known)."""
        parts = []
        if self.file:
            parts.append(t("where.file", lang, file=self.file))
        if self.sheet:
            parts.append(t("where.sheet", lang, sheet=self.sheet))
        if self.row is not None:
            parts.append(t("where.row", lang, row=self.row))
        if self.column:
            parts.append(t("where.column", lang, column=_short(self.column)))
        return ", ".join(parts)

    def message(self, lang: str = "nl") -> str:
        """What is wrong and what to do, without the location.

        Values longer than 80 characters are shortened, so one huge cell cannot flood
        the terminal.

        >>> Problem("problem.self_loop", params={"name": "x" * 500}).message("en")[:20]
        "Relation from 'xxxxx"
        >>> len(Problem("problem.self_loop", params={"name": "x" * 500}).message("en")) < 200
        True
        """
        params = {k: v.text(lang) if isinstance(v, Words) else v if k in _WHOLE
                  else _short(v, 200 if k == "found" else MAX_SHOWN)
                  for k, v in self.params.items()}
        if "suggestion" in params and "suggestion_text" not in params:
            sug = params["suggestion"]
            params["suggestion_text"] = t("problem.did_you_mean", lang, suggestion=sug) if sug else ""
        return t(self.code, lang, **params)

    def describe(self, lang: str = "nl") -> str:
        """One line: severity, location and message."""
        where = self.location(lang)
        head = t(f"severity.{self.severity}", lang)
        return f"{head}: {where}: {self.message(lang)}" if where else f"{head}: {self.message(lang)}"

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "severity": self.severity,
            "code": self.code.removeprefix("problem."),
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message(lang),
        }


class WijkgraphError(Exception):
    """Base of every error a user can cause; the CLI shows `describe()` and exits with 2."""

    problems: tuple[Problem, ...] = ()

    def describe(self, lang: str = "nl") -> str:
        """The error in words for a person, one line per problem."""
        if self.problems:
            return "\n".join(p.describe(lang) for p in self.problems)
        return str(self)


class InputError(WijkgraphError):
    """One problem with an input file that stops reading it."""

    def __init__(self, problem: Problem) -> None:
        self.problems = (problem,)
        super().__init__(problem.describe("en"))

    @property
    def problem(self) -> Problem:
        return self.problems[0]


class UnknownActorError(InputError):
    """A relation or participation points to an actor that is not in the actors table."""


class UnknownWijkError(InputError):
    """`--wijk` names a wijk no actor works in."""


class ValidationError(WijkgraphError):
    """All problems found in the input (collected before failing); warnings included."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        ordered = tuple(sorted(problems, key=_problem_order))
        self.problems = ordered
        errors = [p for p in ordered if p.severity == "error"]
        super().__init__(translator("en").ngettext(
            "{n} problem in the input: {first}", "{n} problems in the input: {first}",
            len(errors)).format(n=len(errors), first="; ".join(
                p.describe("en") for p in errors[:3])))

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")

    def describe(self, lang: str = "nl") -> str:
        """Errors first, then warnings, one line each."""
        return "\n".join(p.describe(lang) for p in self.errors + self.warnings)


class OutputError(WijkgraphError):
    """An output path that cannot or may not be written."""

    def __init__(self, problem: Problem) -> None:
        self.problems = (problem,)
        super().__init__(problem.describe("en"))


class UnknownDatasetError(WijkgraphError):
    """A bundled dataset name that does not exist."""

    def __init__(self, problem: Problem) -> None:
        self.problems = (problem,)
        super().__init__(problem.describe("en"))


MAX_SHOWN = 80
_WHOLE = frozenset({"known", "aliases", "datasets", "path"})  # ours or paths: kept whole


def _short(value: Any, limit: int = MAX_SHOWN) -> Any:
    """`value`, or a shortened copy when it is a string longer than `limit`.

    >>> _short("abc"), len(_short("x" * 100))
    ('abc', 61)
    """
    if isinstance(value, str) and len(value) > limit:
        return f"{value[: limit - 20]}…"
    return value


def _problem_order(p: Problem) -> tuple[str, str, int]:
    """File, sheet, row; within a row the order they were found (left to right)."""
    return (p.file or "", p.sheet or "", p.row if p.row is not None else 0)
