"""Bring ui/ and resources/ into the package (the MusicBrainz Picard layout).

- ``ui/<name>.ui`` (Qt Designer forms) -> ``inspector_app/app/forms/ui_<name>.py`` (pyside6-uic);
- ``resources/inspector.qrc`` (icons) -> ``inspector_app/app/forms/inspector_rc.py`` (pyside6-rcc;
  the name pyside6-uic imports for a form that uses the .qrc's icons: ``<qrc name>_rc``);
- ``resources/translations/*.ts`` -> ``inspector_app/app/assets/*.qm`` (pyside6-lrelease);
- with ``--update``: the message templates of the Qt-free core (``msg("...")`` and
  ``Rule(code, "...")`` calls, and the status of residence names) ->
  ``inspector_app/app/core_messages.py`` (Qt context "core"), then pyside6-lupdate refreshes the
  .ts from the app's sources, that module and the forms.

The generated modules are committed (small), so a plain ``pip install`` works without Qt's tools;
``tests/ui/test_forms_current.py`` fails when a committed module differs from what its source
compiles to today. The stylesheet has a single copy, edited in place:
inspector_app/app/assets/inspector.qss. Run this after editing a form, an icon or a .ts:
    python build/compile_resources.py          # compile forms, resources, translations
    python build/compile_resources.py --update # first refresh the .ts from the sources (lupdate),
                                               # fill them from the glossaries, then compile
``--update`` runs ``resources/translations/fill_<lang>.py`` after lupdate: it fills the new strings
its glossary knows and lists those it does not (add them to its glossary, or translate them in
pyside6-linguist, and run again). tests/ui/test_translations.py names any string still missing.
"""
from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "resources"
UI = ROOT / "ui"
ASSETS = ROOT / "inspector_app" / "app" / "assets"
FORMS = ROOT / "inspector_app" / "app" / "forms"
QRC = SRC / "inspector.qrc"
CORE_MESSAGES = ROOT / "inspector_app" / "app" / "core_messages.py"
#: Calls whose string argument (by position) is a message template of the core.
MARKERS = {"msg": 0, "Rule": 1}


def tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (it ships {name}) into this Python")
    return found


def form_target(ui: Path) -> Path:
    return FORMS / f"ui_{ui.stem}.py"


def compile_form(ui: Path) -> str:
    """The Python module pyside6-uic makes from one form (resources import from the package)."""
    out = subprocess.run([tool("pyside6-uic"), "--from-imports", str(ui)], check=True,
                         capture_output=True, text=True).stdout
    return out


def compile_qrc() -> bytes:
    """Format version 1 carries no file times, so a fresh clone compiles to the same bytes."""
    return subprocess.run([tool("pyside6-rcc"), "-g", "python", "--format-version", "1", str(QRC)], check=True,
                          capture_output=True).stdout


def generated() -> dict[Path, bytes]:
    """Every generated module and the bytes it should hold."""
    out: dict[Path, bytes] = {}
    for ui in sorted(UI.glob("*.ui")):
        out[form_target(ui)] = compile_form(ui).encode("utf-8")
    if QRC.exists():
        out[FORMS / f"{QRC.stem}_rc.py"] = compile_qrc()
    return out


def write_forms() -> list[Path]:
    FORMS.mkdir(parents=True, exist_ok=True)
    init = FORMS / "__init__.py"
    if not init.exists():
        init.write_text('"""Modules generated from ui/*.ui and resources/inspector.qrc by '
                        'build/compile_resources.py: do not edit."""\n', encoding="utf-8")
    written = []
    for path, data in generated().items():
        path.write_bytes(data)
        written.append(path)
    return written


def core_templates() -> list[str]:
    """Every message template of the Qt-free core, from the source (not the app, not the forms)."""
    found: set[str] = set()
    for path in sorted((ROOT / "inspector_app").rglob("*.py")):
        if "app" in path.relative_to(ROOT / "inspector_app").parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            at = MARKERS.get(name)
            if at is None or len(node.args) <= at:
                continue
            arg = node.args[at]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
            elif name == "msg":
                raise SystemExit(f"{path}:{node.lineno}: msg() needs a string literal as its template")
    sys.path.insert(0, str(ROOT))
    from inspector_app.domain import statuses

    found.update(s.name_en for s in statuses.CATALOGUE)
    return sorted(found)


def demo_titles() -> list[str]:
    """What each demo traveller shows (the Demo menu), from the demo's data."""
    import csv

    with (ROOT / "inspector_app" / "app" / "demo_data" / "travellers.csv").open(encoding="utf-8", newline="") as f:
        rows = [row["what"] for row in csv.DictReader(f)]
    sys.path.insert(0, str(ROOT))
    from inspector_app.app.demo import ALTERED_CHIP_WHAT  # the Demo menu's entry that is no row of its own

    return [*rows, ALTERED_CHIP_WHAT]


def core_messages_module() -> str:
    def literal(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    lines = ['"""Message templates of the Qt-free core (``domain.messages.msg``, ``domain.rules.Rule``) and the',
             'status of residence names, for the translation (context "core") and for finding the template of',
             'a stored English text (``app.i18n.core_text``); the demo travellers\' titles (context "Demo").',
             'Generated by build/compile_resources.py --update: do not edit."""',
             "from PySide6.QtCore import QT_TRANSLATE_NOOP",
             "",
             "TEMPLATES = ("]
    lines += [f'    QT_TRANSLATE_NOOP("core", {literal(t)}),' for t in core_templates()]
    lines += [")", "", "DEMO_TITLES = ("]
    lines += [f'    QT_TRANSLATE_NOOP("Demo", {literal(t)}),' for t in demo_titles()]
    lines += [")", ""]
    return "\n".join(lines)


def update_ts() -> None:
    CORE_MESSAGES.write_text(core_messages_module(), encoding="utf-8")
    sources = sorted(str(p) for p in (ROOT / "inspector_app").rglob("*.py") if "forms" not in p.parts)
    sources += sorted(str(p) for p in UI.glob("*.ui"))
    for ts in sorted((SRC / "translations").glob("*.ts")):
        subprocess.run([tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(ts)], check=True)


def compile_qm() -> list[Path]:
    ASSETS.mkdir(parents=True, exist_ok=True)
    out = []
    for ts in sorted((SRC / "translations").glob("*.ts")):
        qm = ASSETS / (ts.stem + ".qm")
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                       stdout=subprocess.DEVNULL)
        out.append(qm)
    return out


if __name__ == "__main__":
    for p in write_forms():
        print(f"compiled {p.relative_to(ROOT)}")
    if "--update" in sys.argv:
        update_ts()
        for fill in sorted((SRC / "translations").glob("fill_*.py")):
            subprocess.run([sys.executable, str(fill)], check=True)
    for qm in compile_qm():
        print(f"compiled {qm.relative_to(ROOT)}")
