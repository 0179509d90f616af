"""Words go through one door (wijkgraph.i18n): no language branches or word pairs in the code,
no Dutch in the English report, no slipped plurals, decimal commas in Dutch.

The code scan reads the AST of every module but wijkgraph/i18n.py. The report checks
render the Markdown report of bundled datasets and first remove every piece of data (actor
names, descriptions, themes, meetings: they are in the language the data was typed in).
"""

from __future__ import annotations

import ast
import html
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "wijkgraph"
EXEMPT = {PACKAGE / "i18n.py"}  # the one place that may hold (nl, en) pairs
LANG_CODES = ("nl", "en")
FORBIDDEN_CALLS = ("say", "plural")
DATASETS = ("utrecht-oost", "driehoek")

# --------------------------------------------------------------------------------------
# The code: no language branches, no say()/plural(), no (nl, en) pairs
# --------------------------------------------------------------------------------------


def _call_name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _str_pair(node: ast.expr) -> tuple[str, str] | None:
    if isinstance(node, ast.Tuple) and len(node.elts) == 2 and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
        first, second = (e.value for e in node.elts)
        return first, second
    return None


def _is_code_list(node: ast.Dict) -> bool:
    """A dict whose tuple values have other lengths than 2 holds lists of codes (themes of
    a domain), not word pairs: ``{"wonen": ("wonen", "duurzaamheid"), "zorg": (...x4)}``."""
    return any(isinstance(v, ast.Tuple) and len(v.elts) != 2 for v in node.values)


def language_slips(path: Path, text: str) -> list[str]:
    """``file:line: what`` for every forbidden construct in the code `text` of `path`."""
    return sorted(_slips(path, text), key=lambda f: int(f.split(":")[1]))


def _slips(path: Path, text: str) -> Iterator[str]:
    rel = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    for node in ast.walk(ast.parse(text, str(path))):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(isinstance(op, ast.Eq | ast.NotEq | ast.Is | ast.IsNot) for op in node.ops) \
                    and any(isinstance(s, ast.Constant) and s.value in LANG_CODES for s in sides):
                yield f"{rel}:{node.lineno}: language branch `{ast.unparse(node)}`"
        elif isinstance(node, ast.Call) and _call_name(node.func) in FORBIDDEN_CALLS:
            yield f"{rel}:{node.lineno}: call of {_call_name(node.func)}()"
        elif isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if set(LANG_CODES) <= keys:
                yield f"{rel}:{node.lineno}: dict with keys 'nl' and 'en'"
            if _is_code_list(node):
                continue
            for value in node.values:
                pair = _str_pair(value)
                if pair is not None:
                    yield f"{rel}:{value.lineno}: word pair {pair[0][:40]!r}, {pair[1][:40]!r}"


def code_slips() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path not in EXEMPT:
            found.extend(language_slips(path, path.read_text(encoding="utf-8")))
    return found


def test_no_language_branches_or_word_pairs_in_the_code() -> None:
    found = code_slips()
    print("\n".join(found))
    print(f"{len(found)} slip(s)")
    assert not found, (f"{len(found)} language branch(es), say()/plural() call(s) or (nl, en) "
                       "pair(s); use translator(lang) and the catalogue (wijkgraph/i18n.py):\n"
                       + "\n".join(found))


def test_the_scan_finds_each_kind() -> None:
    code = '''
if lang == "en": pass
if lang != "en": pass
if "en" == lang: pass
x = "a" if self.lang == "nl" else "b"
say("ja", "yes")
i18n.plural(3, "deel", "delen")
LABELS = {"a": ("Netwerk", "Network"), "b": 3}
WORDS = {"nl": "wijk", "en": "neighbourhood"}
THEMES = {"wonen": ("wonen", "duurzaamheid"), "zorg": ("a", "b", "c")}
ok = lang in ("nl", "en") and t.gettext("x") and {"k": ("a", "b", "c")}
'''
    found = language_slips(Path("fake.py"), code)
    assert [f.split(":")[1] for f in found] == ["2", "3", "4", "5", "6", "7", "8", "9"], found
    assert "word pair 'Netwerk', 'Network'" in found[6]


# --------------------------------------------------------------------------------------
# The reports
# --------------------------------------------------------------------------------------


@cache
def analysed(dataset: str) -> tuple[Any, Any]:
    from wijkgraph.analysis.run import analyse
    from wijkgraph.sources.bundled import load_dataset

    net = load_dataset(dataset)
    return net, analyse(net)


