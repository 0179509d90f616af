"""The default reference model: Utrecht's for data from Utrecht, the general one elsewhere.

``--reference auto`` (the default) looks at where the actors work. When at least half of
the actors with an area work in Utrecht (a wijk, buurt or subwijk of the bundled areas,
or an area the ``gebieden`` sheet places there, or the city itself; words such as
"stadsbreed" mean the city of the data, whichever it is: they count for the city the
others are in, not as evidence), the model is
``utrecht-basis``: the general model plus Utrecht's organisations and the Driehoek of every
buurtcentrum. Otherwise it is ``wijk-algemeen``, what any Dutch wijk needs. Data without any
area is from Utrecht only when Utrecht's model recognises more actors (DOCK, JoU, Mitros,
...) than the general one. The choice says why, in words (`ReferenceChoice.describe`), and
travels with the analysis (``analysis.json``: ``meta.reference_choice``).

Examples
--------
>>> import pandas as pd
>>> from wijkgraph.model.tables import tables_from_frames
>>> def frames(wijken):
...     actors = pd.DataFrame({"naam": [f"P{i}" for i in range(len(wijken))], "wijk": wijken})
...     return tables_from_frames(actors, pd.DataFrame(columns=["van", "naar"]))
>>> choice = choose_reference(frames(["Lunetten", "Zuid", "Utrecht", "stadsbreed", "Zwolle"]))
>>> choice.name, choice.reason, choice.n_in_city, choice.n_with_area
('utrecht-basis', 'city', 4, 5)
>>> choose_reference(frames(["Holtenbroek", "Centrum Zwolle", "Assendorp"])).name
'wijk-algemeen'
>>> print(choose_reference(frames(["Assendorp"])).describe("en"))
Reference model: wijk-algemeen, chosen because the 1 actor with an area does not work in \
Utrecht (choose another with --reference).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from wijkgraph.i18n import translator

__all__ = ["AUTO_REFERENCE", "ReferenceChoice", "choose_reference", "is_auto"]

#: ``--reference auto``: choose the model from where the actors work (the default).
AUTO_REFERENCE = "auto"
UTRECHT = "Utrecht"
UTRECHT_MODEL = "utrecht-basis"
GENERAL_MODEL = "wijk-algemeen"


@dataclass(frozen=True)
class ReferenceChoice:
    """Which model ``--reference auto`` chose, and why.

    ``reason`` is a code: ``city`` (most actors with an area work in Utrecht),
    ``elsewhere`` (they do not), ``names`` (no areas, but Utrecht's organisations are
    recognised) or ``no_areas`` (no areas, nothing Utrecht's model adds).
    """

    name: str
    reason: str
    n_in_city: int = 0
    n_with_area: int = 0
    n_actors: int = 0

    def to_dict(self) -> dict[str, Any]:
        """For ``analysis.json`` (``meta.reference_choice``)."""
        return {"name": self.name, "reason": self.reason, "n_in_city": self.n_in_city,
                "n_with_area": self.n_with_area, "n_actors": self.n_actors}

    def describe(self, lang: str = "nl") -> str:
        """One sentence: the model, and why it was chosen."""
        t = translator(lang)
        if self.reason == "city" and self.n_in_city == self.n_with_area > 1:
            why = t.gettext("all {total} actors with an area work in Utrecht")
        elif self.reason == "city":
            why = t.ngettext(
                "the {total} actor with an area works in Utrecht",
                "{n} of the {total} actors with an area work in Utrecht", self.n_with_area)
        elif self.reason == "elsewhere" and self.n_in_city:
            why = t.gettext("only {n} of the {total} actors with an area work in Utrecht")
        elif self.reason == "elsewhere":
            why = t.ngettext(
                "the {total} actor with an area does not work in Utrecht",
                "none of the {total} actors with an area works in Utrecht", self.n_with_area)
        elif self.reason == "names":
            why = t.gettext("the data names no areas, but Utrecht's organisations are in it")
        else:
            why = t.gettext("the data names no areas and no organisations of Utrecht")
        return t.gettext("Reference model: {model}, chosen because {why} (choose another with "
                         "--reference).").format(
            model=self.name, why=why.format(n=t.number(self.n_in_city),
                                            total=t.number(self.n_with_area)))


def is_auto(reference: object) -> bool:
    """True for ``"auto"`` (and None): the model is chosen from the data.

    >>> is_auto("Auto"), is_auto("utrecht-basis")
    (True, False)
    """
    return reference is None or (isinstance(reference, str)
                                 and reference.strip().casefold() == AUTO_REFERENCE)


def choose_reference(source: Any) -> ReferenceChoice:
    """Choose the reference model for a network (or its `Tables`), see the module docstring.

    Parameters
    ----------
    source : WijkNetwork or Tables

    Returns
    -------
    ReferenceChoice
    """
    from wijkgraph.model.areas import area_tree, is_generic

    tables = getattr(source, "tables", source)
    actors = tables.actors
    values = [tuple(ws) for ws in actors["wijk"].tolist()] if "wijk" in actors.columns else []
    meta = getattr(source, "meta", {}) or {}
    if meta.get("wijk"):  # a network cut out for one area
        values = [(str(meta["wijk"]),)] * len(actors)
    tree = area_tree(source)
    in_city: dict[str, bool] = {}

    def utrecht(value: str) -> bool:
        if value not in in_city:
            placed = tree.place(value)
            in_city[value] = placed is not None and (
                placed == UTRECHT or UTRECHT in tree.ancestors(placed))
        return in_city[value]

    # "stadsbreed" means the city of the data, whichever it is: no evidence for Utrecht
    counts: Counter[tuple[str, ...]] = Counter()
    for ws, n in Counter(values).items():  # each distinct combination once
        counts[tuple(v for v in ws if not is_generic(v))] += n
    with_area = sum(n for ws, n in counts.items() if ws)
    here = sum(n for ws, n in counts.items() if ws and any(utrecht(v) for v in ws))
    if with_area:
        reason = "city" if 2 * here >= with_area else "elsewhere"
        name = UTRECHT_MODEL if reason == "city" else GENERAL_MODEL
        # city-wide parties ("stadsbreed") work in the city the others are in
        city_wide = sum(1 for ws in values if ws) - with_area
        return ReferenceChoice(name, reason, here + city_wide * (reason == "city"),
                               with_area + city_wide, len(actors))
    return _by_names(source, len(actors))


def _by_names(source: Any, n_actors: int) -> ReferenceChoice:
    """No areas: Utrecht's model when it recognises more actors than the general one."""
    if not n_actors or not hasattr(source, "graph"):
        return ReferenceChoice(GENERAL_MODEL, "no_areas", 0, 0, n_actors)
    from wijkgraph.analysis.roles import recognise_roles
    from wijkgraph.reference import load_reference

    utrecht, general = (recognise_roles(source, reference=load_reference(m)).n_matched
                        for m in (UTRECHT_MODEL, GENERAL_MODEL))
    if utrecht > general:
        return ReferenceChoice(UTRECHT_MODEL, "names", 0, 0, n_actors)
    return ReferenceChoice(GENERAL_MODEL, "no_areas", 0, 0, n_actors)
