"""Which articles, paragraphs and letters Law 272/2004 has, so a citation can be checked.

The index (``articles.json``, package data) is made from the consolidated law text by
``scripts/law_index.py`` and committed with the code: nothing reads the law text at run
time or in tests. ``law`` holds the law's own articles, ``procedure`` those of the
placement-allowance procedure the consolidated text reproduces (its articles start at 1).
"""

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, overload

_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_NUMBER = r"\d+(?:\^\d+|[¹²³⁴⁵⁶⁷⁸⁹]+)?"
# "art. 70 alin. 1", "art. 73 alin. (3^1)", "art. 64 alin. (3) lit. a)", "art. 98 lit. a";
# "procedura, art. 7 alin. 3" and "art. 17² din procedură" cite the allowance procedure.
CITATION = re.compile(
    rf"(?P<procedure>procedura, )?art\. (?P<article>{_NUMBER})"
    rf"(?: alin\. \(?(?P<paragraph>{_NUMBER})\)?)?(?: lit\. (?P<letter>[a-z])\)?)?"
    r"(?P<of_procedure> din procedur[aă])?"
)


@dataclass(frozen=True)
class Citation:
    """One place in the law: an article, maybe a paragraph of it, maybe a letter."""

    article: str
    paragraph: str | None = None
    letter: str | None = None
    act: str = "law"  # or "procedure"

    def __str__(self) -> str:
        text = ("procedura, " if self.act == "procedure" else "") + f"art. {self.article}"
        if self.paragraph:
            text += f" alin. ({self.paragraph})"
        if self.letter:
            text += f" lit. {self.letter})"
        return text


@overload
def _normal(number: str) -> str: ...
@overload
def _normal(number: None) -> None: ...
@overload
def _normal(number: str | None) -> str | None: ...
def _normal(number: str | None) -> str | None:
    """'3¹' -> '3^1'; the index writes inserted numbers with a caret."""
    if number is None:
        return None
    if "^" in number:
        return number
    plain = number.rstrip("¹²³⁴⁵⁶⁷⁸⁹")
    inserted = number[len(plain) :].translate(_SUPERSCRIPTS)
    return f"{plain}^{inserted}" if inserted else plain


@cache
def index() -> dict[str, Any]:
    """The committed index: ``{"law": {...}, "procedure": {...}}``."""
    source = resources.files(__package__).joinpath("articles.json")
    loaded: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    return loaded


def citations(text: str) -> list[Citation]:
    """Every citation of an article in ``text`` (each article of "art. 62, art. 64")."""
    return [
        Citation(
            _normal(m["article"]),
            _normal(m["paragraph"]),
            m["letter"],
            "procedure" if m["procedure"] or m["of_procedure"] else "law",
        )
        for m in CITATION.finditer(text)
    ]


def exists(citation: Citation) -> bool:
    """True when the law (or the procedure) has that article, paragraph and letter."""
    article = index()[citation.act].get(citation.article)
    if article is None:
        return False
    if citation.paragraph is None:
        return citation.letter is None or citation.letter in article["letters"]
    letters = article["paragraphs"].get(citation.paragraph)
    if letters is None:
        return False
    return citation.letter is None or citation.letter in letters


def missing(text: str) -> list[str]:
    """The citations in ``text`` that the law does not have (empty when all exist)."""
    return [str(c) for c in citations(text) if not exists(c)]
