"""Fuzzing the whole pipeline with hostile strings and random structure.

tables_from_frames -> build_network -> analyse -> write_outputs (every writer there is):
no exception escapes except `WijkgraphError`; no markup from the data reaches a written
HTML page unescaped; no text from the data becomes a formula in a written workbook.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import openpyxl
import pandas as pd
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from wijkgraph.analysis.run import analyse
from wijkgraph.errors import WijkgraphError
from wijkgraph.model.network import build_network
from wijkgraph.model.tables import tables_from_frames
from wijkgraph.render.outputs import FORMATS, write_outputs

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "</script><script>alert(2)</script>",
    "{{ 7*7 }}", "{% raw %}", "${7*7}",
    "=HYPERLINK(\"http://evil\",\"x\")", "+SUM(1;2)", "-1+1", "@SUM(A1)", "=1+1",
    "\u202eevil\u202c", "\u200b", "\ufeff", "Zoë 🏠👩‍⚕️", "\x00\x07\x1b[31m", "\r\n", "\t",
    "'; DROP TABLE actors; --", "../../etc/passwd", "NaN", "None", "null", "true", "0",
    "a" * 400, "ë" * 2000,
]
# What must never appear verbatim in a written HTML page.
RAW_MARKUP = ["<script>alert(", "<img src=x", "<svg onload", "</script><script>alert(2)"]

hostile = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(max_size=30),
    st.builds(lambda a, b: a + b, st.sampled_from(PAYLOADS), st.text(max_size=10)),
)
maybe = st.one_of(hostile, st.just(""), st.sampled_from(["zorg", "welzijn", "Oost", "ja", "3"]))


@st.composite
def frames(draw: st.DrawFn) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame | None,
                                      pd.DataFrame | None]:
    names = draw(st.lists(hostile, min_size=0, max_size=9,
                          unique_by=lambda s: " ".join(s.casefold().split())))
    n = len(names)
    actor_columns = draw(st.sets(st.sampled_from(
        ["domein", "soort", "rol", "wijk", "thema's", "omschrijving", "contact", "id",
         "<b>extra</b>", "=kolom"]), max_size=6))
    actors = pd.DataFrame({"naam": names, **{c: [draw(maybe) for _ in range(n)]
                                              for c in actor_columns}}, dtype=object)
    refs = names + ([draw(hostile)] if draw(st.integers(0, 4)) == 0 or not names else [])
    k = draw(st.integers(0, 14))
    rel_columns = draw(st.sets(st.sampled_from(
        ["soort", "kanaal", "sterkte", "thema", "meting", "gericht", "omschrijving", "x"]),
        max_size=5))
    relations = pd.DataFrame({
        "van": [draw(st.sampled_from(refs)) for _ in range(k)],
        "naar": [draw(st.sampled_from(refs)) for _ in range(k)],
        **{c: [draw(maybe) for _ in range(k)] for c in rel_columns}}, dtype=object)
    meetings = participation = None
    if draw(st.booleans()):
        mnames = draw(st.lists(hostile, min_size=1, max_size=3))
        meetings = pd.DataFrame({"naam": mnames})
        participation = pd.DataFrame({
            "actor": [draw(st.sampled_from(refs)) for _ in range(4)],
            "overleg": [draw(st.sampled_from(mnames)) for _ in range(4)]})
    return actors, relations, meetings, participation


def _check_html(folder: Path) -> None:
    for page in folder.rglob("*.html"):
        html = page.read_text("utf-8")
        for raw in RAW_MARKUP:
            assert raw not in html, f"{page.name} holds unescaped {raw!r}"


def _check_xlsx(folder: Path) -> None:
    for book in folder.rglob("*.xlsx"):
        wb = openpyxl.load_workbook(book)
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", f"{book.name}!{cell.coordinate} is a formula"


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=frames(), lang=st.sampled_from(["nl", "en"]))
def test_pipeline_survives_hostile_tables(data, lang: str) -> None:  # noqa: ANN001
    actors, relations, meetings, participation = data
    try:
        tables = tables_from_frames(actors, relations, meetings, participation)
        network = build_network(tables)
        result = analyse(network)
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "rapport"
            write_outputs(network, result, out, formats=FORMATS, lang=lang)
            _check_html(out)
            _check_xlsx(out)
            assert sorted(p.name for p in Path(tmp).iterdir()) == ["rapport"]
        event("rendered")
    except WijkgraphError as exc:
        event("refused with a message")
        assert exc.describe(lang)  # a message a person can read


def _hostile_outputs(folder: Path) -> Path:
    """One fixed example that certainly gets through validation into every output."""
    names = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "=1+1", "Zoë 🏠"]
    actors = pd.DataFrame({"naam": names, "omschrijving": names[::-1], "rol": names,
                           "domein": ["zorg", "<b>x</b>", "welzijn", "=A1"]})
    relations = pd.DataFrame({"van": names[:3], "naar": names[1:], "thema": names[:3]})
    network = build_network(tables_from_frames(actors, relations))
    out = folder / "rapport"
    write_outputs(network, analyse(network), out, formats=FORMATS)
    return out


def test_a_valid_hostile_network_is_rendered_escaped(tmp_path: Path) -> None:
    out = _hostile_outputs(tmp_path)
    assert any(out.glob("*.html"))
    _check_html(out)


def test_no_data_becomes_a_formula_in_a_workbook(tmp_path: Path) -> None:
    _check_xlsx(_hostile_outputs(tmp_path))
