"""User-facing words in Dutch (default) and English.

Every sentence wijkgraph shows a person (CLI messages, problems in the input, report and
map text) is looked up here by key, so that one `lang` switch changes all of it.

Examples
--------
>>> t("problem.self_loop", "en", name="DOCK")[:31]
"Relation from 'DOCK' to itself."
>>> t("label.domain", "nl")
'domein'
"""

from __future__ import annotations

from collections.abc import Mapping

LANGS = ("nl", "en")
DEFAULT_LANG = "nl"

# key -> (dutch, english); str.format placeholders.
MESSAGES: dict[str, tuple[str, str]] = {
    # --- problems in the input -------------------------------------------------------
    "problem.file_missing": (
        "Bestand of map '{path}' bestaat niet. Controleer het pad.",
        "File or folder '{path}' does not exist. Check the path.",
    ),
    "problem.unsupported_input": (
        "Kan '{path}' niet lezen als wijkgraph-invoer. Geef een .xlsx-werkmap, een map met "
        "actors.csv en relations.csv, of de naam van een meegeleverde dataset ({datasets}).",
        "Cannot read '{path}' as wijkgraph input. Give an .xlsx workbook, a folder with "
        "actors.csv and relations.csv, or the name of a bundled dataset ({datasets}).",
    ),
    "problem.missing_table": (
        "Tabel '{table}' ontbreekt. Voeg een blad of bestand '{table}' toe "
        "(ook goed: {aliases}). Gevonden: {found}.",
        "Table '{table}' is missing. Add a sheet or file '{table}' (also accepted: {aliases}). "
        "Found: {found}.",
    ),
    "problem.empty_table": (
        "Tabel '{table}' is leeg: er staan geen rijen onder de kopregel. Vul de tabel of "
        "verwijder het blad.",
        "Table '{table}' is empty: there are no rows below the header. Fill it in or remove "
        "the sheet.",
    ),
    "problem.empty_file": (
        "Het bestand is leeg. Sla het opnieuw op vanuit Excel.",
        "The file is empty. Save it again from Excel.",
    ),
    "problem.binary_file": (
        "Dit is geen tabel maar een {kind}-bestand. Sla de tabel op als CSV (UTF-8 of "
        "'CSV (puntkomma gescheiden)') of als .xlsx-werkmap.",
        "This is not a table but a {kind} file. Save the table as CSV (UTF-8) or as an .xlsx "
        "workbook.",
    ),
    "problem.damaged_workbook": (
        "De werkmap is beschadigd of onvolledig (half gedownload of gekopieerd?). Haal hem "
        "opnieuw op of sla hem in Excel opnieuw op als .xlsx.",
        "The workbook is damaged or incomplete (partly downloaded or copied?). Fetch it "
        "again or save it again from Excel as .xlsx.",
    ),
    "problem.not_a_workbook": (
        "Dit bestand heet .xlsx maar is geen Excel-werkmap. Open het in Excel en sla het op "
        "als 'Excel-werkmap (.xlsx)'.",
        "This file is named .xlsx but is not an Excel workbook. Open it in Excel and save it "
        "as 'Excel Workbook (.xlsx)'.",
    ),
    "problem.unreadable_workbook": (
        "De werkmap kan niet worden gelezen ({reason}). Open hem in Excel en sla hem "
        "opnieuw op als .xlsx.",
        "The workbook cannot be read ({reason}). Open it in Excel and save it again as .xlsx.",
    ),
    "problem.encoding": (
        "De tekenset van het bestand is niet te herkennen. Sla het op als 'CSV UTF-8'.",
        "The file's character encoding cannot be recognised. Save it as 'CSV UTF-8'.",
    ),
    "problem.missing_column": (
        "Verplichte kolom '{column}' ontbreekt (ook goed: {aliases}). Gevonden kolommen: "
        "{found}.",
        "Required column '{column}' is missing (also accepted: {aliases}). Columns found: "
        "{found}.",
    ),
    "problem.duplicate_column": (
        "Kolom '{column}' komt twee keer voor ({headers}). Hernoem of verwijder er één.",
        "Column '{column}' appears twice ({headers}). Rename or remove one of them.",
    ),
    "problem.empty_value": (
        "Lege waarde in verplichte kolom '{column}'. Vul hem in of verwijder de rij.",
        "Empty value in required column '{column}'. Fill it in or remove the row.",
    ),
    "problem.duplicate_id": (
        "Id '{value}' komt al voor in rij {first_row}{same}. Geef elke actor een eigen id.",
        "Id '{value}' already appears in row {first_row}{same}. Give every actor its own id.",
    ),
    "problem.duplicate_name": (
        "Naam '{value}' komt al voor in rij {first_row}{same}. Geef elke actor een eigen naam, "
        "of geef beide een id in een kolom 'id'.",
        "Name '{value}' already appears in row {first_row}{same}. Give every actor its own "
        "name, or give both an id in an 'id' column.",
    ),
    "problem.unknown_actor": (
        "Relatie verwijst naar een onbekende actor '{name}'.{suggestion_text} Gebruik een "
        "id of de exacte naam uit de actorentabel.",
        "Relation points to an unknown actor '{name}'.{suggestion_text} Use an id or the "
        "exact name from the actors table.",
    ),
    "problem.did_you_mean": (" Bedoelt u '{suggestion}'?", " Did you mean '{suggestion}'?"),
    "problem.ambiguous_name": (
        "De naam '{name}' hoort bij meer dan één actor ({ids}). Gebruik hier het id.",
        "The name '{name}' belongs to more than one actor ({ids}). Use the id here.",
    ),
    "problem.self_loop": (
        "Relatie van '{name}' naar zichzelf. Verwijder de rij of kies een andere partij.",
        "Relation from '{name}' to itself. Remove the row or choose another party.",
    ),
    "problem.bad_strength": (
        "Sterkte '{value}' is niet te begrijpen. Gebruik 1-4 of identificatie, coördinatie, "
        "reflectie, transformatie.",
        "Strength '{value}' cannot be understood. Use 1-4 or identificatie, coordinatie, "
        "reflectie, transformatie.",
    ),
    "problem.bad_boolean": (
        "Waarde '{value}' in kolom '{column}' is niet te begrijpen. Gebruik ja of nee.",
        "Value '{value}' in column '{column}' cannot be understood. Use yes or no.",
    ),
    "problem.unknown_vocab": (
        "Onbekende waarde '{value}' in kolom '{column}'; hij wordt overgenomen zoals hij is. "
        "Bekende waarden: {known}.",
        "Unknown value '{value}' in column '{column}'; it is kept as it is. Known values: "
        "{known}.",
    ),
    "problem.unknown_meeting": (
        "Deelname verwijst naar een onbekend overleg '{name}'.{suggestion_text}",
        "Participation points to an unknown meeting '{name}'.{suggestion_text}",
    ),
    "problem.case_match": (
        "'{name}' is gekoppeld aan actor '{match}' (alleen hoofdletters of spaties "
        "verschillen).",
        "'{name}' was matched to actor '{match}' (only case or spaces differ).",
    ),
    "problem.formula": (
        "De cel bevat een formule ({value}) zonder opgeslagen uitkomst. Open de werkmap in "
        "Excel, sla hem op en probeer het opnieuw, of vervang de formule door de waarde.",
        "The cell holds a formula ({value}) with no stored result. Open the workbook in "
        "Excel, save it and try again, or replace the formula by its value.",
    ),
    "problem.too_long": (
        "De waarde is {length} tekens lang (maximaal {limit}). Kort hem in.",
        "The value is {length} characters long (at most {limit}). Shorten it.",
    ),
    "problem.duplicate_relation": (
        "Dezelfde relatie staat ook in rij {first_row}; deze rij telt niet extra mee.",
        "The same relation is also in row {first_row}; this row does not count twice.",
    ),
    "problem.no_actors": (
        "Er zijn geen actoren. Vul de actorentabel.",
        "There are no actors. Fill in the actors table.",
    ),
    "problem.file_too_large": (
        "Het bestand is {size_mb} MB; wijkgraph leest tot {limit_mb} MB. Splits het of "
        "verwijder kolommen die u niet nodig hebt.",
        "The file is {size_mb} MB; wijkgraph reads up to {limit_mb} MB. Split it or remove "
        "columns you do not need.",
    ),
    "problem.unknown_dataset": (
        "Onbekende dataset '{name}'. Beschikbaar: {datasets}.",
        "Unknown dataset '{name}'. Available: {datasets}.",
    ),
    "problem.output_not_ours": (
        "De map '{path}' bestaat al en is niet door wijkgraph gemaakt. Kies een andere map "
        "of gebruik --force om hem te vervangen.",
        "The folder '{path}' already exists and was not made by wijkgraph. Choose another "
        "folder or use --force to replace it.",
    ),
    "problem.output_is_file": (
        "'{path}' is een bestand, geen map. Kies een andere uitvoermap.",
        "'{path}' is a file, not a folder. Choose another output folder.",
    ),
    "problem.header_moved": (
        "De kopregel staat op rij {row} in plaats van rij 1; de rijen erboven worden "
        "overgeslagen.",
        "The header is on row {row} instead of row 1; the rows above it are skipped.",
    ),
    "problem.date_value": (
        "'{value}' lijkt een datum die Excel heeft gemaakt van een id of naam. Zet de kolom "
        "in Excel op 'Tekst' en typ de waarde opnieuw.",
        "'{value}' looks like a date Excel made of an id or name. Format the column as "
        "'Text' in Excel and type the value again.",
    ),
    "problem.unknown_wijk": (
        "Geen enkele actor werkt in wijk '{wijk}'. Wijken in de gegevens: {known}.",
        "No actor works in wijk '{wijk}'. Wijken in the data: {known}.",
    ),
    "problem.output_exists": (
        "'{path}' bestaat al. Kies een andere naam of gebruik --force.",
        "'{path}' already exists. Choose another name or use --force.",
    ),
    "problem.extra_cells": (
        "Deze rij heeft {n} cellen maar de kopregel maar {m}; de extra cellen worden "
        "genegeerd. Staat er een scheidingsteken (; of ,) in een waarde? Zet die waarde dan "
        "tussen aanhalingstekens.",
        "This row has {n} cells but the header only {m}; the extra cells are ignored. Is "
        "there a delimiter (; or ,) inside a value? Then put that value in quotes.",
    ),
    "problem.single_csv": (
        "'{path}' is één CSV-bestand. Geef de map die actors.csv en relations.csv (of "
        "actoren.csv en relaties.csv) bevat, of een .xlsx-werkmap.",
        "'{path}' is a single CSV file. Give the folder holding actors.csv and relations.csv "
        "(or actoren.csv and relaties.csv), or an .xlsx workbook.",
    ),
    "problem.duplicate_table": (
        "Ook dit is tabel '{table}'; alleen '{used}' wordt gelezen. Verwijder of hernoem één "
        "van beide.",
        "This is table '{table}' too; only '{used}' is read. Remove or rename one of them.",
    ),
    "problem.open_quote": (
        "Hier begint een waarde met een aanhalingsteken (\") dat nergens wordt gesloten; "
        "de rest van het bestand zou in die ene cel belanden. Verwijder het of sluit het af.",
        "A value starts here with a quote (\") that is never closed; the rest of the file "
        "would end up in that one cell. Remove it or close it.",
    ),
    "problem.nul_bytes": (
        "Het bestand bevat NUL-tekens (byte 0); het is beschadigd of geen tekstbestand. "
        "Open het in Excel en sla het op als 'CSV UTF-8'.",
        "The file contains NUL characters (byte 0); it is damaged or not a text file. "
        "Open it in Excel and save it as 'CSV UTF-8'.",
    ),
    "problem.excel_error": (
        "De cel bevat de Excel-foutwaarde {value}. Herstel de formule of typ de waarde in.",
        "The cell holds the Excel error value {value}. Fix the formula or type the value.",
    ),
    "problem.no_header": (
        "Kolom {column} heeft waarden maar geen kopregel (samengevoegde cellen?); hij wordt "
        "genegeerd. Geef de kolom een naam of verwijder hem.",
        "Column {column} has values but no header (merged cells?); it is ignored. Give the "
        "column a name or remove it.",
    ),
    "problem.no_relations": (
        "Er staan geen relaties in de tabel; het netwerk bestaat uit losse actoren.",
        "The table holds no relations; the network consists of unconnected actors.",
    ),
    "problem.mixed_delimiter": (
        "Deze rij gebruikt '{found}' als scheidingsteken, de kopregel '{expected}'. Gebruik "
        "in het hele bestand hetzelfde scheidingsteken.",
        "This row uses '{found}' as delimiter, the header '{expected}'. Use the same "
        "delimiter throughout the file.",
    ),
    "problem.numeric_name": (
        "Naam '{value}' is alleen een getal. Is de kolom verschoven? Zet nummers in de kolom "
        "'id' en de naam van de partij in 'naam'.",
        "Name '{value}' is only a number. Has the column shifted? Put numbers in the 'id' "
        "column and the party's name in 'name'.",
    ),
    "problem.output_unwritable": (
        "Kan niet schrijven naar '{path}' ({reason}). Kies een andere map of controleer de "
        "rechten en de vrije schijfruimte.",
        "Cannot write to '{path}' ({reason}). Choose another folder or check permissions "
        "and free disk space.",
    ),
    # --- where a problem is --------------------------------------------------------------
    "where.file": ("{file}", "{file}"),
    "where.sheet": ("blad '{sheet}'", "sheet '{sheet}'"),
    "where.row": ("rij {row}", "row {row}"),
    "where.column": ("kolom '{column}'", "column '{column}'"),
    "severity.error": ("Fout", "Error"),
    "severity.warning": ("Waarschuwing", "Warning"),
    # --- labels ------------------------------------------------------------------------
    "label.domain": ("domein", "domain"),
    "label.actors": ("actoren", "actors"),
    "label.relations": ("relaties", "relations"),
}


