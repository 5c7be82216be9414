"""``hub serve --workers N``: N hub processes accepting on one listening socket, supervised.

uvicorn's own ``--workers`` re-imports the app from an import string and pickles its Config; the
hub's server (``runner.HubServer``, the per-app ``HeaderTimeoutH11`` class) survives neither, so
this is a small supervisor of its own. The parent binds the socket once and starts each worker as
``inspector-app hub serve ... --listen-fd FD`` with that descriptor inherited: a fresh interpreter
that builds its own app, database pool and TLS context (nothing opened in the parent is shared),
and the kernel spreads accepted connections over the processes. The parent serves nothing.

A worker that dies is restarted after a short back-off. Workers that keep dying within
``early_s`` of starting (a database that refuses every new process, a broken installation) make
the supervisor stop them all and give up with ``WorkerError`` rather than loop. SIGTERM or SIGINT
stops the workers gracefully (SIGTERM, then SIGKILL after ``stop_timeout``).

Each worker's standard input is a pipe only the parent writes to: if the parent is killed
outright, the pipe ends and the worker shuts down (``watch_supervisor``) instead of serving on
unsupervised.

All hub state is in the database; what each process keeps to itself is listed in
docs/DEPLOYMENT.md (rate-limit buckets, connection counts, keys and certificates read at start).
"""
from __future__ import annotations

import logging
import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

log = logging.getLogger("inspector_app.hub.workers")


class WorkerError(RuntimeError):
    """The workers cannot be kept running (they die as soon as they start)."""


def worker_command(cli_args: list[str]) -> list[str]:
    """``inspector-app CLI_ARGS`` as a new process of this installation (source or bundle)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *cli_args]
    return [sys.executable, "-m", "inspector_app", *cli_args]


def watch_supervisor(server) -> threading.Thread:
    """In a worker: shut ``server`` down when standard input ends, that is when the supervisor is
    gone (it holds the only write end and never writes)."""

    def watch() -> None:
        while os.read(0, 1):
            pass
        log.warning("hub supervisor gone; worker %d shutting down", os.getpid())
        server.should_exit = True

    thread = threading.Thread(target=watch, daemon=True, name="supervisor-lifeline")
    thread.start()
    return thread


@dataclass
class _Slot:
    proc: subprocess.Popen | None = None
    started: float = 0.0
    due: float = 0.0  # when to (re)start it while proc is None


def supervise(sock: socket.socket, cli_args: list[str], workers: int, *, stop_timeout: float = 10.0,
              early_s: float = 5.0, backoff_s: float = 0.5, backoff_max_s: float = 10.0,
              give_up_after: int = 5) -> None:
    """Run ``workers`` processes of ``worker_command(cli_args)`` with ``sock`` inherited (its
    descriptor number is the same in each: ``cli_args`` names it) until SIGTERM or SIGINT; returns
    once all have exited. Raises ``WorkerError`` after ``give_up_after`` workers in a row died
    within ``early_s`` of their start (the last one's exit code in the message)."""
    if workers < 1:
        raise ValueError("at least one worker")
    command = worker_command(cli_args)
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_r, False)
    os.set_blocking(wake_w, False)
    handled = (signal.SIGTERM, signal.SIGINT, signal.SIGCHLD)
    previous = {sig: signal.signal(sig, lambda *_: None) for sig in handled}
    previous_wakeup = signal.set_wakeup_fd(wake_w)  # each signal's number is written here: select wakes
    slots = [_Slot() for _ in range(workers)]
    streak, stopping = 0, False
    host, port = sock.getsockname()[:2]
    log.info("hub supervisor (pid %d) serving %s port %d with %d worker processes", os.getpid(), host, port, workers)
    try:
        while not stopping:
            now = time.monotonic()
            for slot in slots:
                if slot.proc is None and slot.due <= now:
                    slot.proc = subprocess.Popen(command, pass_fds=[sock.fileno()], stdin=subprocess.PIPE)
                    slot.started = now
                    log.info("hub worker started (pid %d)", slot.proc.pid)
            waits = [slot.due - now for slot in slots if slot.proc is None]
            ready, _, _ = select.select([wake_r], [], [], max(0.0, min(waits)) if waits else None)
            if ready:
                stopping = any(s in (signal.SIGTERM, signal.SIGINT) for s in _drain(wake_r))
            for slot in slots:
                code = slot.proc.poll() if slot.proc is not None else None
                if code is None or stopping:
                    continue
                lived = time.monotonic() - slot.started
                streak = streak + 1 if lived < early_s else 0
                if streak >= give_up_after:
                    raise WorkerError(f"hub workers keep exiting as soon as they start ({streak} in a row, the last "
                                      f"with {_status(code)}): see their messages above")
                delay = min(backoff_max_s, backoff_s * 2 ** max(streak - 1, 0))
                log.warning("hub worker pid %d exited with %s after %.1f s; starting another in %.1f s",
                            slot.proc.pid, _status(code), lived, delay)
                _close(slot.proc)
                slot.proc, slot.due = None, time.monotonic() + delay
        log.info("stopping %d hub worker(s)", sum(s.proc is not None for s in slots))
    finally:
        _stop([s.proc for s in slots if s.proc is not None], stop_timeout)
        signal.set_wakeup_fd(previous_wakeup)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        os.close(wake_r)
        os.close(wake_w)


def _drain(fd: int) -> list[int]:
    out = []
    while True:
        try:
            data = os.read(fd, 512)
        except BlockingIOError:
            return out
        if not data:
            return out
        out.extend(data)


def _status(code: int) -> str:
    return f"signal {signal.Signals(-code).name}" if code < 0 else f"exit code {code}"


def _close(proc: subprocess.Popen) -> None:
    if proc.stdin is not None:
        proc.stdin.close()


def _stop(procs: list[subprocess.Popen], timeout: float) -> None:
    """SIGTERM (uvicorn finishes the requests it has), then SIGKILL for any still there after ``timeout``."""
    for proc in procs:
        if proc.poll() is None:
            proc.terminate()
    deadline = time.monotonic() + timeout
    for proc in procs:
        try:
            proc.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            log.warning("hub worker pid %d did not stop within %.0f s; killed", proc.pid, timeout)
            proc.kill()
            proc.wait()
        _close(proc)
