"""Files the application loads at run time (stylesheet, compiled translations)."""
from __future__ import annotations

from pathlib import Path

ASSETS = Path(__file__).resolve().parent / "assets"


def stylesheet() -> str:
    path = ASSETS / "inspector.qss"
    return path.read_text(encoding="utf-8") if path.exists() else ""
