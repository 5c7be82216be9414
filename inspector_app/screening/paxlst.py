"""UN/EDIFACT PAXLST (API passenger and crew lists) read into one ``Manifest``, or refused whole.

What a feed really delivers is not a textbook interchange (see shared data/paxlst/README): a
teletype envelope before ``UNA``, lines wrapped in the middle of a segment, per-sender delimiters,
``UNG``/``UNE`` groups, multi-part messages, counts that do not add up. The tokenising is
pydifact's (release character, delimiters from ``UNA``); this module unwraps and trims the text
first, splits the messages itself (pydifact 0.2.3's ``get_messages`` fails on ``UNG``), and reads
the PAXLST segments. Anything it cannot read raises ``PaxlstError`` naming the segment and where
it is in the file, and no partial manifest is returned: a screened list with holes would say
"clean" about people it never read.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
import warnings

from pydifact.control import Characters
from pydifact.exceptions import MissingImplementationWarning
from pydifact.parser import Parser

#: What wraps and envelopes a teletype message: line breaks and other control characters.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
#: BGM document codes: a passenger list or a crew list.
KINDS = {"745": "passengers", "250": "crew"}
#: NAD party qualifiers of people, and their role.
ROLES = {"FL": "passenger", "FM": "crew", "DDU": "passenger_in_transit", "DDT": "crew_in_transit"}
#: The segments of a PAXLST message (D.05B): another tag is a damaged segment, refused rather than
#: skipped (a damaged ``DOC`` skipped would leave a person unscreened without saying so).
MESSAGE_TAGS = frozenset("BGM GEI NAD COM RFF DTM TDT LOC CNT ATT MEA FTX NAT DOC CPI QTY EMP TSR GIS".split())
#: DOC codes preferred as the person's travel document, in this order.
TRAVEL_DOCUMENTS = ("P", "V", "I")


class PaxlstError(ValueError):
    """A message that cannot be read; ``segment`` (tag), ``index`` (0-based, in the interchange)
    and ``line``/``column`` (1-based, in the file) say where."""

    def __init__(self, problem: str, segment: str = "", index: int | None = None,
                 line: int | None = None, column: int | None = None):
        where = ""
        if segment or index is not None:
            where = f"segment {index + 1 if index is not None else '?'} ({segment or '?'})"
        if line is not None:
            where += f"{' ' if where else ''}at line {line}, column {column}"
        super().__init__(f"{where}: {problem}" if where else problem)
        self.problem, self.segment, self.index, self.line, self.column = problem, segment, index, line, column


@dataclasses.dataclass(frozen=True)
class Person:
    surname: str
    given_names: str
    birth_date: dt.date | None
    sex: str | None
    nationality: str | None
    document_type: str | None
    document_number: str | None
    issuing_state: str | None
    expiry: dt.date | None
    role: str

    def to_dict(self) -> dict:
        d = dataclasses.asdict(self)
        d["birth_date"] = self.birth_date.isoformat() if self.birth_date else None
        d["expiry"] = self.expiry.isoformat() if self.expiry else None
        return d

    def traveller(self) -> dict:
        """The fields the screener reads (``screen.Screener.screen``)."""
        return {"surname": self.surname, "given_names": self.given_names,
                "birth_date": self.birth_date.isoformat() if self.birth_date else None, "sex": self.sex,
                "nationality": self.nationality, "issuing_state": self.issuing_state or self.nationality,
                "document_number": self.document_number, "document_type": self.document_type or "P"}


@dataclasses.dataclass(frozen=True)
class Manifest:
    flight: str                      # TDT+20: flight number, or the vessel
    carrier: str
    departure: str                   # LOC+125
    arrival: str                     # LOC+87
    scheduled_arrival: dt.datetime | None  # DTM+232
    kind: str                        # passengers | crew
    people: tuple[Person, ...]
    parts: tuple[int, ...] = ()      # the multi-part sequence numbers read
    complete: bool = True            # a final part (or a single message) was read
    warnings: tuple[str, ...] = ()

    def key(self) -> tuple:
        return self.flight, self.scheduled_arrival, self.kind

    def to_dict(self) -> dict:
        return {"flight": self.flight, "carrier": self.carrier, "departure": self.departure, "arrival": self.arrival,
                "scheduled_arrival": self.scheduled_arrival.isoformat() if self.scheduled_arrival else None,
                "kind": self.kind, "parts": list(self.parts), "complete": self.complete,
                "warnings": list(self.warnings), "people": [p.to_dict() for p in self.people]}


# ---- the text ---------------------------------------------------------------------------------
class _Text:
    """The interchange from ``UNA`` (or ``UNB``) to the end of ``UNZ``, unwrapped (line breaks and
    control characters of the teletype envelope dropped), and where each segment starts."""

    def __init__(self, raw: str):
        start = raw.find("UNA")
        if start < 0:
            start = raw.find("UNB")
        if start < 0:
            raise PaxlstError("no UNA or UNB segment: not an EDIFACT interchange")
        self.raw, self.offset = raw, start
        self.text = _CONTROL.sub("", raw[start:])
        if self.text.startswith("UNA") and len(set(self.text[3:9])) < 6:
            raise PaxlstError("UNA must declare six different service characters", "UNA", 0)
        self.chars = Characters.from_str(self.text[3:9]) if self.text.startswith("UNA") else Characters()
        self.starts = self._segment_starts()
        end = self._end_of_unz()
        self.text, self.starts = self.text[:end], [s for s in self.starts if s < end]

    def _segment_starts(self) -> list[int]:
        rel, term = re.escape(self.chars.escape_character), re.escape(self.chars.segment_terminator)
        first = 9 if self.text.startswith("UNA") else 0
        ends = [m.end() for m in re.finditer(f"(?:[^{rel}{term}]|{rel}.)*{term}", self.text[first:], re.S)]
        starts = ([0] if first else []) + [first] + [first + e for e in ends if first + e < len(self.text)]
        return starts

    def _end_of_unz(self) -> int:
        for n, s in enumerate(self.starts):
            if self.text.startswith("UNZ", s):
                return self.starts[n + 1] if n + 1 < len(self.starts) else len(self.text)
        raise self.error("no UNZ segment: the interchange is truncated", len(self.starts) - 1, "")

    def where(self, at: int) -> tuple[int, int]:
        """Line and column (1-based) in the file of character ``at`` of the unwrapped text."""
        kept = 0
        for i in range(self.offset, len(self.raw)):
            if _CONTROL.match(self.raw[i]):
                continue
            if kept == at:
                line_start = self.raw.rfind("\n", 0, i) + 1
                return self.raw.count("\n", 0, i) + 1, i - line_start + 1
            kept += 1
        return self.raw.count("\n") + 1, len(self.raw) - self.raw.rfind("\n")

    def error(self, problem: str, index: int, tag: str) -> PaxlstError:
        at = self.starts[min(max(index, 0), len(self.starts) - 1)] if self.starts else 0
        line, col = self.where(at)
        return PaxlstError(problem, tag, index, line, col)


@dataclasses.dataclass(frozen=True)
class Segment:
    """One segment: its tag and its elements, each a string or (a composite) a list of strings,
    shaped exactly as pydifact's ``Segment`` shapes them (trailing empty components dropped)."""
    tag: str
    elements: list


