"""The cruise ships designated by the Commissioner of the ISA: carried in the signed bundles, full
and delta, refused whole when a row is bad, and looked up by IMO number or exact name."""
from __future__ import annotations

import datetime as dt
import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector_app.screening import bundles, liststate, ships

from .conftest import SLTD, write_csv
from .test_bundles import snapshot

SHIPS = [
    {"imo": "9074729", "name": "Sakura Serenade", "operator": "Demo Ocean Cruises",
     "designated_from": "2024-04-01", "designated_until": ""},
    {"imo": "IMO 9901025", "name": "Pacific Harmony", "operator": "Demo Ocean Cruises",
     "designated_from": "2025-01-15", "designated_until": "2026-12-31"},
]
DAY = dt.date(2026, 11, 30)


@pytest.fixture
def v1(booth, make_bundle):
    bundles.apply(booth, make_bundle(1, sltd=SLTD, ships=SHIPS))
    return booth


@pytest.mark.parametrize("text, digits, valid", [
    ("9074729", "9074729", True),          # 9*7+0*6+7*5+4*4+7*3+2*2 = 139 -> 9
    ("IMO 9074729", "9074729", True),
    ("imo9074729", "9074729", True),
    ("IMO: 9074729 ", "9074729", True),
    ("ＩＭＯ　９０７４７２９", "9074729", True),   # typed with a Japanese input method
    ("٩٠٧٤٧٢٩", None, None),                     # other scripts' digits are not an IMO number
    ("9074728", "9074728", False),
    ("9901013", "9901013", True),
    ("9901014", "9901014", False),
    ("0000000", "0000000", True),
    ("907472", None, None),
    ("90747290", None, None),
    ("IMO 9074729x", None, None),
    ("9074 729", None, None),
    ("Sakura Serenade", None, None),
    ("", None, None),
])
def test_imo_number_and_check_digit(text, digits, valid):
    assert ships.imo_number(text) == digits
    if digits is not None:
        assert ships.imo_valid(digits) is valid


@given(st.text(alphabet="0123456789", min_size=6, max_size=6), st.sampled_from(["", "IMO ", "imo", "IMO-", " IMO: "]))
def test_a_number_with_its_check_digit_parses_and_any_other_last_digit_fails(six, prefix):
    good = six + str(ships.imo_check_digit(six))
    assert ships.imo_number(prefix + good) == good and ships.imo_valid(good)
    for other in "0123456789":
        if other != good[6]:
            assert not ships.imo_valid(six + other)


