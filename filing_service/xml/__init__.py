"""XML from outside, read safely: the hardened parser (``parsing``), the validation
against the project's XSD schemas (``schemas/``, package data) and the problems a case
system gets back (``problems``, ``schema_errors``). Submissions, filings and intake all
read their XML through here."""
