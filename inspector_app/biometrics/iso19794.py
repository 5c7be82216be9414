"""ISO/IEC 19794-2:2005 finger minutiae record ("FMR\\0", version " 20\\0"): read and write.

Layout (big-endian): 24-byte record header (format id, version, 4-byte record length, capture
equipment, image width/height, x/y resolution in pixels per cm, number of finger views,
reserved), then per finger view a 4-byte header (position, view number + impression type,
quality, minutiae count), 6 bytes per minutia (2-bit type + 14-bit x, 2 reserved bits + 14-bit
y, angle in units of 360/256 degrees, quality) and a 2-byte extended data block length followed
by that many bytes. Only the first finger view becomes the FingerTemplate.
"""
from __future__ import annotations

import struct

from inspector_app.biometrics.finger.template import BIFURCATION, ENDING, OTHER, FingerTemplate, Minutia

MAGIC = b"FMR\x00"
VERSION = b" 20\x00"
HEADER_LEN = 24
_TYPE_CODES = {OTHER: 0, ENDING: 1, BIFURCATION: 2}
_TYPES_BY_CODE = {0: OTHER, 1: ENDING, 2: BIFURCATION, 3: OTHER}
_ANGLE_UNIT = 360.0 / 256.0


class TemplateError(ValueError):
    """The bytes are not a complete, valid ISO/IEC 19794-2:2005 minutiae record."""


def _need(data: bytes, end: int, what: str) -> None:
    if len(data) < end:
        raise TemplateError(
            f"ISO 19794-2 template truncated: {what} needs {end} bytes but only {len(data)} are present"
        )


def read(data: bytes) -> FingerTemplate:
    """Parse a record; raises TemplateError with the reason when it is truncated or malformed."""
    data = bytes(data)
    _need(data, HEADER_LEN, "the record header")
    if data[:4] != MAGIC:
        raise TemplateError(f"not an ISO 19794-2 minutiae record: format identifier is {data[:4]!r}, expected b'FMR\\x00'")
    if data[4:8] != VERSION:
        raise TemplateError(f"unsupported ISO 19794-2 version {data[4:8]!r}: only 2005 (b' 20\\x00') is read")
    (length,) = struct.unpack(">I", data[8:12])
    if length < HEADER_LEN:
        raise TemplateError(f"ISO 19794-2 record length {length} is smaller than its header")
    if len(data) < length:
        raise TemplateError(
            f"ISO 19794-2 template truncated: record length says {length} bytes, only {len(data)} present"
        )
    width, height, xres, yres, views = struct.unpack(">HHHHB", data[14:23])
    if views < 1:
        raise TemplateError("ISO 19794-2 record holds no finger view")
    off = HEADER_LEN
    _need(data[:length], off + 4, "the finger view header")
    position, _view_impr, quality, count = struct.unpack(">BBBB", data[off:off + 4])
    off += 4
    _need(data[:length], off + 6 * count + 2, f"{count} minutiae and the extended data length")
    minutiae = []
    for _ in range(count):
        tx, ry, angle, mq = struct.unpack(">HHBB", data[off:off + 6])
        off += 6
        minutiae.append(Minutia(
            x=tx & 0x3FFF, y=ry & 0x3FFF, angle=angle * _ANGLE_UNIT,
            type=_TYPES_BY_CODE[tx >> 14], quality=min(mq, 100),
        ))
    (ext_len,) = struct.unpack(">H", data[off:off + 2])
    _need(data[:length], off + 2 + ext_len, "the extended data block")
    dpi = round(xres * 2.54) if xres else 500
    return FingerTemplate(minutiae=minutiae, width=width, height=height, dpi=dpi,
                          quality=min(quality, 100), position=position)


def write(template: FingerTemplate, equipment_id: int = 0) -> bytes:
    """Serialise one finger view; coordinates are clipped to the 14-bit range the format allows."""
    mins = template.minutiae[:255]
    body = bytearray()
    body += struct.pack(">BBBB", template.position & 0xFF, 0, max(0, min(100, template.quality)), len(mins))
    for m in mins:
        x = max(0, min(0x3FFF, int(round(m.x))))
        y = max(0, min(0x3FFF, int(round(m.y))))
        angle = int(round((m.angle % 360.0) / _ANGLE_UNIT)) % 256
        body += struct.pack(">HHBB", (_TYPE_CODES[m.type] << 14) | x, y, angle, max(0, min(100, m.quality)))
    body += struct.pack(">H", 0)
    res = round(template.dpi / 2.54)
    length = HEADER_LEN + len(body)
    header = MAGIC + VERSION + struct.pack(
        ">IHHHHHBB", length, equipment_id & 0x0FFF, template.width & 0xFFFF, template.height & 0xFFFF, res, res, 1, 0
    )
    return header + bytes(body)
