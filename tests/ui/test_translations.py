"""Every string a person sees has Japanese: in the translation source, and on the real screens.

1. lupdate, run now on the sources (the app, the forms, the core's message templates), finds no
   string without a finished Japanese translation in resources/translations/inspector_ja.ts, and
   every translation keeps its placeholders; the core's templates and the .qm are current.
2. The real window in Japanese, walked through sign-in, a clean traveller's document and
   fingerprints, a traveller with a watchlist hit and the supervisor's review, shows no English
   word on any visible widget (labels, buttons, group titles, tables, lists, combo boxes, tooltips, menus,
   window title, status bar) other than the allowed tokens: data read from the MRZ or the
   lists, codes, units and acronyms that stay in Latin letters.

When this fails after strings were added, refresh the translation:
    python build/compile_resources.py --update
(lupdate, then resources/translations/fill_ja.py, then the .qm) and add the Japanese the fill
script reports missing to its glossary.
"""
from __future__ import annotations

import importlib.util
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "inspector_ja.ts"
QM = ROOT / "inspector_app" / "app" / "assets" / "inspector_ja.qm"
REFRESH = "`python build/compile_resources.py --update` (then add what resources/translations/fill_ja.py lists)"


def _builder():
    spec = importlib.util.spec_from_file_location("compile_resources", ROOT / "build" / "compile_resources.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) -> the finished translation, or None when unfinished or empty."""
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            text = "".join(tr.itertext()).strip() if tr is not None else ""
            finished = tr is not None and tr.get("type") not in ("unfinished", "vanished", "obsolete")
            out[(name, m.findtext("source") or "")] = text if finished and text else None
    return out


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{\w+\}|%(?:[sdn]|\d)", text))


# ---- 1. the translation source --------------------------------------------------------------------
def test_the_core_message_templates_are_collected_and_current():
    build = _builder()
    module = ROOT / "inspector_app" / "app" / "core_messages.py"
    assert module.read_text(encoding="utf-8") == build.core_messages_module(), \
        f"the core's message templates changed: run {REFRESH}"


def test_core_templates_have_only_named_placeholders():
    # the window puts params back by name: a format spec ({x:.2f}) or a positional {} would not survive
    bad = [t for t in _builder().core_templates() if "{" in re.sub(r"\{\w+\}", "", t) or "}" in re.sub(r"\{\w+\}", "", t)]
    assert not bad, f"templates with other than {{name}} placeholders: {bad}"


def test_stored_english_texts_are_shown_in_japanese(qapp):
    """What the store gives back is plain English text: the window finds its templates."""
    from inspector_app.app import i18n
    from inspector_app.domain import rules
    from inspector_app.domain.messages import msg

    languages = i18n.Languages()
    assert languages.set_language("ja")
    try:
        expired = rules.finding("document.expired", msg("expired {expiry}, examined {date}", expiry="2020-01-01",
                                                        date="2026-01-01"))
        stored = str(expired.message)
        assert type(stored) is str
        assert i18n.core_text(stored) == "旅券は審査日に有効期限が切れています: 有効期限 2020-01-01、審査日 2026-01-01"
        assert i18n.core_text(expired.message) == i18n.core_text(stored)
        opened = str(rules.finding("hit.open", msg("{count} open", count=2)).message)   # ": " inside the rule too
        assert i18n.core_text(opened) == ("要注意人物リストまたは旅券の該当が未解除です。先に統括審査官の解除が必要です"
                                          ": 未解除 2 件")
        assert i18n.core_text("left index finger: bandaged after an injury") == "左手人差し指: bandaged after an injury"
        assert i18n.core_text("Smith, John") == "Smith, John"   # free text is left alone
        assert i18n.core_text("surname WATSON ~ WATSEN: sounds alike (Metaphone)") == \
            "姓 WATSON ≒ WATSEN: 発音が類似（Metaphone）"
        garbage = str(msg("this is not a machine readable zone: {problem}", problem=msg(
            "not an MRZ: expected 3 lines of 30 (TD1), 2 lines of 36 (TD2, MRV-B) or 2 lines of 44 "
            "(TD3, MRV-A) characters; got {lines} line(s) of {lengths}", lines=2, lengths="5, 5")))
        assert i18n.core_text(garbage).endswith("が必要ですが、2 行（5, 5 文字）です")
    finally:
        languages.set_language("en")
    assert i18n.core_text(stored) == stored


def test_every_source_string_has_a_finished_japanese_translation(tmp_path):
    build = _builder()
    fresh = tmp_path / "now.ts"
    sources = sorted(str(p) for p in (ROOT / "inspector_app").rglob("*.py") if "forms" not in p.parts)
    sources += sorted(str(p) for p in (ROOT / "ui").glob("*.ui"))
    subprocess.run([build.tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(fresh)], check=True,
                   capture_output=True)
    found = _messages(fresh)
    assert len(found) > 300, f"lupdate found only {len(found)} strings: is the extraction broken?"
    assert any(ctx == "core" for ctx, _ in found), "no message of the core (context 'core') was extracted"
    committed = _messages(TS)
    missing = sorted(f"[{ctx}] {src!r}" for ctx, src in found if not committed.get((ctx, src)))
    assert not missing, (f"{len(missing)} string(s) without a finished Japanese translation in {TS.name} "
                         f"(run {REFRESH}):\n" + "\n".join(missing))
    broken = sorted(f"[{ctx}] {src!r} -> {committed[(ctx, src)]!r}" for ctx, src in found
                    if _placeholders(committed[(ctx, src)]) != _placeholders(src))
    assert not broken, "translations that lose or add a placeholder:\n" + "\n".join(broken)


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path):
    build = _builder()
    fresh = tmp_path / "now.qm"
    subprocess.run([build.tool("pyside6-lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert QM.read_bytes() == fresh.read_bytes(), "run `python build/compile_resources.py`: the .qm is stale"


def test_every_country_and_region_has_a_japanese_name():
    from inspector_app.domain import nationality

    missing = [c for c in nationality.all_codes() if not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]",
                                                                     nationality.display_name(c, "ja"))]
    assert not missing, f"codes without a Japanese name: {missing}"
    assert nationality.display_name("TWN", "ja") == "台湾（地域）"
    assert nationality.display_name("D<<", "ja") == "ドイツ"


# ---- 2. the screens in Japanese -------------------------------------------------------------------
#: Latin words that stay as they are on a Japanese screen: acronyms, codes, units, key names,
#: product and method names, and the language switch's own "English".
ALLOWED = {
    "MRZ", "ICAO", "SLTD", "TD",  # TD1/TD2/TD3: ICAO's names of the MRZ formats
    "PDF", "QR", "ID", "OK", "SBI", "UTC", "JST", "px", "Ctrl", "Alt", "Shift", "Enter",
    "Tab", "Esc", "PgUp", "PgDn", "Del", "English", "Metaphone", "Jaro", "Winkler", "ICPO", "CARICOM", "UNMIK",
    # the passport's chip: IC旅券 is the Japanese term (MOFA); the protocols keep ICAO 9303's names
    "IC", "BAC", "PACE", "CAN", "DG",
}
WORD = re.compile(r"[A-Za-z]{2,}")
COMMAND = re.compile(r"inspector-app(?: --?[a-z-]+| [a-z]+)*")   # a command line named in a message


def _texts(window) -> list[tuple[str, str]]:
    """(where, text) of everything visible in the window, its menus and its status bar."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QListWidget,
        QPlainTextEdit,
        QTableWidget,
        QTabWidget,
        QWidget,
    )

    out = [("windowTitle", window.windowTitle()), ("statusBar", window.statusBar().currentMessage())]
    for menu_action in window.menuBar().actions():
        out.append((f"menu {menu_action.text()}", menu_action.text()))
        if menu_action.menu() is not None:
            for a in menu_action.menu().actions():
                out += [(f"menu item {a.objectName() or a.text()}", a.text()),
                        (f"menu item tooltip {a.objectName()}", a.toolTip() if a.toolTip() != a.text().replace("&", "")
                         else "")]
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.window() is not window:
            continue
        name = w.objectName() or f"{type(w).__name__} in {w.parent().objectName() or type(w.parent()).__name__}"
        if w.toolTip():
            out.append((f"{name} (tooltip)", w.toolTip()))
        if isinstance(w, QLabel) and w.pixmap().isNull():
            out.append((name, w.text()))
        elif isinstance(w, QAbstractButton):
            out.append((name, w.text()))
        elif isinstance(w, QGroupBox):
            out.append((name, w.title()))
        elif isinstance(w, QLineEdit):
            if not w.text():
                out.append((f"{name} (placeholder)", w.placeholderText()))
        elif isinstance(w, QPlainTextEdit):
            if not w.toPlainText():
                out.append((f"{name} (placeholder)", w.placeholderText()))
        elif isinstance(w, QComboBox):
            out += [(f"{name} item {i}", w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QListWidget):
            out += [(f"{name} row {i}", w.item(i).text()) for i in range(w.count())]
        elif isinstance(w, QTableWidget):
            for c in range(w.columnCount()):
                header = w.horizontalHeaderItem(c)
                if header is not None and not w.isColumnHidden(c):
                    out.append((f"{name} header {c}", header.text()))
            out += [(f"{name} cell {r},{c}", w.item(r, c).text()) for r in range(w.rowCount())
                    for c in range(w.columnCount()) if w.item(r, c) is not None and not w.isColumnHidden(c)]
        elif isinstance(w, QTabWidget):
            out += [(f"{name} tab {i}", w.tabText(i)) for i in range(w.count())]
    return [(where, text) for where, text in out if text]


def _data_tokens(window) -> set[str]:
    """Words that are data, not interface: what the MRZ and the lists say, users, booth, port,
    people named in the examination and the saved record's reference."""
    vm = window.exam_vm
    values = [str(v) for v in vm.traveller.values()]
    for c in vm.checks:
        values += [str(c.get(k) or "") for k in ("list", "record", "subject_id")]
    detail = window.supervisor_vm.detail or {}
    values += [str(v) for v in (detail.get("traveller") or {}).values()]
    for c in detail.get("check_results") or []:
        values += [str(c.get(k) or "") for k in ("list", "record", "subject_id")]
    for q in window.supervisor_vm.queue or []:
        values += [str(v) for v in (q.get("traveller") or {}).values()]
        values += [str(q.get(k) or "") for k in ("traveller_name", "inspector", "booth", "examination_id")]
    user = window.session.user or {}
    values += [str(user.get("user") or ""), str(user.get("display_name") or ""), str(window.backend.ctx.booth_id),
               str(window.backend.ctx.port)]
    values += _listed_reasons(window)
    values += [str(name) for name in (detail.get("people") or {}).values()]   # who examined / reviewed
    from inspector_app.booth.seal import short_reference

    if vm.saved_record:   # the saved record's reference ("950D-CF44")
        values.append(short_reference(vm.saved_record.get("record_id") or ""))
    from inspector_app.screening import name_variants

    values += list(name_variants.GROUP_OF.values())   # a name's spelling group ("spelling variant of SERGEY")
    return {t for v in values for t in WORD.findall(v)}


def _listed_reasons(window) -> list[str]:
    """The free text of the lists (why a person is listed): data, shown as the list has it."""
    out = []
    for c in list(window.exam_vm.checks) + list((window.supervisor_vm.detail or {}).get("check_results") or []):
        for r in c.get("reasons") or []:
            if str(r).startswith("listed: "):
                out.append(str(r)[len("listed: "):])
    return out


def _english(window, screen: str) -> list[str]:
    allowed = ALLOWED | _data_tokens(window)
    bad = []
    for where, text in _texts(window):
        words = [w for w in WORD.findall(COMMAND.sub("", text)) if w not in allowed and w.upper() not in allowed]
        if words:
            bad.append(f"{screen}: {where}: {text!r} (English: {', '.join(words)})")
    return bad


@pytest.mark.timeout(300)
def test_the_screens_in_japanese_show_no_english_word(booth):
    window, d = booth
    assert window.languages.set_language("ja")
    try:
        d.wait(lambda: window.login_screen.button.text() == "ログイン", "the Japanese texts")
        bad = _english(window, "sign-in")
        d.login("inspector1", "demo-inspector")
        d.present("clean")
        d.capture_fingers()   # the finger table: finger names, quality, result
        d.decide("landing_permission", "temporary_visitor", "90d")
        assert window.exam_screen.decision.period.currentText() == "90日"
        bad += _english(window, "examination, clean document read, fingerprints captured")
        d.capture_face()
        assert d.save(), "the clean traveller's landing permission is saved"
        bad += _english(window, "examination, saved")
        d.next()   # saved: no leave confirmation
        d.present("watchlist_name")
        assert any(c["outcome"] == "hit" for c in window.exam_vm.checks), window.exam_vm.checks
        window.exam_screen.checks.list.setCurrentRow(
            next(i for i, c in enumerate(window.exam_vm.checks) if c["outcome"] == "hit"))
        d.decide("landing_permission", "temporary_visitor", "30d")
        bad += _english(window, "examination, watchlist hit")
        exam_id = window.exam_vm.examination_id
        d.logout()
        d.login("supervisor1", "demo-supervisor")
        vm = window.supervisor_vm
        d.wait(lambda: any(q["examination_id"] == exam_id for q in vm.queue), "the queue")
        row = next(i for i, q in enumerate(vm.queue) if q["examination_id"] == exam_id)
        window.supervisor_screen.queue.selectRow(row)
        d.wait(lambda: vm.detail.get("examination_id") == exam_id, "the detail")
        bad += _english(window, "supervisor")
    finally:
        window.languages.set_language("en")
    assert not bad, f"{len(bad)} visible text(s) in English on the Japanese screens:\n" + "\n".join(bad)
