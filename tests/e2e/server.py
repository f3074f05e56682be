"""Serve the app for the end-to-end tests, in a process of its own: ``python server.py``.

The configuration comes as JSON in ``FS_E2E_CONFIG`` (plus the environment, e.g.
``SOFTHSM2_CONF`` for the test token). The server binds a free port of 127.0.0.1 and
prints it on the first line; SIGTERM stops it and the LibreOffice pool it started.
"""

import json
import os
import signal
import threading

from werkzeug.serving import make_server

from filing_service import create_app
from filing_service.documents.converter import close_shared_pools


def main() -> None:
    app = create_app(json.loads(os.environ.get("FS_E2E_CONFIG", "{}")))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    # shutdown() waits for serve_forever to return, so it must run in another thread.
    signal.signal(
        signal.SIGTERM,
        lambda *_: threading.Thread(target=server.shutdown, daemon=True).start(),
    )
    print(server.server_port, flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
        close_shared_pools()


if __name__ == "__main__":
    main()
