"""The installed version, read from the package metadata (the face is never imported for it)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("wijkgraph")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0.0.0"
