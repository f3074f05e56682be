"""Without SECRET_KEY, every process of one instance signs sessions with the same key,
made once and kept in the instance folder; gunicorn's timeout stays above the converter's."""

import multiprocessing
import stat

import pytest

from filing_service import config, create_app


def test_the_first_call_makes_a_key_readable_only_by_its_owner(tmp_path):
    key = config.instance_secret_key(str(tmp_path / "instance"))

    path = tmp_path / "instance" / "secret_key"
    assert len(key) == 64 and path.read_text().strip() == key
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["secret_key"]  # no draft left


def test_every_later_call_reads_the_same_key(tmp_path):
    first = config.instance_secret_key(str(tmp_path))
    assert config.instance_secret_key(str(tmp_path)) == first


def _key_in_a_process(folder, queue):
    queue.put(config.instance_secret_key(folder))


def test_processes_starting_together_agree_on_one_key(tmp_path):
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    workers = [
        context.Process(target=_key_in_a_process, args=(str(tmp_path), queue))
        for _ in range(6)
    ]
    for worker in workers:
        worker.start()
    keys = {queue.get(timeout=60) for _ in workers}
    for worker in workers:
        worker.join(timeout=60)
    assert len(keys) == 1
    assert keys == {(tmp_path / "secret_key").read_text().strip()}


def test_a_damaged_key_file_is_refused_rather_than_used(tmp_path):
    (tmp_path / "secret_key").write_text("short\n")
    with pytest.raises(RuntimeError, match="remove it"):
        config.instance_secret_key(str(tmp_path))


def test_two_apps_of_one_instance_folder_share_the_key_and_a_given_key_wins(
    tmp_path, monkeypatch
):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("SECRET_KEY_FILE", raising=False)
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path / "instance"))
    database = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    one, two = create_app(database), create_app(database)
    assert one.config["SECRET_KEY"] == two.config["SECRET_KEY"]
    assert one.config["SECRET_KEY"] == (tmp_path / "instance/secret_key").read_text().strip()

    given = create_app({**database, "SECRET_KEY": "given-by-the-caller"})
    assert given.config["SECRET_KEY"] == "given-by-the-caller"
    for app in (one, two, given):
        app.extensions["db_engine"].dispose()


def test_gunicorn_waits_longer_than_the_converter_can_take(monkeypatch):
    monkeypatch.setenv("CONVERTER_TIMEOUT", "60")
    monkeypatch.setenv("CONVERTER_START_TIMEOUT", "60")
    monkeypatch.setenv("CONVERTER_RETRIES", "1")
    assert config.gunicorn_timeout() > 2 * (60 + 60)
    monkeypatch.setenv("CONVERTER_TIMEOUT", "200")
    assert config.gunicorn_timeout() > 2 * (200 + 60)
