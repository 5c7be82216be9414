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


def test_a_second_poll_transfers_only_what_changed_and_opening_a_row_brings_its_payload(tmp_path, hub, trust_kit,
                                                                                         monkeypatch):
    from inspector_app.booth import port_queue
    from inspector_app.sync.client import SyncClient

    transferred: list[tuple[str, int]] = []  # (call, items the hub sent)

    def counted(name):
        real = getattr(SyncClient, name)

        def call(self, *args, **kw):
            answer = real(self, *args, **kw)
            transferred.append((name, len(answer["items"])))
            return answer
        return call

    for name in ("port_queue_page", "port_queue_changes"):
        monkeypatch.setattr(SyncClient, name, counted(name))
    monkeypatch.setattr(port_queue, "PAGE", 2)  # the first read takes pages
    trust_kit.add_user(hub, "sato", PW["sato"], ["supervisor"], [PORT])
    here, there = _booth(tmp_path, hub, trust_kit, "booth-7"), _booth(tmp_path, hub, trust_kit, "booth-8")

    def push_there():
        client = SyncClient.from_home(there.home, there.store())
        client.sync_once()
        client.close()

    def poll() -> dict:
        transferred.clear()
        return {r["examination_id"]: r for r in here.port_items("sato")["items"]}

    try:
        exams = [_examine(there.store(), "booth-8", name) for name in ("IVANOV", "PETROV", "SIDOROV")]
        push_there()
        client = SyncClient.from_home(here.home, here.store())
        client.sync_once()  # the port's users down
        client.close()
        assert here.login("sato", PW["sato"]) is not None

        rows = poll()
        assert set(rows) == set(exams) and all(r["remote"] for r in rows.values())
        assert sum(n for call, n in transferred if call == "port_queue_page") == 3 and len(transferred) >= 3
        assert "reasons" not in rows[exams[0]]["pending"][0]  # the list carries summaries, not payloads
        assert set(poll()) == set(exams) and transferred == [("port_queue_changes", 0)]  # nothing new: nothing sent

        exams.append(_examine(there.store(), "booth-8", "KOZLOV"))
        push_there()
        assert set(poll()) == set(exams) and transferred == [("port_queue_changes", 1)]
        check = rows[exams[0]]["pending"][0]["check_result_id"]
        here.add_port_review("booth-8", check, exams[0], "sato", "cleared", "different person: birth date differs")
        assert set(poll()) == set(exams[1:]) and transferred == [("port_queue_changes", 1)]  # the reviewed one leaves

        transferred.clear()
        opened = here.port_examination("sato", rows[exams[1]])
        assert [(c["kind"], c["outcome"], c["reasons"]) for c in opened["check_results"]] == [
            ("biographic", "hit", ["name matches"])]
        assert transferred == []  # one item, through its own endpoint

        here.logout()  # the copy goes with the supervisor: the next sign-in reads the queue afresh
        assert here.port_items("sato")["problem"] == "no_key"
        assert here.login("sato", PW["sato"]) is not None
        assert set(poll()) == set(exams[1:]) and sum(n for call, n in transferred if call == "port_queue_page") == 3
    finally:
        here.close()
        there.close()
