#!/usr/bin/env bash
# Build the one-folder desktop bundle with PyInstaller into $BUNDLE_OUT/dist/inspector-app/.
# BUNDLE_OUT defaults to build/ (its work/ and dist/ are git-ignored), so build/ keeps only sources;
# point it elsewhere (e.g. /tmp/inspector-bundle) to keep the checkout clean and small.
#   bash build/bundle.sh            build
#   bash build/bundle.sh --check    build, then run the bundle's `--help` and an MRZ parse headless
# PYTHON selects the interpreter that has the project and PyInstaller installed
# (default: .venv/bin/python of this checkout, else python3 on PATH). BUNDLE_COMPILE: see below.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${BUNDLE_OUT:-$ROOT/build}"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
[ -x "$PY" ] || PY="$(command -v python3)"
"$PY" -c "import PyInstaller" 2>/dev/null || { echo "PyInstaller is not installed for $PY (set PYTHON)" >&2; exit 2; }
# BUNDLE_COMPILE=0 bundles the committed forms and translations as they are, without rewriting
# them in the checkout: the test suite builds this way (tests/ui/test_forms_current.py checks that
# they are current, which a rewrite during the run would hide; the build runs beside the tests).
[ "${BUNDLE_COMPILE:-1}" = 0 ] || "$PY" "$ROOT/build/compile_resources.py"
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean \
  --workpath "$OUT/work" --distpath "$OUT/dist" \
  "$ROOT/build/inspector.spec"
APP="$OUT/dist/inspector-app/inspector-app"
echo "built $APP in $(( $(date +%s) - start )) s, $(du -sh "$OUT/dist/inspector-app" | cut -f1)"
if [ "${1:-}" = "--check" ]; then
  export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
  "$APP" --help >/dev/null
  "$APP" mrz parse --json 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<' \
    'L898902C36UTO7408122F1204159ZE184226B<<<<<10' >/dev/null
  echo "bundle runs: $APP"
fi
