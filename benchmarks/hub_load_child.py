#!/usr/bin/env python3
"""The child side of benchmarks/hub_load.py: booth processes and the supervisor reader.

    python benchmarks/hub_load_child.py booths SPEC.json   # K booths as threads, one store each
    python benchmarks/hub_load_child.py reader SPEC.json   # polls the port's queue every 200 ms

They talk to the parent by lines: stdout `ready ...`, then per burst a line on stdin and `done B`
on stdout, then `result JSON`. Everything is imported and opened before `ready`, so process
start-up is not in the measurement. EOF on stdin ends a child early (the parent's memory probe).
"""
from __future__ import annotations

import json
import math
import re
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PORT = "Narita Airport"
SUPERVISOR = "load-supervisor"
POLL_S = 0.2


# -- shared -----------------------------------------------------------------------------------
def percentiles(samples: list[float]) -> dict:
    """Nearest-rank p50/p95/p99 and max, in milliseconds."""
    if not samples:
        return {"n": 0}
    s = sorted(samples)

    def at(q: float) -> float:
        return round(s[min(len(s) - 1, max(0, math.ceil(q * len(s)) - 1))] * 1000, 1)

    return {"n": len(s), "p50_ms": at(0.50), "p95_ms": at(0.95), "p99_ms": at(0.99), "max_ms": round(s[-1] * 1000, 1)}


def rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def open_booth_store(home: Path):
    from inspector_app.store import open_store
    from inspector_app.store.keys import KEY_FILE_NAME, FileKeyProvider

    return open_store(home, key_provider=FileKeyProvider(home / KEY_FILE_NAME), create=False)


def error_kind(exc: Exception) -> str:
    """timeout (the client gave up), backpressure (503/429: the hub said come back later),
    unreachable (no connection: the hub is down), other."""
    import httpx

    cause = exc.__cause__
    if isinstance(cause, httpx.TimeoutException):
        return "timeout"
    if getattr(exc, "retry_after", None) is not None or re.search(r"answered (503|429)\b", str(exc)):
        return "backpressure"
    if isinstance(cause, httpx.TransportError):
        return "unreachable"
    return "other"


# -- booths --------------------------------------------------------------------------
class GatedOutbox:
    """The store's outbox, showing only up to ``allowed`` records acked in total (for bursts)."""

    def __init__(self, store):
        self.store = store
        self.start = store.outbox_count()
        self.allowed = self.start

    def acked(self) -> int:
        return self.start - self.store.outbox_count()

    def outbox_pending(self, limit: int = 500) -> list[dict]:
        room = self.allowed - self.acked()
        return self.store.outbox_pending(limit=min(limit, room)) if room > 0 else []

    def outbox_ack(self, record_ids):
        return self.store.outbox_ack(record_ids)

    def outbox_count(self) -> int:
        return self.store.outbox_count()

    def outbox_quarantine(self, record_ids, reason):
        return self.store.outbox_quarantine(record_ids, reason)

    def audit_head(self):
        return self.store.audit_head()


def booth_client(spec: dict, booth: dict, outbox):
    """The real SyncClient with POST /records timed: answered pushes' latency, failures by kind."""
    from inspector_app.sync.client import SyncClient, SyncError
    from inspector_app.sync.trust import HubTrust, booth_key

    class TimedClient(SyncClient):
        def _request(self, method, url, ok=(200,), **kw):
            if not (method == "POST" and url == "/records"):
                return super()._request(method, url, ok, **kw)
            t = time.perf_counter()
            try:
                r = super()._request(method, url, ok, **kw)
            except SyncError as exc:
                exc.bench_kind = error_kind(exc)  # type: ignore[attr-defined]
                if exc.bench_kind == "backpressure":  # type: ignore[attr-defined]
                    self.bench["backpressure_s"].append(time.perf_counter() - t)
                raise
            self.bench["latency_s"].append(time.perf_counter() - t)
            return r

    trust = HubTrust.from_document(json.loads(Path(spec["trust_file"]).read_text()))
    home = Path(booth["home"])
    client = TimedClient(home, outbox, spec["hub_url"], booth["credential"], trust=trust, port=PORT,
                         key=booth_key(home), batch_size=spec["batch"], timeout=spec["timeout"])
    client.bench = {"latency_s": [], "backpressure_s": []}
    return client


