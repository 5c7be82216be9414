"""BER-TLV as the eMRTD's files use it (ISO/IEC 7816-4, ICAO 9303-10 section 4).

A chip is untrusted input until passive authentication has passed, so every length is checked
against the bytes actually present before anything is sliced: a short or garbled file raises
:class:`TlvError` naming the offset, never reads past the end and never loops. Indefinite
lengths (``0x80``) do not occur in the LDS and are refused; lengths are capped at four bytes
(4 GiB), far above any file a chip holds.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

MAX_TAG_BYTES = 4
MAX_LENGTH_BYTES = 4


class TlvError(ValueError):
    """The bytes are not well-formed BER-TLV; the message says where and why."""


@dataclass(frozen=True)
class Tlv:
    tag: int
    value: bytes

    @property
    def constructed(self) -> bool:
        return bool(_first_tag_byte(self.tag) & 0x20)

    def children(self) -> list[Tlv]:
        """The TLVs inside a constructed value (raises :class:`TlvError` for a primitive one)."""
        if not self.constructed:
            raise TlvError(f"tag {self.tag:X} is primitive: it has no inner TLVs")
        return parse_all(self.value)

    def find(self, tag: int) -> Tlv | None:
        """The first direct child with ``tag``, or None."""
        return next((c for c in self.children() if c.tag == tag), None)

    def need(self, tag: int) -> Tlv:
        """The first direct child with ``tag``; a missing one is a malformed file."""
        found = self.find(tag)
        if found is None:
            raise TlvError(f"tag {self.tag:X} has no inner tag {tag:X}")
        return found

    def encode(self) -> bytes:
        return encode(self.tag, self.value)


def _first_tag_byte(tag: int) -> int:
    return tag >> (8 * ((tag.bit_length() - 1) // 8)) if tag else 0


def read_tag(data: bytes, pos: int) -> tuple[int, int]:
    """(tag as an integer of its bytes, position after it). Multi-byte tags: low 5 bits all set in
    the first byte, then bytes with bit 8 set continue."""
    if pos >= len(data):
        raise TlvError(f"truncated: a tag was expected at offset {pos}")
    first = data[pos]
    tag, pos = first, pos + 1
    if first & 0x1F != 0x1F:
        return tag, pos
    for _ in range(MAX_TAG_BYTES - 1):
        if pos >= len(data):
            raise TlvError(f"truncated inside a multi-byte tag at offset {pos}")
        b = data[pos]
        tag, pos = (tag << 8) | b, pos + 1
        if not b & 0x80:
            return tag, pos
    raise TlvError(f"tag longer than {MAX_TAG_BYTES} bytes at offset {pos}")


def read_length(data: bytes, pos: int) -> tuple[int, int]:
    """(length, position after the length field); short form or ``81``..``84`` long form."""
    if pos >= len(data):
        raise TlvError(f"truncated: a length was expected at offset {pos}")
    first = data[pos]
    pos += 1
    if first < 0x80:
        return first, pos
    count = first & 0x7F
    if count == 0:
        raise TlvError(f"indefinite length at offset {pos - 1} is not used in the LDS")
    if count > MAX_LENGTH_BYTES:
        raise TlvError(f"length field of {count} bytes at offset {pos - 1} (at most {MAX_LENGTH_BYTES})")
    if pos + count > len(data):
        raise TlvError(f"truncated inside a length field at offset {pos}")
    return int.from_bytes(data[pos:pos + count], "big"), pos + count


def read_header(data: bytes, pos: int = 0) -> tuple[int, int, int]:
    """(tag, value length, offset of the value): enough to know how long a file is from its
    first bytes, as a reader does before reading the rest."""
    tag, pos = read_tag(data, pos)
    length, pos = read_length(data, pos)
    return tag, length, pos


def read_one(data: bytes, pos: int = 0) -> tuple[Tlv, int]:
    """The TLV at ``pos`` and the position after it."""
    tag, length, start = read_header(data, pos)
    end = start + length
    if end > len(data):
        raise TlvError(f"truncated: tag {tag:X} at offset {pos} declares {length} bytes, "
                       f"{len(data) - start} are present")
    return Tlv(tag, bytes(data[start:end])), end


def iter_tlvs(data: bytes) -> Iterator[Tlv]:
    pos = 0
    while pos < len(data):
        tlv, pos = read_one(data, pos)
        yield tlv


def parse_all(data: bytes) -> list[Tlv]:
    """Every TLV of a concatenation (the value of a constructed TLV)."""
    return list(iter_tlvs(data))


def parse(data: bytes, expected_tag: int | None = None) -> Tlv:
    """Exactly one TLV filling ``data``; a wrong outer tag or bytes after it are errors. (Files
    read from a chip are cut to their declared length by the reader, so trailing bytes mean a
    damaged file.)"""
    tlv, end = read_one(data, 0)
    if expected_tag is not None and tlv.tag != expected_tag:
        raise TlvError(f"expected tag {expected_tag:X}, found {tlv.tag:X}")
    if end != len(data):
        raise TlvError(f"{len(data) - end} unexpected bytes after tag {tlv.tag:X}")
    return tlv


def encode_tag(tag: int) -> bytes:
    if tag < 0:
        raise ValueError("a tag is a non-negative integer")
    return tag.to_bytes(max(1, (tag.bit_length() + 7) // 8), "big")


def encode_length(length: int) -> bytes:
    if length < 0:
        raise ValueError("a length is non-negative")
    if length < 0x80:
        return bytes([length])
    body = length.to_bytes((length.bit_length() + 7) // 8, "big")
    if len(body) > MAX_LENGTH_BYTES:
        raise ValueError(f"length {length} needs more than {MAX_LENGTH_BYTES} bytes")
    return bytes([0x80 | len(body)]) + body


def encode(tag: int, value: bytes) -> bytes:
    return encode_tag(tag) + encode_length(len(value)) + bytes(value)


def constructed(tag: int, *children: bytes) -> bytes:
    """A constructed TLV around already-encoded children."""
    return encode(tag, b"".join(children))
