"""How `zaguan run` shows progress: a bar redrawn in place on a terminal, JSON lines elsewhere,
and the summary; pure, on made-up `Progress` values."""

from __future__ import annotations

import io
import json
from types import MappingProxyType

from zaguan._cli._progress import Display, bar_line, duration, summary_fields, summary_lines
from zaguan.bulk import Progress

RUNNING = Progress(total=1000, done=250, failed=3, in_flight=8, credits=250.0, elapsed=5.0)
DONE = Progress(
    total=1000, done=1000, failed=3, skipped=20, credits=997.5, elapsed=20.0,
    by_status=MappingProxyType({200: 997, 400: 3}),
    by_error=MappingProxyType({"BadRequestError": 3}), finished=True,
)  # fmt: skip


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_bar_shows_done_failed_rate_credits_and_eta() -> None:
    line = bar_line(RUNNING, 100)
    assert len(line) <= 100
    for part in ("250/1,000", "25%", "3 failed", "50.0/s", "250 credits", "ETA 15.0 s"):
        assert part in line
    assert line.startswith("█")
    assert "░" in line


def test_a_narrow_terminal_gets_the_numbers_without_the_bar() -> None:
    assert bar_line(RUNNING, 40) == bar_line(RUNNING, 200).split("  ", 1)[1][:39]


def test_on_a_terminal_the_bar_is_redrawn_in_place_and_ends_its_line() -> None:
    screen = Terminal()
    display = Display(screen)
    display(RUNNING)
    display(DONE)
    assert display.interval < 1
    assert screen.getvalue().count("\r\x1b[K") == 2
    assert screen.getvalue().endswith("\n")
    assert display.last is DONE


def test_elsewhere_progress_is_a_json_line_every_few_seconds() -> None:
    log = io.StringIO()
    display = Display(log)
    display(RUNNING)
    display(DONE)  # the summary goes to stdout, not here
    assert display.interval >= 2
    [line] = log.getvalue().splitlines()
    fields = json.loads(line)
    assert fields["event"] == "progress"
    assert (fields["done"], fields["total"], fields["failed"], fields["eta_s"]) == (
        250,
        1000,
        3,
        15.0,
    )


def test_the_summary_counts_by_status_and_error_with_credits_and_rate() -> None:
    lines = summary_lines(DONE)
    assert lines[0] == "1,000 of 1,000 lines written in 20.0 s (3,000/min): 997 succeeded, 3 failed"
    assert "20 lines were written by the run before (resumed)" in lines
    assert "by status: 200: 997, 400: 3" in lines
    assert "by error: BadRequestError: 3" in lines
    assert "credits: 997.50" in lines
    fields = summary_fields(DONE)
    assert fields["by_status"] == {"200": 997, "400": 3}
    assert fields["stopped"] is None


def test_durations_read_as_a_clock() -> None:
    assert [duration(s) for s in (None, 3.25, 65, 3723)] == ["-", "3.2 s", "1:05", "1:02:03"]