def _segments(raw: str) -> tuple[_Text, list]:
    """Every segment of the interchange, or a refusal naming the first that cannot be read.

    The split follows the interchange's own service characters (``UNA``) and the release
    character, as pydifact's parser does, and gives the same segments (``pydifact_segments``
    is the reference the tests compare with, message for message and mutation for mutation).
    pydifact's tokenizer reads one character at a time in Python: 85 % of the time of a day of
    100,000 passengers; this is one regular-expression pass per segment."""
    text = _Text(raw)
    c = text.chars
    rel, el, comp = (re.escape(x) for x in (c.escape_character, c.data_separator, c.component_separator))
    term = c.segment_terminator
    token = re.compile(f"{rel}(.)|({el})|({comp})|([^{rel}{el}{comp}]+)|({rel})", re.S)
    out: list[Segment] = []
    for index, start in enumerate(text.starts):
        end = text.starts[index + 1] if index + 1 < len(text.starts) else len(text.text)
        body = text.text[start:end]
        if index == 0 and body.startswith("UNA") and text.text.startswith("UNA"):
            out.append(Segment("UNA", [body[3:9]]))
            continue
        if not body.endswith(term) or _released(body, c.escape_character):
            raise text.error("Unexpected end of EDI messages.", index, "")
        elements, parts, current = [], [], []
        for m in token.finditer(body[:-1]):
            released, element_sep, component_sep, chars, lone = m.groups()
            if element_sep or component_sep:
                parts.append("".join(current))
                current = []
                if element_sep:
                    elements.append(parts)
                    parts = []
            elif lone is not None:
                raise text.error("Unexpected end of EDI messages.", index, "")
            else:
                current.append(released if released is not None else chars)
        parts.append("".join(current))
        elements.append(parts)
        tag = elements.pop(0)
        tag[0] = tag[0].lstrip(" ")   # a space between segments is layout, as for pydifact
        tag = tag[:1] if _element(list(tag)) == tag[0] else tag
        if len(tag) > 1:
            raise text.error("Invalid segment name: {name}", index, "")
        if not tag[0]:
            raise text.error("The tag of a segment must not be empty.", index, "")
        if not (len(tag[0]) == 3 and tag[0].isupper() and tag[0].isalnum()):
            raise text.error(f"Segment tag must be an uppercase 3-letter string, not {tag[0]!r}.", index, tag[0])
        seg = Segment(tag[0], [_element(e) for e in elements])
        if seg.tag == "UNB" and (not seg.elements or len(seg.elements[0]) < 2):
            raise text.error("the syntax identifier of UNB (UNOA:4...) is missing", index, "UNB")
        out.append(seg)
    return text, out


