"""Foreign edge weights (GraphML, GEXF, JSON, Gephi) turned into strengths 1-4.

wijkgraph's strength is the depth of a tie on the four-step scale of the learning
mechanisms (1 identification ... 4 transformation). Networks from other tools carry a
``weight`` on another scale: a count of co-appearances (Les Misérables: 1-31), a
frequency, a share. `weights_to_strengths` maps them onto 1-4 so that the order of the
weights is kept:

* every weight a whole number 1-4: the weight *is* the strength (method ``"identity"``);
* otherwise (method ``"quartiles"``): a relation's strength is ``1 + floor(4 * p)``, capped
  at 4, where ``p`` is the share of the file's numeric weights that are *smaller* than its
  own. Equal weights get equal strengths, a larger weight never gets a smaller strength,
  the smallest weight gets 1 and weights in the top quarter get 4. The raw weight is kept
  in the relation column ``oorspronkelijk gewicht`` ("original weight").

A weight that is not a number gives no strength (the validator's default, 1) and is kept
as ``oorspronkelijk gewicht`` too. The mapping used is returned, and the readers store it
in ``network.meta["weights"]`` (the analysis meta and ``analysis.json`` carry it on).

Examples
--------
>>> edges = [{"weight": "31"}, {"weight": "1"}, {"weight": "2"}, {"weight": "9"}]
>>> weights_to_strengths(edges)["method"]
'quartiles'
>>> [e["strength"] for e in edges], edges[0]["oorspronkelijk gewicht"]
([4, 1, 2, 3], '31')
>>> edges = [{"weight": "3"}, {"strength": "2", "weight": "9"}]
>>> weights_to_strengths(edges)["method"], edges
('identity', [{'strength': 3}, {'strength': '2'}])
"""

from __future__ import annotations

import bisect
import dataclasses
import math
from collections.abc import Mapping, Sequence
from typing import Any

from wijkgraph.model.network import WijkNetwork

#: The relation column that keeps a foreign weight as it was written.
RAW_WEIGHT = "oorspronkelijk gewicht"


def _number(value: Any) -> float | None:
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        return None
    return None if math.isnan(number) or math.isinf(number) else number


def weights_to_strengths(edges: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Replace each edge record's ``weight`` by a ``strength`` 1-4, keeping weight order.

    Records that already have a ``strength`` only lose their ``weight`` (wijkgraph writes
    ``weight`` = strength for other tools). See the module text for the method.

    Parameters
    ----------
    edges : sequence of dict
        Edge records of one file, changed in place.

    Returns
    -------
    dict
        ``{"method": "none" | "identity" | "quartiles", "n": weights mapped,
        "lowest": {strength: smallest weight given it}}``; ``lowest`` is empty for
        ``"none"`` and ``"identity"``.

    Examples
    --------
    >>> edges = [{"weight": w} for w in (0.5, 0.5, 0.7, 2.0)]
    >>> info = weights_to_strengths(edges)
    >>> [e["strength"] for e in edges], info["lowest"]
    ([1, 1, 3, 4], {1: 0.5, 3: 0.7, 4: 2.0})
    """
    todo = [e for e in edges if "weight" in e]
    raw = []
    for e in todo:
        weight = e.pop("weight")
        if "strength" not in e:
            raw.append((e, weight, _number(weight)))
    numbers = sorted(n for _e, _w, n in raw if n is not None)
    if not raw:
        return {"method": "none", "n": 0, "lowest": {}}
    if all(n is not None and n.is_integer() and 1 <= n <= 4 for _e, _w, n in raw):
        for e, _w, n in raw:
            e["strength"] = int(n)  # type: ignore[arg-type]
        return {"method": "identity", "n": len(raw), "lowest": {}}
    lowest: dict[int, float] = {}
    for e, weight, n in raw:
        e[RAW_WEIGHT] = weight
        if n is None:
            continue
        below = bisect.bisect_left(numbers, n) / len(numbers)
        strength = min(4, 1 + math.floor(4 * below))
        e["strength"] = strength
        lowest[strength] = min(lowest.get(strength, n), n)
    return {"method": "quartiles", "n": len(numbers), "lowest": dict(sorted(lowest.items()))}


def with_weights(network: WijkNetwork, info: Mapping[str, Any]) -> WijkNetwork:
    """`network` with ``meta["weights"]`` = `info` when weights were mapped."""
    if info.get("method", "none") == "none":
        return network
    return dataclasses.replace(network, meta={**network.meta, "weights": dict(info)})
