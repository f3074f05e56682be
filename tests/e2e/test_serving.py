"""The run path of the README: migrate, load demo data, serve with gunicorn, answer
/healthz — the same commands `make run` uses, in a folder of their own."""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def served(tmp_path):
    env = {**os.environ, "INSTANCE_PATH": str(tmp_path / "instance"),
           "DATABASE_URL": f"sqlite:///{tmp_path / 'run.sqlite3'}", "SECRET_KEY": "e2e"}
    for command in ("init-db", "seed-demo"):
        subprocess.run([BIN / "filing-service", command], env=env, check=True,
                       capture_output=True, timeout=120)
    port = free_port()
    server = subprocess.Popen(
        [BIN / "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "1", "wsgi:app"],
        env=env, cwd=Path(__file__).parents[2], stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                with server.stderr:
                    output = server.stderr.read().decode(errors="replace")[-2000:]
                pytest.fail("gunicorn did not serve /healthz: " + output)
            time.sleep(0.3)
    yield base
    server.terminate()
    server.wait(timeout=30)
    server.stderr.close()


@pytest.mark.e2e
def test_the_served_app_answers_health_and_its_api_document(served):
    with urllib.request.urlopen(served + "/healthz", timeout=5) as response:
        assert json.load(response) == {"status": "ok"}
    with urllib.request.urlopen(served + "/api/v1/openapi.json", timeout=5) as response:
        assert "/api/v1/cases" in json.load(response)["paths"]


@pytest.mark.e2e
def test_the_demo_data_is_loaded_once(served, tmp_path):
    env = {**os.environ, "INSTANCE_PATH": str(tmp_path / "instance"),
           "DATABASE_URL": f"sqlite:///{tmp_path / 'run.sqlite3'}"}
    again = subprocess.run([BIN / "filing-service", "seed-demo"], env=env, check=True,
                           capture_output=True, text=True, timeout=120)
    assert "0 înregistrări noi" in again.stdout
