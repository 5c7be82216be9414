"""Run the hub with uvicorn: in the foreground (``hub serve``; with ``--workers N`` as one of N
processes on a socket its supervisor bound, ``workers.py``) or in a thread (tests, benchmarks).

Both build their server with ``build_server`` (``build_config`` in a ``HubServer``): HTTPS from ``DIR/tls`` (TLS 1.2 at least), the
guard's limits (``guard.Limits``) for connections, header size, keep-alive, and a header timeout
uvicorn lacks (``HeaderTimeoutH11``). Plain HTTP only on a loopback address, and only when asked.

The thread variant binds its own socket first, so port 0 gives a free ephemeral port with no race.
"""
from __future__ import annotations

import asyncio
import functools
import logging
import shutil
import socket
import ssl
import tempfile
import threading
import time
import weakref
from dataclasses import dataclass
from pathlib import Path

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from inspector_app.common.net import is_loopback
from inspector_app.hub import guard, pki

log = logging.getLogger("inspector_app.hub")
#: The encounter gallery snapshot in a hub directory (`hub gallery-snapshot`; read by each worker).
GALLERY_DIR = "gallery"


class InsecureHttpRefused(ValueError):
    """Plain HTTP asked for on an address other hosts can reach."""


class HeaderTimeoutH11(H11Protocol):
    """uvicorn's h11 protocol, plus: a connection that has not completed a request's line and
    headers within ``header_timeout_s`` of connecting (or of its previous response) is closed.
    uvicorn's keep-alive timer stops at the first byte, so without this a client that sends half
    a request line and then nothing holds the connection forever (slowloris).

    Also: a body that goes on after the answer (the guard's 413) is discarded by uvicorn; this
    closes the connection once ``drain_max_bytes`` of it have come (and the header timeout
    closes it after ``header_timeout_s`` in any case)."""

    header_timeout_s = 10.0
    drain_max_bytes = 2 * guard.Limits.max_body

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._arm_header_timer()

    def _arm_header_timer(self) -> None:
        self._cancel_header_timer()
        self._waiting_cycle = self.cycle
        self._header_timer = self.loop.call_later(self.header_timeout_s, self._header_timed_out)

    def _cancel_header_timer(self) -> None:
        timer = getattr(self, "_header_timer", None)
        if timer is not None:
            timer.cancel()
            self._header_timer = None

    def _header_timed_out(self) -> None:
        self._header_timer = None
        if self.cycle is self._waiting_cycle and not self.transport.is_closing():  # no new request began
            self.server_state.header_timeouts = getattr(self.server_state, "header_timeouts", 0) + 1
            self.transport.close()

    def _draining(self) -> bool:
        """The answer went out before the body ended (the guard's 413): uvicorn discards the
        rest, which spares a client that writes everything before reading a reset."""
        return self.conn.our_state is h11.DONE and self.conn.their_state is h11.SEND_BODY

    def data_received(self, data: bytes) -> None:
        draining = self._draining()
        super().data_received(data)
        if draining and self._draining():  # counted only while the same body is still coming
            self._drained = getattr(self, "_drained", 0) + len(data)
            if self._drained > self.drain_max_bytes:
                self.transport.close()

    def handle_events(self) -> None:
        super().handle_events()
        if self.cycle is not getattr(self, "_waiting_cycle", None):  # a new request began
            self._cancel_header_timer()
            self._drained = 0

    def on_response_complete(self) -> None:
        # armed first: uvicorn may start a pipelined request inside this call, and handle_events
        # then cancels the timer (arming after it would time that request out while it runs)
        self._arm_header_timer()
        super().on_response_complete()

    def connection_lost(self, exc) -> None:
        self._cancel_header_timer()
        super().connection_lost(exc)


