"""Writing output safely: atomic files and atomically replaced output folders.

Nothing is half-written: a file is written to a temporary sibling and moved into place
with `os.replace`; an output folder is built as a temporary sibling folder and swapped in
only when every file in it is complete. A folder wijkgraph wrote holds a marker file, so
that it is never asked to overwrite somebody else's folder without ``--force``.

Interrupted runs leave nothing behind for long:

* ``SIGTERM`` (and Ctrl-C) while a folder is being built removes the temporary folder
  and keeps the previous one; the two renames of the swap itself are never split by a
  signal.
* After ``SIGKILL`` or a power cut, the next run removes the temporary folders and files
  of processes that no longer exist, and puts the previous folder back if the swap was
  cut in half.

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
>>> sorted(p.name for p in d.iterdir())
['a.txt', 'out']
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from wijkgraph.errors import OutputError, Problem

MARKER = ".wijkgraph"
_TMP_PREFIX = ".wijkgraph-tmp-"  # folder being built: .wijkgraph-tmp-<name>-<pid>-<random>
_OLD_PREFIX = ".wijkgraph-old-"  # previous folder during the swap: .wijkgraph-old-<name>-<pid>
_PART_PREFIX = ".wijkgraph-part-"  # file being written: .wijkgraph-part-<pid>-<random>
_MARKER_TEXT = "Deze map is gemaakt door wijkgraph. / This folder was made by wijkgraph.\n"


def _unwritable(path: Path, exc: OSError) -> OutputError:
    return OutputError(Problem("problem.output_unwritable", params={
        "path": str(path), "reason": exc.strerror or type(exc).__name__}))


def _umask() -> int:
    """The process umask (read by setting and restoring it)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: str | Path, data: str | bytes) -> None:
    """Write `data` to `path` via a temporary file in the same folder (UTF-8 for text).

    Raises OutputError when the folder cannot be written (missing, read-only, full).
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    remove_stale_parts(path.parent)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f"{_PART_PREFIX}{os.getpid()}-", dir=path.parent)
    except OSError as exc:
        raise _unwritable(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are shared files
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _unwritable(path, exc) from exc
        raise


def check_output_folder(path: str | Path, *, force: bool = False) -> Path:
    """Raise OutputError if `path` may not be (re)written; return it as a Path.

    Also repairs what an interrupted earlier run left next to it (see `recover`).
    """
    path = Path(path)
    if path.parent.is_dir():
        recover(path)
    if path.exists() and not path.is_dir():
        raise OutputError(Problem("problem.output_is_file", params={"path": str(path)}))
    if path.is_dir() and any(path.iterdir()) and not (path / MARKER).exists() and not force:
        raise OutputError(Problem("problem.output_not_ours", params={"path": str(path)}))
    return path


def _pid_of(name: str, prefix: str) -> int | None:
    """The process id written into a temporary name after `prefix`, if any."""
    if not name.startswith(prefix):
        return None
    for part in name[len(prefix):].split("-"):
        if part.isdigit():
            return int(part)
    return None


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()


def recover(path: str | Path) -> None:
    """Repair what an interrupted run left around output folder `path`.

    A previous folder moved aside by a swap that was cut in half is put back (when
    `path` is missing) or removed (when the new folder made it into place); temporary
    folders and files of processes that are gone are removed.
    """
    path = Path(path)
    parent = path.parent
    try:
        entries = list(parent.iterdir())
    except OSError:
        return
    old_prefix = f"{_OLD_PREFIX}{path.name}-"
    for entry in sorted(entries, key=lambda e: e.name):
        rest = entry.name[len(old_prefix):] if entry.name.startswith(old_prefix) else None
        if rest is None or not rest.isdigit() or _alive(int(rest)):
            continue
        if not path.exists():
            with contextlib.suppress(OSError):
                os.replace(entry, path)
                continue
        _remove(entry)
    tmp_prefix = f"{_TMP_PREFIX}{path.name}-"
    for entry in entries:
        if entry.name.startswith(tmp_prefix) and entry.exists():
            pid = entry.name[len(tmp_prefix):].split("-")[0]
            if not pid.isdigit() or not _alive(int(pid)):
                _remove(entry)
    remove_stale_parts(parent)


def remove_stale_parts(folder: str | Path) -> None:
    """Remove half-written files (`atomic_write` temporaries) of processes that are gone."""
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return
    for entry in entries:
        pid = _pid_of(entry.name, _PART_PREFIX)
        if entry.name.startswith(_PART_PREFIX) and (pid is None or not _alive(pid)):
            _remove(entry)


@contextlib.contextmanager
def _terminate_raises() -> Iterator[None]:
    """Turn SIGTERM into SystemExit(143) inside the block, so cleanup code runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    try:
        previous = signal.getsignal(signal.SIGTERM)
    except (ValueError, AttributeError):  # pragma: no cover - no signals here
        yield
        return
    if previous not in (signal.SIG_DFL, None):
        yield  # somebody else handles SIGTERM: leave it to them
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def _signals_blocked() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back during the block (where the platform allows it)."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


@contextlib.contextmanager
def output_folder(path: str | Path, *, force: bool = False) -> Iterator[Path]:
    """Build an output folder in a temporary sibling and swap it in when the block ends.

    If the block raises (or the process is interrupted), the previous folder is left as
    it was and the temporary folder is removed. Raises OutputError when `path` may not
    be written (see `check_output_folder`) or its parent cannot be created.
    """
    path = check_output_folder(Path(path).absolute(), force=force)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _unwritable(path.parent, exc) from exc
    pid = os.getpid()
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f"{_TMP_PREFIX}{path.name}-{pid}-", dir=path.parent))
        os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes 0700; a report folder is shared
    except OSError as exc:
        raise _unwritable(path.parent, exc) from exc
    old = path.parent / f"{_OLD_PREFIX}{path.name}-{pid}"
    with _terminate_raises():
        try:
            yield tmp
            try:
                (tmp / MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
                with _signals_blocked():
                    _swap(tmp, path, old)
            except OSError as exc:
                raise _unwritable(path, exc) from exc
        except BaseException:
            _remove(tmp)
            raise
        finally:
            if old.exists() and path.exists():
                _remove(old)


def _swap(new: Path, path: Path, old: Path) -> None:
    """Put folder `new` at `path`, moving what was there to `old` (kept on failure)."""
    if path.exists() or path.is_symlink():
        _remove(old)
        os.replace(path, old)
    try:
        os.replace(new, path)
    except OSError:
        if old.exists() and not path.exists():
            os.replace(old, path)
        raise
