"""The console script starts, every command says what it does, and the parser stays light."""
import argparse
import json
import subprocess
import sys
from pathlib import Path

from inspector_app.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
# Commands left out of `--help` on purpose; each still needs a description.
HIDDEN = {"compute-worker"}  # the Qt app's matching child process (app/compute.py)


def test_parser_builds_with_all_packages():
    parser = build_parser()
    assert parser.prog == "inspector-app"


def test_module_entry_point_help():
    out = subprocess.run([sys.executable, "-m", "inspector_app", "--help"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "inspector-app" in out.stdout


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    """(path, parser, help) of every command and subcommand, depth first."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help for a in action._choices_actions}
            for name, sub in action.choices.items():
                yield path + (name,), sub, helps.get(name)
                yield from _commands(sub, path + (name,))


def test_every_command_and_subcommand_has_help():
    found = list(_commands(build_parser()))
    assert len(found) > 30  # the walk reaches nested groups (e.g. `bundle create`, `hub serve`)
    missing = [" ".join(p) for p, sub, help in found if not (help or "").strip() and p[-1] not in HIDDEN]
    assert not missing, f"commands without help text: {missing}"
    undescribed = [" ".join(p) for p, sub, help in found if p[-1] in HIDDEN and not (sub.description or "").strip()]
    assert not undescribed, f"hidden commands without a description: {undescribed}"
    listed = subprocess.run([sys.executable, "-m", "inspector_app", "--help"], capture_output=True, text=True,
                            timeout=60).stdout
    assert not any(h in listed for h in HIDDEN)


def test_compute_worker_stays_reachable():
    args = build_parser().parse_args(["compute-worker"])
    assert args.command == "compute-worker" and callable(args.handler)


def test_building_the_parser_loads_no_heavy_module():
    code = ("import json, sys\nfrom inspector_app.cli import build_parser\nbuild_parser()\n"
            "print(json.dumps(sorted(sys.modules)))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    loaded = {m.split(".")[0] for m in json.loads(out.stdout)}
    assert not loaded & {"PySide6", "cv2", "dlib", "face_recognition", "faiss", "numpy", "httpx", "fastapi"}


def test_demo_with_a_machine_secret_others_can_read_says_what_to_do(tmp_path):
    """A bad secret file before the window opens: one line naming the file and the fix, no traceback."""
    import os

    secret = tmp_path / "secret"
    secret.write_text("x" * 44)
    secret.chmod(0o644)
    env = dict(os.environ, INSPECTOR_MACHINE_SECRET=str(secret), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-m", "inspector_app", "demo", "--home", str(tmp_path / "home")],
                         capture_output=True, text=True, timeout=300, env=env, cwd=ROOT)
    assert out.returncode != 0
    assert "Traceback" not in out.stderr, out.stderr[-2000:]
    assert f"chmod 600 {secret}" in out.stderr
