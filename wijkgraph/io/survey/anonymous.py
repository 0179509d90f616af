"""``survey --anonymous``: answers without the e-mail addresses and phone numbers typed in.

Leaving out the name and e-mail columns of respondents is not enough: people type
contact details into their answers ("DOCK, Jan (06-12345678)"). `scrub_answers`
removes them from every cell before anything else reads the export, and empties the
columns whose title names contact details (``Telefoon``, ``E-mailadres``, ...; see
`wijkgraph.model.schema.PRIVATE_HEADERS`).

Examples
--------
>>> export = Export("f.csv", ["Organisatie", "Partners", "Telefoon"],
...                 [["DOCK", "JOU (jan [at] jou.nl), Buurtteam 06\\u201112345678", "0301234567"]],
...                 [2], "tabel")
>>> scrub_answers(export).rows
[['DOCK', 'JOU, Buurtteam', '']]
"""

from __future__ import annotations

import dataclasses

from wijkgraph.io.survey.forms import Export
from wijkgraph.model.privacy import strip_contact
from wijkgraph.model.schema import is_private_header


def scrub_answers(export: Export) -> Export:
    """A copy of `export` without contact details in its answers (see the module)."""
    private = {i for i, h in enumerate(export.headers) if is_private_header(h)}
    rows = [["" if i in private else strip_contact(cell) if cell else cell
             for i, cell in enumerate(row)] for row in export.rows]
    return dataclasses.replace(export, rows=rows)
