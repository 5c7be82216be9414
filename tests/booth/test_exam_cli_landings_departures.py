"""The audit's table (issue 13) through `inspector-app exam`: the same rules as the window, one
row per finding, exit 0 saved / 3 refused with the rule code."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from .conftest import INSPECTOR, INSPECTOR_PASSWORD, TODAY, watson

JAPANESE = watson(issuing_state="JPN", nationality="JPN", surname="SUZUKI", given_names="HANAKO",
                  document_number="TR1234567")


@pytest.fixture
def signed_in(monkeypatch):
    monkeypatch.setenv("INSPECTOR_PASSWORD", INSPECTOR_PASSWORD)


def exam(cli, home, *decision, mrz=None, on=TODAY, direction="arrival", biometrics=True):
    args = ["exam", "--home", home, "--json", "--user", INSPECTOR, "--date", on.isoformat(), "--direction", direction]
    for line in (mrz or watson()).split("\n"):
        args += ["--mrz", line]
    if biometrics:
        args += ["--face", home / "demo" / "camera" / "clean" / "clean.jpg",
                 "--finger", f"Left IndexFinger={home / 'demo' / 'fingers' / '105' / '105_2.tif'}",
                 "--finger", f"Right IndexFinger={home / 'demo' / 'fingers' / '105' / '105_3.tif'}"]
    out = cli(*args, *decision)
    assert out.returncode in (0, 3), out.stderr
    body = json.loads(out.stdout)
    assert (out.returncode == 0) is body["saved"]
    return body


def rules_of(findings) -> list[str]:
    return sorted(f["rule"] for f in findings)


def details(**kw) -> list[str]:
    return [a for k, v in kw.items() for a in ("--detail", f"{k}={v}")]


LANDING = ["--decision", "landing_permission", "--status", "temporary_visitor", "--period", "90d"]
BUSINESS = ["--decision", "landing_permission", "--status", "business_manager", "--period", "1y"]
RETURNING = ["--decision", "returning_resident", "--status", "permanent_resident"]
PERMIT = dict(reentry_permit_kind="reentry_permit", reentry_permit_number="R1234567", reentry_permit_use="multiple",
              stay_until="unlimited")


def test_departure_finds_the_landing_and_flags_a_ten_day_overstay(cli, home, signed_in):
    arrival = exam(cli, home, *LANDING, on=TODAY - dt.timedelta(days=99))
    assert arrival["saved"]
    body = exam(cli, home, "--decision", "departure_confirmation", direction="departure", biometrics=False)
    assert body["saved"] and body["direction"] == "departure"
    assert body["landing"]["state"] == "found" and body["landing"]["record"]["record_id"] == arrival["record_id"]
    assert body["stay"]["overstay_days"] == 10 and body["stay"]["days_stayed"] == 100
    assert rules_of(body["flags"]) == ["flag.overstay"]
    assert body["seal"]["title"].startswith("DEPARTURE CONFIRMATION")


@pytest.mark.parametrize("decision,kw,refused", [
    # departure: no record and no seal read -> saved but flagged; an arrivals decision at departure refused
    (["--decision", "departure_confirmation"], dict(direction="departure", biometrics=False), []),
    (LANDING, dict(direction="departure", biometrics=False), ["decision.wrong_direction"]),
    # Japanese nationals: departure and return confirmation only, on a Japanese document
    (["--decision", "japanese_national_departure"], dict(direction="departure", biometrics=False, mrz=JAPANESE), []),
    (["--decision", "japanese_national_departure"], dict(direction="departure", biometrics=False),
     ["decision.not_japanese"]),
    # residence card
    (BUSINESS, {}, ["residence_card.missing"]),
    (BUSINESS + details(residence_card="issued_at_port", residence_card_number="AB1234567CD"), {},
     ["residence_card.number_invalid"]),
    (BUSINESS + details(residence_card="issued_at_port", residence_card_number="AB12345678CD",
                        coe_number="E-2026-1", coe_status="business_manager"), {}, []),
    # re-entry permits
    (RETURNING + details(**PERMIT, reentry_permit_valid_until=(TODAY - dt.timedelta(days=1)).isoformat()), {},
     ["reentry.permit_expired"]),
    (RETURNING + details(**PERMIT, reentry_permit_valid_until="2027-06-30"), {}, []),
    (RETURNING + details(reentry_permit_kind="special_reentry_permit", residence_card_number="AB12345678CD",
                         departed_on="2025-11-01", stay_until="unlimited"), {}, ["reentry.special_window_expired"]),
    # statuses: HSP (i) items, Designated Activities' designation, Temporary Visitor's 1-14 days
    (["--decision", "landing_permission", "--status", "highly_skilled_professional_i", "--period", "5y"], {},
     ["decision.status_unknown"]),
    (["--decision", "landing_permission", "--status", "Highly-Skilled Professional (i)(c)", "--period", "5y"]
     + details(residence_card="to_be_mailed", coe_number="E-2026-2"), {}, []),
    (["--decision", "landing_permission", "--status", "designated_activities", "--period", "1y"]
     + details(residence_card="to_be_mailed", coe_number="E-2026-3"), {}, ["decision.designation_missing"]),
    (["--decision", "landing_permission", "--status", "temporary_visitor", "--period", "10d"], {}, []),
    # special landings: hours, designated cruise ships, special landing permission
    (["--decision", "port_of_call_landing", "--period", "3d"] + details(vessel_or_aircraft="MV Asuka", rejoins_at="Kobe"),
     {}, ["decision.period_not_allowed"]),
    (["--decision", "port_of_call_landing", "--period", "72h"] + details(vessel_or_aircraft="MV Asuka", rejoins_at="Kobe"),
     {}, []),
    (["--decision", "cruise_ship_landing", "--period", "30d"] + details(vessel="Queen of Nowhere"), {},
     ["cruise_ship.not_designated"]),
    (["--decision", "cruise_ship_landing", "--period", "30d"] + details(vessel="Pacific Harmony"), {}, []),
    (["--decision", "special_landing_permission", "--status", "permanent_resident", "--period", "unlimited"]
     + details(decision_reference="ISA-1", granted_by="commissioner", granted_by_name="Sato"), {},
     ["decision.status_not_grantable", "special_landing.no_referral"]),
], ids=["departure-unverified", "departure-wrong-direction", "japanese-departure", "japanese-departure-foreigner",
        "card-missing", "card-number-invalid", "card-and-coe", "permit-expired", "permit-valid",
        "special-permit-a-year-on", "hsp-i-unsplit", "hsp-i-c", "designation-missing", "tv-10d", "port-of-call-3d",
        "port-of-call-72h", "cruise-undesignated", "cruise-designated", "special-permission-pr"])
def test_the_audit_table_through_the_command_line(cli, home, signed_in, decision, kw, refused):
    body = exam(cli, home, *decision, **kw)
    assert rules_of(body["refused"]) == refused, body["refused"]
    if not refused:
        assert body["saved"]


def test_the_command_line_reports_the_hours_and_the_card(cli, home, signed_in):
    body = exam(cli, home, "--decision", "port_of_call_landing", "--period", "72h",
                *details(vessel_or_aircraft="MV Asuka", rejoins_at="Kobe"))
    landed = dt.datetime.fromisoformat(body["decision"]["landed_at"])
    assert dt.datetime.fromisoformat(body["seal"]["ends_at"]) - landed < dt.timedelta(hours=72, minutes=1)
    assert body["seal"]["ends_at"].endswith("+09:00")   # the port's clock
    body = exam(cli, home, *BUSINESS, *details(residence_card="issued_at_port", residence_card_number="cd-87654321-ab",
                                               coe_number="E-2026-4"))
    assert body["decision"]["details"]["residence_card_number"] == "CD87654321AB"