class HubServer(uvicorn.Server):
    """uvicorn's Server with a TLS handshake timeout: a client that connects and never completes
    the handshake is dropped after ``tls_handshake_timeout_s`` (uvicorn passes nothing, so asyncio's
    60 s applied). uvicorn has no option for it, so ``create_server`` of this server's own loop
    gets the argument while uvicorn's startup runs."""

    def __init__(self, config, tls_handshake_timeout_s: float = guard.Limits.tls_handshake_timeout_s):
        super().__init__(config)
        self.tls_handshake_timeout_s = tls_handshake_timeout_s

    async def startup(self, sockets=None) -> None:
        if self.config.ssl is None:
            await super().startup(sockets)
            return
        loop = asyncio.get_running_loop()
        loop.create_server = functools.partial(loop.create_server, ssl_handshake_timeout=self.tls_handshake_timeout_s)
        try:
            await super().startup(sockets)
        finally:
            del loop.create_server  # the loop's own method again


def _protocol_class(limits: guard.Limits) -> type:
    return type("HubH11Protocol", (HeaderTimeoutH11,), {"header_timeout_s": limits.header_timeout_s,
                                                        "drain_max_bytes": 2 * limits.max_body})


def _tls12_context(config, default_factory) -> ssl.SSLContext:
    ctx = default_factory()
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


def check_transport(tls_dir: Path | None, insecure_http: bool, host: str) -> pki.TlsFiles | None:
    """The TLS files to serve with (None for plain HTTP); refuses plain HTTP off loopback and
    missing TLS files, with messages that say what to do."""
    if insecure_http:
        if not is_loopback(host):
            raise InsecureHttpRefused(
                f"plain HTTP is only allowed on a loopback address (127.0.0.1, ::1, localhost), not {host!r}: "
                "booth credentials and traveller records would cross the network unencrypted. "
                "Run `inspector-app hub init --dir DIR` and serve HTTPS with --dir DIR instead")
        return None
    if tls_dir is None:
        raise pki.TlsError("no TLS directory: pass --dir DIR (made by `inspector-app hub init --dir DIR`)")
    files = pki.tls_files(tls_dir)
    pki.check_files(files)
    return files


def build_config(app, *, tls_dir: Path | None, insecure_http: bool = False, host: str = "127.0.0.1",
                 port: int = 8470, log_level: str = "warning", access_log: bool = False, lifespan: str = "off"):
    """The uvicorn Config both ``serve`` and ``start_in_thread`` run: HTTPS with the certificate
    and key in ``tls_dir/tls`` unless ``insecure_http`` (refused unless ``host`` is loopback)."""
    limits: guard.Limits = getattr(app.state, "limits", None) or guard.Limits()
    files = check_transport(tls_dir, insecure_http, host)
    tls = {} if files is None else {"ssl_certfile": str(files.cert), "ssl_keyfile": str(files.key),
                                    "ssl_context_factory": _tls12_context}
    return uvicorn.Config(
        app, host=host, port=port, log_level=log_level, access_log=access_log, lifespan=lifespan,
        http=_protocol_class(limits), timeout_keep_alive=limits.keep_alive_s,
        limit_concurrency=limits.max_connections, h11_max_incomplete_event_size=limits.max_header_bytes,
        server_header=False, loop="asyncio", **tls)


def build_server(app, **kw) -> HubServer:
    """``build_config(app, **kw)`` in a ``HubServer`` with the app's TLS handshake timeout."""
    config = build_config(app, **kw)
    limits: guard.Limits = getattr(app.state, "limits", None) or guard.Limits()
    return HubServer(config, limits.tls_handshake_timeout_s)


