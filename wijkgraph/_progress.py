"""The progress display of a long command: stage, step k of n, elapsed time, on stderr.

On a terminal one line is redrawn in place (``\\r``), with a bar and a clock that keeps
running during a long stage; when stderr is not a terminal (a log file, a pipe, a test)
every step is one plain line. Nothing goes to stdout or into any output file, and ``-q``
switches it off (the command then makes no `Progress` at all).

A run whose size is not yet known (the input is still being read) can be *undecided*:
the steps are kept and shown only when `decide` says the run is large enough, so that a
small network finishes without any progress lines.

Examples
--------
>>> import io
>>> from wijkgraph.i18n import translator
>>> out = io.StringIO()
>>> clock = iter([0.0, 0.0, 1.5, 2.25, 3.0]).__next__
>>> p = Progress(translator("en"), total=3, stream=out, tty=False, clock=clock)
>>> p.step(stage_label("reading", translator("en")))
>>> p.step(stage_label("key_figures", translator("en")))
>>> p.step(written_label("json", translator("en")))
>>> p.close()
>>> print(out.getvalue(), end="")
Step 1 of 3: reading the input (0.0 s)
Step 2 of 3: key figures (1.5 s)
Step 3 of 3: analysis.json written (2.2 s)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from wijkgraph.i18n import NP_, Translator

__all__ = ["ANALYSIS_STAGES", "PROGRESS_MIN_BYTES", "Progress", "input_bytes", "progress_for",
           "stage_label", "written_label"]

#: An input at least this large (bytes; a folder: its files) shows progress while it is
#: read; a smaller one only once it turns out to be large (`Progress.decide`).
PROGRESS_MIN_BYTES = 1_000_000

#: The stages `wijkgraph.analysis.run.analyse` reports, in order, with their words.
#: tests/test_progress.py checks that this list is the one `analyse` reports.
ANALYSIS_STAGES: dict[str, str] = {
    "network": NP_("stage", "the network as a whole"),
    "missing_parties": NP_("stage", "who is missing"),
    "communities": NP_("stage", "groups"),
    "missing_links": NP_("stage", "missing links"),
    "themes": NP_("stage", "themes"),
    "meetings": NP_("stage", "meetings"),
    "key_figures": NP_("stage", "key figures"),
    "domains": NP_("stage", "domains"),
    "brokerage": NP_("stage", "brokers"),
    "resilience": NP_("stage", "vulnerable spots"),
    "cohesion": NP_("stage", "cohesion"),
}
_OTHER_STAGES: dict[str, str] = {
    "reading": NP_("stage", "reading the input"),
    "map": NP_("stage", "drawing the map"),
}
#: The file each output format of ``wijkgraph analyse`` writes (shown when it is done).
OUTPUT_FILES = {"html": "report.html", "md": "report.md", "map": "map.html",
                "xlsx": "tables.xlsx", "json": "analysis.json"}
_BAR = 20  # characters of the bar on a terminal
_TICK = 1.0  # seconds between redraws of the clock on a terminal


def stage_label(code: str, t: Translator) -> str:
    """The words of a stage code in `t`'s language (an unknown code is shown as it is).

    >>> from wijkgraph.i18n import translator
    >>> stage_label("missing_links", translator("nl")), stage_label("new_stage", translator("nl"))
    ('ontbrekende verbindingen', 'new_stage')
    """
    known = ANALYSIS_STAGES.get(code) or _OTHER_STAGES.get(code)
    return t.pgettext("stage", known) if known else code


def written_label(fmt: str, t: Translator) -> str:
    """'report.html written': the step of one finished output.

    >>> from wijkgraph.i18n import translator
    >>> written_label("xlsx", translator("nl"))
    'tables.xlsx geschreven'
    """
    return t.gettext("{file} written").format(file=OUTPUT_FILES.get(fmt, fmt))


class Progress:
    """Step k of n of a command, with the time since it started, on `stream`.

    Parameters
    ----------
    t : Translator
        The words and numbers of the run's language.
    total : int
        The number of steps expected (more steps make it grow).
    stream : text stream
        Where to write (the CLI passes stderr).
    tty : bool
        Redraw one line in place (a terminal) instead of writing a line per step.
    decided : bool, default True
        False: keep the steps until `decide` (the size of the run is not known yet).
    clock : callable
        Seconds, monotonic (`time.monotonic`; tests pass their own).
    """

    def __init__(self, t: Translator, *, total: int, stream: TextIO, tty: bool,
                 decided: bool = True, clock: Callable[[], float] = time.monotonic) -> None:
        self.t = t
        self.total = max(total, 1)
        self.stream = stream
        self.tty = tty
        self.clock = clock
        self.start = clock()
        self.k = 0
        self.label = ""
        self.at = 0.0  # seconds since start when the current step began
        self.shown: bool | None = True if decided else None
        self._kept: list[tuple[int, str, float]] = []
        self._width = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None

    # --- what the command calls -------------------------------------------------------
    def step(self, label: str) -> None:
        """A new step begins (analysis stages) or ends (outputs): `label` in words."""
        with self._lock:
            self.k += 1
            self.total = max(self.total, self.k)
            self.label = label
            self.at = self.clock() - self.start
            if self.shown is None:
                self._kept.append((self.k, label, self.at))
            elif self.shown:
                self._draw(self.k, label, self.at)
        self._start_ticker()

    def stage(self, code: str) -> None:
        """`step` with the words of a stage code (the ``progress`` hook of `analyse`)."""
        self.step(stage_label(code, self.t))

    def written(self, fmt: str) -> None:
        """`step` for a finished output format (the hook of `write_outputs`)."""
        self.step(written_label(fmt, self.t))

    def decide(self, show: bool) -> None:
        """Show the steps (those kept so far too) or stay silent for the rest of the run."""
        with self._lock:
            if self.shown is not None:
                return
            self.shown = show
            if show:
                for k, label, at in self._kept:
                    self._draw(k, label, at)
            self._kept = []
        self._start_ticker()

    def clear(self) -> None:
        """Wipe the line on a terminal before other text is printed (the next tick redraws)."""
        with self._lock:
            if self.tty and self._width:
                self.stream.write("\r" + " " * self._width + "\r")
                self.stream.flush()
                self._width = 0

    def close(self) -> None:
        """End the display (on a terminal: the line stays, the cursor goes below it)."""
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join()
        with self._lock:
            if self.tty and self.shown and self._width:
                self.stream.write("\n")
                self.stream.flush()
            self._width = 0

    # --- drawing ------------------------------------------------------------------------
    def line(self, k: int, label: str, seconds: float) -> str:
        """The words of step `k`: 'Step 3 of 17: key figures (4.2 s)'."""
        return self.t.gettext("Step {k} of {n}: {stage} ({seconds} s)").format(
            k=k, n=self.total, stage=label, seconds=self.t.number(float(seconds), 1))

    def _draw(self, k: int, label: str, seconds: float) -> None:
        text = self.line(k, label, seconds)
        if not self.tty:
            self.stream.write(text + "\n")
            self.stream.flush()
            return
        done = round(_BAR * min(k, self.total) / self.total)
        text = "[" + "#" * done + "-" * (_BAR - done) + "] " + text
        pad = " " * max(self._width - len(text), 0)  # wipe what a longer line left
        self.stream.write("\r" + text + pad)
        self.stream.flush()
        self._width = len(text)

    def _start_ticker(self) -> None:
        """On a terminal, keep the clock running during a long step."""
        if not self.tty or not self.shown or self._ticker is not None or self._stop.is_set():
            return
        self._ticker = threading.Thread(target=self._tick, name="wijkgraph-progress",
                                        daemon=True)
        self._ticker.start()

    def _tick(self) -> None:
        while not self._stop.wait(_TICK):
            with self._lock:
                if self.k:
                    self._draw(self.k, self.label, self.clock() - self.start)


def progress_for(t: Translator, *, stream: TextIO, reading: bool = False,
                 analysis: bool = True, outputs: int = 0, quiet: bool = False,
                 verbose: bool = False, source: str | None = None,
                 large: bool | None = None) -> Progress:
    """The progress display of a command: `reading` the input, the `analysis` stages and
    `outputs` files to write.

    Silent (``shown`` False) with `quiet`; shown with `verbose`, for a `large` run, or for
    a `source` of at least `PROGRESS_MIN_BYTES`; when the size is not known yet
    (``large=None``), the steps wait for `Progress.decide`. Redrawn in place when `stream`
    is a terminal.

    >>> import io
    >>> from wijkgraph.i18n import translator
    >>> t, out = translator("en"), io.StringIO()
    >>> progress_for(t, stream=out, quiet=True).shown, progress_for(t, stream=out, large=False).shown
    (False, False)
    >>> p = progress_for(t, stream=out, reading=True, outputs=5)
    >>> p.shown, p.total  # undecided; reading, 11 stages, 5 outputs
    (None, 17)
    """
    total = int(reading) + (len(ANALYSIS_STAGES) if analysis else 0) + outputs
    if large is None and source is not None and input_bytes(source) >= PROGRESS_MIN_BYTES:
        large = True
    tty = bool(getattr(stream, "isatty", lambda: False)())
    progress = Progress(t, total=total, stream=stream, tty=tty, decided=verbose or bool(large))
    if quiet or (large is False and not verbose):
        progress.shown = False
    return progress


def input_bytes(source: str) -> int:
    """The size of the file `source`, or of the files in the folder `source` (0 if neither).

    >>> input_bytes("no such file")
    0
    """
    path = Path(source)
    try:
        if path.is_file():
            return path.stat().st_size
        if path.is_dir():
            return sum(f.stat().st_size for f in path.iterdir() if f.is_file())
    except OSError:
        pass
    return 0
