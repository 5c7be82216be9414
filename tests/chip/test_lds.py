"""LDS files: EF.COM, DG1 through the project's MRZ parser, DG2 faces (JPEG and JPEG 2000 inside
ISO/IEC 19794-5 records), EF.CardAccess / DG14 security infos, DG15."""
from __future__ import annotations

import io

import pytest
from asn1crypto import keys as asn1_keys
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from inspector_app.chip import lds, tlv
from inspector_app.chip.lds import LdsError
from inspector_app.chip.tlv import TlvError
from tests.chip.chip_fixtures import TD1, TD3, face

SPKI = (serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def test_file_ids_and_tags():
    assert (lds.EF_COM, lds.EF_CARD_ACCESS, lds.EF_SOD) == (0x011E, 0x011C, 0x011D)
    assert [lds.dg_file_id(n) for n in (1, 2, 14, 15)] == [0x0101, 0x0102, 0x010E, 0x010F]
    assert lds.data_group_of(lds.encode_dg1(TD3)) == 1
    with pytest.raises(ValueError):
        lds.dg_file_id(17)


def test_com_worked_example():
    """EF.COM of LDS 1.7, Unicode 4.0.0, DG1 and DG2 present, byte by byte."""
    data = bytes.fromhex("60145F0104303130375F36063034303030305C026175")
    com = lds.parse_com(data)
    assert com == lds.Com("0107", "040000", (1, 2))
    assert lds.encode_com([1, 2]) == data


def test_com_unknown_tag_refused():
    bad = tlv.constructed(0x60, tlv.encode(0x5F01, b"0107"), tlv.encode(0x5F36, b"040000"), tlv.encode(0x5C, b"\x61\x99"))
    with pytest.raises(LdsError, match="99"):
        lds.parse_com(bad)


@pytest.mark.parametrize("lines,fmt", [(TD3, "TD3"), (TD1, "TD1")])
def test_dg1_parsed_by_the_mrz_parser(lines, fmt):
    data = lds.encode_dg1(lines)
    assert data[:4] == bytes.fromhex("61" + f"{len(''.join(lines)) + 3:02X}" + "5F1F")
    mrz = lds.parse_dg1(data)
    assert (mrz.format, mrz.surname, mrz.given_names, mrz.valid) == (fmt, "ERIKSSON", "ANNA MARIA", True)
    assert lds.dg1_lines(data) == lines


@pytest.mark.parametrize("mrz,match", [("X" * 50, "50 characters"), ("\xe9" * 88, "non-ASCII")])
def test_dg1_malformed(mrz, match):
    data = tlv.constructed(0x61, tlv.encode(0x5F1F, mrz.encode("latin-1")))
    with pytest.raises(LdsError, match=match):
        lds.parse_dg1(data)


@pytest.mark.parametrize("fmt,mime,magic", [("JPEG", lds.MIME_JPEG, "FFD8FF"), ("JPEG2000", lds.MIME_JP2, "0000000C6A502020")])
def test_dg2_face_round_trip(fmt, mime, magic):
    image = face((96, 128), fmt=fmt)
    data = lds.encode_dg2([(image, 96, 128)])
    # the nesting the reference gives: 75 -> 7F61 -> 02 count, 7F60 -> A1, 5F2E -> 'FAC\0'
    outer = tlv.parse(data, 0x75).need(0x7F61)
    assert outer.need(0x02).value == b"\x01"
    record = outer.need(0x7F60).need(0x5F2E).value
    assert record.startswith(b"FAC\x00010\x00") and outer.need(0x7F60).find(0xA1) is not None
    [got] = lds.parse_dg2(data)
    assert got == lds.FaceImage(mime, image, 96, 128)
    assert got.image_bytes.hex().upper().startswith(magic)
    assert Image.open(io.BytesIO(got.image_bytes)).size == (96, 128)


def test_dg2_19794_header_fields():
    """Fixed positions of ISO/IEC 19794-5:2005: record length at 8, image count at 12, image data
    type (0 JPEG, 1 JPEG 2000) 21 bytes into the facial block, then width and height."""
    image = face((64, 80), fmt="JPEG2000")
    record = lds.encode_face_record(image, 64, 80)
    assert int.from_bytes(record[8:12], "big") == len(record)
    assert int.from_bytes(record[12:14], "big") == 1
    block = record[14:]
    assert int.from_bytes(block[0:4], "big") == len(block)
    assert block[20:22] == b"\x01\x01"                       # full frontal, JPEG 2000
    assert block[22:26] == (64).to_bytes(2, "big") + (80).to_bytes(2, "big")
    assert block[32:] == image


def test_dg2_two_faces_and_39794_block():
    a, b = face((40, 50)), face((60, 70), shade=30, fmt="JPEG2000")
    data = lds.encode_dg2([(a, 40, 50), (b, 60, 70)])
    assert [f.image_bytes for f in lds.parse_dg2(data)] == [a, b]
    # an ISO/IEC 39794-5 block (7F2E, ASN.1 around the image): found by signature, measured by Pillow
    block = tlv.constructed(0x7F2E, tlv.encode(0xA1, b"\x80\x01\x00"), tlv.encode(0x81, b))
    dg2 = tlv.constructed(0x75, tlv.constructed(0x7F61, tlv.encode(0x02, b"\x01"), tlv.constructed(0x7F60, block)))
    [got] = lds.parse_dg2(dg2)
    assert (got.mime, got.width, got.height, got.image_bytes) == (lds.MIME_JP2, 60, 70, b)


@pytest.mark.parametrize("mangle,match", [
    (lambda r: b"FAD\0" + r[4:], "not 'FAC"),
    (lambda r: r[:12] + b"\x00\x02" + r[14:], "face 2 of 2"),
    (lambda r: r[:8] + (len(r) + 10).to_bytes(4, "big") + r[12:], "declares"),
    (lambda r: r[:46] + b"GIF89a" + r[52:], "neither JPEG nor JPEG 2000"),
    (lambda r: r[:10], "shorter than its header"),
])
def test_dg2_malformed_record(mangle, match):
    record = lds.encode_face_record(face((32, 32)), 32, 32)
    data = tlv.constructed(0x75, tlv.constructed(0x7F61, tlv.encode(0x02, b"\x01"),
                                                 tlv.constructed(0x7F60, tlv.encode(0x5F2E, mangle(record)))))
    with pytest.raises(LdsError, match=match):
        lds.parse_dg2(data)


@given(st.binary(max_size=200))
def test_dg2_garbage_never_escapes_as_another_error(junk):
    data = tlv.constructed(0x75, tlv.constructed(0x7F61, tlv.constructed(0x7F60, tlv.encode(0x5F2E, junk))))
    with pytest.raises(TlvError):
        lds.parse_dg2(data)


def test_card_access_pace_info_worked_example():
    """9303-11 Appendix G.1 EF.CardAccess: PACEInfo id-PACE-ECDH-GM-AES-CBC-CMAC-128, version 2,
    parameterId 13 (brainpoolP256r1)."""
    data = bytes.fromhex("31143012060A04007F0007020204020202010202010D")
    assert lds.parse_security_infos(data) == [lds.PaceInfo("0.4.0.127.0.7.2.2.4.2.2", 2, 13)]
    assert lds.encode_security_infos(lds.parse_security_infos(data)) == data


def test_dg14_round_trip_with_ca_key_and_aa_info():
    key = ec.generate_private_key(ec.BrainpoolP256R1()).public_key().public_bytes(*SPKI)
    infos = [lds.ChipAuthenticationInfo(lds.CA_ECDH_AES_128, 1, None),
             lds.ChipAuthenticationPublicKeyInfo(lds.ID_PK_ECDH, key, 7),
             lds.ActiveAuthenticationInfo(lds.ID_AA, 1, "1.2.840.10045.4.3.2"),
             lds.PaceInfo(lds.PACE_ECDH_GM_AES_128, 2, 12)]
    parsed = lds.parse_security_infos(lds.encode_dg14(infos))
    assert sorted(parsed, key=repr) == sorted(infos, key=repr)
    pk = next(i for i in parsed if isinstance(i, lds.ChipAuthenticationPublicKeyInfo))
    assert asn1_keys.PublicKeyInfo.load(pk.public_key_info_der)["algorithm"]["algorithm"].native == "ec"


def test_unknown_security_info_kept():
    unknown = tlv.constructed(0x30, bytes.fromhex("0603550403"), bytes.fromhex("020101"))
    [info] = lds.parse_security_infos(tlv.constructed(0x31, unknown))
    assert info == lds.UnknownSecurityInfo("2.5.4.3", unknown)


@pytest.mark.parametrize("data", ["", "3103020101", "31053003060100"])
def test_security_infos_malformed(data):
    with pytest.raises(TlvError):
        lds.parse_security_infos(bytes.fromhex(data))


def test_dg15_round_trip_and_garbage():
    key = ec.generate_private_key(ec.SECP256R1()).public_key().public_bytes(*SPKI)
    data = lds.encode_dg15(key)
    assert data[0] == 0x6F and lds.parse_dg15(data) == key
    with pytest.raises(TlvError):
        lds.parse_dg15(lds.encode_dg15(tlv.constructed(0x30, b"\x02\x01\x01")))


def _files():
    from cryptography.hazmat.primitives.asymmetric import ec as _ec

    key = _ec.generate_private_key(_ec.SECP256R1()).public_key().public_bytes(*SPKI)
    return [
        (lds.parse_com, lds.encode_com([1, 2, 14, 15])),
        (lds.parse_dg1, lds.encode_dg1(TD3)),
        (lds.parse_dg2, lds.encode_dg2([(face((24, 24)), 24, 24)])),
        (lds.parse_security_infos, lds.encode_dg14([lds.ChipAuthenticationInfo(lds.CA_ECDH_AES_128, 1, 3),
                                                    lds.ChipAuthenticationPublicKeyInfo(lds.ID_PK_ECDH, key, 3),
                                                    lds.PaceInfo(lds.PACE_ECDH_GM_AES_128, 2, 13)])),
        (lds.parse_dg15, lds.encode_dg15(key)),
    ]


FILES = _files()


@pytest.mark.parametrize("parser,good", FILES, ids=[f[0].__name__ for f in FILES])
@given(data=st.data())
def test_changed_or_cut_files_parse_or_raise_tlverror(parser, good, data):
    """Files off a chip are untrusted: a changed byte or a cut file either still parses (the hash
    check of passive authentication is what catches it) or raises TlvError, nothing else."""
    damaged = bytearray(good)
    at = data.draw(st.integers(0, len(good) - 1))
    damaged[at] ^= data.draw(st.integers(1, 255))
    cut = data.draw(st.integers(0, len(good)))
    for candidate in (bytes(damaged), good[:cut]):
        try:
            parser(candidate)
        except TlvError:
            pass
