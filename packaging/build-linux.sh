#!/usr/bin/env bash
# One-folder Linux build: dist/hkcase/hkcase (run it, or copy the folder anywhere).
# Usage: packaging/build-linux.sh [--distpath DIR] [--workpath DIR]   (passed to PyInstaller)
# Python: $HKCASE_BUILD_PYTHON, else the project's virtual environment (made by
# scripts/bootstrap.sh if missing). PyInstaller and the optional extras that a build ships
# (PostgreSQL, encryption) are installed into that environment when missing.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

if [ -n "${HKCASE_BUILD_PYTHON:-}" ]; then
    PY=$HKCASE_BUILD_PYTHON
else
    source "$ROOT/scripts/bootstrap.sh"
    bootstrap_hkcase run
    PY=$HKCASE_VENV/bin/python
fi

if ! "$PY" -c 'import PyInstaller, psycopg, sqlcipher3, keyring' >/dev/null 2>&1; then
    echo "build-linux: installing PyInstaller and the PostgreSQL and encryption extras" >&2
    "$PY" -m pip install --quiet -e "$ROOT[packaging,postgres,encryption]"
fi

args=(--noconfirm)
[[ " $* " == *" --distpath "* ]] || args+=(--distpath "$ROOT/dist")
[[ " $* " == *" --workpath "* ]] || args+=(--workpath "$ROOT/build/pyinstaller")
"$PY" "$ROOT/packaging/translations.py" release  # the .qm files the spec ships (resources/)
start=$SECONDS
QT_QPA_PLATFORM=offscreen "$PY" -m PyInstaller "${args[@]}" "$@" --log-level WARN \
    "$ROOT/packaging/hkcase.spec"

# Desktop integration beside the program: menu entry, icons, AppStream data, installer.
dist=$ROOT/dist
for ((i = 1; i <= $#; i++)); do
    [ "${!i}" = "--distpath" ] && { j=$((i + 1)); dist=${!j}; }
done
out=$dist/hkcase
share=$out/share
rm -rf "$share"
mkdir -p "$share/applications" "$share/metainfo" "$share/icons/hicolor/scalable/apps"
cp "$ROOT/packaging/linux/io.github.hkcase.hkcase.desktop" "$share/applications/"
cp "$ROOT/packaging/linux/io.github.hkcase.hkcase.metainfo.xml" "$share/metainfo/"
cp -r "$ROOT/resources/icons/hicolor" "$share/icons/"
cp "$ROOT/resources/icons/hkcase.svg" "$share/icons/hicolor/scalable/apps/io.github.hkcase.hkcase.svg"
install -m 755 "$ROOT/packaging/linux/install.sh" "$out/install.sh"
echo "build-linux: $out built in $((SECONDS - start)) s ($(du -sh "$out" | cut -f1))" >&2
