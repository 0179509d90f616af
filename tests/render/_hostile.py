"""A hostile wijk network: markup, script, quotes, ampersands and template syntax everywhere."""

from __future__ import annotations

import pandas as pd

from wijkgraph.model.network import WijkNetwork, build_network
from wijkgraph.model.tables import tables_from_frames

PAYLOADS = (
    '<img src=x onerror="window.__pwned=1;alert(1)">',
    "</script><script>window.__pwned=1;alert(1)</script>",
    "Tom & Jerry's \"buurt\" {{ 7*7 }} {% raw %}",
    "<b>vet</b> & <i>schuin</i> ${alert(1)} `x`",
    "javascript:alert(1) <svg onload=alert(1)>",
)
NAMES = tuple(f"{p} #{i}" for i, p in enumerate(PAYLOADS))


def hostile_network() -> WijkNetwork:
    """Five actors in a ring plus a meeting; every text field holds a payload."""
    n = len(PAYLOADS)
    actors = pd.DataFrame({
        "id": [f"a{i}" for i in range(n)],
        "name": list(NAMES),
        "type": [PAYLOADS[(i + 1) % n] if i % 2 else "organisatie" for i in range(n)],
        "domain": [PAYLOADS[(i + 2) % n] if i % 2 else "zorg" for i in range(n)],
        "role": [PAYLOADS[(i + 3) % n] for i in range(n)],
        "wijk": [PAYLOADS[(i + 4) % n] for i in range(n)],
        "themes": [f"{PAYLOADS[i]};{PAYLOADS[(i + 1) % n]}" for i in range(n)],
        "description": list(PAYLOADS),
        "contact": [f"geheim{i}@example.org" for i in range(n)],
    })
    relations = pd.DataFrame({
        "source": [f"a{i}" for i in range(n)],
        "target": [f"a{(i + 1) % n}" for i in range(n)],
        "strength": [1, 2, 3, 4, 2],
        "theme": list(PAYLOADS),
        "channel": list(PAYLOADS),
    })
    meetings = pd.DataFrame({"id": ["m1", "m2"], "name": [PAYLOADS[1], PAYLOADS[0]],
                             "theme": [PAYLOADS[2], PAYLOADS[3]], "wijk": [PAYLOADS[4], ""]})
    participation = pd.DataFrame({"actor": ["a0", "a2", "a3", "a1", "a4"],
                                  "meeting": ["m1", "m1", "m1", "m2", "m2"]})
    return build_network(tables_from_frames(actors, relations, meetings, participation),
                         meta={"name": PAYLOADS[1], "title_nl": PAYLOADS[0]})
