"""The PyInstaller one-folder bundle really works: models, native fingerprint libs and Qt inside.

Building takes about 3 minutes, so this runs only with INSPECTOR_TEST_BUNDLE=1, which `.ci/run`
sets (CI builds and checks the bundle on every run; a plain `pytest` run locally does not).
INSPECTOR_BUNDLE_DIR=<dist>/inspector-app reuses an existing bundle instead of building one.
`build/setup.sh test` starts the build beside the test run and names its folder in
INSPECTOR_BUNDLE_BUILD (``build.log``, then ``status`` with bundle.sh's exit status when it ends);
these tests run last (tests/conftest.py) and wait for it. Either way the bundle is built from the
committed forms and translations (BUNDLE_COMPILE=0: the checkout is not rewritten under the tests).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TD3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(1800),  # the first test also waits for the build
    pytest.mark.skipif(os.environ.get("INSPECTOR_TEST_BUNDLE") != "1",
                       reason="builds the PyInstaller bundle (~3 min): set INSPECTOR_TEST_BUNDLE=1"),
]


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Path:
    """Path of the bundled executable, built into a temporary folder unless one is given."""
    given = os.environ.get("INSPECTOR_BUNDLE_DIR")
    started = os.environ.get("INSPECTOR_BUNDLE_BUILD")
    if given:
        exe = Path(given) / "inspector-app"
    elif started:
        out = Path(started)
        _wait_for_build(out, timeout_s=1500)
        exe = out / "dist" / "inspector-app" / "inspector-app"
    else:
        out = tmp_path_factory.mktemp("bundle")
        env = dict(os.environ, PYTHON=sys.executable, BUNDLE_OUT=str(out), BUNDLE_COMPILE="0")
        built = subprocess.run(["bash", str(ROOT / "build" / "bundle.sh")], env=env,
                               capture_output=True, text=True, timeout=1500)
        assert built.returncode == 0, f"build/bundle.sh failed ({built.returncode}):\n{built.stderr[-3000:]}"
        exe = out / "dist" / "inspector-app" / "inspector-app"
    assert exe.is_file(), f"no bundled executable at {exe}"
    return exe


def _wait_for_build(out: Path, timeout_s: float) -> None:
    """Until the build started by build/setup.sh writes its exit status; fail with its log unless 0."""
    status, log = out / "status", out / "build.log"
    deadline = time.monotonic() + timeout_s
    while not status.exists():
        if time.monotonic() > deadline:
            tail = log.read_text(errors="replace")[-3000:] if log.exists() else "(no build.log)"
            pytest.fail(f"the bundle build in {out} did not finish within {timeout_s:.0f} s:\n{tail}")
        time.sleep(1)
    code = status.read_text().strip()
    if code != "0":
        tail = log.read_text(errors="replace")[-3000:] if log.exists() else "(no build.log)"
        pytest.fail(f"build/bundle.sh failed (exit status {code}):\n{tail}")


@pytest.fixture
def run(app: Path, tmp_path: Path, shared_data: Path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LC_ALL="C.UTF-8",
               INSPECTOR_HOME=str(tmp_path / "home"), INSPECTOR_TEST_DATA=str(shared_data))

    def _run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run([str(app), *args], env=env, capture_output=True, text=True,
                              timeout=timeout, cwd=tmp_path)
    return _run


def _json(proc: subprocess.CompletedProcess):
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)


def test_help_lists_the_subcommands(run):
    out = run("--help")
    assert out.returncode == 0, out.stderr
    for command in ("mrz", "face", "finger", "rules", "demo"):
        assert command in out.stdout


def test_mrz_parse(run):
    parsed = _json(run("mrz", "parse", "--json", *TD3))
    assert parsed["format"] == "TD3" and parsed["document_number"] == "L898902C3"
    assert all(parsed["checks"].values())


def test_face_models_are_bundled(run, shared_data):
    images = shared_data / "faces" / "face_recognition" / "tests" / "test_images"
    same = _json(run("face", "compare", str(images / "obama.jpg"), str(images / "obama2.jpg"), "--json"))
    other = _json(run("face", "compare", str(images / "obama.jpg"), str(images / "biden.jpg"), "--json"))
    assert same["match"] is True and other["match"] is False
    assert same["distance"] < other["distance"]


def test_native_fingerprint_libs_are_bundled(run, shared_data):
    db = shared_data / "fingerprints" / "fvc2002" / "DB1_B"
    mate = _json(run("finger", "compare", str(db / "101_1.tif"), str(db / "101_2.tif"), "--json"))
    other = _json(run("finger", "compare", str(db / "101_1.tif"), str(db / "102_1.tif"), "--json"))
    assert mate["score"] > other["score"]
    wsq = shared_data / "fingerprints" / "sourceafis" / "wsq-original.wsq"
    assert _json(run("finger", "compare", str(wsq), str(wsq), "--json"))["match"] is True


def test_rules_statuses(run):
    codes = {s["code"] for s in _json(run("rules", "statuses", "--json"))}
    assert {"diplomat", "official"} <= codes


def test_demo_stays_up_offscreen(app, tmp_path):
    # the bundle carries the demo's photos: no test data is pointed at
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LC_ALL="C.UTF-8",
               INSPECTOR_HOME=str(tmp_path / "home"), INSPECTOR_TEST_DATA=str(tmp_path / "no-test-data"))
    proc = subprocess.Popen([str(app), "demo"], env=env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        out, _ = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.terminate()
        out, _ = proc.communicate(timeout=30)
        assert "Traceback" not in out, out[-3000:]
        return
    pytest.fail(f"demo exited with {proc.returncode} within 20 s:\n{out[-3000:]}")
