#!/usr/bin/env bash
# Builds the .deb from a PyInstaller onedir: the app under /opt/<slug>, a /usr/bin launcher,
# .desktop file, hicolor icons and AppStream metainfo; xz compressed, no maintainer scripts.
# usage: packaging/linux/build-deb.sh [ONEDIR (dist/rmab-desktop)] [OUT_DIR (dist)]
# env: DEB_XZ_LEVEL (default 3: ~2x faster than xz -6 for about the same size)
set -euo pipefail
source "$(dirname "$0")/common.sh"
ONEDIR="$(realpath "${1:-$ROOT/dist/$APP_SLUG}")"
OUT="$(mkdir -p "${2:-$ROOT/dist}" && realpath "${2:-$ROOT/dist}")"
require_onedir "$ONEDIR"

ARCH="$(dpkg --print-architecture)"
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
PKG="$STAGE/pkg"
umask 022

mkdir -p "$PKG/opt" "$PKG/usr/bin" "$PKG/DEBIAN"
cp -a "$ONEDIR" "$PKG/opt/$APP_SLUG"
chmod -R u=rwX,go=rX "$PKG/opt/$APP_SLUG"
ln -s "/opt/$APP_SLUG/$APP_SLUG" "$PKG/usr/bin/$APP_SLUG"
make_icons "$STAGE/icons"
install_desktop_files "$PKG/usr" "$STAGE/icons"
install -Dm644 "$ROOT/LICENSE" "$PKG/usr/share/doc/$APP_SLUG/copyright"

INSTALLED_KB="$(du -sk --apparent-size "$PKG/opt" "$PKG/usr" | awk '{s+=$1} END {print s}')"
cat > "$PKG/DEBIAN/control" <<CONTROL
Package: $APP_SLUG
Version: $APP_VERSION
Section: sound
Priority: optional
Architecture: $ARCH
Maintainer: $APP_ORG developers <noreply@readmeabook.invalid>
Installed-Size: $INSTALLED_KB
Depends: libc6 (>= 2.34), libgl1, libegl1, libxcb1, libx11-xcb1, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1, libfreetype6, libdbus-1-3, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, libxcb-xkb1, libxcb-render-util0, libxcb-image0, libxcb-randr0
Suggests: gnome-keyring | keepassxc
Homepage: $APP_HOMEPAGE
Description: $APP_SUMMARY
 $APP_NAME turns "I want that audiobook" into a tagged, organized book in
 your library: discover, request, search your indexers, download with your
 own client, tag and import into Plex, Audiobookshelf or a folder.
CONTROL

DEB="$OUT/${APP_SLUG}_${APP_VERSION}_${ARCH}.deb"
dpkg-deb --build --root-owner-group "-Zxz" "-z${DEB_XZ_LEVEL:-3}" "$PKG" "$DEB" >/dev/null
echo "$DEB"
