"""The signed capture document: one traveller's face and fingers as a station took them.

The station signs a small body (who, when, until when, each item's quality and the SHA-256 of
each blob) with its own Ed25519 key; the blobs (JPEG, PNG, templates) travel beside it, so the
signature covers them without canonical JSON over megabytes of base64. The booth accepts a
capture only when the signature is by the station it trusts, every blob matches its digest, the
passport is the one just read and the capture has not expired: a capture that fails any of these
is refused with the reason, never half-used.
"""
from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import hashlib

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from inspector_app.common import signing
from inspector_app.domain.messages import msg

CAPTURE_TAG = "border-inspector/biocart-capture/v1"
#: a booth's request for one passport's capture, signed with the booth's own key
REQUEST_TAG = "border-inspector/biocart-request/v1"
FORMAT = "border-inspector-biocart-capture/1"
FACE = "face.jpg"
FACE_TEMPLATE = "face.template"


class CaptureRefused(ValueError):
    """A capture the booth must not use; the message says why, for the inspector."""


def finger_image(position: str) -> str:
    return f"{position}.png"


def finger_template(position: str) -> str:
    return f"{position}.iso"


def passport_key(document_number: str, nationality: str) -> tuple[str, str]:
    """How a passport is compared: the MRZ's document number and nationality, upper case, no fillers."""
    return (str(document_number or "").replace("<", "").strip().upper(),
            str(nationality or "").replace("<", "").strip().upper())


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(text: str) -> dt.datetime:
    return dt.datetime.strptime(str(text), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)


def sign(body: dict, blobs: dict[str, bytes], key: Ed25519PrivateKey) -> dict:
    """The wire form: ``{"capture": body + digests, "signature", "blobs": {name: base64}}``."""
    body = dict(body, format=FORMAT, blobs={name: hashlib.sha256(data).hexdigest() for name, data in blobs.items()})
    return {"capture": body, "signature": signing.sign(key, CAPTURE_TAG, body),
            "blobs": {name: base64.b64encode(data).decode("ascii") for name, data in blobs.items()}}


@dataclasses.dataclass(frozen=True)
class Verified:
    """A capture that passed every check: its signed body and its blobs by name."""
    body: dict
    blobs: dict[str, bytes]

    @property
    def captured_at(self) -> dt.datetime:
        return parse_time(self.body["captured_at"])

    @property
    def station(self) -> str:
        return str(self.body.get("station") or "")


def verify(doc: object, station_key: Ed25519PublicKey | str, document_number: str, nationality: str,
           now: dt.datetime) -> Verified:
    """The capture, or ``CaptureRefused`` saying why it cannot be used (see the module docstring)."""
    if not isinstance(doc, dict) or not isinstance(doc.get("capture"), dict):
        raise CaptureRefused(msg("the station's answer is not a bio-cart capture"))
    body, blobs = doc["capture"], doc.get("blobs")
    if body.get("format") != FORMAT or not isinstance(blobs, dict) or not isinstance(body.get("blobs"), dict):
        raise CaptureRefused(msg("the bio-cart capture is not in a format this booth reads"))
    if not signing.verify(station_key, CAPTURE_TAG, body, doc.get("signature")):
        raise CaptureRefused(msg("the bio-cart capture is not signed by the trusted station: not used"))
    if passport_key(body.get("document_number"), body.get("nationality")) != passport_key(document_number, nationality):
        raise CaptureRefused(msg("the bio-cart capture is of another passport: not used"))
    try:
        captured, expires = parse_time(body["captured_at"]), parse_time(body["expires_at"])
    except (KeyError, ValueError):
        raise CaptureRefused(msg("the bio-cart capture has no valid capture and expiry times")) from None
    if now >= expires:
        raise CaptureRefused(msg("the bio-cart capture expired at {time}: not used", time=body["expires_at"]))
    if captured > now + dt.timedelta(minutes=5):
        raise CaptureRefused(msg("the bio-cart capture is dated in the future: check the station's clock"))
    decoded = {}
    for name, digest in body["blobs"].items():
        try:
            data = base64.b64decode(str(blobs.get(name, "")).encode("ascii"), validate=True)
        except (binascii.Error, ValueError, UnicodeEncodeError):
            data = b""
        if hashlib.sha256(data).hexdigest() != digest:
            raise CaptureRefused(msg("the bio-cart capture's {item} does not match its signature: not used", item=name))
        decoded[name] = data
    return Verified(body, decoded)
