"""The law, in plain Python.

Rules of Law 272/2004 and of the Code of Civil Procedure, each citing its article.
Nothing here imports Flask or SQLAlchemy: every rule can be tested on plain values.
"""
