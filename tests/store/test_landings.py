"""A departure's look-up of the traveller's landing at this booth: by document and nationality,
newest first, a corrected decision replaced by its correction, referrals and other travellers'
records left out, through the index rather than a scan."""
from __future__ import annotations

import pytest

from .conftest import LANDING

TRAVELLER = {"surname": "SUZUKI", "given_names": "ICHIRO", "nationality": "GBR", "document_number": "TK1234567"}
CREW = {"type": "crew_landing", "period": "15d", "details": {"vessel_or_aircraft": "JL 44", "crew_document": "S-1"}}


def landed_on(day: str, **decision) -> dict:
    return {**LANDING, "landing_date": day, **decision}


@pytest.fixture
def booth(store, clean_exam):
    """Examinations of one traveller on four days (one corrected, one corrected into a
    referral, one a referral only) and of two other travellers."""
    made = {}

    def exam(day: str, traveller: dict = TRAVELLER) -> str:
        return clean_exam(examination_date=day, traveller=traveller)

    e = exam("2026-03-01")
    made["march"] = store.record_decision(e, landed_on("2026-03-01"), "insp-a")
    e = exam("2026-06-10")
    first = store.record_decision(e, landed_on("2026-06-10"), "insp-a")
    made["june"] = store.record_decision(e, landed_on("2026-06-10", period="30d"), "insp-a", corrects=first,
                                         correction_reason="visitor asked for 30 days")
    e = exam("2026-08-20")
    wrong = store.record_decision(e, landed_on("2026-08-20"), "insp-a")
    store.record_decision(e, {"type": "referral", "referral_reasons": ["purpose unclear"]}, "insp-a",
                          corrects=wrong, correction_reason="should have been referred")
    e = exam("2026-09-30")
    store.record_decision(e, {"type": "referral", "referral_reasons": ["document doubtful"]}, "insp-a")
    store.record_decision(exam("2026-10-05", {**TRAVELLER, "nationality": "IRL"}), landed_on("2026-10-05"), "insp-a")
    store.record_decision(exam("2026-10-06", {**TRAVELLER, "document_number": "TK7654321"}), landed_on("2026-10-06"),
                          "insp-a")
    return made


def test_the_travellers_landings_newest_first_corrections_in_place_of_what_they_correct(store, booth):
    found = store.find_landings("TK1234567", "GBR")
    assert [f["record_id"] for f in found] == [booth["june"], booth["march"]]
    june = found[0]
    assert june == {**june, "type": "landing_permission", "status_code": "temporary_visitor", "period": "30d",
                    "landing_date": "2026-06-10", "last_day": "2026-07-09", "port": "NRT", "booth": "NRT-T1-B07",
                    "inspector": "insp-a", "source": "booth", "ends_at": None, "details": None}
    assert store.find_landings("TK1234567", "GBR", limit=1) == found[:1]
    assert [f["landing_date"] for f in store.find_landings("TK1234567", "IRL")] == ["2026-10-05"]
    assert store.find_landings("TK1234567", "JPN") == [] and store.find_landings("XX0000000", "GBR") == []


@pytest.mark.parametrize(("decision", "expected"), [
    (CREW, {"type": "crew_landing", "status_code": None, "period": "15d",
            "details": {"vessel_or_aircraft": "JL 44", "crew_document": "S-1"}}),
    ({"type": "referral", "referral_reasons": ["hit"]}, None),
])
def test_special_landings_count_and_carry_their_details_referrals_do_not(store, clean_exam, decision, expected):
    e = clean_exam()
    store.record_decision(e, {**decision, "landing_date": LANDING["landing_date"]}, "insp-a")
    found = store.find_landings("TK1234567", "GBR")
    assert found == [] if expected is None else [{**found[0], **expected}]


def test_the_look_up_reads_the_travellers_rows_through_the_index(store):
    from inspector_app.store import landings

    plan = store.conn.execute(f"EXPLAIN QUERY PLAN SELECT id FROM examinations WHERE {landings.DOCUMENT} = ? AND "
                              f"{landings.NATIONALITY} = ?", ("TK1234567", "GBR")).fetchall()
    assert any("examinations_traveller" in str(row[-1]) for row in plan), plan
