"""A MOSIP SBI fingerprint device service that serves real images over real HTTP.

It speaks the same protocol as a vendor's device service (custom HTTP methods MOSIPDISC,
MOSIPDINFO, RCAPTURE, STREAM on 127.0.0.1), signs ``data``/``digitalId`` with a key it generates at
start (RS256 JWS, certificate chain in ``x5c``), and chains ``hash`` exactly as the client verifies it.
The device certificate is issued by a device-provider CA when one is given (``provider_ca``: a
``provider_ca.ProviderCA`` or the folder ``provider_ca.make_provider_ca`` wrote), as a vendor's
would be; otherwise it is self-signed (accepted only when pinned or in developer mode).
``identity=(key, cert, chain)`` uses a given key and certificate instead (tests: expired, foreign).
So tests and the demo exercise the real client code path, including its failure handling.

Images: a folder in FVC layout (``101_1.tif`` … ``110_8.tif``: finger 101..110, impression 1..8).
Finger *i* of :data:`sbi_protocol.FINGERS` maps to FVC finger ``101 + i``; successive captures of
the same finger take successive impressions (a retry is a new impression, as on a real scanner).
Any other folder: images sorted by name, finger *i* takes image ``i mod n``. Images are re-encoded
as PNG in ``bioValue`` (see docs/SBI_NOTES.md: real devices send ISO 19794-4).

Injected faults (``inject``), applied to RCAPTURE requests, ``inject_times`` times (None = always):
``busy`` (error 111), ``no_biometric`` (101), ``timeout`` (the device holds the request longer than
the caller's timeout, then answers), ``drop`` (connection closed without a response).
"""
from __future__ import annotations

import json
import re
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from inspector_app.common.clock import utc_now
from inspector_app.devices import jws
from inspector_app.devices import sbi_protocol as P

INJECTIONS = ("busy", "no_biometric", "timeout", "drop")
IMAGE_SUFFIXES = {".tif", ".tiff", ".png", ".bmp", ".jpg", ".jpeg", ".pgm"}
FVC_NAME = re.compile(r"^(\d+)_(\d+)$")


@dataclass
class SimulatorConfig:
    images_dir: Path
    quality: float = 80.0
    delay_ms: int = 0
    inject: str | None = None
    inject_times: int | None = None  # None: every capture; n: the next n captures
    hang_s: float = 30.0              # how long a "timeout" device holds the request
    serial_no: str = "BI0000000001"
    make: str = "BorderInspector"
    model: str = "SIM-FP-1"
    device_id: str = "1"
    device_sub_ids: list = field(default_factory=lambda: [1, 2, 3])
    env: str = "Developer"
    provider_ca: object = None        # ProviderCA or its folder: issue the device certificate from it
    identity: tuple | None = None     # (key, leaf cert, [intermediate certs]) instead of a fresh one


