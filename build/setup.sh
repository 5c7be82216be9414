#!/usr/bin/env bash
# One entry point for a fresh Debian machine: installs what the booth needs, then runs it.
#   bash build/setup.sh demo    install everything, start the app on the embedded demo setup
#   bash build/setup.sh test    install everything, check the code's shape (ruff, import contracts),
#                               run the whole test suite
#   bash build/setup.sh install install only
# System libraries (Qt's xcb plugin, PostgreSQL for the hub tests, a CJK font) are installed with
# apt-get when run as root; otherwise the missing ones are named with the command to install them.
# Before anything is installed, `preflight` checks what the install and the mode need (Python,
# disk space, system packages present or installable, a display for the demo) and stops with what
# to do; PyPI being unreachable is only a warning (a mirror or proxy may be configured for pip).
# The demo needs nothing beside the clone: its images ship in the package or are made at start.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODE="${1:-install}"; shift || true
VENV="${INSPECTOR_VENV:-$ROOT/.venv}"

pick_python() {
  for c in "${PYTHON:-}" python3.11 python3.12 python3.13 python3; do
    [ -n "$c" ] || continue
    if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$c"; return 0
    fi
  done
  echo "error: Python 3.11 or newer is needed (apt-get install python3 python3-venv)" >&2; return 1
}

SYS_PKGS_COMMON="python3-venv libglib2.0-0 libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 fonts-ipafont-gothic fonts-nanum"  # nanum: the bio-cart kiosk's Korean
# The passport chip over PC/SC: pcscd (the service readers plug into), vsmartcard-vpcd (its virtual
# reader, where the project's chip simulator sits for the demo and the tests), and swig +
# libpcsclite-dev, which pip needs to build pyscard (it has no Linux wheel).
SYS_PKGS_CHIP="pcscd vsmartcard-vpcd swig libpcsclite-dev"
SYS_PKGS_GUI="libx11-xcb1 libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0"
SYS_PKGS_TEST="postgresql xvfb openbox xdotool x11-utils imagemagick binutils"  # binutils: PyInstaller reads ELF files with objdump; openbox, xdotool, x11-utils (xwininfo, xprop), imagemagick (import): tests/ui/test_real_window.py

NEED_DISK_MB=3000  # the virtual environment (~1.5 GB) and pip's downloads while installing

missing_system_packages() {
  command -v dpkg >/dev/null 2>&1 || return 0  # not Debian: check_qt still names a missing library
  local want="$SYS_PKGS_COMMON $SYS_PKGS_CHIP"
  case "$MODE" in demo) want="$want $SYS_PKGS_GUI";; test) want="$want $SYS_PKGS_TEST";; esac
  for p in $want; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done
}

venv_current() {
  [ -f "$VENV/.inspector-installed" ] && [ "$(cat "$VENV/.inspector-installed")" = "$(install_digest)" ] &&
    "$VENV/bin/python" -c 'import inspector_app, face_recognition' 2>/dev/null
}

install_digest() { cat "$ROOT/pyproject.toml" "$ROOT/build/setup.sh" | sha256sum | cut -c1-16; }

fail() { echo "error: $1" >&2; shift; for line in "$@"; do echo "       $line" >&2; done; exit 1; }

# Everything the long install and the chosen mode need, checked first (seconds, not minutes).
preflight() {
  case "$MODE" in install|demo|test) ;; *) echo "usage: bash build/setup.sh [install|demo|test] [args...]" >&2; exit 2;; esac
  pick_python >/dev/null || exit 1
  if [ "$MODE" = demo ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    fail "the demo opens a window and there is no display (DISPLAY and WAYLAND_DISPLAY are empty)" \
         "run it in a desktop session, or under Xvfb: Xvfb :1 & DISPLAY=:1 bash build/setup.sh demo"
  fi
  local missing; missing="$(missing_system_packages | tr '\n' ' ')"; missing="${missing% }"
  if [ -n "$missing" ]; then
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
      fail "these Debian packages are needed for '$MODE' and missing: $missing" \
           "install them with: sudo apt-get install $missing" "then run this again"
    fi
  fi
  venv_current && return 0
  local dir="$VENV"; while [ ! -d "$dir" ]; do dir="$(dirname "$dir")"; done
  local free_mb; free_mb="$(df -Pm "$dir" | awk 'NR == 2 {print $4}')"
  if [ -n "$free_mb" ] && [ "$free_mb" -lt "$NEED_DISK_MB" ]; then
    fail "installing needs about $NEED_DISK_MB MB free where the environment goes ($dir): $free_mb MB are" \
         "free some space, or set INSPECTOR_VENV to a folder on a larger disk"
  fi
  local py; py="$(pick_python)"
  # pip configured with its own index, mirror or wheel folder: PyPI itself need not be reachable
  if ! "$py" -m pip config list 2>/dev/null | grep -qiE '(index-url|find-links|no-index)=' &&
     ! "$py" -c 'import urllib.request; urllib.request.urlopen("https://pypi.org/simple/pip/", timeout=8)' 2>/dev/null; then
    echo "warning: https://pypi.org cannot be reached from here; the install will fail unless pip has a mirror or proxy" >&2
  fi
}

