#!/usr/bin/env bash
# Builds <slug>-<version>-linux-<arch>.tar.gz: the PyInstaller onedir plus share/ (desktop file,
# icons, metainfo) and install-desktop-entry.sh for a menu entry without root.
# usage: packaging/linux/build-tarball.sh [ONEDIR (dist/rmab-desktop)] [OUT_DIR (dist)]
# env: TARBALL_GZIP_LEVEL (default 6)
set -euo pipefail
source "$(dirname "$0")/common.sh"
ONEDIR="$(realpath "${1:-$ROOT/dist/$APP_SLUG}")"
OUT="$(mkdir -p "${2:-$ROOT/dist}" && realpath "${2:-$ROOT/dist}")"
require_onedir "$ONEDIR"

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
umask 022
TOP="$APP_SLUG-$APP_VERSION"
cp -a "$ONEDIR" "$STAGE/$TOP"
make_icons "$STAGE/icons"
install_desktop_files "$STAGE/$TOP" "$STAGE/icons"
sed "s|@APP_ID@|$APP_ID|; s|@APP_SLUG@|$APP_SLUG|" "$ROOT/packaging/linux/install-desktop-entry.sh" \
  > "$STAGE/$TOP/install-desktop-entry.sh"
chmod 755 "$STAGE/$TOP/install-desktop-entry.sh"
cp "$ROOT/LICENSE" "$STAGE/$TOP/LICENSE"

TARBALL="$OUT/$TOP-linux-$(uname -m).tar.gz"
tar -C "$STAGE" --owner=0 --group=0 -cf - "$TOP" | gzip "-${TARBALL_GZIP_LEVEL:-6}" > "$TARBALL"
echo "$TARBALL"
