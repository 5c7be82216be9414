"""The seal (and the departure slip) says what was granted, and fits the 90 x 62 mm sticker."""
from __future__ import annotations

import datetime as dt

import pytest

TODAY = dt.date(2026, 11, 30)
LANDED = dt.datetime(2026, 11, 30, 5, 5, tzinfo=dt.UTC)   # 14:05 at the port (Asia/Tokyo)
CARD = {"residence_card": "issued_at_port", "residence_card_number": "AB12345678CD"}
PERMIT = {"reentry_permit_kind": "reentry_permit", "reentry_permit_number": "RP1234567", "reentry_permit_use": "multiple",
          "reentry_permit_valid_until": "2027-06-01", "stay_until": "unlimited"}

# decision (type, status, period, details) -> the rows the seal prints, by label (None: no such row)
CASES = {
    "temporary visitor": (("landing_permission", "temporary_visitor", "90d", None),
                          {"Status": "Temporary Visitor 短期滞在", "Period of stay": "90 days", "Until": "2027-02-27"}),
    "residence card": (("landing_permission", "business_manager", "1y", CARD),
                       {"Residence card": "AB12345678CD", "Until": "2027-11-29"}),
    "port of call, 72 hours": (("port_of_call_landing", None, "72h", {"vessel_or_aircraft": "JL006", "rejoins_at": "Kobe"}),
                               {"Status": None, "Period of stay": "72 hours", "Until": "2026-12-03 14:05",
                                "Vessel or flight": "JL006"}),
    "cruise ship": (("cruise_ship_landing", None, "30d", {"vessel": "DIAMOND PRINCESS"}),
                    {"Status": None, "Cruise ship": "DIAMOND PRINCESS"}),
    "returning resident": (("returning_resident", "permanent_resident", None, PERMIT),
                           {"Period of stay": None, "Until": "unlimited", "Re-entry permit": "RP1234567",
                            "Permit valid until": "2027-06-01"}),
    "departure": (("departure_confirmation", None, None, None),
                  {"Date of departure": "2026-11-30", "Date of landing": None, "Status": None, "Period of stay": None,
                   "Until": None}),
}


def _content(kind, status, period, details):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from inspector_app.booth import seal
    from inspector_app.domain.decisions import Decision

    decision = Decision(kind, status, period, TODAY, details=details, landed_at=LANDED)
    content = seal.content_of(decision, record_id="abe967a8-7c0f-42aa-a2c6-2c139535a8f1", examination_id="e",
                              port="Narita International Airport", booth="NRT-T1-B07", inspector="inspector1")
    return seal.sign(content, Ed25519PrivateKey.generate())


@pytest.mark.parametrize("case", list(CASES))
def test_the_seal_says_what_was_granted_and_fits_the_sticker(qapp, tmp_path, case):
    from PySide6.QtGui import QPainter, QPdfWriter

    from inspector_app.app.seal_render import SEAL_MM, paint_seal, seal_rows, write_pdf

    decision, expected = CASES[case]
    content = _content(*decision)
    rows = dict(seal_rows(content))
    for label, value in expected.items():
        assert rows.get(label) == value, (label, rows)
    assert rows["Inspector"] == "inspector1" and rows["Port"] == "Narita International Airport"
    writer = QPdfWriter(str(tmp_path / "seal.pdf"))
    writer.setResolution(300)
    painter = QPainter(writer)
    try:
        used = paint_seal(painter, writer, content)
    finally:
        painter.end()
    assert used <= SEAL_MM.height() - 1, (case, used)
    assert write_pdf(tmp_path / "written.pdf", content).read_bytes()[:5] == b"%PDF-"


def test_each_seal_is_titled_by_what_it_grants():
    from inspector_app.domain import decisions

    titles = {kind: _content(kind.value, None, None, None).title for kind in decisions.SEAL_TITLES}
    assert titles[decisions.DecisionType.departure_confirmation] == "DEPARTURE CONFIRMATION 出国確認"
    assert titles[decisions.DecisionType.port_of_call_landing] == "LANDING PERMISSION AT PORT OF CALL 寄港地上陸許可"
    assert len(set(titles.values())) == len(titles)
