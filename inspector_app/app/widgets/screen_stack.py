"""The window's pages, each in a scroll area (promoted from a QStackedWidget in ui/main_window.ui)."""
from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget


class ScreenStack(QStackedWidget):
    """The screens, each in a scroll area: on a screen smaller than a page (1366×768) the page
    scrolls instead of pushing the status bar, and the Saved message with it, off the screen.
    ``currentWidget`` / ``setCurrentWidget`` speak of the pages, not of their scroll areas."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._areas: dict = {}

    def add_page(self, page) -> None:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(page)
        self._areas[page] = area
        self.addWidget(area)

    def setCurrentWidget(self, page) -> None:  # noqa: N802 - Qt's name
        super().setCurrentWidget(self._areas.get(page, page))

    def currentWidget(self):  # noqa: N802 - Qt's name
        w = super().currentWidget()
        return w.widget() if isinstance(w, QScrollArea) else w
