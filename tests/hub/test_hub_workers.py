"""`hub serve --workers N`: real processes on loopback over PostgreSQL. A supervisor with two
workers answers /health and a real booth push; a killed worker is replaced while the other goes
on serving; SIGTERM stops them all with exit 0; a killed supervisor takes its workers with it;
workers that die as they start make it give up; SQLite is refused."""
from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.hub.conftest import PORT, enrol_booth
from tests.postgres_fixtures import free_port

ROOT = Path(__file__).resolve().parents[2]


def _until(condition, what: str, timeout: float = 60.0, proc: subprocess.Popen | None = None):
    """Poll ``condition`` until it is truthy (returned); fail with ``what`` after ``timeout`` or
    as soon as ``proc`` has exited."""
    deadline = time.monotonic() + timeout
    while True:
        found = condition()
        if found:
            return found
        if proc is not None and proc.poll() is not None:
            pytest.fail(f"{what}: the supervisor exited with {proc.returncode}")
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {timeout:.0f} s")
        time.sleep(0.05)


def _children(pid: int) -> set[int]:
    """Live (not zombie) processes whose parent is ``pid``, from /proc/*/stat."""
    out = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            state, ppid = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[:2]
        except OSError:
            continue
        if int(ppid) == pid and state != "Z":
            out.add(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False



class Hub:
    """`hub init` and `hub serve --workers N` as an operator runs them, over ``db_url``."""

    def __init__(self, cli, tmp_path: Path, db_url: str, workers: int = 2):
        from inspector_app.hub.db import HubDb
        from inspector_app.hub.keys import trust_document
        from inspector_app.sync.trust import HubTrust

        self.dir, self.db_url, self.port = tmp_path / "hub", db_url, free_port()
        assert cli("hub", "init", "--dir", self.dir, "--json").returncode == 0
        self.trust = HubTrust.from_document(trust_document(self.dir))
        db = HubDb(db_url)
        self.booth = enrol_booth(db, "booth-1", PORT)
        db.close()
        self.log = tmp_path / "hub.log"
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "inspector_app", "hub", "serve", "--workers", str(workers), "--host",
                 "127.0.0.1", "--port", str(self.port), "--db", db_url, "--dir", str(self.dir), "--log-level",
                 "warning"], cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=log, stderr=log)
        self.url = f"https://127.0.0.1:{self.port}"
        self.seen: set[int] = set()  # every worker pid found, so none outlives a failed test

    def health(self) -> int:
        """Status of GET /health on a fresh connection (0 if none could be made)."""
        try:
            return httpx.get(f"{self.url}/health", timeout=10, verify=self.trust.ssl_context()).status_code
        except httpx.TransportError:
            return 0

    def push(self, home: Path, n: int) -> set[str]:
        """``n`` records pushed by the booth's real sync client (several batches); their ids."""
        from inspector_app.sync.client import SyncClient

        outbox = _outbox_double()(home.parent / f"{home.name}.db")
        ids = set(outbox.add_many(n))
        client = SyncClient(home, outbox, self.url, self.booth.token, trust=self.trust, port=PORT,
                            key=self.booth.key, batch_size=10, timeout=30)
        try:
            report = client.push_once()
        finally:
            client.close()
            outbox.close()
        assert report["stored"] == n and report["batches"] == -(-n // 10), report
        return ids

    def workers(self, n: int = 2) -> set[int]:
        def running():
            found = _children(self.proc.pid)
            return found if len(found) == n else None

        found = _until(running, f"{n} workers", proc=self.proc)
        self.seen |= found
        return found

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(30)
        for pid in self.seen:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def _outbox_double():
    spec = importlib.util.spec_from_file_location("hub_workers_outbox", ROOT / "tests" / "sync" / "outbox_double.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.OutboxDouble


@pytest.fixture
def hub2(cli, tmp_path, pg_url):
    hub = Hub(cli, tmp_path, pg_url)
    yield hub
    hub.close()


@pytest.mark.postgres
def test_two_workers_serve_survive_a_killed_worker_and_stop_on_sigterm(hub2, tmp_path):
    from inspector_app.hub.db import HubDb

    first = hub2.workers()
    _until(lambda: hub2.health() == 200, "/health answered", proc=hub2.proc)
    pushed = hub2.push(tmp_path / "booth-a", 30)
    # one worker killed outright: the other serves at once, and the supervisor starts a replacement
    a, b = sorted(first)
    os.kill(a, signal.SIGKILL)
    _until(lambda: not _alive(a), "the killed worker gone")
    pushed |= hub2.push(tmp_path / "booth-b", 30)
    assert hub2.health() == 200
    second = hub2.workers()
    assert a not in second and b in second, (first, second)
    # the other original killed too: what is left to serve is a replacement
    os.kill(b, signal.SIGKILL)
    _until(lambda: not _alive(b), "the second killed worker gone")
    pushed |= hub2.push(tmp_path / "booth-c", 30)
    third = hub2.workers()
    assert not third & first, (first, third)
    assert "exited with signal SIGKILL" in hub2.output()
    # SIGTERM: every worker stops, the supervisor exits 0
    hub2.proc.send_signal(signal.SIGTERM)
    assert hub2.proc.wait(60) == 0, hub2.output()
    assert not any(_alive(pid) for pid in third)
    db = HubDb(hub2.db_url)
    try:
        assert set(db.record_ids()) == pushed and len(pushed) == 90
    finally:
        db.close()


@pytest.mark.postgres
def test_workers_stop_when_their_supervisor_is_killed(hub2):
    workers = hub2.workers()
    _until(lambda: hub2.health() == 200, "/health answered", proc=hub2.proc)
    hub2.proc.kill()  # no chance to stop them: they notice their lifeline end and shut down
    hub2.proc.wait(30)
    _until(lambda: not any(_alive(pid) for pid in workers), "orphaned workers exit")
    assert hub2.health() == 0


@pytest.mark.postgres
def test_hubs_starting_at_once_on_an_empty_database_make_one_schema(pg_url):
    """Several machines' hubs (or a restarted deployment) open an empty database at the same
    moment: without a lock, concurrent CREATE TABLE IF NOT EXISTS fails in all but one."""
    import threading

    from inspector_app.hub.db import HubDb

    errors, start = [], threading.Barrier(8)

    def open_hub():
        start.wait()
        try:
            HubDb(pg_url).close()
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(repr(exc))

    threads = [threading.Thread(target=open_hub) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []


def test_workers_that_die_as_they_start_make_the_supervisor_give_up(tmp_path, monkeypatch):
    from inspector_app.hub.runner import bind
    from inspector_app.hub.workers import WorkerError, supervise

    monkeypatch.setenv("PYTHONPATH", str(ROOT))  # the workers run this checkout, as the supervisor does
    monkeypatch.chdir(ROOT)
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGCHLD)}
    sock = bind("127.0.0.1", 0)
    try:  # each worker refuses at once: no hub directory there
        with pytest.raises(WorkerError, match=r"3 in a row, the last with exit code 2"):
            supervise(sock, ["hub", "serve", "--dir", str(tmp_path / "no-hub"), "--listen-fd", str(sock.fileno())],
                      2, backoff_s=0.01, give_up_after=3, early_s=120)
    finally:
        sock.close()
    assert {sig: signal.getsignal(sig) for sig in handlers} == handlers  # the test process's own again
    assert signal.set_wakeup_fd(-1) == -1


@pytest.mark.parametrize("args, why", [
    (("--workers", "2"), "--workers 2 needs a PostgreSQL database (--db postgresql://...): SQLite is the "
                         "single-process hub"),
    (("--workers", "0"), "--workers must be at least 1"),
])
def test_serve_refuses_several_workers_on_sqlite_and_no_workers(cli, tmp_path, args, why):
    assert cli("hub", "init", "--dir", tmp_path / "hub", "--json").returncode == 0
    out = cli("hub", "serve", "--dir", tmp_path / "hub", "--db", f"sqlite:///{tmp_path}/hub.db", *args)
    assert out.returncode == 2 and why in out.stderr, out.stderr
    assert not (tmp_path / "hub.db").exists()  # refused before anything was opened


def test_each_worker_is_given_every_serve_option():
    """A new ``hub serve`` option that the supervisor does not pass on would silently be the
    default in every worker."""
    import argparse

    from inspector_app.cli import build_parser
    from inspector_app.cli.hub import _worker_args

    parser = build_parser()
    hub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices["hub"]
    serve = next(a for a in hub._actions if isinstance(a, argparse._SubParsersAction)).choices["serve"]
    flags = [a for a in serve._actions if a.option_strings and a.dest not in ("help", "home", "workers", "listen_fd")]
    given = {a.option_strings[-1]: None if a.nargs == 0 else str(100 + i) for i, a in enumerate(flags)}
    args = parser.parse_args(["hub", "serve", "--workers", "3",
                              *[t for opt, value in given.items() for t in (opt, value) if t is not None]])
    forwarded = _worker_args(args, 9)
    for opt, value in given.items():
        assert opt in forwarded, opt
        assert value is None or forwarded[forwarded.index(opt) + 1] == value, opt
    assert "--workers" not in forwarded and parser.parse_args(forwarded).listen_fd == 9
