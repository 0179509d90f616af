"""Wrap over-long ``N_("...")`` lines into implicitly concatenated literals (ruff E501)."""

import re
import sys
import textwrap

LINE = re.compile(r"^(?P<indent>\s*)(?P<head>.*N_\()"
                  r"(?P<lit>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")(?P<tail>\),?.*)$")
LIMIT = 110


def wrap(path: str) -> int:
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out, n = [], 0
    for line in lines:
        m = LINE.match(line)
        if len(line) <= LIMIT or not m:
            out.append(line)
            continue
        text = eval(m["lit"])  # a plain string literal
        indent = m["indent"] + "    "
        width = LIMIT - len(indent) - 3
        parts = textwrap.wrap(text, width, drop_whitespace=False, replace_whitespace=False,
                              break_long_words=False, break_on_hyphens=False)
        out.append(f"{m['indent']}{m['head']}")
        out.extend(f"{indent}{p!r}" for p in parts)
        out[-1] += m["tail"]
        n += 1
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    return n


if __name__ == "__main__":
    for p in sys.argv[1:]:
        print(p, wrap(p))
