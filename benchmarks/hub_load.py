#!/usr/bin/env python3
"""Hub under load: N booth processes push their encrypted stores' outboxes to one hub at once.

What runs, as in production:
- the hub: `inspector-app hub serve` as its own process group (`--workers N` passed only when N > 1),
  set up as an operator does (`hub init`; booths registered with their public keys; a supervisor
  added with `hub add-user`), on SQLite or PostgreSQL (a throwaway cluster from Debian's binaries,
  or an existing EMPTY database given by URL);
- each booth (benchmarks/hub_load_child.py; K booths per process as threads): a real encrypted
  `inspector_app.store` Store in its own home and the real `SyncClient` (pinned hub trust as `sync
  configure --trust` makes it, its own Ed25519 key), looping `push_once()` until the outbox is
  empty; on a `SyncError` it backs off with the booth's `Backoff` (defaults of
  `sync.backoff_base_s`/`_cap_s`) or the hub's `Retry-After`, whichever is longer. Each booth
  process imports and opens everything first, then waits on a start barrier (a line on stdin), so
  process start-up is not measured;
- a supervisor reader: its own process polling the port's queue every 200 ms during the push with
  the supervisor's signed proof (the key unwrapped from `hub add-user`'s record with the password,
  as a booth does at sign-in).

Stores: filling R records into each of 200 stores through the real workflow would take longer
than the run, so ONE template store is filled once through the Store's API (examinations, their
check results, landing decisions; one examination in `--flagged-every` has a low-quality finger
capture, which the hub queues for a supervisor) and its files are copied into every booth home
(one machine secret for all, `$INSPECTOR_MACHINE_SECRET`). Record ids therefore repeat across
booths; the hub keys records by (booth, record id), so exactly-once is checked per booth.

Measured: records/s (all records acked / wall time of the push), POST /records latency of every
answered push batch (p50/p95/p99; the client's `_request` is wrapped), client time-outs,
503/429 back-pressure answers, unreachable hub and other errors counted apart; the reader's
latency and polls/s; with `--kill-at F` the hub's whole process group is SIGKILLed once F of the
records are at the hub and restarted the same way (outage = kill to /health answering); with
`--bursts N --idle S` the outboxes are pushed in N bursts separated by S s idle, and the hub's
database connections (PostgreSQL: pg_stat_activity; SQLite: the hub processes' open handles on
the database file) are counted after each burst and each gap. Afterwards the hub database is read
directly: every booth holds exactly the template's record ids, no conflicts; every outbox empty.
A failed exactly-once check exits 1.

    python benchmarks/hub_load.py --db sqlite --booths 10 --records 200 --out benchmarks/results/hub_load-x.json
    python benchmarks/hub_load.py --db postgres --booths 100 --records 2000 --workers 2
    python benchmarks/hub_load.py --db postgres --booths 50 --records 2000 --kill-at 0.5
    python benchmarks/hub_load.py --db postgres --booths 50 --records 400 --bursts 10 --idle 11
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _common import TempPostgres, code_commit, free_port  # noqa: E402
from hub_load_child import PORT, SUPERVISOR, percentiles, rss_mb  # noqa: E402

SUPERVISOR_PASSWORD = "correct horse battery staple 12"
INSPECTOR = "load-inspector"
CHILD = Path(__file__).resolve().with_name("hub_load_child.py")
READER_BOOTH = "reader-booth"  # the booth the supervisor reads the port's queue at; it pushes nothing


# -- the template store -----------------------------------------------------------------------
def examination_records(store, n: int, flagged: bool):
    """One examination as a booth records it, yielding after each outbox record: the examination,
    a biographic check, SLTD, face, two fingers, the landing decision (7 records)."""
    from crashloop import EXAM_DATE, OTHER_CHECKS, mrz_lines

    number = f"LB{n:07d}"
    exam = store.create_examination({
        "inspector": INSPECTOR, "booth": "template", "port": PORT, "examination_date": EXAM_DATE,
        "traveller": {"surname": "LOADTEST", "given_names": f"TRAVELLER {n}", "nationality": "GBR",
                      "document_number": number},
        "mrz": {"lines": mrz_lines(number)}})
    yield
    checks = [{"kind": "biographic", "outcome": "clear", "score": 0.0, "reasons": [],
               "coverage": {"state": "no_match", "reason": None}}, *(dict(c) for c in OTHER_CHECKS)]
    if flagged:  # a capture below the quality threshold: the hub queues it for a supervisor
        checks[-1].update(outcome="low_quality", score=12.0, reasons=["finger image quality 12 < 40"])
    for check in checks:
        store.add_check_result(exam, check)
        yield
    store.record_decision(exam, {"type": "landing_permission", "status_code": "temporary_visitor", "period": "90d",
                                 "landing_date": EXAM_DATE}, INSPECTOR)
    yield


def build_template(home: Path, records: int, flagged_every: int) -> list[str]:
    """Fill one store with exactly ``records`` outbox records through the Store's API (the last
    examination may stop part way, as one in progress does). Returns the records' ids."""
    from inspector_app.store import open_store
    from inspector_app.store.keys import KEY_FILE_NAME, FileKeyProvider

    store = open_store(home, key_provider=FileKeyProvider(home / KEY_FILE_NAME))
    try:
        n = 0
        while store.outbox_count() < records:
            for _ in examination_records(store, n, bool(flagged_every) and n % flagged_every == 0):
                if store.outbox_count() >= records:
                    break
            n += 1
        ids = [r["record_id"] for r in store.outbox_pending(limit=records + 1)]
    finally:
        store.close()
    if len(ids) != records:
        raise SystemExit(f"template store holds {len(ids)} outbox records, not {records}")
    return ids


