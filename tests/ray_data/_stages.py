"""Stages for the Ray tests, importable by Ray's workers (``tests.ray_data._stages``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from zaguan.ray import CoreXStage


class DiesOnceStage(CoreXStage):
    """The first batch of the job is half sent, then its worker process dies (as a machine
    lost mid-batch): the answers of that half are lost, and Ray retries the task on a new
    actor. ``marker`` is the file that says it happened."""

    def __init__(self, *, marker: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.marker = Path(marker)

    async def __call__(self, batch: Any) -> Any:
        try:
            fd = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            return await super().__call__(batch)
        os.close(fd)
        await super().__call__(batch.slice(0, batch.num_rows // 2))  # sent and charged
        os._exit(1)
