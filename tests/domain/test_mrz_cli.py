"""`inspector-app mrz parse` and `mrz feedback` as the issue specifies (keys, exit codes)."""
from __future__ import annotations

import json

LINE1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
LINE2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
KEYS = {"format", "document_code", "issuing_state", "surname", "given_names", "document_number",
        "nationality", "nationality_kind", "birth_date", "expiry_date", "sex", "optional_data",
        "checks", "valid", "expired", "corrections"}


def test_parse_lines_as_arguments(run_cli):
    out = run_cli("mrz", "parse", "--today", "2011-01-01", "--json", LINE1, LINE2)
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    assert KEYS <= set(d)
    assert d["format"] == "TD3" and d["valid"] is True and d["expired"] is False
    assert d["birth_date"] == "1974-08-12" and d["expiry_date"] == "2012-04-15"
    assert d["given_names"] == "ANNA MARIA" and d["sex"] == "F"
    assert set(d["checks"]) == {"document_number", "birth_date", "expiry_date", "optional_data", "composite"}


def test_parse_from_stdin_as_a_reader_sends_it(run_cli):
    text = f"  {LINE1.lower()}\r\n{LINE2}  \r\n"
    out = run_cli("mrz", "parse", "--json", "--today", "2026-11-22", input=text)
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    assert d["valid"] is True and d["expired"] is True


def test_invalid_mrz_exits_zero_with_corrections(run_cli):
    out = run_cli("mrz", "parse", "--json", LINE1, LINE2.replace("7408122", "74O8122"))
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    assert d["valid"] is False and d["checks"]["birth_date"] is False and d["corrections"]
    assert d["checks"]["optional_data"] is True


def test_td1_has_null_optional_check(run_cli):
    out = run_cli("mrz", "parse", "--json", "I<UTOD231458907<<<<<<<<<<<<<<<",
                  "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<")
    d = json.loads(out.stdout)
    assert d["format"] == "TD1" and d["checks"]["optional_data"] is None and d["valid"]


def test_not_an_mrz_exits_two_with_a_message(run_cli):
    out = run_cli("mrz", "parse", "--json", "hello", "world")
    assert out.returncode == 2
    assert "not an MRZ" in out.stderr and out.stdout == ""


def test_bad_today_is_a_clear_error(run_cli):
    out = run_cli("mrz", "parse", "--today", "22/11/2026", LINE1, LINE2)
    assert out.returncode == 2 and "YYYY-MM-DD" in out.stderr


def test_feedback_command(run_cli):
    out = run_cli("mrz", "feedback", "--json", LINE1, LINE2[:12].replace("6", "5"))
    assert out.returncode == 0, out.stderr
    lines = json.loads(out.stdout)
    assert lines[1]["checks"][0] == {"check": "document_number", "line": 2, "column": 10,
                                     "status": "wrong", "typed": "5", "expected": "6"}


def test_build_then_parse(run_cli):
    out = run_cli("mrz", "build", "--json", "--format", "TD1", "--issuing-state", "TWN", "--surname", "Lin",
                  "--given-names", "Yu Ting", "--number", "AB12345678901", "--birth-date", "1999-02-03",
                  "--sex", "F", "--expiry-date", "2031-02-03")
    assert out.returncode == 0, out.stderr
    built = json.loads(out.stdout)
    parsed = json.loads(run_cli("mrz", "parse", "--json", *built["lines"]).stdout)
    assert parsed["valid"] and parsed["document_number"] == "AB12345678901"
    assert parsed["nationality_kind"] == "region" and parsed["given_names"] == "YU TING"


def test_build_refuses_unwritable_fields(run_cli):
    out = run_cli("mrz", "build", "--issuing-state", "JPN", "--surname", "Müller", "--number", "X1",
                  "--birth-date", "1999-02-03", "--expiry-date", "2031-02-03")
    assert out.returncode == 2 and "cannot hold" in out.stderr
