"""Machine-readable zone parsing and validation (ICAO Doc 9303 Parts 3-7).

`parse_mrz` accepts what a keyboard-wedge reader or an inspector sends (surrounding spaces,
``\\r\\n``, lower case, even all lines run together) and returns an `MrzResult` whose
``to_dict()`` is the JSON of ``inspector-app mrz parse``. It raises `NotAnMrz` only when the text
cannot be an MRZ at all; a damaged MRZ is still parsed, with ``valid`` false, the failing check
digits named and OCR-style corrections offered (never applied).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from inspector_app.domain import nationality
from inspector_app.domain.messages import msg
from inspector_app.domain.mrz_layout import (
    CHARSET,
    CHECK_NAMES,
    FILLER,
    Layout,
    check_digit,
    cut,
    layout_for,
)


class NotAnMrz(ValueError):
    """The text is not a machine-readable zone of any ICAO 9303 format."""


#: Characters OCR engines and tired typists confuse (Doc 9303 OCR-B look-alikes).
_CONFUSABLE_GROUPS = {"0": "OQDU", "1": "IL", "2": "Z", "4": "A", "5": "S", "6": "G", "7": "T", "8": "B", "<": "K"}
CONFUSIONS: dict[str, str] = {}
for _digit, _letters in _CONFUSABLE_GROUPS.items():
    CONFUSIONS[_digit] = CONFUSIONS.get(_digit, "") + _letters
    for _l in _letters:
        CONFUSIONS[_l] = CONFUSIONS.get(_l, "") + _digit

_SHAPES = {3: (30,), 2: (36, 44)}
_FOREIGN_SHARE_LIMIT = 0.10  # more than this share of non-MRZ characters: not an MRZ at all


@dataclass
class MrzResult:
    format: str
    document_code: str
    issuing_state: str
    surname: str
    given_names: str
    document_number: str
    nationality: str
    nationality_kind: str
    birth_date: date | None
    expiry_date: date | None
    sex: str
    optional_data: str
    checks: dict
    valid: bool
    expired: bool | None
    corrections: list = field(default_factory=list)
    optional_data_2: str = ""
    issuing_state_kind: str = "unknown"
    problems: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    lines: list = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "format": self.format,
            "document_code": self.document_code,
            "issuing_state": self.issuing_state,
            "issuing_state_kind": self.issuing_state_kind,
            "issuing_state_name": nationality.display_name(self.issuing_state),
            "surname": self.surname,
            "given_names": self.given_names,
            "document_number": self.document_number,
            "nationality": self.nationality,
            "nationality_kind": self.nationality_kind,
            "nationality_name": nationality.display_name(self.nationality),
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "expiry_date": self.expiry_date.isoformat() if self.expiry_date else None,
            "sex": self.sex,
            "optional_data": self.optional_data,
            "optional_data_2": self.optional_data_2,
            "checks": dict(self.checks),
            "valid": self.valid,
            "expired": self.expired,
            "corrections": list(self.corrections),
            "problems": list(self.problems),
            "warnings": list(self.warnings),
            "lines": list(self.lines),
        }


# ---------------------------------------------------------------- input normalisation

def split_lines(text: str) -> list[str]:
    """MRZ lines from reader or typed input; raises NotAnMrz with the reason when impossible."""
    if not isinstance(text, str):
        raise NotAnMrz(msg("expected text, got {type}", type=type(text).__name__))
    tokens = text.upper().split()
    if not tokens:
        raise NotAnMrz(msg("no MRZ: the input is empty"))
    lengths = [len(t) for t in tokens]
    if len(tokens) in _SHAPES and len(set(lengths)) == 1 and lengths[0] in _SHAPES[len(tokens)]:
        lines = tokens
    else:
        joined = "".join(tokens)
        widths = {90: 30, 72: 36, 88: 44}
        if len(joined) not in widths:
            raise NotAnMrz(msg(
                "not an MRZ: expected 3 lines of 30 (TD1), 2 lines of 36 (TD2, MRV-B) or 2 lines of 44 "
                "(TD3, MRV-A) characters; got {lines} line(s) of {lengths}",
                lines=len(tokens), lengths=", ".join(map(str, lengths))))
        w = widths[len(joined)]
        lines = [joined[i:i + w] for i in range(0, len(joined), w)]
    foreign = sum(1 for line in lines for c in line if c not in CHARSET)
    if foreign > _FOREIGN_SHARE_LIMIT * sum(map(len, lines)):
        raise NotAnMrz(msg("not an MRZ: {count} characters are outside the MRZ alphabet (A-Z, 0-9, <)", count=foreign))
    return lines


# ---------------------------------------------------------------- check digits

def _long_number(lines: list[str], lay: Layout) -> tuple[str, str, int] | None:
    """(full number, its check digit, characters used of the optional data) for a long number.

    Doc 9303 Parts 5/6: a number over 9 characters puts '<' in the check-digit position and
    continues in the optional data, followed by its check digit.
    """
    if not lay.long_document_number:
        return None
    num_check = next(c for c in lay.checks if c.name == "document_number")
    line, pos = num_check.digit
    if lines[line][pos] != FILLER:
        return None
    opt = cut(lines, lay.fields["optional_data"])
    run = opt.split(FILLER, 1)[0]
    if len(run) < 2:
        return None
    return cut(lines, lay.fields["document_number"]) + run[:-1], run[-1], len(run)


def evaluate_checks(lines: list[str], lay: Layout) -> dict[str, bool | None]:
    """Each of CHECK_NAMES: True/False, or None where the format has no such digit."""
    result: dict[str, bool | None] = {name: None for name in CHECK_NAMES}
    long = _long_number(lines, lay)
    for chk in lay.checks:
        data = "".join(cut(lines, s) for s in chk.spans)
        digit = lines[chk.digit[0]][chk.digit[1]]
        if chk.name == "document_number" and long:
            data, digit = long[0], long[1]
        if chk.name == "optional_data" and digit == FILLER and set(data) <= {FILLER}:
            result[chk.name] = True  # empty optional data may carry '<' as its check digit
            continue
        computed = check_digit(data)
        result[chk.name] = computed is not None and digit == computed
    return result


def _failing(lines: list[str], lay: Layout) -> frozenset[str]:
    return frozenset(k for k, v in evaluate_checks(lines, lay).items() if v is False)


def _field_at(lay: Layout, line: int, col: int) -> str:
    for name, (ln, a, b) in lay.fields.items():
        if ln == line and a <= col < b:
            return name
    for chk in lay.checks:
        if chk.digit == (line, col):
            return f"{chk.name}_check_digit"
    return "filler"


def _numeric_positions(lay: Layout) -> set[tuple[int, int]]:
    cells = {chk.digit for chk in lay.checks}
    for name in ("birth_date", "expiry_date"):
        line, a, b = lay.fields[name]
        cells.update((line, c) for c in range(a, b))
    return cells


def suggest_corrections(lines: list[str], lay: Layout, limit: int = 12) -> list[dict]:
    """Single-character OCR look-alike swaps that repair failing check digits without breaking others.

    These are offers for the inspector; the parser never applies them.
    """
    failing = _failing(lines, lay)
    if not failing:
        return []
    positions: set[tuple[int, int]] = set()
    for chk in lay.checks:
        if chk.name in failing:
            positions.add(chk.digit)
            for line, a, b in chk.spans:
                positions.update((line, c) for c in range(a, b))
            if chk.name == "document_number" and lay.long_document_number:
                ln, a, b = lay.fields["optional_data"]
                positions.update((ln, c) for c in range(a, b))
    numeric = _numeric_positions(lay)
    found = []
    for line, col in sorted(positions):
        original = lines[line][col]
        for alt in CONFUSIONS.get(original, ""):
            if (line, col) in numeric and not alt.isdigit():
                continue  # dates and check digits are digits: never offer a letter there
            trial = list(lines)
            trial[line] = trial[line][:col] + alt + trial[line][col + 1:]
            now = _failing(trial, lay)
            if now < failing:
                found.append({
                    "field": _field_at(lay, line, col),
                    "line": line + 1,
                    "column": col + 1,
                    "from": original,
                    "to": alt,
                    "fixes": sorted(failing - now),
                    "all_checks_pass": not now,
                    "mrz": "\n".join(trial),
                })
    found.sort(key=lambda c: (not c["all_checks_pass"], -len(c["fixes"]), c["line"], c["column"]))
    return found[:limit]


# ---------------------------------------------------------------- field decoding

def _yymmdd(s: str) -> tuple[int, int, int] | None:
    if len(s) != 6 or not s.isdigit():
        return None
    return int(s[:2]), int(s[2:4]), int(s[4:])


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def birth_date_from(s: str, today: date) -> date | None:
    """The latest date with these YYMMDD that is not after ``today``."""
    ymd = _yymmdd(s)
    if ymd is None:
        return None
    yy, mm, dd = ymd
    century = today.year // 100 * 100
    for base in (century, century - 100, century - 200):
        d = _make_date(base + yy, mm, dd)
        if d is not None and d <= today:
            return d
    return None


def expiry_date_from(s: str, today: date) -> date | None:
    """The date with these YYMMDD in the century that puts it within 50 years of ``today``."""
    ymd = _yymmdd(s)
    if ymd is None:
        return None
    yy, mm, dd = ymd
    century = today.year // 100 * 100
    options = [d for base in (century - 100, century, century + 100)
               if (d := _make_date(base + yy, mm, dd)) is not None]
    if not options:
        return None
    return min(options, key=lambda d: abs((d - today).days))


def split_names(field_text: str) -> tuple[str, str]:
    """Primary and secondary identifiers: '<<' separates them, '<' separates name parts."""
    primary, _, secondary = field_text.partition(FILLER * 2)

    def words(part: str) -> str:
        return " ".join(w for w in part.split(FILLER) if w)

    return words(primary), words(secondary)


def _code(text: str) -> str:
    return text.replace(FILLER, "")


def _describe_date_problem(label: str, raw: str) -> str | None:
    if FILLER in raw and _yymmdd(raw.replace(FILLER, "0")) is not None:
        return None  # Doc 9303 allows unknown day/month as '<'; not an error
    return f"{label} {raw!r} is not a calendar date (YYMMDD)"


# ---------------------------------------------------------------- the parser

def parse_lines(lines: list[str], today: date | None = None) -> MrzResult:
    """Parse already-split, upper-case MRZ lines (see `split_lines`)."""
    today = today or date.today()
    lay = layout_for([len(x) for x in lines], lines[0][:1])
    if lay is None:
        raise NotAnMrz(msg("not an MRZ: no ICAO 9303 format has {lines} lines of {length}", lines=len(lines),
                           length=len(lines[0])))
    f = {name: cut(lines, span) for name, span in lay.fields.items()}
    problems: list[str] = []
    warnings: list[str] = []

    for i, line in enumerate(lines):
        bad = [f"{c!r} at column {j + 1}" for j, c in enumerate(line) if c not in CHARSET]
        if bad:
            problems.append(f"line {i + 1} has characters outside the MRZ alphabet: {', '.join(bad)}")

    checks = evaluate_checks(lines, lay)
    long = _long_number(lines, lay)
    number = long[0] if long else f["document_number"]
    optional = f["optional_data"][long[2]:] if long else f["optional_data"]

    if not f["document_code"][:1].isalpha():
        problems.append(f"document code {f['document_code']!r} does not start with a letter")
    sex_raw = f["sex"]
    if sex_raw not in ("M", "F", "X", FILLER):
        problems.append(f"sex {sex_raw!r} is not M, F, X or <")
    sex = sex_raw if sex_raw in ("M", "F") else "X"

    birth = birth_date_from(f["birth_date"], today)
    if birth is None and (p := _describe_date_problem("birth date", f["birth_date"])):
        problems.append(p)
    expiry = expiry_date_from(f["expiry_date"], today)
    if expiry is None:
        problems.append(f"expiry date {f['expiry_date']!r} is not a calendar date (YYMMDD)")

    surname, given = split_names(f["names"])
    if not surname:
        problems.append("the primary identifier (surname) is empty")
    if re.search(r"[^A-Z<]", f["names"]):
        problems.append("the name field holds characters other than letters and '<'")

    issuing, nat = _code(f["issuing_state"]), _code(f["nationality"])
    for label, code in (("issuing state", issuing), ("nationality", nat)):
        if not nationality.is_known(code):
            warnings.append(f"{label} code {code!r} is not an ISO 3166-1 or ICAO code")
        elif code in nationality.SPECIMEN_CODES:
            warnings.append(f"{label} code {code!r} is the ICAO specimen state: a specimen, not a real document")
    expired = (expiry < today) if expiry else None
    if expired:
        warnings.append(f"document expired on {expiry.isoformat()}")

    failing = [k for k, v in checks.items() if v is False]
    if failing:
        problems.append("check digit(s) wrong: " + ", ".join(failing))
    return MrzResult(
        format=lay.format,
        document_code=f["document_code"].rstrip(FILLER),
        issuing_state=issuing,
        issuing_state_kind=nationality.kind_of(issuing),
        surname=surname,
        given_names=given,
        document_number=number.strip(FILLER),
        nationality=nat,
        nationality_kind=nationality.kind_of(nat),
        birth_date=birth,
        expiry_date=expiry,
        sex=sex,
        optional_data=optional.strip(FILLER),
        optional_data_2=f.get("optional_data_2", "").strip(FILLER),
        checks=checks,
        valid=not problems,
        expired=expired,
        corrections=suggest_corrections(lines, lay) if failing else [],
        problems=problems,
        warnings=warnings,
        lines=list(lines),
    )


def parse_mrz(text: str, today: date | None = None) -> MrzResult:
    """Parse and validate an MRZ of any ICAO 9303 format; raises NotAnMrz when it is none."""
    return parse_lines(split_lines(text), today)


def live_feedback(partial_text: str) -> list:
    """Per-line check-digit feedback for typed entry (see mrz_live)."""
    from inspector_app.domain.mrz_live import live_feedback as _live

    return _live(partial_text)
