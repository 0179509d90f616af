"""The `wijkgraph` command: exact messages and exit codes, nothing written on errors."""

from __future__ import annotations

import re
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


# --- one language: click's own messages and the help go through the catalogue ---------


def test_a_bad_option_value_is_one_dutch_line() -> None:
    result = run("analyse", "x", "--format", "pdf")
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        "Gebruik: wijkgraph analyse [OPTIES] [INPUT]",
        "Zie 'wijkgraph analyse --help' voor hulp.",
        "",
        "Fout: Ongeldige waarde voor '--format': pdf (kies uit html, md, map, xlsx, json)"]


def test_a_bad_option_value_in_english() -> None:
    result = run("analyse", "x", "--format", "pdf", "--lang", "en")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "Error: Invalid value for '--format': pdf (choose from html, md, map, xlsx, json)")
    assert result.output.startswith("Usage: wijkgraph analyse [OPTIONS] [INPUT]\n")


CLICK_ERRORS = {
    "no such option": (["analyse", "--bogus"],
                       "Fout: Onbekende optie '--bogus'. Bedoelt u '--verbose'?"),
    "missing argument": (["validate"], "Fout: Ontbrekend argument 'INPUT'."),
    "not a number": (["analyse", "--top", "veel"],
                     "Fout: Ongeldige waarde voor '--top': 'veel' is geen geldig geheel getal."),
    "out of range": (["analyse", "--top", "0"],
                     "Fout: Ongeldige waarde voor '--top': 0 ligt niet in het bereik "
                     "1<=x<=1000."),
    "bad choice": (["--lang", "fr"],
                   "Fout: Ongeldige waarde voor '--lang': 'fr' is niet een van 'nl', 'en'."),
    "no such command": (["analyseer"],
                        "Fout: Onbekende opdracht 'analyseer'. Bedoelt u 'analyse'?"),
    "extra argument": (["validate", "a", "b"], "Fout: Onverwacht extra argument (b)"),
    "option without value": (["analyse", "--top"],
                             "Fout: Optie '--top' heeft een waarde nodig."),
}


@pytest.mark.parametrize(("args", "message"), CLICK_ERRORS.values(), ids=CLICK_ERRORS.keys())
def test_click_errors_in_dutch(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == message
    assert "Usage" not in result.output and "Try " not in result.output


def test_a_file_that_is_a_folder(tmp_path: Path) -> None:
    result = run("template", "-o", str(tmp_path))
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        f"Fout: Ongeldige waarde voor '-o' / '--output': Bestand '{tmp_path}' is een map.")


def test_help_is_dutch_by_default() -> None:
    result = run("--help")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "Gebruik: wijkgraph [OPTIES] OPDRACHT [ARGUMENTEN]..."
    assert "Opties:" in lines and "Opdrachten:" in lines
    assert "  -h, --help      Deze hulp tonen en stoppen." in lines
    assert "  --version       De versie tonen en stoppen." in lines
    assert any(line.startswith("  validate  Controleer INPUT") for line in lines)
    for english in ("Usage", "Options", "Commands", "Show this message", "Show the"):
        assert english not in result.output


def test_help_of_a_command_in_dutch() -> None:
    result = run("analyse", "--help")
    assert result.exit_code == 0
    assert result.output.startswith("Gebruik: wijkgraph analyse [OPTIES] [INPUT]\n\n"
                                    "  Analyseer INPUT (werkmap, map met CSV's of datasetnaam)")
    text = " ".join(result.output.split())
    assert "-o, --output PAD Map voor de uitvoer. [standaard: wijkgraph- rapport]" in text
    assert "--top GETAL Aantal sleutelfiguren en suggesties. [standaard: 10; 1<=x<=1000]" in text
    assert ("--wijk TEKST Analyseer dit gebied (buurt of wijk), met de partijen die het "
            "vanuit de wijk of de stad bedienen.") in text
    for english in ("default", "INTEGER", "TEXT", "PATH", "Show"):
        assert english not in text


