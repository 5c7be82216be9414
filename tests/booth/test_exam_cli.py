"""`inspector-app exam`: the examination core without a window (exit 0 saved, 3 refused, 2 bad input)."""
from __future__ import annotations

import json

import pytest

from inspector_app.domain import rules
from inspector_app.store import open_store
from inspector_app.store.keys import FileKeyProvider

from .conftest import INSPECTOR, INSPECTOR_PASSWORD, TODAY, flip_check_digit, watson

KEYS = {"saved", "record_id", "refused", "flags", "checks"}


@pytest.fixture
def signed_in(monkeypatch):
    monkeypatch.setenv("INSPECTOR_PASSWORD", INSPECTOR_PASSWORD)


def exam_args(home, mrz: str, *extra, face: bool = True, fingers: bool = True) -> list:
    args = ["exam", "--home", home, "--json", "--user", INSPECTOR, "--date", TODAY.isoformat()]
    for line in mrz.split("\n"):
        args += ["--mrz", line]
    if face:
        args += ["--face", home / "demo" / "camera" / "clean" / "clean.jpg"]
    if fingers:
        args += ["--finger", f"Left IndexFinger={home / 'demo' / 'fingers' / '105' / '105_2.tif'}",
                 "--finger", f"Right IndexFinger={home / 'demo' / 'fingers' / '105' / '105_3.tif'}"]
    args += ["--decision", "landing_permission", "--status", "temporary_visitor", "--period", "90d"]
    return args + list(extra)


def stored(home) -> dict:
    store = open_store(home, key_provider=FileKeyProvider(home / "booth.key"), create=False)
    try:
        return {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("examinations", "decisions")} | {"decision_ids": [
                    r[0] for r in store.conn.execute("SELECT id FROM decisions")]}
    finally:
        store.close()


def test_a_clean_traveller_is_saved(cli, home, signed_in):
    out = cli(*exam_args(home, watson()))
    assert out.returncode == 0, out.stderr
    body = json.loads(out.stdout)
    assert KEYS <= set(body)
    assert body["saved"] is True and body["refused"] == [] and body["flags"] == []
    assert isinstance(body["record_id"], str)
    kinds = [c["kind"] for c in body["checks"]]
    assert kinds == ["document", "sltd", "biographic", "face_capture", "face", "encounter", "finger_capture",
                     "finger_capture", "fingerprint"]   # encounter: searched after the face, nothing found
    assert all(c["outcome"] == "clear" for c in body["checks"])
    assert body["seal"]["last_day"] == "2027-02-27"
    assert stored(home)["decision_ids"] == [body["record_id"]]


@pytest.mark.parametrize("mrz,capture,refused", [
    (watson(expiry_date=TODAY.replace(day=1)), True, {"document.expired"}),
    (flip_check_digit(watson()), True, {"document.check_digit"}),
    (watson(), False, {"biometrics.face_missing", "biometrics.fingers_missing"}),
], ids=["expired", "check-digit", "no-biometrics"])
def test_a_refused_examination_exits_3_and_saves_no_decision(cli, home, signed_in, mrz, capture, refused):
    out = cli(*exam_args(home, mrz, face=capture, fingers=capture))
    assert out.returncode == 3, out.stderr
    body = json.loads(out.stdout)
    assert KEYS <= set(body)
    assert body["saved"] is False and body["record_id"] is None
    assert {f["rule"] for f in body["refused"]} == refused
    assert all(f["message"] for f in body["refused"])
    assert stored(home)["decisions"] == 0


def test_an_override_with_a_reason_saves_and_is_flagged(cli, home, signed_in):
    out = cli(*exam_args(home, flip_check_digit(watson()),
                         "--override", "document.check_digit=number compared by eye with the data page"))
    assert out.returncode == 0, out.stderr
    body = json.loads(out.stdout)
    assert body["saved"] and [f["rule"] for f in body["flags"]] == ["flag.override"]
    out = cli(*exam_args(home, watson(expiry_date=TODAY.replace(day=1)), "--override", "document.expired=renewing"))
    assert out.returncode == 3
    assert {f["rule"] for f in json.loads(out.stdout)["refused"]} == {"override.not_allowed", "document.expired"}


