"""Fixtures of the deadlines tests."""
from pathlib import Path

import pytest

LAW = Path(__file__).resolve().parents[3] / "shared/reference/legea-272-2004-consolidata-2024.txt"


@pytest.fixture(scope="session")
def law_text() -> str:
    """The consolidated text of Law 272/2004, which the catalogue's articles must cite."""
    return LAW.read_text(encoding="utf-8")
