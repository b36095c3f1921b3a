"""Book covers for the Library table: decoded and scaled off the GUI thread, kept in a small LRU.

Workers only make a ``QImage`` (safe off the GUI thread); the ``QPixmap`` is made on the GUI
thread when the result arrives. Each cover is requested once, when its row is first painted.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap

from rmab_desktop.services.library.service import LibraryEntry

if TYPE_CHECKING:
    from rmab_desktop.ui.shell import Runner

CoverBytes = Callable[[str], bytes | None]


def load_cover_image(reference: str, size: int, fetch: CoverBytes | None = None) -> QImage | None:
    """A ``size``-pixel square-ish thumbnail of a local image file, or of backend-served bytes."""
    if reference.startswith(("plex:", "abs:")):
        data = fetch(reference) if fetch is not None else None
        image = QImage.fromData(data) if data else QImage()
    else:
        reader = QImageReader(reference)
        reader.setAutoTransform(True)
        original = reader.size()
        if original.isValid() and original.width() > 0 and original.height() > 0:
            reader.setScaledSize(original.scaled(QSize(size, size), Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
    if image.isNull():
        return None
    return image.scaled(
        size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


class CoverCache(QObject):
    changed = Signal(int)  # entry id whose cover arrived

    def __init__(
        self, runner: Runner, size: int = 32, limit: int = 3000, fetch: CoverBytes | None = None
    ) -> None:
        super().__init__()
        self._runner = runner
        self.size = size
        self._limit = limit
        self._fetch = fetch
        self._pixmaps: OrderedDict[str, QPixmap | None] = OrderedDict()
        self._pending: set[str] = set()
        self.placeholder: QPixmap | None = None  # shown while loading and when there is no cover

    def get(self, entry: LibraryEntry) -> QPixmap | None:
        reference = entry.cover
        if not reference:
            return self.placeholder
        if reference in self._pixmaps:
            self._pixmaps.move_to_end(reference)
            return self._pixmaps[reference] or self.placeholder
        if reference not in self._pending:
            self._pending.add(reference)
            self._runner.submit(
                load_cover_image,
                reference,
                self.size,
                self._fetch,
                pool="network",
                on_result=partial(self._arrived, reference, entry.id),
                on_error=lambda _info: self._arrived(reference, entry.id, None),
            )
        return self.placeholder

    def _arrived(self, reference: str, entry_id: int, image: QImage | None) -> None:
        self._pending.discard(reference)
        self._pixmaps[reference] = QPixmap.fromImage(image) if image is not None else None
        while len(self._pixmaps) > self._limit:
            self._pixmaps.popitem(last=False)
        if image is not None:
            self.changed.emit(entry_id)

    def clear(self) -> None:
        self._pixmaps.clear()
