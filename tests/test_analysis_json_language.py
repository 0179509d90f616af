"""analysis.json speaks the run's language: every text field (reasons, labels, statuses,
gaps, contexts, titles) is in `lang`, and no section carries Dutch or English twins
(``reason_en``, ``label_nl``) beside it (issue 11: ``reason`` stayed Dutch under --lang en)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.test_words import DUTCH_MARKERS, hits, without_data
from wijkgraph.analysis.run import SCHEMA_VERSION, analyse
from wijkgraph.i18n import LANGS
from wijkgraph.sources.bundled import load_dataset

DATASET = "utrecht-oost"
#: The keys whose values are words wijkgraph writes (not codes, names or numbers).
TEXT_KEYS = {"reason", "reasons", "label", "status_label", "why", "missing", "context", "title"}
#: More Dutch words than the report test looks for (names and other data are removed first).
MORE_DUTCH = (" geen ", " van ", "vooral", "verbindt", "gedeelde", " heeft ", " met ",
              " wie ", " rol ")
#: Where the input's or the model's own bilingual titles stay as given (named by language).
BILINGUAL_METADATA = {("meta", "title_nl"), ("meta", "title_en"),
                      ("roles", "reference", "title_nl"), ("roles", "reference", "title_en")}


@pytest.fixture(scope="module")
def dicts() -> dict[str, dict[str, Any]]:
    result = analyse(load_dataset(DATASET))
    return {lang: result.to_dict(lang) for lang in LANGS}


def texts(obj: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(path, text) of every string under a key of `TEXT_KEYS` (also in lists)."""
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key in TEXT_KEYS and isinstance(value, str):
                yield (*path, key), value
            elif key in TEXT_KEYS and isinstance(value, list):
                for k, item in enumerate(value):
                    if isinstance(item, str):
                        yield (*path, key, k), item
            else:
                yield from texts(value, (*path, key))
    elif isinstance(obj, list):
        for k, item in enumerate(obj):
            yield from texts(item, (*path, k))


def keys(obj: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(obj, dict):
        for key, value in obj.items():
            yield (*path, key)
            yield from keys(value, (*path, key))
    elif isinstance(obj, list):
        for item in obj:
            yield from keys(item, path)


def test_english_analysis_json_has_no_dutch_words(dicts):
    found_texts = dict(texts(dicts["en"]))
    assert len(found_texts) > 50  # reasons, labels, gaps ... of every section
    text = "\n".join(without_data(t, DATASET) for t in found_texts.values())
    found = hits(text, DUTCH_MARKERS + MORE_DUTCH)
    assert not found, "Dutch in the English analysis.json:\n" + "\n".join(found)


def test_text_fields_follow_the_language_and_codes_do_not(dicts):
    nl, en = dict(texts(dicts["nl"])), dict(texts(dicts["en"]))
    assert nl.keys() == en.keys()  # the same fields, only the words differ
    differ = [p for p in nl if nl[p] != en[p]]
    assert len(differ) >= 0.8 * len(nl), [p for p in nl if nl[p] == en[p]][:10]
    # one example of each kind, checked by hand
    absent = next(i for i in dicts["en"]["missing_parties"]["items"] if i["status"] == "absent")
    assert absent["status_label"] == "absent" and absent["reason"].startswith("No actor plays")
    dutch = next(i for i in dicts["nl"]["missing_parties"]["items"] if i["status"] == "absent")
    assert dutch["status_label"] == "ontbreekt" and dutch["reason"].startswith("Geen actor")
    assert dicts["en"]["meta"]["lang"] == "en" and dicts["nl"]["meta"]["lang"] == "nl"
    # codes stay codes in both languages
    for lang in LANGS:
        assert {i["status"] for i in dicts[lang]["missing_parties"]["items"]} <= {
            "absent", "isolated", "peripheral", "present"}
    assert dicts["nl"]["schema_version"] == SCHEMA_VERSION == 2


def test_no_language_twins_in_the_sections(dicts):
    for lang in LANGS:
        twins = {p for p in keys(dicts[lang])
                 if isinstance(p[-1], str) and p[-1].endswith(("_nl", "_en"))}
        assert twins <= BILINGUAL_METADATA, sorted(twins - BILINGUAL_METADATA)
