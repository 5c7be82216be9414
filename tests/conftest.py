"""Shared fixtures: the shared test data, a throwaway booth home, Qt offscreen."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the developer's OS keyring: booth database keys go to a 0600 file in the test
# home (session fixtures included). Tests of the keyring path unset this and use an in-memory backend.
os.environ["INSPECTOR_KEY_PROVIDER"] = "file"

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


@pytest.fixture
def run_cli():
    """Run `python -m inspector_app ARGS` from this checkout (not whatever is installed)."""
    import subprocess
    import sys

    def run(*args: str, input: str | None = None, timeout: float = 120, env: dict | None = None):
        full_env = dict(os.environ)
        full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
        if env:
            full_env.update(env)
        return subprocess.run(
            [sys.executable, "-m", "inspector_app", *map(str, args)],
            input=input, capture_output=True, text=True, timeout=timeout, env=full_env, cwd=str(ROOT),
        )

    return run


@pytest.fixture
def cli(capsys, monkeypatch):
    """`inspector-app ARGS` in this process (same parser and handlers as the console script,
    without paying interpreter start-up per call); `run_cli` remains for true subprocess runs."""
    import io
    import sys
    from types import SimpleNamespace

    from inspector_app.cli import main

    def run(*args, input: str | None = None):
        monkeypatch.setattr(sys, "stdin", io.StringIO(input or ""))
        capsys.readouterr()
        rc = main([str(a) for a in args])
        out = capsys.readouterr()
        return SimpleNamespace(returncode=rc, stdout=out.out, stderr=out.err)

    return run


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory, shared_data) -> Path:
    """The demo booth home, built once per test session; tests copy it (tests/ui, tests/booth)."""
    os.environ.setdefault("INSPECTOR_TEST_DATA", str(shared_data))
    from inspector_app.app.demo import build_demo_home

    home = tmp_path_factory.mktemp("demo-template") / "home"
    build_demo_home(home)
    return home
