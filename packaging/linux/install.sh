#!/usr/bin/env bash
# Put this hkcase folder in the desktop's menu: run ./install.sh from the unpacked folder.
#   ./install.sh             for you (~/.local)      ./install.sh --system   for everyone (root)
#   ./install.sh --uninstall (with --system too, to undo that)
# The program stays in this folder; move the folder first if you want it elsewhere.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
APP_ID=io.github.hkcase.hkcase
PREFIX=$HOME/.local
remove=0
for arg in "$@"; do
    case $arg in
        --system) PREFIX=/usr/local ;;
        --uninstall) remove=1 ;;
        *) echo "usage: $0 [--system] [--uninstall]" >&2; exit 2 ;;
    esac
done
SHARE=$PREFIX/share
files=("$SHARE/applications/$APP_ID.desktop" "$SHARE/metainfo/$APP_ID.metainfo.xml"
       "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg" "$PREFIX/bin/hkcase")
for png in "$HERE"/share/icons/hicolor/*/apps/$APP_ID.png; do
    files+=("$SHARE/icons/hicolor/$(basename "$(dirname "$(dirname "$png")")")/apps/$APP_ID.png")
done
if [ $remove -eq 1 ]; then
    rm -f "${files[@]}"
else
    mkdir -p "$SHARE/applications" "$SHARE/metainfo" "$PREFIX/bin"
    cp -r "$HERE/share/icons" "$SHARE/"
    install -m 644 "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$SHARE/metainfo/"
    # The menu entry starts this folder's program, wherever the folder is.
    sed "s|^Exec=hkcase|Exec=\"$HERE/hkcase\"|" "$HERE/share/applications/$APP_ID.desktop" \
        > "$SHARE/applications/$APP_ID.desktop"
    ln -sf "$HERE/hkcase" "$PREFIX/bin/hkcase"
fi
command -v update-desktop-database >/dev/null && update-desktop-database -q "$SHARE/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
echo "hkcase: $([ $remove -eq 1 ] && echo removed from || echo installed in) $PREFIX"
