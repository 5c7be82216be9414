"""Command/response APDU encoding (ISO/IEC 7816-4 cases 1-4, short and extended) and status words."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector_app.chip.apdu import SW, CommandApdu, ResponseApdu, status, sw_meaning

# (apdu, encoding): the four cases in both forms; 00 stands for 256 (short) and 0000 for 65536 (extended)
CASES = [
    (CommandApdu(0x00, 0xA4, 0x00, 0x00), "00A40000"),                                        # case 1
    (CommandApdu(0x00, 0x84, 0x00, 0x00, ne=8), "0084000008"),                                # 2S
    (CommandApdu(0x00, 0xB0, 0x00, 0x00, ne=256), "00B0000000"),                              # 2S, Ne 256
    (CommandApdu(0x00, 0xA4, 0x04, 0x0C, bytes.fromhex("A0000002471001")), "00A4040C07A0000002471001"),  # 3S
    (CommandApdu(0x0C, 0xB0, 0x00, 0x00, b"\x97\x01\x04", 0x100), "0CB00000039701" "0400"),   # 4S
    (CommandApdu(0x00, 0xB0, 0x00, 0x00, ne=257), "00B0000000" "0101"),                       # 2E
    (CommandApdu(0x00, 0xB0, 0x00, 0x00, ne=65536), "00B0000000" "0000"),                     # 2E, Ne 65536
    (CommandApdu(0x00, 0xD6, 0x00, 0x00, bytes(300)), "00D6000000012C" + "00" * 300),         # 3E
    (CommandApdu(0x00, 0x88, 0x00, 0x00, bytes(256), 0x200), "00880000000100" + "00" * 256 + "0200"),  # 4E
    (CommandApdu(0x00, 0xB1, 0x01, 0x01, b"\x54\x02\x80\x00", 0x1000), "00B1010100000454028000" "1000"),  # 4E by Ne
]


@pytest.mark.parametrize(("apdu", "hexed"), CASES)
def test_encode_and_decode_each_case(apdu, hexed):
    assert apdu.encode().hex().upper() == hexed.upper()
    assert CommandApdu.decode(bytes.fromhex(hexed)) == apdu


@given(cla=st.integers(0, 255), ins=st.integers(0, 255), p1=st.integers(0, 255), p2=st.integers(0, 255),
       data=st.binary(max_size=600), ne=st.none() | st.integers(1, 65536))
def test_round_trip(cla, ins, p1, p2, data, ne):
    apdu = CommandApdu(cla, ins, p1, p2, data, ne)
    encoded = apdu.encode()
    assert CommandApdu.decode(encoded) == apdu
    assert apdu.extended == (len(data) > 255 or (ne or 0) > 256)
    assert len(encoded) == 4 + (len(data) + (1 if data else 0) + (1 if ne else 0) if not apdu.extended
                                else 1 + (2 + len(data) if data else 0) + (2 if ne else 0))


@pytest.mark.parametrize("hexed", ["00A400", "00A4040C07A00000024710", "00A4040C02A000" "0000",
                                   "00B000000001", "00B000000005" "0102"])
def test_malformed_apdus_are_refused(hexed):
    with pytest.raises(ValueError):
        CommandApdu.decode(bytes.fromhex(hexed))


@pytest.mark.parametrize("kw", [dict(cla=256), dict(ne=0), dict(ne=65537), dict(data=bytes(65536))])
def test_out_of_range_fields(kw):
    fields = dict(cla=0, ins=0xB0, p1=0, p2=0) | kw
    with pytest.raises(ValueError):
        CommandApdu(**fields)


def test_response_split_and_meaning():
    r = ResponseApdu.decode(bytes.fromhex("0102039000"))
    assert (r.data, r.sw, r.sw1, r.sw2, r.ok) == (b"\x01\x02\x03", 0x9000, 0x90, 0x00, True)
    assert r.encode() == bytes.fromhex("0102039000")
    denied = ResponseApdu.decode(status(SW.SECURITY_STATUS_NOT_SATISFIED))
    assert not denied.ok and "access control" in denied.meaning
    with pytest.raises(ValueError):
        ResponseApdu.decode(b"\x90")


@pytest.mark.parametrize(("sw", "words"), [
    (0x6A82, "file or application not found"),
    (0x6B00, "offset outside the file"),
    (0x6D00, "instruction not supported"),
    (0x6988, "bad MAC"),
    (0x6110, "16 more bytes"),
    (0x6C00, "256 bytes available"),
    (0x63C2, "2 tries left"),
    (0x6F12, "error"),
])
def test_status_words_in_plain_words(sw, words):
    assert words in sw_meaning(sw)