def _released(body: str, release: str) -> bool:
    """Whether the segment's last character (its terminator) is released, i.e. not a terminator."""
    n = len(body) - 1
    count = 0
    while n - 1 - count >= 0 and body[n - 1 - count] == release:
        count += 1
    return count % 2 == 1


def _element(components: list[str]):
    while len(components) > 1 and components[-1] == "":
        components = components[:-1]
    return components[0] if len(components) == 1 else components


def pydifact_segments(raw: str) -> list:
    """The same interchange read by pydifact's own parser: the reference for ``_segments``."""
    text = _Text(raw)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MissingImplementationWarning)   # no directory files shipped
        warnings.simplefilter("ignore", SyntaxWarning)
        return [Segment(s.tag, s.elements) for s in Parser().parse(text.text, characters=text.chars)]


# ---- elements ---------------------------------------------------------------------------------
def _el(seg, i: int, j: int | None = None) -> str:
    """Element ``i`` (component ``j``) of a segment, '' if absent."""
    if i >= len(seg.elements):
        return ""
    e = seg.elements[i]
    if isinstance(e, list):
        return str(e[j or 0] if (j or 0) < len(e) else "").strip()
    return str(e).strip() if not j else ""


def _date(value: str, what: str, ref: dt.date, future: bool) -> dt.date:
    """YYMMDD (or CCYYMMDD): two-digit birth years are in the past, expiries in the future (an
    expired document reads as recently expired, not as one a century ahead) of ``ref``."""
    if not value.isdigit() or len(value) not in (6, 8):
        raise ValueError(f"{what} {value!r} is not YYMMDD")
    if len(value) == 8:
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
    yy, mm, dd = int(value[:2]), int(value[2:4]), int(value[4:])
    year = 2000 + yy
    if future:
        year -= 100 if year > ref.year + 50 else 0
    else:
        year -= 100 if dt.date(year, mm, dd) > ref else 0
    return dt.date(year, mm, dd)


