"""`inspector-app rules check-period | last-day | statuses` as the issue specifies."""
from __future__ import annotations

import json


def test_check_period_allowed(run_cli):
    out = run_cli("rules", "check-period", "--status", "Temporary Visitor", "--period", "90d", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"allowed": True,
                                      "reason": "90 days is an authorised period of stay for Temporary Visitor"}


def test_check_period_refused(run_cli):
    out = run_cli("rules", "check-period", "--status", "Permanent Resident", "--period", "unlimited", "--json")
    d = json.loads(out.stdout)
    assert out.returncode == 0 and d["allowed"] is False and "landing" in d["reason"]


def test_check_period_bad_input_exits_two(run_cli):
    out = run_cli("rules", "check-period", "--status", "Tourist", "--period", "90d", "--json")
    assert out.returncode == 2 and "unknown status" in out.stderr
    out = run_cli("rules", "check-period", "--status", "Student", "--period", "ninety", "--json")
    assert out.returncode == 2 and "not a period" in out.stderr


def test_last_day(run_cli):
    out = run_cli("rules", "last-day", "--landing-date", "2024-01-31", "--period", "1m", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"last_day": "2024-02-29"}
    out = run_cli("rules", "last-day", "--landing-date", "2024-01-15", "--period", "90d", "--json")
    assert json.loads(out.stdout) == {"last_day": "2024-04-13"}
    out = run_cli("rules", "last-day", "--landing-date", "2024-01-15", "--period", "unlimited", "--json")
    assert json.loads(out.stdout) == {"last_day": None}
    out = run_cli("rules", "last-day", "--landing-date", "2024-01-01", "--period", "999999y", "--json")
    assert out.returncode == 2 and "beyond the calendar" in out.stderr
    out = run_cli("rules", "last-day", "--landing-date", "2024-02-30", "--period", "1m", "--json")
    assert out.returncode == 2 and "YYYY-MM-DD" in out.stderr


def test_statuses(run_cli):
    out = run_cli("rules", "statuses", "--json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert len(rows) == 38
    tv = next(r for r in rows if r["name_en"] == "Temporary Visitor")
    assert tv["name_ja"] == "短期滞在" and tv["periods"] == ["90d", "30d", "15d"] and tv["less_than"] == "15d"
    pr = next(r for r in rows if r["name_en"] == "Permanent Resident")
    assert pr["grantable_at_landing"] is False and pr["unlimited"] is True
