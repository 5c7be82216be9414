"""The station's HTTPS service: a booth asks for one passport's capture and proves who it is.

``POST /v1/captures/lookup`` with ``{booth, document_number, nationality, at, proof}``: ``proof``
is the booth's Ed25519 signature (its own ``sync/booth.key``, which never leaves the booth) over
those fields and the station's public key, so a proof made for one station is useless at
another. The station answers only booths it was told about (``biocart.booths``) with a proof
made within ``MAX_SKEW`` of its clock; anything else is 401, an unknown or expired capture 404.
TLS and the hardened uvicorn set-up are the hub's (``hub.runner``), with the station's own CA
made as ``hub init`` makes the hub's (``DIR/biocart/tls``).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import socket
import threading
import time
from pathlib import Path

from inspector_app.biocart.capture import REQUEST_TAG, parse_time
from inspector_app.biocart.station import HOST, PORT, Station, station_dir
from inspector_app.common import signing

MAX_SKEW = dt.timedelta(minutes=2)
LOOKUP = "/v1/captures/lookup"
REQUEST_FIELDS = ("booth", "document_number", "nationality", "at")


def request_fields(req: dict, station_key: str) -> dict:
    """What a booth's proof signs: the request and the station it is meant for."""
    return {**{k: str(req.get(k) or "") for k in REQUEST_FIELDS}, "station_key": station_key}


def create_app(station: Station):
    from fastapi import FastAPI
    from fastapi.responses import JSONResponse

    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    def refuse(status: int, detail: str) -> JSONResponse:
        return JSONResponse({"detail": detail}, status_code=status)

    @app.post(LOOKUP)
    def lookup(req: dict):
        booth = str(req.get("booth") or "")
        key = station.booth_key(booth) if booth else None
        if key is None:
            return refuse(401, "this booth is not allowed to retrieve bio-cart captures")
        if not signing.verify(key, REQUEST_TAG, request_fields(req, station.public_key), req.get("proof")):
            return refuse(401, "the booth's proof does not verify")
        try:
            skew = abs(station.clock() - parse_time(req["at"]))
        except (KeyError, ValueError):
            return refuse(401, "the booth's proof has no valid time")
        if skew > MAX_SKEW:
            return refuse(401, "the booth's proof is too old or its clock is wrong")
        station.purge()
        doc = station.lookup(str(req.get("document_number") or ""), str(req.get("nationality") or ""))
        if doc is None:
            return refuse(404, "no capture for this passport")
        return doc

    @app.get("/v1/health")
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
