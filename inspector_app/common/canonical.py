"""Canonical JSON: one text per value, so that hashes and signatures are reproducible.

Used for the store's records and audit chain, the hub's content hashes and outbox files, list
bundle headers and seal payloads. Sorted keys, no whitespace, UTF-8 characters kept.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import enum
import json
from pathlib import PurePath
from typing import Any


def _default(obj: Any) -> Any:
    if isinstance(obj, (_dt.datetime, _dt.date, _dt.time)):
        return obj.isoformat()
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, PurePath):
        return str(obj)
    if isinstance(obj, (set, frozenset)):
        return sorted(obj, key=str)
    if hasattr(obj, "to_dict"):
        return obj.to_dict()
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.asdict(obj)
    if hasattr(obj, "tolist"):  # numpy scalars and arrays
        return obj.tolist()
    raise TypeError(f"value of type {type(obj).__name__} cannot be stored as JSON")


def to_json(obj: Any) -> str:
    """Canonical JSON text: sorted keys, no whitespace, UTF-8 characters kept."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_default)


def normalise(obj: Any) -> Any:
    """The plain JSON value of ``obj`` (dates become ISO strings, enums their values)."""
    return json.loads(to_json(obj))
