"""MOSIP SBI client: discover fingerprint device services on 127.0.0.1:4501-4600 and capture.

Every request has a deadline (connect timeout + overall read deadline), discovery probes the whole
port range concurrently, and a capture is only returned when every item's JWS structure and
signer (``devices.trust``: the device-provider CA, a pinned certificate, or — development only —
the device's own certificate), transaction id, finger and ``hash`` chain check out. A device is
used only when its signed device info verifies under that policy (``discover_trusted``); with no
trust configured every device is refused. Device errors (busy, no biometric ...), timeouts and
dropped connections become typed :class:`SbiError` subclasses with a message an operator can act on.
"""
from __future__ import annotations

import hashlib
import http.client
import json
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field

from inspector_app.devices import jws
from inspector_app.devices import sbi_protocol as P
from inspector_app.devices import trust as trustmod


class SbiError(RuntimeError):
    """A capture or request that did not produce trustworthy biometrics; ``code`` is the SBI code."""

    code: int | None = None

    def __init__(self, message: str, code: int | None = None):
        super().__init__(message)
        if code is not None:
            self.code = code


class SbiTimeout(SbiError):
    """The device service did not answer within the deadline."""


class SbiConnectionError(SbiError):
    """No service on the port, or the connection was dropped mid-request."""


class SbiDeviceError(SbiError):
    """The device answered with a non-zero SBI error code."""


class SbiBusy(SbiDeviceError):
    code = P.BUSY


class SbiNoBiometric(SbiDeviceError):
    code = P.NO_BIOMETRIC


class SbiIntegrityError(SbiError):
    """Broken JWS, wrong transaction/finger, or a hash chain that does not verify: reject."""


TRANSIENT = (SbiTimeout, SbiConnectionError, SbiBusy)


@dataclass
class DeviceInfo:
    port: int
    device_id: str
    status: str
    certification: str = ""
    service_version: str = ""
    device_sub_ids: list = field(default_factory=list)
    callback_id: str = ""
    serial_no: str = ""
    make: str = ""
    model: str = ""
    device_type: str = ""
    device_sub_type: str = ""
    spec_versions: list = field(default_factory=list)
    purpose: str = ""
    error_code: int = 0
    error_info: str = ""
    signature: str = "none"  # how the signed info was trusted: provider-ca | pinned | self-asserted-dev | none
    signer_sha256: str = ""  # the signing certificate (or pinned key) of the device info
    refused_reason: str = ""  # set on devices discover_trusted() refused: why it is not used

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class CapturedFinger:
    bio_sub_type: str
    image: bytes
    device_quality: float | None
    requested_score: float | None
    timestamp: str
    hash: str
    serial_no: str = ""

    @property
    def image_format(self) -> str:
        return "png" if self.image[:8] == b"\x89PNG\r\n\x1a\n" else "unknown"

    def to_dict(self) -> dict:
        return {"bio_sub_type": self.bio_sub_type, "image_bytes": len(self.image),
                "image_sha256": hashlib.sha256(self.image).hexdigest(), "image_format": self.image_format,
                "device_quality": self.device_quality, "requested_score": self.requested_score,
                "timestamp": self.timestamp, "hash": self.hash, "serial_no": self.serial_no}


@dataclass
class CaptureResult:
    transaction_id: str
    previous_hash: str
    items: list
    signature: str          # how the device was trusted: provider-ca | pinned | self-asserted-dev
    latency_s: float
    port: int
    signer_sha256: str = ""

    @property
    def last_hash(self) -> str:
        return self.items[-1].hash if self.items else self.previous_hash

    def to_dict(self) -> dict:
        return {"transaction_id": self.transaction_id, "previous_hash": self.previous_hash,
                "last_hash": self.last_hash, "signature": self.signature,
                "latency_s": round(self.latency_s, 4), "port": self.port, "signer_sha256": self.signer_sha256,
                "items": [i.to_dict() for i in self.items], "chain_verified": True}


