"""BER-TLV: round trips, and broken input that raises a clear TlvError instead of over-reading
or hanging (a chip's bytes are untrusted until passive authentication)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.chip import tlv
from inspector_app.chip.tlv import TlvError

# one-byte tags (low five bits not all set), two- and three-byte tags as ISO 7816-4 builds them
one_byte = st.integers(0, 0xFF).filter(lambda b: b & 0x1F != 0x1F)
two_byte = st.tuples(st.integers(0, 7).map(lambda c: (c << 5) | 0x1F), st.integers(0x1F, 0x7F)).map(lambda t: (t[0] << 8) | t[1])
three_byte = st.tuples(st.integers(0, 7).map(lambda c: (c << 5) | 0x1F), st.integers(0x81, 0xFF), st.integers(0, 0x7F)).map(
    lambda t: (t[0] << 16) | (t[1] << 8) | t[2])
tags = st.one_of(one_byte, two_byte, three_byte)
values = st.binary(max_size=600)   # crosses the 127 and 255 length-form boundaries


@pytest.mark.parametrize("tag,value,encoded", [
    (0x5F1F, b"AB", "5F1F024142"),                                  # DG1's MRZ tag, short length
    (0x77, bytes(128), "778180" + "00" * 128),                      # long form, one byte
    (0x7F61, bytes(256), "7F61820100" + "00" * 256),                # long form, two bytes
    (0x02, b"", "0200"),
])
def test_worked_encodings(tag, value, encoded):
    assert tlv.encode(tag, value).hex().upper() == encoded.upper()
    assert tlv.parse(bytes.fromhex(encoded)) == tlv.Tlv(tag, value)


@given(tags, values)
def test_round_trip(tag, value):
    data = tlv.encode(tag, value)
    parsed = tlv.parse(data)
    assert (parsed.tag, parsed.value) == (tag, value)
    assert parsed.encode() == data


@given(st.lists(st.tuples(tags, values), max_size=5))
def test_round_trip_nested(items):
    inner = [tlv.encode(t, v) for t, v in items]
    outer = tlv.constructed(0x7F61, *inner)
    parsed = tlv.parse(outer, 0x7F61)
    assert parsed.constructed
    assert [(c.tag, c.value) for c in parsed.children()] == items


@given(tags, st.binary(min_size=1, max_size=300), st.data())
def test_truncated_raises(tag, value, data):
    encoded = tlv.encode(tag, value)
    cut = data.draw(st.integers(0, len(encoded) - 1))
    with pytest.raises(TlvError, match="truncated"):
        tlv.parse(encoded[:cut])


@settings(max_examples=300)
@given(st.binary(max_size=64))
def test_garbage_parses_or_raises_tlverror(data):
    """Never another exception, never a value longer than the input (no over-read)."""
    try:
        items = tlv.parse_all(data)
    except TlvError:
        return
    assert sum(len(i.encode()) for i in items) == len(data)


@pytest.mark.parametrize("data,match", [
    ("6180", "indefinite length"),
    ("618501000000000000", "length field of 5 bytes"),
    ("5F", "multi-byte tag"),
    ("5FFFFFFF0100", "tag longer than 4 bytes"),
    ("61820100" + "00" * 10, "declares 256 bytes, 10 are present"),
    ("6103010203FF", "1 unexpected bytes after tag 61"),
    ("", "a tag was expected at offset 0"),
    ("61", "a length was expected"),
])
def test_clear_errors(data, match):
    with pytest.raises(TlvError, match=match):
        tlv.parse(bytes.fromhex(data))


def test_huge_declared_length_is_refused_without_allocation():
    """A 4-byte length of 4 GiB on 6 bytes of data: refused by arithmetic, not by trying."""
    with pytest.raises(TlvError, match="truncated"):
        tlv.parse(bytes.fromhex("6184FFFFFFFF00"))


def test_wrong_outer_tag_and_primitive_children():
    with pytest.raises(TlvError, match="expected tag 77, found 61"):
        tlv.parse(tlv.encode(0x61, b""), 0x77)
    with pytest.raises(TlvError, match="primitive"):
        tlv.parse(tlv.encode(0x5F1F, b"x")).children()
    with pytest.raises(TlvError, match="no inner tag 5F1F"):
        tlv.parse(tlv.constructed(0x61, tlv.encode(0x02, b"\x01"))).need(0x5F1F)


def test_read_header_gives_the_file_length_from_its_first_bytes():
    data = tlv.encode(0x75, bytes(1000))
    tag, length, offset = tlv.read_header(data[:4])
    assert (tag, length, offset) == (0x75, 1000, 4)
