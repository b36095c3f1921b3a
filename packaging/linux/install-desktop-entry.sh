#!/bin/sh
# Shipped inside the tar.gz: adds (or with --remove, removes) the menu entry and icons for the
# unpacked app under ~/.local/share, pointing at this folder. Nothing outside your home is touched.
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
APP_ID="@APP_ID@"
APP_SLUG="@APP_SLUG@"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
if [ "${1:-}" = "--remove" ]; then
  rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg" \
        "$DATA"/icons/hicolor/*/apps/"$APP_ID".png
  exit 0
fi
mkdir -p "$DATA/applications"
sed "s|^Exec=.*|Exec=\"$HERE/$APP_SLUG\"|; s|^TryExec=.*|TryExec=$HERE/$APP_SLUG|" \
  "$HERE/share/applications/$APP_ID.desktop" > "$DATA/applications/$APP_ID.desktop"
cp -R "$HERE/share/icons" "$DATA/"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$DATA/applications" || true
echo "Added $APP_ID to your applications menu."
