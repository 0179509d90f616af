"""Compiled templates kept between runs: jinja2's bytecode cache, for a quick start.

Compiling the map's and the report's templates takes about 0.07 s, a tenth of writing
the outputs of a wijk; a command that starts anew each time would pay it every time. The
compiled code is kept in jinja2's own per-user folder in the system's temporary folder
(made by jinja2 with mode 0700 and checked to be this user's), one file per template,
checked against the template's source each time it is read, so an edited template is
compiled again. Nothing is written anywhere else; when the folder cannot be used, or
``WIJKGRAPH_TEMPLATE_CACHE=0``, templates are compiled as before. The output is the same
either way.

Examples
--------
>>> cache = bytecode_cache("doc")
>>> cache is None or cache.pattern.startswith("wijkgraph-doc-")
True
"""

from __future__ import annotations

import contextlib
import os
from typing import Any

#: Set to 0 to compile the templates every time (no files in the temporary folder).
CACHE_ENV = "WIJKGRAPH_TEMPLATE_CACHE"


def bytecode_cache(kind: str) -> Any:
    """A bytecode cache for the templates of one environment (`kind`: its options), or
    None when it cannot be used.

    Errors of the cache (a folder removed meanwhile, a full disk) never fail a render:
    the template is then compiled, as without a cache.
    """
    if os.environ.get(CACHE_ENV, "").strip() == "0":
        return None
    import jinja2

    class _Quiet(jinja2.FileSystemBytecodeCache):
        def load_bytecode(self, bucket: Any) -> None:
            try:
                super().load_bytecode(bucket)
            except (OSError, EOFError, ValueError, TypeError):  # broken file: compile
                bucket.reset()

        def dump_bytecode(self, bucket: Any) -> None:
            with contextlib.suppress(OSError):  # not kept: compiled again next time
                super().dump_bytecode(bucket)

    try:
        return _Quiet(pattern=f"wijkgraph-{kind}-%s.cache")
    except (OSError, RuntimeError):  # no safe folder of this user's
        return None
