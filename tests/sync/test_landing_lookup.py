"""A departure's look-up of the traveller's landing from the Qt-free core (``BoothContext.
find_landing``): the newest of this booth's records and the hub's, asked as the signed-in
inspector; without a hub, without the inspector's key, or with the hub gone, this booth's
records alone and a note that says so, never an error."""
from __future__ import annotations

from tests.store.conftest import CLEAN_CHECKS, clean_mrz

NARITA, KANSAI = "Narita Airport", "Kansai Airport"
PW = "ito-inspector-pw"
PASSPORT = ("TK1234567", "GBR")


def landed(ctx, day: str, number: str = PASSPORT[0], nationality: str = PASSPORT[1]) -> str:
    """A clean examination at ``ctx``'s booth on ``day`` ending in a 90-day landing permission."""
    store = ctx.store()
    exam = store.create_examination({
        "inspector": "ito", "booth": ctx.booth_id, "port": ctx.port, "examination_date": day,
        "traveller": {"surname": "SUZUKI", "given_names": "ICHIRO", "nationality": nationality,
                      "document_number": number},
        "mrz": {"lines": clean_mrz(number=number, nationality=nationality), "format": "TD3"}})
    for check in CLEAN_CHECKS:
        store.add_check_result(exam, dict(check))
    return store.record_decision(exam, {"type": "landing_permission", "status_code": "temporary_visitor",
                                        "period": "90d", "landing_date": day}, "ito")


def booth(tmp_path, name: str, port: str, hub=None, trust_kit=None):
    from inspector_app.booth.context import BOOTH_ID, BoothContext
    from inspector_app.settings import Settings

    home = tmp_path / name
    if hub is not None:
        trust_kit.configure_booth(home, hub, name, port)
    home.mkdir(exist_ok=True)
    s = Settings.load(home)
    s.set(BOOTH_ID, name)
    s.set("booth.port", port)
    s.save()
    return BoothContext(home)


def sync(ctx) -> None:
    from inspector_app.sync.client import SyncClient

    client = SyncClient.from_home(ctx.home, ctx.store())
    try:
        client.sync_once()
    finally:
        client.close()


def test_the_newest_landing_here_or_at_the_hub_and_this_booths_alone_when_the_hub_cannot_be_asked(
        tmp_path, hub, trust_kit):
    trust_kit.add_user(hub, "ito", PW, ["inspector"], [NARITA, KANSAI])
    kix, nrt = booth(tmp_path, "kix-1", KANSAI, hub, trust_kit), booth(tmp_path, "nrt-1", NARITA, hub, trust_kit)
    try:
        later = landed(kix, "2026-05-01")  # landed last at Kansai
        earlier = landed(nrt, "2026-01-10")  # an earlier stay, landed here
        only_here = landed(nrt, "2026-02-02", number="TK7654321")
        sync(kix)
        sync(nrt)  # this booth's records up, the port's users down
        assert nrt.login("ito", PW) is not None

        found = nrt.find_landing("ito", "tk1234567 ", "gbr")
        assert (found.source, found.record["record_id"], found.record["port"]) == ("hub", later, KANSAI)
        assert found.note == "this booth's and the hub's records searched"
        mine = nrt.find_landing("ito", "TK7654321", "GBR")  # also at the hub, pushed by this booth: its own copy
        assert (mine.source, mine.record["record_id"]) == ("booth", only_here)
        assert nrt.find_landing("ito", "ZZ0000000", "GBR").source == "none"

        nrt.logout()
        alone = nrt.find_landing("ito", *PASSPORT)
        assert (alone.source, alone.record["record_id"]) == ("booth", earlier)
        assert alone.note == "the inspector's key is not unlocked: only this booth's records searched"

        assert nrt.login("ito", PW) is not None
        hub.stop()
        alone = nrt.find_landing("ito", *PASSPORT, timeout_s=2.0)
        assert (alone.source, alone.record["record_id"]) == ("booth", earlier)
        assert alone.note == "hub unreachable: only this booth's records searched"
        gone = nrt.find_landing("ito", "ZZ0000000", "GBR")
        assert (gone.record, gone.source, gone.note) == (None, "none", alone.note)
    finally:
        kix.close()
        nrt.close()


def test_a_booth_without_a_hub_searches_its_own_records_and_says_so(tmp_path):
    ctx = booth(tmp_path, "offline-1", NARITA)
    try:
        made = landed(ctx, "2026-03-03")
        found = ctx.find_landing("ito", *PASSPORT)
        assert (found.source, found.record["record_id"], found.record["source"]) == ("booth", made, "booth")
        assert found.note == "no hub configured: only this booth's records searched"
    finally:
        ctx.close()
