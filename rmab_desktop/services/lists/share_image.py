"""Share images of a list, drawn with Pillow (no Qt): 1200x630 (link previews) or 1080x1080.

A tier list is drawn as rows: the tier's label on its colour, then its covers; a ranked list as a
grid of numbered covers with title and author. Light and dark variants. Covers come from a
callable (the cover cache); a missing cover becomes a tile with the title written on it, so an
image is always complete.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from rmab_desktop.domain.errors import RmabError, ValidationError
from rmab_desktop.domain.lists import ListEntry, ListInfo, ListKind

SIZES: dict[str, tuple[int, int]] = {"1200x630": (1200, 630), "1080x1080": (1080, 1080)}
CoverSource = Callable[[ListEntry], Path | bytes | None]
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont
_FONT_FILES = {
    False: ("DejaVuSans.ttf", "Arial.ttf", "arial.ttf", "Helvetica.ttc"),
    True: ("DejaVuSans-Bold.ttf", "Arial Bold.ttf", "arialbd.ttf", "Helvetica.ttc"),
}
_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/Library/Fonts"),
    Path("/System/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)


@dataclass(frozen=True)
class Palette:
    background: str
    card: str
    text: str
    muted: str


PALETTES = {
    "light": Palette("#F6F4F1", "#FFFFFF", "#1B1B1F", "#5C6066"),
    "dark": Palette("#15161A", "#25272D", "#F2F2F4", "#A5A9B0"),
}


@cache
def font(size: int, bold: bool = False) -> Font:
    for folder in _FONT_DIRS:
        for name in _FONT_FILES[bold]:
            if (folder / name).exists():
                return ImageFont.truetype(str(folder / name), size)
    return ImageFont.load_default(size)


def _fit(text: str, face: Font, width: float) -> str:
    """``text`` cut with an ellipsis to ``width`` pixels."""
    if face.getlength(text) <= width:
        return text
    while text and face.getlength(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…" if text else ""


def _ink_on(color: str) -> str:
    """Black or white, whichever reads better on ``color``."""
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "#111111" if 0.299 * r + 0.587 * g + 0.114 * b > 150 else "#FFFFFF"


def _placeholder(entry: ListEntry, size: int) -> Image.Image:
    seed = zlib.crc32(entry.asin.encode())
    colour = (70 + seed % 120, 70 + (seed >> 8) % 120, 70 + (seed >> 16) % 120)
    tile = Image.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(tile)
    face = font(max(10, size // 9), bold=True)
    words, lines, line = entry.title.split(), [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if face.getlength(trial) > size * 0.84 and line:
            lines.append(line)
            line = word
        else:
            line = trial
    lines.append(line)
    step = face.size + 2 if isinstance(face, ImageFont.FreeTypeFont) else 12
    for index, text in enumerate(lines[:4]):
        draw.text(
            (size * 0.08, size * 0.08 + index * step),
            _fit(text, face, size * 0.84),
            fill="#FFFFFF",
            font=face,
        )
    return tile


def _cover(entry: ListEntry, size: int, covers: CoverSource) -> Image.Image:
    source = None
    try:
        source = covers(entry)
    except (RmabError, OSError):  # a cover that cannot be had is drawn as a tile
        source = None
    if source is not None:
        try:
            with Image.open(io.BytesIO(source) if isinstance(source, bytes) else source) as image:
                return ImageOps.fit(image.convert("RGB"), (size, size), Image.Resampling.LANCZOS)
        except (OSError, ValueError):
            pass
    return _placeholder(entry, size)


def _header(
    draw: ImageDraw.ImageDraw, info: ListInfo, width: int, margin: int, palette: Palette, scale: float
) -> int:
    title_face = font(int(44 * scale), bold=True)
    draw.text(
        (margin, margin), _fit(info.name, title_face, width - 2 * margin), fill=palette.text, font=title_face
    )
    count = len(info.items)
    kind = "Tier list" if info.kind == ListKind.TIER else "Recommendations"
    small = font(int(20 * scale))
    draw.text(
        (margin, margin + int(54 * scale)),
        f"{kind} · {count} book{'s' if count != 1 else ''}",
        fill=palette.muted,
        font=small,
    )
    return margin + int(92 * scale)


def _footer(
    draw: ImageDraw.ImageDraw, size: tuple[int, int], margin: int, palette: Palette, scale: float
) -> None:
    small = font(int(16 * scale))
    text = "ReadMeABook"
    draw.text(
        (size[0] - margin - small.getlength(text), size[1] - margin * 0.75),
        text,
        fill=palette.muted,
        font=small,
    )


def _tier_rows(
    canvas: Image.Image,
    info: ListInfo,
    top: int,
    margin: int,
    palette: Palette,
    covers: CoverSource,
    scale: float,
) -> None:
    draw = ImageDraw.Draw(canvas)
    width, height = canvas.size
    tiers = info.tiers or ()
    gap = max(4, int(6 * scale))
    row_h = min(int(190 * scale), (height - top - margin - gap * (len(tiers) - 1)) // max(1, len(tiers)))
    cover = row_h - 2 * gap
    label_w = max(row_h, int(72 * scale))
    for index, tier in enumerate(tiers):
        y = top + index * (row_h + gap)
        draw.rectangle((margin, y, width - margin, y + row_h), fill=palette.card)
        draw.rectangle((margin, y, margin + label_w, y + row_h), fill=tier.color)
        label_face = font(max(12, min(int(row_h * 0.42), int(56 * scale))), bold=True)
        label = _fit(tier.label, label_face, label_w - 8)
        lw = label_face.getlength(label)
        draw.text(
            (margin + (label_w - lw) / 2, y + row_h / 2),
            label,
            fill=_ink_on(tier.color),
            font=label_face,
            anchor="lm",
        )
        items = info.items_in(tier.id)
        x0 = margin + label_w + gap * 2
        available = width - margin - gap - x0
        beside = min(int(220 * scale), available // max(1, len(items)) - cover - gap)
        if items and beside >= int(120 * scale) and cover >= int(70 * scale):  # title and author beside each
            for column, entry in enumerate(items):
                x = x0 + column * (cover + beside + gap)
                canvas.paste(_cover(entry, cover, covers), (x, y + gap))
                _caption(draw, entry, (x + cover + gap * 2, y + gap), beside - gap * 3, palette, scale)
            continue
        fits = max(1, (available + gap) // (cover + gap))
        shown = items if len(items) <= fits else items[: fits - 1]
        for column, entry in enumerate(shown):
            x = x0 + column * (cover + gap)
            canvas.paste(_cover(entry, cover, covers), (x, y + gap))
        if len(shown) < len(items):
            x = x0 + len(shown) * (cover + gap)
            draw.rectangle((x, y + gap, x + cover, y + gap + cover), fill=palette.background)
            more = font(int(cover * 0.3), bold=True)
            draw.text(
                (x + cover / 2, y + gap + cover / 2),
                f"+{len(items) - len(shown)}",
                fill=palette.text,
                font=more,
                anchor="mm",
            )


def _wrap(text: str, face: Font, width: float, lines: int) -> list[str]:
    """Up to ``lines`` lines of ``text`` within ``width``; the last one cut with an ellipsis."""
    out: list[str] = []
    words = text.split()
    while words and len(out) < lines:
        line = words.pop(0)
        while words and face.getlength(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        out.append(line)
    if words and out:
        out[-1] = _fit(f"{out[-1]} {' '.join(words)}", face, width)
    return [_fit(line, face, width) for line in out]


def _caption(
    draw: ImageDraw.ImageDraw,
    entry: ListEntry,
    origin: tuple[int, int],
    width: int,
    palette: Palette,
    scale: float,
) -> None:
    title_face, author_face = font(max(11, int(18 * scale)), bold=True), font(max(10, int(15 * scale)))
    x, y = origin
    step = int(22 * scale)
    lines = _wrap(entry.title, title_face, width, 2)
    for index, line in enumerate(lines):
        draw.text((x, y + index * step), line, fill=palette.text, font=title_face)
    draw.text(
        (x, y + len(lines) * step + 2),
        _fit(entry.author, author_face, width),
        fill=palette.muted,
        font=author_face,
    )


def _ranked_grid(
    canvas: Image.Image,
    info: ListInfo,
    top: int,
    margin: int,
    palette: Palette,
    covers: CoverSource,
    scale: float,
) -> None:
    draw = ImageDraw.Draw(canvas)
    width, height = canvas.size
    items = info.items
    wide = width > height
    cap = 10 if wide else 9
    shown = items[:cap]
    columns = (5 if wide else 3) if len(shown) > 4 else max(1, len(shown))
    rows = max(1, -(-len(shown) // columns))
    gap = int(18 * scale)
    text_h = int(48 * scale)
    cell_w = (width - 2 * margin - gap * (columns - 1)) // columns
    cell_h = (height - top - margin - gap * (rows - 1)) // rows
    cover = max(40, min(cell_w, cell_h - text_h))
    title_face, author_face = font(max(11, int(17 * scale)), bold=True), font(max(10, int(15 * scale)))
    badge_face = font(max(12, int(cover * 0.14)), bold=True)
    for index, entry in enumerate(shown):
        row, column = divmod(index, columns)
        x = margin + column * (cell_w + gap) + (cell_w - cover) // 2
        y = top + row * (cell_h + gap)
        canvas.paste(_cover(entry, cover, covers), (x, y))
        radius = int(cover * 0.11)
        draw.ellipse((x - radius // 3, y - radius // 3, x + 2 * radius, y + 2 * radius), fill=palette.text)
        draw.text(
            (x + radius * 5 / 6, y + radius * 5 / 6),
            str(index + 1),
            fill=palette.background,
            font=badge_face,
            anchor="mm",
        )
        draw.text(
            (x, y + cover + 4), _fit(entry.title, title_face, cover), fill=palette.text, font=title_face
        )
        draw.text(
            (x, y + cover + 6 + int(20 * scale)),
            _fit(entry.author, author_face, cover),
            fill=palette.muted,
            font=author_face,
        )
    if len(items) > len(shown):
        more = font(int(18 * scale))
        draw.text(
            (margin, height - margin * 0.75),
            f"+ {len(items) - len(shown)} more",
            fill=palette.muted,
            font=more,
        )


def render(
    info: ListInfo, size: str, *, theme: str = "light", covers: CoverSource = lambda _e: None
) -> Image.Image:
    if size not in SIZES:
        raise ValidationError(f"'{size}' is not a share image size.", hint=f"Use one of: {', '.join(SIZES)}.")
    if theme not in PALETTES:
        raise ValidationError(f"'{theme}' is not a theme.", hint="Use light or dark.")
    dimensions, palette = SIZES[size], PALETTES[theme]
    canvas = Image.new("RGB", dimensions, palette.background)
    scale = min(dimensions) / 630
    margin = int(36 * scale)
    draw = ImageDraw.Draw(canvas)
    top = _header(draw, info, dimensions[0], margin, palette, scale)
    if not info.items and not (info.kind == ListKind.TIER and info.tiers):
        draw.text((margin, top), "This list is empty.", fill=palette.muted, font=font(int(24 * scale)))
    elif info.kind == ListKind.TIER:
        _tier_rows(canvas, info, top, margin, palette, covers, scale * 0.9)
    else:
        _ranked_grid(canvas, info, top, margin, palette, covers, scale * 0.9)
    _footer(draw, dimensions, margin, palette, scale)
    return canvas


def render_png(
    info: ListInfo, size: str, *, theme: str = "light", covers: CoverSource = lambda _e: None
) -> bytes:
    buffer = io.BytesIO()
    render(info, size, theme=theme, covers=covers).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
