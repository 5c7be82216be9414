"""Run the hub with uvicorn: in the foreground (``hub serve``) or in a thread (tests, benchmarks).

The thread variant binds its own socket first, so port 0 gives a free ephemeral port with no race.
"""
from __future__ import annotations

import socket
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path


def _bind(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def serve(db_url: str, hub_dir: Path, host: str = "127.0.0.1", port: int = 8470, log_level: str = "info") -> None:
    import uvicorn

    from inspector_app.hub.keys import HubKeys
    from inspector_app.hub.server import create_app

    uvicorn.run(create_app(db_url, HubKeys.load(hub_dir)), host=host, port=port, log_level=log_level)


@dataclass
class RunningHub:
    url: str
    port: int
    server: object
    thread: threading.Thread
    app: object
    hub_dir: Path

    @property
    def db(self):
        return self.app.state.db

    def stop(self, timeout: float = 10) -> None:
        self.server.should_exit = True
        self.thread.join(timeout)
        self.db.close()


def start_in_thread(db_url: str, hub_dir: Path | None = None, host: str = "127.0.0.1", port: int = 0,
                    timeout: float = 20) -> RunningHub:
    """A hub in this process; without ``hub_dir`` a throwaway one is made (keys as `hub init`)."""
    import uvicorn

    from inspector_app.hub.keys import HubKeys, init_keys
    from inspector_app.hub.server import create_app

    if hub_dir is None:
        hub_dir = Path(tempfile.mkdtemp(prefix="hub-"))
    init_keys(hub_dir)
    app = create_app(db_url, HubKeys.load(hub_dir))
    sock = _bind(host, port)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True, name="hub")
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("hub did not start")
        time.sleep(0.02)
    actual = sock.getsockname()[1]
    return RunningHub(f"http://{host}:{actual}", actual, server, thread, app, Path(hub_dir))
