"""PAXLST interchanges written from a ``Manifest``: what the tests, the benchmark and the demo feed
the reader (``paxlst.parse``) with, in any delimiters, split into parts, wrapped like a teletype."""
from __future__ import annotations

import datetime as dt

from inspector_app.screening.paxlst import Manifest, Person

#: component, data element, decimal mark, release character, reserved, segment terminator
STANDARD = ":+.? '"
ROLE_CODES = {"passenger": "FL", "crew": "FM", "passenger_in_transit": "DDU", "crew_in_transit": "DDT"}
KIND_CODES = {"passengers": "745", "crew": "250"}


def build(manifest: Manifest, una: str = STANDARD, parts: int = 1, groups: bool = True, wrap: int | None = None,
          envelope: str = "", sent: dt.datetime | None = None) -> str:
    """One interchange holding ``manifest`` in ``parts`` messages (multi-part ``01:C`` .. ``NN:F``),
    inside a UNG/UNE group when ``groups``; ``wrap`` cuts the text into lines of that length and
    ``envelope`` goes before ``UNA`` (a Type-B teletype header)."""
    comp, sep, _dec, rel, _res, term = una
    sent = sent or dt.datetime(2026, 11, 30, 6, 0)

    def esc(value) -> str:
        return "".join(rel + ch if ch in (comp, sep, rel, term) else ch for ch in str(value or ""))

    def seg(*elements) -> str:
        return sep.join(comp.join(esc(c) for c in e) if isinstance(e, tuple) else esc(e) for e in elements) + term

    stamp = (sent.strftime("%y%m%d"), sent.strftime("%H%M"))
    out = ["UNA" + una, seg("UNB", ("UNOA", "4"), "SENDER", "RECEIVER", stamp, "REF1", "", "APIS")]
    if groups:
        out.append(seg("UNG", "PAXLST", "SENDER", "RECEIVER", stamp, "GRP1", "UN", ("D", "05B")))
    people = list(manifest.people)
    size = -(-len(people) // parts) if people else 0
    for n in range(parts):
        chunk = people[n * size:(n + 1) * size]
        body = _message(manifest, chunk, seg)
        seq = (f"{n + 1:02d}", "F" if n == parts - 1 else "C") if parts > 1 else ""
        head = seg("UNH", f"M{n + 1}", ("PAXLST", "D", "05B", "UN", "IATA"), manifest.flight, seq)
        out += [head, *body, seg("UNT", str(len(body) + 2), f"M{n + 1}")]
    if groups:
        out.append(seg("UNE", "1", "GRP1"))
    out.append(seg("UNZ", "1", "REF1"))
    text = "".join(out)
    if wrap:
        text = "\r\n".join(text[i:i + wrap] for i in range(0, len(text), wrap))
    return envelope + text + "\r\n"


def _message(m: Manifest, people: list[Person], seg) -> list[str]:
    arrival = m.scheduled_arrival or dt.datetime(2026, 11, 30, 12, 0)
    body = [seg("BGM", KIND_CODES[m.kind]), seg("NAD", "MS", "", "", "HELP DESK"),
            seg("TDT", "20", m.flight, "", "", m.carrier),
            seg("LOC", "125", m.departure), seg("DTM", ("189", (arrival - dt.timedelta(hours=3)).strftime("%y%m%d%H%M"), "201")),
            seg("LOC", "87", m.arrival), seg("DTM", ("232", arrival.strftime("%y%m%d%H%M"), "201"))]
    for p in people:
        body += [seg("NAD", ROLE_CODES[p.role], "", "", (p.surname, *p.given_names.split(" ", 1))),
                 seg("ATT", "2", "", p.sex or "U")]
        if p.birth_date:
            body.append(seg("DTM", ("329", p.birth_date.strftime("%y%m%d"))))
        body += [seg("LOC", "178", m.departure), seg("LOC", "179", m.arrival)]
        if p.nationality:
            body.append(seg("NAT", "2", p.nationality))
        if p.document_number:
            body.append(seg("DOC", (p.document_type or "P", "110", "111"), p.document_number))
            if p.expiry:
                body.append(seg("DTM", ("36", p.expiry.strftime("%y%m%d"))))
            if p.issuing_state:
                body.append(seg("LOC", "91", p.issuing_state))
    body.append(seg("CNT", ("42", str(len(people)))))
    return body
