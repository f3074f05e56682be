"""``filing-service documents render`` turns a JSON file of case data into a PDF/A,
with clear errors for a bad file and nothing written when it fails."""

import json

import pytest
from sqlalchemy import select

from filing_service.db import unit_of_work
from filing_service.models import Directorate
from tests import builders
from tests.documents.conftest import pdf_text


@pytest.fixture
def runner(app, converter_pool):
    return app.test_cli_runner()


def render(runner, data_path, out, *extra):
    return runner.invoke(
        args=[
            "documents",
            "render",
            "--type",
            "cerere_art70",
            "--data",
            str(data_path),
            "--out",
            str(out),
            *extra,
        ]
    )


def test_a_case_file_renders_to_a_pdf_and_a_docx(runner, tmp_path):
    data = tmp_path / "cauza.json"
    data.write_text(json.dumps(builders.case(), ensure_ascii=False), encoding="utf-8")
    result = render(
        runner, data, tmp_path / "cerere.pdf", "--docx", "--director", "Mihai Ionescu"
    )
    assert result.exit_code == 0, result.output
    text = pdf_text((tmp_path / "cerere.pdf").read_bytes())
    assert "Andrei-Ștefan Popescu" in text and "TRIBUNALUL CLUJ" in text
    assert (tmp_path / "cerere.docx").read_bytes().startswith(b"PK")


def test_the_directorate_and_its_director_come_from_the_services_database(
    runner, app, tmp_path
):
    with app.app_context(), unit_of_work() as uow:
        cluj = uow.session.scalar(select(Directorate).where(Directorate.code == "CJ"))
        cluj.legal_representative = "Teodora Bălan"
        uow.commit()
    data = tmp_path / "cauza.json"
    data.write_text(json.dumps(builders.case(), ensure_ascii=False), encoding="utf-8")
    assert render(runner, data, tmp_path / "c.pdf").exit_code == 0
    text = " ".join(pdf_text((tmp_path / "c.pdf").read_bytes()).split())
    assert "reprezentată legal prin director executiv Teodora Bălan" in text


def test_the_parents_variant_leaves_out_the_placement_address(runner, tmp_path):
    data = tmp_path / "cauza.json"
    data.write_text(json.dumps(builders.case(), ensure_ascii=False), encoding="utf-8")
    assert render(runner, data, tmp_path / "p.pdf", "--variant", "parinti").exit_code == 0
    assert "Str. Confidențială nr. 3" not in pdf_text((tmp_path / "p.pdf").read_bytes())


def test_a_file_that_is_not_json_is_refused_with_the_line(runner, tmp_path):
    data = tmp_path / "cauza.json"
    data.write_text('{\n  "child": {,\n}', encoding="utf-8")
    result = render(runner, data, tmp_path / "x.pdf")
    assert result.exit_code == 2
    assert "nu este JSON valid (linia 2" in result.output
    assert not (tmp_path / "x.pdf").exists()


def test_case_data_that_fails_validation_names_each_field(runner, tmp_path):
    data = tmp_path / "cauza.json"
    data.write_text(
        json.dumps(builders.case(child={"last_name": "Pop"}, colour="roșu")), encoding="utf-8"
    )
    result = render(runner, data, tmp_path / "x.pdf")
    assert result.exit_code == 2
    assert "child.first_name: Câmpul este obligatoriu." in result.output
    assert "colour: Câmp necunoscut" in result.output


def test_a_case_the_law_refuses_is_not_rendered(runner, tmp_path):
    data = tmp_path / "cauza.json"
    young = builders.case(child=builders.child(5), placement_target=builders.residential())
    data.write_text(json.dumps(young, ensure_ascii=False), encoding="utf-8")
    result = render(runner, data, tmp_path / "x.pdf")
    assert result.exit_code == 1
    assert "art. 64 alin. (1)" in result.output
    assert not (tmp_path / "x.pdf").exists()


def test_an_unknown_type_names_the_option(runner, tmp_path):
    result = runner.invoke(
        args=[
            "documents",
            "render",
            "--type",
            "nu_exista",
            "--data",
            "x.json",
            "--out",
            str(tmp_path / "x.pdf"),
        ]
    )
    assert result.exit_code == 2 and "--type" in result.output
