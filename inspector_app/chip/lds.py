"""The eMRTD's Logical Data Structure (ICAO 9303-10): EF.COM, EF.CardAccess / DG14 security
infos, DG1 (the MRZ), DG2 (face records per ISO/IEC 19794-5, JPEG or JPEG 2000), DG15 (the Active
Authentication public key); readers and the writers the chip simulator's personalisation uses.

Everything here parses bytes that came off a chip before passive authentication has proved them,
so a malformed file raises :class:`LdsError` (a :class:`~inspector_app.chip.tlv.TlvError` when the
TLV itself is broken) with the reason, never anything else.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from datetime import date

from asn1crypto import core, keys

from inspector_app.chip import tlv
from inspector_app.chip.tlv import TlvError
from inspector_app.domain import mrz as mrzmod

# ------------------------------------------------------------------------------ file ids, tags
AID = bytes.fromhex("A0000002471001")
EF_CARD_ACCESS = 0x011C
EF_SOD = 0x011D
EF_COM = 0x011E

TAG_COM = 0x60
TAG_SOD = 0x77
#: data group number -> the tag its file starts with (9303-10 table 35)
DG_TAGS = {1: 0x61, 2: 0x75, 3: 0x63, 4: 0x76, 5: 0x65, 6: 0x66, 7: 0x67, 8: 0x68, 9: 0x69, 10: 0x6A,
           11: 0x6B, 12: 0x6C, 13: 0x6D, 14: 0x6E, 15: 0x6F, 16: 0x70}
DG_BY_TAG = {t: n for n, t in DG_TAGS.items()}


def dg_file_id(number: int) -> int:
    """DG1 is 0101 ... DG16 0110."""
    if number not in DG_TAGS:
        raise ValueError(f"there is no data group {number}")
    return 0x0100 + number


class LdsError(TlvError):
    """A chip file that is well-formed TLV but not what ICAO 9303 says it must be."""


# ------------------------------------------------------------------------------------- EF.COM
@dataclass(frozen=True)
class Com:
    lds_version: str          # "0107" = LDS 1.7
    unicode_version: str      # "040000" = Unicode 4.0.0
    data_groups: tuple[int, ...]


def parse_com(data: bytes) -> Com:
    t = tlv.parse(data, TAG_COM)
    tags = t.need(0x5C).value
    unknown = [f"{b:02X}" for b in tags if b not in DG_BY_TAG]
    if unknown:
        raise LdsError(f"EF.COM lists tags that are no data group: {', '.join(unknown)}")
    return Com(t.need(0x5F01).value.decode("ascii", "replace"), t.need(0x5F36).value.decode("ascii", "replace"),
               tuple(DG_BY_TAG[b] for b in tags))


def encode_com(data_groups, lds_version: str = "0107", unicode_version: str = "040000") -> bytes:
    return tlv.constructed(TAG_COM, tlv.encode(0x5F01, lds_version.encode()), tlv.encode(0x5F36, unicode_version.encode()),
                           tlv.encode(0x5C, bytes(DG_TAGS[n] for n in sorted(data_groups))))


# ---------------------------------------------------------------------------------------- DG1
#: MRZ length on the chip -> lines: TD1 3x30, TD2 2x36, TD3 2x44
_MRZ_SHAPES = {90: (30, 3), 72: (36, 2), 88: (44, 2)}


def dg1_lines(data: bytes) -> list[str]:
    """The MRZ lines DG1 holds (tag 61 -> 5F1F, the lines concatenated without separators)."""
    raw = tlv.parse(data, DG_TAGS[1]).need(0x5F1F).value
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        raise LdsError("DG1's MRZ holds non-ASCII bytes") from None
    shape = _MRZ_SHAPES.get(len(text))
    if shape is None:
        raise LdsError(f"DG1's MRZ has {len(text)} characters; an MRZ has 90 (TD1), 72 (TD2) or 88 (TD3)")
    width, count = shape
    return [text[i * width:(i + 1) * width] for i in range(count)]


def parse_dg1(data: bytes, today: date | None = None) -> mrzmod.MrzResult:
    """DG1 parsed and checked by the same MRZ code as the printed MRZ, so the two compare field by
    field (and a chip MRZ with a wrong check digit is reported exactly like a printed one)."""
    try:
        return mrzmod.parse_lines(dg1_lines(data), today)
    except mrzmod.NotAnMrz as exc:
        raise LdsError(f"DG1 is not an MRZ: {exc}") from None


def encode_dg1(mrz_lines) -> bytes:
    text = "".join(mrz_lines)
    if len(text) not in _MRZ_SHAPES:
        raise ValueError(f"an MRZ has 90, 72 or 88 characters, not {len(text)}")
    return tlv.constructed(DG_TAGS[1], tlv.encode(0x5F1F, text.encode("ascii")))


# ---------------------------------------------------------------------------------------- DG2
MIME_JPEG = "image/jpeg"
MIME_JP2 = "image/jp2"
_JPEG = b"\xff\xd8\xff"
_JP2 = bytes.fromhex("0000000C6A502020")
_J2K = bytes.fromhex("FF4FFF51")
#: 19794-5 image data type byte
_DATA_TYPE = {MIME_JPEG: 0, MIME_JP2: 1}
_FAC_HEADER = struct.Struct(">4s4sIH")          # "FAC\0", "010\0", record length, image count
_FACE_INFO = struct.Struct(">IHBBB3sH3s3s")     # the 20-byte facial information block
_IMAGE_INFO = struct.Struct(">BBHHBBHH")        # the 12-byte image information block


@dataclass(frozen=True)
class FaceImage:
    mime: str            # image/jpeg or image/jp2 (a raw J2K codestream is reported as image/jp2)
    image_bytes: bytes
    width: int
    height: int


def image_mime(image: bytes) -> str | None:
    if image.startswith(_JPEG):
        return MIME_JPEG
    if image.startswith(_JP2) or image.startswith(_J2K):
        return MIME_JP2
    return None


def parse_dg2(data: bytes) -> list[FaceImage]:
    """Every face of DG2: 75 -> 7F61 (biometric information group) -> 7F60 (one per face) -> A1
    (header template) + 5F2E (ISO/IEC 19794-5 record) or 7F2E (ISO/IEC 39794-5, whose image is
    found by its signature and measured by Pillow)."""
    group = tlv.parse(data, DG_TAGS[2]).need(0x7F61)
    faces: list[FaceImage] = []
    for template in group.children():
        if template.tag != 0x7F60:
            continue
        block = template.find(0x5F2E) or template.find(0x7F2E)
        if block is None:
            raise LdsError("DG2 biometric template 7F60 holds no biometric data block (5F2E or 7F2E)")
        faces.extend(parse_face_record(block.value) if block.tag == 0x5F2E else [_face_39794(block.value)])
    if not faces:
        raise LdsError("DG2 holds no face")
    return faces


def parse_face_record(record: bytes) -> list[FaceImage]:
    """An ISO/IEC 19794-5:2005 facial record: general header, then per face the information
    block, feature points, image information and the image."""
    if len(record) < _FAC_HEADER.size:
        raise LdsError("ISO/IEC 19794-5 record shorter than its header")
    magic, _version, length, count = _FAC_HEADER.unpack_from(record)
    if magic != b"FAC\0":
        raise LdsError(f"face record starts {magic!r}, not 'FAC\\0' (ISO/IEC 19794-5)")
    if length > len(record):
        raise LdsError(f"face record declares {length} bytes, {len(record)} are present")
    pos, faces = _FAC_HEADER.size, []
    for n in range(count):
        if pos + _FACE_INFO.size > length:
            raise LdsError(f"face {n + 1} of {count}: truncated facial information")
        block_len, points = _FACE_INFO.unpack_from(record, pos)[:2]
        end = pos + block_len
        img_at = pos + _FACE_INFO.size + 8 * points
        if end > length or img_at + _IMAGE_INFO.size > end:
            raise LdsError(f"face {n + 1} of {count}: block of {block_len} bytes does not fit the record")
        _ftype, data_type, width, height = _IMAGE_INFO.unpack_from(record, img_at)[:4]
        image = bytes(record[img_at + _IMAGE_INFO.size:end])
        mime = image_mime(image)
        if mime is None:
            raise LdsError(f"face {n + 1}: image data type {data_type} but the image is neither JPEG nor JPEG 2000")
        faces.append(FaceImage(mime, image, width, height))
        pos = end
    return faces


def _face_39794(block: bytes) -> FaceImage:
    starts = [i for i in (block.find(_JPEG), block.find(_JP2), block.find(_J2K)) if i >= 0]
    if not starts:
        raise LdsError("ISO/IEC 39794-5 face block holds no JPEG or JPEG 2000 image")
    import io

    from PIL import Image

    image = block[min(starts):]
    try:
        with Image.open(io.BytesIO(image)) as im:
            width, height = im.size
    except Exception as exc:  # Pillow raises many types for a damaged image header
        raise LdsError(f"ISO/IEC 39794-5 face image cannot be read: {exc}") from None
    return FaceImage(image_mime(image), image, width, height)


def encode_face_record(image: bytes, width: int, height: int) -> bytes:
    """An ISO/IEC 19794-5 record with one frontal face, no feature points."""
    mime = image_mime(image)
    if mime is None:
        raise ValueError("the face must be a JPEG or JPEG 2000 image")
    block_len = _FACE_INFO.size + _IMAGE_INFO.size + len(image)
    info = _FACE_INFO.pack(block_len, 0, 0, 0, 0, b"\0\0\0", 0, b"\0\0\0", b"\0\0\0")
    # full frontal (1), colour space 24-bit RGB (1), source: static photo, digital camera (3)
    image_info = _IMAGE_INFO.pack(1, _DATA_TYPE[mime], width, height, 1, 3, 0, 0)
    total = _FAC_HEADER.size + block_len
    return _FAC_HEADER.pack(b"FAC\0", b"010\0", total, 1) + info + image_info + image


def encode_dg2(faces) -> bytes:
    """DG2 around ``faces`` (iterable of (image bytes, width, height))."""
    templates = []
    for image, width, height in faces:
        header = tlv.constructed(0xA1, tlv.encode(0x80, b"\x01\x01"), tlv.encode(0x81, b"\x02"),
                                 tlv.encode(0x87, b"\x01\x01"), tlv.encode(0x88, b"\x00\x08"))
        templates.append(tlv.constructed(0x7F60, header, tlv.encode(0x5F2E, encode_face_record(image, width, height))))
    return tlv.constructed(DG_TAGS[2], tlv.constructed(0x7F61, tlv.encode(0x02, bytes([len(templates)])), *templates))


# ------------------------------------------------------------ EF.CardAccess and DG14 security infos
ID_PACE = "0.4.0.127.0.7.2.2.4"
ID_CA = "0.4.0.127.0.7.2.2.3"
ID_PK_DH = "0.4.0.127.0.7.2.2.1.1"
ID_PK_ECDH = "0.4.0.127.0.7.2.2.1.2"
ID_AA = "2.23.136.1.1.5"
#: PACE ECDH generic mapping with AES-128 (9303-11 9.2.1), the protocol a modern chip offers first
PACE_ECDH_GM_AES_128 = ID_PACE + ".2.2"
#: Chip Authentication, ECDH with AES-128 (9303-11 9.2.5)
CA_ECDH_AES_128 = ID_CA + ".2.2"


@dataclass(frozen=True)
class PaceInfo:
    protocol: str
    version: int
    parameter_id: int | None


@dataclass(frozen=True)
class ChipAuthenticationInfo:
    protocol: str
    version: int
    key_id: int | None


@dataclass(frozen=True)
class ChipAuthenticationPublicKeyInfo:
    protocol: str                 # id-PK-DH or id-PK-ECDH
    public_key_info_der: bytes    # SubjectPublicKeyInfo, as the chip wrote it
    key_id: int | None


@dataclass(frozen=True)
class ActiveAuthenticationInfo:
    protocol: str
    version: int
    signature_algorithm: str      # dotted OID, e.g. ecdsa-with-SHA256 1.2.840.10045.4.3.2


@dataclass(frozen=True)
class UnknownSecurityInfo:
    protocol: str
    der: bytes


SecurityInfo = PaceInfo | ChipAuthenticationInfo | ChipAuthenticationPublicKeyInfo | ActiveAuthenticationInfo | UnknownSecurityInfo


class _SecurityInfoAsn1(core.Sequence):
    _fields = [("protocol", core.ObjectIdentifier), ("required", core.Any), ("optional", core.Any, {"optional": True})]


class _SecurityInfosAsn1(core.SetOf):
    _child_spec = _SecurityInfoAsn1


def _int(value: core.Any | None) -> int | None:
    if value is None or isinstance(value, core.Void):
        return None
    return int(value.parse(core.Integer).native)


def _one_info(item: _SecurityInfoAsn1) -> SecurityInfo:
    oid = item["protocol"].dotted
    required, optional = item["required"], item["optional"]
    if oid.startswith(ID_PACE + "."):
        return PaceInfo(oid, _int(required), _int(optional))
    if oid in (ID_PK_DH, ID_PK_ECDH):
        spki = required.parse(keys.PublicKeyInfo)
        return ChipAuthenticationPublicKeyInfo(oid, spki.dump(), _int(optional))
    if oid.startswith(ID_CA + "."):
        return ChipAuthenticationInfo(oid, _int(required), _int(optional))
    if oid == ID_AA:
        alg = optional.parse(core.ObjectIdentifier).dotted if optional is not None and not isinstance(optional, core.Void) else ""
        return ActiveAuthenticationInfo(oid, _int(required), alg)
    return UnknownSecurityInfo(oid, item.dump())


def parse_security_infos(data: bytes) -> list[SecurityInfo]:
    """The SecurityInfos SET of EF.CardAccess (bare) or DG14 (inside tag 6E)."""
    if data[:1] == bytes([DG_TAGS[14]]):
        data = tlv.parse(data, DG_TAGS[14]).value
    tlv.parse(data, 0x31)  # the TLV checks first: clear errors for short or garbled files
    try:
        infos = _SecurityInfosAsn1.load(data, strict=True)
        return [_one_info(item) for item in infos]
    except (ValueError, TypeError, KeyError) as exc:
        raise LdsError(f"SecurityInfos cannot be decoded: {exc}") from None


def _info_der(oid: str, *fields: bytes) -> bytes:
    return tlv.constructed(0x30, core.ObjectIdentifier(oid).dump(), *fields)


def encode_security_info(info: SecurityInfo) -> bytes:
    if isinstance(info, PaceInfo):
        extra = [] if info.parameter_id is None else [core.Integer(info.parameter_id).dump()]
        return _info_der(info.protocol, core.Integer(info.version).dump(), *extra)
    if isinstance(info, ChipAuthenticationInfo):
        extra = [] if info.key_id is None else [core.Integer(info.key_id).dump()]
        return _info_der(info.protocol, core.Integer(info.version).dump(), *extra)
    if isinstance(info, ChipAuthenticationPublicKeyInfo):
        extra = [] if info.key_id is None else [core.Integer(info.key_id).dump()]
        return _info_der(info.protocol, info.public_key_info_der, *extra)
    if isinstance(info, ActiveAuthenticationInfo):
        return _info_der(info.protocol, core.Integer(info.version).dump(),
                         core.ObjectIdentifier(info.signature_algorithm).dump())
    return info.der


def encode_security_infos(infos) -> bytes:
    """A DER SET OF (elements sorted by their encoding, as DER requires)."""
    return tlv.constructed(0x31, *sorted(encode_security_info(i) for i in infos))


def encode_dg14(infos) -> bytes:
    return tlv.encode(DG_TAGS[14], encode_security_infos(infos))


# --------------------------------------------------------------------------------------- DG15
def parse_dg15(data: bytes) -> bytes:
    """The Active Authentication public key: its SubjectPublicKeyInfo DER (what
    ``active_auth.verify`` takes)."""
    spki = tlv.parse(data, DG_TAGS[15]).value
    tlv.parse(spki, 0x30)
    try:
        keys.PublicKeyInfo.load(spki, strict=True).native  # noqa: B018 - decodes every field now
    except (ValueError, TypeError, KeyError) as exc:  # KeyError: an algorithm asn1crypto does not know
        raise LdsError(f"DG15 does not hold a public key: {exc}") from None
    return spki


def encode_dg15(public_key_info_der: bytes) -> bytes:
    return tlv.encode(DG_TAGS[15], public_key_info_der)


def data_group_of(data: bytes) -> int:
    """Which data group a file is, from its first tag (a reader checks the file it asked for)."""
    tag, _, _ = tlv.read_header(data)
    if tag not in DG_BY_TAG:
        raise LdsError(f"tag {tag:X} starts no data group")
    return DG_BY_TAG[tag]
