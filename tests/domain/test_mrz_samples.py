"""The 28 MRZ cases of shared/data/mrz/mrz_samples.json behave as the file says."""
from __future__ import annotations

import json
from datetime import date

import pytest

from inspector_app.domain.mrz import parse_mrz
from inspector_app.domain.mrz_layout import check_digit

EXAM_DAY = date(2026, 11, 22)

# expected-key spellings used by the different source libraries -> our to_dict() key
FIELD_KEYS = {
    "surname": "surname", "name": "given_names", "names": "given_names",
    "country": "issuing_state", "nationality": "nationality",
    "number": "document_number", "document_number": "document_number",
    "sex": "sex", "type": "document_code", "document_type": "document_code",
    "optional_data": "optional_data", "personal_number": "optional_data",
    "optional_data_2": "optional_data_2",
}
DATE_KEYS = {"birth_date": "birth_date", "date_of_birth": "birth_date",
             "expiry_date": "expiry_date", "expiration_date": "expiry_date"}
CHECK_KEYS = {"check_number": "document_number", "document_number_hash": "document_number",
              "check_date_of_birth": "birth_date", "birth_date_hash": "birth_date",
              "check_expiration_date": "expiry_date", "expiry_date_hash": "expiry_date"}


def _cases():
    import os
    from pathlib import Path

    root = Path(os.environ.get("INSPECTOR_TEST_DATA", Path(__file__).resolve().parents[2].parent / "shared" / "data"))
    path = root / "mrz" / "mrz_samples.json"
    if not path.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{path} not found (set INSPECTOR_TEST_DATA)"))]
    return [pytest.param(c, id=c["id"]) for c in json.loads(path.read_text())]


def test_there_are_28_cases(shared_data):
    assert len(json.loads((shared_data / "mrz" / "mrz_samples.json").read_text())) == 28


@pytest.mark.parametrize("case", _cases())
def test_sample_behaves_as_documented(case):
    r = parse_mrz(case["mrz"], today=EXAM_DAY)
    d = r.to_dict()
    assert d["format"] == case["type"]
    digits_ok = all(v for v in d["checks"].values() if v is not None)
    assert digits_ok == case["expect_check_digits_valid"], d["checks"]
    if case["expect_check_digits_valid"]:
        assert d["valid"], d["problems"]
    else:
        assert not d["valid"]
        assert any("check digit" in p for p in d["problems"])
    for key, value in case["expected"].items():
        if key in FIELD_KEYS:
            want = value.strip("<") if key not in ("surname", "name", "names") else value
            assert d[FIELD_KEYS[key]] == want, key
        elif key in DATE_KEYS:
            got = getattr(r, DATE_KEYS[key])
            assert got is not None and got.strftime("%y%m%d") == value, key
        elif key in CHECK_KEYS:
            field = CHECK_KEYS[key]
            data = d["document_number"].ljust(9, "<") if field == "document_number" else value_of(r, field)
            assert check_digit(data) == value, key


def value_of(r, field):
    return getattr(r, field).strftime("%y%m%d")


def test_expired_specimen_is_still_valid_but_flagged():
    r = parse_mrz("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL8988901C4XXX4009078F96121096ZE184226B<<<<<<", today=EXAM_DAY)
    assert r.valid and r.expired is True
    assert r.nationality == "XXX" and r.nationality_kind == "unspecified"


def test_unknown_nationality_code_is_reported_not_guessed():
    r = parse_mrz("VBD<<DEDIC<<SIDNAN<<<<<<<<<<<<<<<<<<\nD091740530BOS8201135M9708011<2020711", today=EXAM_DAY)
    assert r.nationality_kind == "unknown"
    assert any("BOS" in w for w in r.warnings)
    assert r.issuing_state == "D" and r.issuing_state_kind == "country"


def test_letter_o_for_zero_is_offered_not_accepted():
    text = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO74O8122F1204159ZE184226B<<<<<10"
    r = parse_mrz(text, today=EXAM_DAY)
    assert not r.valid and r.birth_date is None
    assert r.checks["birth_date"] is False and r.checks["composite"] is False
    best = r.corrections[0]
    assert (best["field"], best["from"], best["to"], best["line"], best["column"]) == ("birth_date", "O", "0", 2, 16)
    assert best["all_checks_pass"]
    assert parse_mrz(best["mrz"], today=EXAM_DAY).valid


def test_wrong_check_digit_offers_no_letter_in_a_date():
    r = parse_mrz("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408123F1204159ZE184226B<<<<<10", today=EXAM_DAY)
    assert not r.valid
    for c in r.corrections:
        if c["field"] in ("birth_date", "expiry_date") or c["field"].endswith("check_digit"):
            assert c["to"].isdigit()