def _device_error(code: int, info: str, port: int) -> SbiDeviceError:
    meaning = P.ERROR_CODES.get(code, "device error")
    message = f"fingerprint device on port {port}: {meaning} (SBI error {code}: {info})"
    cls = {P.BUSY: SbiBusy, P.NO_BIOMETRIC: SbiNoBiometric}.get(code, SbiDeviceError)
    return cls(message, code)


class SbiClient:
    def __init__(self, host: str = "127.0.0.1", ports=range(P.PORT_RANGE[0], P.PORT_RANGE[1] + 1),
                 timeout: float = 5.0, connect_timeout: float = 0.25, trusted_key=None,
                 app_name: str = "border-inspector", max_workers: int = 32,
                 trust: trustmod.DeviceTrust | None = None, device_id: str | None = None):
        """``trust``: the device trust policy; without it, ``trusted_key`` (a certificate or public
        key, PEM/DER bytes or a key object) is pinned, and with neither every device is refused.
        ``device_id``: use only the device with this serial number (its signed digital ID's
        ``serialNo``)."""
        self.host = host
        self.ports = list(ports)
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self.trust = trust if trust is not None else trustmod.DeviceTrust(pinned=trusted_key)
        self.device_id = str(device_id) if device_id not in (None, "") else None
        self.app_name = app_name
        self.max_workers = max_workers

    # -- transport -------------------------------------------------------------------------
    def _request(self, port: int, method: str, path: str, body: dict | None, deadline_s: float,
                 connect_timeout: float | None = None):
        """One request on a fresh connection; returns parsed JSON. Never waits past the deadline.

        Discovery connects with the short ``connect_timeout`` (nothing listening is the common
        case); other calls allow at least 1 s, since a busy service may accept slowly."""
        start = time.monotonic()
        deadline = start + deadline_s
        connect_timeout = connect_timeout if connect_timeout is not None else max(self.connect_timeout, 1.0)
        conn = http.client.HTTPConnection(self.host, port, timeout=min(connect_timeout, deadline_s))
        try:
            try:
                conn.connect()
            except TimeoutError as exc:
                raise SbiTimeout(f"no answer from {self.host}:{port} within {connect_timeout:.2f}s (connect)") from exc
            except OSError as exc:
                raise SbiConnectionError(f"no device service on {self.host}:{port} ({exc.strerror or exc})") from exc
            # Each socket operation waits at most the time left; the loop below re-checks the
            # deadline between chunks, so a trickling device is cut off too.
            conn.sock.settimeout(max(0.01, deadline - time.monotonic()))
            payload = json.dumps(body).encode() if body is not None else b""
            headers = {"Content-Type": "application/json", "EXT": self.app_name,
                       "Host": f"{self.host}:{port}", "Connection": "close"}
            try:
                conn.request(method, path, body=payload, headers=headers)
                resp = conn.getresponse()
                chunks = []
                while True:
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        raise TimeoutError()
                    chunk = resp.read(65536)
                    if not chunk:
                        break
                    chunks.append(chunk)
            except TimeoutError as exc:
                raise SbiTimeout(f"{method} to port {port} got no complete answer within {deadline_s:.1f}s") from exc
            except (http.client.RemoteDisconnected, http.client.IncompleteRead, ConnectionError) as exc:
                raise SbiConnectionError(f"{method} to port {port}: connection dropped by the device service ({exc.__class__.__name__})") from exc
            except (http.client.HTTPException, OSError) as exc:
                raise SbiConnectionError(f"{method} to port {port} failed: {exc}") from exc
        finally:
            conn.close()
        if resp.status != 200:
            raise SbiDeviceError(f"{method} to port {port}: HTTP {resp.status} {resp.reason}")
        try:
            return json.loads(b"".join(chunks))
        except ValueError as exc:
            raise SbiIntegrityError(f"{method} to port {port}: response is not JSON") from exc

    # -- discovery and info ------------------------------------------------------------------
    def probe(self, port: int, type: str = "Finger") -> list[DeviceInfo]:
        data = self._request(port, "MOSIPDISC", "/device", {"type": type}, min(self.timeout, 2.0), self.connect_timeout)
        if not isinstance(data, list):
            raise SbiIntegrityError(f"discovery on port {port}: expected a JSON array")
        return [_device_from_discovery(port, item) for item in data if isinstance(item, dict) and item.get("deviceId") is not None]

    def discover(self, type: str = "Finger") -> list[DeviceInfo]:
        """Probe every port concurrently; ports with nothing listening are skipped quickly."""
        def one(port):
            try:
                return self.probe(port, type)
            except SbiError:
                return []

        with ThreadPoolExecutor(max_workers=max(1, min(self.max_workers, len(self.ports)))) as pool:
            found = list(pool.map(one, self.ports))
        return [d for group in found for d in group]

    def discover_trusted(self, type: str = "Finger") -> tuple[list[DeviceInfo], list[DeviceInfo]]:
        """(usable, refused), both in port order. Discovery answers are unsigned, so each device
        must sign its device info under the trust policy; the usable entries are that signed info
        (``signature`` says how it was trusted). A device that cannot is refused, with
        ``refused_reason``, however early it answered. With ``device_id`` set, only the trusted
        device of that serial number is usable; other trusted devices are listed as refused."""
        found = self.discover(type)
        ports = sorted({d.port for d in found})
        if not ports:
            return [], []

        def signed(port):
            try:
                return self.info(port), None
            except SbiError as exc:
                return None, str(exc)

        with ThreadPoolExecutor(max_workers=max(1, min(self.max_workers, len(ports)))) as pool:
            infos = dict(zip(ports, pool.map(signed, ports)))
        usable, refused = [], []
        for device in found:
            info, why = infos[device.port]
            match = next((i for i in info or [] if i.device_id == device.device_id), None)
            if match is None:
                why = why or f"device {device.device_id} on port {device.port} is not in its signed device info"
                refused.append(_refused(device, why))
            elif self.device_id is not None and match.serial_no != self.device_id:
                refused.append(_refused(match, f"not used: not the configured device (devices.sbi.device_id = {self.device_id}, "
                                               f"this one is {match.serial_no or 'without a serial number'})"))
            else:
                usable.append(match)
        return usable, refused

    def info(self, port: int) -> list[DeviceInfo]:
        data = self._request(port, "MOSIPDINFO", "/info", None, min(self.timeout, 3.0))
        if not isinstance(data, list):
            raise SbiIntegrityError(f"device info on port {port}: expected a JSON array")
        devices = []
        for item in data:
            if not isinstance(item, dict):
                raise SbiIntegrityError(f"device info on port {port}: array item is not an object")
            err = item.get("error") or {}
            if not isinstance(err, dict):
                err = {"errorCode": -1, "errorInfo": "malformed error"}
            token = item.get("deviceInfo")
            verified = self._decode_jws(token, f"deviceInfo on port {port}")
            p = verified.decoded.payload
            digital = {}
            if p.get("digitalId"):
                inner = self._decode_jws(p.get("digitalId"), f"digitalId on port {port}")
                if inner.signer_sha256 != verified.signer_sha256:
                    raise SbiIntegrityError(f"digitalId on port {port}: signed by another certificate than the device info")
                digital = inner.decoded.payload
            devices.append(DeviceInfo(
                port=port, device_id=str(p.get("deviceId", "")), status=str(p.get("deviceStatus", "")),
                certification=str(p.get("certification", "")), service_version=str(p.get("serviceVersion", "")),
                device_sub_ids=_as_list(p.get("deviceSubId")), callback_id=str(p.get("callbackId", "")),
                serial_no=str(digital.get("serialNo", p.get("deviceCode", ""))), make=str(digital.get("make", "")),
                model=str(digital.get("model", "")), device_type=str(digital.get("type", "")),
                device_sub_type=str(digital.get("deviceSubType", "")), spec_versions=_as_list(p.get("specVersion")),
                purpose=str(p.get("purpose", "")), error_code=_code(err.get("errorCode")),
                error_info=str(err.get("errorInfo", "")), signature=verified.how,
                signer_sha256=verified.signer_sha256))
        return devices

    def stream(self, device: DeviceInfo | int, timeout_ms: int = 2000, max_frames: int = 10,
               device_sub_id: int = 0) -> list[bytes]:
        """Preview frames (JPEG bytes) from STREAM's multipart response, bounded in time and count."""
        port = device.port if isinstance(device, DeviceInfo) else int(device)
        device_id = device.device_id if isinstance(device, DeviceInfo) else "1"
        deadline = time.monotonic() + timeout_ms / 1000.0 + 1.0
        conn = http.client.HTTPConnection(self.host, port, timeout=self.connect_timeout)
        frames: list[bytes] = []
        try:
            try:
                conn.connect()
                conn.sock.settimeout(max(0.01, deadline - time.monotonic()))
                conn.request("STREAM", "/stream", body=json.dumps(
                    {"deviceId": device_id, "deviceSubId": device_sub_id, "timeout": int(timeout_ms)}).encode(),
                    headers={"Content-Type": "application/json", "EXT": self.app_name})
                resp = conn.getresponse()
                if resp.status != 200:
                    raise SbiDeviceError(f"STREAM on port {port}: HTTP {resp.status}")
                while len(frames) < max_frames and time.monotonic() < deadline:
                    line = resp.fp.readline(1024)
                    if not line:
                        break
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                        resp.fp.readline(16)  # the blank line before the JPEG
                        frames.append(resp.fp.read(length))
            except TimeoutError as exc:
                if not frames:
                    raise SbiTimeout(f"STREAM on port {port}: no frame within {timeout_ms} ms") from exc
            except (OSError, http.client.HTTPException, ValueError) as exc:
                raise SbiConnectionError(f"STREAM on port {port} failed: {exc}") from exc
        finally:
            conn.close()
        return frames

    # -- capture ---------------------------------------------------------------------------
    def capture(self, device: DeviceInfo | int, bio_sub_types: list[str], count: int | None = None,
                requested_score: float = 60, timeout_ms: int = 10000, previous_hash: str = "",
                exceptions: list[str] | None = None, transaction_id: str | None = None,
                device_sub_id: int = 0, env: str = "Developer") -> CaptureResult:
        port = device.port if isinstance(device, DeviceInfo) else int(device)
        device_id = device.device_id if isinstance(device, DeviceInfo) else "1"
        unknown = [s for s in bio_sub_types if s not in P.FINGERS]
        if unknown:
            raise ValueError(f"unknown finger name(s) {unknown}; use SBI names such as 'Left IndexFinger'")
        if previous_hash:
            try:
                bytes.fromhex(previous_hash)
            except ValueError as exc:
                raise ValueError("previous_hash must be hex (the previous capture's 'hash')") from exc
        tx = transaction_id or str(uuid.uuid4())
        body = {
            "env": env, "purpose": "Registration", "specVersion": P.SPEC_VERSION, "timeout": int(timeout_ms),
            "captureTime": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "transactionId": tx,
            "bio": [{"type": "Finger", "count": count if count is not None else len(bio_sub_types),
                     "bioSubType": list(bio_sub_types), "exception": list(exceptions or []),
                     "requestedScore": requested_score, "deviceId": device_id, "deviceSubId": device_sub_id,
                     "previousHash": previous_hash}],
            "customOpts": {},
        }
        start = time.monotonic()
        # The device is expected to answer before `timeout`; we allow 1 s for transport on top.
        response = self._request(port, "RCAPTURE", "/capture", body, timeout_ms / 1000.0 + 1.0)
        latency = time.monotonic() - start
        signer = device.signer_sha256 if isinstance(device, DeviceInfo) else ""
        items, signature, signer = self._verify_capture(response, tx, bio_sub_types, exceptions or [], previous_hash,
                                                        port, signer)
        return CaptureResult(tx, previous_hash, items, signature, latency, port, signer)

    def verify_capture(self, response, transaction_id: str, bio_sub_types, exceptions, previous_hash: str,
                       port: int = 0, signer_sha256: str = ""):
        """Turn an RCAPTURE response into verified items and how they were trusted, or raise
        (device error / integrity / untrusted signer). With ``signer_sha256`` (the accepted
        device info's signer) every item must be signed by that same certificate."""
        items, how, _ = self._verify_capture(response, transaction_id, bio_sub_types, exceptions, previous_hash,
                                             port, signer_sha256)
        return items, how

    def _verify_capture(self, response, transaction_id: str, bio_sub_types, exceptions, previous_hash: str,
                        port: int, signer_sha256: str):
        if not isinstance(response, dict) or not isinstance(response.get("biometrics"), list) or not response["biometrics"]:
            raise SbiIntegrityError(f"capture on port {port}: response has no 'biometrics' array")
        biometrics = response["biometrics"]
        for n, item in enumerate(biometrics):
            if not isinstance(item, dict):
                raise SbiIntegrityError(f"capture on port {port}: biometrics item {n + 1} is not an object")
            err = item.get("error") or {}
            if not isinstance(err, dict):
                raise SbiIntegrityError(f"capture on port {port}: biometrics item {n + 1} has a malformed 'error'")
            code = _code(err.get("errorCode"))
            if code != 0:
                raise _device_error(code, str(err.get("errorInfo", "")), port)
        expected = [s for s in bio_sub_types if s not in set(exceptions)]
        prev = previous_hash
        items, hows, signers = [], set(), set()
        for n, item in enumerate(biometrics):
            where = f"capture item {n + 1} on port {port}"
            verified = self._decode_jws(item.get("data"), where)
            if signer_sha256 and verified.signer_sha256 != signer_sha256:
                raise SbiIntegrityError(f"{where}: signed by another certificate than the device that was accepted")
            hows.add(verified.how)
            signers.add(verified.signer_sha256)
            d = verified.decoded.payload
            if d.get("transactionId") != transaction_id:
                raise SbiIntegrityError(f"{where}: transactionId {d.get('transactionId')!r} is not this capture's")
            sub = d.get("bioSubType")
            if sub not in expected:
                raise SbiIntegrityError(f"{where}: finger {sub!r} was not requested")
            try:
                image = jws.b64url_decode(d.get("bioValue") or "")
            except jws.JwsError as exc:
                raise SbiIntegrityError(f"{where}: bioValue is not base64url ({exc})") from exc
            if not image:
                raise SbiIntegrityError(f"{where}: empty bioValue")
            want = P.chain_hash(prev, image)
            got = str(item.get("hash", ""))
            if got.upper() != want:
                raise SbiIntegrityError(f"{where}: hash chain broken (device sent {got[:16]}…, expected {want[:16]}…)")
            serial = ""
            if d.get("digitalId"):
                inner = self._decode_jws(d["digitalId"], f"{where} digitalId")
                if inner.signer_sha256 != verified.signer_sha256:
                    raise SbiIntegrityError(f"{where}: digitalId signed by another certificate than the item")
                serial = str(inner.decoded.payload.get("serialNo", ""))
            items.append(CapturedFinger(sub, image, _maybe_float(d.get("qualityScore")),
                                        _maybe_float(d.get("requestedScore")), str(d.get("timestamp", "")), want, serial))
            prev = want
        got_fingers = sorted(i.bio_sub_type for i in items)
        if got_fingers != sorted(expected):
            raise SbiIntegrityError(f"capture on port {port}: asked for {sorted(expected)}, device returned {got_fingers}")
        if len(signers) != 1:
            raise SbiIntegrityError(f"capture on port {port}: items signed by different certificates")
        # the weakest trust of any item names the whole capture
        how = next(h for h in (trustmod.SELF_ASSERTED_DEV, trustmod.PINNED, trustmod.PROVIDER_CA) if h in hows)
        return items, how, signers.pop()

    def _decode_jws(self, token, where: str) -> trustmod.Verified:
        """Structure and signer under the trust policy, or SbiIntegrityError saying why not."""
        try:
            return self.trust.verify(token)
        except jws.JwsError as exc:
            raise SbiIntegrityError(f"{where}: rejected JWT ({exc})") from exc


