"""The nightly report: click-through and conversion per segment for the day.

Runs at 11:00 UTC once the previous day's events are loaded; the report goes
to the growth team's dashboard. A segment that fails stops the report, so a
half-filled dashboard is never published; the scheduler retries the job at
the next hour.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from recs.jobs.metrics import compute_ctr, conversion_rate, current_segment

log = logging.getLogger(__name__)

SEGMENTS = ("web", "mobile", "email")


@dataclass(frozen=True)
class SegmentStats:
    """Counts of one segment for one day."""

    impressions: int
    clicks: int
    orders: int


def load_stats(day: date, warehouse) -> dict[str, SegmentStats]:
    """The day's counts per segment from the events warehouse."""
    rows = warehouse.query(
        "select segment, impressions, clicks, orders from daily_segment_stats where day = %s",
        (day.isoformat(),),
    )
    return {row.segment: SegmentStats(row.impressions, row.clicks, row.orders) for row in rows}


def run(day: date, warehouse, dashboard) -> dict[str, float]:
    """Computes the report of ``day`` and publishes it."""
    stats_by_segment = load_stats(day, warehouse)
    report: dict[str, float] = {}
    for segment in SEGMENTS:
        stats = stats_by_segment.get(segment)
        if stats is None:
            log.warning("no stats for segment=%s day=%s", segment, day)
            continue
        token = current_segment.set(segment)
        try:
            # ctr first: a segment without impressions has no meaningful conversion either
            report[segment] = compute_ctr(stats.clicks, stats.impressions)
            report[f"{segment}_conversion"] = conversion_rate(stats.orders, stats.clicks)
        except Exception:
            log.exception("nightly report failed segment=%s", segment)
            raise
        finally:
            current_segment.reset(token)
    dashboard.publish(day, report)
    return report
