"""Screenshots of the real application in a real X window, for the README: every screen in
English and in Japanese at 1366×768.

    python build/screenshots.py [--out docs/screenshots] [--keep-raw DIR] [--languages en ja]

Starts Xvfb (1366×768) with the openbox window manager, runs the workstation on a fresh demo home
with the xcb platform (a real framed window, not offscreen rendering), drives it like an
inspector and a supervisor (tests/ui/driver.py) and grabs the X screen with ImageMagick's
``import -window root``. For each language: sign-in, the empty examination, a face and
fingerprint hit with its evidence, a clean traveller decided and saved, the lock screen, the F1
shortcut list, the supervisor's queue with an examination open; once: the seal PDF (``pdftoppm``).
Files are ``NN-<screen>-<language>.png``, palette-quantised (Pillow) to stay small. As root it
installs what it needs with apt-get (the APT list below); otherwise it names the missing tools.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
APT = ["xvfb", "openbox", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libxkbcommon-x11-0",
       "libxcb-image0", "libxcb-render-util0", "libxcb-shape0", "libxcb-xinerama0", "libxcb-randr0",
       "libxcb-xfixes0", "imagemagick", "poppler-utils", "fonts-ipafont-gothic"]
SIZE = (1366, 768)
TOOLS = ("Xvfb", "openbox", "import", "pdftoppm")


def ensure_tools() -> None:
    missing = [t for t in TOOLS if not shutil.which(t)]
    if not missing:
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, stdout=subprocess.DEVNULL)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *APT], check=True, env=env,
                       stdout=subprocess.DEVNULL)
    else:
        raise SystemExit(f"missing {', '.join(missing)}: sudo apt-get install {' '.join(APT)}")


def start_x() -> list[subprocess.Popen]:
    """Xvfb on a free display, and openbox on it so the window has a frame as on a booth."""
    for display in range(91, 140):
        if Path(f"/tmp/.X11-unix/X{display}").exists() or Path(f"/tmp/.X{display}-lock").exists():
            continue
        proc = subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and proc.poll() is None:
            if Path(f"/tmp/.X11-unix/X{display}").exists():
                os.environ["DISPLAY"] = f":{display}"
                wm = subprocess.Popen(["openbox"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                return [proc, wm]
            time.sleep(0.1)
        proc.kill()
        proc.wait()
    raise SystemExit("could not start Xvfb")


def compress(src: Path, dst: Path, colors: int = 128) -> Path:
    from PIL import Image

    img = Image.open(src).convert("RGB")
    img.quantize(colors=colors, method=Image.Quantize.MEDIANCUT).save(dst, optimize=True)
    return dst


def grab(driver, raw: Path, name: str, out: Path) -> Path:
    from PySide6.QtWidgets import QApplication

    driver.idle()
    for _ in range(3):  # let the window (and the window manager) paint
        QApplication.processEvents()
        driver.pump(300)
    path = raw / f"{name}.png"
    subprocess.run(["import", "-window", "root", str(path)], check=True)
    return compress(path, out / f"{name}.png")


def shoot_language(window, d, lang: str, raw: Path, out: Path, seal: bool) -> list[Path]:
    from inspector_app.app.widgets.main_window import ShortcutsDialog

    shots = []

    def grab_as(n: int, screen: str) -> None:
        shots.append(grab(d, raw, f"{n:02d}-{screen}-{lang}", out))

    if not window.languages.set_language(lang):
        raise SystemExit(f"no {lang} translation: run python build/compile_resources.py")
    d.pump(300)
    window.login_screen.user.setText("inspector1")
    window.login_screen.password.clear()
    window.login_screen.user.setFocus()
    grab_as(1, "login")
    d.login("inspector1", "demo-inspector")
    d.wait(lambda: window.stack.currentWidget() is window.exam_screen, "the examination screen")
    grab_as(2, "examination-empty")

    d.present("biometric")
    d.capture_face()
    d.capture_fingers()
    checks = window.exam_screen.checks.list
    hit = next(i for i, c in enumerate(window.exam_vm.checks) if c["outcome"] == "hit")
    checks.setCurrentRow(hit)
    checks.setFocus()
    grab_as(3, "hit-evidence")
    d.decide("referral", reasons=["Face and fingerprint match a deportee barred from landing"])
    d.save()
    d.next()

    d.present("clean")
    d.capture_face()
    d.capture_fingers()
    d.decide("landing_permission", "temporary_visitor", "90d")
    record = d.save()
    grab_as(4, "clean-traveller-decided")
    if seal and record.get("seal_path"):
        pdf = Path(record["seal_path"])
        subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(pdf), str(raw / "seal")], check=True)
        shots.append(compress(raw / "seal.png", out / "08-seal.png", colors=32))

    window.session.lock()
    d.wait(lambda: window.stack.currentWidget() is window.lock_screen, "the lock screen")
    grab_as(5, "lock")
    window.session.unlock("demo-inspector")
    d.wait(lambda: not window.session.locked, "unlock")

    dialog = ShortcutsDialog(window)
    dialog.show()
    grab_as(6, "shortcuts")
    dialog.close()
    d.next()

    d.logout()
    d.login("supervisor1", "demo-supervisor")
    d.wait(lambda: len(window.supervisor_vm.queue) > 0, "the review queue")
    window.supervisor_screen.queue.selectRow(0)
    d.wait(lambda: bool(window.supervisor_vm.detail), "the examination detail")
    grab_as(7, "supervisor-queue")
    d.logout()
    return shots


def run(out: Path, raw: Path, languages: list[str]) -> list[Path]:
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ.setdefault("LC_ALL", "C.UTF-8")
    os.environ.pop("QT_SCALE_FACTOR", None)
    from inspector_app.app.demo import start_demo
    from inspector_app.app.launch import build_window, make_app
    from inspector_app.app.widgets.main_window import attach_demo
    from tests.ui.driver import Driver

    make_app()
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "booth"
        services = start_demo(home, hub=False)
        window = build_window(home)
        attach_demo(window, services)
        window.show()
        d = Driver(window, services, timeout_s=180)
        d.wait(lambda: window.isVisible() and getattr(window, "_fitted", False), "the window on screen")
        d.pump(1000)  # the window manager frames it; the window fits itself to the screen
        try:
            for i, lang in enumerate(languages):
                shots += shoot_language(window, d, lang, raw, out, seal=i == 0)
        finally:
            window.languages.set_language("en")
            window.close()
            services.stop()
            window.backend.close()
    return shots


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    p.add_argument("--keep-raw", type=Path, help="also keep the uncompressed grabs here")
    p.add_argument("--languages", nargs="+", default=["en", "ja"], choices=["en", "ja"])
    a = p.parse_args()
    ensure_tools()
    a.out.mkdir(parents=True, exist_ok=True)
    raw = a.keep_raw or Path(tempfile.mkdtemp(prefix="inspector-shots-"))
    raw.mkdir(parents=True, exist_ok=True)
    procs = start_x()
    try:
        for shot in run(a.out, raw, a.languages):
            print(f"{shot} ({shot.stat().st_size // 1024} KB)")
    finally:
        for proc in reversed(procs):
            proc.terminate()
            proc.wait()
        if not a.keep_raw:
            shutil.rmtree(raw, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
