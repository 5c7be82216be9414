"""The status-of-residence catalogue against the brochure's appendix table (the seed)."""
from __future__ import annotations

import re

import pytest

from inspector_app.domain import statuses
from inspector_app.domain.periods import Period
from inspector_app.domain.statuses import CATALOGUE, check_period, find, grantable_statuses

SEED = "seeds/000_9524e24ce763c4e3.txt"


@pytest.fixture(scope="module")
def appendix(shared_data):
    path = shared_data.parent / SEED
    if not path.is_file():
        pytest.skip(f"{path} not found")
    text = path.read_text(encoding="utf-8")
    start = text.index("Appendix: List of Status of Residence")
    return text[start:text.index("We hope this information", start)]


def _table_status_names(appendix: str) -> set[str]:
    names = set()
    for line in appendix.splitlines():
        first = line.split("\t")[0].strip()
        if first and "\t" in line and first != "Status of Residence":
            names.add(re.sub(r"/\s+", "/", first))
    return names


def test_every_status_of_the_table_is_in_the_catalogue(appendix):
    names = _table_status_names(appendix)
    assert len(names) == 29, names
    for name in names:
        matches = [s for s in CATALOGUE if s.name_en == name or s.parent == name]
        assert matches, name


def test_every_period_text_is_quoted_from_the_table(appendix):
    for s in CATALOGUE:
        assert s.period_text in appendix, s.name_en


def test_sub_categories():
    subs = {s.name_en for s in CATALOGUE if s.parent}
    assert {"Highly-Skilled Professional (i)(a)", "Highly-Skilled Professional (i)(b)",
            "Highly-Skilled Professional (i)(c)", "Highly-Skilled Professional (ii)",
            "Specified Skilled Worker (i)", "Specified Skilled Worker (ii)"} <= subs
    assert {f"Technical Intern Training ({lv})({ab})" for lv in ("i", "ii", "iii") for ab in "ab"} <= subs
    assert len(CATALOGUE) == 38


def test_japanese_names_are_the_official_ones():
    assert find("Temporary Visitor").name_ja == "短期滞在"
    assert find("Highly-Skilled Professional (ii)").name_ja == "高度専門職2号"
    assert find("Technical Intern Training (i)(b)").name_ja == "技能実習1号ロ"
    assert find("Long-Term Resident").name_ja == "定住者"
    assert all(s.name_ja for s in CATALOGUE)
    assert len({s.name_ja for s in CATALOGUE}) == len(CATALOGUE)


def test_not_grantable_at_landing():
    assert {s.code for s in CATALOGUE if not s.grantable_at_landing} == {
        "permanent_resident", "highly_skilled_professional_ii"}
    assert len(grantable_statuses()) == 36


@pytest.mark.parametrize("status,period,allowed", [
    ("Temporary Visitor", "90d", True), ("Temporary Visitor", "30d", True), ("Temporary Visitor", "15d", True),
    ("Temporary Visitor", "14d", True), ("Temporary Visitor", "1d", True), ("Temporary Visitor", "60d", False),
    ("Temporary Visitor", "3m", False), ("Temporary Visitor", "16d", False),
    ("Business Manager", "4m", True), ("Business Manager", "5y", True), ("Business Manager", "2y", False),
    ("Official", "30d", True), ("Official", "6m", False),
    ("Entertainer", "30d", True), ("Entertainer", "5y", False),
    ("Diplomat", "activities", True), ("Diplomat", "1y", False),
    ("Student", "4y3m", True), ("Student", "2y7m", True), ("Student", "4y4m", False),
    ("Dependent", "5y", True), ("Dependent", "5y1m", False),
    ("Specified Skilled Worker (i)", "1y", True), ("Specified Skilled Worker (i)", "13m", False),
    ("Specified Skilled Worker (ii)", "6m", True), ("Specified Skilled Worker (ii)", "2y", False),
    ("Technical Intern Training (i)(a)", "1y", True), ("Technical Intern Training (i)(b)", "2y", False),
    ("Technical Intern Training (iii)(b)", "2y", True),
    ("Highly-Skilled Professional (i)(a)", "5y", True), ("Highly-Skilled Professional (i)(c)", "3y", False),
    ("Highly-Skilled Professional (ii)", "unlimited", False),
    ("Permanent Resident", "unlimited", False),
    ("Long-Term Resident", "2y", True), ("Long-Term Resident", "6y", False),
    ("Designated Activities", "5y", True), ("Designated Activities", "unlimited", False),
    ("Spouse or Child of Japanese National", "3m", False),
    ("Engineer/ Specialist in Humanities/ International Services", "3m", True),
])
def test_check_period(status, period, allowed):
    ok, reason = check_period(status, period)
    assert ok is allowed, reason
    assert reason


def test_refusals_explain_themselves():
    ok, reason = check_period("Permanent Resident", "unlimited")
    assert not ok and "cannot be granted at landing" in reason
    ok, reason = check_period("Temporary Visitor", "60d")
    assert not ok and "90 days, 30 days, 15 days or a period of less than 15 days" in reason


@pytest.mark.parametrize("name", ["temporary visitor", "TEMPORARY VISITOR", "temporary_visitor", "短期滞在",
                                  "Technical Intern Training (1)(a)", "Technical Intern Training (i) (a)"])
def test_find_is_spelling_tolerant(name):
    assert find(name).name_en in ("Temporary Visitor", "Technical Intern Training (i)(a)")


@pytest.mark.parametrize("name", ["Technical Intern Training", "Highly-Skilled Professional", "Tourist", ""])
def test_find_refuses_ambiguous_or_unknown(name):
    with pytest.raises(KeyError):
        find(name)


def test_allowed_periods_are_all_allowed():
    for s in grantable_statuses():
        choices = s.allowed_periods()
        assert choices, s.name_en
        for p in choices:
            assert check_period(s, p)[0], (s.name_en, str(p))
    # "15 days or a period of less than 15 days": every day from 14 to 1 can be granted
    assert [str(p) for p in find("Temporary Visitor").allowed_periods()] == ["90d", "30d", "15d"] + [
        f"{n}d" for n in range(14, 0, -1)]
    assert str(find("Student").allowed_periods()[0]) == "4y3m"
    assert find("Permanent Resident").allowed_periods() == [Period(kind="unlimited")]


def test_catalogue_codes_unique():
    assert len({s.code for s in CATALOGUE}) == len(CATALOGUE)
    assert statuses.find("temporary_visitor").code == "temporary_visitor"
