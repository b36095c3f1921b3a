"""About: version, the app's licence (GPL-3.0-or-later) and the licences of bundled components.

Component licences come from installed package metadata (also shipped in the frozen app); they
are read on the runner, not on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop import APP_NAME, __version__
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.services.desktop.components import Component, bundled_components, license_text
from rmab_desktop.ui import icons
from rmab_desktop.ui.models.roles import SortRole
from rmab_desktop.ui.models.row_model import Column, RowTableModel
from rmab_desktop.ui.shell import Runner

tr = Translator("AboutDialog")

HOMEPAGE = "https://github.com/readmeabook/rmab-desktop"
QT_SOURCE = "https://code.qt.io/cgit/pyside/pyside-setup.git/"


def components_model() -> RowTableModel[Component]:
    return RowTableModel(
        [
            Column(tr.mark("Component"), lambda c: c.name, sort=lambda c: c.name.lower()),
            Column(tr.mark("Version"), lambda c: c.version),
            Column(tr.mark("Licence"), lambda c: c.license),
        ],
        key=lambda c: c.name,
    )


class AboutDialog(QDialog):
    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("About {app}").format(app=APP_NAME))
        self.setMinimumSize(620, 560)
        layout = QVBoxLayout(self)

        header = QHBoxLayout()
        logo = QLabel()
        # Rendered from the SVG at the screen's pixel ratio: crisp on high-DPI screens.
        logo.setPixmap(icons.render_svg(icons.icon_path("app").read_bytes(), 72, self.devicePixelRatioF()))
        header.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        intro = QLabel(
            f"<h2 style='margin:0'>{APP_NAME}</h2><p>"
            + tr("Version {version}").format(version=__version__)
            + "</p><p>"
            + tr("Request an audiobook and find it tagged and organized in your library.")
            + "</p><p>"
            + tr(
                "Free software under the <b>GNU General Public License v3.0 or later</b> "
                "(GPL-3.0-or-later). You may share and change it under its terms; it comes with "
                "NO WARRANTY. <a href='{homepage}'>Source code and issues</a>"
            ).format(homepage=HOMEPAGE)
            + "</p>"
        )
        intro.setWordWrap(True)
        intro.setOpenExternalLinks(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        header.addWidget(intro, 1)
        layout.addLayout(header)

        components = QLabel(tr("<b>Bundled components</b>"))
        layout.addWidget(components)
        self.model = components_model()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView()
        self.table.setAccessibleName(tr("Bundled components"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        qt_note = QLabel(
            tr(
                "Qt and PySide6 are used under the LGPL-3.0 and ship as separate, replaceable libraries "
                "(<a href='{source}'>source</a>). mutagen (GPL-2.0-or-later) is why the whole app is "
                "GPL. Each component's licence text is in its package metadata."
            ).format(source=QT_SOURCE)
        )
        qt_note.setWordWrap(True)
        qt_note.setOpenExternalLinks(True)
        layout.addWidget(qt_note)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.licence_button = QPushButton(tr("&Licence text…"))
        buttons.addButton(self.licence_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.licence_button.clicked.connect(self.show_licence)
        layout.addWidget(buttons)

        self._licence = ""
        runner.submit(self._load, on_result=self._loaded, on_error=lambda info: None)

    @staticmethod
    def _load() -> tuple[list[Component], str]:
        return bundled_components(), license_text()

    def _loaded(self, result: tuple[list[Component], str]) -> None:
        components, self._licence = result
        self.model.set_rows(components)
        self.table.resizeColumnToContents(1)

    def show_licence(self) -> QDialog:
        dialog = QDialog(self)
        dialog.setWindowTitle(tr("GNU General Public License v3.0"))
        dialog.resize(640, 600)
        box = QVBoxLayout(dialog)
        text = QPlainTextEdit(self._licence or tr("Loading…"))
        text.setReadOnly(True)
        text.setAccessibleName(tr("Licence text"))
        box.addWidget(text)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(dialog.reject)
        box.addWidget(close)
        dialog.open()
        return dialog
