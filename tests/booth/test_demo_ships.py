"""The demo booth has the designated-ship list installed from its signed bundle (ships.csv), and
the booth core answers from it for the examination date."""
from __future__ import annotations

import csv

from inspector_app.booth.context import BoothContext
from inspector_app.screening import liststate, ships
from tests.booth.conftest import ROOT, TODAY


def test_the_demo_booth_knows_the_designated_ships(demo_template):
    with open(ROOT / "inspector_app" / "app" / "demo_data" / "ships.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    assert len(rows) == 5 and all(ships.imo_valid(r["imo"]) for r in rows)
    assert liststate.current(demo_template).manifest["counts"]["ships"] == len(rows)
    ctx = BoothContext(demo_template, today=TODAY)
    try:
        answers = {r["name"]: ctx.designated_ship(r["name"]).state for r in rows}
        by_imo = ctx.designated_ship(f"IMO {rows[0]['imo']}")
    finally:
        ctx.close()
    assert answers == {"Sakura Serenade": "designated", "Pacific Harmony": "designated", "Aurora Kaiyo": "designated",
                       "Northern Pearl": "not_in_force", "Island Lantern": "designated"}
    assert (by_imo.state, by_imo.entry["name"], by_imo.list_version) == ("designated", rows[0]["name"], 1)
