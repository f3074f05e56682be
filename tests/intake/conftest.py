"""Fixtures of the 119 intake tests: the national dispatcher's token, and helpers that
send a report and look at what each directorate can see."""

import pytest
from sqlalchemy import select

from filing_service.auth.tokens import digest
from filing_service.db import unit_of_work
from filing_service.intake.service import grant_dispatcher
from filing_service.models import ApiToken
from tests import builders


@pytest.fixture
def dispatcher(app, make_token):
    """Headers of the national dispatcher (a token of DGASPC Sector 1 granted the queue)."""
    headers = make_token("B1", "dispecer național 119")
    token = headers["Authorization"].split(" ", 1)[1]
    with app.app_context(), unit_of_work() as uow:
        token_id = uow.session.scalar(
            select(ApiToken.id).where(ApiToken.token_hash == digest(token))
        )
        grant_dispatcher(uow.session, token_id)
        uow.commit()
    return headers


@pytest.fixture
def send(client, auth):
    """Send a report (Cluj's call centre by default); returns the response."""

    def post(report: dict | None = None, headers: dict | None = None):
        return client.post(
            "/api/v1/intake/reports",
            json=report or builders.report_119(),
            headers=headers or auth,
        )

    return post


@pytest.fixture
def cases_of(client, make_token):
    """The cases a directorate's token lists (creating that token once per code)."""
    tokens: dict[str, dict] = {}

    def listing(code: str) -> list[dict]:
        if code not in tokens:
            tokens[code] = make_token(code, f"sistem {code}")
        return client.get("/api/v1/cases", headers=tokens[code]).get_json()["items"]

    listing.headers = tokens
    return listing
