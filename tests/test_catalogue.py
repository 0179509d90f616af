"""The Dutch catalogue: complete, read the same by Babel, plurals and numbers as Dutch writes them.

`wijkgraph.i18n` reads the ``.po`` file with its own small reader; Babel's reader is an
independent second reading of the same file, and Babel's CLDR data an independent source
for which plural form Dutch uses.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from babel import Locale
from babel.messages.pofile import read_po as babel_read_po

from tools.catalog import PO, problems
from wijkgraph.i18n import PoEntry, read_po, translator


def test_every_msgid_has_dutch_with_the_same_placeholders() -> None:
    found = problems()
    print("\n".join(found))
    assert not found, ("msgids without (correct) Dutch; add them with "
                       "`python tools/catalog.py add ...`:\n" + "\n".join(found))


def ours() -> list[PoEntry]:
    return [e for e in read_po(PO.read_text(encoding="utf-8")) if e.msgid]


def as_babel_would(entry: PoEntry) -> tuple[Any, Any, str | None, bool]:
    """An entry of our reader in the shape of a Babel message: (id, string, context, fuzzy)."""
    if entry.msgid_plural:
        forms = tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
        return (entry.msgid, entry.msgid_plural), forms, entry.msgctxt, entry.fuzzy
    return entry.msgid, entry.msgstr, entry.msgctxt, entry.fuzzy


def test_no_entry_twice() -> None:
    twice = [key for key, n in Counter(e.key for e in ours()).items() if n > 1]
    assert not twice, f"entries in the .po more than once: {twice}"


def test_our_reader_agrees_with_babel() -> None:
    with PO.open("rb") as f:
        catalogue = babel_read_po(f, locale="nl")
    theirs = {(m.context, m.id if isinstance(m.id, str) else m.id[0]):
              (m.id if isinstance(m.id, str) else tuple(m.id),
               m.string if isinstance(m.string, str) else tuple(m.string), m.context, m.fuzzy)
              for m in catalogue if m.id}
    mine = {e.key: as_babel_would(e) for e in ours()}
    assert len(mine) > 100
    only_ours, only_babel = sorted(mine.keys() - theirs.keys(), key=str), \
        sorted(theirs.keys() - mine.keys(), key=str)
    assert not only_ours and not only_babel, (only_ours[:10], only_babel[:10])
    differ = [(key, mine[key], theirs[key]) for key in mine if mine[key] != theirs[key]]
    assert not differ, differ[:10]
    assert catalogue.num_plurals == 2 and catalogue.plural_expr.replace(" ", "") == "(n!=1)"


@pytest.mark.parametrize("n", [0, 1, 2, 3, 11, 21, 100, 1000])
def test_plural_form_is_the_one_cldr_gives_for_dutch(n: int) -> None:
    form = 0 if Locale("nl").plural_form(n) == "one" else 1
    nl = translator("nl")
    plurals = [e for e in ours() if e.msgid_plural and e.msgctxt is None]
    assert plurals, "no plural entries in the catalogue"
    for e in plurals:
        assert nl.ngettext(e.msgid, e.msgid_plural, n) == e.msgstr_plural[form]


@pytest.mark.parametrize(("n", "nl", "en"), [
    (0, "0 delen", "0 parts"),
    (1, "1 deel", "1 part"),
    (2, "2 delen", "2 parts"),
    (1000, "1.000 delen", "1,000 parts"),
])
def test_count_by_hand(n: int, nl: str, en: str) -> None:
    assert translator("nl").ngettext("{n} part", "{n} parts", n) == ("{n} deel" if n == 1
                                                                      else "{n} delen")
    assert translator("nl").count(n, "{n} part", "{n} parts") == nl
    assert translator("en").count(n, "{n} part", "{n} parts") == en


@pytest.mark.parametrize(("value", "args", "kwargs", "nl", "en"), [
    (0.5, (), {}, "0,50", "0.50"),
    (0.314, (), {"sign": True}, "+0,31", "+0.31"),
    (-0.25, (), {"sign": True}, "-0,25", "-0.25"),
    (0.0861, (3,), {}, "0,086", "0.086"),
    (12500, (), {}, "12.500", "12,500"),
    (12500.0, (), {}, "12.500", "12,500"),
    (1234.5, (), {}, "1.234,50", "1,234.50"),
    (1234567.25, (1,), {}, "1.234.567,2", "1,234,567.2"),
    (7, (), {}, "7", "7"),
    (7.0, (0,), {}, "7", "7"),
    (2.5, (0,), {}, "2", "2"),  # Python rounds half to even
    (None, (), {}, "–", "–"),
    (float("nan"), (), {}, "–", "–"),
    (float("inf"), (), {}, "–", "–"),
    (True, (), {}, "ja", "yes"),
])
def test_number_by_hand(value: Any, args: tuple[int, ...], kwargs: dict[str, bool], nl: str,
                        en: str) -> None:
    assert translator("nl").number(value, *args, **kwargs) == nl
    assert translator("en").number(value, *args, **kwargs) == en


@pytest.mark.parametrize(("share", "digits", "nl", "en"), [
    (0.25, 0, "25%", "25%"),
    (0.5, 0, "50%", "50%"),
    (1, 0, "100%", "100%"),
    (0.333, 0, "33%", "33%"),
    (0.125, 1, "12,5%", "12.5%"),
    (0.0, 0, "0%", "0%"),
    (float("nan"), 0, "–", "–"),
])
def test_percent_by_hand(share: float, digits: int, nl: str, en: str) -> None:
    assert translator("nl").percent(share, digits) == nl
    assert translator("en").percent(share, digits) == en


@pytest.mark.parametrize(("items", "conjunction", "nl", "en"), [
    ([], "and", "", ""),
    (["A"], "and", "A", "A"),
    (["A", "B"], "and", "A en B", "A and B"),
    (["A", "B", "C"], "and", "A, B en C", "A, B and C"),
    (["A", "B", "C"], "or", "A, B of C", "A, B or C"),
    ((x for x in (1, 2)), "and", "1 en 2", "1 and 2"),
])
def test_join_by_hand(items: Any, conjunction: str, nl: str, en: str) -> None:
    items = list(items)
    assert translator("nl").join(items, conjunction=conjunction) == nl
    assert translator("en").join(items, conjunction=conjunction) == en
