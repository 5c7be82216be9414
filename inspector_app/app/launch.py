"""Start the Qt application (placeholder main window until the full screens land)."""
from __future__ import annotations

import sys
from pathlib import Path


def run_gui(home: Path | None = None, argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from inspector_app.home import resolve_home

    booth_home = resolve_home(home)
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Border Inspector")
    window.setCentralWidget(QLabel(f"Booth data: {booth_home}"))
    window.resize(1280, 800)
    window.show()
    return app.exec()
