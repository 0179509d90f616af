"""The `wijkgraph` command: exact messages and exit codes, nothing written on errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import wijkgraph
from wijkgraph.cli import cli
from wijkgraph.sources.bundled import dataset_names

DATASETS = ("driehoek", "groz", "overvecht-noord", "utrecht-oost")


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def folder(tmp_path: Path, actors: str, relations: str, name: str = "invoer") -> Path:
    path = tmp_path / name
    path.mkdir()
    (path / "actoren.csv").write_text(actors, encoding="utf-8")
    (path / "relaties.csv").write_text(relations, encoding="utf-8")
    return path


ACTORS = "naam;domein\nBuurtteam Oost;welzijn\nDOCK Oost;welzijn\n"


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.output == f"wijkgraph, version {wijkgraph.__version__}\n"


def test_python_m_version() -> None:
    done = subprocess.run([sys.executable, "-m", "wijkgraph", "--version"], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0
    assert done.stdout.strip() == f"wijkgraph, version {wijkgraph.__version__}"


def test_validate_unknown_actor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The issue's acceptance test: file, row, column, closest name; exit 2; nothing written."""
    path = folder(tmp_path, ACTORS, "van;naar\nBuurtteam Oost;DOCK Oost\nBuurtteam Oost;Dokc Oost\n")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    monkeypatch.chdir(tmp_path)
    result = run("validate", str(path))
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        "Fout: relaties.csv, rij 3, kolom 'naar': Relatie verwijst naar een onbekende actor "
        "'Dokc Oost'. Bedoelt u 'DOCK Oost'? Gebruik een id of de exacte naam uit de "
        "actorentabel.",
        "1 probleem gevonden; er is niets geschreven."]
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_validate_in_english(tmp_path: Path) -> None:
    path = folder(tmp_path, ACTORS, "van;naar\nBuurtteam Oost;Buurtteam Oost\n")
    result = run("validate", str(path), "--lang", "en")
    assert result.exit_code == 2
    assert result.output.splitlines()[0] == (
        "Error: relaties.csv, row 2, column 'naar': Relation from 'Buurtteam Oost' to itself. "
        "Remove the row or choose another party.")


CASES = {
    "missing column": ("organisatie naam;domein\nA;zorg\n", "van;naar\nA;A\n",
                       "Fout: actoren.csv, rij 1: Verplichte kolom 'name' ontbreekt (ook goed: "
                       "naam, label, organisatie). Gevonden kolommen: organisatie naam, domein."),
    "duplicate id": ("id;naam\nA;x\na ;y\n", "van;naar\nx;y\n",
                     "Fout: actoren.csv, rij 3, kolom 'id': Id 'a' komt al voor in rij 2 ('A'). "
                     "Geef elke actor een eigen id."),
    "self-loop": (ACTORS, "van;naar\nDOCK Oost;DOCK Oost\n",
                  "Fout: relaties.csv, rij 2, kolom 'naar': Relatie van 'DOCK Oost' naar "
                  "zichzelf. Verwijder de rij of kies een andere partij."),
    "empty file": ("", "van;naar\nA;B\n",
                   "Fout: actoren.csv: Het bestand is leeg. Sla het opnieuw op vanuit Excel."),
    "empty sheet": ("naam;domein\n", "van;naar\n",
                    "Fout: actoren.csv, rij 1: Tabel 'actors' is leeg: er staan geen rijen onder "
                    "de kopregel. Vul de tabel of verwijder het blad."),
    "binary file": ("%PDF-1.5 ...", "van;naar\nA;B\n",
                    "Fout: actoren.csv: Dit is geen tabel maar een PDF-bestand. Sla de tabel op "
                    "als CSV (UTF-8 of 'CSV (puntkomma gescheiden)') of als .xlsx-werkmap."),
    "bad strength": (ACTORS, "van;naar;sterkte\nDOCK Oost;Buurtteam Oost;heel sterk\n",
                     "Fout: relaties.csv, rij 2, kolom 'sterkte': Sterkte 'heel sterk' is niet te "
                     "begrijpen. Gebruik 1-4 of identificatie, coördinatie, reflectie, "
                     "transformatie."),
}


@pytest.mark.parametrize(("actors", "relations", "message"), CASES.values(), ids=CASES.keys())
def test_each_validation_problem(tmp_path: Path, actors: str, relations: str,
                                 message: str) -> None:
    result = run("validate", str(folder(tmp_path, actors, relations)))
    assert result.exit_code == 2
    assert result.output.splitlines()[0] == message


