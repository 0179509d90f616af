"""The map's missing-parties layer: one ghost per missing role in focus, near its partners."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from wijkgraph.analysis.run import analyse
from wijkgraph.model.network import build_network
from wijkgraph.model.tables import tables_from_frames
from wijkgraph.render.mapdata import build_map_data

ROLES = {"buurtteam": "welzijn", "huisarts": "zorg", "wijkagent": "veiligheid",
         "voedselbank": "welzijn"}


def _reference(folder: Path) -> Path:
    lines = ["format: wijkgraph-reference/1", "name: test-ghosts", "title: {nl: t, en: t}",
             "source: test", "roles:"]
    for role, domain in ROLES.items():
        lines += [f"  - id: {role}", f"    label: {{nl: {role}, en: {role}}}",
                  f"    domain: {domain}", f"    match: [{role}]",
                  f"    why: {{nl: {role} telt., en: {role} counts.}}", "    source: test"]
    lines += ["pairs:", "  - roles: [buurtteam, wijkagent]",
              "    why: {nl: samen bij overlast., en: together on nuisance.}", "    source: test"]
    path = folder / "ref.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_one_ghost_per_missing_role_next_to_the_parties_it_would_work_with(
        tmp_path: Path) -> None:
    # two wijken in focus (Oost and Zuid, 3 local actors each), a city-wide GGZ; nobody
    # is wijkagent or voedselbank in either wijk
    names = ["Buurtteam Oost", "Huisarts Oost", "Bewoners Oost", "Buurtteam Zuid",
             "Huisarts Zuid", "Bewoners Zuid", "GGZ Stad"]
    actors = pd.DataFrame({
        "naam": names,
        "rol": ["buurtteam", "huisarts", "", "buurtteam", "huisarts", "", ""],
        "wijk": ["Oost"] * 3 + ["Zuid"] * 3 + ["stadsbreed"],
        "domein": ["welzijn", "zorg", "inwoners"] * 2 + ["zorg"]})
    relations = pd.DataFrame({"van": names[:6] + ["GGZ Stad"],
                              "naar": names[1:3] + names[0:1] + names[4:6] + names[3:4]
                              + ["Huisarts Oost"]})
    net = build_network(tables_from_frames(actors, relations))
    analysis = analyse(net, reference=str(_reference(tmp_path)))
    assert analysis.missing_parties.wijken == ("Oost", "Zuid")
    absent = analysis.missing_parties.to_frame().query("status == 'absent'")
    assert sorted(absent["role"]) == ["voedselbank", "voedselbank", "wijkagent", "wijkagent"]

    data = build_map_data(net, analysis, ghosts=True)
    ghosts = {g[7]: g for g in data["ghosts"]}
    assert sorted(ghosts) == ["voedselbank", "wijkagent"]  # one per role, not per wijk
    assert ghosts["wijkagent"][2] == "Oost, Zuid"  # the areas it is missing in
    where = {a[1]: (a[9], a[10]) for a in data["actors"]}
    xs = [p[0] for p in where.values()]
    ys = [p[1] for p in where.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    # the wijkagent would work with both buurtteams: it sits next to them, not on the rim
    bx = (where["Buurtteam Oost"][0] + where["Buurtteam Zuid"][0]) / 2
    by = (where["Buurtteam Oost"][1] + where["Buurtteam Zuid"][1]) / 2
    gx, gy = ghosts["wijkagent"][5], ghosts["wijkagent"][6]
    assert math.hypot(gx - bx, gy - by) <= 100
    # the voedselbank has no partner in the model: it goes on the ring outside every actor
    vx, vy = ghosts["voedselbank"][5], ghosts["voedselbank"][6]
    rim = max(math.hypot(x - cx, y - cy) for x, y in where.values())
    assert math.hypot(vx - cx, vy - cy) > rim
    # deterministic
    assert build_map_data(net, analysis, ghosts=True)["ghosts"] == data["ghosts"]