class FingerImages:
    """Deterministic finger → image file mapping, PNG-encoded once and cached."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        if not self.folder.is_dir():
            raise ValueError(f"images folder {self.folder} does not exist")
        files = sorted(p for p in self.folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
        if not files:
            raise ValueError(f"images folder {self.folder} holds no images ({', '.join(sorted(IMAGE_SUFFIXES))})")
        self.fvc: dict[int, list[Path]] = {}
        for p in files:
            m = FVC_NAME.match(p.stem)
            if m:
                self.fvc.setdefault(int(m.group(1)), []).append(p)
        for lst in self.fvc.values():
            lst.sort(key=lambda p: int(FVC_NAME.match(p.stem).group(2)))
        self.files = files
        self._png: dict[Path, bytes] = {}
        self._lock = threading.Lock()

    def path_for(self, finger: str, attempt: int) -> Path:
        index = P.FINGERS.index(finger)
        if self.fvc:
            ids = sorted(self.fvc)
            impressions = self.fvc[ids[index % len(ids)]]
            return impressions[attempt % len(impressions)]
        return self.files[(index + attempt) % len(self.files)]

    def png(self, path: Path) -> bytes:
        with self._lock:
            if path not in self._png:
                import cv2

                img = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
                if img is None:
                    raise ValueError(f"cannot read fingerprint image {path}")
                ok, buf = cv2.imencode(".png", img)
                if not ok:
                    raise ValueError(f"cannot PNG-encode {path}")
                self._png[path] = buf.tobytes()
            return self._png[path]


class _Server(ThreadingHTTPServer):
    request_queue_size = 64  # listen backlog (default 5): a burst of callers must not see SYN drops
    daemon_threads = True


class SbiSimulator:
    """The running service: ``port``, ``config`` (mutable between requests), ``stop()``."""

    def __init__(self, config: SimulatorConfig, host: str = "127.0.0.1", port: int = 0):
        self.config = config
        self.images = FingerImages(config.images_dir)
        name = f"{config.make} {config.model} {config.serial_no}"
        chain: list = []
        if config.identity is not None:
            self.key, self.cert, *rest = config.identity
            chain = list(rest[0]) if rest else []
        elif config.provider_ca is not None:
            from inspector_app.devices import provider_ca

            ca = config.provider_ca
            if not isinstance(ca, provider_ca.ProviderCA):
                ca = provider_ca.load_provider_ca(ca)
            self.key, self.cert = provider_ca.issue_device_cert(ca, common_name=name, serial_no=config.serial_no)
            # an intermediate CA travels in x5c with the certificates above it, except the root
            # (the booth has that one: devices.sbi.provider_ca)
            chain = ([ca.cert] + list(ca.chain[:-1])) if ca.chain else []
        else:
            self.key, self.cert = jws.generate_device_identity(name)
        self.cert_der = self.cert.public_bytes(serialization.Encoding.DER)
        self.x5c = [self.cert_der] + [c.public_bytes(serialization.Encoding.DER) for c in chain]
        self.cert_pem = self.cert.public_bytes(serialization.Encoding.PEM)
        self.capture_lock = threading.Lock()
        self.stats_lock = threading.Lock()
        self.stats = {"requests": 0, "captures": 0, "injected": 0, "busy": 0}
        self.attempts: dict[str, int] = {}
        self.stopping = threading.Event()
        self.server = _Server((host, port), _make_handler(self))
        self.server.daemon_threads = True
        self.host, self.port = self.server.server_address[:2]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), name=f"sbi-sim-{self.port}", daemon=True)

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> SbiSimulator:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    # -- protocol payloads -----------------------------------------------------------------
    def digital_id(self) -> dict:
        c = self.config
        return {"serialNo": c.serial_no, "make": c.make, "model": c.model, "type": "Finger",
                "deviceSubType": "Slap", "deviceProvider": "Border Inspector project",
                "deviceProviderId": "border-inspector", "dateTime": utc_now()}

    def signed_digital_id(self) -> str:
        return jws.sign(self.digital_id(), self.key, self.x5c)

    def status_text(self) -> str:
        return "Busy" if self.capture_lock.locked() else "Ready"

    def discovery(self) -> list:
        c = self.config
        return [{
            "deviceId": c.device_id, "deviceStatus": self.status_text(), "certification": "L0",
            "serviceVersion": "1.0", "deviceSubId": list(c.device_sub_ids), "callbackId": self.base_url,
            "digitalId": jws.b64url_encode(json.dumps(self.digital_id()).encode()),
            "deviceCode": c.serial_no, "specVersion": [P.SPEC_VERSION], "purpose": "Registration",
            "error": {"errorCode": "0", "errorInfo": "Success"},
        }]

    def info(self) -> list:
        c = self.config
        payload = {
            "deviceStatus": self.status_text(), "deviceId": c.device_id, "firmware": "1.0",
            "certification": "L0", "serviceVersion": "1.0", "deviceSubId": list(c.device_sub_ids),
            "callbackId": self.base_url, "digitalId": self.signed_digital_id(), "deviceCode": c.serial_no,
            "env": c.env, "purpose": "Registration", "specVersion": [P.SPEC_VERSION],
        }
        return [{"deviceInfo": jws.sign(payload, self.key, self.x5c),
                 "error": {"errorCode": "0", "errorInfo": "Success"}}]

    def take_injection(self) -> str | None:
        """Consume one injected fault, if any is armed."""
        c = self.config
        with self.stats_lock:
            if not c.inject:
                return None
            if c.inject_times is not None:
                if c.inject_times <= 0:
                    return None
                c.inject_times -= 1
            self.stats["injected"] += 1
            return c.inject

    def capture(self, request: dict) -> dict:
        """RCAPTURE body → response body (never raises for protocol-level problems)."""
        c = self.config
        bio = (request.get("bio") or [{}])[0] if isinstance(request.get("bio"), list) else {}
        tx = request.get("transactionId")
        if not isinstance(tx, str) or not tx:
            return error_response(P.INVALID_TRANSACTION)
        if bio.get("type") != "Finger":
            return error_response(P.DEVICE_NOT_FOUND, f"this device captures Finger, not {bio.get('type')!r}")
        if str(bio.get("deviceId", c.device_id)) != c.device_id:
            return error_response(P.DEVICE_NOT_FOUND)
        exceptions = set(bio.get("exception") or [])
        subtypes = [s for s in (bio.get("bioSubType") or []) if s not in exceptions]
        try:
            count = int(bio.get("count", len(subtypes)))
        except (TypeError, ValueError):
            return error_response(P.COUNT_NOT_SUPPORTED, "count is not a number")
        if count != len(subtypes) or not subtypes or any(s not in P.FINGERS for s in subtypes) or count > 4:
            return error_response(P.COUNT_NOT_SUPPORTED)
        previous = bio.get("previousHash") or ""
        try:
            bytes.fromhex(previous)
        except ValueError:
            return error_response(102, "previousHash is not hex")
        if self.stopping.wait(c.delay_ms / 1000.0):
            return error_response(P.NOT_READY)
        items = []
        requested = _float(bio.get("requestedScore"), 0.0)
        for sub in subtypes:
            with self.stats_lock:
                attempt = self.attempts.get(sub, 0)
                self.attempts[sub] = attempt + 1
            image = self.images.png(self.images.path_for(sub, attempt))
            new_hash = P.chain_hash(previous, image)
            data = {
                "digitalId": self.signed_digital_id(), "bioType": "Finger", "deviceCode": c.serial_no,
                "deviceServiceVersion": "1.0", "bioSubType": sub, "purpose": "Registration", "env": c.env,
                "bioValue": jws.b64url_encode(image), "transactionId": tx, "timestamp": utc_now(),
                "requestedScore": requested, "qualityScore": float(c.quality),
            }
            items.append({"specVersion": P.SPEC_VERSION, "data": jws.sign(data, self.key, self.x5c),
                          "hash": new_hash, "error": {"errorCode": "0", "errorInfo": "Success"}})
            previous = new_hash
        with self.stats_lock:
            self.stats["captures"] += 1
        return {"biometrics": items}


def error_response(code: int, info: str | None = None) -> dict:
    return {"biometrics": [{"specVersion": P.SPEC_VERSION, "data": "", "hash": "",
                            "error": {"errorCode": str(code), "errorInfo": info or P.ERROR_CODES.get(code, "Error")}}]}


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _float(value, default: float) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def _make_handler(sim: SbiSimulator):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "BorderInspectorSBISim/1.0"

        def log_message(self, fmt, *args):  # quiet: tests and the demo read stats instead
            pass

        def _body(self) -> dict | None:
            length = _int(self.headers.get("Content-Length"), 0)
            raw = self.rfile.read(length) if length > 0 else b""
            if not raw:
                return {}
            try:
                data = json.loads(raw)
            except ValueError:
                return None
            return data if isinstance(data, dict) else None

        def _send_json(self, obj, status: int = 200) -> None:
            body = json.dumps(obj).encode()
            self.close_connection = True
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("CACHE-CONTROL", "no-store")
                self.send_header("LOCATION", sim.base_url.rstrip("/"))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                pass  # the caller gave up (its timeout) or dropped the connection

        def _count(self) -> None:
            with sim.stats_lock:
                sim.stats["requests"] += 1

        def do_MOSIPDISC(self):
            self._count()
            body = self._body()
            if body is None:
                return self._send_json([{"error": {"errorCode": "101", "errorInfo": "Invalid JSON for discovery"}}])
            wanted = body.get("type", "Biometric Device")
            self._send_json(sim.discovery() if wanted in ("Finger", "Biometric Device") else [])

        def do_MOSIPDINFO(self):
            self._count()
            self._body()
            self._send_json(sim.info())

        def do_RCAPTURE(self):
            self._count()
            body = self._body()
            if body is None:
                return self._send_json(error_response(102, "request body is not JSON"))
            fault = sim.take_injection()
            if fault == "drop":
                self.close_connection = True
                try:
                    self.connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                return
            if fault == "timeout":
                sim.stopping.wait(sim.config.hang_s)
                return self._send_json(error_response(P.NOT_READY, "capture timed out on the device"))
            if fault in ("busy", "no_biometric"):
                if fault == "busy":
                    with sim.stats_lock:
                        sim.stats["busy"] += 1
                return self._send_json(error_response(P.BUSY if fault == "busy" else P.NO_BIOMETRIC))
            if not sim.capture_lock.acquire(blocking=False):
                with sim.stats_lock:
                    sim.stats["busy"] += 1
                return self._send_json(error_response(P.BUSY))
            try:
                self._send_json(sim.capture(body))
            finally:
                sim.capture_lock.release()

        def do_CAPTURE(self):  # the Auth capture verb: not offered by a registration device
            self._count()
            self._body()
            self._send_json(error_response(P.DEVICE_NOT_FOUND, "this registration device does not support CAPTURE"))

        def do_STREAM(self):
            """Multipart JPEG preview (spec: ≥ 3 fps) until the request's timeout."""
            self._count()
            body = self._body() or {}
            import cv2

            duration = min(_int(body.get("timeout"), 2000), 60000) / 1000.0
            img = cv2.imread(str(sim.images.path_for(P.FINGERS[0], 0)), cv2.IMREAD_GRAYSCALE)
            ok, buf = cv2.imencode(".jpg", img)
            frame = buf.tobytes()
            self.send_response(200)
            self.send_header("Content-Type", "multipart/x-mixed-replace; boundary=--BoundaryString")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            end = time.monotonic() + duration
            try:
                while time.monotonic() < end and not sim.stopping.is_set():
                    self.wfile.write(b"--BoundaryString\r\nContent-Type:image/jpeg\r\nContent-Length:"
                                     + str(len(frame)).encode() + b"\r\n\r\n" + frame + b"\r\n")
                    self.wfile.flush()
                    if sim.stopping.wait(0.2):
                        break
            except OSError:
                pass  # the viewer went away

    return Handler


def serve(port: int, images_dir, host: str = "127.0.0.1", **config) -> SbiSimulator:
    """Start a simulator in a background thread; ``port=0`` picks a free port."""
    if config.get("inject") not in (None, *INJECTIONS):
        raise ValueError(f"unknown injection {config['inject']!r}; choose from {', '.join(INJECTIONS)}")
    sim = SbiSimulator(SimulatorConfig(images_dir=Path(images_dir), **config), host=host, port=port)
    return sim.start()
