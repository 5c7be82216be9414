"""``GET /landings`` over HTTPS on SQLite and PostgreSQL: a traveller who landed at one port is
found by the inspector examining their departure at another, with the examining inspector's own
proof over the document asked for; everyone else is refused, bad queries are 422s, each look-up is
logged, and a hub made before the look-up's tables fills them from the records it holds."""
from __future__ import annotations

import datetime as dt
import uuid

import httpx
import pytest

from inspector_app.common import signing
from tests.hub.conftest import PORT, enrol_booth

KANSAI = "Kansai Airport"
PW = {"ito": "ito-inspector-pw", "kato": "kato-supervisor-pw", "oda": "oda-inspector-pw-kix"}
TRAVELLER = {"surname": "SMITH", "given_names": "ANNA", "nationality": "GBR", "document_number": "P1234567"}


def inspector_proof(user: str, key, booth_id: str, number: str = "P1234567", nationality: str = "GBR",
                    age_s: float = 0) -> dict:
    at = (dt.datetime.now(dt.UTC) - dt.timedelta(seconds=age_s)).isoformat()
    value = {"user": user, "at": at, "method": "GET", "path": "/landings", "booth_id": booth_id,
             "document_number": number, "nationality": nationality}
    return {"X-Inspector": user, "X-Inspector-At": at,
            "X-Inspector-Proof": signing.sign(key, signing.LANDING_PROOF, value)}


def examined(booth, day: str, *decisions: dict, traveller: dict = TRAVELLER) -> list[dict]:
    """An examination record of ``booth`` and its decision records (each may name the index of
    the one it ``corrects``); returns them signed, in push order."""
    exam_id = str(uuid.uuid4())
    records = [{"record_id": exam_id, "seq": 1, "kind": "examination", "created_at": f"{day}T09:00:00Z",
                "payload": {"examination_id": exam_id, "traveller": traveller, "booth": "claimed-booth",
                            "port": "claimed-port", "inspector": "ito", "started_at": f"{day}T09:00:00Z"}}]
    ids = [str(uuid.uuid4()) for _ in decisions]
    for i, d in enumerate(decisions):
        data = {k: v for k, v in d.items() if k not in ("type", "corrects")}
        if "corrects" in d:
            data["corrects"] = ids[d["corrects"]]
        records.append({"record_id": ids[i], "seq": i + 2, "kind": "decision", "created_at": f"{day}T09:0{i + 1}:00Z",
                        "payload": {"decision_id": ids[i], "examination_id": exam_id, "type": d["type"],
                                    "inspector": "ito", "decided_at": f"{day}T09:0{i + 1}:00Z", "decision": data}})
    return booth.signed(records)


def landing(day: str, period: str = "90d", **more) -> dict:
    return {"type": "landing_permission", "status_code": "temporary_visitor", "period": period,
            "landing_date": day, **more}


