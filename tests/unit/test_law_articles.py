"""The index of Law 272/2004's articles: citations are checked against the law's own
structure, kept in the repository (made from the law text by scripts/law_index.py)."""

import re
from pathlib import Path

import pytest

from filing_service.law import articles

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "citation",
    [
        "art. 70 alin. 1",
        "art. 70 alin. (4)",
        "art. 139 lit. e)",
        "art. 60 lit. c)",
        "art. 64 alin. (3) lit. a)",
        "art. 67^1",
        "art. 73 alin. (3¹)",
        "art. 140^2 alin. 1",
        "art. 12 alin. 7",
        "art. 98 lit. a",
        "procedura, art. 14 alin. 1",
        "art. 17² din procedură (anexa nr. 3)",
    ],
)
def test_a_citation_of_a_place_the_law_has_is_found(citation):
    assert articles.citations(citation) and articles.missing(citation) == []


@pytest.mark.parametrize(
    "citation, missing",
    [
        ("art. 70 alin. 5", ["art. 70 alin. (5)"]),
        ("art. 139 lit. f)", ["art. 139 lit. f)"]),
        ("art. 156", ["art. 156"]),
        ("art. 67^2", ["art. 67^2"]),
        ("art. 64 alin. (3) lit. d)", ["art. 64 alin. (3) lit. d)"]),
        ("procedura, art. 26", ["procedura, art. 26"]),
        ("art. 62 alin. (1), art. 64 alin. (9)", ["art. 64 alin. (9)"]),
    ],
)
def test_a_citation_of_a_place_the_law_does_not_have_is_named(citation, missing):
    assert articles.missing(citation) == missing


def test_the_index_has_every_article_of_the_law_and_the_inserted_ones():
    law = articles.index()["law"]
    assert {str(n) for n in range(1, 156)} <= set(law)
    assert {"55^1", "67^1", "108^1", "140^1", "140^2", "140^3", "140^4"} <= set(law)
    assert law["139"]["letters"] == ["a", "b", "c", "d", "e"]


def _cited_in_source() -> list[tuple[str, str]]:
    """Every string literal of the service's code and templates that cites Law 272."""
    found = []
    for path in sorted(
        [*ROOT.glob("filing_service/**/*.py"), *ROOT.glob("templates/**/*.py")]
    ):
        if path.name == "counting.py":  # cites the Code of Civil Procedure, not Law 272
            continue
        for literal in re.findall(r'"([^"\n]*art\. [^"\n]*)"', path.read_text("utf-8")):
            if not re.search(r"Legea nr\. 27[^2]|Cod|CPC", literal):
                found.append((path.relative_to(ROOT).as_posix(), literal))
    return found


def test_every_article_the_code_and_templates_cite_exists_in_the_law():
    cited = _cited_in_source()
    assert len(cited) > 50  # the walk found the citations, not an empty tree
    assert [(path, text) for path, text in cited if articles.missing(text)] == []


def test_the_index_script_keeps_the_law_apart_from_acts_reproduced_inside_it(tmp_path):
    import runpy

    script = runpy.run_path(str(ROOT / "scripts/law_index.py"))
    text = "\n".join(
        [
            "Articolul 1",
            "(1) Text.",
            "(2^1) Inserat.",
            "Articolul 67[^]1",
            "- a) una;",
            "- l¹) alta;",
            "Articolul 68",
            "Articolul VI",
            "(9) Al legii de modificare.",
            "Articolul 1",
            "(3) Al procedurii.",
            "Articolul 17²",
            "Articolul 69",
            "(1) Iar legea.",
        ]
    )
    found = script["index"](text)
    assert found["law"] == {
        "1": {"letters": [], "paragraphs": {"1": [], "2^1": []}},
        "67^1": {"letters": ["a", "l^1"], "paragraphs": {}},
        "68": {"letters": [], "paragraphs": {}},
        "69": {"letters": [], "paragraphs": {"1": []}},
    }
    assert found["procedure"] == {
        "1": {"letters": [], "paragraphs": {"3": []}},
        "17^2": {"letters": [], "paragraphs": {}},
    }
