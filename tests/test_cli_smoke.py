"""The console script starts and lists every package's subcommands."""
import subprocess
import sys

from inspector_app.cli import build_parser


def test_parser_builds_with_all_packages():
    parser = build_parser()
    assert parser.prog == "inspector-app"


def test_module_entry_point_help():
    out = subprocess.run([sys.executable, "-m", "inspector_app", "--help"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "inspector-app" in out.stdout
