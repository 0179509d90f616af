"""Writing output safely: atomic files and atomically replaced output folders.

Nothing is half-written: a file is written to a temporary sibling and moved into place
with `os.replace`; an output folder is built as a temporary sibling folder and swapped in
only when every file in it is complete.

wijkgraph replaces only what it wrote itself. A folder it wrote holds a marker file,
``.wijkgraph``, that lists every file it put there. Replacing that folder is refused,
naming the file, when it holds anything else (a file the user added); a folder without
the marker is refused as a whole; ``--force`` replaces either. An output never contains
or equals an input (`check_not_input`): that is refused even with ``--force``.

The swap is atomic where the operating system has an atomic exchange of two paths
(Linux 3.15+ with glibc 2.28+: ``renameat2(RENAME_EXCHANGE)``, on ext4, xfs, btrfs, tmpfs
and most local file systems): there is always a complete report at its path. Elsewhere
(macOS, Windows, file systems without the exchange) the previous folder is first renamed
to ``.wijkgraph-old-<name>-<pid>`` and the new one then renamed into place; a kill between
those two renames leaves no report at its path until the next run of wijkgraph, which puts
the previous folder back (`recover`).

Interrupted runs leave nothing behind for long:

* ``SIGTERM`` (and Ctrl-C) while a folder is being built removes the temporary folder
  and keeps the previous one; the swap itself is never split by a signal.
* After ``SIGKILL`` or a power cut, the next run removes the temporary folders and files
  of processes that no longer exist, and puts the previous folder back if a two-rename
  swap was cut in half.

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
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType
from typing import BinaryIO

from wijkgraph.errors import OutputError, Problem
from wijkgraph.i18n import MESSAGES, N_, register

if "problem.output_foreign_file" not in MESSAGES:
    register({
        "problem.output_foreign_file": N_(
            "The folder '{path}' holds '{file}', which wijkgraph did not write. Move it "
            "elsewhere, choose another folder, or use --force to replace the folder with "
            "everything in it."),
        "problem.output_holds_input": N_(
            "The output '{path}' would replace the input '{input}'. Choose an output "
            "outside the input (another name or folder)."),
    })

MARKER = ".wijkgraph"
_TMP_PREFIX = ".wijkgraph-tmp-"  # folder being built: .wijkgraph-tmp-<name>-<pid>-<random>
_OLD_PREFIX = ".wijkgraph-old-"  # previous folder during the swap: .wijkgraph-old-<name>-<pid>
_PART_PREFIX = ".wijkgraph-part-"  # file being written: .wijkgraph-part-<pid>-<random>
_MARKER_TEXT = "Deze map is gemaakt door wijkgraph. / This folder was made by wijkgraph.\n"
_LIST_HEAD = ("# Bestanden die wijkgraph hier schreef en mag vervangen. / "
              "Files wijkgraph wrote here and may replace:\n")
# Files the operating system puts into any folder it shows (Finder, Explorer): not the user's.
_OS_FILES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", ".directory"})
# What wijkgraph wrote into a folder before its marker listed the files.
_LEGACY_NAMES = frozenset({"report.html", "report.md", "map.html", "tables.xlsx",
                           "analysis.json", "verschil.html", "verschil.md", "verschil.json",
                           "nodes.csv", "edges.csv"})


def _unwritable(path: Path, exc: OSError) -> OutputError:
    return OutputError(Problem("problem.output_unwritable", params={
        "path": str(path), "reason": exc.strerror or type(exc).__name__}))


def _umask() -> int:
    """The process umask (read by setting and restoring it)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: str | Path, data: str | bytes | Iterable[str | bytes]) -> None:
    """Write `data` to `path` via a temporary file in the same folder (UTF-8 for text).

    `data` may also be an iterable of parts (text or bytes), written as they come, so a
    large output need not be in memory at once.
    Raises OutputError when the folder cannot be written (missing, read-only, full).
    """
    parts = [data] if isinstance(data, str | bytes) else data
    with atomic_file(path) as fh:
        for part in parts:
            fh.write(part.encode("utf-8") if isinstance(part, str) else part)


