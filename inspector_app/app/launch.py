"""Start the Qt application: one window per booth process."""
from __future__ import annotations

import sys
from pathlib import Path


def make_app(argv: list[str] | None = None):
    """The QApplication with the house look: large type, the stylesheet, a CJK-capable font."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from inspector_app.app.assets import stylesheet

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Border Inspector")
    app.setOrganizationName("border-inspector")
    font = QFont(app.font())
    font.setFamilies(["DejaVu Sans", "IPAGothic", "Noto Sans CJK JP"])
    font.setPointSize(12)
    app.setFont(font)
    app.setStyleSheet(stylesheet())
    return app


PRELOAD = ("inspector_app.domain.mrz", "inspector_app.domain.statuses", "inspector_app.domain.decisions",
           "inspector_app.screening.screen", "inspector_app.store", "inspector_app.devices.camera",
           "inspector_app.devices.autocapture", "inspector_app.devices.sbi", "inspector_app.biometrics.face_quality",
           "inspector_app.devices.capture_policy", "inspector_app.app.seal", "inspector_app.app.capture",
           "inspector_app.app.camera_bridge", "inspector_app.app.compute", "cv2", "numpy",
           "PySide6.QtPrintSupport")


def settle_heap() -> None:
    """Import what an examination uses, freeze the start-up heap, and keep full collections out
    of examinations.

    Measured (benchmarks/ui_stall.py, gc callbacks): a full (generation 2) garbage collection
    took 45-120 ms and, holding the GIL, froze the UI thread whichever thread triggered it.
    Frozen start-up objects are never scanned again; automatic generation-2 collections are
    switched off (young generations still run, and reference counting frees almost everything),
    and the full collection runs when the inspector is away: on lock and on sign-out
    (``collect_while_idle``).
    """
    import gc
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    gc.collect()
    gc.freeze()
    g0, g1, _ = gc.get_threshold()
    gc.set_threshold(g0, g1, 1_000_000_000)


def collect_while_idle() -> None:
    import gc

    gc.collect()


def build_window(home: Path, backend=None, language: str | None = None):
    from inspector_app.app.backend import Backend
    from inspector_app.app.widgets.main_window import MainWindow

    backend = backend or Backend(home)
    window = MainWindow(backend)
    lang = language or backend.settings.get("app.language", "en")
    if lang != "en":
        window.languages.set_language(lang)
    settle_heap()
    return window


def run_gui(home: Path | None = None, argv: list[str] | None = None, demo: bool = False,
            language: str | None = None) -> int:
    from inspector_app.home import resolve_home

    booth_home = resolve_home(home)
    app = make_app(argv)
    services = None
    if demo:
        from inspector_app.app.demo import start_demo

        services = start_demo(booth_home)
    try:
        window = build_window(booth_home, language=language)
        if services is not None:
            from inspector_app.app.widgets.main_window import attach_demo

            attach_demo(window, services)
        window.show()
        return app.exec()
    finally:
        if services is not None:
            services.stop()
