"""Check-digit feedback while an inspector types an MRZ by hand (the reader's fallback).

After every keystroke the UI calls `live_feedback(text)`; each line reports its length against
the format's width, characters an MRZ cannot hold, and for every check digit whose data is
fully typed whether it is right (and, when wrong, the digit the data calls for). Nothing here
needs a complete MRZ.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from inspector_app.domain.mrz_layout import CHARSET, FILLER, LAYOUTS, Check, Layout, check_digit

_UNTYPED = "\0"


@dataclass
class CheckFeedback:
    check: str
    line: int
    column: int
    status: str  # "ok" | "wrong" | "pending"
    typed: str | None = None
    expected: str | None = None

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class LineFeedback:
    line: int
    length: int
    expected_length: int
    format: str
    invalid_columns: list = field(default_factory=list)
    checks: list = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.length == self.expected_length

    def to_dict(self) -> dict:
        return {
            "line": self.line, "length": self.length, "expected_length": self.expected_length,
            "complete": self.complete, "too_long": self.length > self.expected_length,
            "format": self.format, "invalid_columns": list(self.invalid_columns),
            "checks": [c.to_dict() for c in self.checks],
        }


def _candidates(first: str) -> list[Layout]:
    if first == "V":
        return [LAYOUTS["MRVA"], LAYOUTS["MRVB"]]
    if first == "P":
        return [LAYOUTS["TD3"]]
    if first in ("I", "A", "C"):
        return [LAYOUTS["TD1"], LAYOUTS["TD2"], LAYOUTS["TD3"]]
    return [LAYOUTS["TD3"], LAYOUTS["TD1"], LAYOUTS["TD2"]]


def _td1_number_plausible(line1: str) -> bool:
    """Can this first line still be a TD1 document number? (A TD2 name field usually cannot.)

    Names hold no digits, so a TD2 first line shows a letter or a '<' not followed by a digit-
    terminated long number where TD1 has its document-number check digit (column 15).
    """
    if len(line1) <= 14 or line1[14].isdigit():
        return True
    if line1[14] != FILLER:
        return False
    rest = line1[15:30]
    if FILLER not in rest:
        return len(line1) < 30 or rest[-1:].isdigit()
    run = rest.split(FILLER, 1)[0]
    return len(run) >= 2 and run[-1].isdigit()


def guess_layout(lines: list[str]) -> Layout:
    """The first format the typed lines still fit (earlier lines full, the last not too long)."""
    options = _candidates(lines[0][:1] if lines else "")
    for lay in options:
        if len(lines) <= lay.lines and all(len(x) == lay.width for x in lines[:-1]) \
                and len(lines[-1]) <= lay.width:
            if lay.format == "TD1" and len(lines) == 1 and not _td1_number_plausible(lines[0]):
                continue
            return lay
    return options[0]


def _typed(padded: list[str], cells) -> str | None:
    chars = []
    for line, a, b in cells:
        chunk = padded[line][a:b]
        if _UNTYPED in chunk:
            return None
        chars.append(chunk)
    return "".join(chars)


def _check_status(chk: Check, lay: Layout, padded: list[str]) -> CheckFeedback:
    line, col = chk.digit
    digit = padded[line][col]
    fb = CheckFeedback(chk.name, line + 1, col + 1, "pending")
    if digit == _UNTYPED:
        return fb
    data = _typed(padded, chk.spans)
    if chk.name == "document_number" and lay.long_document_number and digit == FILLER:
        ln, a, b = lay.fields["optional_data"]
        rest = padded[ln][a:b]
        run = rest.split(FILLER, 1)[0]
        if _UNTYPED in run or FILLER not in rest:
            return fb  # the long number's remainder is still being typed
        if len(run) < 2:
            fb.status, fb.typed = "wrong", digit
            fb.expected = check_digit(data) if data else None
            return fb
        data, digit, fb.line, fb.column = data + run[:-1], run[-1], ln + 1, a + len(run)
    if data is None:
        return fb
    fb.typed = digit
    if chk.name == "optional_data" and digit == FILLER and set(data) <= {FILLER}:
        fb.status = "ok"
        return fb
    fb.expected = check_digit(data)
    fb.status = "ok" if fb.expected is not None and digit == fb.expected else "wrong"
    return fb


def live_feedback(text: str) -> list[LineFeedback]:
    """Per-line feedback for partly typed MRZ text; an empty input gives an empty list."""
    lines = [x.strip().upper() for x in (text or "").replace("\r", "\n").split("\n")]
    lines = [x for x in lines if x]
    if not lines:
        return []
    lay = guess_layout(lines)
    padded = [(x + _UNTYPED * lay.width)[:lay.width] for x in lines[:lay.lines]]
    padded += [_UNTYPED * lay.width] * (lay.lines - len(padded))
    out = []
    for i, line in enumerate(lines):
        out.append(LineFeedback(
            line=i + 1, length=len(line), expected_length=lay.width, format=lay.format,
            invalid_columns=[j + 1 for j, c in enumerate(line) if c not in CHARSET],
        ))
    for chk in lay.checks:
        fb = _check_status(chk, lay, padded)
        if fb.line <= len(out):
            out[fb.line - 1].checks.append(fb)
    return out
