"""The API fuzzed against its own OpenAPI document (schemathesis): valid and invalid
paths, queries and bodies, with a token of a directorate, on SQLite and on PostgreSQL.
No answer is a server error, and every answer is what the document says: a documented
status, its media type and a body that matches its schema.

Bounded and reproducible: a few examples per operation and mode, derandomized and not
shrunk, so the whole run takes well under three minutes per database on two cores and
sends the same requests each time. (schemathesis' own pytest plugin is not used: its
lazy loader does not run under pytest 9.)
"""

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests import builders

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES = 12  # per operation and mode: about 1,700 requests per database


def fuzz(operation, mode: GenerationMode, auth: dict) -> str | None:
    """The first failure of ``operation`` in ``mode``, or None."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        case.call_and_validate(headers=auth, checks=CHECKS)

    try:
        run()
    except Unsatisfiable:  # nothing to make invalid (an operation with no parameters)
        return None
    except (Exception, BaseExceptionGroup) as exc:  # checks fail as a group of failures
        return f"{operation.label} ({mode}): {exc!r}"
    return None


def test_no_input_gets_a_server_error_or_an_undocumented_answer(app, client, auth):
    assert client.post("/api/v1/cases", json=builders.case(), headers=auth).status_code == 201
    # A filing's PDF is sent as raw bytes, as any binary body.
    schemathesis.serializer.alias("application/pdf", "application/octet-stream")
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 70
    failures = [
        failure
        for operation in operations
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
        if (failure := fuzz(operation, mode, auth)) is not None
    ]
    assert not failures, "\n\n".join(failures)
