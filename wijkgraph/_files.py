"""Writing output safely: atomic files and atomically replaced output folders.

Nothing is half-written: a file is written to a temporary sibling and moved into place
with `os.replace`; an output folder is built as a temporary sibling folder and swapped in
only when every file in it is complete. A folder wijkgraph wrote holds a marker file, so
that it is never asked to overwrite somebody else's folder without ``--force``.

Examples
--------
>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> atomic_write(d / "a.txt", "hallo")
>>> (d / "a.txt").read_text()
'hallo'
>>> with output_folder(d / "out") as tmp:
...     atomic_write(tmp / "x.json", "{}")
>>> sorted(p.name for p in (d / "out").iterdir())
['.wijkgraph', 'x.json']
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from wijkgraph.errors import OutputError, Problem

MARKER = ".wijkgraph"
_TMP_PREFIX = ".wijkgraph-tmp-"


def atomic_write(path: str | Path, data: str | bytes) -> None:
    """Write `data` to `path` via a temporary file in the same folder (UTF-8 for text)."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=_TMP_PREFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def check_output_folder(path: str | Path, *, force: bool = False) -> Path:
    """Raise OutputError if `path` may not be (re)written; return it as a Path."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise OutputError(Problem("problem.output_is_file", params={"path": str(path)}))
    if path.is_dir() and any(path.iterdir()) and not (path / MARKER).exists() and not force:
        raise OutputError(Problem("problem.output_not_ours", params={"path": str(path)}))
    return path


def _clean_stale(parent: Path, name: str) -> None:
    for stale in parent.glob(f"{_TMP_PREFIX}{name}-*"):
        shutil.rmtree(stale, ignore_errors=True)


@contextlib.contextmanager
def output_folder(path: str | Path, *, force: bool = False) -> Iterator[Path]:
    """Build an output folder in a temporary sibling and swap it in when the block ends.

    If the block raises (or the process is interrupted), the previous folder is left as
    it was and the temporary folder is removed.
    """
    path = check_output_folder(path, force=force).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    _clean_stale(path.parent, path.name)
    tmp = Path(tempfile.mkdtemp(prefix=f"{_TMP_PREFIX}{path.name}-", dir=path.parent))
    try:
        yield tmp
        (tmp / MARKER).write_text("Deze map is gemaakt door wijkgraph.\n", encoding="utf-8")
        old = None
        if path.exists():
            old = path.parent / f"{_TMP_PREFIX}{path.name}-old"
            shutil.rmtree(old, ignore_errors=True)
            os.replace(path, old)
        os.replace(tmp, path)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