def test_the_child_is_exempt_without_captures(cli, home, signed_in):
    from .conftest import mrz_of

    out = cli(*exam_args(home, mrz_of("child"), face=False, fingers=False))
    assert out.returncode == 0, out.stderr
    checks = json.loads(out.stdout)["checks"]
    assert [c["kind"] for c in checks if c["kind"] == "biometric_exemption"] == ["biometric_exemption"]


@pytest.mark.parametrize("change,message", [
    (lambda a: a[: a.index("--decision")], "--decision"),
    (lambda a: a + ["--date", "30/11/2026"], "--date"),
    (lambda a: a + ["--finger", "Left Pinky=x.tif"], "unknown finger position"),
    (lambda a: a + ["--finger", "no equals sign"], "KEY=VALUE"),
    (lambda a: a + ["--exemption", "royalty"], "unknown exemption"),
    (lambda a: a + ["--face", "/no/such/photo.jpg"], "no such image file"),
    (lambda a: a + ["--mrz", "NOT AN MRZ"], "machine readable zone"),
], ids=["no-decision", "bad-date", "bad-position", "bad-pair", "bad-exemption", "missing-photo", "not-an-mrz"])
def test_bad_input_exits_2_and_records_nothing(cli, home, signed_in, change, message):
    out = cli(*change(exam_args(home, watson())))
    assert out.returncode == 2
    assert message in out.stderr and out.stdout == ""
    assert stored(home)["examinations"] == 0


def test_wrong_or_missing_password_exits_2(cli, home, monkeypatch):
    monkeypatch.setenv("INSPECTOR_PASSWORD", "not-the-password")
    out = cli(*exam_args(home, watson()))
    assert out.returncode == 2 and "sign-in failed" in out.stderr
    monkeypatch.delenv("INSPECTOR_PASSWORD")
    out = cli(*exam_args(home, watson()))
    assert out.returncode == 2 and "--password-stdin" in out.stderr
    assert stored(home)["examinations"] == 0


def test_the_password_on_standard_input(cli, home, monkeypatch):
    monkeypatch.delenv("INSPECTOR_PASSWORD", raising=False)
    out = cli(*exam_args(home, watson(), "--password-stdin", face=False, fingers=False),
              input=INSPECTOR_PASSWORD + "\n")
    assert out.returncode == 3, out.stderr   # signed in; refused for the missing biometrics
    assert json.loads(out.stdout)["saved"] is False


def test_list_rules_names_every_code_and_whether_it_can_be_overridden(cli):
    out = cli("exam", "--list-rules", "--json")
    assert out.returncode == 0, out.stderr
    listed = {r["rule"]: r for r in json.loads(out.stdout)}
    assert set(listed) == set(rules.RULES) | set(rules.FLAGS)
    assert all(listed[c]["overridable"] is r.overridable and listed[c]["message"] == r.message
               for c, r in rules.RULES.items())
    assert listed["document.check_digit"]["overridable"] and not listed["hit.open"]["overridable"]


def test_the_console_script_exits_3_on_a_refusal(run_cli, home):
    """The real process: exit code and JSON on stdout (a refusal needs no face models)."""
    args = exam_args(home, watson(expiry_date=TODAY.replace(day=1)), face=False, fingers=False)
    out = run_cli(*args, env={"INSPECTOR_PASSWORD": INSPECTOR_PASSWORD, "INSPECTOR_KEY_PROVIDER": "file"})
    assert out.returncode == 3, out.stderr
    assert {f["rule"] for f in json.loads(out.stdout)["refused"]} == {
        "document.expired", "biometrics.face_missing", "biometrics.fingers_missing"}
