"""Screenshots of the real application in a real X window (Xvfb), for the README.

    python build/screenshots.py [--out docs/screenshots] [--keep-raw DIR]

Starts Xvfb, runs the workstation on a fresh demo home with the xcb platform (a real window,
not offscreen rendering), drives it like an inspector and a supervisor (tests/ui/driver.py)
and grabs the X screen with ImageMagick's ``import -window root``: sign-in, examination with a
watchlist hit, decision, supervisor queue; the seal PDF is rendered with ``pdftoppm``. PNGs are
palette-quantised (Pillow) to stay small. As root it installs what it needs with apt-get:
xvfb libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 imagemagick poppler-utils.
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
APT = ["xvfb", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libxkbcommon-x11-0", "libxcb-image0",
       "libxcb-render-util0", "libxcb-shape0", "libxcb-xinerama0", "libxcb-randr0", "libxcb-xfixes0",
       "imagemagick", "poppler-utils", "fonts-ipafont-gothic"]
SIZE = (1600, 1000)


def ensure_tools() -> None:
    missing = [t for t in ("Xvfb", "import", "pdftoppm") if not shutil.which(t)]
    if not missing:
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, stdout=subprocess.DEVNULL)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *APT], check=True, env=env,
                       stdout=subprocess.DEVNULL)
    else:
        raise SystemExit(f"missing {', '.join(missing)}: sudo apt-get install {' '.join(APT)}")


def start_xvfb() -> subprocess.Popen:
    for display in range(91, 120):
        if Path(f"/tmp/.X11-unix/X{display}").exists():
            continue
        proc = subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(50):
            if Path(f"/tmp/.X11-unix/X{display}").exists():
                os.environ["DISPLAY"] = f":{display}"
                return proc
            time.sleep(0.1)
        proc.kill()
    raise SystemExit("could not start Xvfb")


def compress(src: Path, dst: Path, colors: int = 128) -> Path:
    from PIL import Image

    img = Image.open(src).convert("RGB")
    img.quantize(colors=colors, method=Image.Quantize.MEDIANCUT).save(dst, optimize=True)
    return dst


def grab(driver, raw: Path, name: str, out: Path) -> Path:
    driver.pump(400)  # let the window paint
    path = raw / f"{name}.png"
    subprocess.run(["import", "-window", "root", str(path)], check=True)
    return compress(path, out / f"{name}.png")


def run(out: Path, raw: Path) -> list[Path]:
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ.setdefault("LC_ALL", "C.UTF-8")
    from inspector_app.app.demo import start_demo
    from inspector_app.app.launch import build_window, make_app
    from inspector_app.app.widgets.main_window import attach_demo
    from tests.ui.driver import Driver

    make_app()
    shots = []
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "booth"
        services = start_demo(home, hub=False)
        window = build_window(home)
        attach_demo(window, services)
        window.setGeometry(0, 0, *SIZE)
        window.show()
        d = Driver(window, services, timeout_s=120)
        d.pump(800)
        window.login_screen.user.setText("inspector1")
        shots.append(grab(d, raw, "01-login", out))
        d.login("inspector1", "demo-inspector")

        d.present("biometric")
        d.capture_face()
        d.capture_fingers()
        d.decide("landing_permission", "temporary_visitor", "30d")
        checks = window.exam_screen.checks.list
        hit = next(i for i, c in enumerate(window.exam_vm.checks) if c["outcome"] == "hit")
        checks.setCurrentRow(hit)
        shots.append(grab(d, raw, "02-examination-hit", out))
        d.decide("referral", reasons=["Face and fingerprint match a deportee barred from landing"])
        d.save()
        d.next()

        d.present("clean")
        d.capture_face()
        d.capture_fingers()
        d.decide("landing_permission", "temporary_visitor", "90d")
        shots.append(grab(d, raw, "03-decision", out))
        record = d.save()
        pdf = Path(record["seal_path"])
        subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(pdf), str(raw / "seal")], check=True)
        shots.append(compress(raw / "seal.png", out / "05-seal.png", colors=32))
        d.next()

        d.logout()
        d.login("supervisor1", "demo-supervisor")
        d.wait(lambda: len(window.supervisor_vm.queue) > 0, "the review queue")
        window.supervisor_screen.queue.selectRow(0)
        d.wait(lambda: bool(window.supervisor_vm.detail), "the examination detail")
        shots.append(grab(d, raw, "04-supervisor-queue", out))
        window.close()
        services.stop()
        window.backend.close()
    return shots


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    p.add_argument("--keep-raw", type=Path, help="also keep the uncompressed grabs here")
    a = p.parse_args()
    ensure_tools()
    a.out.mkdir(parents=True, exist_ok=True)
    raw = a.keep_raw or Path(tempfile.mkdtemp(prefix="inspector-shots-"))
    raw.mkdir(parents=True, exist_ok=True)
    xvfb = start_xvfb()
    try:
        for shot in run(a.out, raw):
            print(f"{shot} ({shot.stat().st_size // 1024} KB)")
    finally:
        xvfb.terminate()
        if not a.keep_raw:
            shutil.rmtree(raw, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
