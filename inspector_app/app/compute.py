"""CPU-heavy matching work in a separate worker process, so it cannot hold the UI's GIL.

Measured here: ``face.encode`` and ``fingerprint.extract`` hold Python's GIL for ~300 ms each
(dlib and the minutiae code do not release it), which froze the UI thread for as long even
though they ran on worker threads. Running them in a child process removes that stall; a
worker thread waits for the answer (waiting on a pipe releases the GIL).

The child is ``inspector-app compute-worker`` (also inside the PyInstaller bundle), started on
first use and kept; calls are serialised (one examination at a time at a booth). Protocol:
length-prefixed pickles over stdin/stdout of ``(entry point name, args)`` -> ``(ok, value)``.
The child runs only the entry points of ``compute_entries.REGISTRY`` (a closed set of typed
functions); the pipe carries an entry point's name, never a module path to import.
"""
from __future__ import annotations

import atexit
import os
import pickle
import struct
import subprocess
import sys
import threading
from pathlib import Path

from inspector_app.app.compute_entries import REGISTRY, WARM_UP, EntryPoint

_worker = None
_lock = threading.Lock()


class ComputeError(RuntimeError):
    pass




def _command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, "compute-worker"]
    return [sys.executable, "-m", "inspector_app", "compute-worker"]


def _send(stream, obj) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack(">Q", len(data)))
    stream.write(data)
    stream.flush()


def _recv(stream):
    head = stream.read(8)
    if len(head) < 8:
        raise EOFError("compute worker closed its pipe")
    (n,) = struct.unpack(">Q", head)
    return pickle.loads(stream.read(n))


class _Worker:
    def __init__(self):
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
        env.pop("QT_QPA_PLATFORM", None)
        self.proc = subprocess.Popen(_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)

    def call(self, name: str, args: tuple):
        _send(self.proc.stdin, (name, args))
        ok, value = _recv(self.proc.stdout)
        if not ok:
            raise ComputeError(value)
        return value

    def close(self) -> None:
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=5)
        except Exception:  # noqa: BLE001
            self.proc.kill()


def call(entry: EntryPoint, *args):
    """Run the entry point in the worker process and return its result."""
    global _worker
    if REGISTRY.get(entry.name) is not entry:
        raise ValueError(f"{entry.name} is not a registered compute entry point")
    with _lock:
        if _worker is None or _worker.proc.poll() is not None:
            if _worker is None:
                atexit.register(shutdown)
            _worker = _Worker()
        try:
            return _worker.call(entry.name, args)
        except (EOFError, BrokenPipeError, OSError) as exc:
            _worker = None
            raise ComputeError(f"the matching process stopped ({exc}); it restarts on the next call") from exc


def warm_up() -> None:
    """Start the worker and load the face models before the first traveller."""
    call(WARM_UP)


def shutdown() -> None:
    global _worker
    with _lock:
        if _worker is not None:
            _worker.close()
            _worker = None


def serve() -> int:
    """The child's loop (``inspector-app compute-worker``)."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # prints in called code must not corrupt the pipe
    while True:
        try:
            name, args = _recv(stdin)
        except EOFError:
            sys.stderr.flush()
            # skip interpreter finalisation: tearing down a QGuiApplication made for the seal
            # writer can abort in shiboken's destructor, and there is nothing left to flush
            os._exit(0)
        try:
            entry = REGISTRY.get(name)
            if entry is None:
                raise ValueError(f"refused {name!r}: not a compute entry point")
            value = entry.fn(*args)
            reply = (True, value)
        except Exception as exc:  # noqa: BLE001 - the message goes back to the caller
            reply = (False, f"{exc.__class__.__name__}: {exc}")
        try:
            _send(stdout, reply)
        except (BrokenPipeError, ConnectionResetError):
            # the window went away mid-request (closed, or terminated): nobody is left to answer
            sys.stderr.flush()
            os._exit(0)
