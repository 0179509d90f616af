"""The `wijkgraph` command: a thin shell over the library, in one language.

`wijkgraph.cli.shell` holds the group, the language of the run and what every command
shares (loading the input, warnings, progress, one place that turns errors into exit code
2); the commands live in `wijkgraph.cli.analysis_commands` (``analyse``, ``map``,
``validate``) and `wijkgraph.cli.data_commands` (``datasets``, ``template``, ``survey``,
``convert``, ``compare``), which register themselves on the group when imported here.

Examples
--------
>>> from click.testing import CliRunner
>>> sorted(cli.commands)[:4]
['analyse', 'compare', 'convert', 'datasets']
>>> CliRunner().invoke(cli, ["--lang", "en", "--help"]).output.splitlines()[0]
'Usage: wijkgraph [OPTIONS] COMMAND [ARGS]...'
"""

from __future__ import annotations

from wijkgraph.cli import analysis_commands, data_commands
from wijkgraph.cli.shell import cli, main

__all__ = ["analysis_commands", "cli", "data_commands", "main"]
