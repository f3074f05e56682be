"""The service as `make run` serves it: `make db demo`, then `make serve` (gunicorn with
`gunicorn.conf.py`, two workers, each with its warm LibreOffice pool), with no SECRET_KEY
in the environment and a fresh instance folder, driven as a person and a case system do.
"""

import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from filing_service.demo import DEMO_PASSWORD
from filing_service.documents.converter import OWNER_FILE, WORK_PREFIX
from filing_service.errorcodes import Code

ROOT = Path(__file__).resolve().parents[2]
# The access log names the worker (%(p)s) that answered each request.
ACCESS_FORMAT = "served-by=%(p)s %(s)s %(m)s %(U)s"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def command_line(pid: int) -> str:
    try:
        return (
            (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        )
    except OSError:
        return ""


class Served:
    """`make serve` in a folder of its own: the address, the processes and the logs."""

    def __init__(self, folder: Path, **settings: str):
        self.folder = folder
        self.tmp = folder / "tmp"
        self.tmp.mkdir(parents=True)
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("SECRET_KEY", "SECRET_KEY_FILE")
        }
        self.env.update(
            {
                "INSTANCE_PATH": str(folder / "instance"),
                "DATABASE_URL": f"sqlite:///{folder / 'run.sqlite3'}",
                "STORAGE_DIR": str(folder / "storage"),
                "TMPDIR": str(self.tmp),
                "GUNICORN_CMD_ARGS": f"--access-logformat '{ACCESS_FORMAT}'",
                **settings,
            }
        )
        subprocess.run(
            ["make", "-s", "db", "demo"],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            timeout=300,
        )
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = folder / "server.log"
        self._log = open(self.log_path, "wb")
        self.make = subprocess.Popen(
            ["make", "-s", "serve", "HOST=127.0.0.1", f"PORT={self.port}"],
            cwd=ROOT,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self._wait_for_health()

    def _wait_for_health(self) -> None:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=2).close()
                return
            except OSError:
                if self.make.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    pytest.fail("make serve did not answer /healthz:\n" + self.log()[-3000:])
                time.sleep(0.3)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def master(self) -> int:
        """gunicorn's arbiter: make runs it through a shell, and it runs the workers."""
        pid = self.make.pid
        while "python" not in command_line(pid):
            [pid] = children(pid)
        return pid

    def workers(self) -> set[int]:
        return set(children(self.master()))

    def wait_for_workers(self, count: int = 2, timeout: float = 60) -> set[int]:
        deadline = time.monotonic() + timeout
        while len(found := self.workers()) != count:
            assert time.monotonic() < deadline, f"{len(found)} workers, not {count}"
            time.sleep(0.2)
        return found

    def soffices(self) -> list[int]:
        return [
            child
            for worker in self.workers()
            for child in children(worker)
            if "soffice" in command_line(child)
        ]

    def pool_folders(self) -> dict[int, Path]:
        """The LibreOffice pools' folders in the service's TMPDIR, by owner pid."""
        found = {}
        for folder in self.tmp.glob(WORK_PREFIX + "*"):
            mark = folder / OWNER_FILE
            if mark.exists() and mark.read_text().strip():
                found[int(mark.read_text().split()[0])] = folder
        return found

    def served_by(self, since: int = 0) -> list[tuple[int, str]]:
        """(worker pid, path) of every request in the access log after offset ``since``."""
        return [
            (int(pid), path)
            for pid, path in re.findall(r"served-by=<(\d+)> \d+ \w+ (\S+)", self.log()[since:])
        ]

    def stop(self) -> None:
        if self.make.poll() is None:
            os.kill(self.master(), signal.SIGTERM)  # as a supervisor stops it
            try:
                self.make.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.make.pid, signal.SIGKILL)
                self.make.wait()
        self._log.close()


class HeldWorker:
    """A request that is half sent: a sync worker that accepts it waits for the rest and
    answers nothing else meanwhile. Holding one worker decides which one serves the next
    requests."""

    def __init__(self, served: Served):
        self.sock = socket.create_connection(("127.0.0.1", served.port), timeout=30)
        self.sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        time.sleep(0.5)  # a free worker accepts it now

    def release(self) -> None:
        with self.sock:
            self.sock.sendall(b"\r\n")
            assert self.sock.recv(100).startswith(b"HTTP/1.1 200")


