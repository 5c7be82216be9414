"""Pieces shared by the benchmark scripts (run as `python benchmarks/X.py`, so this folder is on sys.path)."""
from __future__ import annotations

import subprocess
from pathlib import Path


def code_commit() -> str | None:
    """The commit measured, when run from a git checkout."""
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=Path(__file__).resolve().parent,
                             capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None
