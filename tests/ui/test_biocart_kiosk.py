"""The bio-cart kiosk driven as a traveller uses it: the passport typed in by the reader, the
face from the simulated camera, the fingers from the SBI simulator, "done", and back to the start;
the station then holds a signed capture of that passport."""
from __future__ import annotations

import pytest

from tests.booth.conftest import watson


@pytest.fixture
def kiosk(qapp, demo_home, services, qtbot):
    from inspector_app.app.biocart_kiosk import KioskWindow
    from inspector_app.biocart.station import Station
    from inspector_app.settings import Settings

    settings = Settings.load(demo_home)
    settings.set("biocart.done_seconds", 0.2)
    settings.save()
    window = KioskWindow(Station(demo_home))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window
    window.close()
    window.runner.wait_idle()


def test_a_traveller_is_guided_from_passport_to_done_and_the_capture_is_kept(kiosk, qtbot):
    steps = []
    kiosk.stepChanged.connect(steps.append)
    assert kiosk.step == "passport"
    assert kiosk.ui.english.text().startswith("Place your passport") and "パスポート" in kiosk.ui.japanese.text()

    qtbot.keyClicks(kiosk.ui.mrzEdit, "NOT A PASSPORT")
    kiosk.continue_()
    assert kiosk.step == "passport" and "could not be read" in kiosk.ui.english.text()

    kiosk.ui.mrzEdit.setPlainText(watson())
    qtbot.waitUntil(lambda: kiosk.step == "done", timeout=90000)
    assert steps[:4] == ["passport", "face", "fingers", "saving"]
    summary = kiosk.last_summary
    assert summary["face"]["passes"] and [f["passes"] for f in summary["fingers"]] == [True, True]
    assert kiosk.station.lookup("533401872", "GBR") is not None
    qtbot.waitUntil(lambda: kiosk.step == "passport", timeout=10000)   # back to the start by itself


def test_escape_starts_over_and_f2_adds_a_language(kiosk, qtbot):
    from PySide6.QtCore import Qt

    qtbot.keyClick(kiosk, Qt.Key.Key_F2)
    assert kiosk.extra == "zh" and "护照" in kiosk.ui.other.text()
    kiosk.ui.mrzEdit.setPlainText(watson())
    assert kiosk.step == "face"
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    assert kiosk.step == "passport" and kiosk.ui.mrzEdit.toPlainText() == ""


def test_the_kiosk_fits_1366_by_768(kiosk):
    hint = kiosk.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768


def test_no_scanner_is_no_dead_end_the_face_is_kept_for_the_booth(qapp, demo_home, qtbot):
    from inspector_app.app.biocart_kiosk import KioskWindow
    from inspector_app.biocart.station import Station
    from inspector_app.settings import Settings

    settings = Settings.load(demo_home)
    settings.set("devices.sbi.port_range", [4599, 4600])   # no scanner service answers there
    settings.set("devices.sbi.discovery_timeout_s", 0.2)
    settings.save()
    window = KioskWindow(Station(demo_home))
    qtbot.addWidget(window)
    window.show()
    try:
        window.ui.mrzEdit.setPlainText(watson())
        qtbot.waitUntil(lambda: window.step == "done", timeout=90000)
        assert window.last_summary["face"]["passes"] and window.last_summary["fingers"] == []
    finally:
        window.close()
        window.runner.wait_idle()