def api(served: Served, method: str, path: str, token: str, body=None, timeout=300):
    request = urllib.request.Request(
        served.url + path,
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, answer.headers["Content-Type"], json.load(answer)
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers["Content-Type"], json.load(error)


def issue_token(served: Served) -> str:
    printed = subprocess.run(
        [
            ROOT / ".venv/bin/filing-service",
            "issue-token",
            "--directorate",
            "CJ",
            "--name",
            "sistem e2e",
        ],
        cwd=ROOT,
        env=served.env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(printed.stdout)["token"]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The service with the settings of `make run`."""
    started = Served(tmp_path_factory.mktemp("make-serve"))
    yield started
    started.stop()


@pytest.mark.e2e
def test_the_served_app_answers_health_and_its_api_document(served):
    with urllib.request.urlopen(served.url + "/healthz", timeout=5) as response:
        assert json.load(response) == {"status": "ok"}
    with urllib.request.urlopen(served.url + "/api/v1/openapi.json", timeout=5) as response:
        assert "/api/v1/cases" in json.load(response)["paths"]


@pytest.mark.e2e
def test_the_first_run_keeps_its_session_key_in_the_instance_folder(served):
    key = served.folder / "instance" / "secret_key"
    assert oct(key.stat().st_mode & 0o777) == "0o600" and len(key.read_text().strip()) == 64


@pytest.mark.e2e
def test_the_demo_data_is_loaded_once(served):
    again = subprocess.run(
        [ROOT / ".venv/bin/filing-service", "seed-demo"],
        cwd=ROOT,
        env=served.env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "0 înregistrări noi" in again.stdout


def raw_request(served: Served, request: bytes) -> tuple[str, dict[str, str], bytes]:
    """Send ``request`` as it is; the status line, headers and body of the answer."""
    with socket.create_connection(("127.0.0.1", served.port), timeout=30) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    status, *lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers, body


# A child's name and CNP in what gunicorn refuses: neither may come back, nor be logged.
CHILD = "Zamfirescu+Ilinca"
CHILD_CNP = "6140612123456"
REFUSED = {
    "request line over limit_request_line": (
        f"GET /api/v1/cases?q={CHILD * 530}&cnp={CHILD_CNP} HTTP/1.1\r\n"
        "Host: 127.0.0.1\r\n\r\n",
        "414 URI Too Long",
        "request_line_too_long",
        "8190 de octeți",
    ),
    "header over limit_request_field_size": (
        f"GET /api/v1/cases HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"X-Note: {(CHILD + ' ' + CHILD_CNP + ' ') * 290}\r\n\r\n",
        "431 Request Header Fields Too Large",
        "request_header_too_large",
        "8190 de octeți",
    ),
    "malformed request line": (
        f"GET /cases?q={CHILD.replace('+', ' ')}&cnp={CHILD_CNP} HTTP/1.1\r\n"
        "Host: 127.0.0.1\r\n\r\n",
        "400 Bad Request",
        "bad_request",
        "nu a putut fi înțeleasă",
    ),
}


@pytest.mark.e2e
@pytest.mark.parametrize("case", REFUSED.values(), ids=REFUSED.keys())
def test_a_request_gunicorn_refuses_is_problem_json_without_the_request(served, case):
    request, status, code, detail = case
    start = len(served.log())

    status_line, headers, body = raw_request(served, request.encode())

    assert status_line == f"HTTP/1.1 {status}"
    assert headers["content-type"] == "application/problem+json"
    assert int(headers["content-length"]) == len(body)
    assert headers["connection"] == "close"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    problem = json.loads(body)
    assert problem == {
        "type": f"https://filing-service.invalid/probleme/{code}",
        "title": Code(code).label,
        "status": int(status.split()[0]),
        "detail": problem["detail"],
        "code": code,
    }
    assert detail in problem["detail"]  # in Romanian, as the title (the catalogue's)
    for text in ("Zamfirescu", CHILD_CNP, "/cases"):
        assert text.encode() not in body
        assert text not in served.log()[start:]


PAGES = [
    "/",
    "/cases",
    "/calendar",
    "/cases/{case}",
    "/cases/{case}/documents",
    "/cases/{case}/edit",
    "/cases/{case}/child",
    "/cases/new",
    "/",
    "/cases/{case}",
    "/calendar",
    "/cases",
]


def _open_pages(page, served: Served, case: str) -> list[str]:
    """Open every page of PAGES; return those that sent the person back to log in."""
    lost = []
    for path in PAGES:
        page.goto(served.url + path.format(case=case))
        if "/login" in page.url or "Formular expirat" in page.content():
            lost.append(path)
    return lost


@pytest.mark.e2e
@pytest.mark.browser
def test_a_person_who_logs_in_stays_logged_in_whichever_worker_answers(served, chromium):
    context = chromium.new_context(locale="ro-RO", timezone_id="Europe/Bucharest")
    page = context.new_page()
    workers = served.wait_for_workers()

    first = HeldWorker(served)  # one worker waits: the other serves the log-in and pages
    start = len(served.log())
    page.goto(served.url + "/login")
    page.get_by_label("Utilizator").fill("ana.popescu")
    page.get_by_label("Parola").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Intră în cont").click()
    page.wait_for_url(served.url + "/")
    page.goto(served.url + "/cases")
    links = page.eval_on_selector_all("a[href]", "links => links.map(a => a.pathname)")
    case_id = next(
        re.fullmatch(r"/cases/(\d+)", href).group(1)
        for href in links
        if re.fullmatch(r"/cases/(\d+)", href)
    )
    lost = _open_pages(page, served, case_id)
    one = {pid for pid, _ in served.served_by(start)}

    second = HeldWorker(served)  # now the worker that served is held ...
    first.release()  # ... and the one that signed nothing yet answers
    middle = len(served.log())
    lost += _open_pages(page, served, case_id)
    page.goto(served.url + f"/cases/{case_id}/edit")
    page.get_by_role("button", name=re.compile("Salvează")).first.click()
    page.wait_for_load_state()
    saved = page.url
    other = {pid for pid, _ in served.served_by(middle)}
    second.release()
    context.close()

    assert lost == []
    assert len(PAGES) * 2 >= 20
    assert len(one) == 1 and len(other) == 1 and one != other and one | other == workers
    assert "/login" not in saved and re.search(rf"/cases/{case_id}", saved), saved


@pytest.mark.e2e
def test_a_killed_workers_folder_is_removed_by_the_pool_of_the_worker_that_replaces_it(served):
    workers = served.wait_for_workers()
    deadline = time.monotonic() + 60
    while set(served.pool_folders()) != workers:
        assert time.monotonic() < deadline, (served.pool_folders(), workers)
        time.sleep(0.2)
    victim = min(workers)
    left = served.pool_folders()[victim]

    os.kill(victim, signal.SIGKILL)
    deadline = time.monotonic() + 90
    while victim in served.workers() or len(served.workers()) != 2 or left.exists():
        assert time.monotonic() < deadline, "the killed worker's folder is still there"
        time.sleep(0.2)
    assert set(served.pool_folders()) == served.workers()


@pytest.fixture(scope="module")
def served_slow_converter(tmp_path_factory):
    """The service as `make run` serves it, with a LibreOffice allowed 30 s a conversion:
    as long as gunicorn's default worker timeout."""
    started = Served(
        tmp_path_factory.mktemp("make-serve-hang"),
        CONVERTER_TIMEOUT="30",
        CONVERTER_START_TIMEOUT="5",
        CONVERTER_POOL_SIZE="1",
    )
    yield started
    started.stop()


class Freezer(threading.Thread):
    """Stops (SIGSTOP) every LibreOffice the workers run, new ones too: a converter that
    hangs, as LibreOffice sometimes does on a document."""

    def __init__(self, served: Served):
        super().__init__(daemon=True)
        self.served, self.done = served, threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            for pid in self.served.soffices():
                with contextlib.suppress(ProcessLookupError):  # it died meanwhile
                    os.kill(pid, signal.SIGSTOP)
            time.sleep(0.02)


@pytest.mark.e2e
def test_a_hung_libreoffice_answers_503_problem_json_and_the_worker_lives(
    served_slow_converter,
):
    served = served_slow_converter
    token = issue_token(served)
    status, _, cases = api(served, "GET", "/api/v1/cases", token)
    assert status == 200
    case_id = cases["items"][0]["id"]
    body = {"type": "raport_art139", "variant": "instanta"}
    # Both pools warm: one conversion each worker answers, before LibreOffice hangs.
    deadline = time.monotonic() + 120
    while len(re.findall(r"LibreOffice 0 started", served.log())) < 2:
        assert time.monotonic() < deadline, served.log()[-2000:]
        time.sleep(0.3)
    status, _, answer = api(served, "POST", f"/api/v1/cases/{case_id}/documents", token, body)
    assert status == 201, answer
    workers = served.wait_for_workers()

    freezer = Freezer(served)
    freezer.start()
    try:
        time.sleep(3)  # every warm instance is stopped now, mid-way or idle
        began = time.monotonic()
        status, content_type, answer = api(
            served, "POST", f"/api/v1/cases/{case_id}/documents", token, body
        )
        took = time.monotonic() - began
    finally:
        freezer.done.set()
        freezer.join()

    assert status == 503, answer
    assert content_type == "application/problem+json"
    assert "LibreOffice" in answer["detail"] and "reîncercați" in answer["detail"]
    assert took > 30  # it waited out the conversion, which gunicorn's default would not
    assert served.workers() == workers  # no worker was killed for it
    assert "WORKER TIMEOUT" not in served.log()
