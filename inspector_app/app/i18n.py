"""English and Japanese at runtime through Qt translation files.

Sources: ``resources/translations/inspector_ja.ts`` (edited with pyside6-linguist, updated with
pyside6-lupdate). Compiled ``.qm`` files ship inside the package (``app/assets/``), built by
``build/compile_resources.py`` with pyside6-lrelease. Installing a translator sends every
widget a LanguageChange event; the screens re-apply their texts in ``retranslate()``.

Messages of the Qt-free core (check details, rule and decision messages, device and MRZ
feedback) are ``domain.messages.Message`` values, or their English text read back from the
store: ``core_text`` translates either (context "core"; the templates are collected into
``app/core_messages.py`` by ``build/compile_resources.py --update``). Country and region names
come from ``domain.nationality`` in the current language (``country_name``).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, QTranslator, Signal

from inspector_app.app.core_messages import TEMPLATES
from inspector_app.domain import nationality
from inspector_app.domain.messages import PLACEHOLDER, render

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
        self._qt_translator: QTranslator | None = None

    def set_language(self, lang: str) -> bool:
        global _current
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
        app = QCoreApplication.instance()
        for old in (self._translator, self._qt_translator):
            if old is not None:
                app.removeTranslator(old)
        self._translator = self._qt_translator = None
        ok = True
        if lang != "en":
            tr = QTranslator(self)
            ok = tr.load(str(ASSETS / f"inspector_{lang}.qm"))
            if ok:
                app.installTranslator(tr)
                self._translator = tr
                # Qt's own texts (the standard Close / OK / Cancel buttons, context menus) from
                # the translations PySide6 ships
                qt = QTranslator(self)
                if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                    app.installTranslator(qt)
                    self._qt_translator = qt
        _current = lang if ok else "en"
        clear_caches()
        self.changed.emit(_current)
        return ok

    def toggle(self) -> str:
        self.set_language("ja" if _current == "en" else "en")
        return _current


# ---- messages of the core ---------------------------------------------------------------------
def core_text(value) -> str:
    """A core message in the current language: a ``Message`` by its template and params, a plain
    English text by the template it was made from (unknown text is returned as it is)."""
    if value is None:
        return ""
    if _current == "en":
        return str(value)
    template = getattr(value, "template", None)
    if template is not None:
        return _render(template, value.params)
    return _translate_text(str(value))


def _render(template: str, params: dict) -> str:
    translated = QCoreApplication.translate("core", template)
    return render(translated, {k: core_text(v) if isinstance(v, str) else v for k, v in params.items()})


@lru_cache(maxsize=1)
def _patterns() -> tuple[dict[str, str], list[tuple[str, list, list, int]]]:
    """Templates without params (by text) and the others as token lists, most literal text first."""
    plain: dict[str, str] = {}
    shaped = []
    for t in TEMPLATES:
        if not PLACEHOLDER.search(t):
            plain[t] = t
            continue
        tokens, pos = [], 0
        for m in PLACEHOLDER.finditer(t):
            if m.start() > pos:
                tokens.append(("lit", t[pos:m.start()]))
            tokens.append(("param", m.group(1)))
            pos = m.end()
        if pos < len(t):
            tokens.append(("lit", t[pos:]))
        literals = [v for k, v in tokens if k == "lit"]
        shaped.append((t, tokens, literals, sum(_letters(v) for v in literals)))
    shaped.sort(key=lambda x: -x[3])
    return plain, shaped


def _splits(tokens: list, text: str, at: int, bound: dict):
    """Every way ``text[at:]`` fills ``tokens`` (params take at least one character)."""
    if not tokens:
        if at == len(text):
            yield dict(bound)
        return
    kind, value = tokens[0]
    if kind == "lit":
        if text.startswith(value, at):
            yield from _splits(tokens[1:], text, at + len(value), bound)
        return
    if value in bound:
        if text.startswith(bound[value], at):
            yield from _splits(tokens[1:], text, at + len(bound[value]), bound)
        return
    if len(tokens) == 1:
        if at < len(text):
            yield from _splits([], text, len(text), {**bound, value: text[at:]})
        return
    nxt = tokens[1][1]
    start = text.find(nxt, at + 1)
    while start != -1:
        yield from _splits(tokens[1:], text, start, {**bound, value: text[at:start]})
        start = text.find(nxt, start + 1)


def _translate_text(text: str) -> str:
    """Lines and "; "-joined messages (a list of problems shown as one text) one by one."""
    whole = _best(text)
    sep = "\n" if "\n" in text else "; "
    if whole[0] == _letters(text) or sep not in text:
        return whole[2]
    return sep.join(_translate_text(part) for part in text.split(sep))


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


@lru_cache(maxsize=8192)
def _best(text: str) -> tuple[int, int, str]:
    """The reading of ``text`` by the templates: (letters explained, params read in full,
    translation); the best explains the most letters, then reads the most params in full ("R: 2
    open" is rule R with detail "2 open", not "R: 2" followed by "open"). A template of
    punctuation and params only (``{first}, {rest}``, ``{rule}: {detail}``) reads a text only where
    each of its params has words and one of them is known: free text and "5, 5" stay as they are."""
    plain, shaped = _patterns()
    if text in plain:
        return _letters(text), 0, QCoreApplication.translate("core", text)
    best = (0, 0, text)
    for template, tokens, literals, worded in shaped:
        if not all(lit in text for lit in literals):
            continue
        for n, params in enumerate(_splits(tokens, text, 0, {})):
            if n >= 16:
                break
            if not worded and not all(_letters(v) for v in params.values()):
                continue
            parts = {k: _best(v) for k, v in params.items()}
            known = sum(p[0] for p in parts.values())
            if not worded and not known:
                continue
            score = (worded + known, sum(1 for k, p in parts.items() if p[0] == _letters(params[k])))
            if score > best[:2]:
                best = (*score, render(QCoreApplication.translate("core", template),
                                       {k: p[2] for k, p in parts.items()}))
    return best


def clear_caches() -> None:
    _best.cache_clear()


# ---- countries and regions --------------------------------------------------------------------
def country_name(code: str) -> str:
    """The name of an MRZ nationality / issuing-state code in the current language."""
    return nationality.display_name(code, _current)