def copy_template(template: Path, home: Path) -> None:
    from inspector_app.store.keys import KEY_FILE_NAME
    from inspector_app.store.store import CREATED_MARKER, DB_FILE_NAME

    home.mkdir(parents=True, mode=0o700)
    for name in (DB_FILE_NAME, KEY_FILE_NAME, CREATED_MARKER):
        if (template / name).exists():
            shutil.copy2(template / name, home / name)


# -- the hub ----------------------------------------------------------------------------------
class Hub:
    """`inspector-app hub serve` in its own process group, so a kill takes every worker with it."""

    def __init__(self, db_url: str, hub_dir: Path, workers: int, env: dict, log: Path):
        self.db_url, self.hub_dir, self.workers, self.env, self.log = db_url, hub_dir, workers, env, log
        self.port = free_port()
        self.url = f"https://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def start(self, ssl_context) -> float:
        cmd = [sys.executable, "-m", "inspector_app", "hub", "serve", "--host", "127.0.0.1", "--port", str(self.port),
               "--db", self.db_url, "--log-level", "warning", "--dir", str(self.hub_dir)]
        if self.workers > 1:
            cmd += ["--workers", str(self.workers)]
        t = time.monotonic()
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(cmd, cwd=ROOT, env=self.env, stdout=log, stderr=log, start_new_session=True)
        self.wait_up(ssl_context)
        return time.monotonic() - t

    def wait_up(self, ssl_context, limit: float = 120) -> None:
        import httpx

        deadline = time.monotonic() + limit
        while True:
            try:
                httpx.get(f"{self.url}/health", timeout=2, verify=ssl_context)
                return
            except httpx.TransportError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise SystemExit(f"hub did not start; its log: {self.log}\n{self.log.read_text()[-2000:]}") from None
                time.sleep(0.1)

    def pids(self) -> list[int]:
        out = []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    if os.getpgid(int(entry)) == self.proc.pid:
                        out.append(int(entry))
                except ProcessLookupError:
                    pass
        return out

    def rss_mb(self) -> float:
        total = 0.0
        for pid in self.pids():
            try:
                total += rss_mb(pid)
            except OSError:
                pass
        return round(total, 1)

    def kill(self) -> None:
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(30)
        deadline = time.monotonic() + 30
        while self.pids() and time.monotonic() < deadline:  # workers die with the group, reaped by init
            time.sleep(0.05)

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None and not self.pids():
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(30)
        except (subprocess.TimeoutExpired, ProcessLookupError):
            pass
        if self.pids():
            self.kill()