@pytest.mark.parametrize("how", ["option", "option=", "option after", "environment"])
def test_help_in_english(how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    args = {"option": ["--lang", "en", "--help"], "option=": ["--lang=en", "--help"],
            "option after": ["--help", "--lang", "en"], "environment": ["--help"]}[how]
    if how == "environment":
        monkeypatch.setenv("WIJKGRAPH_LANG", "en")
    result = run(*args)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "Usage: wijkgraph [OPTIONS] COMMAND [ARGS]..."
    assert "Options:" in lines and "Commands:" in lines
    assert "  -h, --help      Show this message and exit." in lines
    assert any(line.startswith("  validate  Check INPUT and report") for line in lines)
    assert "Opties" not in result.output and "Toon" not in result.output


def test_languages_do_not_leak_between_runs() -> None:
    """click caches its help option; a Dutch run after an English one is Dutch again."""
    assert "Show this message and exit." in run("validate", "--help", "--lang", "en").output
    assert "Deze hulp tonen en stoppen." in run("validate", "--help").output
    assert "Show this message and exit." in run("validate", "--help", "--lang", "en").output
    import click.exceptions

    assert click.BadParameter("x").format_message() == "Invalid value: x"  # click restored
    assert click.exceptions._ is not None


def test_validate_in_english_counts_in_english(tmp_path: Path) -> None:
    path = folder(tmp_path, ACTORS, "van;naar\nBuurtteam Oost;DOCK Oost\n")
    result = run("validate", str(path), "--lang", "en")
    assert result.exit_code == 0
    assert result.output.strip().splitlines() == [  # the model `analyse` will choose, and why
        "Reference model: utrecht-basis, chosen because the data names no areas, but "
        "Utrecht's organisations are in it (choose another with --reference).",
        "Valid: 2 actors, 1 relation, 0 meetings (0 warnings)."]


def test_one_problem_in_the_singular(tmp_path: Path) -> None:
    path = folder(tmp_path, ACTORS, "van;naar\nDOCK Oost;DOCK Oost\n")
    assert run("validate", str(path)).output.splitlines()[-1] == (
        "1 probleem gevonden; er is niets geschreven.")
    assert run("validate", str(path), "--lang", "en").output.splitlines()[-1] == (
        "1 problem found; nothing was written.")


def test_datasets_in_both_languages_keep_their_columns() -> None:
    nl = run("datasets").output.splitlines()
    en = run("datasets", "--lang", "en").output.splitlines()
    first = next(line for line in nl if line.startswith("utrecht-oost"))
    assert re.fullmatch(r"utrecht-oost {7}( *\d+) actoren  ( *\d+) relaties  ( *\d+) "
                        r"overleggen  \S.*", first)
    first_en = next(line for line in en if line.startswith("utrecht-oost"))
    assert re.fullmatch(r"utrecht-oost {7}( *\d+) actors   ( *\d+) relations ( *\d+) "
                        r"meetings    \S.*", first_en)
    assert any(line.strip().startswith("bron: ") for line in nl)
    assert any(line.strip().startswith("source: ") for line in en)


def test_the_command_module_loads_no_heavy_library() -> None:
    """``wijkgraph --help`` and ``--version`` stay fast: cli imports click, errors, i18n."""
    code = ("import sys, wijkgraph.cli; heavy = {'pandas', 'numpy', 'networkx', 'igraph', "
            "'matplotlib', 'pyvis', 'openpyxl', 'jinja2', 'scipy'}; "
            "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.strip() == "[]"


#: Click messages a wijkgraph user cannot meet: programming errors, types and features
#: wijkgraph does not use, and the --version line (kept as is for scripts).
CLICK_INTERNAL = {
    "d", "{editor}: Editing failed", "{editor}: Editing failed: {e}", "deprecated",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}",
    "Value must be an iterable.", "Could not determine name for option with declarations {decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument "
    "instead? Did you mean to pass '--{name}'?",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.",
    "Name '{name}' defined twice",
    "Boolean option {decl!r} cannot use the same flag for true/false.",
    "%(prog)s, version %(version)s", "Choice({choices})", "Do you want to continue?",
    "Confirm the action without prompting.", "Unknown color {colour!r}",
    "Unknown standard stream '{name}'", "{value!r} does not match the format {format}.",
    "{value!r} is not a valid UUID.",
    "Shell completion is not supported for Bash versions older than 4.4.",
    "Couldn't detect Bash version, shell completion is not supported.",
    "Windows error: {error}",
    "file", "directory", "path",  # set at import; our Path type translates them in context
}


def click_msgids() -> set[str]:
    """Every message click marks with ``_`` or ``ngettext`` in its installed source."""
    import ast

    import click

    found = set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id in ("_", "ngettext") and node.args \
                    and isinstance(node.args[0], ast.Constant):
                found.add(node.args[0].value)
    return found


def test_every_click_message_a_user_can_meet_has_dutch() -> None:
    from wijkgraph._click_i18n import CLICK_MESSAGES
    from wijkgraph.i18n import translator

    found = click_msgids()
    nl = translator("nl")
    untranslated = sorted(m for m in found - CLICK_INTERNAL
                          if nl.gettext(m) == m and nl.ngettext(m, m, 1) == m)
    assert untranslated == [], "add their Dutch with tools/catalog.py and to CLICK_MESSAGES"
    ours_only = {"[OPTIONS]", "COMMAND [ARGS]...", "required"}  # click: _(extra["required"])
    stale = sorted(set(CLICK_MESSAGES) - found - ours_only - {
        "integer", "integer range", "file", "directory", "path",
        "INTEGER", "INTEGER RANGE", "FILE", "DIRECTORY", "PATH", "TEXT"})
    assert stale == [], "click no longer uses these messages"
