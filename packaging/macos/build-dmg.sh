#!/usr/bin/env bash
# macOS: wraps "<name>.app" in a compressed disk image with an /Applications link to drag onto.
# Notarization (when NOTARY_PROFILE names a notarytool keychain profile) runs after.
# usage: packaging/macos/build-dmg.sh [DIST_DIR (dist)]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PYTHON="${PYTHON:-python3}"
eval "$("$PYTHON" "$ROOT/packaging/appmeta.py")"
DIST="${1:-$ROOT/dist}"
APP="$DIST/$APP_NAME.app"
[ -d "$APP" ] || { echo "build the app first: packaging/macos/build-app.sh" >&2; exit 2; }

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
DMG="$DIST/$APP_SLUG-$APP_VERSION-macos-$(uname -m).dmg"
rm -f "$DMG"
hdiutil create -volname "$APP_NAME" -srcfolder "$STAGE" -fs HFS+ -format UDZO -imagekey zlib-level=9 "$DMG" >/dev/null
hdiutil verify "$DMG" >/dev/null
if [ -n "${NOTARY_PROFILE:-}" ]; then
  codesign --sign "$MACOS_SIGN_IDENTITY" --timestamp "$DMG"
  xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
  xcrun stapler staple "$DMG"
fi
echo "$DMG"
