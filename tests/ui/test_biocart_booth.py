"""The booth window at an arrival whose traveller gave face and fingers at the demo's bio-cart:
reading the passport retrieves the capture, the checks say where it came from, the camera stays
off and the scanner is asked for the one smudged finger only."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.timeout(240)


def test_the_booth_window_uses_the_biocart_capture_and_takes_only_the_smudged_finger(qapp, demo_home, services):
    from inspector_app.app.demo import BIOCART_TRAVELLER
    from inspector_app.settings import Settings

    from .conftest import _dispose, _open_window

    settings = Settings.load(demo_home)
    settings.set("exam.auto_devices", True)   # what a booth does by default: devices start on reading
    settings.save()
    services.start_biocart()
    window, d = _open_window(qapp, demo_home, services)
    try:
        d.login("inspector1", "demo-inspector")
        d.present(BIOCART_TRAVELLER)
        vm = window.exam_vm
        d.wait(lambda: {f["position"] for f in vm.fingers["fingers"]} == {"Left IndexFinger", "Right IndexFinger"}
               and vm.fingers.get("state") == "captured", "the bio-cart finger and the re-captured one")
        d.idle()
        assert set(services.sbi.attempts) == {"Right IndexFinger"}
        assert vm.camera is None and vm.face["state"] == "captured"
        panel = window.exam_screen.checks
        lines = [panel.list.item(i).text() for i in range(panel.list.count())]
        assert sum("from the bio-cart BIOCART-01" in line for line in lines) == 2, lines   # face, left index
        assert not d.errors
    finally:
        _dispose(window, d)
