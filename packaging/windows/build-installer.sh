#!/usr/bin/env bash
# Compiles the NSIS installer with makensis (Linux: apt package nsis; Windows: choco install nsis,
# run from Git Bash). Without a payload it uses a stand-in folder, which is how CI on Linux keeps
# the script from rotting: any error or warning fails (-WX).
# usage: packaging/windows/build-installer.sh [PAYLOAD_DIR (a stand-in)] [OUT_DIR (dist)]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PYTHON="${PYTHON:-python3}"
eval "$("$PYTHON" "$ROOT/packaging/appmeta.py")"
OUT="$(mkdir -p "${2:-$ROOT/dist}" && cd "${2:-$ROOT/dist}" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

PAYLOAD="${1:-}"
if [ -z "$PAYLOAD" ]; then
  PAYLOAD="$WORK/payload"
  mkdir -p "$PAYLOAD/_internal"
  printf 'stand-in for the PyInstaller build\n' > "$PAYLOAD/$APP_SLUG.exe"
  cp "$ROOT/LICENSE" "$PAYLOAD/_internal/LICENSE"
fi
"$PYTHON" "$ROOT/tools/make_icons.py" "$WORK/icons" >/dev/null
SETUP="$OUT/$APP_SLUG-$APP_VERSION-windows-x64-setup.exe"
to_native() { if command -v cygpath >/dev/null; then cygpath -w "$1"; else echo "$1"; fi; }

makensis -V2 -WX -INPUTCHARSET UTF8 \
  "-DAPP_NAME=$APP_NAME" "-DAPP_SLUG=$APP_SLUG" "-DAPP_ID=$APP_ID" \
  "-DVERSION=$APP_VERSION" "-DVERSION_QUAD=$APP_VERSION_QUAD" \
  "-DPUBLISHER=$APP_ORG" "-DHOMEPAGE=$APP_HOMEPAGE" \
  "-DPAYLOAD_DIR=$(to_native "$PAYLOAD")" "-DICON_FILE=$(to_native "$WORK/icons/app.ico")" \
  "-DLICENSE_FILE=$(to_native "$ROOT/LICENSE")" "-DOUT_FILE=$(to_native "$SETUP")" \
  "$(to_native "$ROOT/packaging/windows/rmab-desktop.nsi")" >&2
echo "$SETUP"
