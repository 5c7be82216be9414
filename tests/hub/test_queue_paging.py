"""The supervisor queue at a port's scale, on SQLite and PostgreSQL: pages by key that neither
repeat nor lose an item while others arrive, filters, the change cursor a window polls (in
commit order, reviewed items included), the payload only for the item opened, and an older
schema-2 database given its change numbers in place."""
from __future__ import annotations

import threading
import uuid

import httpx
import pytest

from inspector_app.common import signed_review
from tests.hub.conftest import PORT, enrol_booth, supervisor_proof

KANSAI = "Kansai Airport"
PW = {"kato": "kato-supervisor-pw", "oda": "oda-supervisor-pw-kix"}
WAIT_S = 60


def at(minute: int) -> str:
    return f"2026-11-22T{5 + minute // 60:02d}:{minute % 60:02d}:00Z"


def flagged(booth, minute: int | None, outcome: str = "hit") -> str:
    """A signed check result that raises a queue item (created at ``minute``, None: no time)."""
    rid = str(uuid.uuid4())
    payload = {"examination_id": str(uuid.uuid4()), "kind": "sltd", "outcome": outcome, "inspector": "ito",
               "reasons": ["Passport reported lost " * 20], "record": {"document_number": "TR0000001"}}
    record = {"record_id": rid, "seq": 1, "kind": "check_result", "payload": payload,
              "created_at": None if minute is None else at(minute)}
    return booth.port_db.put_records(booth.principal, [booth.sign(record)])["stored"][0]


def review(db, key, booth_id: str, record_id: str) -> None:
    fields = {"review_id": str(uuid.uuid4()), "booth_id": booth_id, "check_result_id": record_id,
              "examination_id": str(uuid.uuid4()), "reviewer": "kato", "verdict": "cleared",
              "reason": "different person", "reviewed_at": "2026-11-22T06:00:00Z"}
    db.add_review(fields, signed_review.sign(fields, key), booth_id)


@pytest.fixture
def port(hub_db_url, trust_kit):
    """A hub database with two booths of Narita, one of Kansai and Narita's supervisor kato."""
    from inspector_app.hub.db import HubDb

    db = HubDb(hub_db_url)
    m = trust_kit.material("kato", PW["kato"])
    db.add_user("kato", m["password_hash"], ["supervisor"], "", [PORT], m["public_key"], m["wrapped_key"])
    booths = {b: enrol_booth(db, b, p) for b, p in (("b1", PORT), ("b2", PORT), ("k1", KANSAI))}
    for b in booths.values():
        b.port_db = db
    yield db, booths, trust_kit.signing_key("kato", PW["kato"])
    db.close()


def keys(items) -> list[tuple[str, str]]:
    return [(i["booth_id"], i["record_id"]) for i in items]


