"""Crash safety, shown: a child records decisions in a loop; the parent SIGKILLs it at random.

The child prints ``saved <decision_id> <examination_id>`` (flushed) only after
``record_decision`` returned, i.e. after the durable commit. After every kill the parent checks,
before anything else touches the files, that the traveller's name appears in none of
``booth.db``, ``booth.db-wal`` and ``booth.db-shm``; then it opens the store (SQLite recovers the
WAL) and checks ``PRAGMA integrity_check``, the audit chain, and that every decision the child
reported is present and complete: its row, its audit entry (whose SHA-256 of the record matches)
and its outbox record.

A harness, not shipped in the package: used by ``tests/store/test_crash.py`` and
``benchmarks/crash_loop.py``; the child side runs as
``python benchmarks/crashloop.py child --home DIR --seed N``.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

SURNAME = "KOBAYASHIQZX"  # a name no database header or key could contain by chance
GIVEN_NAMES = "HANAKO"
NAME_JA = "小林花子"
INSPECTOR = "inspector-crash"
SUPERVISOR = "supervisor-crash"
ROOT = Path(__file__).resolve().parents[1]


SIGNING_KEY_FILE = "crash-supervisor.ed25519"  # the harness's copy of the supervisor's unwrapped key


def _install_supervisor(home: Path, store) -> None:
    """The supervisor as a user with a signing key (a review must be signed by a supervisor of the
    booth); the raw private key goes to a file so each child loads it without paying a scrypt."""
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    from inspector_app.common import passwords, userkeys

    password = "crash supervisor password"
    keys = userkeys.new_user_key(password)
    store.set_users([{"user": SUPERVISOR, "roles": ["supervisor"], "password_hash": passwords.hash_password(password),
                      **keys}], version=1)
    raw = userkeys.unwrap(keys["wrapped_key"], keys["public_key"], password).private_bytes(
        Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    fd = os.open(home / SIGNING_KEY_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, raw)
    finally:
        os.close(fd)


def _provider(home: Path):
    from inspector_app.store.keys import KEY_FILE_NAME, FileKeyProvider

    return FileKeyProvider(home / KEY_FILE_NAME)


#: The examination date the child records (the passport it builds expires years later).
EXAM_DATE = "2026-11-22"
#: What the booth records before a landing can be saved besides the biographic check: the SLTD
#: check, the face and both index fingers (the store's rules refuse a landing without them).
OTHER_CHECKS = (
    {"kind": "sltd", "outcome": "clear", "reasons": [], "coverage": {"state": "no_match", "reason": None}},
    {"kind": "face_capture", "outcome": "clear", "reasons": []},
    {"kind": "finger_capture", "outcome": "clear", "position": "Left IndexFinger", "score": 80.0, "reasons": []},
    {"kind": "finger_capture", "outcome": "clear", "position": "Right IndexFinger", "score": 80.0, "reasons": []},
)


def mrz_lines(number: str) -> list[str]:
    import datetime as dt

    from inspector_app.domain.mrz_build import build_td3

    return build_td3(issuing_state="GBR", surname=SURNAME, given_names=GIVEN_NAMES, document_number=number,
                     nationality="GBR", birth_date=dt.date(1990, 5, 17), sex="F",
                     expiry_date=dt.date(2031, 5, 16)).split("\n")


# -- child ------------------------------------------------------------------------------------
def child(home: Path, seed: int) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from inspector_app.store.store import open_store

    rng = random.Random(seed)
    store = open_store(home, key_provider=_provider(home))
    signing_key = Ed25519PrivateKey.from_private_bytes((home / SIGNING_KEY_FILE).read_bytes())
    print("ready", flush=True)
    i = 0
    while True:
        number = f"{seed % 10**4:04d}{i:05d}"
        exam_id = store.create_examination({
            "inspector": INSPECTOR, "booth": "crash-booth", "port": "NRT", "examination_date": EXAM_DATE,
            "traveller": {"surname": SURNAME, "given_names": GIVEN_NAMES, "name_ja": NAME_JA,
                          "document_number": number, "nationality": "GBR"},
            "mrz": {"lines": mrz_lines(number)},
        })
        hit = rng.random() < 0.3
        check_id = store.add_check_result(exam_id, {
            "kind": "biographic", "outcome": "hit" if hit else "clear", "score": round(rng.random(), 3),
            "reasons": [f"name similar to {SURNAME}"] if hit else [],
            "coverage": {"state": "hit" if hit else "no_match", "reason": None},
        })
        if hit:
            store.add_review(check_id, SUPERVISOR, "cleared", f"date of birth differs from {SURNAME}'s record",
                             signing_key)
        for check in OTHER_CHECKS:
            store.add_check_result(exam_id, dict(check))
        decision_id = store.record_decision(exam_id, {
            "type": "landing_permission", "status_code": "temporary_visitor", "period": "90d",
            "landing_date": EXAM_DATE, "note": f"{SURNAME} {GIVEN_NAMES} iteration {i}",
        }, INSPECTOR)
        sys.stdout.write(f"saved {decision_id} {exam_id}\n")
        sys.stdout.flush()
        i += 1


# -- parent -----------------------------------------------------------------------------------
def plaintext_hits(home: Path, needles=(SURNAME, NAME_JA)) -> list[str]:
    """Which of the database files contain any of the names in clear (UTF-8 or UTF-16)."""
    found = []
    patterns = []
    for text in needles:
        patterns += [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]
    for suffix in ("", "-wal", "-shm"):
        path = home / f"booth.db{suffix}"
        if not path.exists():
            continue
        data = path.read_bytes()
        if any(p in data for p in patterns):
            found.append(path.name)
    return found


def check_store(home: Path, reported: dict[str, str]) -> dict:
    """Open the store after a crash and check it; ``reported`` maps decision id -> examination id."""
    from inspector_app.store.store import open_store, row_digest

    store = open_store(home, key_provider=_provider(home), create=False)
    try:
        integrity = store.integrity_check()
        audit = store.verify_audit()
        decisions = {r["id"]: r for r in store.db.query("SELECT * FROM decisions")}
        audited = {}
        for row in store.db.query("SELECT payload FROM audit WHERE event = 'decision.recorded'"):
            payload = json.loads(row["payload"])
            audited[payload["decision_id"]] = payload["record_sha256"]
        outboxed = {r["record_id"]: json.loads(r["payload"])
                    for r in store.db.query("SELECT record_id, payload FROM outbox WHERE kind = 'decision'")}
        missing, incomplete = [], []
        for decision_id, exam_id in reported.items():
            row = decisions.get(decision_id)
            if row is None:
                missing.append(decision_id)
                continue
            ok = (
                row["examination_id"] == exam_id
                and audited.get(decision_id) == row_digest(row)
                and decision_id in outboxed
                and outboxed[decision_id]["decision"] == json.loads(row["data"])
            )
            if not ok:
                incomplete.append(decision_id)
        cut_short = store.conn.execute(
            "SELECT count(*) FROM examinations e WHERE NOT EXISTS "
            "(SELECT 1 FROM decisions d WHERE d.examination_id = e.id)").fetchone()[0]
        return {
            "integrity": integrity, "audit_ok": audit["ok"], "iterations_cut_short": cut_short, "audit_entries": audit["entries"],
            "first_broken": audit["first_broken"], "decisions_in_store": len(decisions),
            "missing": missing, "incomplete": incomplete,
        }
    finally:
        store.close()


def _child_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def kill_once(home: Path, seed: int, delay_s: float, ready_timeout: float = 60.0) -> list[tuple[str, str]]:
    """Start a child, SIGKILL it ``delay_s`` after it is ready; the (decision, exam) ids it reported."""
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "child", "--home", str(home), "--seed", str(seed)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_child_env(), cwd=str(ROOT),
    )
    watchdog = threading.Timer(ready_timeout, proc.kill)
    watchdog.start()
    try:
        first = proc.stdout.readline()
    finally:
        watchdog.cancel()
    if first.strip() != b"ready":
        proc.kill()
        _, err = proc.communicate()
        raise RuntimeError(f"crash child did not start: {first!r} {err.decode(errors='replace')[-2000:]}")
    time.sleep(delay_s)
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate()
    if proc.returncode != -signal.SIGKILL:
        raise RuntimeError(f"crash child ended by itself (rc {proc.returncode}): {err.decode(errors='replace')[-2000:]}")
    saved = []
    for line in out.decode("ascii", errors="replace").split("\n")[:-1]:  # last piece may be cut off
        parts = line.split()
        if len(parts) == 3 and parts[0] == "saved":
            saved.append((parts[1], parts[2]))
    return saved


def run(home: Path, kills: int, seed: int = 7, max_delay_s: float = 0.4, on_kill=None) -> dict:
    """Kill a recording child ``kills`` times; return a summary with every failure listed."""
    from inspector_app.store.store import open_store

    home = Path(home)
    home.mkdir(parents=True, exist_ok=True)
    with open_store(home, key_provider=_provider(home)) as store:
        _install_supervisor(home, store)
    rng = random.Random(seed)
    reported: dict[str, str] = {}
    failures = []
    kills_with_wal = 0
    started = time.monotonic()
    last: dict = {}
    for k in range(kills):
        delay = rng.uniform(0.0, max_delay_s)
        saved = kill_once(home, seed * 100_000 + k, delay)
        wal = home / "booth.db-wal"
        if wal.exists() and wal.stat().st_size > 0:
            kills_with_wal += 1  # the name check below then also covered uncheckpointed pages
        leaked = plaintext_hits(home)
        reported.update(saved)
        last = check_store(home, reported)
        problems = {}
        if leaked:
            problems["plaintext_in"] = leaked
        if last["integrity"] != ["ok"]:
            problems["integrity"] = last["integrity"][:5]
        if not last["audit_ok"]:
            problems["first_broken"] = last["first_broken"]
        if last["missing"]:
            problems["missing"] = last["missing"]
        if last["incomplete"]:
            problems["incomplete"] = last["incomplete"]
        if problems:
            failures.append({"kill": k, "delay_s": round(delay, 4), **problems})
        if on_kill:
            on_kill(k, delay, len(saved), problems)
    return {
        "kills": kills, "seed": seed, "max_delay_s": max_delay_s,
        "decisions_reported": len(reported),
        "decisions_in_store": last.get("decisions_in_store", 0),
        # killed after the commit but before the child could print: saved, never promised
        "committed_but_unreported": last.get("decisions_in_store", 0) - len(reported),
        "audit_entries": last.get("audit_entries", 0),
        "kills_leaving_a_wal": kills_with_wal,
        # kills that landed after an examination was stored but before its decision committed
        "iterations_cut_short": last.get("iterations_cut_short", 0),
        "failures": failures, "ok": not failures,
        "elapsed_s": round(time.monotonic() - started, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python benchmarks/crashloop.py")
    sub = parser.add_subparsers(dest="role", required=True)
    c = sub.add_parser("child", help="record decisions forever (to be killed)")
    c.add_argument("--home", type=Path, required=True)
    c.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    child(args.home, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
