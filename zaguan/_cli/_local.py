"""``zaguan local``: the embedded local CoreX (`zaguan.testing`) in the foreground."""

from __future__ import annotations

from ._errors import CommandError


def serve(argv: list[str]) -> int:
    """Run ``python -m zaguan.testing`` with ``argv``; say which install adds it if missing."""
    try:
        from ..testing.__main__ import main  # noqa: PLC0415  # an extra: only on demand
    except ModuleNotFoundError as exc:
        if "zaguan-corex[testing]" not in str(exc):  # not the extra's: a bug, keep it loud
            raise
        raise CommandError(f"zaguan local: {exc}") from exc
    return main(argv, prog="zaguan local")
