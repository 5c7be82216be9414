"""MOSIP SBI client against the simulator over loopback HTTP: scan, capture and fault latencies.

Starts a simulator (real FVC2002 DB1_B images) on a free port in 4501-4600 and measures:
- the full discovery scan of 4501-4600 (concurrent, short connect timeouts);
- RCAPTURE of both index fingers, JWS + hash chain verified (client-side wall time);
- how long each injected fault takes to become a clear error (busy, no_biometric, drop, and
  timeout with --timeout-ms).

    python benchmarks/sbi_capture.py --scans 20 --captures 30 --json
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import socket
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def default_images() -> Path:
    data = Path(os.environ.get("INSPECTOR_TEST_DATA", ROOT.parent / "shared" / "data"))
    return data / "fingerprints" / "fvc2002" / "DB1_B"


def free_port() -> int:
    for port in range(4501, 4601):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
                return port
            except OSError:
                continue
    raise SystemExit("no free port in 4501-4600")


def summary(values: list[float]) -> dict:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
    return {"n": len(values), "median_ms": round(statistics.median(values) * 1000, 1),
            "p95_ms": round(p95 * 1000, 1), "max_ms": round(values[-1] * 1000, 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--images", type=Path, default=default_images())
    ap.add_argument("--scans", type=int, default=20)
    ap.add_argument("--captures", type=int, default=30)
    ap.add_argument("--timeout-ms", type=int, default=1000, help="capture timeout used for the timeout fault")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not args.images.is_dir():
        print(f"images folder {args.images} not found (set INSPECTOR_TEST_DATA)", file=sys.stderr)
        return 2

    from inspector_app.devices import sbi
    from inspector_app.devices.sbi_simulator import serve

    sim = serve(free_port(), args.images, hang_s=args.timeout_ms / 1000 + 5)
    try:
        client = sbi.SbiClient(trusted_key=sim.cert_pem)
        scans, found = [], 0
        for _ in range(args.scans):
            t = time.perf_counter()
            devices = client.discover("Finger")
            scans.append(time.perf_counter() - t)
            found = sum(1 for d in devices if d.port == sim.port)
        captures, prev = [], ""
        for _ in range(args.captures):
            t = time.perf_counter()
            result = client.capture(sim.port, ["Left IndexFinger", "Right IndexFinger"], previous_hash=prev)
            captures.append(time.perf_counter() - t)
            prev = result.last_hash
        faults = {}
        for fault, expected in [("busy", sbi.SbiBusy), ("no_biometric", sbi.SbiNoBiometric),
                                ("drop", sbi.SbiConnectionError), ("timeout", sbi.SbiTimeout)]:
            sim.config.inject, sim.config.inject_times = fault, 1
            t = time.perf_counter()
            try:
                client.capture(sim.port, ["Left IndexFinger"], timeout_ms=args.timeout_ms)
                outcome = "no error (unexpected)"
            except sbi.SbiError as exc:
                outcome = type(exc).__name__ + ("" if isinstance(exc, expected) else " (unexpected type)")
            elapsed = time.perf_counter() - t
            after = client.capture(sim.port, ["Left IndexFinger"])  # the next capture still works
            faults[fault] = {"outcome": outcome, "elapsed_ms": round(elapsed * 1000, 1),
                             "next_capture_ok": len(after.items) == 1}
    finally:
        sim.stop()
    result = {
        "benchmark": "sbi_capture",
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "platform": platform.platform(), "python": platform.python_version(), "cpu_count": os.cpu_count(),
        "loadavg_1m": round(os.getloadavg()[0], 2),
        "images": str(args.images), "params": {"scans": args.scans, "captures": args.captures, "timeout_ms": args.timeout_ms},
        "discovery_full_range_4501_4600": {**summary(scans), "simulator_found": bool(found)},
        "capture_two_index_fingers_verified": summary(captures),
        "faults": faults,
    }
    print(json.dumps(result) if args.json else json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
