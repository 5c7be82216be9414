"""Input checks the hub's models call: text and JSON values that every database can store.

PostgreSQL refuses NUL in text, neither database can encode a lone UTF-16 surrogate (``"\\ud800"``
is valid JSON but not valid Unicode text), and a payload nested thousands deep would exhaust the
recursion of every JSON encoder after it. Each is refused here with a ``ValueError`` (pydantic turns
it into a 422) instead of failing later as a database or encoder error.
"""
from __future__ import annotations

import math
import re
from typing import Any

MAX_DEPTH = 64
RECORD_ID_PATTERN = r"^[A-Za-z0-9._:-]{1,128}$"
KIND_PATTERN = r"^[a-z_]{1,64}$"
MAX_SEQ = 2**63 - 1  # BIGINT in both databases

_BAD_TEXT = re.compile("[\x00\ud800-\udfff]")


def check_text(value: str, what: str = "text") -> str:
    """``value`` unless it holds a NUL or a lone surrogate (named in the message, not echoed)."""
    m = _BAD_TEXT.search(value)
    if m is not None:
        kind = "a NUL character" if m.group() == "\x00" else "a lone UTF-16 surrogate (not Unicode text)"
        raise ValueError(f"{what} contains {kind} at position {m.start()}")
    return value


def check_json(value: Any, what: str = "payload", max_depth: int = MAX_DEPTH) -> Any:
    """Walk a parsed JSON value without recursion: every key and string must pass ``check_text``,
    numbers must be finite, nesting at most ``max_depth`` deep. Returns ``value`` unchanged."""
    stack: list[tuple[Any, int, str]] = [(value, 0, what)]
    while stack:
        v, depth, where = stack.pop()
        if isinstance(v, str):
            check_text(v, where)
        elif isinstance(v, float):
            if not math.isfinite(v):
                raise ValueError(f"{where} holds a number that is not finite (NaN or infinity)")
        elif isinstance(v, dict):
            if depth >= max_depth:
                raise ValueError(f"{what} is nested more than {max_depth} levels deep")
            for k, item in v.items():
                if not isinstance(k, str):
                    raise ValueError(f"{where} has a key that is not a string")
                check_text(k, f"a key in {where}")
                stack.append((item, depth + 1, f"{where}.{k}" if len(where) < 200 and _plain(k) else where))
        elif isinstance(v, (list, tuple)):
            if depth >= max_depth:
                raise ValueError(f"{what} is nested more than {max_depth} levels deep")
            stack.extend((item, depth + 1, where) for item in v)
        elif v is not None and not isinstance(v, (bool, int)):
            raise ValueError(f"{where} holds a {type(v).__name__}, not a JSON value")
    return value


def _plain(key: str) -> bool:
    """Only short plain keys are named in messages (a message never echoes arbitrary input)."""
    return len(key) <= 40 and key.replace("_", "").isalnum() and key.isascii()