def _datetime(value: str) -> dt.datetime:
    """YYMMDDHHMM (format 201) or CCYYMMDDHHMM (203)."""
    if not value.isdigit() or len(value) not in (10, 12):
        raise ValueError(f"date/time {value!r} is not YYMMDDHHMM")
    if len(value) == 10:
        value = "20" + value
    return dt.datetime(int(value[:4]), int(value[4:6]), int(value[6:8]), int(value[8:10]), int(value[10:12]))


# ---- messages ---------------------------------------------------------------------------------
@dataclasses.dataclass
class _Doc:
    type: str
    number: str
    expiry: dt.date | None = None
    state: str | None = None


@dataclasses.dataclass
class _Draft:
    surname: str
    given: str
    role: str
    birth: dt.date | None = None
    sex: str | None = None
    nationality: str | None = None
    docs: list = dataclasses.field(default_factory=list)

    def person(self) -> Person:
        doc = next((d for t in TRAVEL_DOCUMENTS for d in self.docs if d.type == t), self.docs[0] if self.docs else None)
        return Person(self.surname, self.given, self.birth, self.sex, self.nationality, doc.type if doc else None,
                      doc.number if doc else None, doc.state if doc else None, doc.expiry if doc else None, self.role)


def _message(segs: list, base: int, text: _Text, ref: dt.date) -> tuple[Manifest, int, bool]:
    """One UNH..UNT message: its manifest, multi-part sequence number and whether it is final."""
    head = segs[0]
    if _el(head, 1, 0) != "PAXLST":
        raise text.error(f"message type {_el(head, 1, 0)!r}, not PAXLST", base, "UNH")
    seq_text, final = _el(head, 3, 0), _el(head, 3, 1) == "F"
    seq = int(seq_text) if seq_text.isdigit() else 1
    final = final or not seq_text
    info = {"flight": "", "carrier": "", "departure": "", "arrival": "", "arrival_at": None, "kind": None,
            "departure_at": None}
    people: list[_Draft] = []
    notes: list[str] = []
    doc: _Doc | None = None
    count = None
    for n, seg in enumerate(segs[1:-1], start=base + 1):
        tag, q = seg.tag, _el(seg, 0)
        try:
            if tag not in MESSAGE_TAGS:
                raise ValueError(f"segment tag {tag!r} is not one a PAXLST message has")
            if tag == "BGM":
                if _el(seg, 0, 0) not in KINDS:
                    raise ValueError(f"document code {_el(seg, 0, 0)!r} is neither 745 (passengers) nor 250 (crew)")
                info["kind"] = KINDS[_el(seg, 0, 0)]
            elif tag == "TDT" and q == "20":
                info["flight"], info["carrier"] = _el(seg, 1), _el(seg, 4, 0)
            elif tag == "NAD" and q in ROLES:
                surname, given = _el(seg, 3, 0), " ".join(x for x in (_el(seg, 3, 1), _el(seg, 3, 2)) if x)
                if not surname:
                    raise ValueError("a person with no surname")
                people.append(_Draft(surname.upper(), given.upper(), ROLES[q]))
                doc = None
            elif not people:
                if tag == "LOC" and q == "125":
                    info["departure"] = _el(seg, 1, 0)
                elif tag == "LOC" and q == "87":
                    info["arrival"] = _el(seg, 1, 0)
                elif tag == "DTM" and _el(seg, 0, 0) == "232":
                    info["arrival_at"] = _datetime(_el(seg, 0, 1))
                elif tag == "DTM" and _el(seg, 0, 0) == "189":
                    info["departure_at"] = _datetime(_el(seg, 0, 1))
            elif tag == "ATT" and q == "2":
                info_sex = _el(seg, 2, 0).upper()
                if info_sex not in ("M", "F", "X", "U", ""):
                    raise ValueError(f"sex {info_sex!r} is not M, F, X or U")
                people[-1].sex = info_sex if info_sex in ("M", "F", "X") else None
            elif tag == "DTM" and _el(seg, 0, 0) == "329":
                people[-1].birth = _date(_el(seg, 0, 1), "birth date", ref, future=False)
            elif tag == "NAT":
                people[-1].nationality = _el(seg, 1, 0).upper() or None
            elif tag == "DOC":
                doc = _Doc(_el(seg, 0, 0).upper(), _el(seg, 1, 0).upper())
                if not doc.number:
                    raise ValueError("a document with no number")
                people[-1].docs.append(doc)
            elif tag == "DTM" and _el(seg, 0, 0) == "36" and doc is not None:
                doc.expiry = _date(_el(seg, 0, 1), "expiry date", ref, future=True)
            elif tag == "LOC" and q == "91" and doc is not None:
                doc.state = _el(seg, 1, 0).upper() or None
            if tag == "CNT" and _el(seg, 0, 0) in ("41", "42"):
                count = int(_el(seg, 0, 1))
        except (ValueError, IndexError) as exc:
            raise text.error(str(exc), n, tag) from None
    if info["kind"] is None:
        raise text.error("no BGM segment (745 passengers or 250 crew)", base, "UNH")
    if not info["flight"]:
        raise text.error("no TDT+20 segment naming the flight or vessel", base, "UNH")
    if count is not None and final and count != len(people) and seq == 1:
        notes.append(f"CNT says {count} people, the message has {len(people)}")
    manifest = Manifest(info["flight"], info["carrier"] or info["flight"][:2], info["departure"], info["arrival"],
                        info["arrival_at"], info["kind"], tuple(p.person() for p in people), (seq,), final,
                        tuple(notes))
    return manifest, seq, final


