"""Hostile XML is refused quickly, reads nothing from disk or network, and stores nothing.

One file per attack under ``attacks/``; ``@FILE@`` and ``@PORT@`` in them become a file
holding a marker and a loopback port that must see no connection. These run on SQLite
only: what they test happens before the database.
"""

import shutil
import socket
import time

import pytest
from lxml import etree

from .conftest import ATTACKS, case_xml

REFUSED = {
    "xxe-file.xml": (400, "doctype_forbidden"),
    "xxe-http.xml": (400, "doctype_forbidden"),
    "xxe-parameter-entity.xml": (400, "doctype_forbidden"),
    "billion-laughs.xml": (400, "doctype_forbidden"),
    "quadratic-blowup.xml": (400, "doctype_forbidden"),
    "external-dtd.xml": (400, "doctype_forbidden"),
    "external-dtd-file.xml": (400, "doctype_forbidden"),
    "undeclared-entity.xml": (400, "entity_forbidden"),
    "xinclude.xml": (422, "xsd_children_not_allowed"),
    "lying-encoding.xml": (400, "encoding_invalid"),
    "declared-latin2.xml": (400, "encoding_unsupported"),
    "bom-contradicts-declaration.xml": (400, "encoding_mismatch"),
    "utf16.xml": (400, "encoding_unsupported"),
    "not-xml.json": (400, "not_xml"),
    "not-xml.pdf": (400, "not_xml"),
    "empty.xml": (400, "xml_empty"),
    "malformed.xml": (400, "xml_malformed"),
    "deep-nesting.xml": (400, "xml_too_deep"),
    "many-elements.xml": (400, "xml_too_many_elements"),
}
MARKER = "MARCAJ-SECRET-7f3a9c"
LIMIT_MS = 100


@pytest.fixture(params=["sqlite"])
def database_url(request, tmp_path, sqlite_template):
    """SQLite only (overrides the two-backend fixture for this module)."""
    path = tmp_path / "test.sqlite3"
    shutil.copy(sqlite_template, path)
    yield f"sqlite:///{path}"


@pytest.fixture
def secret_file(tmp_path):
    """A local file an attack would like to read: its marker must appear nowhere."""
    path = tmp_path / "secret.txt"
    path.write_text(MARKER)
    return path


def timed(send, attempts: int = 3):
    """The response and the best wall time of a few identical sends, in ms: the machine
    is shared, and a scheduler pause is not the parser's time."""
    best, response = float("inf"), None
    for _ in range(attempts):
        started = time.perf_counter()
        response = send()
        best = min(best, (time.perf_counter() - started) * 1000)
    return response, best


def attack(name: str, secret_file, listener) -> bytes:
    data = (ATTACKS / name).read_bytes()
    return data.replace(b"@FILE@", str(secret_file).encode()).replace(
        b"@PORT@", str(listener.port).encode()
    )


def test_every_attack_file_is_covered():
    assert sorted(p.name for p in ATTACKS.iterdir()) == sorted(REFUSED)


@pytest.mark.parametrize("name", sorted(REFUSED))
@pytest.mark.parametrize("path", ["/api/v1/submissions", "/api/v1/submissions/validate"])
def test_attack_is_refused_within_100_ms_storing_and_fetching_nothing(
    name, path, post_xml, stored, secret_file, listener
):
    status, code = REFUSED[name]
    data = attack(name, secret_file, listener)
    before = stored()
    response, elapsed_ms = timed(lambda: post_xml(path, data))
    body = response.get_data(as_text=True)
    assert response.status_code == status, body
    assert response.mimetype == "application/problem+json"
    assert code in [e["code"] for e in response.get_json()["errors"]]
    assert elapsed_ms < LIMIT_MS, f"{name} took {elapsed_ms:.1f} ms"
    assert MARKER not in body
    assert listener.connections() == 0
    assert stored() == before


def test_oversize_document_is_refused_before_parsing(post_xml, stored, app):
    """Built at run time (a file over the limit would weigh on the repository): a valid
    case padded past XML_MAX_BYTES with a comment."""
    limit = app.config["JSON_MAX_BYTES"]
    data = case_xml().replace(
        b"<caseSubmission", b"<!--" + b"x" * limit + b"--><caseSubmission", 1
    )
    before = stored()
    response, elapsed_ms = timed(lambda: post_xml("/api/v1/submissions", data))
    assert response.status_code == 413
    assert elapsed_ms < LIMIT_MS
    assert stored() == before


def test_the_file_attack_would_leak_the_marker_through_a_naive_parser(secret_file, listener):
    """The control: the same file does read the secret when entities are resolved, so the
    test above would notice a parser that resolved them."""
    naive = etree.XMLParser(resolve_entities=True, no_network=True, load_dtd=True)
    root = etree.fromstring(attack("xxe-file.xml", secret_file, listener), naive)
    assert MARKER in etree.tostring(root, encoding="unicode")


def test_the_listener_notices_a_connection(listener):
    """The control for the network attacks: a connection to the port is seen."""
    with socket.create_connection(("127.0.0.1", listener.port), timeout=1):
        time.sleep(0.05)
    assert listener.connections() == 1


def test_schema_location_hints_are_never_fetched(post_xml, listener):
    """An xsi:schemaLocation pointing elsewhere changes nothing: our schema validates."""
    data = case_xml().replace(
        b'<caseSubmission xmlns="urn:filing-service:dgaspc:v1"',
        b'<caseSubmission xmlns="urn:filing-service:dgaspc:v1" xmlns:xsi='
        b'"http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation='
        b'"urn:filing-service:dgaspc:v1 http://127.0.0.1:'
        + str(listener.port).encode()
        + b'/evil.xsd"',
        1,
    )
    response = post_xml("/api/v1/submissions/validate", data)
    assert response.status_code == 200, response.get_json()
    assert listener.connections() == 0
