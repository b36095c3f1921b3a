#!/usr/bin/env bash
# Builds the AppDir for an AppImage from a PyInstaller onedir. When mksquashfs and the AppImage
# type2 runtime are available (APPIMAGE_RUNTIME=path to runtime-<arch>, downloaded in CI from
# github.com/AppImage/type2-runtime/releases) it also writes <name>-<version>-<arch>.AppImage.
# usage: packaging/linux/build-appdir.sh [ONEDIR (dist/rmab-desktop)] [OUT_DIR (dist)]
set -euo pipefail
source "$(dirname "$0")/common.sh"
ONEDIR="$(realpath "${1:-$ROOT/dist/$APP_SLUG}")"
OUT="$(mkdir -p "${2:-$ROOT/dist}" && realpath "${2:-$ROOT/dist}")"
require_onedir "$ONEDIR"

APPDIR="$OUT/$APP_SLUG.AppDir"
rm -rf "$APPDIR"
umask 022
mkdir -p "$APPDIR/usr/lib"
cp -a "$ONEDIR" "$APPDIR/usr/lib/$APP_SLUG"
ICONS="$(mktemp -d)"
trap 'rm -rf "$ICONS"' EXIT
make_icons "$ICONS"
install_desktop_files "$APPDIR/usr" "$ICONS"
cp "$APPDIR/usr/share/applications/$APP_ID.desktop" "$APPDIR/$APP_ID.desktop"
cp "$ICONS/app-256.png" "$APPDIR/$APP_ID.png"
ln -s "$APP_ID.png" "$APPDIR/.DirIcon"
cat > "$APPDIR/AppRun" <<APPRUN
#!/bin/sh
HERE="\$(dirname "\$(readlink -f "\$0")")"
exec "\$HERE/usr/lib/$APP_SLUG/$APP_SLUG" "\$@"
APPRUN
chmod 755 "$APPDIR/AppRun"
echo "$APPDIR"

if [ -n "${APPIMAGE_RUNTIME:-}" ] && command -v mksquashfs >/dev/null; then
  IMAGE="$OUT/$(echo "$APP_NAME" | tr ' ' '_')-$APP_VERSION-$(uname -m).AppImage"
  mksquashfs "$APPDIR" "$ICONS/app.squashfs" -root-owned -noappend -comp zstd -quiet
  cat "$APPIMAGE_RUNTIME" "$ICONS/app.squashfs" > "$IMAGE"
  chmod 755 "$IMAGE"
  echo "$IMAGE"
fi
