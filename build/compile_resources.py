"""Bring resources/ into the package: compile .ts -> .qm (pyside6-lrelease).

Translation sources stay in resources/ (edited by people and tools); what the application loads
at run time lives in inspector_app/app/assets/ and is committed (small), so a plain `pip install`
works without this step. The stylesheet has a single copy, edited in place:
inspector_app/app/assets/inspector.qss. Run this after editing a .ts:
    python build/compile_resources.py          # compile + copy
    python build/compile_resources.py --update # first refresh the .ts from the sources (lupdate)
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "resources"
ASSETS = ROOT / "inspector_app" / "app" / "assets"


def tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (it ships {name}) into this Python")
    return found


def update_ts() -> None:
    sources = sorted(str(p) for p in (ROOT / "inspector_app" / "app").rglob("*.py"))
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
    if "--update" in sys.argv:
        update_ts()
    for qm in compile_qm():
        print(f"compiled {qm.relative_to(ROOT)}")
