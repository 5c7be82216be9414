"""Earlier encounters across booths: a traveller examined at Kansai under one passport and at
Narita under another, with the same face and fingers, is found (a hit: fingers match) on the
second examination: online through the hub, and offline first, then after the fact when the
booth is back online. The same traveller on the same passport is linked, never flagged.

Real faces (face_recognition's photographs) and real fingers (FVC2002 DB1_B, two impressions),
a real hub over TLS on loopback, the inspectors' own keys."""
from __future__ import annotations

import pytest

from inspector_app.booth.examination import Examination
from inspector_app.domain.mrz_build import build_td3
from inspector_app.hub.runner import start_in_thread
from tests.sync.test_landing_lookup import booth, sync

NARITA, KANSAI = "Narita Airport", "Kansai Airport"
PW = "ito-inspector-pw"
R, L = "Right IndexFinger", "Left IndexFinger"
REFERRAL = {"type": "referral", "referral_reasons": ["purpose of visit unclear"]}


def passport(surname: str, given: str, number: str, nationality: str = "GBR", born=(1961, 8, 4)) -> str:
    import datetime as dt

    return build_td3(issuing_state=nationality, surname=surname, given_names=given, document_number=number,
                     nationality=nationality, birth_date=dt.date(*born), sex="M", expiry_date=dt.date(2031, 1, 1))


@pytest.fixture(scope="module")
def person(shared_data):
    faces = shared_data / "faces/face_recognition/examples/knn_examples/train/obama"
    prints = shared_data / "fingerprints/fvc2002/DB1_B"
    return {"first": (faces / "obama.jpg", {R: prints / "101_1.tif", L: prints / "102_1.tif"}),
            "again": (faces / "obama2.jpg", {R: prints / "101_3.tif", L: prints / "102_3.tif"})}


def examine(ctx, user: dict, mrz: str, media) -> Examination:
    ex = Examination(ctx, user)
    ex.read_document(mrz)
    face, fingers = media
    ex.add_face_file(face)
    ex.add_finger_files(fingers)
    return ex


def encounter_checks(ex: Examination) -> list[dict]:
    return [c for c in ex.checks if c["kind"] == "encounter"]


@pytest.fixture
def booths(tmp_path, hub, trust_kit):
    trust_kit.add_user(hub, "ito", PW, ["inspector"], [NARITA, KANSAI])
    kix, nrt = booth(tmp_path, "kix-1", KANSAI, hub, trust_kit), booth(tmp_path, "nrt-1", NARITA, hub, trust_kit)
    for ctx in (kix, nrt):
        sync(ctx)   # the port's users down
    users = {b.booth_id: b.login("ito", PW) for b in (kix, nrt)}
    assert all(users.values())
    yield kix, nrt, users
    kix.close()
    nrt.close()


def first_visit(kix, user, person) -> Examination:
    ex = examine(kix, user, passport("HARRIS", "JOHN", "HX1234567"), person["first"])
    assert ex.save(REFERRAL).saved
    sync(kix)
    return ex


def test_a_new_passport_and_name_is_found_by_the_fingers_at_the_hub(booths, person):
    kix, nrt, users = booths
    earlier = first_visit(kix, users["kix-1"], person)
    ex = examine(nrt, users["nrt-1"], passport("DOE", "JAMES", "GA3302217", "CAN", born=(1961, 8, 5)), person["again"])
    found = [c for c in encounter_checks(ex) if c["outcome"] != "clear"]
    # the face alone (taken first) is a flag; the fingers that follow make it a hit
    assert [(c["outcome"], c["by"]) for c in found] == [("flag", "face"), ("hit", "both")], found
    hit = found[1]
    assert (hit["outcome"], hit["relation"], hit["encounter_id"], hit["source"]) == (
        "hit", "another_identity", earlier.examination_id, "hub")
    assert hit["by"] in ("fingers", "both")
    assert (hit["earlier"]["port"], hit["earlier"]["document_number"], hit["earlier"]["surname"],
            hit["earlier"]["decision"]) == (KANSAI, "HX1234567", "HARRIS", "referral")
    assert "earlier encounter under another identity" in hit["reasons"]
    # a hit: the landing waits for a supervisor, and the supervisor's queue has it
    refused = ex.save({"type": "landing_permission", "status_code": "temporary_visitor", "period": "90d"})
    assert not refused.saved and "hit.open" in {f.rule for f in refused.refused}
    assert any(p["check_result_id"] == hit["check_result_id"]
               for e in nrt.store().review_queue() if e["examination_id"] == ex.examination_id for p in e["pending"])


def test_the_same_passport_links_the_encounters_and_flags_nothing(booths, person):
    kix, nrt, users = booths
    earlier = first_visit(kix, users["kix-1"], person)
    ex = examine(nrt, users["nrt-1"], passport("HARRIS", "JOHN", "HX1234567"), person["again"])
    checks = encounter_checks(ex)
    assert [c["outcome"] for c in checks] == ["clear"] * len(checks) and checks
    assert any(earlier.examination_id in (c.get("linked") or []) for c in checks)
    history = next(c for c in checks if c.get("linked"))["history"]
    assert history[0]["port"] == KANSAI and history[0]["decision"] == "referral"


def test_offline_the_booth_searches_its_copy_then_the_hub_flags_after_the_fact(booths, person, hub):
    kix, nrt, users = booths
    # Narita knows nothing of Kansai's travellers yet; it goes offline
    first_visit(kix, users["kix-1"], person)
    port = hub.port
    hub.stop()
    ex = examine(nrt, users["nrt-1"], passport("DOE", "JAMES", "GA3302217", "CAN", born=(1961, 8, 5)), person["again"])
    checks = encounter_checks(ex)
    assert [c["outcome"] for c in checks] == ["clear"], checks   # nothing in the booth's copy
    assert any("hub unreachable" in r for r in checks[0]["reasons"])
    assert ex.save(REFERRAL).saved   # the traveller is dealt with; the hub search waits
    assert [s["examination_id"] for s in nrt.store().pending_encounter_searches()] == [ex.examination_id]

    back = start_in_thread(hub.db.url, port=port, tls_dir=hub.hub_dir)
    try:
        sync(nrt)   # pushes, then runs the deferred search and records what it found
        late = [c for c in nrt.store().check_results(ex.examination_id) if c["kind"] == "encounter" and c["outcome"] != "clear"]
        assert len(late) == 1 and (late[0]["outcome"], late[0]["source"]) == ("hit", "hub_deferred")
        assert late[0]["earlier"]["port"] == KANSAI
        assert nrt.store().pending_encounter_searches() == []
        # the late hit reached the hub's supervisor queue with the next push
        assert any(i["record_id"] == late[0]["check_result_id"] for i in back.db.queue_page(NARITA)["items"])
    finally:
        back.stop()


def test_offline_the_booths_own_copy_finds_a_traveller_it_examined(booths, person, hub):
    kix, nrt, users = booths
    hub.stop()
    ex1 = examine(nrt, users["nrt-1"], passport("HARRIS", "JOHN", "HX1234567"), person["first"])
    assert ex1.save(REFERRAL).saved
    ex2 = examine(nrt, users["nrt-1"], passport("DOE", "JAMES", "GA3302217", "CAN"), person["again"])
    hits = [c for c in encounter_checks(ex2) if c["outcome"] == "hit"]
    assert [(h["encounter_id"], h["source"]) for h in hits] == [(ex1.examination_id, "booth")]
