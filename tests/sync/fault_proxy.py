"""A fault-injecting HTTP/1.1 proxy for loopback tests: sits between booth and hub and, per
request, forwards it, refuses the connection, answers 500, delays the answer, cuts the upload
halfway, drops the hub's answer after the hub processed it, delivers the request twice, or (replay)
answers without asking the hub, with the hub's last genuine answer to the same kind of request.

It terminates TLS (given the hub directory, ``tls_dir``) rather than passing bytes through: the
faults are HTTP-level (a 500, an HTML page, the hub's answer dropped after the hub stored the
records, a request delivered twice), which a byte pipe cannot produce. Booths trust the hub's CA
only, so the proxy presents the hub's own certificate (as an attacker holding the hub's TLS key
would); upstream it does not verify (it is a wire in a test, not a client under test). What the
booth acks still rests on the hub's signed receipt, which the proxy cannot forge: it only relays,
drops or repeats it.

Faults are chosen by a ``plan`` (a callable from request number to fault name), so tests are
deterministic: no timers decide what happens, only the request count.
"""
from __future__ import annotations

import socket
import ssl
import threading
import time
from pathlib import Path

FAULTS = ("pass", "refuse", "http500", "html200", "slow", "cut_upload", "drop_response", "duplicate", "replay")


def _read_message(sock: socket.socket, buf: bytearray) -> bytes | None:
    """One HTTP/1.1 message (head + Content-Length body) from ``sock``; None on EOF."""
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        buf += chunk
    head_end = buf.index(b"\r\n\r\n") + 4
    length = 0
    for line in bytes(buf[:head_end]).split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
        if name.strip().lower() == b"transfer-encoding":
            raise RuntimeError("fault proxy does not handle chunked bodies")
    while len(buf) < head_end + length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        buf += chunk
    msg = bytes(buf[:head_end + length])
    del buf[:head_end + length]
    return msg


class FaultProxy:
    def __init__(self, upstream_port: int, plan=lambda n: "pass", slow_s: float = 1.0, tls_dir: Path | None = None):
        self.upstream_port = upstream_port
        self.server_tls = self.client_tls = None
        if tls_dir is not None:
            self.server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            self.server_tls.load_cert_chain(Path(tls_dir) / "tls" / "server.pem", Path(tls_dir) / "tls" / "server.key")
            self.client_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            self.client_tls.check_hostname = False
            self.client_tls.verify_mode = ssl.CERT_NONE
        self.plan = plan
        self.slow_s = slow_s
        self.requests = 0
        self.faults: dict[str, int] = {}
        self.log: list[tuple[str, str]] = []  # (request line "METHOD /path", fault), in arrival order
        self.last_answer: dict[str, bytes] = {}  # request line -> the hub's last response to it
        self._lock = threading.Lock()
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.url = f"{'https' if tls_dir else 'http'}://127.0.0.1:{self.port}"
        self._closed = False
        threading.Thread(target=self._accept, daemon=True, name="fault-proxy").start()

    def close(self) -> None:
        self._closed = True
        self.listener.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _next_fault(self, request: bytes) -> tuple[str, str]:
        method, _, rest = request.split(b"\r\n", 1)[0].decode("latin-1").partition(" ")
        target = f"{method} {rest.split(' ')[0].split('?')[0]}"
        with self._lock:
            self.requests += 1
            fault = self.plan(self.requests)
            self.faults[fault] = self.faults.get(fault, 0) + 1
            self.log.append((target, fault))
            return target, fault

    def hits(self, fault: str, target: str) -> int:
        """How many requests to ``target`` (e.g. "POST /records") got ``fault``."""
        with self._lock:
            return sum(1 for t, f in self.log if t == target and f == fault)

    def _upstream(self) -> socket.socket:
        sock = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=30)
        return self.client_tls.wrap_socket(sock) if self.client_tls else sock

    def _roundtrip(self, request: bytes) -> bytes | None:
        with self._upstream() as up:
            up.sendall(request)
            return _read_message(up, bytearray())

    def _serve(self, client: socket.socket) -> None:
        buf = bytearray()
        try:
            if self.server_tls is not None:
                client.settimeout(30)
                client = self.server_tls.wrap_socket(client, server_side=True)
            while True:
                request = _read_message(client, buf)
                if request is None:
                    return
                target, fault = self._next_fault(request)
                if fault == "refuse":
                    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                    return  # RST: like a hub that is down
                if fault == "http500":
                    client.sendall(b"HTTP/1.1 500 Internal Server Error\r\ncontent-type: text/plain\r\n"
                                   b"content-length: 5\r\n\r\nboom!")
                    continue
                if fault == "html200":  # a captive portal or misrouted proxy answering for the hub
                    page = b"<html>please log in</html>"
                    client.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: "
                                   + str(len(page)).encode() + b"\r\n\r\n" + page)
                    continue
                if fault == "cut_upload":
                    with self._upstream() as up:
                        up.sendall(request[: len(request) // 2])
                    return  # both sides see the connection die mid-body
                if fault == "replay" and target in self.last_answer:  # signed, but for other records
                    client.sendall(self.last_answer[target])
                    continue
                if fault == "duplicate":
                    self._roundtrip(request)
                response = self._roundtrip(request)
                if response is None:
                    return
                self.last_answer[target] = response
                if fault == "drop_response":
                    return  # the hub stored it; the booth never hears so
                if fault == "slow":
                    time.sleep(self.slow_s)
                client.sendall(response)
        except OSError:
            return
        finally:
            client.close()
