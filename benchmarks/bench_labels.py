"""Do the map's labels collide? Overlapping pairs of drawn labels at the fitted view.

Renders the map (with its analysis, as ``wijkgraph analyse`` writes it) of every bundled
dataset, opens it in headless Debian Chromium at 1920x1080 and counts the pairs of *drawn*
labels whose boxes overlap. A label's box is vis-network's own (``labelModule.size``: the
measured text width and line height, in canvas units, converted to screen pixels with
``canvasToDOM``), shifted by ``font.vadjust`` (vis-network adds it when it draws the
text). A label counts when vis-network draws it (``labelModule.visible()``: a non-empty label
whose font is at least ``drawThreshold`` pixels at the current scale) inside the view.

    .venv/bin/python benchmarks/bench_labels.py              # every bundled dataset
    .venv/bin/python benchmarks/bench_labels.py utrecht-oost  # chosen datasets
    .venv/bin/python benchmarks/bench_labels.py --present     # also in presentation mode

Target (issue 13): 0 overlapping pairs on every bundled dataset at 1920x1080.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

#: JavaScript run in the page: drawn label boxes (screen px) and the overlapping pairs.
LABEL_BOXES = """() => {
  const net = wijkgraph.network, boxes = [];
  for (const [id, node] of Object.entries(net.body.nodes)) {
    if (!net.body.nodeIndices.includes(node.id)) continue;
    const lab = node.labelModule;
    if (!lab || !lab.visible()) continue;
    const s = lab.size, v = Number(lab.fontOptions.vadjust) || 0;  // drawn shifted by vadjust
    const a = net.canvasToDOM({x: s.left, y: s.top + v});
    const b = net.canvasToDOM({x: s.left + s.width, y: s.top + s.height + v});
    const frame = net.canvas.frame.canvas;  // off-screen labels are not drawn (stale sizes)
    if (b.x < 0 || b.y < 0 || a.x > frame.clientWidth || a.y > frame.clientHeight) continue;
    boxes.push({id: String(node.id), x0: a.x, y0: a.y, x1: b.x, y1: b.y,
                px: lab.fontOptions.size * net.getScale()});
  }
  let pairs = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const p = boxes[i], q = boxes[j];
    if (p.x0 < q.x1 - 1 && q.x0 < p.x1 - 1 && p.y0 < q.y1 - 1 && q.y0 < p.y1 - 1) pairs++;
  }
  return {drawn: boxes.length, pairs: pairs,
          max_px: Math.max(0, ...boxes.map(b => b.px))};
}"""


def measure(page: object) -> dict[str, float]:
    """Drawn labels, overlapping pairs and the largest label (px) on an opened map page."""
    return page.evaluate(LABEL_BOXES)  # type: ignore[attr-defined,no-any-return]


def main(names: list[str], present: bool) -> None:
    from playwright.sync_api import sync_playwright

    from wijkgraph.analysis.run import analyse
    from wijkgraph.render.map import render_map
    from wijkgraph.sources.bundled import dataset_names, load_dataset

    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("Debian chromium is not installed")
    names = names or list(dataset_names())
    print(f"{'dataset':<22} {'actors':>6} {'mode':<8} {'drawn':>6} {'overlapping':>11} {'max px':>7}")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        for name in names:
            net = load_dataset(name)
            path = Path(tmp) / f"{name}.html"
            render_map(net, analyse(net)).write(path)
            page = browser.new_page(viewport={"width": 1920, "height": 1080})
            page.goto(path.as_uri())
            page.wait_for_function("window.wijkgraphReadyAt !== undefined", timeout=60_000)
            page.wait_for_timeout(300)
            modes = [("normal", None)]
            if present:
                modes.append(("present", "p"))
            for mode, key in modes:
                if key:
                    page.keyboard.press(key)
                    page.wait_for_timeout(500)
                m = measure(page)
                print(f"{name:<22} {net.n_actors:>6} {mode:<8} {m['drawn']:>6} "
                      f"{m['pairs']:>11} {m['max_px']:>7.1f}")
            page.close()
        browser.close()


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(args, "--present" in sys.argv)
