"""The app's subcommands through the real command line."""
from __future__ import annotations

import json


def test_help_lists_the_gui_and_demo_commands(run_cli):
    r = run_cli("--help")
    assert r.returncode == 0
    assert "gui" in r.stdout and "demo" in r.stdout and "demo-build" in r.stdout
    assert "compute-worker" not in r.stdout  # internal


def test_demo_build_makes_users_lists_and_simulator_images(run_cli, tmp_path, shared_data):
    home = tmp_path / "demo"
    r = run_cli("demo-build", "--home", home, "--json", env={"INSPECTOR_TEST_DATA": str(shared_data)}, timeout=300)
    assert r.returncode == 0, r.stderr
    info = json.loads(r.stdout)
    assert set(info["users"]) >= {"inspector1", "supervisor1", "admin1"}
    assert info["lists"]["version"] == 1
    assert (home / "demo" / "camera" / "clean").is_dir()
    assert list((home / "demo" / "fingers" / "105").glob("105_*.tif"))
    # a signed bundle the booth verified and applied, not loose files
    assert (home / "demo" / "demo-lists-v1.bundle").read_bytes()[:8] == b"BIBNDL01"


def test_demo_build_without_the_shared_images_says_what_is_missing(run_cli, tmp_path):
    r = run_cli("demo-build", "--home", tmp_path / "demo", env={"INSPECTOR_TEST_DATA": str(tmp_path / "nowhere")})
    assert r.returncode == 2
    assert "shared test images not found" in r.stderr


def test_demo_without_the_shared_images_says_why_and_exits_2(run_cli, tmp_path):
    r = run_cli("demo", "--home", tmp_path / "demo", env={"INSPECTOR_TEST_DATA": str(tmp_path / "missing"),
                                                         "QT_QPA_PLATFORM": "offscreen"})
    assert r.returncode == 2, r.stderr
    assert "shared test images not found" in r.stderr and "Traceback" not in r.stderr