def db_connections(db_url: str, hub: Hub) -> int:
    """The hub's database connections: PostgreSQL backends of this database (except this one);
    SQLite: the hub processes' open handles on the database file."""
    if db_url.startswith("postgres"):
        import psycopg

        with psycopg.connect(db_url, autocommit=True) as conn:
            # client backends only: an autovacuum worker after the bulk inserts is PostgreSQL's own
            return conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                " AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
                                " AND application_name <> %s", (BENCH_APP,)).fetchone()[0]
    from inspector_app.hub.db import parse_url

    target = os.path.realpath(parse_url(db_url)[1])
    n = 0
    for pid in hub.pids():
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                try:
                    n += os.readlink(f"/proc/{pid}/fd/{fd}") == target
                except OSError:
                    pass
        except OSError:
            pass
    return n


BENCH_APP = "hub-load-bench"  # our own PostgreSQL connections, left out of the hub's count


def record_counter(db_url: str):
    """A function giving the number of records at the hub, read straight from its database."""
    if db_url.startswith("postgres"):
        import psycopg

        conn = psycopg.connect(db_url, autocommit=True, application_name=BENCH_APP)
    else:
        import sqlite3

        from inspector_app.hub.db import parse_url

        conn = sqlite3.connect(parse_url(db_url)[1], timeout=60)
    return lambda: conn.execute("SELECT count(*) FROM records").fetchone()[0], conn.close


# -- the parent -------------------------------------------------------------------------------
def cli(env, *args: str, stdin: str | None = None) -> dict:
    """`inspector-app ARGS --json` from this checkout, as the hub operator runs it."""
    out = subprocess.run([sys.executable, "-m", "inspector_app", *args, "--json"], cwd=ROOT, env=env, input=stdin,
                         capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        raise SystemExit(f"inspector-app {' '.join(args[:2])} failed: {out.stderr.strip()}")
    return json.loads(out.stdout)


def spawn(mode: str, spec: dict, tmp: Path, name: str, env: dict, nice: int = 0) -> subprocess.Popen:
    """A child process; ``nice`` > 0 lowers its CPU priority (``--booth-nice``: booths are other
    machines in a deployment, here they share the hub's two cores)."""
    path = tmp / f"{name}.json"
    path.write_text(json.dumps(spec))
    prefix = ["nice", "-n", str(nice)] if nice else []
    with open(tmp / f"{name}.log", "wb") as err:  # the child keeps its own handle
        p = subprocess.Popen([*prefix, sys.executable, str(CHILD), mode, str(path)], cwd=ROOT, env=env,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err, text=True, bufsize=1)
    p.bench_log = tmp / f"{name}.log"
    return p


def expect(p: subprocess.Popen, prefix: str) -> str:
    line = p.stdout.readline()
    if not line.startswith(prefix):
        raise SystemExit(f"a child said {line!r} instead of {prefix!r}; its log ({p.bench_log}):\n"
                         f"{p.bench_log.read_text()[-3000:]}")
    return line[len(prefix):].strip()


def choose_per_process(args, probe_rss: float) -> int:
    """One process per booth when N of them fit in half the memory available now, else fewer."""
    if args.booths_per_process:
        return args.booths_per_process
    avail_mb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                    if line.startswith("MemAvailable:")) / 1024
    return max(1, math.ceil(args.booths * probe_rss / (avail_mb * 0.5)))


def send_all(procs, line: str) -> None:
    for p in procs:
        p.stdin.write(line + "\n")
        p.stdin.flush()