@contextlib.contextmanager
def atomic_file(path: str | Path) -> Iterator[BinaryIO]:
    """A binary file (seekable: a zip writer can go back) that becomes `path` when the
    block ends without an error, and is removed otherwise (as `atomic_write`).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_file(d / "b.bin") as fh:
    ...     _ = fh.write(b"ab")
    >>> (d / "b.bin").read_bytes()
    b'ab'
    """
    path = Path(path)
    remove_stale_parts(path.parent)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f"{_PART_PREFIX}{os.getpid()}-", dir=path.parent)
    except OSError as exc:
        raise _unwritable(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are shared files
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _unwritable(path, exc) from exc
        raise


def check_output_folder(path: str | Path, *, force: bool = False,
                        inputs: Iterable[str | Path] = ()) -> Path:
    """Raise OutputError if `path` may not be (re)written; return it as a Path.

    Refused: a file at `path`; a folder without wijkgraph's marker, or one holding a file
    wijkgraph did not write (both allowed with `force`); a folder that is or holds one of
    `inputs` (never allowed). Also repairs what an interrupted earlier run left next to
    it (see `recover`).
    """
    path = Path(path)
    check_not_input(path, inputs)
    if path.parent.is_dir():
        recover(path)
    if path.exists() and not path.is_dir():
        raise OutputError(Problem("problem.output_is_file", params={"path": str(path)}))
    if force or not path.is_dir():
        return path
    if any(path.iterdir()) and not (path / MARKER).exists():
        raise OutputError(Problem("problem.output_not_ours", params={"path": str(path)}))
    foreign = foreign_files(path)
    if foreign:
        raise OutputError(Problem("problem.output_foreign_file", params={
            "path": str(path), "file": foreign[0]}))
    return path


def _written(folder: Path) -> list[str]:
    """Every file below `folder` (but the marker), as sorted relative POSIX paths."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if not p.is_dir() and p.name != MARKER)


def foreign_files(folder: str | Path) -> list[str]:
    """Files and folders in output `folder` that its marker does not list (sorted).

    A marker without a list (written before wijkgraph listed its files) stands for the
    files wijkgraph wrote then (report.html, map.html, tables.xlsx, ...). Files the
    operating system makes in a folder it shows (``.DS_Store``, ``Thumbs.db``,
    ``desktop.ini``, ``._*``) do not count.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> with output_folder(d / "out") as tmp:
    ...     atomic_write(tmp / "x.json", "{}")
    >>> (d / "out" / "notes.txt").write_text("mine")
    4
    >>> foreign_files(d / "out")
    ['notes.txt']
    """
    folder = Path(folder)
    try:
        text = (folder / MARKER).read_text("utf-8", errors="replace")
    except OSError:
        text = ""
    if _LIST_HEAD.strip() in text:
        listed = {ln for ln in text.split(_LIST_HEAD.strip(), 1)[1].splitlines() if ln}
    else:
        listed = set(_LEGACY_NAMES)
    folders = {parent.as_posix() for f in listed for parent in Path(f).parents}
    out = []
    for entry in sorted(folder.rglob("*")):
        rel = entry.relative_to(folder).as_posix()
        is_dir = entry.is_dir() and not entry.is_symlink()
        if entry.name in _OS_FILES or entry.name.startswith("._"):
            continue
        if rel != MARKER and rel not in (folders if is_dir else listed):
            out.append(rel)
    return out


def _inside(inner: Path, outer: Path) -> bool:
    return inner == outer or outer in inner.parents


def check_not_input(output: str | Path, inputs: Iterable[str | Path]) -> None:
    """Raise OutputError when `output` is one of `inputs` or a folder that holds one.

    Names that are no existing path (a bundled dataset) are skipped. Symbolic links are
    followed, so a link to the input folder counts as the input folder.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> (d / "wijk.xlsx").write_bytes(b"")
    0
    >>> check_not_input(d / "rapport", [d / "wijk.xlsx", "utrecht-oost"])
    >>> check_not_input(d, [d / "wijk.xlsx"])
    Traceback (most recent call last):
    ...
    wijkgraph.errors.OutputError: ...
    """
    out = Path(output).absolute()
    targets = {out, out.resolve()}
    for given in inputs:
        if given is None or str(given) == "" or not Path(given).exists():
            continue
        source = Path(given).absolute()
        if any(_inside(src, t) for src in (source, source.resolve()) for t in targets):
            raise OutputError(Problem("problem.output_holds_input", params={
                "path": str(output), "input": str(given)}))


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
def output_folder(path: str | Path, *, force: bool = False,
                  inputs: Iterable[str | Path] = ()) -> Iterator[Path]:
    """Build an output folder in a temporary sibling and swap it in when the block ends.

    If the block raises (or the process is interrupted), the previous folder is left as
    it was and the temporary folder is removed. Raises OutputError when `path` may not
    be written (see `check_output_folder`, checked again just before the swap) or its
    parent cannot be created. The marker written into the folder lists its files.
    """
    inputs = list(inputs)
    path = check_output_folder(Path(path).absolute(), force=force, inputs=inputs)
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
                listing = "".join(f"{name}\n" for name in _written(tmp))
                (tmp / MARKER).write_text(_MARKER_TEXT + _LIST_HEAD + listing,
                                          encoding="utf-8")
                check_output_folder(path, force=force, inputs=inputs)  # changed meanwhile?
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
        _remove(tmp)  # after an exchange: the previous folder


def exchange(a: str | Path, b: str | Path) -> bool:
    """Swap the paths `a` and `b` in one atomic step; False where the system cannot.

    Linux ``renameat2(..., RENAME_EXCHANGE)`` through the C library (glibc 2.28+); False
    on other systems, on an older C library or kernel, and on file systems without the
    exchange (then nothing was changed).
    """
    if not sys.platform.startswith("linux"):
        return False
    import ctypes
    import errno

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                          ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EXDEV, errno.EPERM):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _swap(new: Path, path: Path, old: Path) -> None:
    """Put folder `new` at `path`; what was there ends at `new` (exchange) or `old`.

    With an atomic exchange the previous folder is left at `new`; otherwise it is moved
    to `old` first (and put back when the second rename fails).
    """
    if (path.exists() or path.is_symlink()) and exchange(new, path):
        return
    if path.exists() or path.is_symlink():
        _remove(old)
        os.replace(path, old)
    try:
        os.replace(new, path)
    except OSError:
        if old.exists() and not path.exists():
            os.replace(old, path)
        raise
