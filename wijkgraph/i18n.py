"""The one door for words: gettext with English msgids and one Dutch catalogue.

Every sentence wijkgraph shows a person goes through `translator(lang)`: the code holds
the English text (the *msgid*), ``wijkgraph/locale/nl/LC_MESSAGES/wijkgraph.po`` holds
every Dutch sentence. Plurals go through `Translator.ngettext`, numbers, percentages and
lists through `Translator.number`, `Translator.percent` and `Translator.join`.

The catalogue is read from the ``.po`` file itself (no compiled ``.mo`` that can go
stale); ``tools/catalog.py check`` fails when a msgid in the code lacks a Dutch
translation or its placeholders differ.

Problem codes (``"problem.self_loop"``) are stable machine names of messages; `t` looks
the English msgid up in `MESSAGES` and translates it.

Examples
--------
>>> nl, en = translator("nl"), translator("en")
>>> nl.gettext("relations"), en.gettext("relations")
('relaties', 'relations')
>>> nl.ngettext("{n} part", "{n} parts", 1).format(n=1)
'1 deel'
>>> nl.number(0.314, sign=True), en.number(0.314), nl.number(12500)
('+0,31', '0.31', '12.500')
>>> nl.join(["A", "B", "C"]), en.join(["A", "B", "C"])
('A, B en C', 'A, B and C')
>>> t("problem.self_loop", "en", name="DOCK")[:31]
"Relation from 'DOCK' to itself."
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

LANGS = ("nl", "en")
DEFAULT_LANG = "nl"
DOMAIN = "wijkgraph"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def N_(msgid: str) -> str:
    """Mark `msgid` for the catalogue without translating it now (gettext_noop).

    >>> N_("relations")
    'relations'
    """
    return msgid


def NP_(context: str, msgid: str) -> str:
    """Mark `msgid` with a `context` for the catalogue (translate later with `pgettext`).

    >>> NP_("column", "members")
    'members'
    """
    return msgid


# --------------------------------------------------------------------------------------
# Reading the .po file
# --------------------------------------------------------------------------------------

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b",
            "f": "\f", "v": "\v"}
_ESCAPE = re.compile(r'\\(.)')


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f"not a quoted .po string: {text!r}")
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), text[1:-1])


@dataclass
class PoEntry:
    """One entry of a .po file (what `read_po` gives)."""

    msgid: str = ""
    msgid_plural: str = ""
    msgctxt: str | None = None
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    fuzzy: bool = False
    line: int = 0

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)


def read_po(text: str) -> list[PoEntry]:
    """Parse the text of a .po file into entries (header included, msgid "").

    >>> e = read_po('msgid "part"\\nmsgid_plural "parts"\\nmsgstr[0] "deel"\\nmsgstr[1] "delen"\\n')
    >>> (e[0].msgid, e[0].msgstr_plural)
    ('part', {0: 'deel', 1: 'delen'})
    """
    entries: list[PoEntry] = []
    entry: PoEntry | None = None
    target: tuple[str, int] | None = None
    fuzzy = False

    def finish() -> None:
        nonlocal entry
        if entry is not None:
            entries.append(entry)
        entry = None

    for number_, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if entry is not None and target is not None and target[0] == "msgstr" \
                    or entry is not None and entry.msgstr_plural:
                finish()
                target = None
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            if entry is None or target is None:
                raise ValueError(f".po line {number_}: a string outside an entry")
            value = _unquote(line)
            name, index = target
            if name == "msgstr" and index >= 0:
                entry.msgstr_plural[index] += value
            else:
                setattr(entry, name, (getattr(entry, name) or "") + value)
            continue
        if keyword in ("msgctxt", "msgid") and (
                entry is None or target is None or target[0] == "msgstr"):
            if keyword == "msgid" and entry is not None and target is not None \
                    and target[0] == "msgctxt":
                pass  # msgid right after msgctxt belongs to the same entry
            else:
                finish()
                entry = PoEntry(line=number_, fuzzy=fuzzy)
                fuzzy = False
        if entry is None:
            raise ValueError(f".po line {number_}: {keyword} before msgid")
        if keyword.startswith("msgstr["):
            index = int(keyword[7:-1])
            entry.msgstr_plural[index] = _unquote(rest)
            target = ("msgstr", index)
        elif keyword in ("msgid", "msgid_plural", "msgstr", "msgctxt"):
            setattr(entry, keyword, _unquote(rest))
            target = (keyword, -1)
        else:
            raise ValueError(f".po line {number_}: unknown keyword {keyword!r}")
    finish()
    return entries


# --------------------------------------------------------------------------------------
# Translators
# --------------------------------------------------------------------------------------


class Translator:
    """Words, plurals and numbers in one language (get one with `translator`)."""

    def __init__(self, lang: str, catalogue: Mapping[tuple[str | None, str], PoEntry]):
        self.lang = lang
        self._catalogue = catalogue

    def __repr__(self) -> str:
        return f"Translator({self.lang!r}, {len(self._catalogue)} entries)"

    # --- gettext ---------------------------------------------------------------------
    def gettext(self, message: str) -> str:
        """`message` (an English msgid) in this language; the msgid when untranslated."""
        entry = self._catalogue.get((None, message))
        return entry.msgstr if entry is not None and entry.msgstr else message

    def pgettext(self, context: str, message: str) -> str:
        """`gettext` for a msgid that needs a context to be translated well."""
        entry = self._catalogue.get((context, message))
        return entry.msgstr if entry is not None and entry.msgstr else message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The singular or plural form for `n` (Dutch and English: one form for 1)."""
        index = 0 if n == 1 else 1
        entry = self._catalogue.get((None, singular))
        if entry is not None and entry.msgstr_plural.get(index):
            return entry.msgstr_plural[index]
        return singular if index == 0 else plural

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        index = 0 if n == 1 else 1
        entry = self._catalogue.get((context, singular))
        if entry is not None and entry.msgstr_plural.get(index):
            return entry.msgstr_plural[index]
        return singular if index == 0 else plural

    # jinja2's i18n extension calls these names
    ugettext = gettext
    ungettext = ngettext

    # --- numbers and lists -----------------------------------------------------------
    @property
    def decimal_point(self) -> str:
        return "." if self.lang == "en" else ","

    def number(self, value: Any, digits: int = 2, *, sign: bool = False) -> str:
        """A number as people write it: decimal comma in Dutch, thousands grouped.

        Whole numbers (ints, or floats of 100 and more, or `digits` 0) have no decimals;
        None, NaN and infinity give an en dash.
        """
        if value is None or isinstance(value, bool):
            return "–" if value is None else self.gettext("yes" if value else "no")
        try:
            x = float(value)
        except (TypeError, ValueError):
            return str(value)
        if math.isnan(x) or math.isinf(x):
            return "–"
        plus = "+" if sign else ""
        if x.is_integer() and (isinstance(value, int) or abs(x) >= 100 or digits == 0) \
                and not sign:
            text = f"{int(round(x)):,}"
        elif digits == 0:
            text = f"{x:{plus},.0f}"
        else:
            text = f"{x:{plus},.{digits}f}"
        if self.lang != "en":
            text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
        return text

    def percent(self, share: float, digits: int = 0) -> str:
        """A share 0..1 as a percentage: ``0.25`` -> ``25%``."""
        if share is None or (isinstance(share, float) and math.isnan(share)):
            return "–"
        return self.number(100 * float(share), digits) + "%"

    def join(self, items: Iterable[Any], *, conjunction: str = "and") -> str:
        """``A, B and C`` (Dutch ``A, B en C``); `conjunction` "or" gives of/or."""
        words = [str(i) for i in items]
        if not words:
            return ""
        if len(words) == 1:
            return words[0]
        last = self.gettext("or") if conjunction == "or" else self.gettext("and")
        return f"{', '.join(words[:-1])} {last} {words[-1]}"

    def count(self, n: int, singular: str, plural: str) -> str:
        """`ngettext` with ``{n}`` filled in with the formatted number.

        >>> translator("nl").count(1, "{n} part", "{n} parts")
        '1 deel'
        """
        return self.ngettext(singular, plural, n).format(n=self.number(n))


