"""PAXLST (API manifests): the real-shaped samples, generated messages, the refusals, and a
planted lost passport and watchlist name flagged before arrival and again at the booth."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector_app.screening import paxlst
from inspector_app.screening.paxlst import Manifest, PaxlstError, Person
from inspector_app.screening.paxlst_build import build

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "paxlst"
STANDARD, HASH, DASH = ":+.? '", ":*.? #", ":-.? '"


def person(surname="WATSON", given="EMILY ROSE", birth=dt.date(1988, 4, 12), sex="F", nat="GBR", number="533401872",
           role="passenger", expiry=dt.date(2031, 8, 30), dtype="P") -> Person:
    return Person(surname, given, birth, sex, nat, dtype, number, nat, expiry, role)


def manifest(*people: Person, kind="passengers", flight="JL0046") -> Manifest:
    return Manifest(flight, "JL", "CDG", "NRT", dt.datetime(2026, 11, 30, 12, 0), kind, tuple(people))


# ---- the real-shaped samples ------------------------------------------------------------------
SAMPLE_FACTS = [  # file, flight, arrival airport, kind, people, first surname, first document, part, final
    ("ediclean-A.txt", "A92707", "VIE", "passengers", 1, "DJEMFISJER", "3DEJ2ED3E", 2, False),
    ("ediclean-B.txt", "B2740", "FRA", "passengers", 1, "AERWDEDE", "FER342423", 8, False),
    ("ediclean-C.txt", "B2740", "FRA", "passengers", 3, "MULLERSFER", "756178630", 6, False),
    ("ediclean-D.txt", "FZ708", "FRA", "passengers", 1, "ERFADFEFW", "345234643", 10, False),
    ("ediclean-E.txt", "AT123", "FRA", "passengers", 3, "ERSFE", "GE34214234", 16, True),
    ("ediclean-F.txt", "TK334", "VIE", "crew", 1, "KETI", "S20624269", 1, False),
]


@pytest.mark.parametrize("name, flight, arrival, kind, n, surname, document, part, final", SAMPLE_FACTS)
def test_real_shaped_samples(name, flight, arrival, kind, n, surname, document, part, final):
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"the shared PAXLST samples are not beside the checkout ({SAMPLES})")
    m = paxlst.parse(path.read_bytes().decode("latin-1"))
    assert (m.flight, m.arrival, m.kind, len(m.people)) == (flight, arrival, kind, n)
    assert (m.people[0].surname, m.people[0].document_number, m.parts, m.complete) == (surname, document, (part,), final)


def test_sample_two_digit_years_and_crew_documents():
    path = SAMPLES / "ediclean-F.txt"
    if not path.exists():
        pytest.skip(f"the shared PAXLST samples are not beside the checkout ({SAMPLES})")
    crew = paxlst.parse(path.read_text(encoding="latin-1")).people[0]
    # DTM+329:710718 on a 2021 manifest is 1971; the passport (not the crew licence DOC+L that
    # follows it) is the travel document, with its own expiry DTM+36:241015 -> 2024
    assert (crew.role, crew.birth_date, crew.document_type, crew.expiry) == ("crew", dt.date(1971, 7, 18), "P",
                                                                              dt.date(2024, 10, 15))


# ---- generated messages ------------------------------------------------------------------------
@pytest.mark.parametrize("una, parts, groups, wrap", [
    (STANDARD, 1, True, None), (HASH, 3, True, 70), (DASH, 2, False, 64), (STANDARD, 4, False, 17)])
def test_generated_round_trip(una, parts, groups, wrap):
    m = manifest(person(), person("O'NEIL+SMITH", "ANN?MARIE", nat="IRL", number="PA1:2"),
                 person("DUBOIS", "MARC", dt.date(1979, 2, 3), "M", "FRA", "14FR77881"),
                 person("KIM", "", dt.date(2015, 6, 1), None, "KOR", "M1234"))
    read = paxlst.parse(build(m, una=una, parts=parts, groups=groups, wrap=wrap, envelope="QP HDQ\r\n.XYZ 0600\r\n"))
    assert read.people == m.people and read.key() == m.key()
    assert read.parts == tuple(range(1, parts + 1)) and read.complete


def test_multi_part_files_assemble_in_any_order():
    people = [person(number=f"N{i}") for i in range(5)]
    whole = build(manifest(*people), parts=1)
    one, two = paxlst.parse(build(manifest(*people[:3]))), paxlst.parse(build(manifest(*people[3:])))
    one, two = dataclasses.replace(one, parts=(1,), complete=False), dataclasses.replace(two, parts=(2,))
    assert paxlst.assemble([two, one]).people == paxlst.parse(whole).people
    with pytest.raises(PaxlstError, match="different manifests"):
        paxlst.assemble([one, paxlst.parse(build(manifest(person(), flight="NH0006")))])


def test_crew_list_and_two_digit_years():
    m = manifest(person(role="crew", birth=dt.date(1950, 1, 1), expiry=dt.date(2070, 1, 1)),
                 person(role="crew_in_transit", birth=dt.date(2026, 11, 29), expiry=dt.date(2025, 1, 1)), kind="crew")
    read = paxlst.parse(build(m))
    assert read.kind == "crew" and [p.role for p in read.people] == ["crew", "crew_in_transit"]
    # a birth two-digit year is in the past of the manifest; an expiry up to 50 years ahead, so an
    # expired passport reads as expired, not as valid for a century
    assert [p.birth_date for p in read.people] == [dt.date(1950, 1, 1), dt.date(2026, 11, 29)]
    assert [p.expiry for p in read.people] == [dt.date(2070, 1, 1), dt.date(2025, 1, 1)]


# ---- refusals ----------------------------------------------------------------------------------
GOOD = build(manifest(person(), person("DUBOIS", "MARC", number="14FR77881", nat="FRA")))


@pytest.mark.parametrize("change, segment, index, problem", [
    (("DTM+329:880412'", "DTM+329:88AB12'"), "DTM", 13, "birth date '88AB12' is not YYMMDD"),
    (("BGM+745'", "BGM+999'"), "BGM", 4, "neither 745"),
    (("DOC+P:110:111+533401872'", "DOC+P:110:111'"), "DOC", 17, "no number"),
    (("UNT+", "UNX+"), "UNH", 3, "message without UNT"),
    (("UNZ+1+REF1'", ""), "", None, "no UNZ"),
    (("PAXLST:D", "CUSRES:D"), "UNH", 3, "not PAXLST"),
    (("ATT+2++F'", "ATT+2++Q'"), "ATT", 12, "sex 'Q'"),
])
def test_malformed_is_refused_with_segment_and_position(change, segment, index, problem):
    bad = GOOD.replace(*change, 1)
    assert bad != GOOD
    with pytest.raises(PaxlstError) as err:
        paxlst.parse(bad)
    e = err.value
    assert problem in str(e) and e.line == 1 and e.column >= 1
    if segment:
        assert (e.segment, e.index) == (segment, index)
        assert bad.replace("\r\n", "")[e.column - 1:].startswith(segment)   # the column is where it starts


def test_refusal_points_at_the_line_of_a_wrapped_file():
    text = build(manifest(person(), person(number="X1")), wrap=40, envelope="QP HDQ\r\n.XYZ 0600\r\n")
    bad = text.replace("ATT+2++F'", "ATT+2++Q'", 1)
    with pytest.raises(PaxlstError) as err:
        paxlst.parse(bad)
    line = bad.split("\r\n")[err.value.line - 1]
    assert err.value.line > 2 and line[err.value.column - 1:].startswith("A")


# ---- hypothesis --------------------------------------------------------------------------------
NAME = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ '-?+:", min_size=1, max_size=12).map(str.strip).filter(bool)
PEOPLE = st.lists(st.builds(
    person, surname=NAME, given=st.sampled_from(["", "ANN", "JOHN PAUL", "MARIE?CLAIRE"]),
    birth=st.dates(dt.date(1927, 12, 1), dt.date(2026, 11, 30)), sex=st.sampled_from(["M", "F", "X", None]),
    nat=st.sampled_from(["GBR", "FRA", "JPN", "RUS"]), number=st.from_regex(r"[A-Z0-9]{1,9}", fullmatch=True),
    role=st.sampled_from(["passenger", "passenger_in_transit"]),
    expiry=st.dates(dt.date(2026, 12, 1), dt.date(2076, 11, 29))), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people=PEOPLE, una=st.sampled_from([STANDARD, HASH, DASH]), parts=st.integers(1, 3),
       wrap=st.one_of(st.none(), st.integers(5, 90)))
def test_hypothesis_round_trip(people, una, parts, wrap):
    m = manifest(*people)
    read = paxlst.parse(build(m, una=una, parts=min(parts, len(people)), wrap=wrap))
    assert read.people == m.people


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_hypothesis_mutated_input_gives_a_manifest_or_a_refusal(data):
    text = GOOD
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(text) - 1))
        op = data.draw(st.sampled_from(["delete", "insert", "replace"]))
        ch = data.draw(st.sampled_from(list("+:'?AZ09 \n\x02")))
        text = text[:i] + (ch if op != "delete" else "") + text[i + (op != "insert"):]
    try:
        assert isinstance(paxlst.parse(text), Manifest)
    except PaxlstError:
        pass


def _reference(text: str):
    """pydifact's reading of ``text``: its segments, or None when it refuses the text."""
    from pydifact.exceptions import EDISyntaxError

    try:
        return paxlst.pydifact_segments(text)
    except (EDISyntaxError, ValueError, IndexError, TypeError, PaxlstError):
        return None


