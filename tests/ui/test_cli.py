"""The app's subcommands through the real command line."""
from __future__ import annotations


def test_help_lists_the_gui_and_demo_commands(run_cli):
    r = run_cli("--help")
    assert r.returncode == 0
    assert "gui" in r.stdout and "demo" in r.stdout and "demo-build" in r.stdout
    assert "compute-worker" not in r.stdout  # internal


# `demo-build` and what it makes: tests/test_demo_bare_clone.py (it needs no test data any more)
