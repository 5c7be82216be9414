"""The one UTC timestamp format of the contracts: ``2026-11-22T04:51:40Z``."""
from __future__ import annotations

import datetime as _dt


def utc_now(microseconds: bool = False) -> str:
    """Now in UTC, to the second; ``microseconds=True`` adds ``.ffffff`` (the hub orders arrivals
    that fall within one second)."""
    fmt = "%Y-%m-%dT%H:%M:%S.%fZ" if microseconds else "%Y-%m-%dT%H:%M:%SZ"
    return _dt.datetime.now(_dt.UTC).strftime(fmt)
