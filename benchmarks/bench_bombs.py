"""Hostile workbooks: does `wijkgraph validate` stay within time and memory (issue 14)?

Generates two workbooks in a temporary folder and runs ``wijkgraph validate`` on each as a
fresh subprocess, reporting wall time, peak memory (max RSS of the child) and the answer:

* a **dimension bomb**: a 2-3 MB .xlsx whose sheet declares ``A1:XFD1048576`` and holds
  a real table followed by a million formatted, empty rows (one styled empty cell in
  column XFD each). Before issue 14: over 300 s and 6.1 GB.
* a **deflate bomb**: a ~1 MB .xlsx whose sheet unpacks to 1 GiB of whitespace. Before
  issue 14: 1.2 GB peak.

Targets: each answered (read, or refused with a message naming the limit) within 60 s
and 1 GB.

    .venv/bin/python benchmarks/bench_bombs.py            # both bombs, full size
    .venv/bin/python benchmarks/bench_bombs.py --small    # smaller bombs (a smoke test)

The builders (`dimension_bomb`, `deflate_bomb`) write the zip directly, so generating a
bomb takes seconds and little memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TIME_TARGET_S = 60.0
MEMORY_TARGET_MB = 1024.0

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.styles+xml"/></Types>')
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="actoren" sheetId="1" r:id="rId1"/>'
    '<sheet name="relaties" sheetId="2" r:id="rId2"/></sheets></workbook>')
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet2.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/></Relationships>')
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/></patternFill></fill>'
    '</fills><borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    '</cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" '
    'xfId="0"/><xf numFmtId="0" fontId="0" fillId="1" borderId="0" xfId="0" '
    'applyFill="1"/></cellXfs></styleSheet>')
_SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               '<dimension ref="{ref}"/><sheetData>')
_SHEET_TAIL = "</sheetData></worksheet>"


def _text_row(r: int, values: tuple[str, ...]) -> str:
    cells = "".join(f'<c r="{chr(65 + i)}{r}" t="inlineStr"><is><t>{v}</t></is></c>'
                    for i, v in enumerate(values))
    return f'<row r="{r}">{cells}</row>'


def _table(rows: list[tuple[str, ...]]) -> str:
    return "".join(_text_row(r, v) for r, v in enumerate(rows, start=1))


ACTORS = [("naam", "domein"), ("Buurtteam Oost", "welzijn"), ("DOCK Oost", "welzijn"),
          ("Huisartsenpraktijk Zoe", "zorg")]
RELATIONS = [("van", "naar"), ("Buurtteam Oost", "DOCK Oost"),
             ("DOCK Oost", "Huisartsenpraktijk Zoe")]


def _write_zip(path: Path, sheet1_chunks: object, sheet2: str) -> Path:
    """A workbook whose first sheet is streamed from `sheet1_chunks` (str pieces)."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, text in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _ROOT_RELS),
                           ("xl/workbook.xml", _WORKBOOK),
                           ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
                           ("xl/styles.xml", _STYLES), ("xl/worksheets/sheet2.xml", sheet2)):
            zf.writestr(name, text)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            for chunk in sheet1_chunks:  # type: ignore[attr-defined]
                fh.write(chunk.encode("utf-8"))
    return path


def dimension_bomb(path: Path, *, empty_rows: int = 1_000_000) -> Path:
    """An .xlsx declaring ``A1:XFD1048576``: a real table, then `empty_rows` formatted rows.

    Each empty row carries a fill style and one styled, empty cell in column XFD (16,384),
    so a reader that trusts the dimension or pads rows to their last cell makes 16,384
    cells per row.
    """
    def chunks() -> object:
        yield _SHEET_HEAD.format(ref="A1:XFD1048576") + _table(ACTORS)
        start = len(ACTORS) + 1
        block = 10_000
        for first in range(start, start + empty_rows, block):
            last = min(first + block, start + empty_rows)
            yield "".join(f'<row r="{r}" spans="1:16384" s="1" customFormat="1">'
                          f'<c r="XFD{r}" s="1"/></row>' for r in range(first, last))
        yield _SHEET_TAIL

    sheet2 = _SHEET_HEAD.format(ref="A1:B3") + _table(RELATIONS) + _SHEET_TAIL
    return _write_zip(path, chunks(), sheet2)


def deflate_bomb(path: Path, *, mib: int = 1024) -> Path:
    """An .xlsx whose first sheet unpacks to `mib` MiB of whitespace (about 1 KB per MiB)."""
    def chunks() -> object:
        yield _SHEET_HEAD.format(ref="A1:B4") + _table(ACTORS)
        block = " " * (1024 * 1024)
        for _ in range(mib):
            yield block
        yield _SHEET_TAIL

    sheet2 = _SHEET_HEAD.format(ref="A1:B3") + _table(RELATIONS) + _SHEET_TAIL
    return _write_zip(path, chunks(), sheet2)


def run_validate(path: Path) -> tuple[float, float, int, str]:
    """Wall seconds, peak MB (max RSS of the child), exit code and last output line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "wijkgraph", "validate", str(path)],
                          capture_output=True, text=True, timeout=900,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of the children is the largest any child reached: run each bomb in a
    # fresh interpreter (see main) so that the number belongs to this one.
    lines = [ln for ln in (proc.stdout + proc.stderr).splitlines() if ln.strip()]
    return seconds, max(peak, before) / 1024, proc.returncode, lines[-1] if lines else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", action="store_true", help="smaller bombs (smoke test)")
    parser.add_argument("--only", choices=("dimension", "deflate"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.only is None:  # each bomb in its own process, so max RSS is its own
        failed = 0
        for which in ("dimension", "deflate"):
            cmd = [sys.executable, __file__, "--only", which] + (["--small"] if args.small else [])
            failed |= subprocess.run(cmd, check=False).returncode
        return failed
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        if args.only == "dimension":
            path = dimension_bomb(folder / "dimension-bomb.xlsx",
                                  empty_rows=100_000 if args.small else 1_000_000)
        else:
            path = deflate_bomb(folder / "deflate-bomb.xlsx", mib=128 if args.small else 1024)
        built = time.perf_counter() - t0
        seconds, peak_mb, code, last = run_validate(path)
        ok = seconds <= TIME_TARGET_S and peak_mb <= MEMORY_TARGET_MB
        print(f"{args.only:>9} bomb: {path.stat().st_size / 1e6:6.2f} MB on disk "
              f"(built in {built:.1f} s) | validate {seconds:6.1f} s, peak {peak_mb:7.0f} MB, "
              f"exit {code} | {'OK' if ok else 'OVER TARGET'}\n{'':>16}{last}")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
