"""Calling pyhanko's synchronous API from any thread.

pyhanko's sync functions wrap ``asyncio.run``, which refuses to start when the calling
thread already runs an event loop (an async server worker, or Playwright's sync API in
the test session). Then the call is made on a short-lived worker thread instead.
"""

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")


def outside_event_loop(fn: Callable[..., T], *args, **kwargs) -> T:
    """``fn(*args, **kwargs)``, on another thread if this one runs an event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return fn(*args, **kwargs)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pyhanko") as worker:
        return worker.submit(fn, *args, **kwargs).result()