ensure_system_packages() {
  local missing; missing="$(missing_system_packages | tr '\n' ' ')"
  [ -n "${missing// /}" ] || return 0
  # preflight has stopped unless this runs as root with apt-get
  echo "installing system packages: $missing"
  export DEBIAN_FRONTEND=noninteractive
  # shellcheck disable=SC2086 # one word per package
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $missing >/dev/null ||
    fail "apt-get could not install: $missing" "run: apt-get install $missing (as root) to see why"
}

ensure_venv() {
  venv_current && return 0
  local py; py="$(pick_python)"
  [ -x "$VENV/bin/python" ] || "$py" -m venv "$VENV"
  local pip=("$VENV/bin/python" -m pip install --disable-pip-version-check -q)
  "${pip[@]}" 'setuptools<82' wheel
  "${pip[@]}" -e "$ROOT[dev]"
  # face_recognition's metadata requires the dlib sdist; dlib-bin (a dependency above) provides it.
  "${pip[@]}" --no-deps 'face_recognition==1.3.0'
  # face_recognition quits with exit status 0 when its models cannot load: check it really imports.
  "$VENV/bin/python" -c 'import face_recognition, face_recognition_models, os, sys
p = face_recognition_models.face_recognition_model_location()
sys.exit(0 if os.path.exists(p) else "face_recognition models missing: " + p)'
  # pyscard was compiled just now against libpcsclite: check it loads before saying it installed
  "$VENV/bin/python" -c 'import smartcard.scard' ||
    fail "pyscard (PC/SC for the chip reader) did not build or load" "it needs the Debian packages: $SYS_PKGS_CHIP"
  install_digest > "$VENV/.inspector-installed"
}

# Qt loads system libraries at run time, after pip has long finished: check them now and say which
# Debian package is missing instead of letting the app or pytest-qt die on an ImportError.
check_qt() {
  local err
  if ! err="$(QT_QPA_PLATFORM=offscreen "$VENV/bin/python" -c 'from PySide6 import QtGui, QtWidgets, QtPrintSupport' 2>&1)"; then
    echo "error: Qt cannot load a system library: $(echo "$err" | tail -n 1)" >&2
    echo "       install the Debian packages named above (as root this script does it), e.g.:" >&2
    echo "       sudo apt-get install $SYS_PKGS_COMMON" >&2
    exit 1
  fi
  if [ "$MODE" = demo ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    local xcb
    xcb="$("$VENV/bin/python" -c 'import PySide6, os; print(os.path.join(os.path.dirname(PySide6.__file__), "Qt", "plugins", "platforms", "libqxcb.so"))')"
    if [ -f "$xcb" ] && ldd "$xcb" | grep -q "not found"; then
      echo "error: Qt's X11 (xcb) plugin is missing: $(ldd "$xcb" | awk '/not found/ {print $1}' | tr '\n' ' ')" >&2
      echo "       install them with: sudo apt-get install $SYS_PKGS_GUI" >&2
      exit 1
    fi
  fi
}

preflight
ensure_system_packages
ensure_venv
check_qt
export PATH="$VENV/bin:$PATH"

case "$MODE" in
  install) echo "installed into $VENV" ;;
  demo)
    exec "$VENV/bin/inspector-app" demo "$@" ;;
  test)
    cd "$ROOT"
    # With INSPECTOR_TEST_BUNDLE=1 (CI) the PyInstaller bundle builds on the other core while the
    # checks and tests below run; tests/test_bundle.py runs last, waits for it and checks it.
    if [ "${INSPECTOR_TEST_BUNDLE:-}" = 1 ] && [ -z "${INSPECTOR_BUNDLE_DIR:-}" ]; then
      bundle_out="$(mktemp -d "${TMPDIR:-/tmp}/inspector-bundle.XXXXXX")"
      setsid bash -c 'BUNDLE_COMPILE=0 PYTHON="$1" BUNDLE_OUT="$2" bash "$3/build/bundle.sh" >"$2/build.log" 2>&1
                      echo $? >"$2/status.tmp" && mv "$2/status.tmp" "$2/status"' \
        bundle "$VENV/bin/python" "$bundle_out" "$ROOT" </dev/null &
      bundle_pid=$!
      trap 'kill -- "-$bundle_pid" 2>/dev/null || true; rm -rf "$bundle_out"' EXIT
      export INSPECTOR_BUNDLE_BUILD="$bundle_out"
    fi
    # The shape first: lint and the package import contracts (pyproject.toml) fail the run.
    "$VENV/bin/ruff" check inspector_app tests benchmarks build watchlists
    "$VENV/bin/lint-imports" "$ROOT/pyproject.toml"
    set +e
    "$VENV/bin/python" -m pytest "$@"
    rc=$?
    set -e
    if [ "$rc" = 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi
    exit "$rc" ;;
  *) echo "usage: bash build/setup.sh [install|demo|test] [args...]" >&2; exit 2 ;;
esac
