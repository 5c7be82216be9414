"""MRZ parser rules: input shapes, dates, names, long numbers, OCR corrections, codes."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector_app.domain import nationality
from inspector_app.domain.mrz import NotAnMrz, birth_date_from, expiry_date_from, parse_mrz
from inspector_app.domain.mrz_build import MrzBuildError, build_mrva, build_td1, build_td2, build_td3
from inspector_app.domain.mrz_layout import check_digit

TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
DAY = date(2026, 11, 22)


def test_check_digit_of_doc9303_examples():
    assert check_digit("L898902C3") == "6"
    assert check_digit("740812") == "2"
    assert check_digit("ZE184226B<<<<<") == "1"
    assert check_digit("AB2134<<<") == "5"  # Doc 9303 Part 3 worked example
    assert check_digit("a") is None


@pytest.mark.parametrize("text", [
    TD3,
    "  " + TD3.lower().replace("\n", "\r\n") + " \r\n",
    TD3.replace("\n", ""),
    TD3.replace("\n", "   "),
    "\t" + TD3 + "\n\n",
])
def test_keyboard_wedge_input_shapes(text):
    r = parse_mrz(text, today=DAY)
    assert r.valid and r.document_number == "L898902C3" and r.surname == "ERIKSSON"


@pytest.mark.parametrize("text,why", [
    ("", "empty"),
    ("   \r\n ", "empty"),
    ("hello world", "lines"),
    (TD3[:-1], "lines"),
    (TD3 + "\nP<UTO", "lines"),
    ("é" * 88, "alphabet"),
])
def test_not_an_mrz_says_why(text, why):
    with pytest.raises(NotAnMrz, match=why):
        parse_mrz(text, today=DAY)


def test_birth_date_is_latest_not_after_examination_date():
    assert birth_date_from("261122", DAY) == date(2026, 11, 22)
    assert birth_date_from("261123", DAY) == date(1926, 11, 23)
    assert birth_date_from("000229", DAY) == date(2000, 2, 29)
    assert birth_date_from("991231", DAY) == date(1999, 12, 31)
    assert birth_date_from("7408<<", DAY) is None
    assert birth_date_from("741301", DAY) is None


def test_expiry_date_within_fifty_years():
    assert expiry_date_from("750101", DAY) == date(2075, 1, 1)
    assert expiry_date_from("770101", DAY) == date(1977, 1, 1)
    assert expiry_date_from("120415", DAY) == date(2012, 4, 15)
    assert expiry_date_from("120415", date(1980, 1, 1)) == date(2012, 4, 15)
    assert expiry_date_from("990101", date(2030, 6, 1)) == date(1999, 1, 1)
    assert expiry_date_from("000231", DAY) is None


def test_unknown_birth_day_is_not_a_structural_error():
    mrz = build_td3(issuing_state="JPN", surname="YAMADA", given_names="TARO", document_number="TK1234567",
                    nationality="JPN", birth_date="7408<<", sex="M", expiry_date="300101")
    r = parse_mrz(mrz, today=DAY)
    assert r.valid and r.birth_date is None


def test_sex_filler_means_unspecified():
    mrz = build_td3(issuing_state="NZL", surname="SMITH", given_names="", document_number="LA123456",
                    nationality="NZL", birth_date=date(1990, 1, 2), sex="X", expiry_date=date(2030, 1, 2))
    r = parse_mrz(mrz, today=DAY)
    assert r.sex == "X" and r.given_names == "" and r.valid
    assert mrz.splitlines()[1][20] == "<"


def test_names_split_on_double_filler():
    r = parse_mrz("P<POLKOWALSKA<KWIATKOWSKA<<JOANNA<<<<<<<<<<<\nAA00000000POL6002084F1412314<<<<<<<<<<<<<<<4", today=DAY)
    assert (r.surname, r.given_names) == ("KOWALSKA KWIATKOWSKA", "JOANNA")


@pytest.mark.parametrize("number", ["AB1234567890", "1234567890123456789012", "D2314589012"])
def test_td1_long_document_number_round_trips(number):
    mrz = build_td1(issuing_state="FRA", surname="MARTIN", given_names="LEA", document_number=number,
                    nationality="FRA", birth_date=date(1990, 5, 6), sex="F", expiry_date=date(2031, 5, 6))
    line1 = mrz.splitlines()[0]
    assert line1[14] == "<" and line1[5:14] == number[:9]
    r = parse_mrz(mrz, today=DAY)
    assert r.valid and r.document_number == number and r.checks["document_number"] is True


def test_long_number_check_digit_is_checked():
    mrz = build_td1(issuing_state="FRA", surname="MARTIN", given_names="LEA", document_number="AB1234567890",
                    nationality="FRA", birth_date=date(1990, 5, 6), sex="F", expiry_date=date(2031, 5, 6),
                    optional_data="XYZ")
    lines = mrz.splitlines()
    digit = lines[0][17]
    lines[0] = lines[0][:17] + str((int(digit) + 1) % 10) + lines[0][18:]
    r = parse_mrz("\n".join(lines), today=DAY)
    assert r.checks["document_number"] is False and not r.valid


def test_ocr_confusions_in_document_number_are_offered():
    good = build_td3(issuing_state="GBR", surname="JONES", given_names="AMY", document_number="B05S81",
                     nationality="GBR", birth_date=date(1980, 3, 4), sex="F", expiry_date=date(2030, 3, 4))
    bad = good.replace("B05S81", "805581", 1)  # B->8 and S->5: two confusions
    r = parse_mrz(bad, today=DAY)
    assert not r.valid
    one = good.replace("B05S81", "B05581", 1)  # only S->5
    r1 = parse_mrz(one, today=DAY)
    assert not r1.valid
    assert any(c["to"] == "S" and c["all_checks_pass"] and c["mrz"] == good for c in r1.corrections)


def test_nationality_regions_and_icao_codes():
    assert nationality.kind_of("TWN") == "region"
    assert nationality.display_name("TWN") == "Taiwan (region)"
    assert nationality.kind_of("PSE") == "region"
    assert nationality.display_name("PSE") == "The West Bank and the Gaza Strip (region)"
    assert nationality.kind_of("D<<") == "country" and nationality.display_name("D") == "Germany"
    assert nationality.kind_of("XXA") == "stateless"
    assert nationality.kind_of("XXB") == "refugee" and nationality.kind_of("XXC") == "refugee"
    assert nationality.kind_of("XXX") == "unspecified"
    for code in ("UNO", "UNA", "UNK", "EUE"):
        assert nationality.kind_of(code) == "organization"
    for code in ("GBD", "GBN", "GBO", "GBP", "GBS", "JPN", "USA"):
        assert nationality.kind_of(code) == "country"
    assert nationality.display_name("JPN") == "Japan"
    assert nationality.kind_of("BOS") == "unknown" and "BOS" in nationality.display_name("BOS")


def test_region_nationality_in_parsed_mrz():
    mrz = build_td3(issuing_state="TWN", surname="CHEN", given_names="MEI LING", document_number="312345678",
                    nationality="TWN", birth_date=date(1995, 7, 8), sex="F", expiry_date=date(2032, 7, 8))
    d = parse_mrz(mrz, today=DAY).to_dict()
    assert d["nationality_kind"] == "region" and d["nationality_name"] == "Taiwan (region)"


def test_builder_refuses_what_cannot_be_written():
    with pytest.raises(MrzBuildError):
        build_td3(issuing_state="JPN", surname="Y", given_names="", document_number="ABCDEFGHIJ",
                  nationality="JPN", birth_date="700101", sex="M", expiry_date="300101")
    with pytest.raises(MrzBuildError):
        build_mrva(document_code="P", issuing_state="JPN", surname="Y", given_names="", document_number="A1",
                   nationality="JPN", birth_date="700101", sex="M", expiry_date="300101")
    with pytest.raises(MrzBuildError):
        build_td2(issuing_state="JPN", surname="Ö", given_names="", document_number="A1",
                  nationality="JPN", birth_date="700101", sex="M", expiry_date="300101")


def test_specimen_state_is_flagged():
    r = parse_mrz(TD3, today=DAY)
    assert r.valid and any("specimen" in w for w in r.warnings)


@given(st.text(max_size=8))
def test_nationality_lookups_never_crash(code):
    assert nationality.kind_of(code) in nationality.KINDS
    assert nationality.display_name(code)
