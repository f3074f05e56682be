"""WSGI entry point: ``gunicorn wsgi:app``."""

from filing_service import create_app

app = create_app()
