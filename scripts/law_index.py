#!/usr/bin/env python3
"""Write the index of Law 272/2004's articles, paragraphs and letters from its text.

Usage: scripts/law_index.py LAW_TEXT [OUT]

LAW_TEXT is the consolidated text (the CTCE form, one heading "Articolul N" a line,
paragraphs "(N) ...", letters "a) ..." or "- a) ..."). OUT defaults to
``filing_service/law/articles.json``, which is committed: the service and its tests read
the index, never the law text, so a clone needs nothing beside it.

The consolidated text reproduces other acts inside the law: articles of amending laws
(numbered in Roman figures, "Articolul VI") and the placement-allowance procedure, whose
articles start again at 1. An arabic heading whose number is lower than the law's last
one opens that procedure; the next heading above the law's last article returns to the
law. Both are indexed, apart: ``law`` and ``procedure``.
"""

import json
import re
import sys
from pathlib import Path

SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
# "67^1", "67[^]1", "108¹": the text writes an inserted number three ways.
NUMBER = r"(\d+)(?:\^|\[\^\])?([\d¹²³⁴⁵⁶⁷⁸⁹⁰]*)"
HEADING = re.compile(rf"^Articolul {NUMBER}$")
ROMAN_HEADING = re.compile(r"^Articolul [IVXLC]+$")
PARAGRAPH = re.compile(rf"^(?:- )?\({NUMBER}\) ")
LETTER = re.compile(r"^(?:- )?([a-z])(?:\^|\[\^\])?([\d¹²³⁴⁵⁶⁷⁸⁹⁰]*)\) ")


def number(base: str, inserted: str) -> str:
    """'67' and '¹' -> '67^1', the way the service cites an inserted article."""
    inserted = inserted.translate(SUPERSCRIPTS)
    return f"{base}^{inserted}" if inserted else base


def _sort_key(label: str) -> tuple:
    base, _, inserted = label.partition("^")
    return (int(base) if base.isdigit() else base, int(inserted or 0))


def index(text: str) -> dict:
    """The index of ``text``:
    ``{"law": {article: {"letters": [...], "paragraphs": {n: [letters]}}}, "procedure": ...}``.
    """
    acts: dict[str, dict] = {"law": {}, "procedure": {}}
    act, last_law, article, paragraph = None, 0, None, None
    for line in text.splitlines():
        line = line.strip()
        if ROMAN_HEADING.match(line):
            article = paragraph = None  # an amending law's own article: not indexed
            continue
        heading = HEADING.match(line)
        if heading:
            base = int(heading.group(1))
            if (act != "procedure" and base >= last_law) or (
                act == "procedure" and base > last_law
            ):
                act, last_law = "law", base
            else:
                act = "procedure"
            label = number(*heading.groups())
            article = acts[act].setdefault(label, {"letters": [], "paragraphs": {}})
            paragraph = None
            continue
        if article is None:
            continue
        found = PARAGRAPH.match(line)
        if found:
            paragraph = article["paragraphs"].setdefault(number(*found.groups()), [])
            continue
        found = LETTER.match(line)
        if found:
            letters = paragraph if paragraph is not None else article["letters"]
            letter = number(*found.groups())
            if letter not in letters:
                letters.append(letter)
    return {
        name: {label: acts[name][label] for label in sorted(acts[name], key=_sort_key)}
        for name in acts
    }


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    out = (
        Path(argv[2])
        if len(argv) == 3
        else (Path(__file__).resolve().parents[1] / "filing_service/law/articles.json")
    )
    result = index(Path(argv[1]).read_text(encoding="utf-8"))
    out.write_text(
        json.dumps(result, ensure_ascii=False, indent=1, sort_keys=False) + "\n",
        encoding="utf-8",
    )
    print(
        f"{out}: {len(result['law'])} articole ale legii, "
        f"{len(result['procedure'])} ale procedurii"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
