"""Old attribute names of 0.1 that keep working for a while, with a `DeprecationWarning`.

In 0.1 the per-actor DataFrame of a result was called ``table`` (centralities, structural
holes, brokerage, resilience), ``scores`` (key figures) or ``per_actor`` (domains); the
communities' DataFrame was ``table`` too. Now it is ``per_actor`` on every result that has
one (``per_community`` on `Communities`), and ``table(lang)`` is only the method that gives
a worded table. A renamed field keeps its old name as a read-only property made here.

Examples
--------
>>> import warnings
>>> from dataclasses import dataclass
>>> @dataclass(frozen=True)
... class Demo:
...     per_actor: int = 1
...     table = renamed("table", "per_actor")
>>> with warnings.catch_warnings(record=True) as seen:
...     warnings.simplefilter("always")
...     value = Demo().table
>>> value, seen[0].category.__name__, str(seen[0].message)
(1, 'DeprecationWarning', 'Demo.table is the deprecated 0.1 name: use Demo.per_actor')
"""

from __future__ import annotations

import warnings
from typing import Any

__all__ = ["renamed"]


def renamed(old: str, new: str) -> Any:
    """A read-only property `old` that warns and returns the attribute `new`.

    Parameters
    ----------
    old : str
        The attribute's name in 0.1 (only used in the message).
    new : str
        The attribute it now is.

    Returns
    -------
    property
        Typed ``Any``, so that reading the old name type-checks. Assign it in the class
        body without an annotation (an annotated one would become a dataclass field).

    Examples
    --------
    >>> class Old:
    ...     per_actor = "frame"
    ...     scores = renamed("scores", "per_actor")
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     Old().scores
    'frame'
    """

    def get(self: Any) -> Any:
        cls = type(self).__name__
        warnings.warn(f"{cls}.{old} is the deprecated 0.1 name: use {cls}.{new}",
                      DeprecationWarning, stacklevel=2)
        return getattr(self, new)

    get.__name__ = old
    get.__doc__ = f"The deprecated 0.1 name of `{new}`; warns when read."
    return property(get)
