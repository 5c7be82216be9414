"""Build valid MRZs of every ICAO 9303 format (for tests, demo data and simulators).

The generator writes through the same layout table the parser reads (mrz_layout), so a
round trip through `mrz.parse_mrz` checks both. Names are transliterated upstream: this
module only accepts A-Z, spaces and '<' in names.
"""
from __future__ import annotations

import re
from datetime import date

from inspector_app.domain.mrz_layout import FILLER, LAYOUTS, Layout, check_digit, cut


class MrzBuildError(ValueError):
    """The given fields cannot be written into an MRZ."""


def _pad(text: str, width: int, what: str) -> str:
    if len(text) > width:
        raise MrzBuildError(f"{what} {text!r} is longer than {width} characters")
    return text + FILLER * (width - len(text))


def _clean(text: str, what: str, allowed: str = r"A-Z0-9<") -> str:
    t = (text or "").upper().replace(" ", FILLER)
    if re.search(rf"[^{allowed}]", t):
        raise MrzBuildError(f"{what} {text!r} has characters an MRZ cannot hold")
    return t


def _yymmdd(d: date | str | None) -> str:
    if d is None:
        return FILLER * 6
    if isinstance(d, date):
        return d.strftime("%y%m%d")
    if not re.fullmatch(r"[0-9<]{6}", d):
        raise MrzBuildError(f"date {d!r} is neither a date nor YYMMDD")
    return d


def name_field(surname: str, given_names: str, width: int) -> str:
    """Primary identifier, '<<', secondary identifier; truncated to the field (Doc 9303 Part 3)."""
    s = _clean(surname, "surname", "A-Z<")
    g = _clean(given_names, "given names", "A-Z<")
    text = s + (FILLER * 2 + g if g else "")
    return _pad(text[:width], width, "name")


def _set(lines: list[list[str]], span: tuple[int, int, int], value: str) -> None:
    line, a, b = span
    lines[line][a:b] = list(_pad(value, b - a, "field"))


def _build(lay: Layout, *, document_code: str, issuing_state: str, surname: str, given_names: str,
           document_number: str, nationality: str, birth_date, sex: str, expiry_date,
           optional_data: str = "", optional_data_2: str = "") -> str:
    lines = [[FILLER] * lay.width for _ in range(lay.lines)]
    number = _clean(document_number, "document number")
    optional = _clean(optional_data, "optional data")
    sex = {"X": FILLER, "": FILLER}.get(sex.upper(), sex.upper())
    if sex not in ("M", "F", FILLER):
        raise MrzBuildError(f"sex {sex!r} must be M, F or X")
    code = _clean(document_code, "document code")
    if lay.format.startswith("MRV") != code.startswith("V"):
        raise MrzBuildError(f"{lay.format} needs a document code {'starting' if lay.format.startswith('MRV') else 'not starting'} with 'V'")
    long_number = len(number) > 9
    if long_number:
        if not lay.long_document_number:
            raise MrzBuildError(f"{lay.format} cannot hold a document number of {len(number)} characters")
        # Doc 9303 Parts 5/6: 9 characters, '<' for the check digit, the rest plus its check
        # digit and a filler at the start of the optional data.
        optional = number[9:] + check_digit(number) + (FILLER + optional if optional else "")
        number = number[:9]
    _set(lines, lay.fields["document_code"], code)
    _set(lines, lay.fields["issuing_state"], _clean(issuing_state, "issuing state"))
    _set(lines, lay.fields["names"], name_field(surname, given_names, lay.fields["names"][2] - lay.fields["names"][1]))
    _set(lines, lay.fields["document_number"], number)
    _set(lines, lay.fields["nationality"], _clean(nationality, "nationality"))
    _set(lines, lay.fields["birth_date"], _yymmdd(birth_date))
    _set(lines, lay.fields["sex"], sex)
    _set(lines, lay.fields["expiry_date"], _yymmdd(expiry_date))
    _set(lines, lay.fields["optional_data"], optional)
    if "optional_data_2" in lay.fields:
        _set(lines, lay.fields["optional_data_2"], _clean(optional_data_2, "optional data 2"))
    elif optional_data_2:
        raise MrzBuildError(f"{lay.format} has no second optional data field")
    for chk in lay.checks:  # in layout order: the composite comes last and covers the others
        text = ["".join(line) for line in lines]
        data = "".join(cut(text, s) for s in chk.spans)
        if chk.name == "document_number" and long_number:
            digit = FILLER
        elif chk.name == "optional_data" and set(data) <= {FILLER}:
            digit = "0"
        else:
            digit = check_digit(data)
        lines[chk.digit[0]][chk.digit[1]] = digit
    return "\n".join("".join(line) for line in lines)


def build_td3(**fields) -> str:
    """Passport booklet (2 x 44). Fields: see `_build`; document_code defaults to 'P'."""
    fields.setdefault("document_code", "P")
    return _build(LAYOUTS["TD3"], **fields)


def build_td2(**fields) -> str:
    """Official travel document card (2 x 36)."""
    fields.setdefault("document_code", "I")
    return _build(LAYOUTS["TD2"], **fields)


def build_td1(**fields) -> str:
    """Identity card (3 x 30); document numbers over 9 characters run into the optional data."""
    fields.setdefault("document_code", "I")
    return _build(LAYOUTS["TD1"], **fields)


def build_mrva(**fields) -> str:
    """Visa format A (2 x 44)."""
    fields.setdefault("document_code", "V")
    return _build(LAYOUTS["MRVA"], **fields)


def build_mrvb(**fields) -> str:
    """Visa format B (2 x 36)."""
    fields.setdefault("document_code", "V")
    return _build(LAYOUTS["MRVB"], **fields)


BUILDERS = {"TD1": build_td1, "TD2": build_td2, "TD3": build_td3, "MRVA": build_mrva, "MRVB": build_mrvb}
