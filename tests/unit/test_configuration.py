"""Configuration is read in one module: ``filing_service/config.py`` reads the environment,
every setting the code reads has its default there, and ``TIMEZONE`` is the only zone."""

import re
from pathlib import Path

from flask import Flask

from filing_service.config import from_environment

PACKAGE = Path(__file__).resolve().parents[2] / "filing_service"
CONFIG = PACKAGE / "config.py"
READS_ENVIRONMENT = re.compile(
    r"\bos\.environ\b|\bos\.getenv\b|\bfrom os import[^\n]*"
    r"\b(environ|getenv)\b|\bgetenv\("
)
# app.config["X"], config.get("X"), config.setdefault("X", ...)
READS_SETTING = re.compile(r'config(?:\[|\.get\(|\.setdefault\()\s*"([A-Z][A-Z0-9_]+)"')


def _sources():
    return sorted(PACKAGE.rglob("*.py"))


def test_no_module_but_config_reads_the_environment():
    readers = [
        str(path.relative_to(PACKAGE))
        for path in _sources()
        if path != CONFIG and READS_ENVIRONMENT.search(path.read_text("utf-8"))
    ]
    assert readers == []


def test_every_setting_the_code_reads_has_its_default_in_config(tmp_path):
    known = set(from_environment(str(tmp_path))) | set(Flask(__name__).config)
    unknown = sorted(
        {
            f"{name} ({path.relative_to(PACKAGE)})"
            for path in _sources()
            for name in READS_SETTING.findall(path.read_text("utf-8"))
            if name not in known
        }
    )
    assert unknown == []


def test_no_module_names_a_time_zone_of_its_own():
    """The zone is ``TIMEZONE``; only config's default and the calendar's, for a calendar
    made outside an app, name one."""
    allowed = {CONFIG, PACKAGE / "deadlines" / "calendar.py"}
    naming = [
        str(path.relative_to(PACKAGE))
        for path in _sources()
        if path not in allowed and '"Europe/Bucharest"' in path.read_text("utf-8")
    ]
    assert naming == []
