"""Store latency benchmark: how long the booth waits for "saved", and for an audit check.

    python benchmarks/store_ops.py --decisions 500 --json > benchmarks/results/store_ops.json

Times (wall clock, one thread) for opening the encrypted store, creating an examination, adding
a check result, and ``record_decision`` (durable: synchronous=FULL, decision + audit + outbox in
one transaction), then ``verify_audit`` over the whole chain and ``PRAGMA integrity_check``.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import code_commit  # noqa: E402
from crashloop import EXAM_DATE, OTHER_CHECKS, mrz_lines  # noqa: E402

from inspector_app.store import open_store  # noqa: E402
from inspector_app.store.keys import FileKeyProvider  # noqa: E402


def stats_ms(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {
        "n": len(samples),
        "median_ms": round(statistics.median(ordered) * 1000, 3),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000, 3),
        "max_ms": round(ordered[-1] * 1000, 3),
    }


def timed(fn, *args, **kw):
    t = time.perf_counter()
    value = fn(*args, **kw)
    return value, time.perf_counter() - t


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decisions", type=int, default=300)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    times = {"create_examination": [], "add_check_result": [], "record_decision": []}
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "booth"
        provider = FileKeyProvider(home / "booth.key")
        store, t_create = timed(open_store, home, key_provider=provider)
        for i in range(args.decisions):
            exam, t = timed(store.create_examination, {
                "inspector": "insp-bench", "booth": "B1", "port": "NRT", "examination_date": EXAM_DATE,
                "traveller": {"surname": f"BENCH{i}", "given_names": "TARO", "nationality": "GBR"},
                "mrz": {"lines": mrz_lines(f"BN{i:07d}")}})
            times["create_examination"].append(t)
            _, t = timed(store.add_check_result, exam, {"kind": "biographic", "outcome": "clear", "score": 0.0,
                                                        "coverage": {"state": "no_match", "reason": None}})
            times["add_check_result"].append(t)
            for check in OTHER_CHECKS:  # what a landing needs recorded (store rules), not timed
                store.add_check_result(exam, dict(check))
            _, t = timed(store.record_decision, exam,
                         {"type": "landing_permission", "status_code": "temporary_visitor", "period": "90d",
                          "landing_date": EXAM_DATE}, "insp-bench")
            times["record_decision"].append(t)
        report, t_verify = timed(store.verify_audit)
        integrity, t_integrity = timed(store.integrity_check)
        store.close()
        _, t_reopen = timed(lambda: open_store(home, key_provider=provider).close())
        db_bytes = (home / "booth.db").stat().st_size
    result = {
        "benchmark": "store_ops",
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": {"platform": platform.platform(), "python": platform.python_version(), "cpu_count": os.cpu_count()},
        "code_commit": code_commit(),
        "command": "python benchmarks/store_ops.py " + " ".join(sys.argv[1:]),
        "decisions": args.decisions,
        "open_new_store_ms": round(t_create * 1000, 2),
        "reopen_store_ms": round(t_reopen * 1000, 2),
        **{k: stats_ms(v) for k, v in times.items()},
        "verify_audit": {"entries": report["entries"], "ok": report["ok"], "ms": round(t_verify * 1000, 2)},
        "integrity_check": {"result": integrity, "ms": round(t_integrity * 1000, 2)},
        "db_bytes": db_bytes,
    }
    print(json.dumps(result, indent=2))
    return 0 if report["ok"] and integrity == ["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
