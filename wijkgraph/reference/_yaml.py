"""Reading YAML for the reference models: safe, in one pass, with libyaml when present.

PyYAML's pure-Python parser took about 0.5 s of every ``wijkgraph analyse`` for the
bundled models (about 30 kB of YAML); libyaml's (``yaml.CSafeLoader``) takes a few
milliseconds. The node tree is kept beside the data so that problems name their line.
"""

from __future__ import annotations

from typing import Any

import yaml

#: libyaml's loader when PyYAML was built with it (about 100 times faster), else Python's.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(text: str) -> tuple[yaml.Node | None, Any]:
    """The node tree (lines for messages) and the data of a YAML text, read in one pass.

    Safe loading only (plain data, no Python objects), with libyaml when available. A
    broken text is read again by the Python parser, whose error says more.

    Examples
    --------
    >>> node, data = read_yaml("a: [1, 2]\\nb: x\\n")
    >>> data, node.value[1][0].start_mark.line
    ({'a': [1, 2], 'b': 'x'}, 1)
    >>> read_yaml("")
    (None, None)
    >>> try:
    ...     read_yaml("roles: [")
    ... except yaml.YAMLError as exc:
    ...     exc.problem, exc.problem_mark.line
    ("expected the node content, but found '<stream end>'", 0)
    """
    try:
        return _read(text, _LOADER)
    except yaml.YAMLError:
        if _LOADER is yaml.SafeLoader:
            raise
    # libyaml's messages are terser and place an unexpected end on the line after it: the
    # Python parser (slow, but only for a broken file) says what it found and where
    return _read(text, yaml.SafeLoader)


def _read(text: str, loader_class: Any) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()
