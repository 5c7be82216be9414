"""Frame delivery of the camera pipeline on the simulator source at 640×480.

Runs `inspector_app.devices.camera` over a folder of real face images (looped, letterboxed to
640×480, paced to --fps) with face detection on a downscaled copy every --detect-every frames, and
reports what a subscriber actually received: fps (from the frames' own timestamps), intervals,
how many frames had detection run, found a face, passed the quality gate.

    python benchmarks/camera_fps.py --seconds 10 --fps 30 --json
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def default_images() -> Path:
    data = Path(os.environ.get("INSPECTOR_TEST_DATA", ROOT.parent / "shared" / "data"))
    return data / "faces" / "face_recognition" / "examples"


def run(images: Path, seconds: float, fps: float, detect_every: int, detect_max_side: int) -> dict:
    import numpy as np

    from inspector_app.devices.camera import open_camera

    frames, lock = [], threading.Lock()

    def on_frame(f):
        with lock:
            frames.append((f.timestamp, f.detected, f.face_box is not None and f.detected,
                           bool(f.quality is not None and f.quality.passes)))

    load_before = os.getloadavg()[0]
    cam = open_camera(f"sim:{images}?fps={fps}", detect_every=detect_every, detect_max_side=detect_max_side)
    t0 = time.monotonic()
    cam.start(on_frame)
    startup = time.monotonic() - t0
    time.sleep(seconds)
    cam.stop()
    with lock:
        rows = list(frames)
    ts = np.array([r[0] for r in rows])
    gaps = np.diff(ts) if len(ts) > 1 else np.array([0.0])
    span = ts[-1] - ts[0] if len(ts) > 1 else 0.0
    detected = sum(r[1] for r in rows)
    return {
        "benchmark": "camera_fps",
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "platform": platform.platform(), "python": platform.python_version(), "cpu_count": os.cpu_count(),
        "loadavg_1m_before": round(load_before, 2), "loadavg_1m_after": round(os.getloadavg()[0], 2),
        "source": f"sim:{images} (640x480 letterboxed, {len(list(p for p in images.iterdir() if p.is_file()))} files)",
        "params": {"seconds": seconds, "target_fps": fps, "detect_every": detect_every, "detect_max_side": detect_max_side},
        "startup_s": round(startup, 3),
        "frames_delivered": len(rows),
        "fps_delivered": round((len(rows) - 1) / span, 2) if span else 0.0,
        "interval_ms": {"median": round(float(np.median(gaps)) * 1000, 1), "p95": round(float(np.percentile(gaps, 95)) * 1000, 1),
                        "max": round(float(gaps.max()) * 1000, 1)},
        "detection_rate": round(detected / len(rows), 3) if rows else 0.0,
        "detections_per_s": round(detected / span, 2) if span else 0.0,
        "face_found_rate_on_detected": round(sum(r[2] for r in rows) / detected, 3) if detected else 0.0,
        "quality_pass_rate_on_detected": round(sum(r[3] for r in rows) / detected, 3) if detected else 0.0,
        "errors": cam.stats["errors"],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--images", type=Path, default=default_images(), help="folder of images (default: shared face examples)")
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--fps", type=float, default=30.0, help="simulator pacing; a large value measures the ceiling")
    ap.add_argument("--detect-every", type=int, default=2)
    ap.add_argument("--detect-max-side", type=int, default=480)
    ap.add_argument("--json", action="store_true", help="print JSON only")
    args = ap.parse_args()
    if not args.images.is_dir():
        print(f"images folder {args.images} not found (set INSPECTOR_TEST_DATA)", file=sys.stderr)
        return 2
    result = run(args.images, args.seconds, args.fps, args.detect_every, args.detect_max_side)
    if args.json:
        print(json.dumps(result))
    else:
        print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
