"""Security tests of the hub's transport and front door: hubs with chosen limits, raw TLS sockets.

The database fixtures (SQLite, and PostgreSQL from a throwaway cluster) are in tests/postgres_fixtures.py.
"""
from __future__ import annotations

import socket
import ssl

import pytest


@pytest.fixture
def start_hub(tmp_path):
    """``start_hub(db_url=None, **kw)`` -> a running hub (``runner.start_in_thread`` keywords:
    ``limits=guard.Limits(...)``, ``insecure_http=True``); all are stopped at the end."""
    from inspector_app.hub.runner import start_in_thread

    hubs = []

    def start(db_url: str | None = None, **kw):
        running = start_in_thread(db_url or f"sqlite:///{tmp_path}/hub-{len(hubs)}.db", **kw)
        hubs.append(running)
        return running

    yield start
    for h in hubs:
        h.stop()


def tls_socket(hub, timeout: float = 10) -> ssl.SSLSocket:
    """A TLS connection to ``hub`` with the handshake done, trusting its CA."""
    raw = socket.create_connection(("127.0.0.1", hub.port), timeout=timeout)
    return hub.tls_context.wrap_socket(raw, server_hostname="127.0.0.1")


def try_recv(sock: ssl.SSLSocket) -> bytes | None:
    """Application data already there (b"" at EOF), or None if nothing has arrived yet. (A TLS
    socket can be readable with no data for the application: TLS 1.3 session tickets.)"""
    sock.setblocking(False)
    try:
        return sock.recv(65536)
    except (ssl.SSLWantReadError, BlockingIOError):
        return None
    finally:
        sock.setblocking(True)


def read_response(sock, buf: bytes = b"") -> tuple[int, dict, bytes]:
    """(status, headers, body) of one HTTP/1.1 response with Content-Length, read from ``sock``
    (``buf``: what was already received of it)."""
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(f"connection closed after {len(buf)} bytes of response head")
        buf += chunk
    head, _, body = buf.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return status, headers, body[:length]
