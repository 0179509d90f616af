"""The Dutch catalogue: find msgids in the code, add translations, check completeness.

Commands (run from the project root):

  python tools/catalog.py check            # every msgid translated, placeholders equal
  python tools/catalog.py missing [PATH]   # msgids in PATH (default: wijkgraph/) without Dutch
  python tools/catalog.py add MSGID MSGSTR [--context C]
  python tools/catalog.py add-plural SINGULAR PLURAL NL_SINGULAR NL_PLURAL
  python tools/catalog.py add-json FILE    # [{"msgid", "msgstr"} or {"msgid", "msgid_plural", "msgstr_plural": [..]}]
  python tools/catalog.py convert-dicts FILE [--context C]  # ("nl", "en") tuple values -> N_("en") + entries
  python tools/catalog.py normalise        # rewrite the .po sorted by source file, obsolete dropped

Adding takes a lock on the .po, so several people (or agents) can add at once.

Msgids are found as string literals in calls of ``_``, ``gettext``, ``N_``, ``pgettext``,
``ngettext``, ``npgettext``, ``count``, ``t.count`` (Python, via ast) and of ``_``,
``gettext`` and ``ngettext`` in the jinja2 templates (``*.j2``).
"""

from __future__ import annotations

import ast
import fcntl
import json
import re
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "wijkgraph" / "locale" / "nl" / "LC_MESSAGES" / "wijkgraph.po"
sys.path.insert(0, str(ROOT))

from wijkgraph.i18n import read_po  # noqa: E402

HEADER = '''# Dutch words of wijkgraph: every sentence a person sees, msgid = the English text.
# Review this file to review all Dutch output. Add entries with tools/catalog.py.
msgid ""
msgstr ""
"Project-Id-Version: wijkgraph\\n"
"Language: nl\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
'''

SINGLE = {"_", "gettext", "N_", "gettext_lazy"}
CONTEXT = {"pgettext", "NP_"}
PLURAL = {"ngettext", "count"}  # count(n, singular, plural)
CPLURAL = {"npgettext"}


def quote(text: str) -> str:
    body = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\t", "\\t").replace("\r", "\\r"))
    return f'"{body}"'


def format_entry(msgid: str, msgstr: str = "", *, plural: str = "", plurals: list[str] | None = None,
                 context: str | None = None, comment: str = "") -> str:
    lines = []
    if comment:
        lines.append(f"#: {comment}")
    if context is not None:
        lines.append(f"msgctxt {quote(context)}")
    lines.append(f"msgid {quote(msgid)}")
    if plural:
        lines.append(f"msgid_plural {quote(plural)}")
        for i, form in enumerate(plurals or ["", ""]):
            lines.append(f"msgstr[{i}] {quote(form)}")
    else:
        lines.append(f"msgstr {quote(msgstr)}")
    return "\n".join(lines) + "\n"


