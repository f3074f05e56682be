"""A template with a Jinja error or a field the data lacks is refused, and the message
names the paragraph of the template where the problem is."""

import shutil

import pytest

from filing_service import bootstrap
from filing_service.documents.catalog import DOC_TYPES
from filing_service.documents.cli import lint_all
from filing_service.documents.lint import lint_template
from tests.clock import TODAY
from tests.documents.conftest import TEMPLATES, make_template_bytes

CONTEXT = {
    "child": {"full_name": "Ana Pop", "birth_date": {"ro": "1 mai 2015"}},
    "parents": [{"full_name": "Maria Pop", "cnp": "2900101120011"}],
    "doc": {"parents_variant": False},
}


def lint(paragraphs, contexts=None):
    return lint_template(
        "proba.docx", make_template_bytes(paragraphs), contexts or {"instanta": CONTEXT}
    )


def test_a_jinja_syntax_error_is_reported_with_its_paragraph():
    [problem] = lint(["Titlu", "Minorul {{ child.full_name } născut la ...", "Final"])
    assert "sintaxă" in problem.message
    assert problem.paragraph.startswith("Minorul {{ child.full_name }")


def test_an_unclosed_block_is_a_syntax_error():
    [problem] = lint(["{% if child.full_name %}Minorul", "Final"])
    assert "sintaxă" in problem.message


def test_a_field_the_data_lacks_is_reported_with_its_paragraph():
    [problem] = lint(["Titlu", "Mărimea la pantofi: {{ child.shoe_size }}"])
    assert "child.shoe_size" in problem.message
    assert problem.paragraph == "Mărimea la pantofi: {{ child.shoe_size }}"


def test_an_unknown_top_level_variable_is_reported():
    [problem] = lint(["Instanța: {{ tribunal }}"])
    assert "„tribunal”" in problem.message


def test_a_field_in_a_branch_the_sample_does_not_take_is_still_checked():
    [problem] = lint(["{% if doc.parents_variant %}{{ child.nickname }}{% endif %}"])
    assert "child.nickname" in problem.message


def test_loop_variables_take_the_shape_of_the_lists_items():
    assert lint(["{% for p in parents %}{{ p.full_name }}, CNP {{ p.cnp }}{% endfor %}"]) == []
    [problem] = lint(["{% for p in parents %}{{ p.nickname }}{% endfor %}"])
    assert "p.nickname" in problem.message


def test_a_field_guarded_by_is_defined_may_be_missing():
    assert (
        lint(
            ["{% if placement_private is defined %}{{ placement_private.address }}{% endif %}"]
        )
        == []
    )


def test_a_field_only_one_variant_lacks_fails_the_render_of_that_variant():
    parents = dict(CONTEXT, child={"full_name": "Ana Pop"})
    problems = lint(
        ["Născut la {{ child.birth_date.ro }}"], {"instanta": CONTEXT, "parinti": parents}
    )
    assert [p.paragraph for p in problems] == ["Născut la {{ child.birth_date.ro }}"]
    assert "parinti" in problems[0].message


def test_a_file_that_is_not_a_docx_is_refused():
    [problem] = lint_template("rupt.docx", b"nu este docx", {"instanta": CONTEXT})
    assert "nu este un document DOCX valid" in problem.message


@pytest.fixture
def templates_copy(tmp_path, app):
    """The repository's templates, one of them broken, as the app's template folder."""
    folder = tmp_path / "templates"
    shutil.copytree(TEMPLATES, folder)
    broken = next(d for d in DOC_TYPES.values() if d.id != "cerere_art70")
    (folder / broken.template).write_bytes(
        make_template_bytes(
            ["DOMNULE PREȘEDINTE,", "Subsemnata {{ directorate.name }, cu sediul în ..."]
        )
    )
    app.config["TEMPLATES_DIR"] = str(folder)
    bootstrap.init_app(app)  # the adapters are built from the configuration
    return broken


def test_templates_lint_lists_every_template_and_fails_on_a_broken_one(app, templates_copy):
    result = app.test_cli_runner().invoke(args=["templates", "lint"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "OK      cerere_art70.docx" in lines
    assert f"EROARE  {templates_copy.template}" in lines
    assert "Subsemnata {{ directorate.name }, cu sediul în ..." in result.output
    assert len([line for line in lines if line.startswith(("OK", "EROARE"))]) == len(DOC_TYPES)


def test_templates_list_shows_each_type_its_template_and_variants(app):
    result = app.test_cli_runner().invoke(args=["templates", "list"])
    assert result.exit_code == 0
    art70 = next(
        line for line in result.output.splitlines() if line.startswith("cerere_art70")
    )
    assert "cerere_art70.docx" in art70 and "instanta/parinti" in art70


def test_every_template_of_the_repository_lints_clean(app):
    with app.app_context():
        results = lint_all(TEMPLATES, TODAY)
    assert set(results) == {d.template for d in DOC_TYPES.values()}
    assert {
        name: [str(p) for p in problems] for name, problems in results.items() if problems
    } == {}
