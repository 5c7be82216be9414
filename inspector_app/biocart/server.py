"""The station's HTTPS service: a booth asks for one passport's capture and proves who it is.

``POST /v1/captures/lookup`` with ``{document_number, nationality}`` and ``Authorization: Bearer
TOKEN``: the token (``credential``) carries the booth's id, the time, and the booth's Ed25519
signature (its own ``sync/booth.key``, which never leaves the booth) over both and the station's
public key, so a token made for one station is useless at another and goes stale in ``MAX_SKEW``.
The station answers only booths it was told about (``biocart.booths``); anything else is 401, an
unknown or expired capture 404. TLS, the hardened uvicorn set-up and the request guard (body
size, failed-authentication throttling, timeouts) are the hub's (``hub.runner``, ``hub.guard``),
with the station's own CA made as ``hub init`` makes the hub's (``DIR/biocart/tls``).
"""
from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import json
import socket
import threading
import time
from pathlib import Path

from fastapi import Request  # at module level: FastAPI resolves the handlers' annotations here

from inspector_app.biocart import capture
from inspector_app.biocart.capture import REQUEST_TAG, iso, parse_time
from inspector_app.biocart.station import HOST, PORT, Station, station_dir
from inspector_app.common import signing

MAX_SKEW = dt.timedelta(minutes=2)
LOOKUP = "/v1/captures/lookup"
HEALTH = "/v1/health"


def _signed(booth: str, at: str, station_key: str, passport: str) -> dict:
    return {"booth": booth, "at": at, "station_key": station_key, "passport": passport}


def passport_of(document_number: str, nationality: str) -> str:
    """The passport a request is for, as the token names it (``NAT/NUMBER``, normalised)."""
    number, nat = capture.passport_key(document_number, nationality)
    return f"{nat}/{number}"


@dataclasses.dataclass(frozen=True)
class Caller:
    """A booth proven by its token, and the one passport the token may be used for: a token seen
    inside TLS (a proxy, a log) cannot be replayed for another traveller within ``MAX_SKEW``."""
    booth: str
    passport: str


def credential(booth: str, key, station_key: str, now: dt.datetime, passport: str) -> str:
    """The bearer token a booth sends: its id, the time and the passport asked for
    (``passport_of``), signed with its key for this station."""
    at = iso(now)
    doc = {"booth": booth, "at": at, "passport": passport,
           "proof": signing.sign(key, REQUEST_TAG, _signed(booth, at, station_key, passport))}
    return base64.urlsafe_b64encode(json.dumps(doc, separators=(",", ":")).encode()).decode("ascii")


def authenticate(station: Station, token: str) -> Caller | None:
    """The booth a token proves, and for which passport; None (unknown booth, bad signature,
    stale or malformed)."""
    try:
        doc = json.loads(base64.urlsafe_b64decode(token.encode("ascii")))
        booth, at, proof, passport = str(doc["booth"]), str(doc["at"]), doc["proof"], str(doc["passport"])
        fresh = abs(station.clock() - parse_time(at)) <= MAX_SKEW
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeError):
        return None
    key = station.booth_key(booth)
    if not fresh or key is None or not signing.verify(key, REQUEST_TAG, _signed(booth, at, station.public_key, passport),
                                                      proof):
        return None
    return Caller(booth, passport)


def create_app(station: Station):
    from fastapi import FastAPI
    from fastapi.responses import JSONResponse

    from inspector_app.hub import guard

    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    guard.install(app, lambda token: authenticate(station, token),
                  guard.Limits(max_body=4096, max_connections=64, max_inflight=16), public_paths={HEALTH})

    @app.post(LOOKUP)
    def lookup(req: dict, request: Request):
        station.purge()
        number, nationality = str(req.get("document_number") or ""), str(req.get("nationality") or "")
        caller = guard.principal(request)
        if not isinstance(caller, Caller) or caller.passport != passport_of(number, nationality):
            return JSONResponse({"detail": "this credential was made for another passport"}, status_code=403)
        doc = station.lookup(number, nationality)
        if doc is None:
            return JSONResponse({"detail": "no capture for this passport"}, status_code=404)
        return doc

    @app.get(HEALTH)
    def health():
        return {"station": station.station_id, "station_key": station.public_key}

    return app


def ensure_tls(home: Path, hosts=("127.0.0.1", "localhost")):
    """The station's TLS files (``DIR/biocart/tls``), made with a private CA the first time;
    ``ca.pem`` is what booths trust (``biocart.station_ca``)."""
    from inspector_app.hub import pki

    files = pki.tls_files(station_dir(home))
    if not (files.cert.is_file() and files.key.is_file() and files.ca.is_file()):
        files = pki.init_tls(station_dir(home), hosts=hosts)
    return files


@dataclasses.dataclass
class RunningStation:
    url: str
    port: int
    ca_file: str
    server: object
    thread: threading.Thread

    def stop(self, timeout: float = 10) -> None:
        self.server.should_exit = True
        self.thread.join(1.0)
        if self.thread.is_alive():
            self.server.force_exit = True
            self.thread.join(timeout)


def _server(station: Station, host: str, port: int):
    from inspector_app.hub import runner

    ensure_tls(station.home, hosts=tuple(dict.fromkeys((host, "127.0.0.1", "localhost"))))
    return runner.build_server(create_app(station), tls_dir=station_dir(station.home), host=host, port=port)


def start_in_thread(station: Station, host: str = "127.0.0.1", port: int = 0, timeout: float = 20) -> RunningStation:
    """The service in a daemon thread (tests, the demo, the kiosk); port 0 takes a free one."""
    from inspector_app.hub import pki, runner

    server = _server(station, host, port)
    sock: socket.socket = runner.bind(host, port)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True, name="biocart")
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the bio-cart service did not start")
        time.sleep(0.02)
    actual = sock.getsockname()[1]
    return RunningStation(f"https://{host}:{actual}", actual, str(pki.tls_files(station_dir(station.home)).ca),
                          server, thread)


def serve(station: Station, host: str | None = None, port: int | None = None) -> None:
    """In the foreground until interrupted (``inspector-app biocart serve``)."""
    host = host or str(station.setting(HOST))
    port = int(port if port is not None else station.setting(PORT))
    _server(station, host, port).run()
