"""Named item-data roles shared by every model and proxy in the app."""

from __future__ import annotations

from PySide6.QtCore import Qt

ObjectRole = Qt.ItemDataRole.UserRole + 1  # the immutable domain row
SortRole = Qt.ItemDataRole.UserRole + 2  # a value that sorts naturally (numbers, datetimes)
KeyRole = Qt.ItemDataRole.UserRole + 3  # the row's id
FilterRole = Qt.ItemDataRole.UserRole + 4  # text the proxy matches against
ProgressRole = Qt.ItemDataRole.UserRole + 5  # 0..1 or None
LevelRole = Qt.ItemDataRole.UserRole + 6  # info/success/warning/error for badges
BadgeRole = Qt.ItemDataRole.UserRole + 7  # a count shown as a pill beside a sidebar page (0: none)
