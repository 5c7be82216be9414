"""``POST /encounters/search`` and ``GET /encounters/recent`` over HTTPS on SQLite and
PostgreSQL: an encounter pushed by one booth is found by another booth's inspector who signed the
search over exactly these templates; forged, borrowed, replayed, stale and foreign
authorisations are refused, bad templates are 422s, every search is logged, and a booth's copy of
its port's encounters holds other booths' encounters of that port only."""
from __future__ import annotations

import datetime as dt
import json
import uuid

import httpx
import numpy as np
import pytest

from inspector_app.biometrics import fingerprint, gallery
from inspector_app.common import signing
from tests.hub.conftest import PORT, enrol_booth

KANSAI = "Kansai Airport"
R = "Right IndexFinger"
PW = {"ito": "ito-inspector-pw", "kato": "kato-supervisor-pw", "oda": "oda-inspector-pw-kix"}


@pytest.fixture(scope="module")
def prints(shared_data):
    base = shared_data / "fingerprints/fvc2002/DB1_B"
    return {(f, i): fingerprint.extract(fingerprint.load_image(base / f"{f}_{i}.tif", 500))
            for f in (101, 103) for i in (1, 2)}


def face(seed: int, near: np.ndarray | None = None) -> np.ndarray:
    rng = np.random.default_rng(seed)
    v = rng.normal(0, 0.09, 128).astype(np.float32) if near is None else near + rng.normal(0, 0.01, 128)
    return v.astype(np.float32)


def encounter(booth, templates: dict, surname: str, number: str) -> tuple[str, list[dict]]:
    exam = str(uuid.uuid4())
    return exam, booth.signed([{
        "record_id": f"enc-{exam}", "seq": 1, "kind": "encounter", "created_at": "2026-11-29T09:00:00Z",
        "payload": {"examination_id": exam, "booth": booth.booth_id, "port": booth.port, "inspector": "oda",
                    "examined_at": dt.datetime.now(dt.UTC).isoformat(), "templates": templates,
                    "identity": {"surname": surname, "given_names": "JOHN", "nationality": "GBR",
                                 "document_number": number, "birth_date": "1961-08-04", "sex": "M"}}}])


def authorised(user: str, key, booth_id: str, exam: str, templates: dict, age=dt.timedelta(0)) -> dict:
    at = (dt.datetime.now(dt.UTC) - age).isoformat()
    value = signing.encounter_search_value(user, at, booth_id, exam, templates)
    return {"user": user, "at": at, "signature": signing.sign(key, signing.ENCOUNTER_SEARCH, value)}


def copy_proof(user: str, key, booth_id: str, after: int = 0) -> dict:
    at = dt.datetime.now(dt.UTC).isoformat()
    value = {"user": user, "at": at, "method": "GET", "path": "/encounters/recent", "booth_id": booth_id,
             "after": str(after)}
    return {"X-Inspector": user, "X-Inspector-At": at,
            "X-Inspector-Proof": signing.sign(key, signing.ENCOUNTER_COPY, value)}


@pytest.fixture
def world(hub, trust_kit, prints):
    db = hub.db
    for name, roles, ports in (("ito", ["inspector"], [PORT]), ("kato", ["supervisor"], [PORT]),
                               ("oda", ["inspector"], [KANSAI])):
        m = trust_kit.material(name, PW[name])
        db.add_user(name, m["password_hash"], roles, "", ports, m["public_key"], m["wrapped_key"])
    keys = {n: trust_kit.signing_key(n, PW[n]) for n in PW}
    kix, nrt, nrt2 = enrol_booth(db, "k1", KANSAI), enrol_booth(db, "b1", PORT), enrol_booth(db, "b2", PORT)
    base = face(1)
    earlier = gallery.encode(base, {R: prints[101, 1]})
    stranger = gallery.encode(face(2), {R: prints[103, 1]})
    with httpx.Client(base_url=hub.url, timeout=30, verify=hub.tls_context) as http:
        exam, records = encounter(kix, earlier, "HARRIS", "HX1234567")
        _, others = encounter(kix, stranger, "BROWN", "BX7654321")
        _, at_narita = encounter(nrt2, stranger, "GREEN", "GX1111111")
        for booth, recs in ((kix, records), (kix, others), (nrt2, at_narita)):
            r = http.post("/records", json={"records": recs}, headers=booth.headers)
            assert r.status_code == 200 and r.json()["stored"] == [recs[0]["record_id"]], r.text
        yield {"http": http, "db": db, "keys": keys, "nrt": nrt, "kix": kix, "earlier": exam,
               "probe": gallery.encode(face(3, base), {R: prints[101, 2]})}


