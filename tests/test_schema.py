"""Column aliases, table names and vocabularies of `wijkgraph.model.schema`."""

from __future__ import annotations

import pytest

from wijkgraph.model import schema
from wijkgraph.model.schema import (
    CHANNEL_ALIASES,
    DOMAIN_ALIASES,
    KIND_ALIASES,
    TABLE_ALIASES,
    TABLES,
    TYPE_ALIASES,
    ActorType,
    Channel,
    Domain,
    RelationKind,
    canonical_column,
    canonical_table,
    fold,
    parse_boolean,
    parse_strength,
    split_multi,
)

ALIASES = [(table, col.name, alias) for table, cols in TABLES.items() for col in cols
           for alias in (col.name, *col.aliases)]


@pytest.mark.parametrize(("table", "column", "alias"), ALIASES,
                         ids=[f"{t}-{c}-{a}" for t, c, a in ALIASES])
def test_every_column_alias_maps_to_its_column(table: str, column: str, alias: str) -> None:
    assert canonical_column(table, alias) == column
    assert canonical_column(table, f"  {alias.upper()} ") == column


@pytest.mark.parametrize("table", sorted(TABLES))
def test_no_alias_is_claimed_by_two_columns(table: str) -> None:
    seen: dict[str, str] = {}
    for col in TABLES[table]:
        for alias in {fold(a) for a in (col.name, *col.aliases)}:
            assert seen.setdefault(alias, col.name) == col.name, alias


def test_headers_ignore_case_spaces_and_accents() -> None:
    assert canonical_column("actors", "Thema's") == "themes"
    assert canonical_column("actors", "THEMA S") == "themes"
    assert canonical_column("actors", "Naám") == "name"
    assert canonical_column("relations", "Actor 1") == "source"
    assert canonical_column("actors", "organisatienaam") is None


@pytest.mark.parametrize(("table", "alias"),
                         [(t, a) for t, aliases in TABLE_ALIASES.items() for a in aliases])
def test_every_table_alias(table: str, alias: str) -> None:
    assert canonical_table(alias) == table
    assert canonical_table(alias.capitalize() + " ") == table


def test_unknown_sheet_names() -> None:
    assert canonical_table("Blad1") is None
    assert canonical_table("") is None


@pytest.mark.parametrize(("enum", "aliases", "normalise"), [
    (Domain, DOMAIN_ALIASES, schema.normalise_domain),
    (ActorType, TYPE_ALIASES, schema.normalise_type),
    (Channel, CHANNEL_ALIASES, schema.normalise_channel),
    (RelationKind, KIND_ALIASES, schema.normalise_kind),
], ids=["domain", "type", "channel", "kind"])
def test_vocabularies(enum, aliases, normalise) -> None:  # noqa: ANN001
    values = {e.value for e in enum}
    for member in enum:  # every value is known as itself, in any case
        assert normalise(member.value.upper()) == (member.value, True)
    for alias, canon in aliases.items():  # every alias leads to a real value
        assert canon in values, alias
        assert normalise(alias) == (canon, True)
    assert normalise("  Iets   Anders ") == ("iets anders", False)


def test_domain_examples_from_the_issue() -> None:
    for value in ("Zorg", " zorg", "gezondheidszorg", "ZORG ", "Gezondheidszorg"):
        assert schema.normalise_domain(value) == ("zorg", True)
    assert schema.normalise_channel("Telefonisch") == ("telefoon", True)
    assert schema.normalise_channel("E-mail") == ("e-mail", True)


@pytest.mark.parametrize(("value", "expected"), [
    ("", 1), (None, 1), (float("nan"), 1), ("  ", 1),
    (1, 1), (4, 4), (2.0, 2), ("3", 3), ("4.0", 4), ("2,0", 2),
    ("identificatie", 1), ("Coördinatie", 2), ("coordinatie", 2), ("COORDINATION", 2),
    ("Reflectie", 3), ("transformatie", 4), ("Transformation", 4),
    (0, None), (5, None), ("5", None), ("2,5", None), ("sterk", None), (True, None),
    ("-1", None), ("1-4", None),
])
def test_parse_strength(value: object, expected: int | None) -> None:
    assert parse_strength(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("ja", True), ("Ja", True), ("yes", True), ("1", True), ("x", True), ("gericht", True),
    ("nee", False), ("NO", False), ("", False), (None, False), ("nan", False),
    ("wederzijds", False), (True, True), (False, False), ("misschien", None),
])
def test_parse_boolean(value: object, expected: bool | None) -> None:
    assert parse_boolean(value) == expected


@pytest.mark.parametrize(("cell", "expected"), [
    ("Oost; Binnenstad", ("Oost", "Binnenstad")),
    ("Oost|Binnenstad", ("Oost", "Binnenstad")),
    ("Oost\nBinnenstad\r\nZuid", ("Oost", "Binnenstad", "Zuid")),
    ("Oost;;Oost; ", ("Oost",)),
    ("", ()), (None, ()),
    ("Noordoost,Oost", ("Noordoost,Oost",)),  # a comma is not a separator
])
def test_split_multi(cell: object, expected: tuple[str, ...]) -> None:
    assert split_multi(cell) == expected


def test_input_format_doc_lists_every_alias() -> None:
    """docs/input-format.md documents every table and column alias and vocabulary word."""
    from pathlib import Path

    doc = (Path(__file__).parent.parent / "docs" / "input-format.md").read_text("utf-8")
    for table, cols in TABLES.items():
        for alias in TABLE_ALIASES[table]:
            assert f"`{alias}`" in doc, alias
        for col in cols:
            for alias in (col.name, *col.aliases):
                assert f"`{alias}`" in doc, (table, alias)
    for aliases in (DOMAIN_ALIASES, TYPE_ALIASES, CHANNEL_ALIASES, KIND_ALIASES):
        for alias, value in aliases.items():
            assert f"`{alias}`" in doc or fold(value) == alias, alias
            assert f"`{value}`" in doc, value
    for word in schema.STRENGTH_WORDS:
        assert f"`{word}`" in doc, word


def test_data_model_doc_lists_every_attribute() -> None:
    """docs/data-model.md documents every node and edge attribute build_network sets."""
    from pathlib import Path

    import pandas as pd

    from wijkgraph.model.network import build_network
    from wijkgraph.model.tables import tables_from_frames

    doc = (Path(__file__).parent.parent / "docs" / "data-model.md").read_text("utf-8")
    net = build_network(tables_from_frames(
        pd.DataFrame({"naam": ["A", "B", "C"]}), pd.DataFrame({"van": ["A"], "naar": ["B"]}),
        pd.DataFrame({"naam": ["M"]}), pd.DataFrame({"actor": ["A", "C"], "overleg": ["M", "M"]})),
        meeting_ties=True)
    attrs = {a for _, d in net.graph.nodes(data=True) for a in d}
    attrs |= {a for *_, d in net.graph.edges(data=True) for a in d}
    attrs |= {a for *_, d in net.multigraph.edges(data=True) for a in d}
    for attr in attrs:
        assert f"| `{attr}` |" in doc, attr
