"""The passport's chip on the examination screen, with a fake reader: F9 reads it with progress on
the screen, the chip's photo shows beside the live face with the similarity and the threshold,
and the chip's result says in words why it failed; the landing is refused until a supervisor
clears it. Every wait is on a condition the screen shows."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.booth.chip_fake import FakeChip, FakeChipReader, chip_photo

pytestmark = pytest.mark.timeout(240)


def test_f9_reads_the_chip_and_its_photo_shows_beside_the_live_face(booth, qtbot):
    window, d = booth
    d.login("inspector1", "demo-inspector")
    t = d.present("clean")
    # the chip holds another person's photo: the forger swapped DG2 (and passive authentication
    # is the fake's own, passing: the face is what catches it here)
    reader = FakeChipReader(FakeChip(t["mrz"], photo=chip_photo("WL-BIO-0002.jpg")), hold=True)
    window.backend.ctx.use_chip_reader(reader)
    panel = window.exam_screen.capture

    def whole() -> str:   # the chip's line is one line, elided on the panel, whole on hover
        return panel.chip_verdict.toolTip() or panel.chip_verdict.text()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=60000)
    QTest.keyClick(window, Qt.Key.Key_F9)
    # progress while the reader works (the fake holds the read until released)
    qtbot.waitUntil(lambda: "looking for the chip (10%)" in whole(), timeout=60000)
    assert window.exam_vm.chip["state"] == "reading"
    reader.release.set()
    qtbot.waitUntil(lambda: window.exam_vm.chip.get("state") == "read", timeout=60000)
    qtbot.waitUntil(lambda: "compared when the face is captured" in whole(), timeout=60000)
    assert not panel.chip_photo.pixmap().isNull()     # the chip's photo, before any face is taken
    d.capture_face()
    qtbot.waitUntil(lambda: window.exam_vm.chip.get("face") is not None, timeout=60000)
    face = window.exam_vm.chip["face"]
    assert face["outcome"] == "hit" and face["score"] < 50
    qtbot.waitUntil(lambda: "FAILED" in whole(), timeout=60000)
    assert panel.chip_score.text() == f"✖ similarity {round(face['score'])}\nmatch from 50"
    line = panel.chip_verdict.toolTip()    # one line on the panel, what failed: whole on hover
    assert panel.chip_verdict.text() == "✖ Chip failed: photo"
    assert "the chip's photo does not match the live face" in line and "chip." not in line   # words, no codes
    # beside the live face, on the same row, both inside the panel
    preview, photo = panel.preview.geometry(), panel.chip_photo.geometry()
    assert photo.left() >= preview.right() and photo.top() < preview.bottom()
    d.capture_fingers()
    state = d.decide("landing_permission", "temporary_visitor", "90d")
    assert not state["can_save"]
    assert any("chip's photo does not match" in str(p) for p in state["problems"]), state["problems"]

    # the next traveller's screen shows no chip; at a booth with a chip reader, devices in auto
    # mode, the chip is read by itself once the document is read (the child: exempt, no camera)
    window.exam_vm.next_traveller()
    assert panel.chip_photo.pixmap().isNull() and panel.chip_verdict.text() == "" and panel.chip_score.text() == ""
    child = window.demo_services.select("child", window.backend.settings)
    window.backend.ctx.use_chip_reader(FakeChipReader(FakeChip(child["mrz"])))
    window.backend.settings.set("exam.auto_devices", True)
    d.read_mrz(child["mrz"])
    qtbot.waitUntil(lambda: window.exam_vm.chip.get("state") == "read", timeout=60000)
    qtbot.waitUntil(lambda: "genuine" in whole(), timeout=60000)
    assert window.exam_vm.face.get("state") == "idle" and window.exam_vm.camera is None
