"""Survey import: an online-forms export (one row per respondent) becomes a wijk network.

Microsoft Forms, Google Forms (grid questions as columns "Question [Row]") and Qualtrics
(two extra header rows under the column ids) exports are read from .xlsx or .csv. A small
YAML mapping (documented in ``docs/survey.md``) says which column holds what; without one,
`propose_mapping` guesses it from the column titles and the result says so.

Each respondent's organisation becomes an actor (a respondent who left it empty becomes
"Respondent n"); every partner they name becomes a relation from that organisation to the
partner (directed: a nomination). Partner names are grouped with
`wijkgraph.model.names.NameMatcher`: confident matches merge, doubtful ones stay separate
and are listed in the review sheet ``controle``, where the user writes the right actor in
``koppel aan`` and feeds the sheet back as ``aliases``. Nothing is dropped: every written
name is in the sheet ``namen`` with what happened to it. The respondents' answers to "who
is missing?" are kept in the sheet ``gemist`` and counted per party and per role
(`missed_by_respondents`; a network loaded from the workbook has them in
``meta["missed_by_respondents"]``). With ``anonymous=True`` names and e-mail addresses of
respondents are never read.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> export = folder / "peiling.csv"
>>> _ = export.write_text(
...     "Tijdstempel,Bij welke organisatie werkt u?,Met welke partijen werkt u samen?,"
...     "Wie worden er gemist?\\n"
...     '2024-03-01,DOCK,"Buurtteam Oost; Stichting JOU;",Huisartsen\\n'
...     '2024-03-02,Buurtteams Oost,"dock, Wijkbureau Oost",huisarts en wijkagent\\n',
...     encoding="utf-8")
>>> result = import_survey(export)
>>> result.mapping_proposed, sorted(result.tables.actors["name"])
(True, ['Buurtteams Oost', 'DOCK', 'Stichting JOU', 'Wijkbureau Oost'])
>>> [(m["name"], m["count"]) for m in result.missed_by_respondents()]
[('Huisartsen', 2), ('wijkagent', 1)]
"""

from wijkgraph.io.survey.build import import_survey, read_aliases
from wijkgraph.io.survey.forms import (
    Export,
    mapping_yaml,
    propose_mapping,
    read_export,
    read_mapping,
    split_answer,
)
from wijkgraph.io.survey.result import (
    FORMAT,
    SurveyImport,
    is_survey_workbook,
    missed_by_respondents,
    read_survey_workbook,
)

__all__ = ["FORMAT", "Export", "SurveyImport", "import_survey", "is_survey_workbook",
           "mapping_yaml", "missed_by_respondents", "propose_mapping", "read_aliases",
           "read_export", "read_mapping", "read_survey_workbook", "split_answer"]
