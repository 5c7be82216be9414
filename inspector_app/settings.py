"""Booth settings: one JSON file in the booth's home, read with per-package defaults.

Each package keeps its own defaults next to its code and reads values by dotted key, e.g.
``settings.get("devices.sbi.port_range", [4501, 4600])``; a file only holds what differs.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

FILENAME = "settings.json"


class Settings:
    def __init__(self, home: Path, data: dict | None = None):
        self.home = Path(home)
        self.data: dict = data if data is not None else {}

    @classmethod
    def load(cls, home: Path) -> Settings:
        path = Path(home) / FILENAME
        if not path.exists():
            return cls(home, {})
        try:
            return cls(home, json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            raise ValueError(f"booth settings file {path} is unreadable: {exc}") from exc

    def get(self, key: str, default: Any = None) -> Any:
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    def set(self, key: str, value: Any) -> None:
        node = self.data
        parts = key.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value

    def save(self) -> None:
        """Atomic replace, so a crash never leaves half a settings file."""
        self.home.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.home, prefix=".settings-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(self.data, fh, indent=2, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.home / FILENAME)
