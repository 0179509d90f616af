"""``survey --anonymous``: no respondent's name, nor any e-mail or phone number typed in."""

from __future__ import annotations

import zipfile
from pathlib import Path

from click.testing import CliRunner

from wijkgraph.cli import cli
from wijkgraph.io.survey import import_survey

EXPORT = (
    "Naam;E-mail;Telefoon;Organisatie;Met welke partijen werkt u samen?;"
    "Wie wordt er gemist?\n"
    "Jan Smit;jan.smit@dock.nl;06-12983457;DOCK;"
    "Buurtteam Oost (ans [at] buurtteam.nl), JOU 030\u2011298\u20113461;"
    "huisarts, bel 06\u00a01298\u00a03499\n"
    "Ans Jansen;ans@bt.nl;;Buurtteam Oost;DOCK (mail: ans(at)dock(dot)nl), JOU;wijkagent\n"
)
SECRETS = ("Jan Smit", "Ans Jansen", "jan.smit@dock.nl", "ans [at] buurtteam.nl", "ans@bt.nl",
           "06-12983457", "030\u2011298\u20113461", "1298\u00a03499", "buurtteam.nl",
           "dock(dot)nl", "12983457", "2983461", "12983499")


def workbook_text(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        return "".join(zf.read(n).decode("utf-8", "replace") for n in zf.namelist())


def test_anonymous_drops_contact_details_typed_into_answers(tmp_path: Path) -> None:
    export = tmp_path / "peiling.csv"
    export.write_text(EXPORT, encoding="utf-8")
    out = tmp_path / "netwerk.xlsx"
    result = CliRunner().invoke(cli, ["survey", str(export), "--anonymous", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = workbook_text(out) + result.output
    assert [s for s in SECRETS if s in text] == []
    # the partners themselves are still read, without what was typed around them
    names = set(import_survey(export, anonymous=True).tables.actors["name"])
    assert {"DOCK", "Buurtteam Oost", "JOU"} <= names
    assert not any("@" in n or "(" in n for n in names), names


def test_without_anonymous_the_respondent_sheet_keeps_names(tmp_path: Path) -> None:
    export = tmp_path / "peiling.csv"
    export.write_text(EXPORT, encoding="utf-8")
    result = import_survey(export)
    assert "Jan Smit" in set(result.respondents["naam"])
