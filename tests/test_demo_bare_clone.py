"""The demo runs from a bare clone: the package's tracked files copied where nothing lies beside
them, ``INSPECTOR_TEST_DATA`` pointing nowhere, and an audit hook in the child process that
refuses (and reports) any file opened or folder listed under the shared test data or the real
checkout. There `demo-build` makes the demo home, demo users sign in with the passwords in
demo_data/users.csv, and after a first sync with the demo's own hub they still do. (This is also
the test of the `demo-build` command.)"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import ROOT, shared_data_dir

pytestmark = pytest.mark.timeout(300)

CHILD = textwrap.dedent('''
    import csv, json, os, sys
    from pathlib import Path

    hidden = [os.path.abspath(p) for p in json.loads(sys.argv[1])]
    clone, home = Path(sys.argv[2]), Path(sys.argv[3])
    touched = []

    def refuse_hidden(event, args):
        if event not in ("open", "os.listdir", "os.scandir") or not args or isinstance(args[0], int) or args[0] is None:
            return
        path = os.path.abspath(os.fsdecode(args[0]))
        if any(path == h or path.startswith(h + os.sep) for h in hidden):
            touched.append(path)
            raise PermissionError(f"hidden from the bare clone: {path}")

    sys.addaudithook(refuse_hidden)

    import inspector_app
    assert Path(inspector_app.__file__).resolve().is_relative_to(clone.resolve()), inspector_app.__file__
    import contextlib, io
    from inspector_app.app.demo import DemoServices
    from inspector_app.booth.context import BoothContext
    from inspector_app.cli import main
    from inspector_app.sync.client import SyncClient

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        rc = main(["demo-build", "--home", str(home), "--json"])
    out = {"demo_build": rc, "built": json.loads(printed.getvalue())}
    with open(clone / "inspector_app" / "app" / "demo_data" / "users.csv", newline="", encoding="utf-8") as fh:
        passwords = {r["user"]: r["password"] for r in csv.DictReader(fh)}
    ctx = BoothContext(home)

    def sign_in(*users):
        return {u: (ctx.login(u, passwords[u]) or {}).get("roles") for u in users}

    out["before_sync"] = sign_in("inspector1")
    out["wrong_password"] = ctx.login("inspector1", "not-the-password")
    services = DemoServices(home)
    try:
        services.start_hub()
        client = SyncClient.from_home(home, ctx.store(), port=ctx.port)
        try:
            client.pull_once()
            out["users_refused"] = client.state.last_users_refusal
        finally:
            client.close()
        out["hub_users"] = sorted(u["user"] for u in services.hub.db.user_list(ctx.port)["list"]["users"])
        out["booth_users_version"] = ctx.store().users_version()
        out["after_sync"] = sign_in("inspector1", "supervisor1")
    finally:
        services.stop()
        ctx.close()
    out["touched"] = touched
    print(json.dumps(out))
''')


def test_the_demo_builds_and_a_demo_user_signs_in_with_the_shared_data_hidden(tmp_path):
    files = subprocess.run(["git", "ls-files", "-z", "inspector_app"], cwd=ROOT, capture_output=True, check=True)
    clone = tmp_path / "clone"  # nothing beside it: tmp_path holds no shared/
    for name in files.stdout.decode().split("\0"):
        if name:
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            (clone / name).write_bytes((ROOT / name).read_bytes())
    assert not (clone.parent / "shared").exists()
    hidden = [str(ROOT.parent / "shared"), str(shared_data_dir()), str(ROOT / "inspector_app"), str(ROOT / "tests")]
    env = {k: v for k, v in os.environ.items() if k not in ("INSPECTOR_HOME", "PYTHONPATH")}
    env.update(INSPECTOR_TEST_DATA=str(tmp_path / "no-shared-data"), HOME=str(tmp_path / "user"),
               PYTHONPATH=str(clone))
    (tmp_path / "user").mkdir()
    run = subprocess.run([sys.executable, "-c", CHILD, json.dumps(hidden), str(clone), str(tmp_path / "home")],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=280)
    assert run.returncode == 0, run.stderr[-3000:]
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert out["touched"] == []
    assert out["demo_build"] == 0
    built, home = out["built"], tmp_path / "home"
    assert set(built["travellers"]) == {"clean", "lost_passport", "watchlist_name", "biometric", "child", "taiwan"}
    assert set(built["users"]) == {"inspector1", "inspector2", "supervisor1", "supervisor2", "admin1"}
    assert built["lists"]["version"] == 1
    # a signed bundle the booth verified and applied, not loose files
    assert (home / "demo" / "demo-lists-v1.bundle").read_bytes()[:8] == b"BIBNDL01"
    assert [p.name for p in (home / "demo" / "camera" / "clean").iterdir()] == ["clean.jpg"]
    assert sorted(p.name for p in (home / "demo" / "fingers" / "105").iterdir()) == [f"105_{n}.tif" for n in (2, 3, 4, 5)]
    assert out["before_sync"] == {"inspector1": ["inspector"]}
    assert out["wrong_password"] is None
    # the demo hub holds the demo users, so its first sync cannot leave the booth without them
    assert out["hub_users"] == ["admin1", "inspector1", "inspector2", "supervisor1", "supervisor2"]
    assert out["users_refused"] is None and out["booth_users_version"] >= 1
    assert out["after_sync"] == {"inspector1": ["inspector"], "supervisor1": ["supervisor"]}


@pytest.mark.parametrize("mode, env, rc, says", [
    ("demo", {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}, 1, "there is no display"),
    ("nonsense", {}, 2, "usage: bash build/setup.sh"),
])
def test_setup_stops_before_installing_when_the_mode_cannot_work(tmp_path, mode, env, rc, says):
    venv = tmp_path / "venv"
    run = subprocess.run(["bash", str(ROOT / "build" / "setup.sh"), mode], capture_output=True, text=True, timeout=60,
                         env={**os.environ, **env, "INSPECTOR_VENV": str(venv)})
    assert (run.returncode, says in run.stderr) == (rc, True), run.stderr
    assert not venv.exists()  # nothing installed
