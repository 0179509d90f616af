"""What a network is about: title, area, date and organisation (for every output's head).

An optional ``info`` sheet in the workbook (or ``info.csv`` in a folder) holds key/value
rows: ``titel``, ``gebied`` (or ``wijk``), ``datum``, ``organisatie`` (English aliases
``title``, ``area``, ``date``, ``organisation``). The io layer reads it with `parse_info`
into ``network.meta["info"]``; `document_info` completes what is missing:

* **title**: given (``wijkgraph analyse --titel``, `with_info`), else the info sheet's,
  else a bundled dataset's own title, else the main area (the most frequent ``wijk`` of
  the actors), and the file name only as the last resort;
* **area**: the info sheet's, else the wijk the network was cut to, else the main area;
* **date**: the info sheet's, else the date of the run (UTC; ``SOURCE_DATE_EPOCH`` fixes it,
  so outputs can be reproduced);
* **organisation**: only the info sheet's.

Examples
--------
>>> parse_info([["Titel", "Samen in Oost"], ["organisatie", "Gemeente"], ["kleur", "rood"]])
{'title': 'Samen in Oost', 'organisation': 'Gemeente'}
>>> from wijkgraph.sources.bundled import load_dataset
>>> info = document_info(with_info(load_dataset("utrecht-oost"), date="2026-03-01"))
>>> info["title"], info["area"], info["date"], info["title_from"]
('Buurtgericht samenwerken in Utrecht Oost', 'Oost', '2026-03-01', 'dataset')
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from wijkgraph.model.network import WijkNetwork

#: The keys of the info sheet (folded: lower case, no spaces) and what they mean.
INFO_KEYS: dict[str, str] = {
    "titel": "title", "title": "title",
    "gebied": "area", "wijk": "area", "area": "area", "buurt": "area",
    "datum": "date", "date": "date", "peildatum": "date",
    "organisatie": "organisation", "organisation": "organisation",
    "organization": "organisation", "opdrachtgever": "organisation",
}

#: The table names (sheet name or file stem) of the info sheet.
INFO_SHEETS = ("info", "informatie", "over", "about")

#: Longest value kept (a title is a line, not a page).
MAX_LENGTH = 200


def _fold(text: object) -> str:
    return "".join(str(text).split()).casefold().rstrip(":")


def is_info_sheet(name: str) -> bool:
    """True when a sheet or file stem `name` is the info sheet.

    >>> is_info_sheet("Info"), is_info_sheet("actoren")
    (True, False)
    """
    return _fold(name) in INFO_SHEETS


def _text(value: Any) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = " ".join(str(value if value is not None else "").split())
    return text[:MAX_LENGTH]


def parse_info(rows: Iterable[Sequence[Any]]) -> dict[str, str]:
    """The known keys of key/value `rows` (first cell the key, second the value).

    Unknown keys and rows without a value are left out; the first row of a key wins.
    A date cell (``datetime``) becomes ``YYYY-MM-DD``.

    >>> parse_info([["datum", dt.datetime(2026, 5, 4, 0, 0)], ["Title:", "A"], ["titel", "B"]])
    {'date': '2026-05-04', 'title': 'A'}
    """
    info: dict[str, str] = {}
    for row in rows:
        if len(row) < 2:
            continue
        key = INFO_KEYS.get(_fold(row[0]))
        value = _text(row[1])
        if key and value and key not in info:
            info[key] = value
    return info


def run_date() -> str:
    """Today (UTC) as ``YYYY-MM-DD``; the ``SOURCE_DATE_EPOCH`` environment variable fixes it.

    >>> os.environ["SOURCE_DATE_EPOCH"] = "0"; run_date()
    '1970-01-01'
    >>> del os.environ["SOURCE_DATE_EPOCH"]
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    return dt.datetime.now(dt.UTC).date().isoformat()


def main_area(network: WijkNetwork) -> str:
    """The most frequent ``wijk`` of the actors ("" when none has one; ties: alphabetical).

    >>> from wijkgraph.sources.bundled import load_dataset
    >>> main_area(load_dataset("utrecht-oost"))
    'Oost'
    """
    counts: Counter[str] = Counter()
    for areas in network.actors.get("wijk", ()):
        for area in (areas if isinstance(areas, (tuple, list)) else (areas,)):
            if area is not None and str(area).strip():
                counts[str(area).strip()] += 1
    if not counts:
        return ""
    return min(counts, key=lambda a: (-counts[a], a.casefold(), a))


def _file_title(meta: dict[str, Any], title: str) -> bool:
    """True when `title` is only the file's name (what `wijkgraph.io` gives by default)."""
    source = str(meta.get("source", "")).rstrip("/\\")
    return bool(title) and title == str(meta.get("name", "")) and \
        Path(source).stem == title


def document_info(network: WijkNetwork, lang: str = "nl") -> dict[str, str]:
    """Title, area, date and organisation of `network`, and where the title came from.

    Returns
    -------
    dict
        ``title``, ``area``, ``date`` (``YYYY-MM-DD`` or as written in the info sheet),
        ``organisation`` (may be "") and ``title_from``: ``"info"`` (given or info sheet),
        ``"dataset"``, ``"area"`` or ``"file"``.

    Examples
    --------
    >>> import pandas as pd
    >>> from wijkgraph.sources.bundled import load_dataset
    >>> net = load_dataset("utrecht-oost")
    >>> net = dataclasses.replace(net, meta={"name": "mijn-wijk", "title_nl": "mijn-wijk",
    ...                                      "source": "/tmp/mijn-wijk.xlsx"})
    >>> document_info(net)["title"], document_info(net)["title_from"]
    ('Oost', 'area')
    """
    meta = dict(network.meta)
    info = {k: str(v) for k, v in dict(meta.get("info") or {}).items() if v}
    area = info.get("area") or str(meta.get("wijk") or "") or main_area(network)
    dataset_title = str(meta.get(f"title_{lang}") or meta.get("name") or "")
    if info.get("title"):
        title, title_from = info["title"], "info"
    elif dataset_title and not _file_title(meta, dataset_title):
        title, title_from = dataset_title, "dataset"
        if meta.get("wijk"):
            title += f" – {meta['wijk']}"
    elif area:
        title, title_from = area, "area"
    else:
        title, title_from = dataset_title, "file"
    return {"title": title, "area": area, "date": info.get("date") or run_date(),
            "organisation": info.get("organisation", ""), "title_from": title_from}


def with_info(network: WijkNetwork, **values: str | None) -> WijkNetwork:
    """A copy of `network` whose info (title, area, date, organisation) has `values`.

    What ``wijkgraph analyse --titel`` does; None and "" leave a value as it was.

    >>> from wijkgraph.sources.bundled import load_dataset
    >>> document_info(with_info(load_dataset("utrecht-oost"), title="Wijkoverleg"))["title"]
    'Wijkoverleg'
    """
    unknown = set(values) - set(INFO_KEYS.values())
    if unknown:
        raise TypeError(f"unknown info keys: {sorted(unknown)}")
    info = dict(network.meta.get("info") or {})
    info.update({k: _text(v) for k, v in values.items() if v})
    return dataclasses.replace(network, meta={**network.meta, "info": info})