def search(w, body: dict, booth=None):
    return w["http"].post("/encounters/search", json=body, headers=(booth or w["nrt"]).headers)


def body_of(w, user="ito", booth_id="b1", exam="exam-now", **kw) -> dict:
    return {"examination_id": exam, "templates": w["probe"],
            "authorisation": authorised(user, w["keys"][user], booth_id, exam, w["probe"], **kw)}


def test_an_encounter_at_another_port_is_found_and_the_search_is_logged(world):
    r = search(world, body_of(world))
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    assert [(i["encounter_id"], i["by"], i["port"], i["identity"]["surname"]) for i in items] == [
        (world["earlier"], "both", KANSAI, "HARRIS")]
    assert items[0]["finger_score"] >= fingerprint.THRESHOLD and items[0]["face_distance"] < gallery.FACE_DISTANCE
    assert "templates" not in items[0]
    assert any(e["action"] == "encounters.search" and e["principal"] == "user:ito@b1"
               for e in world["db"].access_log())
    own = search(world, body_of(world, exam=world["earlier"]))   # the examination's own encounter is left out
    assert own.status_code == 200 and own.json()["items"] == []


@pytest.mark.parametrize("attack", ["forged", "other_key", "other_templates", "other_booth", "stale", "future",
                                    "supervisor", "other_port", "unknown_user", "bad_time"])
def test_a_search_not_signed_by_an_inspector_of_the_port_over_these_templates_is_refused(world, attack):
    w = world
    body, booth = body_of(w), None
    if attack == "forged":
        body["authorisation"]["signature"] = body_of(w, exam="another")["authorisation"]["signature"]
    elif attack == "other_key":   # ito's name, oda's key
        body["authorisation"] = authorised("ito", w["keys"]["oda"], "b1", "exam-now", w["probe"])
    elif attack == "other_templates":   # a signature over this traveller reused for someone else's
        body["templates"] = gallery.encode(face(9), None)
    elif attack == "other_booth":   # replayed by another booth of the port
        booth = enrol_booth(w["db"], "b3", PORT)
    elif attack == "stale":
        body = body_of(w, age=dt.timedelta(days=15))
    elif attack == "future":
        body = body_of(w, age=-dt.timedelta(hours=1))
    elif attack == "supervisor":
        body = body_of(w, user="kato")
    elif attack == "other_port":
        body = body_of(w, user="oda")
    elif attack == "unknown_user":
        body["authorisation"]["user"] = "nobody"
    elif attack == "bad_time":
        body["authorisation"]["at"] = "yesterday"
    r = search(w, body, booth)
    assert r.status_code == 403, (attack, r.status_code, r.text)
    assert not any(e["action"] == "encounters.search" for e in w["db"].access_log())


def test_a_deferred_search_signed_days_ago_still_runs(world):
    r = search(world, body_of(world, age=dt.timedelta(days=3)))
    assert r.status_code == 200 and len(r.json()["items"]) == 1


def test_without_a_booth_credential_nothing_is_read(world):
    r = world["http"].post("/encounters/search", json=body_of(world))
    assert r.status_code == 401
    r = world["http"].get("/encounters/recent", headers={"Authorization": "Bearer b1.not-the-secret"})
    assert r.status_code == 401


@pytest.mark.parametrize("templates, says", [
    ({"face": "AAAA", "fingers": {}}, "128 finite"),
    ({"face": None, "fingers": {R: "not base64!"}}, "not base64"),
    ({"face": None, "fingers": {}}, "nothing to search by"),
])
def test_templates_that_are_no_templates_are_422(world, templates, says):
    body = {"examination_id": "exam-now", "templates": templates,
            "authorisation": authorised("ito", world["keys"]["ito"], "b1", "exam-now", templates)}
    r = search(world, body)
    assert r.status_code == 422 and says in r.text, r.text


