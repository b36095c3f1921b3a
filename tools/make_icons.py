#!/usr/bin/env python3
"""Render the app icon from ``resources/icons/app.svg`` into every format the installers need.

QtSvg rasterises the SVG at each size (crisp small sizes, no scaling blur); Pillow writes the
multi-size Windows ``.ico`` and the macOS ``.icns``. Output (in OUT_DIR, default build/icons):
``app-<N>.png`` for the hicolor sizes, ``app.ico``, ``app.icns`` and a copy of ``app.svg``.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "app.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZE = 1024


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def make_icons(source: Path, out_dir: Path) -> list[Path]:
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"not a valid SVG: {source}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    frames = {size: render(renderer, size) for size in (*PNG_SIZES, ICNS_SIZE)}
    for size in PNG_SIZES:
        path = out_dir / f"app-{size}.png"
        frames[size].save(path, optimize=True)
        written.append(path)
    ico = out_dir / "app.ico"
    # Pillow picks each entry from the frame of the same size passed in append_images.
    frames[256].save(ico, sizes=[(s, s) for s in ICO_SIZES], append_images=[frames[s] for s in ICO_SIZES])
    icns = out_dir / "app.icns"
    frames[ICNS_SIZE].save(icns, append_images=[frames[s] for s in (16, 32, 64, 128, 256, 512)])
    svg = out_dir / "app.svg"
    shutil.copyfile(source, svg)
    return [*written, ico, icns, svg]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?", type=Path, default=ROOT / "build" / "icons")
    parser.add_argument("--source", type=Path, default=SOURCE)
    args = parser.parse_args(argv)
    for path in make_icons(args.source, args.out_dir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