@contextmanager
def locked():
    PO.parent.mkdir(parents=True, exist_ok=True)
    with open(str(PO) + ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not PO.exists():
                PO.write_text(HEADER, encoding="utf-8")
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def entries():
    return {e.key: e for e in read_po(PO.read_text(encoding="utf-8")) if e.msgid}


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _str(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def extract_python(path: Path):
    """Yield (context, msgid, plural, 'file:line') for every marked string in a .py file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    rel = path.relative_to(ROOT)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        args = node.args
        where = f"{rel}:{node.lineno}"
        if name in SINGLE and args and _str(args[0]) is not None:
            yield None, _str(args[0]), "", where
        elif name in CONTEXT and len(args) >= 2 and _str(args[0]) is not None \
                and _str(args[1]) is not None:
            yield _str(args[0]), _str(args[1]), "", where
        elif name == "ngettext" and len(args) >= 2 and _str(args[0]) is not None:
            yield None, _str(args[0]), _str(args[1]) or "", where
        elif name == "count" and len(args) >= 3 and _str(args[1]) is not None:
            yield None, _str(args[1]), _str(args[2]) or "", where
        elif name in CPLURAL and len(args) >= 3 and _str(args[1]) is not None:
            yield _str(args[0]), _str(args[1]), _str(args[2]) or "", where


_J2 = re.compile(r"""\b(_|gettext|ngettext)\(\s*(["'])((?:\\.|(?!\2).)*)\2(?:\s*,\s*(["'])((?:\\.|(?!\4).)*)\4)?""",
                 re.S)


def extract_template(path: Path):
    text = path.read_text(encoding="utf-8")
    rel = path.relative_to(ROOT)
    for m in _J2.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        msgid = m.group(3).encode().decode("unicode_escape") if "\\" in m.group(3) else m.group(3)
        plural = (m.group(5) or "") if m.group(1) == "ngettext" else ""
        yield None, msgid, plural, f"{rel}:{line}"


def extract(paths=None):
    paths = [ROOT / "wijkgraph"] if not paths else [Path(p).resolve() for p in paths]
    found = {}
    for base in paths:
        files = [base] if base.is_file() else sorted(base.rglob("*"))
        for f in files:
            if f.suffix == ".py" and "locale" not in f.parts:
                items = extract_python(f)
            elif f.suffix == ".j2":
                items = extract_template(f)
            else:
                continue
            for ctx, msgid, plural, where in items:
                if msgid:
                    found.setdefault((ctx, msgid), (plural, where))
    return found


_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)s")


def placeholders(text: str) -> list[str]:
    return sorted(p.split(":")[0].split("!")[0] + ("}" if p.startswith("{") and (":" in p or "!" in p) else "")
                  for p in _PLACEHOLDER.findall(text))


def problems(paths=None) -> list[str]:
    """Every msgid without Dutch, and every translation whose placeholders differ."""
    have = entries()
    out = []
    for (ctx, msgid), (plural, where) in sorted(extract(paths).items(), key=lambda kv: kv[1][1]):
        e = have.get((ctx, msgid))
        if e is None or (not e.msgstr and not any(e.msgstr_plural.values())):
            out.append(f"{where}: no Dutch for {msgid!r}" + (f" / {plural!r}" if plural else ""))
            continue
        if plural:
            forms = [e.msgstr_plural.get(0, ""), e.msgstr_plural.get(1, "")]
            if not all(forms):
                out.append(f"{where}: plural forms missing for {msgid!r}")
            for english, dutch in zip([msgid, plural], forms, strict=True):
                if set(placeholders(english)) != set(placeholders(dutch)):
                    out.append(f"{where}: placeholders differ: {english!r} vs {dutch!r}")
        elif placeholders(msgid) != placeholders(e.msgstr):
            out.append(f"{where}: placeholders differ: {msgid!r} vs {e.msgstr!r}")
    return out


def add(msgid, msgstr="", *, plural="", plurals=None, context=None, comment="") -> str:
    """Append one entry (under the lock); the same entry twice is fine, a different one an error."""
    with locked():
        have = entries()
        e = have.get((context, msgid))
        if e is not None:
            same = (e.msgstr == msgstr) if not plural else \
                ([e.msgstr_plural.get(0), e.msgstr_plural.get(1)] == list(plurals or []))
            if same:
                return "exists"
            if (e.msgstr or any(e.msgstr_plural.values())):
                return f"CONFLICT: {msgid!r} already translated as {e.msgstr or e.msgstr_plural!r}"
        with open(PO, "a", encoding="utf-8") as f:
            f.write("\n" + format_entry(msgid, msgstr, plural=plural, plurals=plurals, context=context,
                                        comment=comment))
        return "added"


def convert_dicts(path: Path, context: str | None = None) -> int:
    """Turn dict values ("nl", "en") in `path` into N_("en") and add the entries."""
    src = path.read_text(encoding="utf-8")
    tree = ast.parse(src)
    lines = src.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    edits = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Dict):
            continue
        for value in node.values:
            if isinstance(value, ast.Tuple) and len(value.elts) == 2 and all(
                    _str(e) is not None for e in value.elts):
                nl, en = (_str(e) for e in value.elts)
                start = offsets[value.lineno - 1] + len(
                    lines[value.lineno - 1].encode()[:value.col_offset].decode())
                end = offsets[value.end_lineno - 1] + len(
                    lines[value.end_lineno - 1].encode()[:value.end_col_offset].decode())
                edits.append((start, end, nl, en))
    for start, end, nl, en in sorted(edits, reverse=True):
        marker = f"NP_({context!r}, {en!r})" if context else f"N_({en!r})"
        src = src[:start] + marker + src[end:]
        result = add(en, nl, context=context, comment=str(path.relative_to(ROOT)))
        if result.startswith("CONFLICT"):
            print(result, file=sys.stderr)
    path.write_text(src, encoding="utf-8")
    return len(edits)


def normalise() -> None:
    """Rewrite the .po: header, then entries grouped by the first file that uses them."""
    with locked():
        have = entries()
        used = extract()
        groups: dict[str, list] = {}
        for key, e in have.items():
            if key not in used:
                continue  # obsolete
            plural, where = used[key]
            groups.setdefault(where.split(":")[0], []).append((int(where.split(":")[1]), e))
        text = HEADER
        for file in sorted(groups):
            for _, e in sorted(groups[file], key=lambda x: (x[0], x[1].msgid)):
                plurals = [e.msgstr_plural.get(0, ""), e.msgstr_plural.get(1, "")] if e.msgid_plural else None
                text += "\n" + format_entry(e.msgid, e.msgstr, plural=e.msgid_plural, plurals=plurals,
                                            context=e.msgctxt, comment=file)
        PO.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, *rest = argv
    if cmd == "check":
        out = problems(rest or None)
        for line in out:
            print(line)
        print(f"{len(out)} problem(s)" if out else "catalogue complete")
        return 1 if out else 0
    if cmd == "missing":
        for line in problems(rest or None):
            print(line)
        return 0
    if cmd == "add":
        ctx = None
        if "--context" in rest:
            i = rest.index("--context")
            ctx = rest[i + 1]
            rest = rest[:i] + rest[i + 2:]
        print(add(rest[0], rest[1], context=ctx))
        return 0
    if cmd == "add-plural":
        print(add(rest[0], plural=rest[1], plurals=[rest[2], rest[3]]))
        return 0
    if cmd == "add-json":
        data = json.loads(Path(rest[0]).read_text(encoding="utf-8"))
        for item in data:
            if item.get("msgid_plural"):
                r = add(item["msgid"], plural=item["msgid_plural"], plurals=list(item["msgstr_plural"]),
                        context=item.get("context"))
            else:
                r = add(item["msgid"], item["msgstr"], context=item.get("context"))
            if r != "added":
                print(r, item["msgid"][:60])
        return 0
    if cmd == "convert-dicts":
        ctx = None
        if "--context" in rest:
            i = rest.index("--context")
            ctx = rest[i + 1]
            rest = rest[:i] + rest[i + 2:]
        for p in rest:
            print(p, convert_dicts(Path(p).resolve(), ctx), "values converted")
        return 0
    if cmd == "normalise":
        normalise()
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
