"""Installed list files are checked again when loaded: a file changed, removed or added after the
verified bundle was installed makes that list refused, not silently used."""
from __future__ import annotations

import json

import pytest

from inspector_app.screening import bundles, liststate
from inspector_app.screening.screen import Screener

from .conftest import SLTD, WATCHLIST


@pytest.fixture
def installed(booth, make_bundle):
    bundles.apply(booth, make_bundle(1, watchlist=WATCHLIST, sltd=SLTD))
    # reading the lists must not change their files
    Screener(booth).screen({"document_number": "L898902C3", "issuing_state": "UTO", "surname": "MULLER",
                            "given_names": "HANS PETER"})
    return booth


def test_digests_are_recorded_at_install_and_verify(installed, make_bundle):
    state = liststate.current(installed, verify=True)
    files = state.manifest["files"]
    assert "sltd/main.bin" in files and any(f.startswith("watchlist/") for f in files)
    assert state.verifiable and state.damaged == {}
    assert liststate.status(state, 48)[1] == []
    # a delta's version (files carried over by hard link) records and verifies its own files too
    bundles.apply(installed, make_bundle(2, base_version=1, sltd=[{**SLTD[0], "status": "removed"}]))
    state = liststate.current(installed, verify=True)
    assert state.version == 2 and "sltd/delta.bin" in state.manifest["files"] and state.damaged == {}


def test_full_sltd_file_is_the_signed_section(installed, booth):
    """The SLTD file of a full bundle is the section itself: its digest is the signed header's."""
    state = liststate.current(installed)
    bundle = next(booth.parent.glob("bundle-*-v1.bin"))
    header = bundles.verify(bundle, booth)
    assert state.manifest["files"]["sltd/main.bin"] == header.section("sltd")["sha256"]


def test_changed_file_is_named_and_refused(installed):
    state = liststate.current(installed)
    target = next(p for p in (state.directory / "watchlist").iterdir() if p.is_file())
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF
    target.write_bytes(bytes(data))
    assert liststate.current(installed).damaged == {}  # without verify: not hashed (status polls)
    checked = liststate.current(installed, verify=True)
    assert list(checked.damaged) == ["watchlist"]
    assert "changed after install" in checked.damaged["watchlist"] and target.name in checked.damaged["watchlist"]
    lists, warnings = liststate.status(checked, 48)
    assert lists["damaged"] == ["watchlist"]
    assert any("watchlist list is refused" in w for w in warnings)


def test_missing_and_added_files_are_named(installed):
    state = liststate.current(installed)
    (state.directory / "sltd" / "main.bin").unlink()
    (state.directory / "watchlist" / "extra.npy").write_bytes(b"slipped in")
    damaged = liststate.current(installed, verify=True).damaged
    assert damaged == {"sltd": "file sltd/main.bin is missing",
                       "watchlist": "file watchlist/extra.npy was added after install"}


def test_version_installed_before_digests_cannot_be_checked(installed):
    state = liststate.current(installed)
    manifest = dict(state.manifest)
    del manifest["files"]
    (state.directory / liststate.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    old = liststate.current(installed, verify=True)
    assert not old.verifiable and old.damaged == {}


def test_the_screener_refuses_a_list_changed_on_disk(installed):
    """What the booth screens against: a watchlist file edited after install is not used, and its
    coverage says so (not checked: list damaged), so the rules treat the list as not checked."""
    traveller = {"document_number": "L898902C3", "issuing_state": "UTO", "surname": "MULLER",
                 "given_names": "HANS PETER"}
    before = Screener(installed).screen(traveller)
    assert before.coverage["biographic"].state.value in ("hit", "no_match")
    state = liststate.current(installed)
    target = next(p for p in (state.directory / "watchlist").iterdir() if p.is_file())
    target.write_bytes(target.read_bytes() + b"\n")
    after = Screener(installed).screen(traveller)
    assert after.coverage["biographic"].to_dict() == {"state": "not_checked", "reason": "list_damaged"}
    assert after.coverage["sltd"].state.value in ("hit", "no_match")  # the untouched list still works
    assert any("watchlist list refused" in w for w in after.warnings)
