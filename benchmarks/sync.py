#!/usr/bin/env python3
"""Push N examination records from a booth to a hub over loopback HTTPS; report records/s.

The hub runs as its own process (`inspector-app hub serve`), as in production, set up as an
operator does (`hub init`, `hub register-booth --port --public-key`), on SQLite by default or on
any `--db postgresql://...`. The booth side is the real SyncClient (pinned hub trust, the booth's
signing key) over an in-memory outbox with the Store's contract, so what is measured is the push
protocol and the hub's ingest (TLS, JSON, validation, record signatures, idempotency check,
durable commit, signed receipt), not the booth's disk.

    python benchmarks/sync.py --records 100000 --json [--out benchmarks/results/sync.json]
    python benchmarks/sync.py --records 100000 --postgres --json --out benchmarks/results/sync-postgres.json
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _common import TempPostgres, free_port  # noqa: E402


class MemoryOutbox:
    """The Store's outbox contract (outbox_pending/ack/count) in memory."""

    def __init__(self, n: int):
        self.rows = {}
        for i in range(n):
            rid = str(uuid.uuid4())
            self.rows[rid] = {"seq": i + 1, "record_id": rid, "kind": "decision", "created_at": "2026-11-22T05:00:00Z",
                              "payload": {"examination_id": str(uuid.uuid4()), "booth": "bench-1", "port": "NRT",
                                          "inspector": "tanaka", "decision": {"type": "landing_permission",
                                          "status_code": "TV", "period": "90d", "landing_date": "2026-11-22"},
                                          "traveller": {"surname": "ERIKSSON", "given_names": "ANNA MARIA",
                                                        "nationality": "SWE", "birth_date": "1990-01-01",
                                                        "document_number": f"L{i:08d}"},
                                          "checks": [{"kind": "sltd", "outcome": "clear"},
                                                     {"kind": "biographic", "outcome": "clear"}]}}
        self.order = list(self.rows)
        self.pos = 0

    def outbox_pending(self, limit=500):
        out = []
        while self.pos < len(self.order) and self.order[self.pos] not in self.rows:
            self.pos += 1
        for rid in self.order[self.pos:]:
            if rid in self.rows:
                out.append(self.rows[rid])
                if len(out) == limit:
                    break
        return out

    def outbox_ack(self, ids):
        for rid in ids:
            self.rows.pop(rid, None)

    def outbox_count(self):
        return len(self.rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--db", help="hub database URL (default: a fresh SQLite file in a temp dir)")
    ap.add_argument("--postgres", action="store_true",
                    help="start a throwaway PostgreSQL cluster (Debian binaries) and use it as the hub DB")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--out", type=Path, help="also write the JSON here")
    args = ap.parse_args()
    if args.postgres:
        with TempPostgres() as url:
            args.db = url
            return run(args)
    return run(args)


PORT = "NRT"


def _cli(env, *args: str) -> dict:
    """`inspector-app ARGS --json` from this checkout, as the hub operator runs it."""
    out = subprocess.run([sys.executable, "-m", "inspector_app", *args, "--json"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        raise SystemExit(f"inspector-app {' '.join(args[:2])} failed: {out.stderr.strip()}")
    return json.loads(out.stdout)


def run(args) -> int:
    from inspector_app.common import signing
    from inspector_app.hub.keys import trust_document
    from inspector_app.sync.client import SyncClient
    from inspector_app.sync.trust import HubTrust, booth_key

    load_at_start = round(os.getloadavg()[0], 2)  # other work on the machine skews the figure
    tmp = Path(tempfile.mkdtemp(prefix="sync-bench-"))
    db_url = args.db or f"sqlite:///{tmp}/hub.db"
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    hub_dir, booth_home = tmp / "hub", tmp / "booth"
    # the hub serves HTTPS only and signs receipts: the figure includes TLS and signatures, as booths see them
    _cli(env, "hub", "init", "--dir", str(hub_dir))
    key = booth_key(booth_home)  # made on the booth; the operator registers its public half
    token = _cli(env, "hub", "register-booth", "--db", db_url, "--dir", str(hub_dir), "--booth-id", "bench-1",
                 "--port", PORT, "--public-key", signing.public_b64(key))["credential"]
    trust = HubTrust.from_document(trust_document(hub_dir))  # what `sync configure --trust` pins
    port = free_port()
    hub = subprocess.Popen([sys.executable, "-m", "inspector_app", "hub", "serve", "--host", "127.0.0.1",
                            "--port", str(port), "--db", db_url, "--log-level", "warning", "--dir", str(hub_dir)],
                           cwd=ROOT, env=env)
    try:
        import httpx

        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"https://127.0.0.1:{port}/health", timeout=1, verify=trust.ssl_context())
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or hub.poll() is not None:
                    raise SystemExit("hub did not start") from None
                time.sleep(0.1)
        outbox = MemoryOutbox(args.records)
        payload_bytes = len(json.dumps(outbox.rows[outbox.order[0]]))
        client = SyncClient(booth_home, outbox, f"https://127.0.0.1:{port}", token, trust=trust, port=PORT, key=key,
                            batch_size=args.batch, timeout=120)
        t0 = time.perf_counter()
        report = client.push_once()
        seconds = time.perf_counter() - t0
        client.close()
        stored = _cli(env, "hub", "stats", "--db", db_url)["records"]
    finally:
        hub.terminate()
        hub.wait(30)
        shutil.rmtree(tmp, ignore_errors=True)  # the hub's keys and the booth's key with it
    result = {
        "benchmark": "sync_push",
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": {"platform": platform.platform(), "cpu_count": os.cpu_count(), "python": platform.python_version(),
                    "processor": platform.processor() or platform.machine(),
                    "loadavg_1m_at_start": load_at_start, "loadavg_1m_at_end": round(os.getloadavg()[0], 2)},
        "hub_db": "postgresql" if db_url.startswith("postgres") else "sqlite",
        "records": args.records, "batch": args.batch, "record_json_bytes": payload_bytes,
        "seconds": round(seconds, 3), "records_per_s": round(args.records / seconds, 1),
        "batches": report["batches"], "stored_by_this_run": report["stored"], "refused": report["refused"],
        "hub_record_count": stored, "signed_records": True,
        "outbox_left": outbox.outbox_count(),
    }
    if result["hub_record_count"] != args.records or result["outbox_left"] or result["refused"]:
        print(json.dumps(result), file=sys.stderr)
        raise SystemExit("benchmark run did not store every record exactly once")
    text = json.dumps(result, indent=2)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n")
    print(text if args.json else f"{result['records']} records in {result['seconds']} s: "
          f"{result['records_per_s']} records/s ({result['hub_db']} hub)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
