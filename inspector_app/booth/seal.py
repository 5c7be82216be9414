"""The landing permission seal's content and its signed record reference. No Qt here.

The QR code on the seal carries ``BI1.<payload>.<signature>`` (both base64url): the payload is
compact JSON naming the record, booth, port and grant; the signature is Ed25519 by the booth's
seal key, so anyone holding the booth's public key can tell a real seal from a forged one and
look the record up by its id. The key lives in ``home/keys/seal_ed25519.pem`` (mode 0600),
created on first use; its public half is written next to it for the hub.
"""
from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from inspector_app.common.canonical import to_json

PREFIX = "BI1"
KEY_FILE = "seal_ed25519.pem"
PUB_FILE = "seal_ed25519.pub.pem"


@dataclasses.dataclass
class SealContent:
    record_id: str
    examination_id: str
    port: str
    booth: str
    landing_date: dt.date
    status_code: str
    status_name: str
    period: str
    last_day: dt.date | None
    inspector: str
    reference: str = ""  # the signed QR text, filled by sign()
    decision_type: str = "landing_permission"
    title: str = "LANDING PERMISSION 上陸許可"
    ends_at: dt.datetime | None = None        # periods in hours: the date and hour the stay ends (port time)
    lines: tuple[tuple[str, str], ...] = ()   # what else this seal shows: (label, value)


#: The Japanese half of each seal's title (the English half is ``decisions.SEAL_TITLES``).
TITLES_JA = {
    "landing_permission": "上陸許可", "special_landing_permission": "上陸特別許可",
    "returning_resident": "再入国", "port_of_call_landing": "寄港地上陸許可",
    "cruise_ship_landing": "船舶観光上陸許可", "transit_landing": "通過上陸許可", "crew_landing": "乗員上陸許可",
    "emergency_landing": "緊急上陸許可", "distress_landing": "遭難による上陸許可",
    "temporary_refuge_landing": "一時庇護のための上陸許可", "departure_confirmation": "出国確認",
}
#: Where the seal prints the hour a stay in hours ends: the port's clock.
PORT_ZONE = "Asia/Tokyo"
#: The details a seal prints, by decision detail key.
SEAL_DETAILS = {"vessel_or_aircraft": "Vessel or flight", "vessel": "Cruise ship", "residence_card_number": "Residence card",
                "reentry_permit_number": "Re-entry permit", "reentry_permit_valid_until": "Permit valid until",
                "decision_reference": "Decision", "designation": "Designation"}


def content_of(decision, *, record_id: str, examination_id: str, port: str, booth: str, inspector: str,
               zone: str = PORT_ZONE) -> SealContent:
    """What the seal (or the departure slip) of a saved ``domain.decisions.Decision`` shows: the
    landing type, the status where one is granted, and the end of the stay, to the hour where
    the Act counts hours."""
    from zoneinfo import ZoneInfo

    from inspector_app.domain import decisions, statuses

    kind = decision.kind
    status = statuses.find(decision.status_code) if decision.status_code else None
    ends = decision.ends_at.astimezone(ZoneInfo(zone)) if decision.ends_at else None
    details = decision.details or {}
    lines = tuple((label, str(details[key])) for key, label in SEAL_DETAILS.items() if str(details.get(key) or "").strip())
    return SealContent(
        record_id=record_id, examination_id=examination_id, port=port, booth=booth,
        landing_date=decision.landing_date, status_code=status.code if status else "",
        status_name=f"{status.name_en} {status.name_ja}" if status else "", period=str(decision.period or ""),
        last_day=ends.date() if ends else decision.last_day, inspector=inspector, decision_type=kind.value,
        title=f"{decisions.SEAL_TITLES[kind]} {TITLES_JA.get(kind.value, '')}".strip(), ends_at=ends, lines=lines)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def booth_key(home: Path) -> Ed25519PrivateKey:
    """Load the booth's seal key, creating it (0600) the first time."""
    keys = Path(home) / "keys"
    path = keys / KEY_FILE
    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError(f"{path} is not an Ed25519 private key")
        return key
    keys.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    (keys / PUB_FILE).write_bytes(key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    return key


def sign(content: SealContent, key: Ed25519PrivateKey) -> SealContent:
    payload = {
        "r": content.record_id, "e": content.examination_id, "b": content.booth,
        "port": content.port, "d": content.landing_date.isoformat(), "s": content.status_code,
        "p": content.period, "l": content.last_day.isoformat() if content.last_day else None,
        "i": content.inspector, "t": content.decision_type,
        "h": content.ends_at.isoformat(timespec="minutes") if content.ends_at else None,
    }
    body = to_json(payload).encode("utf-8")
    content.reference = f"{PREFIX}.{_b64(body)}.{_b64(key.sign(body))}"
    return content


def verify(reference: str, public_key: Ed25519PublicKey) -> dict:
    """Return the signed payload, or raise ValueError for a forged or damaged reference."""
    try:
        prefix, body, sig = reference.split(".")
    except ValueError:
        raise ValueError("not a seal reference (expected three dot-separated parts)") from None
    if prefix != PREFIX:
        raise ValueError(f"unknown seal reference version {prefix!r}")
    raw = _unb64(body)
    try:
        public_key.verify(_unb64(sig), raw)
    except InvalidSignature:
        raise ValueError("seal signature does not verify: the seal is not genuine") from None
    return json.loads(raw)


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR modules (with quiet zone) for ``text``; the seal painter draws them as squares."""
    import qrcode

    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    qr.add_data(text)
    qr.make(fit=True)
    return qr.get_matrix()


def short_reference(record_id: str) -> str:
    """The record reference a person reads out or types: the first 8 hex digits of the record's
    id in two groups ("3F2A-91C0"). The seal's QR code carries the full, signed id."""
    digits = "".join(ch for ch in str(record_id) if ch.isalnum()).upper()[:8]
    return f"{digits[:4]}-{digits[4:]}" if len(digits) > 4 else digits
