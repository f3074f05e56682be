"""Run the Alembic migrations programmatically, for the CLI and the tests alike."""

from alembic import command
from alembic.config import Config

# Alembic finds the package's folder itself (importlib.resources), wherever it is installed.
SCRIPT_LOCATION = "filing_service:migrations"


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the database at ``url`` to ``revision``."""
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    command.downgrade(alembic_config(url), revision)
