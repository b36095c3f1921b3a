#!/usr/bin/env bash
# macOS: freezes the app into "<name>.app" with the shared spec (BUNDLE with bundle id and
# Info.plist), then signs it: with MACOS_SIGN_IDENTITY (a Developer ID) when set, else ad hoc.
# usage: packaging/macos/build-app.sh [DIST_DIR (dist)]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PYTHON="${PYTHON:-python3}"
eval "$("$PYTHON" "$ROOT/packaging/appmeta.py")"
DIST="${1:-$ROOT/dist}"
[ "$(uname -s)" = "Darwin" ] || { echo "build-app.sh runs on macOS (PyInstaller does not cross-compile)" >&2; exit 2; }

"$PYTHON" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$ROOT/build/macos" \
  "$ROOT/packaging/rmab_desktop.spec"
APP="$DIST/$APP_NAME.app"
[ -d "$APP" ] || { echo "no bundle at $APP" >&2; exit 1; }
/usr/libexec/PlistBuddy -c "Print :CFBundleIdentifier" "$APP/Contents/Info.plist" | grep -qx "$APP_ID"

codesign --force --deep --options runtime --timestamp=none --sign "${MACOS_SIGN_IDENTITY:--}" "$APP"
codesign --verify --deep --strict "$APP"
# Smoke test of the bundle's executable (offscreen: CI runners have no logged-in GUI session).
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/$APP_SLUG" --profile-dir "$(mktemp -d)" --quit-after 3 \
  --screenshot "$DIST/macos-smoke.png"
echo "$APP"