def test_a_landing_at_one_port_is_found_by_the_inspector_at_another_and_the_look_up_is_logged(hub, trust_kit):
    db = hub.db
    for name, roles, ports in (("ito", ["inspector"], [PORT]), ("kato", ["supervisor"], [PORT]),
                               ("oda", ["inspector"], [KANSAI])):
        m = trust_kit.material(name, PW[name])
        db.add_user(name, m["password_hash"], roles, "", ports, m["public_key"], m["wrapped_key"])
    ito, kato, oda = (trust_kit.signing_key(n, PW[n]) for n in ("ito", "kato", "oda"))
    kix, nrt = enrol_booth(db, "k1", KANSAI), enrol_booth(db, "b1", PORT)
    pushed = [
        examined(kix, "2026-05-01", landing("2026-05-01")),
        examined(kix, "2026-09-01", landing("2026-09-01"), landing("2026-09-01", "30d", corrects=0)),
        examined(kix, "2026-10-01", landing("2026-10-01"), {"type": "referral", "referral_reasons": ["x"],
                                                             "corrects": 0}),
        examined(kix, "2026-10-02", landing("2026-10-02"), traveller={**TRAVELLER, "nationality": "IRL"}),
    ]
    with httpx.Client(base_url=hub.url, timeout=30, verify=hub.tls_context) as http:
        for records in pushed:
            r = http.post("/records", json={"records": records}, headers=kix.headers)
            assert r.status_code == 200 and len(r.json()["stored"]) == len(records), r.text
        http.headers.update(nrt.headers)
        query = {"document_number": "P1234567", "nationality": "GBR"}

        found = http.get("/landings", params=query, headers=inspector_proof("ito", ito, "b1"))
        assert found.status_code == 200, found.text
        items = found.json()["items"]
        assert [(i["landing_date"], i["period"]) for i in items] == [("2026-09-01", "30d"), ("2026-05-01", "90d")]
        assert items[0]["record_id"] == pushed[1][2]["record_id"] and items[0]["examination_id"] == pushed[1][0][
            "record_id"]
        assert {(i["booth"], i["port"], i["source"], i["last_day"]) for i in items[:1]} == {
            ("k1", KANSAI, "hub", "2026-09-30")}  # the booth that pushed it, not what the record claims
        one = http.get("/landings", params={**query, "limit": 1}, headers=inspector_proof("ito", ito, "b1"))
        assert one.json()["items"] == items[:1]

        refused = {
            "no proof": {},
            "another document's proof": inspector_proof("ito", ito, "b1", number="P7654321"),
            "another booth's proof": inspector_proof("ito", ito, "k1"),
            "a forged proof": inspector_proof("ito", kato, "b1"),
            "a stale proof": inspector_proof("ito", ito, "b1", age_s=600),
            "a supervisor only": inspector_proof("kato", kato, "b1"),
            "an unknown user": inspector_proof("nobody", ito, "b1"),
            "an inspector of another port": inspector_proof("oda", oda, "b1"),
        }
        for why, headers in refused.items():
            r = http.get("/landings", params=query, headers=headers)
            assert r.status_code == 403, (why, r.text)
        assert "not an inspector of" in r.text

        for params in ({"document_number": "p1234567", "nationality": "GBR"},
                       {"document_number": "P1234567<<", "nationality": "GBR"},
                       {"document_number": "P" * 25, "nationality": "GBR"},
                       {"document_number": "P" * 65, "nationality": "GBR"},
                       {"document_number": "P1234567", "nationality": "GB1"},
                       {"document_number": "P1234567", "nationality": "GBRR"},
                       {"document_number": "P1234567"},
                       {**query, "limit": 0}, {**query, "limit": 21}):
            proof = inspector_proof("ito", ito, "b1", params.get("document_number", ""), params.get("nationality", ""))
            r = http.get("/landings", params=params, headers=proof)
            assert r.status_code == 422, (params, r.text)
        assert "document_number must be 1-24 capital letters and digits" in http.get(
            "/landings", params={**query, "document_number": "p1"}).json()["detail"]
    logged = [(e["action"], e["detail"]) for e in db.access_log() if e["principal"] == "user:ito@b1"]
    assert logged == [("landings.read", "GBR P1234567: 2 landing(s)"), ("landings.read", "GBR P1234567: 1 landing(s)")]


@pytest.mark.parametrize("tables_lost", [False, True])
def test_records_stored_before_the_look_up_tables_are_indexed_when_the_hub_opens(hub_db_url, tables_lost):
    from inspector_app.hub.db import HubDb

    db = HubDb(hub_db_url)
    kix = enrol_booth(db, "k1", KANSAI)
    db.put_records(kix.principal, examined(kix, "2026-05-01", landing("2026-05-01")))
    if tables_lost:  # as a hub made before them: the records are there, the tables are not
        with db.tx() as tx:
            tx.execute("DROP TABLE travellers")
            tx.execute("DROP TABLE exam_decisions")
            tx.execute("DELETE FROM hub_meta WHERE key = 'landings_indexed'")
    db.close()
    db = HubDb(hub_db_url)
    try:
        assert [i["landing_date"] for i in db.find_landings("P1234567", "GBR")] == ["2026-05-01"]
    finally:
        db.close()
