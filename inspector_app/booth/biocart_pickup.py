"""A booth fetches the bio-cart capture of the passport it has just read. No Qt.

Booth settings: ``biocart.station_url`` (e.g. ``https://10.0.3.7:8471``; none: no station),
``biocart.station_key`` (the station's public signing key, pinned: only its captures are used),
``biocart.station_ca`` (the station's TLS CA file, the only CA accepted for it) and
``biocart.timeout_s`` (3). The booth proves itself with its own signing key (``sync/booth.key``,
``biocart.server.credential``).

``fetch`` never raises for the station: no station, no answer, no capture, or a capture that
fails verification all come back as a ``Pickup`` whose ``state`` and ``reason`` say which, and
the examination goes on with the booth's own devices.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import ssl
from pathlib import Path

from inspector_app.biocart import capture
from inspector_app.domain.messages import msg

STATION_URL = "biocart.station_url"
STATION_KEY = "biocart.station_key"
STATION_CA = "biocart.station_ca"
TIMEOUT = "biocart.timeout_s"
DEFAULTS = {STATION_URL: "", STATION_KEY: "", STATION_CA: "", TIMEOUT: 3.0}


@dataclasses.dataclass(frozen=True)
class Pickup:
    """``retrieved`` (``capture`` set), ``none`` (the station holds nothing for this passport),
    ``unavailable`` (no station configured, or it did not answer or refused the booth) or
    ``refused`` (the booth refused what the station sent: forged, expired, another passport)."""
    state: str
    reason: str
    capture: capture.Verified | None = None


def fetch(home: Path, settings, booth_id: str, document_number: str, nationality: str, now: dt.datetime,
          timeout_s: float | None = None) -> Pickup:
    import httpx

    def get(key):
        return settings.get(key, DEFAULTS[key])

    url, station_key, ca = str(get(STATION_URL) or ""), str(get(STATION_KEY) or ""), str(get(STATION_CA) or "")
    if not url:
        return Pickup("unavailable", msg("no bio-cart station is configured at this booth"))
    if not station_key or not ca:
        return Pickup("unavailable", msg("the bio-cart station's key or certificate is not configured at this booth"))
    try:
        tls = ssl.create_default_context(cafile=ca)
        tls.minimum_version = ssl.TLSVersion.TLSv1_2
    except (OSError, ssl.SSLError) as exc:
        return Pickup("unavailable", msg("the bio-cart station's certificate cannot be read: {problem}", problem=str(exc)))
    from inspector_app.biocart.server import LOOKUP, credential, passport_of
    from inspector_app.sync.trust import booth_key

    number, nationality = capture.passport_key(document_number, nationality)
    token = credential(booth_id, booth_key(home), station_key, now, passport_of(number, nationality))
    timeout = float(timeout_s if timeout_s is not None else get(TIMEOUT))
    try:
        with httpx.Client(base_url=url.rstrip("/"), verify=tls, timeout=timeout) as client:
            r = client.post(LOOKUP, json={"document_number": number, "nationality": nationality},
                            headers={"Authorization": f"Bearer {token}"})
    except httpx.HTTPError as exc:
        return Pickup("unavailable", msg("the bio-cart station did not answer: {problem}", problem=str(exc) or type(exc).__name__))
    if r.status_code == 404:
        return Pickup("none", msg("no bio-cart capture for this passport"))
    if r.status_code != 200:
        return Pickup("unavailable", msg("the bio-cart station refused this booth: {problem}", problem=_detail(r)))
    try:
        verified = capture.verify(r.json(), station_key, number, nationality, now)
    except ValueError as exc:   # CaptureRefused, or an answer that is not JSON
        return Pickup("refused", str(exc) if isinstance(exc, capture.CaptureRefused)
                      else msg("the station's answer is not a bio-cart capture"))
    return Pickup("retrieved", msg("bio-cart capture from {station}", station=verified.station), verified)


def _detail(r) -> str:
    try:
        return str(r.json().get("detail") or r.status_code)
    except ValueError:
        return str(r.status_code)
