"""Ray Data, for work larger than one machine: `CoreXStage` sends each row of a dataset to
CoreX, charged once. Needs the ``ray`` extra: ``pip install "zaguan-corex[ray]"``.

>>> answers = dataset.map_batches(
...     CoreXStage,
...     fn_constructor_kwargs={"run_id": "backfill-7", "endpoint": "chat", "workers": 4},
...     compute=ray.data.ActorPoolStrategy(size=4),
...     batch_format="pyarrow",
... )

Rows are read as `zaguan.bulk` reads input lines (a Batch API request line, or a bare request
body with a ``custom_id``); each row's request id derives from the run's id and its
``custom_id``, so a task Ray retries after a worker died is answered from CoreX's record, not
charged again. The output has one row per input row: the Batch API output line as columns
(`OUTPUT_SCHEMA`), a row's failure in its ``error_code`` and ``error_message``, never a failed
job. ``import zaguan`` never imports this package, nor Ray.
"""

import importlib.util

from .._extras import raise_missing_extra as _raise_missing_extra

_EXTRA_MODULES = frozenset({"ray", "pyarrow"})

try:
    # Ray is looked for, not imported: the stage needs pyarrow only, and the workers that run it
    # have imported Ray already.
    if importlib.util.find_spec("ray") is None:
        raise ModuleNotFoundError("No module named 'ray'", name="ray")
    from ._stage import OUTPUT_SCHEMA, CoreXStage
except ModuleNotFoundError as exc:
    _raise_missing_extra(exc, _EXTRA_MODULES, "zaguan.ray", "ray")

__all__ = ["OUTPUT_SCHEMA", "CoreXStage"]