@lru_cache(maxsize=1)
def _dutch_catalogue() -> dict[tuple[str | None, str], PoEntry]:
    path = LOCALE_DIR / "nl" / "LC_MESSAGES" / f"{DOMAIN}.po"
    entries = read_po(path.read_text(encoding="utf-8"))
    return {e.key: e for e in entries if e.msgid and not e.fuzzy}


@cache
def translator(lang: str = DEFAULT_LANG) -> Translator:
    """The `Translator` for `lang` ("nl" or "en"; anything else raises ValueError).

    >>> translator("en").gettext("relations")
    'relations'
    """
    check_lang(lang)
    return Translator(lang, _dutch_catalogue() if lang == "nl" else {})


def gettext(message: str, lang: str = DEFAULT_LANG) -> str:
    """Shorthand for ``translator(lang).gettext(message)``."""
    return translator(lang).gettext(message)


def check_lang(lang: str) -> str:
    """Return `lang` if it is supported, else raise ValueError."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return lang


def number(value: float, lang: str = DEFAULT_LANG, digits: int = 2, *, sign: bool = False) -> str:
    """Shorthand for ``translator(lang).number(value, digits, sign=sign)``.

    >>> number(0.314, "nl", sign=True), number(0.314, "en"), number(0.0861, digits=3)
    ('+0,31', '0.31', '0,086')
    """
    return translator(lang).number(value, digits, sign=sign)


# --------------------------------------------------------------------------------------
# Problem codes: stable names of messages (errors, warnings), translated on display
# --------------------------------------------------------------------------------------

MESSAGES: dict[str, str] = {
    'problem.file_missing': N_("File or folder '{path}' does not exist. Check the path."),
    'problem.unsupported_input': N_("Cannot read '{path}' as wijkgraph input. Give an .xlsx workbook, a folder with actors.csv and relations.csv, or the name of a bundled dataset ({datasets})."),
    'problem.missing_table': N_("Table '{table}' is missing. Add a sheet or file '{table}' (also accepted: {aliases}). Found: {found}."),
    'problem.empty_table': N_("Table '{table}' is empty: there are no rows below the header. Fill it in or remove the sheet."),
    'problem.empty_file': N_('The file is empty. Save it again from Excel.'),
    'problem.binary_file': N_('This is not a table but a {kind} file. Save the table as CSV (UTF-8) or as an .xlsx workbook.'),
    'problem.damaged_workbook': N_('The workbook is damaged or incomplete (partly downloaded or copied?). Fetch it again or save it again from Excel as .xlsx.'),
    'problem.not_a_workbook': N_("This file is named .xlsx but is not an Excel workbook. Open it in Excel and save it as 'Excel Workbook (.xlsx)'."),
    'problem.unreadable_workbook': N_('The workbook cannot be read ({reason}). Open it in Excel and save it again as .xlsx.'),
    'problem.encoding': N_("The file's character encoding cannot be recognised. Save it as 'CSV UTF-8'."),
    'problem.missing_column': N_("Required column '{column}' is missing (also accepted: {aliases}). Columns found: {found}."),
    'problem.duplicate_column': N_("Column '{column}' appears twice ({headers}). Rename or remove one of them."),
    'problem.empty_value': N_("Empty value in required column '{column}'. Fill it in or remove the row."),
    'problem.duplicate_id': N_("Id '{value}' already appears in row {first_row}{same}. Give every actor its own id."),
    'problem.duplicate_name': N_("Name '{value}' already appears in row {first_row}{same}. Give every actor its own name, or give both an id in an 'id' column."),
    'problem.unknown_actor': N_("Relation points to an unknown actor '{name}'.{suggestion_text} Use an id or the exact name from the actors table."),
    'problem.did_you_mean': N_(" Did you mean '{suggestion}'?"),
    'problem.ambiguous_name': N_("The name '{name}' belongs to more than one actor ({ids}). Use the id here."),
    'problem.self_loop': N_("Relation from '{name}' to itself. Remove the row or choose another party."),
    'problem.bad_strength': N_("Strength '{value}' cannot be understood. Use 1-4 or identificatie, coordinatie, reflectie, transformatie."),
    'problem.bad_boolean': N_("Value '{value}' in column '{column}' cannot be understood. Use yes or no."),
    'problem.unknown_vocab': N_("Unknown value '{value}' in column '{column}'; it is kept as it is. Known values: {known}."),
    'problem.unknown_meeting': N_("Participation points to an unknown meeting '{name}'.{suggestion_text}"),
    'problem.case_match': N_("'{name}' was matched to actor '{match}' (only case or spaces differ)."),
    'problem.formula': N_('The cell holds a formula ({value}) with no stored result. Open the workbook in Excel, save it and try again, or replace the formula by its value.'),
    'problem.too_long': N_('The value is {length} characters long (at most {limit}). Shorten it.'),
    'problem.duplicate_relation': N_('The same relation is also in row {first_row}; this row does not count twice.'),
    'problem.no_actors': N_('There are no actors. Fill in the actors table.'),
    'problem.file_too_large': N_('The file is {size_mb} MB; wijkgraph reads up to {limit_mb} MB. Split it or remove columns you do not need.'),
    'problem.unknown_dataset': N_("Unknown dataset '{name}'. Available: {datasets}."),
    'problem.output_not_ours': N_("The folder '{path}' already exists and was not made by wijkgraph. Choose another folder or use --force to replace it."),
    'problem.output_is_file': N_("'{path}' is a file, not a folder. Choose another output folder."),
    'problem.header_moved': N_('The header is on row {row} instead of row 1; the rows above it are skipped.'),
    'problem.date_value': N_("'{value}' looks like a date Excel made of an id or name. Format the column as 'Text' in Excel and type the value again."),
    'problem.unknown_wijk': N_("No actor works in wijk '{wijk}'. Wijken in the data: {known}."),
    'problem.output_exists': N_("'{path}' already exists. Choose another name or use --force."),
    'problem.extra_cells': N_('This row has {n} cells but the header only {m}; the extra cells are ignored. Is there a delimiter (; or ,) inside a value? Then put that value in quotes.'),
    'problem.single_csv': N_("'{path}' is a single CSV file. Give the folder holding actors.csv and relations.csv (or actoren.csv and relaties.csv), or an .xlsx workbook."),
    'problem.duplicate_table': N_("This is table '{table}' too; only '{used}' is read. Remove or rename one of them."),
    'problem.open_quote': N_('A value starts here with a quote (") that is never closed; the rest of the file would end up in that one cell. Remove it or close it.'),
    'problem.nul_bytes': N_("The file contains NUL characters (byte 0); it is damaged or not a text file. Open it in Excel and save it as 'CSV UTF-8'."),
    'problem.excel_error': N_('The cell holds the Excel error value {value}. Fix the formula or type the value.'),
    'problem.no_header': N_('Column {column} has values but no header (merged cells?); it is ignored. Give the column a name or remove it.'),
    'problem.no_relations': N_('The table holds no relations; the network consists of unconnected actors.'),
    'problem.mixed_delimiter': N_("This row uses '{found}' as delimiter, the header '{expected}'. Use the same delimiter throughout the file."),
    'problem.numeric_name': N_("Name '{value}' is only a number. Has the column shifted? Put numbers in the 'id' column and the party's name in 'name'."),
    'problem.output_unwritable': N_("Cannot write to '{path}' ({reason}). Choose another folder or check permissions and free disk space."),
    'where.file': N_('{file}'),
    'where.sheet': N_("sheet '{sheet}'"),
    'where.row': N_('row {row}'),
    'where.column': N_("column '{column}'"),
    'severity.error': N_('Error'),
    'severity.warning': N_('Warning'),
    'label.domain': N_('domain'),
    'label.actors': N_('actors'),
    'label.relations': N_('relations'),
}
"""Problem code -> English msgid (modules add theirs with `register`)."""


def register(messages: Mapping[str, str]) -> None:
    """Add problem codes of a module to `MESSAGES`; a code must be new or the same msgid."""
    clash = {k for k in messages if k in MESSAGES and MESSAGES[k] != messages[k]}
    if clash:
        raise ValueError(f"i18n keys defined twice: {sorted(clash)}")
    MESSAGES.update(messages)


def t(key: str, lang: str = DEFAULT_LANG, /, **params: object) -> str:
    """The message of problem code `key` in `lang`, with `params` filled in.

    An unknown key raises KeyError (a bug).
    """
    template = translator(lang).gettext(MESSAGES[key])
    return template.format(**params) if params else template



def plural(n: int, one: str, many: str) -> str:
    """Deprecated: use `Translator.count` (kept until every caller has moved)."""
    return f"{n} {one if n == 1 else many}"