@cache
def report(dataset: str, lang: str) -> str:
    from wijkgraph.render.report import render_report

    net, analysis = analysed(dataset)
    return render_report(net, analysis, lang=lang, fmt="md")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple | set | frozenset):
        for v in value:
            yield from _strings(v)


@cache
def data_strings(dataset: str) -> tuple[str, ...]:
    """Every text in the data (cells of the four tables, meta), longest first; not the
    codes of a vocabulary (domain, type, kind, channel), which the report translates."""
    from wijkgraph.model.schema import VOCABULARIES

    net, _ = analysed(dataset)
    found: set[str] = set()
    for table in ("actors", "relations", "meetings", "participation"):
        frame = getattr(net.tables, table)
        for column in frame.columns:
            if (table, column) in VOCABULARIES:
                continue
            for cell in frame[column]:
                found.update(" ".join(s.split()) for s in _strings(cell))
    for value in net.meta.values():
        found.update(" ".join(s.split()) for s in _strings(value))
    return tuple(sorted((s for s in found if len(s) > 1), key=lambda s: (-len(s), s)))


def without_data(text: str, dataset: str) -> str:
    """The report's own words: Markdown escapes undone, data and the version removed."""
    from wijkgraph._version import __version__

    text = html.unescape(re.sub(r"\\(.)", r"\1", text)).replace(__version__, "VERSION")
    data = _data_pattern(dataset)
    return "\n".join(data.sub("¶", " ".join(line.split())) for line in text.splitlines())


@cache
def _data_pattern(dataset: str) -> re.Pattern[str]:
    """Any data string as a whole word (``werk`` in ``Netwerk`` stays), longest first."""
    words = "|".join(re.escape(s) for s in data_strings(dataset))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)")


DUTCH_MARKERS = (" de ", " het ", " een ", "partijen", "ontbreekt", "losse")
SLIPS = ("1 losse delen", "rij(en)", "part(ies)", "(en)", "1 parts", "1 relations",
         "1 actors", "1 partijen", "1 relaties", "1 actoren")
DECIMAL_POINT = re.compile(r"(?<![\d.,\w])\d+\.\d+(?![\d.])")


def hits(text: str, needles: tuple[str, ...]) -> list[str]:
    """``line n: 'needle', ... in 'line'`` for every line holding one of `needles`."""
    found = []
    for n, line in enumerate(text.splitlines(), start=1):
        padded = f" {line.lower()} "
        # a needle starting with a digit must not be the tail of a number: "41 actors" is fine
        present = [needle for needle in needles if re.search(
            ("(?<!\\d)" if needle[:1].isdigit() else "") + re.escape(needle), padded)]
        if present:
            found.append(f"line {n}: {', '.join(map(repr, present))} in {line.strip()[:160]!r}")
    return found


@pytest.mark.parametrize("dataset", DATASETS)
def test_english_report_has_no_dutch(dataset: str) -> None:
    text = without_data(report(dataset, "en"), dataset)
    found = hits(text, DUTCH_MARKERS)
    print("\n".join(found))
    assert not found, f"Dutch words in the English report of {dataset}:\n" + "\n".join(found)


@pytest.mark.parametrize("lang", LANG_CODES)
@pytest.mark.parametrize("dataset", DATASETS)
def test_report_has_no_slipped_plurals(dataset: str, lang: str) -> None:
    text = without_data(report(dataset, lang), dataset)
    found = hits(text, SLIPS)
    print("\n".join(found))
    assert not found, (f"plural slips in the {lang} report of {dataset} (use ngettext):\n"
                       + "\n".join(found))


@pytest.mark.parametrize("dataset", DATASETS)
def test_dutch_report_writes_decimal_commas(dataset: str) -> None:
    text = without_data(report(dataset, "nl"), dataset)
    found = [f"line {n}: {m.group()!r} in {line.strip()[:160]!r}"
             for n, line in enumerate(text.splitlines(), start=1)
             for m in DECIMAL_POINT.finditer(line)
             if not re.fullmatch(r"\d{1,3}(\.\d{3})+", m.group())]  # 12.500: thousands
    print("\n".join(found))
    assert not found, (f"decimal points in the Dutch report of {dataset} (use "
                       "translator('nl').number):\n" + "\n".join(found))


def test_the_decimal_pattern() -> None:
    assert [m.group() for m in DECIMAL_POINT.finditer("a 0.58 b 0,58 c 12.500 v1.2 3.")] \
        == ["0.58", "12.500"]
