"""Report metrics computed per segment (web, mobile, email)."""

from contextvars import ContextVar

# The segment being reported; set by the nightly job around each segment.
current_segment: ContextVar[str] = ContextVar("current_segment", default="all")


class MetricsError(Exception):
    """A metric that cannot be computed from the day's numbers."""


def compute_ctr(clicks: int, impressions: int) -> float:
    """Click-through rate: clicks per impression shown, between 0 and 1."""
    segment = current_segment.get()
    if clicks < 0 or impressions < 0:
        raise MetricsError(f"negative counts for segment {segment}")
    try:
        return clicks / impressions
    except ZeroDivisionError:
        raise MetricsError(f"ctr undefined for segment {segment}")


def conversion_rate(orders: int, clicks: int) -> float:
    """Orders per click; 0 when there were no clicks."""
    return orders / clicks if clicks else 0.0
