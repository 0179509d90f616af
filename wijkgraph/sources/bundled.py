"""Bundled example datasets, loadable by name from a wheel and from a source checkout.

The datasets live in the top-level ``datasets/`` folder of the source tree; a wheel ships
them inside the package as ``wijkgraph/_datasets`` (hatchling ``force-include``). This
module looks in the package first and falls back to the source tree (editable install).

Examples
--------
>>> "utrecht-oost" in dataset_names()
True
>>> net = load_dataset("utrecht-oost")
>>> net.n_actors >= 60
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from wijkgraph.errors import Problem, UnknownDatasetError
from wijkgraph.i18n import LANGS, translator
from wijkgraph.io import load_tables
from wijkgraph.model.network import WijkNetwork, build_network
from wijkgraph.model.tables import Tables, tables_from_frames


@dataclass(frozen=True)
class DatasetInfo:
    """What `wijkgraph datasets` shows of one bundled dataset."""

    name: str
    title_nl: str
    title_en: str
    source: str
    n_actors: int
    n_relations: int
    n_meetings: int
    path: Path

    def title(self, lang: str = "nl") -> str:
        """The title in `lang` (``title_<lang>`` from dataset.yaml; Dutch when missing).

        >>> info = DatasetInfo("x", "Titel", "Title", "", 0, 0, 0, Path("."))
        >>> info.title("nl"), info.title("en")
        ('Titel', 'Title')
        """
        return str(getattr(self, f"title_{lang}", "") or self.title_nl)


def datasets_root() -> Path:
    """The folder holding the bundled datasets (inside the package, else the source tree)."""
    packaged = Path(str(resources.files("wijkgraph"))) / "_datasets"
    if packaged.is_dir():
        return packaged
    source_tree = Path(__file__).resolve().parents[2] / "datasets"
    return source_tree


def dataset_names() -> list[str]:
    """Names of the bundled datasets, sorted."""
    root = datasets_root()
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir()
                  if p.is_dir() and (p / "actors.csv").is_file())


def dataset_path(name: str) -> Path:
    """The folder of bundled dataset `name`; raise UnknownDatasetError if there is none."""
    names = dataset_names()
    if name not in names:
        raise UnknownDatasetError(Problem("problem.unknown_dataset", params={
            "name": name, "datasets": ", ".join(names)}))
    return datasets_root() / name


@lru_cache(maxsize=16)
def _load_dataset_tables(name: str) -> Tables:
    return load_tables(dataset_path(name))


def load_dataset_tables(name: str) -> Tables:
    """The validated tables of bundled dataset `name`."""
    return _load_dataset_tables(name)


def load_dataset(name: str, *, meeting_ties: bool = False) -> WijkNetwork:
    """The `WijkNetwork` of bundled dataset `name` (see `list_datasets`)."""
    info = _meta(name)
    return build_network(load_dataset_tables(name), meeting_ties=meeting_ties, meta={
        "name": name, "title_nl": info.get("title_nl", name),
        "title_en": info.get("title_en", name), "dataset": name})


def _meta(name: str) -> dict[str, Any]:
    import yaml

    file = dataset_path(name) / "dataset.yaml"
    if not file.is_file():
        return {}
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's when there is one
    return yaml.load(file.read_text(encoding="utf-8"), Loader=loader) or {}


def list_datasets() -> list[DatasetInfo]:
    """Every bundled dataset with its title, source and size."""
    out = []
    for name in dataset_names():
        meta = _meta(name)
        tables = load_dataset_tables(name)
        out.append(DatasetInfo(
            name=name,
            title_nl=str(meta.get("title_nl", name)),
            title_en=str(meta.get("title_en", name)),
            source=str(meta.get("source", "")),
            n_actors=len(tables.actors),
            n_relations=len(tables.relations),
            n_meetings=len(tables.meetings),
            path=dataset_path(name),
        ))
    return out


def synthetic_tables(n_actors: int, *, seed: int = 0) -> Tables:
    """Validated tables of a generated city network of `n_actors` actors (see `synthetic`)."""
    from wijkgraph.sources.generator import synthetic_frames

    frames = synthetic_frames(n_actors, seed=seed)
    return tables_from_frames(frames["actors"], frames["relations"], frames.get("meetings"),
                              frames.get("participation"), source=f"synthetic({n_actors})")


def synthetic(n_actors: int, *, seed: int = 0) -> WijkNetwork:
    """A realistic generated wijk/city network of `n_actors` actors, for tests and benchmarks.

    Ten Utrecht wijken, the usual domains, a few hub organisations, mostly local ties.
    The same `n_actors` and `seed` always give the same network.
    """
    titles = {f"title_{lang}": translator(lang).ngettext(
        "Generated network ({n} actor)", "Generated network ({n} actors)", n_actors,
    ).format(n=n_actors) for lang in LANGS}
    return build_network(synthetic_tables(n_actors, seed=seed),
                         meta={"name": f"synthetic-{n_actors}", **titles})
