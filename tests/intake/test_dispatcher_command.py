"""The national dispatcher is an ordinary API token granted the queue by a command."""

from sqlalchemy import select

from filing_service.auth.tokens import digest
from filing_service.db import unit_of_work
from filing_service.models import ApiToken
from tests import builders


def test_a_granted_token_reads_the_routing_queue(app, send, make_token):
    headers = make_token("B1", "dispecer 119")
    with app.app_context(), unit_of_work() as uow:
        token_id = uow.session.scalar(
            select(ApiToken.id).where(
                ApiToken.token_hash == digest(headers["Authorization"].split(" ", 1)[1])
            )
        )
    runner = app.test_cli_runner()
    client = app.test_client()
    send(builders.report_119(place={}))
    assert client.get("/api/v1/intake/routing-queue", headers=headers).status_code == 403

    result = runner.invoke(args=["grant-dispatcher", "--token-id", str(token_id)])

    assert result.exit_code == 0, result.output
    queue = client.get("/api/v1/intake/routing-queue", headers=headers)
    assert queue.status_code == 200 and queue.get_json()["total"] == 1


def test_granting_an_unknown_token_fails_clearly(app):
    result = app.test_cli_runner().invoke(args=["grant-dispatcher", "--token-id", "999"])

    assert result.exit_code != 0
    assert "tokenul 999 nu există" in result.output


def test_granting_twice_changes_nothing(app, make_token):
    make_token("B1", "dispecer 119")
    runner = app.test_cli_runner()
    runner.invoke(args=["grant-dispatcher", "--token-id", "1"])

    again = runner.invoke(args=["grant-dispatcher", "--token-id", "1"])

    assert again.exit_code == 0, again.output
