"""The supervisor's "all booths of the port" list: the hub's port queue read with the signed-in
supervisor's own proof, grouped per examination beside this booth's own rows, another booth's
record reviewed through the hub; when the hub cannot be read the list is this booth's own and
says why."""
from __future__ import annotations

PORT = "Narita Airport"
PW = {"sato": "sato-supervisor-pw"}  # as tests/sync/test_booth_store.py: the keys are made once a session


def _booth(tmp_path, hub, trust_kit, booth_id):
    from inspector_app.app.backend import Backend

    home = tmp_path / booth_id
    trust_kit.configure_booth(home, hub, booth_id, PORT)
    backend = Backend(home)
    backend.settings.set("booth.id", booth_id)
    backend.settings.save()
    return backend


def _examine(store, booth_id, surname, kind="biographic"):
    exam = store.create_examination({"inspector": "tanaka", "booth": booth_id, "port": PORT,
                                     "traveller": {"surname": surname, "given_names": "A"}})
    store.add_check_result(exam, {"kind": kind, "outcome": "hit", "reasons": ["name matches"]})
    return exam


def test_port_list_shows_other_booths_and_says_when_the_hub_is_gone(tmp_path, hub, trust_kit):
    from inspector_app.sync.client import SyncClient

    trust_kit.add_user(hub, "sato", PW["sato"], ["supervisor"], [PORT])
    here, there = _booth(tmp_path, hub, trust_kit, "booth-7"), _booth(tmp_path, hub, trust_kit, "booth-8")
    try:
        other = _examine(there.store(), "booth-8", "IVANOV")
        own = _examine(here.store(), "booth-7", "DUBOIS", kind="sltd")
        for b in (here, there):
            client = SyncClient.from_home(b.home, b.store())
            client.sync_once()  # records up, the port's users down
            client.close()
        assert here.login("sato", PW["sato"]) is not None

        answer = here.port_items("sato")
        assert answer["problem"] is None
        rows = {r["examination_id"]: r for r in answer["items"]}
        assert set(rows) == {own, other}
        assert not rows[own].get("remote") and rows[own]["traveller"]["surname"] == "DUBOIS"
        assert rows[other]["remote"] and rows[other]["booth"] == "booth-8" and rows[other]["inspector"] == "tanaka"
        assert [(c["kind"], c["outcome"]) for c in rows[other]["pending"]] == [("biographic", "hit")]

        # a review of the other booth's record goes to the hub, signed by sato; the item leaves the queue
        check = rows[other]["pending"][0]["check_result_id"]
        here.add_port_review("booth-8", check, other, "sato", "cleared", "different person: birth date differs")
        assert [(r["reviewer"], r["verdict"]) for r in hub.db.reviews("booth-8", check)] == [("sato", "cleared")]
        assert [r["examination_id"] for r in here.port_items("sato")["items"]] == [own]
        assert here.port_items("tanaka")["problem"] == "no_key"  # nobody's proof but the signed-in supervisor's
        hub.stop()
        answer = here.port_items("sato")
        assert answer["problem"] == "unreachable"
        assert [r["examination_id"] for r in answer["items"]] == [own]  # this booth's own, still shown
    finally:
        here.close()
        there.close()
