"""``python -m filing_service`` and the ``filing-service`` console script."""

import sys

from flask.cli import FlaskGroup

from . import create_app


def main() -> None:
    group = FlaskGroup(create_app=lambda: create_app())
    sys.exit(group.main())


if __name__ == "__main__":
    main()
