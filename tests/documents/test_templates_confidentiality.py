"""Art. 67^1 alin. (1): the biological parents must not learn the placement person's or
family's address, income, property, or medical and psychological state. Every document
the parents receive is generated in both variants from cases where all those fields are
filled; the parents' variant's PDF text contains none of them, and the full variant shows
them where it should (so the test would notice a template that printed nothing)."""

import pytest

from filing_service.documents.catalog import DOC_TYPES, PARENTS
from tests.documents import templates_cases as cases
from tests.documents.templates_fixtures import (
    create_case,
    docs_app,
    pdf_texts,
    pool,
    render_docx,
)

__all__ = ["docs_app", "pool"]

ALL = tuple(cases.CONFIDENTIAL)
# doc type -> (case, the confidential fields its full variant prints)
SHOWN = {
    "cerere_art70": ("emergency", ALL),
    "cerere_ordonanta": ("emergency", ALL),
    "cerere_art100_4": ("emergency", ALL),
    "cerere_plasament": ("family", ALL),
    "cerere_modificare": ("change", ALL),
    "raport_art139": ("emergency", ALL),
    "hotarare_cpc": ("commission", ALL),
    "dispozitie_urgenta": ("emergency", ("address",)),  # art. 63: the child's domicile
    "cerere_decadere": ("emergency", ()),
    "cerere_supraveghere": ("supervision", ()),  # the child stays in the family
}


@pytest.fixture(scope="module")
def variants(docs_app, pool, tmp_path_factory):
    """{(doc type, variant): PDF text} for every document that has a parents' variant."""
    folder = tmp_path_factory.mktemp("confidentiality")
    ids = {
        name: create_case(docs_app, build(), extra)
        for name, (build, extra) in cases.CASES.items()
    }
    paths = {
        (doc_id, variant): render_docx(docs_app, ids[case], doc_id, variant, folder)
        for doc_id, (case, _) in SHOWN.items()
        for variant in DOC_TYPES[doc_id].variants()
    }
    converted = pdf_texts(pool, list(paths.values()))
    return {key: converted[path] for key, path in paths.items()}


def test_every_document_the_parents_receive_is_checked():
    assert set(SHOWN) == {d.id for d in DOC_TYPES.values() if d.parents_variant}


@pytest.mark.parametrize("doc_id", sorted(SHOWN))
def test_parents_variant_leaves_out_every_confidential_value(variants, doc_id):
    text = variants[(doc_id, PARENTS)]
    leaked = {field: value for field, value in cases.CONFIDENTIAL.items() if value in text}
    assert not leaked, f"{doc_id} (părinți) shows {leaked}"
    assert "art. 67¹ alin. (1)" in text  # and says why


@pytest.mark.parametrize("doc_id", sorted(d for d, (_, shown) in SHOWN.items() if shown))
def test_full_variant_shows_the_confidential_values_it_needs(variants, doc_id):
    text = variants[(doc_id, "instanta")]
    for field in SHOWN[doc_id][1]:
        assert cases.CONFIDENTIAL[field] in text, f"{doc_id}: {field} missing"


def test_parents_variant_also_leaves_out_the_placement_persons_cnp(variants):
    """The CNP carries the birth date and the county: minimised as well."""
    target_cnp = cases.family_case()["placement_target"]["cnp"]
    assert target_cnp not in variants[("cerere_plasament", PARENTS)]
