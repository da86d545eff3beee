"""What every example starts with: a CoreX to talk to.

With $ZAGUAN_BASE_URL set (and $ZAGUAN_API_KEY), the examples talk to that CoreX. Without it,
`corex()` starts a local one (`zaguan.testing.LocalCoreX`, the `testing` extra) for the
script's lifetime and points those two variables at it, so the examples themselves build their
clients as an application would: `ZaguanClient()`, configured by the environment.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator


@contextlib.contextmanager
def corex() -> Iterator[None]:
    """$ZAGUAN_BASE_URL's CoreX if set, else a local CoreX for the duration of the block."""
    if os.environ.get("ZAGUAN_BASE_URL"):
        yield
        return
    from zaguan.testing import LocalCoreX  # noqa: PLC0415  # only when no CoreX is configured

    with LocalCoreX() as server:
        os.environ["ZAGUAN_BASE_URL"] = server.base_url
        os.environ["ZAGUAN_API_KEY"] = server.api_key
        try:
            yield
        finally:
            del os.environ["ZAGUAN_BASE_URL"], os.environ["ZAGUAN_API_KEY"]
