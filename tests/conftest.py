"""Shared fixtures: the shared test data, a throwaway booth home, Qt offscreen."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]


def shared_data_dir() -> Path:
    return Path(os.environ.get("INSPECTOR_TEST_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    d = shared_data_dir()
    if not d.is_dir():
        pytest.skip(f"shared test data not found at {d} (set INSPECTOR_TEST_DATA)")
    return d


@pytest.fixture
def booth_home(tmp_path: Path, monkeypatch) -> Path:
    home = tmp_path / "booth"
    home.mkdir()
    monkeypatch.setenv("INSPECTOR_HOME", str(home))
    return home
