"""`wijkgraph analyse` end to end: outputs, determinism, pseudonymising, invalid input."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from wijkgraph.cli import cli

PEOPLE = {
    "Jan de Vries": ("buurtverbinder", "jan.devries@example.nl", "06-12345678"),
    "Fatima El Amrani": ("buurtverbinder", "fatima@example.nl", "030 234 5678"),
    "Kees Brouwer": ("wijkagent", "k.brouwer@politie.example", "+31 6 87654321"),
}


def write_people_dataset(folder: Path) -> Path:
    """A small wijk with named persons, their contact details and names in others' text."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = [
        {"id": "dock", "naam": "DOCK Oost", "soort": "organisatie", "domein": "welzijn",
         "rol": "sociaal makelaar", "wijk": "Oost", "thema's": "eenzaamheid",
         "omschrijving": "Werkt nauw samen met Jan de Vries; bel 06-11223344.",
         "contact": "info@dock.example"},
        {"id": "bt", "naam": "Buurtteam Oost", "soort": "team", "domein": "welzijn",
         "rol": "buurtteam", "wijk": "Oost", "thema's": "armoede", "omschrijving": "",
         "contact": "030-1112233"},
        {"id": "ha", "naam": "Huisartsenpraktijk Oost", "soort": "organisatie",
         "domein": "zorg", "rol": "huisarts", "wijk": "Oost", "thema's": "gezondheid",
         "omschrijving": "Kees Brouwer komt soms langs.", "contact": ""},
    ]
    for k, (name, (role, mail, phone)) in enumerate(PEOPLE.items()):
        rows.append({"id": f"p{k}", "naam": name, "soort": "persoon",
                     "domein": "veiligheid" if role == "wijkagent" else "inwoners",
                     "rol": role, "wijk": "Oost", "thema's": "ontmoeting",
                     "omschrijving": f"{name} woont al 20 jaar in Oost.",
                     "contact": f"{mail}; {phone}"})
    pd.DataFrame(rows).to_csv(folder / "actoren.csv", index=False)
    rel = pd.DataFrame({
        "van": ["dock", "dock", "p0", "p1", "p2", "bt"],
        "naar": ["p0", "p1", "p1", "bt", "bt", "ha"],
        "omschrijving": ["Jan de Vries en DOCK", "", "", "", "Kees Brouwer: 06-99887766", ""],
    })
    rel.to_csv(folder / "relaties.csv", index=False)
    return folder


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def all_text(folder: Path) -> dict[str, str]:
    """Every output file as text; workbooks unpacked member by member."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as z:
                for member in z.namelist():
                    out[f"{path.name}:{member}"] = z.read(member).decode("utf-8", "replace")
        else:
            out[path.name] = path.read_bytes().decode("utf-8", "replace")
    return out


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def test_analyse_writes_every_output_and_summarises(tmp_path):
    out = tmp_path / "rapport"
    result = run("analyse", "utrecht-oost", "-o", str(out))
    assert result.exit_code == 0, result.output
    names = {p.name for p in out.iterdir()}
    assert {"report.html", "report.md", "tables.xlsx", "analysis.json"} <= names
    assert "Belangrijkste bevindingen:" in result.output
    numbered = [line for line in result.output.splitlines() if line.startswith(("  1.", "  2.",
                                                                                 "  3.", "  4."))]
    assert 1 <= len(numbered) <= 3
    assert f"Rapport: {out / 'report.html'}" in result.output


def test_same_input_same_seed_byte_identical(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert run("analyse", "utrecht-oost", "-o", str(a), "--seed", "3").exit_code == 0
    assert run("analyse", "utrecht-oost", "-o", str(b), "--seed", "3").exit_code == 0
    da, db = digests(a), digests(b)
    assert "tables.xlsx" in da and "report.html" in da
    assert da == db


def test_english_outputs(tmp_path):
    out = tmp_path / "en"
    result = run("analyse", "driehoek", "-o", str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Main findings:" in result.output
    html = (out / "report.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "At a glance" in html


def test_format_choice_and_map_link(tmp_path):
    out = tmp_path / "html-only"
    assert run("analyse", "driehoek", "-o", str(out), "--format", "html").exit_code == 0
    assert {p.name for p in out.iterdir() if p.is_file()} == {"report.html", ".wijkgraph"}
    assert 'href="map.html"' not in (out / "report.html").read_text(encoding="utf-8")


def test_pseudonymise_leaves_no_name_or_contact_anywhere(tmp_path):
    data = write_people_dataset(tmp_path / "invoer")
    out = tmp_path / "rapport"
    result = run("analyse", str(data), "-o", str(out), "--pseudonymise")
    assert result.exit_code == 0, result.output
    texts = all_text(out)
    assert any(name.startswith("report.html") for name in texts)
    forbidden = [w for name, (_r, mail, phone) in PEOPLE.items() for w in (name, mail, phone)]
    forbidden += ["info@dock.example", "030-1112233", "06-11223344", "06-99887766"]
    forbidden += [name.split()[-1] for name in PEOPLE]  # surnames alone
    for file, text in texts.items():
        for word in forbidden:
            assert word not in text, (word, file)
    assert "Buurtverbinder 1" in texts["report.html"]
    assert "Wijkagent 1" in texts["report.html"]
    # the terminal summary is pseudonymised too
    for name in PEOPLE:
        assert name not in result.output


def test_without_pseudonymise_contacts_still_stay_out(tmp_path):
    data = write_people_dataset(tmp_path / "invoer")
    out = tmp_path / "rapport"
    assert run("analyse", str(data), "-o", str(out)).exit_code == 0
    texts = all_text(out)
    assert any("Jan de Vries" in t for t in texts.values())  # names stay without the flag
    for text in texts.values():
        for _role, mail, _phone in PEOPLE.values():
            assert mail not in text


@pytest.mark.parametrize("bad", ["bad-strength", "ambiguous-name"])
def test_invalid_input_exit_2_and_dir_untouched(tmp_path, bad):
    source = Path(__file__).resolve().parents[1] / "data" / "bad" / bad
    out = tmp_path / "rapport"
    assert run("analyse", "driehoek", "-o", str(out)).exit_code == 0
    before = digests(out)
    result = CliRunner().invoke(cli, ["analyse", str(source), "-o", str(out)])
    assert result.exit_code == 2
    assert "Fout:" in result.output and "Traceback" not in result.output
    assert "er is niets geschreven" in result.output
    assert digests(out) == before


def test_invalid_input_creates_no_dir(tmp_path):
    source = Path(__file__).resolve().parents[1] / "data" / "bad" / "bad-strength"
    out = tmp_path / "nieuw"
    result = CliRunner().invoke(cli, ["analyse", str(source), "-o", str(out)])
    assert result.exit_code == 2
    assert not out.exists()
    assert not list(tmp_path.iterdir())


def test_progress_with_verbose_and_silence_with_quiet(tmp_path):
    result = run("analyse", "driehoek", "-o", str(tmp_path / "v"), "-v")
    assert result.exit_code == 0
    assert "Stap 1 van " in result.output and ": sleutelfiguren (" in result.output
    quiet = run("analyse", "driehoek", "-o", str(tmp_path / "q"), "-q")
    assert quiet.exit_code == 0 and quiet.output == ""
