"""gunicorn's settings for `make serve` (`gunicorn -c gunicorn.conf.py wsgi:app`).

Every worker builds its own app; they share the session key through the instance folder
(`filing_service.config.instance_secret_key`), so a person stays logged in whichever
worker answers.
"""

from filing_service.config import gunicorn_timeout

workers = 2
# Above the LibreOffice pool's own bound (start, conversion, one retry): a hung converter
# then ends in the pool's 503 problem+json, not in gunicorn killing the worker mid-request.
timeout = gunicorn_timeout()
graceful_timeout = 30
# Requests gunicorn refuses before the app (a request line over `limit_request_line`,
# 414; too many or too large header fields, 431; a malformed request, 400) are answered
# by this worker as problem+json, like every other error, not with gunicorn's HTML page.
worker_class = "filing_service.serving.ProblemWorker"
# Request lines up to gunicorn's largest bound, twice its default and far above any URL
# of the API (a search text is at most 400 characters).
limit_request_line = 8190
accesslog = "-"
logger_class = "filing_service.access_log.RedactingLogger"  # no personal data, no secrets
# gunicorn 24+ opens a control socket at one fixed path in the user's home; a second
# instance on the host (a test run beside `make run`) would take it over.
control_socket_disable = True
