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


def build_window(home: Path, backend=None, language: str | None = None):
    from inspector_app.app.backend import Backend
    from inspector_app.app.widgets.main_window import MainWindow

    backend = backend or Backend(home)
    window = MainWindow(backend)
    lang = language or backend.settings.get("app.language", "en")
    if lang != "en":
        window.languages.set_language(lang)
    from inspector_app.app.heap import settle_heap

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
        try:
            window = build_window(booth_home, language=language)
        except (ValueError, RuntimeError, OSError) as exc:  # the booth cannot open (key, store, settings)
            return _cannot_start(str(exc))
        if services is not None:
            from inspector_app.app.widgets.main_window import attach_demo

            attach_demo(window, services)
        window.show()
        return app.exec()
    finally:
        if services is not None:
            services.stop()


def _cannot_start(message: str) -> int:
    """Say in a window (and in one line on the terminal) why the workstation cannot open."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    title = QCoreApplication.translate("launch", "Border Inspector cannot start")
    print(f"{title}: {message}", file=sys.stderr, flush=True)
    box = QMessageBox(QMessageBox.Icon.Critical, title, message)
    box.exec()
    return 2