def run(args, db_url: str) -> int:
    from inspector_app.common import signing, userkeys
    from inspector_app.hub.db import HubDb
    from inspector_app.hub.keys import trust_document
    from inspector_app.sync.trust import HubTrust, booth_key

    load_start = [round(x, 2) for x in os.getloadavg()]
    tmp = Path(tempfile.mkdtemp(prefix="hub-load-"))
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               INSPECTOR_MACHINE_SECRET=str(tmp / "machine-secret"))
    os.environ["INSPECTOR_MACHINE_SECRET"] = env["INSPECTOR_MACHINE_SECRET"]
    hub = None
    procs: list[subprocess.Popen] = []
    reader = None
    try:
        t = time.perf_counter()
        ids = build_template(tmp / "template", args.records, args.flagged_every)
        template_s = time.perf_counter() - t
        hub_dir = tmp / "hub"
        cli(env, "hub", "init", "--dir", str(hub_dir))
        trust_file = hub_dir / "hub-trust.json"
        trust_file.write_text(json.dumps(trust_document(hub_dir)))
        trust = HubTrust.from_document(json.loads(trust_file.read_text()))
        # booths: homes copied from the template, each its own key; registered in this one process
        # through HubDb.register_booth (what `hub register-booth --public-key` calls), as 200 CLI
        # runs would take minutes of imports
        t = time.perf_counter()
        db = HubDb(db_url)
        booths = []
        for i in range(args.booths + 1):
            bid = READER_BOOTH if i == args.booths else f"load-{i:04d}"
            home = tmp / "booths" / bid
            if bid == READER_BOOTH:
                home.mkdir(parents=True)
            else:
                copy_template(tmp / "template", home)
            token = db.register_booth(bid, PORT, signing.public_b64(booth_key(home)))
            booths.append({"booth_id": bid, "home": str(home), "credential": token})
        db.close()
        register_s = time.perf_counter() - t
        reader_booth = booths.pop()
        cli(env, "hub", "add-user", "--user", SUPERVISOR, "--password-stdin", "--role", "supervisor", "--port", PORT,
            "--dir", str(hub_dir), "--db", db_url, stdin=SUPERVISOR_PASSWORD + "\n")
        db = HubDb(db_url)
        user = db.user(SUPERVISOR)
        db.close()  # an idle connection of ours would count as the hub's
        sup_key = userkeys.unwrap(user["wrapped_key"], user["public_key"], SUPERVISOR_PASSWORD)
        from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

        key_file = tmp / "supervisor.ed25519"
        key_file.write_bytes(sup_key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()))
        key_file.chmod(0o600)

        hub = Hub(db_url, hub_dir, args.workers, env, tmp / "hub.log")
        hub_start_s = hub.start(trust.ssl_context())
        common = {"hub_url": hub.url, "trust_file": str(trust_file), "batch": args.batch, "timeout": args.timeout,
                  "bursts": args.bursts}

        probe = spawn("booths", {**common, "booths": booths[:1]}, tmp, "probe", env, args.booth_nice)
        probe_rss = float(expect(probe, "ready "))
        probe.stdin.close()
        probe.wait(60)
        per = choose_per_process(args, probe_rss)
        groups = [booths[i:i + per] for i in range(0, len(booths), per)]
        t = time.perf_counter()
        procs = [spawn("booths", {**common, "booths": g}, tmp, f"booths-{n:04d}", env, args.booth_nice)
                 for n, g in enumerate(groups)]
        child_rss = [float(expect(p, "ready ")) for p in procs]
        if not args.no_reader:
            reader = spawn("reader", {"hub_url": hub.url, "trust_file": str(trust_file), "timeout": args.timeout,
                                       "home": reader_booth["home"], "credential": reader_booth["credential"],
                                       "supervisor_key_file": str(key_file)}, tmp, "reader", env)
            expect(reader, "ready")
        spawn_s = time.perf_counter() - t
        total = args.booths * args.records

        kill: dict = {}
        done_pushing = threading.Event()
        if args.kill_at is not None:
            def killer():
                count, close = record_counter(db_url)
                try:
                    while not done_pushing.is_set():
                        n = count()
                        if n >= args.kill_at * total:
                            t0 = time.monotonic()
                            hub.kill()
                            kill.update(at_fraction=args.kill_at, records_at_hub_when_killed=n,
                                        load_1m_at_kill=round(os.getloadavg()[0], 2))
                            hub.start(trust.ssl_context())
                            kill["outage_s"] = round(time.monotonic() - t0, 2)
                            return
                        time.sleep(0.25)
                finally:
                    close()
            threading.Thread(target=killer, daemon=True).start()

        connections = [{"when": "before the first burst", "n": db_connections(db_url, hub)}]
        load_during = []
        push_s = 0.0
        if reader is not None:
            send_all([reader], "go")
        for burst in range(args.bursts):
            t0, w0 = time.perf_counter(), time.time()
            send_all(procs, "go")
            for p in procs:
                expect(p, "done ")
            push_s += time.perf_counter() - t0
            load_during.append(round(os.getloadavg()[0], 2))
            connections.append({"when": f"after burst {burst + 1}", "n": db_connections(db_url, hub),
                                "burst_s": round(time.perf_counter() - t0, 2), "started": w0})
            if args.bursts > 1:
                if reader is not None and burst == args.bursts - 1:
                    send_all([reader], "stop")
                time.sleep(args.idle)
                connections.append({"when": f"after idle gap {burst + 1} ({args.idle} s)",
                                    "n": db_connections(db_url, hub)})
        done_pushing.set()
        reader_result = None
        if reader is not None:
            if args.bursts == 1:
                send_all([reader], "stop")
            reader_result = json.loads(expect(reader, "result "))
            reader.wait(60)
        results = []
        for p in procs:
            results.append(json.loads(expect(p, "result ")))
            p.wait(60)
        hub_rss = hub.rss_mb()
        hub.stop()
        stats = cli(env, "hub", "stats", "--db", db_url)
        db = HubDb(db_url)
        check = exactly_once(db, ids, [b["booth_id"] for b in booths])
        db.close()
    finally:
        for p in [*procs, *([reader] if reader else [])]:
            if p.poll() is None:
                p.kill()
        if hub is not None:
            hub.stop()
        shutil.rmtree(tmp, ignore_errors=True)

    per_booth = [b for r in results for b in r["booths"]]
    lat = [x for b in per_booth for x in b["latency_s"]]
    bp = [x for b in per_booth for x in b["backpressure_s"]]
    errors: dict = {}
    for b in per_booth:
        for k, v in b["errors"].items():
            errors[k] = errors.get(k, 0) + v
    acked = sum(b["acked"] for b in per_booth)
    outbox_left = {b["booth_id"]: b["outbox_left"] for b in per_booth if b["outbox_left"]}
    quarantined = sum(b["quarantined"] for b in per_booth)
    check["outboxes_empty"] = not outbox_left and not quarantined
    check["ok"] = check["ok"] and check["outboxes_empty"] and stats["conflicts"] == 0 and acked == total
    for c in connections:
        c.pop("started", None)
    result = {
        "benchmark": "hub_load",
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "code_commit": code_commit(),
        "command": "python benchmarks/hub_load.py " + " ".join(sys.argv[1:]),
        "machine": {"platform": platform.platform(), "cpu_count": os.cpu_count(), "python": platform.python_version(),
                    "processor": platform.processor() or platform.machine(),
                    "loadavg_at_start": load_start, "loadavg_1m_after_each_burst": load_during,
                    "loadavg_at_end": [round(x, 2) for x in os.getloadavg()]},
        "config": {"db": "postgresql" if db_url.startswith("postgres") else "sqlite", "hub_workers": args.workers,
                   "booths": args.booths, "records_per_booth": args.records, "batch": args.batch,
                   "client_timeout_s": args.timeout, "booths_per_process": per, "booth_processes": len(groups),
                   "bursts": args.bursts, "idle_s": args.idle if args.bursts > 1 else None, "kill_at": args.kill_at,
                   "flagged_every": args.flagged_every, "supervisor_reader": reader_result is not None,
                   "booth_nice": args.booth_nice,
                   "stores": "one template store (real Store API) copied into every booth home; one machine secret; "
                             "record ids repeat across booths (the hub keys them per booth)",
                   "registration": "HubDb.register_booth in one process (what hub register-booth calls)",
                   "latency": "every answered POST /records (SyncClient._request wrapped), one per batch"},
        "setup_s": {"template_store": round(template_s, 1), "register_booths": round(register_s, 1),
                    "hub_start": round(hub_start_s, 1), "spawn_booths_until_ready": round(spawn_s, 1)},
        "memory_mb": {"booth_process_probe_rss": probe_rss, "booth_process_rss_max": max(child_rss),
                      "hub_rss_after_push": hub_rss},
        "records_total": total, "records_acked": acked,
        "push_s": round(push_s, 2), "records_per_s": round(acked / push_s, 1) if push_s else None,
        "push_latency": percentiles(lat),
        "backpressure_answer_latency": percentiles(bp),
        "errors": {"timeout": errors.get("timeout", 0), "backpressure": errors.get("backpressure", 0),
                   "unreachable": errors.get("unreachable", 0), "other": errors.get("other", 0),
                   "messages": sorted({m for b in per_booth for m in b["messages"]})[:8]},
        "push_attempts": sum(b["attempts"] for b in per_booth),
        "supervisor_reader": reader_result,
        "hub_kill": kill or None,
        "db_connections": connections,
        "hub_stats": {k: stats[k] for k in ("booths", "records", "conflicts", "queue")},
        "exactly_once": check,
    }
    text = json.dumps(result, indent=2)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n")
    print(text)
    if not check["ok"]:
        print("EXACTLY-ONCE FAILED", file=sys.stderr)
        return 1
    if args.kill_at is not None and not kill:
        print(f"the hub was never killed (the push ended before {args.kill_at} of the records were in)",
              file=sys.stderr)
        return 1
    return 0


