"""How fast does the map open? Time from opening the file to a settled, clickable map.

Runs `wijkgraph.render_map` on `wijkgraph.sources.bundled.synthetic(n)` (no analysis: size by
degree) and opens the file in headless Debian Chromium. "Ready" is the first frame vis-network
draws after the page's script has placed every node (``window.wijkgraphReadyAt``, in ms
since navigation start); physics is off, so the map is settled and clickable from then on.
Also measured: a click on an actor (highlight + side panel) and, for maps that open on an
overview, the click that opens the biggest group.

    .venv/bin/python benchmarks/bench_map.py            # 300, 3,000 and 30,000 actors
    .venv/bin/python benchmarks/bench_map.py 300 3000   # chosen sizes

Targets (issue 5): under 1 s at 300, under 3 s at 3,000, a usable overview within 5 s at
30,000 actors.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SIZES = (300, 3000, 30000)
TARGETS = {300: 1.0, 3000: 3.0, 30000: 5.0}


def main(sizes: tuple[int, ...]) -> None:
    from playwright.sync_api import sync_playwright

    from wijkgraph.render.map import render_map
    from wijkgraph.sources.bundled import synthetic

    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("Debian chromium is not installed")
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        for n in sizes:
            t0 = time.perf_counter()
            net = synthetic(n)
            t_build = time.perf_counter() - t0
            t0 = time.perf_counter()
            doc = render_map(net)
            t_render = time.perf_counter() - t0
            path = Path(tmp) / f"map-{n}.html"
            doc.write(path)
            size_mb = path.stat().st_size / 1e6
            page = browser.new_page(viewport={"width": 1600, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            page.goto(path.as_uri())
            page.wait_for_function("window.wijkgraphReadyAt !== undefined", timeout=120_000)
            ready = page.evaluate("window.wijkgraphReadyAt") / 1000
            shown = page.evaluate("wijkgraph.nodes.length")
            overview = page.evaluate("wijkgraph.state.view.overview")
            # one click: open the biggest group (overview) or select the biggest actor
            t_click = page.evaluate("""() => new Promise(resolve => {
                const w = wijkgraph, t0 = performance.now();
                w.network.once('afterDrawing', () => resolve((performance.now() - t0) / 1000));
                if (w.state.view.overview) {
                  const ids = w.nodes.getIds();
                  const big = ids.reduce((a, b) => w.nodes.get(a).size >= w.nodes.get(b).size ? a : b);
                  w.network.body.emitter.emit('click', {nodes: [big], edges: []});
                } else {
                  const top = w.actors.reduce((a, b) => a.size >= b.size ? a : b);
                  w.network.body.emitter.emit('click', {nodes: [top.i], edges: []});
                }
                w.network.redraw();
            })""")
            after = page.evaluate("wijkgraph.nodes.length")
            page.close()
            rows.append((n, net.graph.number_of_edges(), t_build, t_render, size_mb, ready,
                         "overview" if overview else "all actors", shown, t_click, after,
                         errors))
            print(f"... {n} actors done", file=sys.stderr)
        browser.close()
    print()
    print(f"{'actors':>7} {'ties':>7} {'build s':>8} {'render s':>9} {'file MB':>8} "
          f"{'ready s':>8} {'target':>7} {'opens on':>11} {'nodes':>6} {'click s':>8} "
          f"{'after':>6}")
    for (n, ties, tb, tr, mb, ready, mode, shown, tc, after, errors) in rows:
        target = TARGETS.get(n)
        ok = "" if target is None else ("ok" if ready < target else "SLOW")
        print(f"{n:>7,} {ties:>7,} {tb:>8.2f} {tr:>9.2f} {mb:>8.1f} {ready:>8.2f} "
              f"{ok:>7} {mode:>11} {shown:>6,} {tc:>8.2f} {after:>6,}"
              + (f"  errors: {errors}" if errors else ""))


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
