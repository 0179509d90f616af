"""Checks a parsed reference model next to its YAML node tree (line numbers in problems)."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

import yaml

from wijkgraph.errors import Problem, Words
from wijkgraph.i18n import N_


class Checker:
    """Walks the parsed YAML next to its node tree, so every problem has a line number."""

    def __init__(self, file: str, root: yaml.Node | None) -> None:
        self.file = file
        self.root = root
        self.problems: list[Problem] = []

    def line(self, path: tuple[Any, ...]) -> int:
        node = self.root
        best = node.start_mark.line + 1 if node is not None else 1
        for step in path:
            child = None
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if k.value == step:
                        child = v
                        break
            elif (isinstance(node, yaml.SequenceNode) and isinstance(step, int)
                  and 0 <= step < len(node.value)):
                child = node.value[step]
            if child is None:
                break
            node = child
            best = node.start_mark.line + 1
        return best

    def add(self, code: str, path: tuple[Any, ...], **params: Any) -> None:
        params.setdefault("key", _keypath(path))
        params.setdefault("line", self.line(path))
        self.problems.append(Problem(code, file=self.file, params=params))

    def keys(self, data: Mapping[str, Any], allowed: tuple[str, ...], path: tuple[Any, ...]) -> None:
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                self.add("problem.reference_unknown_key", (*path, key), key=_keypath((*path, key)),
                         allowed=", ".join(allowed), suggestion=close[0] if close else None)

    def text(self, value: Any, path: tuple[Any, ...], *, required: bool = True) -> str:
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.add("problem.reference_type", path, expected=Words(N_("text")),
                     **found(value))
            return ""
        return str(value).strip()

    def bilingual(self, value: Any, path: tuple[Any, ...]) -> tuple[str, str]:
        """A text, or a mapping with `nl` and `en`; missing English falls back to Dutch."""
        if isinstance(value, Mapping):
            self.keys(value, ("nl", "en"), path)
            nl = self.text(value.get("nl"), (*path, "nl"))
            en = self.text(value.get("en"), (*path, "en"))
            return nl or en, en or nl
        text = self.text(value, path)
        return text, text

    def listing(self, value: Any, path: tuple[Any, ...]) -> list[Any]:
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list):
            self.add("problem.reference_type", path, expected=Words(N_("a list")),
                     **found(value))
            return []
        return value


def _keypath(path: tuple[Any, ...]) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out or "/"


def found(value: Any) -> dict[str, Words | str]:
    """What was found instead (for `problem.reference_type`): words, or the value quoted."""
    if isinstance(value, Mapping):
        return {"found": Words(N_("keys"))}
    if isinstance(value, list):
        return {"found": Words(N_("a list"))}
    if value is None:
        return {"found": Words(N_("nothing"))}
    return {"found": f"'{value}'"}