def exactly_once(db, ids: list[str], booth_ids: list[str]) -> dict:
    """Read straight from the hub database: each booth holds exactly the template's record ids."""
    want = set(ids)
    held: dict[str, list[str]] = {b: [] for b in booth_ids}
    with db.read() as tx:
        for booth_id, record_id in tx.execute("SELECT booth_id, record_id FROM records").fetchall():
            held.setdefault(booth_id, []).append(record_id)
        conflicts = tx.execute("SELECT count(*) FROM conflicts").fetchone()[0]
    bad = {}
    for b, got in held.items():
        if len(got) != len(set(got)) or set(got) != want:
            bad[b] = {"held": len(got), "distinct": len(set(got)), "missing": len(want - set(got)),
                      "unexpected": len(set(got) - want)}
    return {"ok": not bad and conflicts == 0, "booths_checked": len(booth_ids), "records_per_booth": len(ids),
            "hub_conflicts": conflicts, "bad_booths": dict(list(bad.items())[:10]), "bad_booth_count": len(bad)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default="sqlite",
                    help="sqlite (a fresh file), postgres (a throwaway cluster) or an EMPTY postgresql:// URL")
    ap.add_argument("--pg-max-connections", type=int, default=100,
                    help="max_connections of the throwaway cluster (PostgreSQL's default: 100)")
    ap.add_argument("--workers", type=int, default=1, help="hub processes (`hub serve --workers N`, passed when > 1)")
    ap.add_argument("--booths", type=int, default=10)
    ap.add_argument("--records", type=int, default=200, help="records in each booth's outbox")
    ap.add_argument("--booths-per-process", type=int, default=0,
                    help="booths as threads in one process (default: 1 when they fit in half the free memory)")
    ap.add_argument("--batch", type=int, default=500, help="records per push (sync.batch_size)")
    ap.add_argument("--timeout", type=float, default=15.0, help="client time-out per request (sync.timeout_s)")
    ap.add_argument("--flagged-every", type=int, default=5,
                    help="one examination in N has a low-quality capture (queued for the supervisor)")
    ap.add_argument("--kill-at", type=float, help="SIGKILL the hub once this fraction of records is in, restart it")
    ap.add_argument("--bursts", type=int, default=1)
    ap.add_argument("--idle", type=float, default=11.0, help="seconds between bursts (anyio retires idle threads at 10)")
    ap.add_argument("--no-reader", action="store_true", help="no supervisor reader")
    ap.add_argument("--booth-nice", type=int, default=0, metavar="N",
                    help="run the booth processes at this nice level (booths are other machines in a deployment; "
                         "here they share the hub's cores). Default 0: same priority as the hub")
    ap.add_argument("--out", type=Path, help="also write the JSON here (benchmarks/results/hub_load-NAME.json)")
    args = ap.parse_args()
    if args.bursts < 1 or args.booths < 1 or args.records < 1:
        ap.error("--bursts, --booths and --records must be at least 1")
    if args.db == "postgres":
        with TempPostgres({"max_connections": args.pg_max_connections}) as url:
            return run(args, url)
    if args.db == "sqlite":
        with tempfile.TemporaryDirectory(prefix="hub-load-db-") as d:
            return run(args, f"sqlite:///{d}/hub.db")
    return run(args, args.db)


if __name__ == "__main__":
    raise SystemExit(main())
