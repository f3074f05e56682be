"""Deadlines: every term of the law, counted the way the Code of Civil Procedure counts it."""