def _reference(segs: list) -> dt.date:
    """The manifest's own date (for two-digit years): DTM+189/232, else the UNB date."""
    for seg in segs:
        if seg.tag == "DTM" and _el(seg, 0, 0) in ("189", "232"):
            try:
                return _datetime(_el(seg, 0, 1)).date()
            except ValueError:
                break
    for seg in segs:
        if seg.tag == "UNB" and _el(seg, 3, 0).isdigit() and len(_el(seg, 3, 0)) == 6:
            v = _el(seg, 3, 0)
            return dt.date(2000 + int(v[:2]), int(v[2:4]), int(v[4:]))
    return dt.date.today()


def parse(raw: str) -> Manifest:
    """Every PAXLST message of one interchange, assembled into one manifest (one flight)."""
    text, segs = _segments(raw)
    if not segs or segs[0].tag not in ("UNA", "UNB"):
        raise text.error("the interchange does not start with UNA or UNB", 0, segs[0].tag if segs else "")
    try:
        ref = _reference(segs)
    except ValueError as exc:
        raise text.error(str(exc), 0, "UNB") from None
    parts, start = [], None
    for i, seg in enumerate(segs):
        if seg.tag == "UNH":
            if start is not None:
                raise text.error("UNH before the previous message's UNT", i, "UNH")
            start = i
        elif seg.tag == "UNT":
            if start is None:
                raise text.error("UNT without UNH", i, "UNT")
            parts.append(_message(segs[start:i + 1], start, text, ref)[0])
            start = None
        elif seg.tag not in ("UNA", "UNB", "UNG", "UNE", "UNZ") and start is None:
            raise text.error("a segment outside any UNH..UNT message", i, seg.tag)
    if start is not None:
        raise text.error("message without UNT", start, "UNH")
    if not parts:
        raise text.error("no PAXLST message in the interchange", len(segs) - 1, segs[-1].tag)
    return assemble(parts)


def assemble(parts: list[Manifest]) -> Manifest:
    """The parts of one flight's manifest (multi-part messages, in any order) as one."""
    first = parts[0]
    for p in parts[1:]:
        if p.key() != first.key():
            raise PaxlstError(f"parts of different manifests: {first.flight} and {p.flight}")
    ordered = sorted(parts, key=lambda p: p.parts)
    seqs = tuple(s for p in ordered for s in p.parts)
    if len(set(seqs)) != len(seqs):
        raise PaxlstError(f"part {sorted(s for s in seqs if seqs.count(s) > 1)[0]} of {first.flight} given twice")
    return dataclasses.replace(
        first, people=tuple(person for p in ordered for person in p.people), parts=seqs,
        complete=any(p.complete for p in parts), warnings=tuple(w for p in ordered for w in p.warnings))
