"""The demo's pre-arrival manifest: today's flight, imported once at the demo's first start, with
the lost passport and the watchlist name flagged first, and the booth saying so when each
passport is read."""
from __future__ import annotations

import shutil

from inspector_app.app.demo_manifest import FLIGHT, seed_pre_arrival_manifest
from tests.booth.conftest import INSPECTOR, INSPECTOR_PASSWORD, TODAY, mrz_of, open_context


def test_the_demo_flight_is_imported_once_with_its_hits_first(demo_template, tmp_path):
    from inspector_app.booth.examination import Examination

    home = tmp_path / "booth"
    shutil.copytree(demo_template, home)
    manifest_id = seed_pre_arrival_manifest(home, today=TODAY)
    assert manifest_id and seed_pre_arrival_manifest(home, today=TODAY) is None
    ctx = open_context(home)
    try:
        [listed] = ctx.store().manifests()
        assert (listed["flight"], listed["people"], listed["flagged"], listed["not_checked"]) == (FLIGHT, 7, 2, 0)
        assert listed["scheduled_arrival"].startswith(TODAY.isoformat())
        results = ctx.store().manifest(manifest_id)["results"]
        assert [(r["person"]["surname"], [h["kind"] for h in r["hits"]]) for r in results[:2]] == [
            ("DUBOIS", ["sltd"]), ("IVANOV", ["biographic"])]
        assert {r["state"] for r in results[2:]} == {"clean"}
        exam = Examination(ctx, ctx.login(INSPECTOR, INSPECTOR_PASSWORD), direction="arrival")
        seen = {}
        for key in ("lost_passport", "watchlist_name", "clean", "biometric"):
            exam.read_document(mrz_of(key))
            seen[key] = next((c["outcome"], c["reasons"][0]) for c in exam.checks if c["kind"] == "pre_arrival")
            exam.next_traveller()
    finally:
        ctx.close()
    assert seen == {
        "lost_passport": ("flag", f"flagged before arrival on the manifest of {FLIGHT}"),
        "watchlist_name": ("flag", f"flagged before arrival on the manifest of {FLIGHT}"),
        "clean": ("clear", f"screened clean before arrival on the manifest of {FLIGHT}"),
        "biometric": ("clear", "not on any pre-arrival manifest imported at this booth")}
