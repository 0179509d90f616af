"""The sections the report adds to those of the analyses: who is who, how to read the
figures, and the problems found in the data.

Examples
--------
>>> from wijkgraph.sources.bundled import load_dataset
>>> from wijkgraph.analysis.run import analyse
>>> net = load_dataset("utrecht-oost")
>>> c = ReportContext(net, analyse(net), "en", 10)
>>> whoiswho_section(c).tables[0].total == net.n_actors, reading_section(c).title
(True, 'How to read the figures')
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from wijkgraph.analysis._summary import column_label, fmt_cell
from wijkgraph.errors import Problem
from wijkgraph.i18n import translator
from wijkgraph.render.palette import domain_name, type_name
from wijkgraph.render.report_model import Item, ReportContext, Section, Table, tr

WHOISWHO_LIMIT = 400


def whoiswho_section(c: ReportContext) -> Section:
    """Every party in alphabetical order, with what it does and where it meets."""
    L = c.lang
    t = translator(L)
    actors = c.network.actors
    meetings_table = c.network.meetings
    meeting_names = dict(zip(meetings_table["id"], meetings_table["name"], strict=False)) \
        if len(meetings_table) else {}
    top = c.analysis.key_figures.to_frame().head(c.top)
    ranks = dict(zip(top["id"], top["rank"], strict=True))
    # Sort every party, but format only the rows the report shows (all are in tables.xlsx).
    order = sorted(zip(actors["name"].astype(str).str.casefold(), actors["id"],
                       range(len(actors)), strict=True))[:WHOISWHO_LIMIT]
    shown = actors.iloc[[i for _n, _id, i in order]]
    rows = []
    colours = []
    for rec in shown.to_dict("records"):
        colours.append(str(rec["domain"] or ""))  # the domain code: the renderer colours it
        g = c.network.graph.nodes.get(rec["id"], {})
        meetings = [meeting_names.get(m, m) for m in g.get("meetings", ())]
        rank = ranks.get(rec["id"])
        rows.append((
            str(rec["name"]) + (f" (★{rank})" if rank is not None else ""),
            type_name(str(rec["type"]), L) if rec["type"] else "",
            domain_name(str(rec["domain"]), L) if rec["domain"] else "",
            fmt_cell(rec["role"], L),
            fmt_cell(tuple(rec["wijk"]), L),
            fmt_cell(tuple(rec["themes"]), L),
            fmt_cell(tuple(meetings), L),
            fmt_cell(rec["description"], L),
        ))
    total = len(actors)
    cols = tuple(column_label(x, L) for x in ("name", "type", "domain", "role", "wijk", "themes",
                                             "meetings", "description"))
    intro = (t.ngettext("The {n} party, with what it does and where it meets. A star (★) with a "
                        "number marks a key figure and its rank.",
                        "All {n} parties in alphabetical order, with what they do and where "
                        "they meet. A star (★) with a number marks a key figure and its rank.",
                        total).format(n=total),)
    return Section("whoiswho", tr("whoiswho", L), intro, (), (), (),
                   (Table("", cols, tuple(rows), total, 2, tuple(colours)),))


def reading_section(c: ReportContext) -> Section:
    """How to read the figures: the words of the report, explained."""
    t = translator(c.lang)
    pairs = [
        (t.gettext("A map of the data"),
         t.gettext("Everything in this report is about the relations that were filled in. A "
                   "collaboration nobody wrote down looks missing here. Read the results as "
                   "questions for the conversation, not as verdicts.")),
        (t.gettext("Key figure"),
         t.gettext("A party with many partners, that links other parties, or without whom "
                   "others would be cut off. The score combines these measures; the reasons "
                   "say why a party ranks high.")),
        (t.gettext("Broker"),
         t.gettext("A party that links parties who have no contact themselves, often across "
                   "the border of a domain (for example care and welfare).")),
        (t.gettext("E-I index"),
         t.gettext("Between -1 and +1: negative means parties mostly work inside their own "
                   "domain, positive that they mostly work across domains.")),
        (t.gettext("Strength of a relation"),
         t.gettext("The four learning mechanisms of boundary crossing: 1 identification "
                   "(knowing of each other), 2 coordination (dividing tasks), 3 reflection "
                   "(learning from each other), 4 transformation (making something new "
                   "together).")),
        (t.gettext("Who is missing"),
         t.gettext("The reference model names the roles a neighbourhood network is expected "
                   "to have (GP, community police officer, neighbourhood team, ...). Absent: "
                   "nobody plays the role. Isolated: present, but without ties. At the margin: "
                   "contact only within its own domain or with very few parties.")),
        (t.gettext("Suggested connection"),
         t.gettext("Two parties without a relation (yet) who have a lot in common: shared "
                   "partners, themes, wijk or meetings, or a link the reference model "
                   "expects. The score orders the suggestions; the reasons are what matter.")),
        (t.gettext("Vulnerability"),
         t.gettext("The curve shows how the largest connected part shrinks as parties leave "
                   "one by one: key figures first, and random parties for comparison. A steep "
                   "drop means the network hangs on a few parties.")),
        (t.gettext("Community"),
         t.gettext("A group of parties that work together more among themselves than with "
                   "the rest. Found with the Louvain algorithm and a fixed seed, so the same "
                   "data give the same groups.")),
    ]
    return Section("reading", tr("reading", c.lang), (), (),
                   tuple(Item(h, text) for h, text in pairs))


def problem_line(p: Problem, lang: str) -> str:
    """A problem in the input as one line: where (file, sheet, row, column), then what."""
    t = translator(lang)
    parts = []
    if p.file:
        parts.append(Path(str(p.file)).name)
    if p.sheet:
        parts.append(t.gettext("sheet {sheet}").format(sheet=p.sheet))
    if p.row is not None:
        parts.append(t.gettext("row {row}").format(row=p.row))
    if p.column:
        parts.append(t.gettext("column {column}").format(column=p.column))
    return (", ".join(parts) + ": " if parts else "") + p.message(lang)


def problems_section(c: ReportContext, notes: Iterable[str]) -> Section:
    """The warnings of reading and analysing the data, and the notes of the sections."""
    t = translator(c.lang)
    warnings = list(dict.fromkeys(list(c.network.warnings) + list(c.analysis.warnings)))
    lines = [problem_line(w, c.lang) for w in warnings]
    notes = tuple(dict.fromkeys(notes))
    if not lines and not notes:
        intro = t.gettext("The data gave no problems or warnings.")
    else:
        intro = t.ngettext("While reading the data wijkgraph found {n} warning. It did not "
                           "stop the analysis, but fix it in the input for the next "
                           "measurement.",
                           "While reading the data wijkgraph found {n} warnings. They did not "
                           "stop the analysis, but fix them in the input for the next "
                           "measurement.", len(lines)).format(n=len(lines))
    return Section("problems", tr("problems", c.lang), (intro,), (),
                   tuple(Item("", line) for line in lines[:200]), (), (), notes,
                   items_total=len(lines))