def _ours(text: str):
    try:
        return paxlst._segments(text)[1]
    except PaxlstError:
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), una=st.sampled_from([STANDARD, HASH, DASH]))
def test_hypothesis_segments_are_pydifacts(data, una):
    """The segments are split as pydifact's parser splits them (the reference), on good
    interchanges and on mutated ones: the same segments, or both refuse."""
    people = data.draw(PEOPLE)
    text = build(manifest(*people), una=una, wrap=data.draw(st.one_of(st.none(), st.integers(5, 90))))
    for _ in range(data.draw(st.integers(0, 4))):
        i = data.draw(st.integers(0, len(text) - 1))
        op = data.draw(st.sampled_from(["delete", "insert", "replace"]))
        ch = data.draw(st.sampled_from(list("+:'?#-AZ09 \n")))
        text = text[:i] + (ch if op != "delete" else "") + text[i + (op != "insert"):]
    reference = _reference(text)
    if reference is not None:
        assert _ours(text) == reference
    # where pydifact refuses, ours may read the text (its refusals include a UNB it cannot
    # decode); what ours reads then is checked by parse's own rules and the mutation test above


@pytest.mark.parametrize("segment", ["XQZ+A::'", "XQZ+:'", "XQZ+A:'", "XQZ+'", "XQZ'", "XQZ+A+'", "XQZ+?:A'",
                                     "XQZ+A??B'", "XQ1+A'", "XQZ+A:B:'", "XQZ+:B'", "XQZ+::'", "XQZ+A? '",
                                     "X+A'", "XQZW+A'", "X:1+A'", "+A'", "xqz+A'", "XQZ+A?'"])
