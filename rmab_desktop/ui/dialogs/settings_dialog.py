"""The settings dialog shell: sections from SETTINGS_SECTIONS in a list, their pages stacked."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.ui import icons
from rmab_desktop.ui.dialogs.focus import insert_between
from rmab_desktop.ui.dialogs.settings_registry import SETTINGS_SECTIONS, SettingsSection
from rmab_desktop.ui.models.roles import KeyRole
from rmab_desktop.ui.widgets.empty_state import EmptyState

log = logging.getLogger(__name__)
tr = Translator("SettingsDialog")
SIDEBAR_WIDTH = 190  # at least; wider when a section's title needs it, up to SIDEBAR_MAX_WIDTH
SIDEBAR_MAX_WIDTH = 230  # longer titles wrap
SIDEBAR_PADDING = 40  # the list's frame, item margins and the selection's rounding


class SettingsDialog(QDialog):
    def __init__(
        self,
        build: Callable[[SettingsSection], QWidget],
        sections: list[SettingsSection] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``build`` runs a section's factory with the app's services (``DesktopApp.build``)."""
        super().__init__(parent)
        self._build_section = build
        self.setWindowTitle(tr("Settings"))
        self.resize(960, 640)
        self.sections = sorted(
            SETTINGS_SECTIONS if sections is None else sections, key=lambda s: (s.order, s.title)
        )
        self._pages: dict[str, QWidget] = {}

        # A static, read-only list of section titles: a QStandardItemModel is enough here.
        self.model = QStandardItemModel(self)
        color = self.palette().color(QPalette.ColorRole.WindowText)
        selected = self.palette().color(QPalette.ColorRole.HighlightedText)
        for section in self.sections:
            item = QStandardItem(icons.icon(section.icon_name, color, selected), text(section.title))
            item.setData(section.key, KeyRole)
            item.setEditable(False)
            self.model.appendRow(item)
        self.list = QListView()
        self.list.setObjectName("sidebar")
        self.list.setModel(self.model)
        self.list.setIconSize(QSize(18, 18))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setWordWrap(True)
        wanted = self.list.sizeHintForColumn(0) + SIDEBAR_PADDING
        self.list.setFixedWidth(min(max(SIDEBAR_WIDTH, wanted), SIDEBAR_MAX_WIDTH))
        self.list.setAccessibleName(tr("Settings sections"))
        self.stack = QStackedWidget()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")

        right = QVBoxLayout()
        right.setContentsMargins(20, 16, 20, 8)
        right.addWidget(self.title)
        right.addWidget(self.stack, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        right.addWidget(buttons)
        self.buttons = buttons

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.setSpacing(0)
        layout.addWidget(self.list)
        layout.addLayout(right, 1)
        self.list.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_row(cur.row()))
        if self.sections:
            self.show_section(self.sections[0].key)

    def show_section(self, key: str) -> QWidget | None:
        for row in range(self.model.rowCount()):
            if self.model.item(row).data(KeyRole) == key:
                self.list.setCurrentIndex(self.model.index(row, 0))
                self._show_row(row)
                return self._pages.get(key)
        return None

    def section_widget(self, key: str) -> QWidget | None:
        return self._pages.get(key)

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        section = self.sections[row]
        if section.key not in self._pages:
            page = self._build(section)
            self._pages[section.key] = page
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            scroll.setWidget(page)
            scroll.setProperty("section_key", section.key)
            self.stack.addWidget(scroll)
            # Built after the buttons: Tab goes list, the section's fields, then OK / Cancel.
            insert_between(self.list, scroll, self.buttons.buttons())
        for index in range(self.stack.count()):
            shown = self.stack.widget(index)
            if shown is not None and shown.property("section_key") == section.key:
                self.stack.setCurrentIndex(index)
        self.title.setText(text(section.title))

    def _build(self, section: SettingsSection) -> QWidget:
        try:
            return self._build_section(section)
        except Exception as exc:  # one broken section must not break the dialog
            log.exception("Settings section %s could not be built", section.key)
            title = tr("{section} could not be opened").format(section=text(section.title))
            return EmptyState("error", title, f"{type(exc).__name__}: {exc}")

    def accept(self) -> None:
        for key, page in self._pages.items():
            apply = getattr(page, "apply", None)
            if callable(apply) and apply() is False:
                self.show_section(key)
                return
        super().accept()
