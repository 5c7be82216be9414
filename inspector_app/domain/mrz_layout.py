"""Where each field sits in the machine-readable zone of each ICAO 9303 format.

Kept apart from the parser so that the parser, the generator (mrz_build) and live typed-entry
feedback all read the same table. Positions are 0-based, end exclusive: (line, start, end).
"""
from __future__ import annotations

from dataclasses import dataclass

FILLER = "<"
CHARSET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
WEIGHTS = (7, 3, 1)

Span = tuple[int, int, int]


@dataclass(frozen=True)
class Check:
    """A check digit at ``digit`` computed over the concatenation of ``spans``."""

    name: str
    spans: tuple[Span, ...]
    digit: tuple[int, int]


@dataclass(frozen=True)
class Layout:
    format: str
    lines: int
    width: int
    fields: dict[str, Span]
    checks: tuple[Check, ...]
    #: Formats whose document number may run on into the optional data (Doc 9303 Parts 5, 6).
    long_document_number: bool = False


def _two_line(fmt: str, width: int, optional_end: int, optional_check: bool, composite: bool,
              long_number: bool = False) -> Layout:
    fields = {
        "document_code": (0, 0, 2),
        "issuing_state": (0, 2, 5),
        "names": (0, 5, width),
        "document_number": (1, 0, 9),
        "nationality": (1, 10, 13),
        "birth_date": (1, 13, 19),
        "sex": (1, 20, 21),
        "expiry_date": (1, 21, 27),
        "optional_data": (1, 28, optional_end),
    }
    checks = [
        Check("document_number", ((1, 0, 9),), (1, 9)),
        Check("birth_date", ((1, 13, 19),), (1, 19)),
        Check("expiry_date", ((1, 21, 27),), (1, 27)),
    ]
    if optional_check:
        checks.append(Check("optional_data", ((1, 28, optional_end),), (1, optional_end)))
    if composite:
        checks.append(Check("composite", ((1, 0, 10), (1, 13, 20), (1, 21, width - 1)), (1, width - 1)))
    return Layout(fmt, 2, width, fields, tuple(checks), long_number)


TD3 = _two_line("TD3", 44, 42, optional_check=True, composite=True)
TD2 = _two_line("TD2", 36, 35, optional_check=False, composite=True, long_number=True)
MRVA = _two_line("MRVA", 44, 44, optional_check=False, composite=False)
MRVB = _two_line("MRVB", 36, 36, optional_check=False, composite=False)
TD1 = Layout(
    "TD1", 3, 30,
    {
        "document_code": (0, 0, 2),
        "issuing_state": (0, 2, 5),
        "document_number": (0, 5, 14),
        "optional_data": (0, 15, 30),
        "birth_date": (1, 0, 6),
        "sex": (1, 7, 8),
        "expiry_date": (1, 8, 14),
        "nationality": (1, 15, 18),
        "optional_data_2": (1, 18, 29),
        "names": (2, 0, 30),
    },
    (
        Check("document_number", ((0, 5, 14),), (0, 14)),
        Check("birth_date", ((1, 0, 6),), (1, 6)),
        Check("expiry_date", ((1, 8, 14),), (1, 14)),
        Check("composite", ((0, 5, 30), (1, 0, 7), (1, 8, 15), (1, 18, 29)), (1, 29)),
    ),
    long_document_number=True,
)

LAYOUTS = {lay.format: lay for lay in (TD1, TD2, TD3, MRVA, MRVB)}
CHECK_NAMES = ("document_number", "birth_date", "expiry_date", "optional_data", "composite")


def layout_for(line_lengths: list[int], first_char: str) -> Layout | None:
    """The layout matching these line lengths; visas start with 'V' (Doc 9303 Part 7)."""
    shape = (len(line_lengths), *set(line_lengths))
    is_visa = first_char == "V"
    if shape == (3, 30):
        return TD1
    if shape == (2, 44):
        return MRVA if is_visa else TD3
    if shape == (2, 36):
        return MRVB if is_visa else TD2
    return None


def char_value(c: str) -> int | None:
    """Doc 9303 Part 3 values: digits as is, A=10 ... Z=35, filler 0; None outside the charset."""
    if "0" <= c <= "9":
        return ord(c) - 48
    if "A" <= c <= "Z":
        return ord(c) - 55
    if c == FILLER:
        return 0
    return None


def check_digit(data: str) -> str | None:
    """The 7-3-1 weighted modulus-10 check digit of ``data``; None if it has foreign characters."""
    total = 0
    for i, c in enumerate(data):
        v = char_value(c)
        if v is None:
            return None
        total += v * WEIGHTS[i % 3]
    return str(total % 10)


def cut(lines: list[str], span: Span) -> str:
    line, a, b = span
    return lines[line][a:b]