def push_until_empty(client, outbox, errors: dict, messages: list) -> int:
    """push_once() until this burst's share is acked; back off on every failure. Returns attempts."""
    from inspector_app.sync.backoff import Backoff
    from inspector_app.sync.client import SyncError
    from inspector_app.sync.config import DEFAULTS
    from inspector_app.sync.worker import delay_after

    backoff = Backoff(base=DEFAULTS["backoff_base_s"], cap=DEFAULTS["backoff_cap_s"])
    attempts = 0
    while outbox.outbox_pending(limit=1):
        attempts += 1
        try:
            client.push_once()
            backoff.reset()
        except SyncError as exc:
            kind = getattr(exc, "bench_kind", None) or error_kind(exc)  # also PUT /booth/key, receipts
            errors[kind] = errors.get(kind, 0) + 1
            if kind in ("other", "unreachable", "timeout") and len(messages) < 5:
                messages.append(f"{kind}: {str(exc)[:300]}")
            time.sleep(delay_after(exc, backoff))  # the booth's own policy (sync/worker.py)
    return attempts


def booths_main(spec_file: str) -> int:
    """K booths as threads, each pushing its own store's outbox; `ready RSS_MB` first."""
    spec = json.loads(Path(spec_file).read_text())
    booths = []
    for b in spec["booths"]:
        store = open_booth_store(Path(b["home"]))
        outbox = GatedOutbox(store)
        booths.append({"id": b["booth_id"], "store": store, "outbox": outbox, "client": booth_client(spec, b, outbox),
                       "errors": {}, "messages": [], "attempts": 0, "ended_at": None})
    print(f"ready {rss_mb()}", flush=True)
    bursts = spec["bursts"]
    for burst in range(bursts):
        if not sys.stdin.readline():
            break
        threads = []
        for b in booths:
            b["outbox"].allowed = math.ceil(b["outbox"].start * (burst + 1) / bursts)

            def work(b=b):
                b["attempts"] += push_until_empty(b["client"], b["outbox"], b["errors"], b["messages"])
                b["ended_at"] = time.time()
            threads.append(threading.Thread(target=work))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        print(f"done {burst}", flush=True)
    out = []
    for b in booths:
        b["client"].close()
        out.append({"booth_id": b["id"], "acked": b["outbox"].acked(), "outbox_left": b["store"].outbox_count(),
                    "quarantined": b["store"].quarantine_count(), "attempts": b["attempts"], "errors": b["errors"],
                    "messages": b["messages"], "ended_at": b["ended_at"],
                    "latency_s": [round(x, 4) for x in b["client"].bench["latency_s"]],
                    "backpressure_s": [round(x, 4) for x in b["client"].bench["backpressure_s"]]})
        b["store"].close()
    print("result " + json.dumps({"rss_mb": rss_mb(), "booths": out}), flush=True)
    return 0


# -- the supervisor reader --------------------------------------------------------------------
def reader_main(spec_file: str) -> int:
    """Poll the port's queue every 200 ms between `go` and `stop` lines on stdin."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from inspector_app.sync.client import SyncClient, SyncError
    from inspector_app.sync.trust import HubTrust, booth_key

    spec = json.loads(Path(spec_file).read_text())
    trust = HubTrust.from_document(json.loads(Path(spec["trust_file"]).read_text()))
    home = Path(spec["home"])
    key = Ed25519PrivateKey.from_private_bytes(Path(spec["supervisor_key_file"]).read_bytes())
    client = SyncClient(home, None, spec["hub_url"], spec["credential"], trust=trust, port=PORT, key=booth_key(home),
                        timeout=spec["timeout"])
    changes = getattr(client, "port_queue_changes", None)  # the paged/cursor API, when this client has it
    print("ready", flush=True)
    if not sys.stdin.readline():
        return 0
    stop = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.readline(), stop.set()), daemon=True).start()
    lat, errors, items, cursor = [], {}, 0, 0
    t0 = time.perf_counter()
    while not stop.is_set():
        start = time.perf_counter()
        try:
            if changes is not None:  # what changed since the last poll: the window's way with the paged queue
                answer = changes(SUPERVISOR, key, cursor)
                cursor, items = answer["cursor"], items + len(answer["items"])
            else:
                items = len(client.port_queue(SUPERVISOR, key))
            lat.append(time.perf_counter() - start)
        except SyncError as exc:
            kind = error_kind(exc)
            errors[kind] = errors.get(kind, 0) + 1
        stop.wait(max(0.0, POLL_S - (time.perf_counter() - start)))
    seconds = time.perf_counter() - t0
    client.close()
    print("result " + json.dumps({"api": "port_queue_changes" if changes is not None else "port_queue",
                                  "polls": len(lat), "seconds": round(seconds, 2),
                                  "polls_per_s": round(len(lat) / seconds, 2) if seconds else 0.0,
                                  "latency": percentiles(lat), "errors": errors,
                                  # port_queue: items in the last answer; port_queue_changes: changes received
                                  "items": items}), flush=True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("booths", "reader"):
        raise SystemExit("usage: hub_load_child.py booths|reader SPEC.json (run by benchmarks/hub_load.py)")
    raise SystemExit((booths_main if sys.argv[1] == "booths" else reader_main)(sys.argv[2]))
