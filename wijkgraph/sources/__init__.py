"""Every way in: `load` a file, folder or dataset name; the bundled datasets; a generated city.

Examples
--------
>>> from wijkgraph.sources import load
>>> load("driehoek").meta["dataset"]
'driehoek'
"""

from wijkgraph.sources.bundled import (
    DatasetInfo,
    dataset_names,
    list_datasets,
    load_dataset,
    synthetic,
    synthetic_tables,
)
from wijkgraph.sources.loading import load

__all__ = ["DatasetInfo", "dataset_names", "list_datasets", "load", "load_dataset", "synthetic",
           "synthetic_tables"]
