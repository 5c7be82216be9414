"""The demo's pre-arrival manifest: a flight arriving today whose API passenger list carries the
demo traveller with the lost passport and the one on the biographic watchlist among clean
passengers, imported once when the demo first starts (as the watched folder or the hub would have
delivered it). The supervisor's manifests screen (F4) shows it with its hits first, and the booth
says "flagged before arrival" when either passport is read. Qt-free.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

#: the demo travellers on the flight (travellers.csv keys): two hits and the clean traveller
ON_BOARD = ("lost_passport", "watchlist_name", "clean")
#: other passengers and the crew, on no list (invented)
OTHERS = (
    ("MARTIN", "CLAIRE", dt.date(1985, 6, 14), "F", "FRA", "19FR44127", dt.date(2034, 2, 9), "passenger"),
    ("SATO", "KENJI", dt.date(1972, 11, 2), "M", "JPN", "TZ4481920", dt.date(2031, 7, 21), "passenger"),
    ("LEFEVRE", "THOMAS", dt.date(1990, 1, 30), "M", "FRA", "20FR91833", dt.date(2035, 3, 3), "passenger"),
    ("BERNARD", "SOPHIE", dt.date(1981, 8, 8), "F", "FRA", "18FR20554", dt.date(2033, 5, 17), "crew"),
)
FLIGHT, CARRIER, FROM, TO = "JL0046", "JL", "CDG", "NRT"
ARRIVES_AT = dt.time(15, 40)


def paxlst(home: Path, today: dt.date) -> str:
    """The flight's PAXLST interchange (two parts, as a carrier's feed sends a long list)."""
    from inspector_app.app.demo import travellers
    from inspector_app.domain import mrz
    from inspector_app.screening.paxlst import Manifest, Person
    from inspector_app.screening.paxlst_build import build

    people = []
    for t in travellers():
        if t["key"] in ON_BOARD:
            r = mrz.parse_lines([t["mrz_line1"], t["mrz_line2"]], today=today)
            people.append(Person(r.surname, r.given_names, r.birth_date, r.sex, r.nationality, "P", r.document_number,
                                 r.issuing_state, r.expiry_date, "passenger"))
    people += [Person(s, g, b, x, n, "P", d, n, e, role) for s, g, b, x, n, d, e, role in OTHERS]
    arrival = dt.datetime.combine(today, ARRIVES_AT)
    manifest = Manifest(FLIGHT, CARRIER, FROM, TO, arrival, "passengers", tuple(people))
    return build(manifest, parts=2, sent=arrival - dt.timedelta(hours=13))


def seed_pre_arrival_manifest(home: Path, today: dt.date | None = None) -> str | None:
    """Import, once, today's demo flight's manifest into the booth; returns its id, or None when
    already seeded."""
    from inspector_app.booth.context import BoothContext
    from inspector_app.screening import pre_arrival

    marker = Path(home) / "demo" / "manifest.json"
    if marker.exists():
        return None
    today = today or dt.date.today()
    ctx = BoothContext(home, today=today)
    try:
        done = pre_arrival.import_file(home, ctx.store(), paxlst(home, today).encode("latin-1"), actor="demo",
                                       today=today)
    finally:
        ctx.close()
    marker.write_text(json.dumps({"manifest_id": done.manifest_id, "arrival": today.isoformat()}), encoding="utf-8")
    return done.manifest_id
