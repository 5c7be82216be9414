"""UI fixtures: a demo booth home (built once, copied per test), the SBI simulator over real
HTTP, and the real window driven like an inspector would drive it."""
from __future__ import annotations

import shutil

import pytest


@pytest.fixture(autouse=True)
def _restore_gc():
    """The app freezes its heap and turns off automatic full collections (app.heap.settle_heap);
    give the rest of the test session back the interpreter's defaults."""
    import gc

    threshold = gc.get_threshold()
    yield
    gc.set_threshold(*threshold)
    gc.unfreeze()


@pytest.fixture
def demo_home(demo_template, tmp_path):
    home = tmp_path / "booth"
    shutil.copytree(demo_template, home)
    # paths inside the settings point at the template: re-point them at this copy
    from inspector_app.settings import Settings

    s = Settings.load(home)
    s.set("devices.camera.source", f"sim:{home / 'demo' / 'camera' / 'clean'}")
    # tests capture when they need a face or fingers (the driver presses the buttons), so that a
    # test about a referral does not spend CI time on a camera; test_exam_keyboard.py turns the
    # booth's default auto mode back on
    s.set("exam.auto_devices", False)
    s.save()
    return home


@pytest.fixture
def services(demo_home):
    from inspector_app.app.demo import DemoServices

    svc = DemoServices(demo_home)
    svc.start_sbi()
    yield svc
    svc.stop()


def _open_window(qapp, home, services):
    from inspector_app.app.launch import build_window, make_app
    from inspector_app.app.widgets.main_window import attach_demo
    from tests.ui.driver import Driver

    make_app()
    window = build_window(home)
    attach_demo(window, services)
    window.show()
    return window, Driver(window, services, timeout_s=60)


def _dispose(window, driver) -> None:
    """Close the window as the person would, then delete it: a closed window left alive keeps
    every widget, and each later window's make_app() (setFont, setStyleSheet) re-polishes all of
    them, so the next test's start-up grew by seconds per earlier test (measured: 3 s for the
    first booth window, 48 s for the tenth). Before deleting, the background tasks still running
    finish and their results are delivered (pumping the event loop), so no late signal reaches a
    deleted object."""
    from PySide6.QtCore import QCoreApplication, QEvent

    window.close()
    driver.idle()
    window.backend.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def booth(qapp, demo_home, services):
    """(window, driver) for the inspector's booth."""
    window, driver = _open_window(qapp, demo_home, services)
    yield window, driver
    _dispose(window, driver)


@pytest.fixture
def second_window(qapp, demo_home, services):
    """Another workstation on the same booth data (the supervisor's)."""
    opened = []

    def make():
        w, d = _open_window(qapp, demo_home, services)
        opened.append((w, d))
        return w, d

    yield make
    for w, d in opened:
        _dispose(w, d)