def test_segment_shapes_and_refusals_match_pydifact(segment):
    text = "UNA:+.? '" + segment
    assert _ours(text) == _reference(text)


# ---- before arrival and at the booth ----------------------------------------------------------
def _planted(travellers) -> Manifest:
    """The demo's lost-passport traveller and watchlist name among clean passengers."""
    lost, wanted = travellers["lost_passport"], travellers["watchlist_name"]
    assert lost["mrz_line1"].startswith("P<FRADUBOIS") and wanted["mrz_line1"].startswith("P<RUSIVANOV")
    return manifest(
        person(),
        person("DUBOIS", "MARC", dt.date(1979, 2, 3), "M", "FRA", "14FR77881", expiry=dt.date(2030, 1, 15)),
        person("TANAKA", "HANAKO", dt.date(1990, 5, 5), "F", "JPN", "TR1234567"),
        person("IVANOV", "SERGEI", dt.date(1952, 9, 18), "M", "RUS", "752210943", expiry=dt.date(2032, 5, 1)),
        person("SMITH", "ANNA", dt.date(1966, 3, 3), "F", "USA", "561234987"))


@pytest.mark.parametrize("route", ["manifest import", "watched folder"])
def test_a_planted_lost_passport_and_watchlist_name_flag_before_arrival_and_at_the_booth(
        demo_template, tmp_path, capsys, route):
    from inspector_app.booth.examination import Examination
    from inspector_app.cli import main
    from inspector_app.screening import manifest_folder
    from inspector_app.settings import Settings
    from tests.booth.conftest import INSPECTOR, INSPECTOR_PASSWORD, mrz_of, open_context, travellers

    home = tmp_path / "booth"
    shutil.copytree(demo_template, home)
    folder = tmp_path / "drop"
    folder.mkdir()
    file = folder / "JL0046.edi"
    file.write_text(build(_planted(travellers()), una=HASH, parts=2, wrap=70), encoding="latin-1")
    if route == "manifest import":
        assert main(["manifest", "import", str(file), "--home", str(home), "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["results"][0]["state"] == "flagged"
    else:   # dropped into the booth's watched folder (the setting the booth's background watch reads)
        settings = Settings.load(home)
        settings.set(manifest_folder.FOLDER, str(folder))
        settings.set(manifest_folder.SETTLE, 0)
        settings.save()
        assert main(["manifest", "watch", "--once", "--home", str(home), "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["state"] == "imported"
        assert not file.exists() and (folder / "imported" / "JL0046.edi").exists()
        assert main(["manifest", "import", str(folder / "imported" / "JL0046.edi"), "--home", str(home),
                     "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["duplicate"] is True   # the same file: one manifest
    assert main(["manifest", "list", "--home", str(home), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(m["flight"], m["people"], m["flagged"], m["not_checked"], m["parts"]) for m in listed] == [
        ("JL0046", 5, 2, 0, [1, 2])]

    ctx = open_context(home)
    try:
        user = ctx.login(INSPECTOR, INSPECTOR_PASSWORD)
        exam = Examination(ctx, user, direction="arrival")
        seen = {}
        for key in ("lost_passport", "watchlist_name", "clean", "biometric"):
            exam.read_document(mrz_of(key))
            seen[key] = next((c["state"], c["outcome"]) for c in exam.checks if c["kind"] == "pre_arrival")
            exam.next_traveller()
        store = ctx.store()
        results = store.manifest(listed[0]["manifest_id"])["results"]
        assert {r["person"]["surname"]: [h["kind"] for h in r["hits"]] for r in results[:2]} == {  # hits first
            "DUBOIS": ["sltd"], "IVANOV": ["biographic"]}
        assert all(r["state"] == "clean" for r in results[2:])
        assert store.pre_arrival("14fr77881", "fra")["manifest"]["flight"] == "JL0046"
        assert store.pre_arrival("GA3302217", "CAN")["state"] == "not_on_manifest"
        # a manifest counts within a day of its scheduled arrival, not a month later
        assert store.pre_arrival("14FR77881", "FRA", on=dt.date(2026, 12, 1))["state"] == "flagged"
        later = store.pre_arrival("14FR77881", "FRA", on=dt.date(2026, 12, 30))
        assert (later["state"], later["manifests_held"]) == ("not_on_manifest", False)
    finally:
        ctx.close()
    assert seen == {"lost_passport": ("flagged", "flag"), "watchlist_name": ("flagged", "flag"),
                    "clean": ("clean", "clear"), "biometric": ("not_on_manifest", "clear")}


def test_a_malformed_file_is_refused_and_nothing_is_stored(demo_template, tmp_path, capsys):
    from inspector_app.cli import main
    from inspector_app.store import open_store

    home = tmp_path / "booth"
    shutil.copytree(demo_template, home)
    file = tmp_path / "bad.edi"
    file.write_text(GOOD.replace("DTM+36:310830'", "DTM+36:31083'", 1), encoding="latin-1")
    assert main(["manifest", "import", str(file), "--home", str(home)]) == 2
    err = capsys.readouterr().err
    assert "segment 19 (DTM) at line 1, column" in err and "expiry date '31083'" in err and "nothing stored" in err
    st_ = open_store(home)
    try:
        assert st_.manifests() == [] and st_.pre_arrival("533401872", "GBR")["state"] == "not_on_manifest"
    finally:
        st_.close()


@pytest.mark.parametrize("policy, held, expected", [
    (False, False, None),                                  # no manifest, no policy: nothing to say
    (False, True, ("not_on_manifest", "clear")),
    (True, False, ("not_on_manifest", "flag")),            # the booth's policy for air arrivals
])
def test_not_on_any_manifest_is_flagged_only_by_the_booth_policy(demo_template, tmp_path, policy, held, expected):
    from inspector_app.booth.examination import Examination
    from inspector_app.settings import Settings
    from tests.booth.conftest import INSPECTOR, INSPECTOR_PASSWORD, open_context, watson

    home = tmp_path / "booth"
    shutil.copytree(demo_template, home)
    settings = Settings.load(home)
    settings.set("screening.flag_not_on_manifest", policy)
    settings.save()
    ctx = open_context(home)
    try:
        if held:
            ctx.store().add_manifest({"manifest": {"flight": "NH0006"}, "people": 0, "flagged": 0, "not_checked": 0,
                                      "results": []}, actor="test")
        exam = Examination(ctx, ctx.login(INSPECTOR, INSPECTOR_PASSWORD), direction="arrival")
        exam.read_document(watson())
        found = [(c["state"], c["outcome"]) for c in exam.checks if c["kind"] == "pre_arrival"]
        queued = [c["kind"] for e in ctx.store().review_queue() for c in e["pending"]]
    finally:
        ctx.close()
    assert found == ([expected] if expected else [])
    assert ("pre_arrival" in queued) == (expected is not None and expected[1] == "flag")


def test_a_booth_without_lists_screens_nobody_clean(tmp_path):
    from inspector_app.screening.pre_arrival import screen_manifest

    result = screen_manifest(tmp_path / "empty-home", paxlst.parse(GOOD), today=dt.date(2026, 11, 30))
    assert [r.state for r in result.results] == ["not_checked", "not_checked"]
    assert any("list_not_installed" in reason for reason in result.results[0].reasons) and result.warnings