@given(st.text())
def test_imo_parser_returns_seven_digits_of_the_text_or_none(text):
    digits = ships.imo_number(text)
    assert digits is None or (len(digits) == 7 and digits.isascii() and digits.isdigit()
                              and digits in unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("typed, same", [
    ("Sakura Serenade", True),
    ("sakura serenade", True),
    ("SAKURA-SERENADE.", True),
    ("  Sakura   Serenade ", True),
    ("ＳＡＫＵＲＡ Serenade", True),   # full-width letters typed with a Japanese input method
    ("Sakura Serenad", False),
    ("Sakura Serenades", False),
    ("Sakura", False),
])
def test_name_match_ignores_case_spaces_and_punctuation_only(typed, same):
    assert (ships.normalise_name(typed) == ships.normalise_name("Sakura Serenade")) is same


@pytest.mark.parametrize("vessel, on, state, imo", [
    ("IMO 9074729", DAY, "designated", "9074729"),
    ("9074729", dt.date(2024, 4, 1), "designated", "9074729"),      # first day of the designation
    ("sakura serenade", dt.date(2024, 3, 31), "not_in_force", "9074729"),
    ("Pacific Harmony", dt.date(2026, 12, 31), "designated", "9901025"),   # last day
    ("PACIFIC HARMONY", dt.date(2027, 1, 1), "not_in_force", "9901025"),
    ("Pacific Harmon", DAY, "not_designated", None),                 # no near matches
    ("9901013", DAY, "not_designated", None),                        # valid number, not listed
])
def test_lookup_states(v1, vessel, on, state, imo):
    found = ships.lookup(v1, vessel, on)
    assert (found.state, found.list_version, found.problem) == (state, 1, None)
    assert (found.entry or {}).get("imo") == imo
    if imo:
        assert set(found.entry) == set(ships.COLUMNS)


def test_a_mistyped_imo_number_is_not_designated_and_says_why(v1):
    found = ships.lookup(v1, "IMO 9074728", DAY)
    assert (found.state, found.entry) == ("not_designated", None)
    assert "check digit" in found.problem


def test_no_ships_list_is_not_installed(booth, make_bundle):
    assert ships.lookup(booth, "9074729", DAY) == ships.ShipLookup("list_not_installed", None, None)
    bundles.apply(booth, make_bundle(1, sltd=SLTD))   # a bundle as made before the section existed
    assert ships.lookup(booth, "9074729", DAY) == ships.ShipLookup("list_not_installed", None, 1)


def test_deltas_and_fulls_without_the_section_keep_the_list_and_a_delta_with_it_changes_it(v1, make_bundle):
    bundles.apply(v1, make_bundle(2, base_version=1, sltd=[{**SLTD[0], "status": "removed"}]))
    found = ships.lookup(v1, "Sakura Serenade", DAY)
    assert (found.state, found.list_version) == ("designated", 2)
    bundles.apply(v1, make_bundle(3, sltd=SLTD))
    assert ships.lookup(v1, "9074729", DAY).state == "designated"
    assert liststate.current(v1).manifest["counts"]["ships"] == 2

    out = bundles.apply(v1, make_bundle(4, base_version=3, ships=[
        {"imo": "9074729", "name": "REMOVE", "operator": "", "designated_from": "", "designated_until": ""},
        {"imo": "9901025", "name": "Pacific Harmony", "operator": "Demo Ocean Cruises",
         "designated_from": "2025-01-15", "designated_until": "2026-06-30"},
        {"imo": "9901037", "name": "Aurora Kaiyo", "operator": "Hypothetical Lines",
         "designated_from": "2023-07-01", "designated_until": ""}]))
    assert out["counts"]["ships"] == 2
    assert [ships.lookup(v1, v, DAY).state for v in ("9074729", "Pacific Harmony", "Aurora Kaiyo")] == \
        ["not_designated", "not_in_force", "designated"]


def test_a_ships_delta_needs_a_ships_list(booth, make_bundle):
    bundles.apply(booth, make_bundle(1, sltd=SLTD))
    with pytest.raises(bundles.BundleError, match="apply a full bundle with a ships section first"):
        bundles.apply(booth, make_bundle(2, base_version=1, ships=SHIPS[:1]))


GOOD = {"imo": "9901037", "name": "Aurora Kaiyo", "operator": "X", "designated_from": "2023-07-01",
        "designated_until": None}


@pytest.mark.parametrize("bad, says", [
    ({**GOOD, "imo": "9901038"}, "ships row 2: IMO 9901038 fails its check digit (the last digit would be 7)"),
    ({**GOOD, "imo": "990103"}, "ships row 2: IMO number '990103' is not 7 digits"),
    ({**GOOD, "imo": 9901037}, "ships row 2: IMO number 9901037 is not 7 digits"),
    ({**GOOD, "name": " .. "}, "ships row 2 (IMO 9901037): the ship has no name"),
    ({**GOOD, "designated_from": "2023-7-1"}, "ships row 2 (IMO 9901037): designated_from '2023-7-1' is not a date"),
    ({**GOOD, "designated_until": "2023-06-30"}, "designated_until 2023-06-30 is before designated_from 2023-07-01"),
    ({**GOOD, "imo": "9074729"}, "ships row 2: IMO 9074729 is already in row 1"),
    ({**GOOD, "name": "SAKURA serenade!"}, "IMO 9074729 and IMO 9901037 have the same name"),
    ({"imo": "9901037", "remove": True}, "ships row 2 (IMO 9901037): only a delta can remove a ship"),
    ("not an object", "ships row 2: not a JSON object"),
])
def test_a_bad_row_refuses_the_whole_bundle_and_leaves_the_lists_as_they_were(v1, make_bundle, monkeypatch, bad, says):
    """Rows as a producer that does not check them would sign them: the booth checks again."""
    before = snapshot(v1)
    rows = [{**ships.clean_row(SHIPS[0], "test")}, bad]
    monkeypatch.setattr(ships, "read_input", lambda path, delta: rows)
    bad_bundle = make_bundle(2, sltd=[SLTD[0]], ships=[])
    with pytest.raises(bundles.BundleError) as refused:
        bundles.apply(v1, bad_bundle)
    assert str(refused.value).startswith("ships section: ") and says in str(refused.value)
    assert snapshot(v1) == before
    assert ships.lookup(v1, "Pacific Harmony", DAY).state == "designated"


def test_a_ships_file_changed_after_install_is_refused(v1):
    path = liststate.current(v1).directory / "ships" / ships.FILE
    path.write_text(path.read_text(encoding="utf-8").replace("2026-12-31", "2099-12-31"), encoding="utf-8")
    found = ships.lookup(v1, "Pacific Harmony", DAY)
    assert (found.state, found.entry, found.list_version) == ("list_not_installed", None, 1)
    assert "changed after install" in found.problem


def test_the_list_is_read_once_per_version(v1, make_bundle, monkeypatch):
    assert ships.lookup(v1, "9074729", DAY).state == "designated"
    reads = []
    real = ships._read
    monkeypatch.setattr(ships, "_read", lambda path: reads.append(path) or real(path))
    for _ in range(3):
        assert ships.lookup(v1, "Sakura Serenade", DAY).state == "designated"
    assert reads == []
    bundles.apply(v1, make_bundle(2, base_version=1, ships=[{**SHIPS[1], "designated_until": "2026-01-31"}]))
    assert ships.lookup(v1, "Pacific Harmony", DAY).state == "not_in_force"   # the new version, read again
    assert len(reads) == 2   # once to merge the delta, once to index the new version


def test_bundle_create_takes_ships_and_refuses_a_bad_row_naming_its_line(cli, tmp_path, signer, booth):
    good = write_csv(tmp_path / "ships.csv", SHIPS, list(ships.COLUMNS))
    jsonl = tmp_path / "ships.jsonl"
    jsonl.write_text("# comment\n" + json.dumps({**GOOD, "imo": "IMO 9901037"}) + "\n", encoding="utf-8")
    out = tmp_path / "v1.bundle"
    r = cli("bundle", "create", "--key", signer["signing_key"], "--version", "1", "--out", out, "--ships", good, "--json")
    assert r.returncode == 0, r.stderr
    assert [s["name"] for s in json.loads(r.stdout)["sections"]] == ["ships"]
    r = cli("bundle", "apply", out, "--home", booth, "--json")
    assert json.loads(r.stdout)["counts"] == {"ships": 2}
    r = cli("bundle", "create", "--key", signer["signing_key"], "--version", "2", "--out", tmp_path / "j.bundle",
            "--ships", jsonl, "--json")
    assert r.returncode == 0, r.stderr

    bad = tmp_path / "bad.csv"
    for last, says in [("9074728,Typo Star", f"{bad} line 4: IMO 9074728 fails its check digit"),
                       ("9901013,Sakura  Serenade", "IMO 9074729 and IMO 9901013 have the same name")]:
        bad.write_text("# invented ships\nimo,name,operator,designated_from,designated_until\n"
                       f"9074729,Sakura Serenade,X,2024-04-01,\n{last},X,2024-04-01,\n", encoding="utf-8")
        r = cli("bundle", "create", "--key", signer["signing_key"], "--version", "2", "--out", tmp_path / "bad.bundle",
                "--ships", bad, "--json")
        assert r.returncode == 2 and says in r.stderr, r.stderr
        assert not (tmp_path / "bad.bundle").exists()
