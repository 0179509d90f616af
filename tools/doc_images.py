"""Redraw the report pictures in docs/img from the bundled dataset utrecht-oost.

Runs ``wijkgraph analyse utrecht-oost`` in Dutch and English into a temporary folder,
opens each report.html in Debian's Chromium (through Playwright, never downloaded) and
takes one picture per section the guides show. Run it from the repository root after a
change that alters how the report looks::

    .venv/bin/python tools/doc_images.py            # writes docs/img/report-*.png
    .venv/bin/python tools/doc_images.py --check    # only says which pictures would change

The pictures are taken at a fixed width (1,100 px CSS, device scale 1) and cut at
`MAX_HEIGHT` pixels, so the guides stay readable. Nothing here runs in the tests: the
pictures are documentation, redrawn on purpose.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMG = ROOT / "docs" / "img"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
WIDTH = 1100
MAX_HEIGHT = 1400
#: picture name -> section id in report.html (``None``: the top of the page)
PICTURES = {
    "top": None,
    "key-figures": "key_figures",
    "domains": "domains",
    "missing": "missing",
    "links": "links",
    "resilience": "resilience",
}


def write_reports(folder: Path) -> dict[str, Path]:
    """The report.html of utrecht-oost in each language, written under `folder`."""
    out = {}
    for lang in ("nl", "en"):
        target = folder / lang
        subprocess.run([sys.executable, "-m", "wijkgraph", "analyse", "utrecht-oost", "-o",
                        str(target), "--format", "html", "--lang", lang, "-q"], check=True,
                       env={"SOURCE_DATE_EPOCH": "1767225600", "PATH": "/usr/bin:/bin"})
        out[lang] = target / "report.html"
    return out


def take(reports: dict[str, Path], folder: Path) -> list[Path]:
    """Take every picture of `PICTURES` in both languages into `folder`."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("Debian chromium is needed (apt-get install chromium)")
    taken = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for lang, report in reports.items():
            page = browser.new_page(viewport={"width": WIDTH, "height": MAX_HEIGHT})
            page.goto(report.resolve().as_uri())
            page.wait_for_load_state("load")
            for name, section in PICTURES.items():
                file = folder / f"report-{name}{'' if lang == 'nl' else '-en'}.png"
                if section is None:
                    page.screenshot(path=str(file))
                else:
                    box = page.locator(f"section#{section}").bounding_box()
                    if box is None:
                        raise SystemExit(f"{report}: no section {section}")
                    page.screenshot(path=str(file), full_page=True, clip={
                        "x": box["x"], "y": box["y"], "width": box["width"],
                        "height": min(box["height"], MAX_HEIGHT)})
                taken.append(file)
            page.close()
        browser.close()
    return taken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="say which pictures would change; write nothing")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shots = work / "shots"
        shots.mkdir()
        for file in take(write_reports(work), shots):
            old = IMG / file.name
            same = old.exists() and (hashlib.sha256(old.read_bytes()).digest()
                                     == hashlib.sha256(file.read_bytes()).digest())
            print(f"{file.name}: {'unchanged' if same else 'changed'}")
            if not args.check and not same:
                shutil.copyfile(file, old)


if __name__ == "__main__":
    main()
