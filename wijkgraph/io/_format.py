"""`Format`: what one file format module of `wijkgraph.io` exports (its ``FORMAT``).

`wijkgraph.io` lists every ``FORMAT`` once (`wijkgraph.io.FORMATS`) and is the only place
that chooses a reader or a writer. This module holds only the record, so that the
format modules can make one without importing `wijkgraph.io` itself (no cycle).

Examples
--------
>>> fmt = Format("demo", (".demo",), sniff=lambda p: False, read=lambda p, **kw: None)
>>> fmt.matches_suffix(Path("a.DEMO")), fmt.can_write
(True, False)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # pragma: no cover
    from wijkgraph.model.network import WijkNetwork


class Reader(Protocol):
    """``read(path, *, meeting_ties=False) -> WijkNetwork``."""

    def __call__(self, path: Path, /, *, meeting_ties: bool = False) -> WijkNetwork: ...


class Writer(Protocol):
    """``write(network, path, *, include_private=False, force=False) -> Path``.

    `path` is new or may be replaced (`wijkgraph.io.write` checks that first); a folder
    format replaces only a folder wijkgraph wrote itself unless `force`.
    """

    def __call__(self, network: WijkNetwork, path: Path, /, *,
                 include_private: bool = False, force: bool = False) -> Path: ...


@dataclass(frozen=True)
class Format:
    """One file format: its name, file suffixes, how to recognise it, read it, write it.

    Attributes
    ----------
    name : str
        The name ``--to`` and `wijkgraph.io.write` use (``"gexf"``, ``"kumu"``, ...).
    suffixes : tuple of str
        Lower-case name endings that ask for this format when writing
        (``".kumu.xlsx"``); empty for a folder format.
    sniff : callable
        ``sniff(path) -> bool``: True when the existing `path` is in this format. It
        looks at the suffix and, where a suffix is shared, at the content; it never raises.
    read : callable
        ``read(path, *, meeting_ties=False) -> WijkNetwork`` (see `Reader`).
    write : callable or None
        ``write(network, path, *, include_private=False, force=False) -> Path`` (see
        `Writer`); None for a format wijkgraph only reads.
    folder : bool
        The format is a folder of files rather than one file.
    """

    name: str
    suffixes: tuple[str, ...]
    sniff: Callable[[Path], bool]
    read: Reader
    write: Writer | None = None
    folder: bool = False

    def matches_suffix(self, path: Path) -> bool:
        """Whether the name of `path` ends in one of `suffixes` (case-insensitive)."""
        name = path.name.casefold()
        return any(name.endswith(s) for s in self.suffixes)

    @property
    def can_write(self) -> bool:
        return self.write is not None
