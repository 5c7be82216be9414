"""The booth's watched manifest folder: files imported as `manifest import` does, moved to
imported/ or refused/ with a note, never read half-written, never imported twice."""
from __future__ import annotations

import json
import shutil
import threading

import pytest

from inspector_app.cli import main
from inspector_app.screening import manifest_folder as mf
from inspector_app.settings import Settings
from inspector_app.store import open_store
from tests.screening.test_paxlst import GOOD, manifest, person
from tests.screening.test_paxlst import build as build_paxlst

BAD = GOOD.replace("DTM+36:310830'", "DTM+36:31083'", 1)
OTHER = build_paxlst(manifest(person("TANAKA", "HANAKO", nat="JPN", number="TR1234567"), flight="NH0206"))


@pytest.fixture
def home(demo_template, tmp_path):
    home = tmp_path / "booth"
    shutil.copytree(demo_template, home)
    return home


@pytest.fixture
def store(home):
    s = open_store(home)
    yield s
    s.close()


def _write(path, text: str) -> None:
    path.write_bytes(text.encode("latin-1"))


# name, content, where it ends up, what its note says (None: left alone, no note)
DROPS = [
    ("JL0046.edi", GOOD, "imported", "imported as manifest"),
    ("again.TXT", GOOD, "imported", "already imported as manifest"),      # the same bytes: one manifest
    ("NH0206.paxlst", OTHER, "imported", "imported as manifest"),
    ("bad.edi", BAD, "refused", "refused, nothing stored: segment 19 (DTM) at line 1, column"),
    ("JL0047.edi.part", GOOD, ".", None),                                # still being written, then renamed
    (".hidden.edi", GOOD, ".", None),
    ("readme.doc", GOOD, ".", None),
]


def test_each_file_is_imported_or_refused_and_moved_with_a_note(home, store, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    for name, text, _, _ in DROPS:
        _write(folder / name, text)
    watched = mf.ManifestFolder(folder, home, store, settle_s=0)
    assert watched.poll() == []                       # a first look takes nothing
    outcomes = {o.name: o for o in watched.poll()}
    assert {n: o.state for n, o in outcomes.items()} == {
        "JL0046.edi": "imported", "again.TXT": "duplicate", "NH0206.paxlst": "imported", "bad.edi": "refused"}
    for name, _, where, note in DROPS:
        assert (folder / where / name).exists(), name
        notes = list((folder / where).glob(name + ".*.txt"))
        assert (notes[0].read_text(encoding="utf-8").startswith(note) if note else notes == []), name
    assert "expiry date '31083'" in (folder / "refused" / "bad.edi.why.txt").read_text(encoding="utf-8")
    assert outcomes["again.TXT"].manifest_id in (outcomes["JL0046.edi"].manifest_id,)
    assert sorted((m["flight"], m["people"]) for m in store.manifests()) == [("JL0046", 2), ("NH0206", 1)]
    # the same file dropped again later is not a second manifest, and does not overwrite the first copy
    _write(folder / "JL0046.edi", GOOD)
    watched.poll()
    assert [o.state for o in watched.poll()] == ["duplicate"]
    assert (folder / "imported" / "JL0046-2.edi").exists() and len(store.manifests()) == 2


def test_a_file_being_written_is_not_read_half(home, store, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    now = {"t": 0.0}
    watched = mf.ManifestFolder(folder, home, store, settle_s=30, clock=lambda: now["t"])
    path = folder / "JL0046.edi"
    half = len(GOOD) // 2
    _write(path, GOOD[:half])
    now["t"] = path.stat().st_mtime + 1
    assert watched.poll() == [] and watched.poll() == []            # written a second ago: left alone
    with open(path, "ab") as fh:
        fh.write(GOOD[half:].encode("latin-1"))
    now["t"] = path.stat().st_mtime + 60
    assert watched.poll() == []                                      # changed since the last look
    assert [(o.state, o.moved_to.parent.name) for o in watched.poll()] == [("imported", "imported")]
    assert [m["people"] for m in store.manifests()] == [2]          # the whole file, not its first half


def test_the_booth_watches_its_folder_in_the_background(home, tmp_path):
    from tests.booth.conftest import open_context

    folder = tmp_path / "drop"
    folder.mkdir()
    settings = Settings.load(home)
    settings.set(mf.FOLDER, str(folder))
    settings.set(mf.SETTLE, 0)
    settings.set(mf.INTERVAL, 0.05)
    settings.save()
    ctx = open_context(home)
    seen, done = [], threading.Event()
    watcher = ctx.manifest_watcher(on_outcome=lambda o: (seen.append(o.state), done.set()))
    try:
        watcher.start()
        _write(folder / "JL0046.edi", GOOD)
        assert done.wait(30), "the watcher did not take the file"
        assert seen == ["imported"] and [m["flight"] for m in ctx.store().manifests()] == ["JL0046"]
    finally:
        watcher.stop()
        ctx.close()


def test_a_booth_without_a_folder_watches_nothing(home):
    from tests.booth.conftest import open_context

    ctx = open_context(home)
    try:
        assert ctx.manifest_watcher() is None
    finally:
        ctx.close()


def test_watch_once_from_the_command_line(home, tmp_path, capsys):
    folder = tmp_path / "drop"
    folder.mkdir()
    _write(folder / "JL0046.edi", GOOD)
    _write(folder / "bad.edi", BAD)
    settings = Settings.load(home)
    settings.set(mf.SETTLE, 0)
    settings.save()
    assert main(["manifest", "watch", "--once", "--folder", str(folder), "--home", str(home), "--json"]) == 2
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(x["file"], x["state"]) for x in lines] == [("JL0046.edi", "imported"), ("bad.edi", "refused")]
    assert "segment 19 (DTM)" in lines[1]["detail"]
    assert main(["manifest", "import", str(folder / "imported" / "JL0046.edi"), "--home", str(home), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["duplicate"] is True
    assert main(["manifest", "watch", "--once", "--home", str(home)]) == 2
    assert "no manifest folder" in capsys.readouterr().err
