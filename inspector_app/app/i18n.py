"""English and Japanese at runtime through Qt translation files.

Sources: ``resources/translations/inspector_ja.ts`` (edited with pyside6-linguist, updated with
pyside6-lupdate). Compiled ``.qm`` files ship inside the package (``app/assets/``), built by
``build/compile_resources.py`` with pyside6-lrelease. Installing a translator sends every
widget a LanguageChange event; the screens re-apply their texts in ``retranslate()``.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTranslator, Signal

ASSETS = Path(__file__).resolve().parent / "assets"
LANGUAGES = ("en", "ja")

_current = "en"


def current_language() -> str:
    return _current


class Languages(QObject):
    changed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._translator: QTranslator | None = None

    def set_language(self, lang: str) -> bool:
        global _current
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
        app = QCoreApplication.instance()
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        ok = True
        if lang != "en":
            tr = QTranslator(self)
            ok = tr.load(str(ASSETS / f"inspector_{lang}.qm"))
            if ok:
                app.installTranslator(tr)
                self._translator = tr
        _current = lang if ok else "en"
        self.changed.emit(_current)
        return ok

    def toggle(self) -> str:
        self.set_language("ja" if _current == "en" else "en")
        return _current
