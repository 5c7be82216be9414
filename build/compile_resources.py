"""Bring ui/ and resources/ into the package (the MusicBrainz Picard layout).

- ``ui/<name>.ui`` (Qt Designer forms) -> ``inspector_app/app/forms/ui_<name>.py`` (pyside6-uic);
- ``resources/inspector.qrc`` (icons) -> ``inspector_app/app/forms/inspector_rc.py`` (pyside6-rcc;
  the name pyside6-uic imports for a form that uses the .qrc's icons: ``<qrc name>_rc``);
- ``resources/translations/*.ts`` -> ``inspector_app/app/assets/*.qm`` (pyside6-lrelease).

The generated modules are committed (small), so a plain ``pip install`` works without Qt's tools;
``tests/ui/test_forms_current.py`` fails when a committed module differs from what its source
compiles to today. The stylesheet has a single copy, edited in place:
inspector_app/app/assets/inspector.qss. Run this after editing a form, an icon or a .ts:
    python build/compile_resources.py          # compile forms, resources, translations
    python build/compile_resources.py --update # first refresh the .ts from the sources (lupdate)
"""
from __future__ import annotations

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


def update_ts() -> None:
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
    for qm in compile_qm():
        print(f"compiled {qm.relative_to(ROOT)}")
