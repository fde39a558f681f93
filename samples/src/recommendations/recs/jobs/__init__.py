"""Batch jobs run by the scheduler (the nightly metrics report)."""
