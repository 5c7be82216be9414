"""The committed modules in inspector_app/app/forms/ are what ui/*.ui and resources/inspector.qrc
compile to today: a form edited in Designer without `python build/compile_resources.py` fails here."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _builder():
    spec = importlib.util.spec_from_file_location("compile_resources", ROOT / "build" / "compile_resources.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_form_and_the_resources_are_compiled_and_current():
    build = _builder()
    expected = build.generated()
    assert expected, "ui/ holds no forms and resources/ no .qrc"
    stale = [p.relative_to(ROOT).as_posix() for p, data in expected.items()
             if not p.exists() or p.read_bytes() != data]
    assert not stale, f"run `python build/compile_resources.py`: stale or missing {stale}"


def test_no_compiled_form_is_left_without_its_source():
    build = _builder()
    expected = set(build.generated())
    orphans = [p.name for p in (ROOT / "inspector_app" / "app" / "forms").glob("*.py")
               if p.name != "__init__.py" and p not in expected]
    assert not orphans, f"generated modules without a source in ui/ or resources/: {orphans}"
