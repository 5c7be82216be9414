"""The demo's returning deportee: JAMES DOE's face and fingers are an earlier encounter under
another identity (JOHN PAUL MILLER, USA, referred 60 days ago), found by the booth's own copy
without a hub; no other demo traveller's face or fingers match that encounter (the demo's fingers
are grown, and grown prints look more alike than real ones)."""
from __future__ import annotations

from inspector_app.app import demo
from inspector_app.booth.examination import Examination
from tests.booth.conftest import TODAY, mrz_of, travellers


def examine(ctx, user, media, key: str) -> Examination:
    ex = Examination(ctx, user)
    ex.read_document(mrz_of(key))
    ex.add_face(media.face(key), True)
    finger = travellers()[key]["finger_id"]
    ex.add_finger_files(media.fingers(finger))
    return ex


def test_the_returning_deportee_is_found_under_his_earlier_identity_and_no_one_else_is(home, ctx, inspector, media):
    earlier = demo.seed_returning_deportee(home, today=TODAY)
    assert earlier and demo.seed_returning_deportee(home, today=TODAY) is None   # once
    # weeks ago: its watchlist hits were confirmed then, they do not wait in today's queue
    assert earlier not in {e["examination_id"] for e in ctx.store().review_queue()}

    ex = examine(ctx, inspector, media, "biometric")
    found = [c for c in ex.checks if c["kind"] == "encounter" and c["outcome"] == "hit"]
    assert len(found) == 1, [c for c in ex.checks if c["kind"] == "encounter"]
    hit = found[0]
    assert (hit["encounter_id"], hit["relation"], hit["source"]) == (earlier, "another_identity", "booth")
    assert (hit["earlier"]["surname"], hit["earlier"]["nationality"], hit["earlier"]["decision"]) == (
        "MILLER", "USA", "referral")
    assert hit["earlier"]["examined_at"].startswith((TODAY.replace(month=10, day=1)).isoformat())
    assert hit["evidence"]["live"].endswith("face.jpg")

    for key, t in travellers().items():
        if key == "biometric" or not t["camera_image"]:
            continue
        other = examine(ctx, inspector, media, key)
        assert other.save({"type": "referral", "referral_reasons": ["demo"]}).saved
        flagged = [c for c in other.checks if c["kind"] == "encounter" and c["outcome"] != "clear"]
        assert flagged == [], (key, flagged)