def test_pages_repeat_nothing_and_with_the_change_cursor_lose_nothing_while_items_arrive(port):
    db, b, kato = port
    for i in range(20):  # two items per minute: the order within one minute is booth, then record id
        flagged(b["b1" if i % 2 else "b2"], i // 2)
    flagged(b["k1"], 3)
    first = db.queue_page(PORT, limit=6)
    pages, page, n = [first["items"]], first, 0
    late, early = [], []
    while page["next"]:
        n += 1
        late.append(flagged(b["b1"], 100 + n))  # arrives after everything read: a later page has it
        early.append(flagged(b["b2"], 0))  # arrives dated before the page read: only the changes have it
        if n == 1:
            reviewed = keys(db.queue_page(PORT, limit=1000)["items"])[15]  # an item of a page not read yet
            review(db, kato, *reviewed)
        page = db.queue_page(PORT, after=page["next"], limit=6)
        pages.append(page["items"])
    read = [i for p in pages for i in p]
    assert len(keys(read)) == len(set(keys(read)))  # nothing twice
    assert read == sorted(read, key=lambda i: (i["created_at"], i["booth_id"], i["record_id"]))  # oldest first
    assert all(len(p) <= 6 for p in pages) and len(pages) >= 4
    assert {("b1", r) for r in late} <= set(keys(read)) and not {("b2", r) for r in early} & set(keys(read))
    assert reviewed not in keys(read) and {i["port"] for i in read} == {PORT}

    changes = db.queue_changes(PORT, first["cursor"], limit=1000)
    assert [c["changed"] for c in changes["items"]] == sorted(c["changed"] for c in changes["items"])
    assert changes["cursor"] == changes["items"][-1]["changed"]
    window = {k: i for k, i in zip(keys(read), read)}
    for item in changes["items"]:  # what a window does with them
        if item["status"] == "open":
            window[(item["booth_id"], item["record_id"])] = item
        else:
            window.pop((item["booth_id"], item["record_id"]), None)
    now_open = keys(db.queue_page(PORT, limit=1000)["items"])
    assert sorted(window) == sorted(now_open) and len(now_open) == 20 - 1 + 2 * n  # none lost
    assert (reviewed, "reviewed") in [(k, i["status"]) for k, i in zip(keys(changes["items"]), changes["items"])]


def test_items_are_summaries_and_the_payload_comes_with_one_item(port):
    db, b, _ = port
    rid = flagged(b["b1"], 1)
    no_time = flagged(b["b1"], None)  # queued at its arrival, so it pages like the rest
    item = db.queue_page(PORT)["items"][0]
    assert "payload" not in item and item["record_id"] == rid
    assert set(item) == {"record_id", "booth_id", "port", "inspector", "flags", "created_at", "status", "kind",
                         "changed", "summary"}
    assert (item["kind"], item["flags"], item["inspector"]) == ("check_result", ["sltd:hit"], "ito")
    assert set(item["summary"]) == {"examination_id", "kind", "outcome"} and item["summary"]["outcome"] == "hit"
    full = db.queue_item(PORT, "b1", rid)
    assert full["payload"]["record"] == {"document_number": "TR0000001"} and full["summary"] == item["summary"]
    assert db.queue_item(KANSAI, "b1", rid) is None and db.queue_item(PORT, "b2", rid) is None
    assert keys(db.queue_page(PORT)["items"]) == [("b1", rid), ("b1", no_time)]


def test_filters_and_refusals(port):
    db, b, kato = port
    one, two, three = flagged(b["b1"], 1), flagged(b["b2"], 2), flagged(b["b1"], 3)
    review(db, kato, "b1", three)
    flagged(b["k1"], 2)
    cases = [  # (arguments, expected items)
        ({}, [("b1", one), ("b2", two)]),
        ({"booth_id": "b2"}, [("b2", two)]),
        ({"booth_id": "k1"}, []),  # another port's booth: nothing of it
        ({"status": "reviewed"}, [("b1", three)]),
        ({"since": at(2)}, [("b2", two)]),
        ({"since": "2026-11-22T14:02:00+09:00"}, [("b2", two)]),  # the same instant in Tokyo time
        ({"since": at(2), "status": "reviewed", "booth_id": "b1"}, [("b1", three)]),
        ({"limit": 1, "after": db.queue_page(PORT, limit=1)["next"]}, [("b2", two)]),
    ]
    for args, expected in cases:
        assert keys(db.queue_page(PORT, **args)["items"]) == expected, args
    for bad in ({"status": "all"}, {"since": "yesterday"}, {"after": "bm90IGEgY3Vyc29y"}, {"after": "%%%"},
                {"after": "WzEsMiwzXQ"}):  # base64 of [1,2,3]: not a key this hub made
        with pytest.raises(ValueError):
            db.queue_page(PORT, **bad)
    with pytest.raises(ValueError):
        db.queue_changes(PORT, -1)


@pytest.mark.postgres
def test_change_numbers_follow_commit_order_under_concurrent_writers(pg_url, trust_kit, monkeypatch):
    """A writer holding a queue change uncommitted makes the next one wait for its number: a
    reader can never see number N+1 while N may still appear (it would skip N for good)."""
    from inspector_app.hub.db import HubDb

    db = HubDb(pg_url)
    booths = {name: enrol_booth(db, name) for name in ("b1", "b2")}
    for booth in booths.values():
        booth.port_db = db
    stamped, release = threading.Event(), threading.Event()
    stamp = HubDb._stamp

    def held(tx, touched):
        stamp(tx, touched)
        if threading.current_thread().name == "first":
            stamped.set()
            release.wait(WAIT_S)

    monkeypatch.setattr(HubDb, "_stamp", staticmethod(held))
    done: dict = {}
    first = threading.Thread(target=lambda: done.setdefault("first", flagged(booths["b1"], 1)), name="first")
    first.start()
    assert stamped.wait(WAIT_S)
    second = threading.Thread(target=lambda: done.setdefault("second", flagged(booths["b2"], 1)), name="second")
    second.start()
    try:
        waiting = "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND position('queue_changed' in query) > 0"
        for _ in range(WAIT_S * 50):
            with db.read() as tx:
                if tx.execute(waiting).fetchone()[0]:
                    break
            threading.Event().wait(0.02)
        else:
            pytest.fail("the second writer never waited for the first one's change number")
        assert db.queue_changes(PORT, 0)["items"] == []  # neither is visible: no cursor can pass the first
    finally:
        release.set()
        first.join(WAIT_S)
        second.join(WAIT_S)
    changes = db.queue_changes(PORT, 0)["items"]
    assert keys(changes) == [("b1", done["first"]), ("b2", done["second"])]
    assert changes[0]["changed"] < changes[1]["changed"]
    db.close()


def test_an_older_schema_2_queue_gets_summaries_and_change_numbers_in_place(hub_db_url, trust_kit):
    from inspector_app.hub.db import HubDb

    db = HubDb(hub_db_url)
    b1 = enrol_booth(db, "b1")
    b1.port_db = db
    made = [flagged(b1, 5), flagged(b1, None), flagged(b1, 2)]
    with db.tx() as tx:  # the queue as it was before paging
        for index in ("queue_port_page", "queue_booth_page", "queue_port_changed"):
            tx.execute(f"DROP INDEX {index}")
        for col in ("kind", "summary", "changed"):
            tx.execute(f"ALTER TABLE queue DROP COLUMN {col}")
        tx.execute("UPDATE queue SET created_at = NULL WHERE record_id = ?", (made[1],))
        tx.execute("DELETE FROM hub_meta WHERE key = 'queue_changed'")
    db.close()

    db = HubDb(hub_db_url)
    b1.port_db = db
    items = db.queue_page(PORT)["items"]
    assert keys(items) == [("b1", made[2]), ("b1", made[0]), ("b1", made[1])]  # the untimed one: at its arrival
    assert [i["changed"] for i in items] == [1, 2, 3] and all(i["summary"]["kind"] == "sltd" for i in items)
    newer = flagged(b1, 9)
    assert keys(db.queue_changes(PORT, 3)["items"]) == [("b1", newer)]
    db.close()


def test_the_queue_api_pages_polls_and_opens_with_a_proof_for_each_path(hub, trust_kit):
    db = hub.db
    for name, port_ in (("kato", PORT), ("oda", KANSAI)):
        m = trust_kit.material(name, PW[name])
        db.add_user(name, m["password_hash"], ["supervisor"], "", [port_], m["public_key"], m["wrapped_key"])
    kato, oda = trust_kit.signing_key("kato", PW["kato"]), trust_kit.signing_key("oda", PW["oda"])
    b1, k1 = enrol_booth(db, "b1"), enrol_booth(db, "k1", KANSAI)
    b1.port_db = k1.port_db = db
    made = [flagged(b1, m) for m in range(3)]
    kansai = flagged(k1, 1)
    item_path = f"/queue/b1/{made[0]}"

    def proof(path, key=kato, user="kato"):
        return supervisor_proof(user, key, "b1", path=path)

    with httpx.Client(base_url=hub.url, headers=b1.headers, timeout=30, verify=hub.tls_context) as http:
        for path in ("/queue", "/queue/changes", item_path):
            assert http.get(path).status_code == 403  # a booth credential alone reads nothing
            assert http.get(path, headers=proof("/queue/elsewhere")).status_code == 403  # proven for another path
            assert http.get(path, headers=proof(path, oda, "oda")).status_code == 403  # Kansai's supervisor
        page = http.get("/queue", params={"limit": 2}, headers=proof("/queue")).json()
        assert keys(page["items"]) == [("b1", r) for r in made[:2]] and "payload" not in page["items"][0]
        rest = http.get("/queue", params={"limit": 2, "after": page["next"]}, headers=proof("/queue")).json()
        assert keys(rest["items"]) == [("b1", made[2])] and rest["next"] is None
        assert http.get("/queue", params={"booth": "b1", "since": at(1)},
                        headers=proof("/queue")).json()["items"][0]["record_id"] == made[1]
        newer = flagged(b1, 0)
        changes = http.get("/queue/changes", params={"after": page["cursor"]}, headers=proof("/queue/changes")).json()
        assert keys(changes["items"]) == [("b1", newer)] and changes["cursor"] == changes["items"][0]["changed"]
        again = http.get("/queue/changes", params={"after": changes["cursor"]}, headers=proof("/queue/changes"))
        assert again.json() == {"items": [], "cursor": changes["cursor"]}
        opened = http.get(item_path, headers=proof(item_path)).json()
        assert opened["payload"]["record"] == {"document_number": "TR0000001"}
        other = f"/queue/k1/{kansai}"
        assert http.get(other, headers=proof(other)).status_code == 404  # another port's item is never found
        for path, params in (("/queue", {"after": "not-a-cursor"}), ("/queue", {"since": "yesterday"}),
                             ("/queue", {"limit": 5000}), ("/queue/changes", {"after": "x"}),
                             ("/queue/changes", {"after": -1})):
            r = http.get(path, params=params, headers=proof(path))
            assert r.status_code == 422, (path, params, r.text)
        r = http.get("/queue", params={"after": "not-a-cursor"}, headers=proof("/queue"))
        assert "cursor" in r.json()["detail"]
    actions = [e["action"] for e in db.access_log() if e["principal"] == "user:kato@b1"]
    assert {"queue.read", "queue.changes", "queue.item"} <= set(actions)
    assert actions.count("queue.changes") == 1  # the poll that returned nothing shows no traveller: not logged
