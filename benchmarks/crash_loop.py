"""Crash-safety benchmark: SIGKILL a process that records decisions, N times; check after each.

    python benchmarks/crash_loop.py --kills 500 --json > benchmarks/results/crash_loop.json

Each kill: a child opens the booth store and records examination + check (+ review) + decision
in a loop, printing each decision id after ``record_decision`` returns; the parent kills it with
SIGKILL after a random delay (seeded), then checks that no name is in the files, that the store
opens, ``PRAGMA integrity_check`` is ok, the audit chain verifies and every reported decision is
present and complete. Exit 1 when any check failed.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import crashloop  # noqa: E402 - beside this script (benchmarks/ is on sys.path)
from _common import code_commit  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--max-delay", type=float, default=0.4, help="longest wait before a kill (s)")
    parser.add_argument("--home", type=Path, help="booth directory (default: a temporary one)")
    parser.add_argument("--json", action="store_true", help="print only the JSON result")
    args = parser.parse_args()

    def progress(k, delay, saved, problems):
        if not args.json or problems:
            print(f"kill {k + 1}/{args.kills}: after {delay:.3f}s, {saved} reported"
                  + (f" PROBLEMS {problems}" if problems else ""), file=sys.stderr)

    with tempfile.TemporaryDirectory() as tmp:
        home = args.home or Path(tmp) / "booth"
        summary = crashloop.run(home, kills=args.kills, seed=args.seed, max_delay_s=args.max_delay, on_kill=progress)
    import sqlcipher3

    result = {
        "benchmark": "crash_loop",
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": {"platform": platform.platform(), "python": platform.python_version(),
                    "cpu_count": os.cpu_count(), "sqlcipher_sqlite": sqlcipher3.sqlite_version},
        "code_commit": code_commit(),
        "command": "python benchmarks/crash_loop.py " + " ".join(sys.argv[1:]),
        **summary,
    }
    print(json.dumps(result, indent=2))
    return 0 if summary["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