def serve(db_url: str, host: str = "127.0.0.1", port: int = 8470, log_level: str = "info", *,
          tls_dir: Path | None = None, insecure_http: bool = False, limits: guard.Limits | None = None,
          listen_fd: int | None = None, pool_size: int | None = None) -> None:
    """``tls_dir`` is the hub directory `hub init` made: ``tls/`` and ``keys/`` (the receipt key).
    With ``listen_fd`` this process is one of ``hub serve --workers N`` (``workers.supervise``):
    it accepts on the socket its supervisor bound and stops when the supervisor is gone."""
    from inspector_app.hub.keys import HubKeys
    from inspector_app.hub.server import create_app

    if tls_dir is None:
        raise pki.TlsError("no hub directory: pass --dir DIR (made by `inspector-app hub init --dir DIR`)")
    from inspector_app.hub.db import HubDb

    db = HubDb(db_url, pool_size=pool_size, fixed_pool=True)  # the process's connection budget, held
    app = create_app(db, HubKeys.load(tls_dir), limits=limits)
    db.gallery_dir = Path(tls_dir) / GALLERY_DIR   # `hub gallery-snapshot` writes it
    server = build_server(app, tls_dir=tls_dir, insecure_http=insecure_http, host=host, port=port,
                          log_level=log_level, access_log=True, lifespan="auto")
    if listen_fd is None:
        server.run()
        return
    from inspector_app.hub.workers import watch_supervisor

    watch_supervisor(server)
    server.run(sockets=[socket.socket(fileno=listen_fd)])


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, inheritable: ``start_in_thread`` serves on it, ``hub serve
    --workers N`` hands it to every worker."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(1024)
    sock.set_inheritable(True)
    return sock


@dataclass
class RunningHub:
    url: str
    port: int
    server: object
    thread: threading.Thread
    app: object
    ca_file: str | None = None      # the CA to trust for ``url`` (None for plain HTTP)
    tls_dir: Path | None = None     # the hub directory: ``tls/`` certificate and key, ``keys/``, trust file

    @property
    def db(self):
        return self.app.state.db

    @property
    def hub_dir(self) -> Path:
        return self.tls_dir

    @property
    def tls_context(self) -> ssl.SSLContext | None:
        """A client context that trusts this hub's CA (``httpx.Client(verify=hub.tls_context)``)."""
        return ssl.create_default_context(cafile=self.ca_file) if self.ca_file else None

    @property
    def server_state(self):
        return self.server.server_state

    def stop(self, timeout: float = 10, grace: float = 1.0) -> None:
        """Graceful for ``grace`` seconds, then forced: a TLS connection a client left open
        (keep-alive) otherwise holds the shutdown until its TLS close times out."""
        self.server.should_exit = True
        self.thread.join(grace)
        if self.thread.is_alive():
            self.server.force_exit = True
            self.thread.join(timeout)
        self.db.close()


def start_in_thread(db_url, host: str = "127.0.0.1", port: int = 0, tls_dir: Path | None = None, *,
                    insecure_http: bool = False, limits: guard.Limits | None = None,
                    timeout: float = 20) -> RunningHub:
    """A hub in a daemon thread. HTTPS always, unless ``insecure_http``: with ``tls_dir`` None, a
    throwaway hub directory (CA, server certificate for 127.0.0.1/localhost, hub keys, trust file,
    as `hub init` makes them) is made in a temporary directory (removed when the RunningHub is
    collected or at exit); ``RunningHub.ca_file`` is the CA a client must trust."""
    from inspector_app.hub.keys import HubKeys
    from inspector_app.hub.server import create_app
    from inspector_app.hub.setup import init_hub

    temp = None
    if tls_dir is None:
        temp = tempfile.mkdtemp(prefix="hub-")
        tls_dir = Path(temp)
    init_hub(tls_dir, hosts=(host, "localhost"))  # keeps what exists
    app = create_app(db_url, HubKeys.load(tls_dir), limits=limits)
    app.state.db.gallery_dir = Path(tls_dir) / GALLERY_DIR
    server = build_server(app, tls_dir=tls_dir, insecure_http=insecure_http, host=host, port=port)
    sock = bind(host, port)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True, name="hub")
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("hub did not start")
        time.sleep(0.02)
    actual = sock.getsockname()[1]
    scheme = "http" if insecure_http else "https"
    ca = None if insecure_http else str(pki.tls_files(tls_dir).ca)
    running = RunningHub(f"{scheme}://{host}:{actual}", actual, server, thread, app, ca, Path(tls_dir))
    if temp is not None:  # kept after stop() (a booth may still point at ca.pem), removed with the object
        weakref.finalize(running, shutil.rmtree, temp, True)
    return running
