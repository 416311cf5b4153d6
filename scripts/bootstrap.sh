# Sourced by scripts/run and scripts/test: system libraries, a virtual environment, hkcase.
# Usage: bootstrap_hkcase <profile>   (profile: run | test)
set -euo pipefail

HKCASE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HKCASE_VENV=${HKCASE_VENV:-$HKCASE_ROOT/.venv}
PYTHON=${PYTHON:-python3}

# Debian 12 package names (found by testing Qt in an empty root file system).
APT_QT_OFFSCREEN=(libglib2.0-0 libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1
                  libfreetype6 libxkbcommon0)
APT_QT_WINDOWS=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
                libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1)
APT_TEST=(postgresql poppler-utils khal)
# Desktop integration checks (tests/quality/test_desktop_files.py): appstreamcli, desktop-file-validate.
APT_TEST+=(appstream desktop-file-utils)

say() { printf 'hkcase setup: %s\n' "$*" >&2; }

_missing_packages() {
    local pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' &&
           ! dpkg-query -W -f='${Status}' "${pkg}t64" 2>/dev/null | grep -q 'install ok installed'; then
            printf '%s\n' "$pkg"
        fi
    done
}

ensure_system_packages() {
    command -v dpkg-query >/dev/null 2>&1 || { say "not a Debian system: install Qt's libraries yourself"; return 0; }
    local missing
    mapfile -t missing < <(_missing_packages "$@")
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null
        local pkg resolved=()
        for pkg in "${missing[@]}"; do
            # Debian 13 renamed some libraries with a t64 suffix.
            if apt-cache show "$pkg" >/dev/null 2>&1; then resolved+=("$pkg"); else resolved+=("${pkg}t64"); fi
        done
        apt-get install -y -qq --no-install-recommends "${resolved[@]}" >/dev/null
    else
        say "missing system packages; run this once, then try again:"
        printf '    sudo apt-get install -y %s\n' "${missing[*]}" >&2
        exit 1
    fi
}

ensure_python() {
    if ! command -v "$PYTHON" >/dev/null 2>&1; then
        say "$PYTHON not found; install Python 3.11 or newer (sudo apt-get install -y python3 python3-venv)"
        exit 1
    fi
    if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
        say "hkcase needs Python 3.11 or newer; $PYTHON is $("$PYTHON" -V 2>&1)"
        exit 1
    fi
    if ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
        local venv_pkg
        venv_pkg="python3.$("$PYTHON" -c 'import sys; print(sys.version_info.minor)')-venv"
        ensure_system_packages "$venv_pkg"
    fi
}

ensure_venv() {
    local extras=$1 stamp="$HKCASE_VENV/.hkcase-installed-$1"
    if [ ! -x "$HKCASE_VENV/bin/python" ]; then
        say "creating $HKCASE_VENV"
        "$PYTHON" -m venv "$HKCASE_VENV"
    fi
    if [ ! -f "$stamp" ] || [ "$HKCASE_ROOT/pyproject.toml" -nt "$stamp" ]; then
        say "installing hkcase and its dependencies into $HKCASE_VENV"
        # Build back-ends are chatty even with --quiet: keep the output, show it on failure.
        local log="$HKCASE_VENV/pip-install.log"
        if ! { "$HKCASE_VENV/bin/python" -m pip install --upgrade pip setuptools wheel &&
               "$HKCASE_VENV/bin/python" -m pip install -e "$HKCASE_ROOT$extras"; } >"$log" 2>&1; then
            cat "$log" >&2
            say "installing hkcase failed (log: $log)"
            exit 1
        fi
        touch "$stamp"
    fi
}

# The interface's translations (.qm) are built from resources/translations/*.ts, never
# committed: the editable install reads them from the checkout (packaging/translations.py).
ensure_translations() {
    local ts qm stale=0
    for ts in "$HKCASE_ROOT"/resources/translations/*.ts; do
        [ -e "$ts" ] || return 0
        qm=${ts%.ts}.qm
        if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then stale=1; fi
    done
    [ "$stale" -eq 0 ] && return 0
    say "building the translations"
    "$HKCASE_VENV/bin/python" "$HKCASE_ROOT/packaging/translations.py" release
}

bootstrap_hkcase() {
    case "$1" in
        run)
            ensure_python
            ensure_system_packages "${APT_QT_OFFSCREEN[@]}" "${APT_QT_WINDOWS[@]}"
            ensure_venv ""
            ensure_translations
            ;;
        test)
            ensure_python
            ensure_system_packages "${APT_QT_OFFSCREEN[@]}" "${APT_TEST[@]}"
            ensure_venv "[test]"
            ensure_translations
            ;;
        *) say "unknown profile $1"; exit 2 ;;
    esac
}