def t(key: str, lang: str = DEFAULT_LANG, /, **params: object) -> str:
    """Return the sentence for `key` in `lang`, with `params` filled in.

    Unknown languages fall back to Dutch; an unknown key raises KeyError (a bug).
    """
    nl, en = MESSAGES[key]
    template = en if lang == "en" else nl
    return template.format(**params) if params else template


def check_lang(lang: str) -> str:
    """Return `lang` if it is supported, else raise ValueError."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return lang


def register(messages: Mapping[str, tuple[str, str]]) -> None:
    """Add messages of a module (analysis, renderer) to the catalogue; keys must be new."""
    clash = set(messages) & set(MESSAGES)
    if clash:
        raise ValueError(f"i18n keys defined twice: {sorted(clash)}")
    MESSAGES.update(messages)


def plural(n: int, one: str, many: str) -> str:
    """`n` followed by the singular or plural form: plain words instead of "actor(en)".

    >>> plural(1, "actor heeft", "actoren hebben"), plural(3, "risico", "risico's")
    ('1 actor heeft', "3 risico's")
    """
    return f"{n} {one if n == 1 else many}"


def number(value: float, lang: str = "nl", digits: int = 2, *, sign: bool = False) -> str:
    """A number for a sentence: decimal comma in Dutch, point in English.

    >>> number(0.314, "nl", sign=True), number(0.314, "en"), number(0.0861, digits=3)
    ('+0,31', '0.31', '0,086')
    """
    text = f"{value:+.{digits}f}" if sign else f"{value:.{digits}f}"
    return text if lang == "en" else text.replace(".", ",")
