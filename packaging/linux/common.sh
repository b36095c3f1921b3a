# Shared by the Linux packaging scripts (sourced, not run). Sets the app's identity from the
# package (packaging/appmeta.py) and installs the desktop integration files under a prefix.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PYTHON="${PYTHON:-python3}"
eval "$("$PYTHON" "$ROOT/packaging/appmeta.py")"
LINUX_RES="$ROOT/resources/linux"
HICOLOR_SIZES=(16 24 32 48 64 128 256 512)

# The PyInstaller onedir (dist/<slug>) must exist: check it before packaging it.
require_onedir() {
  local dir="$1"
  if [ ! -x "$dir/$APP_SLUG" ]; then
    echo "no PyInstaller build at $dir (run: pyinstaller packaging/rmab_desktop.spec)" >&2
    exit 2
  fi
}

# install_desktop_files PREFIX ICONS_DIR: .desktop, hicolor icons and AppStream metainfo under
# PREFIX/share (PREFIX is e.g. <pkgroot>/usr or ~/.local).
install_desktop_files() {
  local prefix="$1" icons="$2" size
  install -Dm644 "$LINUX_RES/$APP_ID.desktop" "$prefix/share/applications/$APP_ID.desktop"
  install -Dm644 "$LINUX_RES/$APP_ID.metainfo.xml" "$prefix/share/metainfo/$APP_ID.metainfo.xml"
  install -Dm644 "$icons/app.svg" "$prefix/share/icons/hicolor/scalable/apps/$APP_ID.svg"
  for size in "${HICOLOR_SIZES[@]}"; do
    install -Dm644 "$icons/app-$size.png" "$prefix/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
  done
}

# make_icons DIR: renders the icon set (tools/make_icons.py) into DIR.
make_icons() {
  "$PYTHON" "$ROOT/tools/make_icons.py" "$1" >/dev/null
}
