#!/usr/bin/env bash
# Build the one-folder desktop bundle with PyInstaller into build/dist/inspector-app/.
# PyInstaller's work files go to build/work (both git-ignored), so build/ keeps only sources.
#   bash build/bundle.sh            build
#   bash build/bundle.sh --check    build, then run the bundle's `--help` once headless
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
[ -x "$PY" ] || PY="$(command -v python3)"
"$PY" "$ROOT/build/compile_resources.py"
"$PY" -m PyInstaller --noconfirm --clean \
  --workpath "$ROOT/build/work" --distpath "$ROOT/build/dist" \
  "$ROOT/build/inspector.spec"
if [ "${1:-}" = "--check" ]; then
  QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 "$ROOT/build/dist/inspector-app/inspector-app" --help >/dev/null
  echo "bundle runs: $ROOT/build/dist/inspector-app/inspector-app"
fi