def _code(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0 if value in (None, "") else -1


def _as_list(value) -> list:
    return list(value) if isinstance(value, list) else ([] if value in (None, "") else [value])


def _maybe_float(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _refused(device: DeviceInfo, reason: str) -> DeviceInfo:
    out = DeviceInfo(**asdict(device))
    out.refused_reason = reason
    return out


def _device_from_discovery(port: int, item: dict) -> DeviceInfo:
    digital = {}
    raw = item.get("digitalId")
    if isinstance(raw, str) and raw:
        try:  # discovery carries the digital ID unsigned (plain base64url JSON), or a JWS
            digital = json.loads(jws.b64url_decode(raw.split(".")[1] if raw.count(".") == 2 else raw))
        except (ValueError, jws.JwsError):
            digital = {}
    if not isinstance(digital, dict):
        digital = {}
    err = item.get("error") or {}
    if not isinstance(err, dict):
        err = {"errorCode": -1, "errorInfo": "malformed error"}
    return DeviceInfo(
        port=port, device_id=str(item.get("deviceId")), status=str(item.get("deviceStatus", "")),
        certification=str(item.get("certification", "")), service_version=str(item.get("serviceVersion", "")),
        device_sub_ids=_as_list(item.get("deviceSubId")), callback_id=str(item.get("callbackId", "")),
        serial_no=str(digital.get("serialNo", item.get("deviceCode", ""))), make=str(digital.get("make", "")),
        model=str(digital.get("model", "")), device_type=str(digital.get("type", "")),
        device_sub_type=str(digital.get("deviceSubType", "")), spec_versions=_as_list(item.get("specVersion")),
        purpose=str(item.get("purpose", "")), error_code=_code(err.get("errorCode")), error_info=str(err.get("errorInfo", "")))


SBI_STATE = {"Ready": "ready", "Busy": "busy", "Not Ready": "error", "Not Registered": "error"}


def refresh_status(client: SbiClient, board, name: str = "fingerprint") -> DeviceInfo | None:
    """Discover again and publish the state of the fingerprint device the booth would use (the
    UI's 'reconnect'); a refused device is an error with its reason, never 'ready'."""
    try:
        found, refused = client.discover_trusted("Finger")
    except SbiError as exc:  # discover() swallows per-port errors; this is belt and braces
        board.update(name, "fingerprint", state="error", last_error=str(exc))
        return None
    if not found and refused:
        r = refused[0]
        board.update(name, "fingerprint", state="error", model=f"{r.make} {r.model}".strip(), serial=r.serial_no,
                     last_error=f"fingerprint device on port {r.port} refused: {r.refused_reason}",
                     detail={"port": r.port, "device_id": r.device_id, "refused": [d.refused_reason for d in refused]})
        return None
    if not found:
        board.update(name, "fingerprint", state="absent",
                     last_error=f"no SBI fingerprint device on {client.host}:{client.ports[0]}-{client.ports[-1]}")
        return None
    d = found[0]
    state = SBI_STATE.get(d.status, "error")
    changes = {"state": state, "model": f"{d.make} {d.model}".strip(), "serial": d.serial_no,
               "detail": {"port": d.port, "device_id": d.device_id, "status": d.status, "trust": d.signature}}
    if state == "error":
        changes["last_error"] = f"device reports '{d.status}' (SBI error {d.error_code}: {d.error_info})"
    board.update(name, "fingerprint", **changes)
    return d