def test_warnings_exit_zero(tmp_path: Path) -> None:
    path = folder(tmp_path, "naam;domein\nA;circus\nB;zorg\n", "van;naar\nA;B\n")
    result = run("validate", str(path))
    assert result.exit_code == 0
    assert result.output.splitlines()[0].startswith(
        "Waarschuwing: actoren.csv, rij 2, kolom 'domein': Onbekende waarde 'circus' in kolom "
        "'domein'; hij wordt overgenomen zoals hij is.")
    assert "In orde: 2 actoren, 1 relatie," in result.output


def test_validate_a_missing_path(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "nergens"))
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"Fout: Bestand of map '{tmp_path / 'nergens'}' bestaat niet. Controleer het pad.")


def test_analyse_invalid_input_writes_nothing(tmp_path: Path) -> None:
    path = folder(tmp_path, ACTORS, "van;naar\nDOCK Oost;Onbekend\n")
    out = tmp_path / "rapport"
    result = run("analyse", str(path), "-o", str(out))
    assert result.exit_code == 2
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["invoer"]


def test_analyse_invalid_input_keeps_the_previous_output(tmp_path: Path) -> None:
    good = folder(tmp_path, ACTORS, "van;naar\nDOCK Oost;Buurtteam Oost\n", "goed")
    bad = folder(tmp_path, ACTORS, "van;naar\nDOCK Oost;Onbekend\n", "fout")
    out = tmp_path / "rapport"
    assert run("analyse", str(good), "-o", str(out), "-q").exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert run("analyse", str(bad), "-o", str(out)).exit_code == 2
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fout", "goed", "rapport"]


def test_analyse_refuses_a_folder_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "mijn-map").mkdir()
    (tmp_path / "mijn-map" / "belangrijk.docx").write_text("x")
    result = run("analyse", "driehoek", "-o", str(tmp_path / "mijn-map"))
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"Fout: De map '{tmp_path / 'mijn-map'}' bestaat al en is niet door wijkgraph gemaakt. "
        "Kies een andere map of gebruik --force om hem te vervangen.")
    assert [p.name for p in (tmp_path / "mijn-map").iterdir()] == ["belangrijk.docx"]


def test_analyse_writes_the_outputs(tmp_path: Path) -> None:
    path = folder(tmp_path, ACTORS, "van;naar\nDOCK Oost;Buurtteam Oost\n")
    out = tmp_path / "rapport"
    result = run("analyse", str(path), "-o", str(out), "--format", "json")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [".wijkgraph", "analysis.json"]
    assert f"{out}/: analysis.json" in result.output


def test_dutch_excel_csv_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "dutch"
    path.mkdir()
    (path / "actoren.csv").write_bytes("Naam;Domein\r\nZoë;zorg\r\nEïland;inwoners\r\n".encode("cp1252"))
    (path / "relaties.csv").write_bytes("Van;Naar\r\nZoë;Eïland\r\n".encode("cp1252"))
    result = run("validate", str(path))
    assert result.exit_code == 0
    assert "In orde: 2 actoren, 1 relatie," in result.output
    assert set(wijkgraph.load(path).actors["name"]) == {"Zoë", "Eïland"}


def test_datasets_lists_the_bundled_datasets() -> None:
    result = run("datasets")
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.output.splitlines() if not line.startswith(" ")]
    assert listed == dataset_names()
    assert set(DATASETS) <= set(listed)


def test_template_then_validate(tmp_path: Path) -> None:
    out = tmp_path / "sjabloon.xlsx"
    result = run("template", "-o", str(out))
    assert result.exit_code == 0
    assert result.output.strip() == f"Sjabloon geschreven: {out}"
    again = run("template", "-o", str(out))
    assert again.exit_code == 2
    assert again.output.strip() == (
        f"Fout: '{out}' bestaat al. Kies een andere naam of gebruik --force.")
    assert run("template", "-o", str(out), "--force").exit_code == 0


def test_template_into_a_missing_folder(tmp_path: Path) -> None:
    result = run("template", "-o", str(tmp_path / "bestaat-niet" / "s.xlsx"))
    assert result.exit_code == 2
    assert result.output.startswith(f"Fout: Kan niet schrijven naar '{tmp_path}/bestaat-niet/s.xlsx'")