def test_an_encounter_record_with_bad_templates_is_refused_and_indexes_nothing(world):
    kix = world["kix"]
    _, records = encounter(kix, {"face": "AAAA", "fingers": {}}, "X", "X1")
    r = world["http"].post("/records", json={"records": records}, headers=kix.headers)
    assert r.status_code == 200 and r.json()["refused"][0]["reason"].endswith("128 finite float32 values")


def test_a_body_of_50_mb_is_refused_unread(world):
    r = world["http"].post("/encounters/search", content=b"{" + b" " * (50 * 1024 * 1024) + b"}",
                           headers={**world["nrt"].headers, "Content-Type": "application/json"})
    assert r.status_code == 413


def test_the_ports_recent_encounters_are_copied_to_an_inspector_of_the_port(world):
    w = world
    r = w["http"].get("/encounters/recent", headers={**w["nrt"].headers, **copy_proof("ito", w["keys"]["ito"], "b1")})
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    assert [(i["port"], i["booth_id"], i["identity"]["surname"]) for i in items] == [(PORT, "b2", "GREEN")]
    assert gallery.decode(items[0]["templates"])[1][R].minutiae
    later = w["http"].get("/encounters/recent", params={"after": items[0]["seq"]},
                          headers={**w["nrt"].headers, **copy_proof("ito", w["keys"]["ito"], "b1", items[0]["seq"])})
    assert later.status_code == 200 and later.json()["items"] == []
    for headers in ({}, copy_proof("oda", w["keys"]["oda"], "b1"), copy_proof("kato", w["keys"]["kato"], "b1"),
                    copy_proof("ito", w["keys"]["oda"], "b1")):
        r = w["http"].get("/encounters/recent", headers={**w["nrt"].headers, **headers})
        assert r.status_code == 403, headers


def test_a_worker_starts_from_the_gallery_snapshot_and_catches_up(world, hub, prints, cli, monkeypatch):
    """``hub gallery-snapshot`` writes what a worker loads at its first search; an encounter stored
    after it is read from the database. The snapshot is used, not re-decoded: decoding is the
    ~44 ms per finger encounter it exists to avoid."""
    from inspector_app.hub.db import HubDb
    from inspector_app.hub.encounters import HubGallery
    from inspector_app.hub.runner import GALLERY_DIR

    out = cli("hub", "gallery-snapshot", "--dir", str(hub.hub_dir), "--db", hub.db.url, "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["encounters"] == 3
    later_exam, later = encounter(world["kix"], gallery.encode(face(5), {R: prints[103, 1]}), "LATER", "LX1")
    assert world["http"].post("/records", json={"records": later}, headers=world["kix"].headers).status_code == 200

    probe, mine_probe = gallery.decode(world["probe"]), gallery.decode(gallery.encode(face(5), {R: prints[103, 2]}))
    decoded = []
    real = gallery.decode
    monkeypatch.setattr(gallery, "decode", lambda t: decoded.append(1) or real(t))
    fresh = HubDb(hub.db.url)
    try:
        fresh.gallery_dir = hub.hub_dir / GALLERY_DIR
        found = fresh.search_encounters(*probe, exclude="exam-now")
        assert [m["encounter_id"] for m in found] == [world["earlier"]]
        assert len(decoded) == 1   # the one row stored after the snapshot; the three before it were loaded
        mine = fresh.search_encounters(*mine_probe, exclude="x")
        assert later_exam in [m["encounter_id"] for m in mine]
        assert len(decoded) == 1   # nothing new since
    finally:
        fresh.close()
    assert HubGallery.from_snapshot(hub.hub_dir / "nothing-here").seq == 0   # no snapshot: from the start
    (hub.hub_dir / GALLERY_DIR / "meta.json").write_text("{damaged")
    assert HubGallery.from_snapshot(hub.hub_dir / GALLERY_DIR).seq == 0     # unusable: from the start, logged
