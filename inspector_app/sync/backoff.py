"""Retry delays: exponential growth with jitter, so many booths coming back online after an
outage do not hit the hub in lock-step."""
from __future__ import annotations

import random


class Backoff:
    """``delay = d/2 + uniform(0, d/2)`` with ``d = min(cap, base * factor**attempt)`` ("equal jitter":
    never shorter than half the nominal delay, never longer than the cap)."""

    def __init__(self, base: float = 1.0, factor: float = 2.0, cap: float = 300.0, rng: random.Random | None = None):
        if base <= 0 or factor < 1 or cap < base:
            raise ValueError("backoff needs base > 0, factor >= 1 and cap >= base")
        self.base, self.factor, self.cap = base, factor, cap
        self.rng = rng or random.Random()
        self.attempt = 0

    def nominal(self, attempt: int) -> float:
        return min(self.cap, self.base * self.factor ** min(attempt, 64))

    def next_delay(self) -> float:
        d = self.nominal(self.attempt)
        self.attempt += 1
        return d / 2 + self.rng.uniform(0, d / 2)

    def reset(self) -> None:
        self.attempt = 0
