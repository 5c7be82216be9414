"""Typed-entry feedback: per-line lengths, bad characters and check-digit status."""
from __future__ import annotations

from inspector_app.domain.mrz import live_feedback

TD1 = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"


def _checks(text):
    return {c.check: c for line in live_feedback(text) for c in line.checks}


def test_empty_input():
    assert live_feedback("") == [] and live_feedback(" \n ") == []


def test_document_number_check_reported_as_soon_as_typed():
    assert _checks("I<UTOD23145890")["document_number"].status == "pending"
    ok = _checks("I<UTOD231458907")["document_number"]
    assert ok.status == "ok" and (ok.line, ok.column) == (1, 15)
    bad = _checks("I<UTOD231458908")["document_number"]
    assert bad.status == "wrong" and bad.expected == "7" and bad.typed == "8"


def test_composite_waits_for_every_line_it_covers():
    partial = TD1.split("\n")
    assert _checks(partial[0] + "\n" + partial[1][:29])["composite"].status == "pending"
    assert _checks(partial[0] + "\n" + partial[1])["composite"].status == "ok"
    assert _checks(TD1)["composite"].status == "ok"


def test_line_lengths_and_invalid_characters():
    fb = live_feedback("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<" + "<<" + "\nL8989-2C3")
    assert fb[0].format == "TD3" and fb[0].length == 46
    assert fb[0].to_dict()["too_long"] is True
    assert fb[1].invalid_columns == [6]
    assert not fb[1].complete


def test_td2_first_line_is_not_mistaken_for_td1():
    fb = live_feedback("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<")
    assert fb[0].format == "TD2" and fb[0].checks == []


def test_long_td1_number_checked_after_its_continuation():
    from inspector_app.domain.mrz_build import build_td1

    text = build_td1(issuing_state="FRA", surname="MARTIN", given_names="LEA", document_number="AB1234567890",
                     nationality="FRA", birth_date="900506", sex="F", expiry_date="310506", optional_data="XY")
    line1 = text.split("\n")[0]
    assert _checks(line1[:17])["document_number"].status == "pending"
    done = _checks(line1)["document_number"]
    assert done.status == "ok" and done.column == 19
