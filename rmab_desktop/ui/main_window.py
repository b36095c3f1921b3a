"""The main window: sidebar built from the page registry, stacked pages, banners and a status bar."""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QByteArray, QEvent, QItemSelectionModel, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QPalette,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop import APP_NAME
from rmab_desktop.ui import icons
from rmab_desktop.ui.links import parse_audible_link
from rmab_desktop.ui.models.pages_model import PagesModel
from rmab_desktop.ui.pages.registry import PAGES, PageSpec
from rmab_desktop.ui.widgets.banner import BannerArea
from rmab_desktop.ui.widgets.empty_state import EmptyState

if TYPE_CHECKING:
    from rmab_desktop.settings import WindowState
    from rmab_desktop.ui.shell import Runner

log = logging.getLogger(__name__)

SIDEBAR_WIDTH = 200
DEFAULT_SIZE = QSize(1180, 760)


class WindowStateLike(Protocol):
    """Saved geometry and page: ``prefs.window``, or the early look at the settings file."""

    geometry_b64: str | None
    state_b64: str | None
    last_page: str


@dataclass(frozen=True)
class WindowParts:
    """What the window needs once the core is open (see :meth:`MainWindow.attach`)."""

    build_page: Callable[[PageSpec], QWidget]  # runs the spec's factory with the app's services
    window_prefs: WindowState  # the live ``prefs.window``: geometry and last page are kept there
    save_prefs: Callable[[], None]  # writes the settings file (run on the runner)
    runner: Runner
    log_dir: Path


def _b64(data: QByteArray) -> str:
    return base64.b64encode(bytes(data.data())).decode("ascii")


def _unb64(text: str | None) -> QByteArray | None:
    if not text:
        return None
    try:
        return QByteArray(base64.b64decode(text, validate=True))
    except ValueError:
        return None


class MainWindow(QMainWindow):
    bookLinkDropped = Signal(str, str)  # asin, region
    pageChanged = Signal(str)
    settingsRequested = Signal()
    quitRequested = Signal()
    closeToTray = Signal()

    def __init__(self, pages: list[PageSpec] | None = None, *, window_state: WindowStateLike) -> None:
        """The window shows its frame and a loading page (the core may still be opening);
        :meth:`attach` then builds the selected page. ``pages`` defaults to the registry's."""
        super().__init__()
        self.parts: WindowParts | None = None
        self.tray_active = False  # set by the tray: closing then hides instead of quitting
        self.quitting = False  # set when the app quits: closing is then accepted
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icons.app_icon())
        self.setAcceptDrops(True)
        self.setMinimumSize(760, 480)
        self.resize(DEFAULT_SIZE)

        self.banners = BannerArea()
        self.pages_model = PagesModel(list(PAGES if pages is None else pages))
        self._built: dict[str, QWidget] = {}
        self._loading: QWidget | None = None
        self._build_ui()
        self._build_menu()
        self._build_status_bar()
        self._tint_icons()
        self._restore_state(window_state)

    def attach(self, parts: WindowParts) -> None:
        """The core is open: pages can be built; the selected one replaces the loading page."""
        self.parts = parts
        self._on_row(self.sidebar.currentIndex().row())
        if self._loading is not None:
            self.stack.removeWidget(self._loading)
            self._loading.deleteLater()
            self._loading = None

    # -- construction ---------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.sidebar = QListView(objectName="sidebar")
        self.sidebar.setModel(self.pages_model)
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setSpacing(0)
        self.sidebar.setUniformItemSizes(True)
        self.sidebar.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._on_row(cur.row()))

        brand = QLabel(objectName="sidebarTitle")
        logo = icons.app_icon().pixmap(22, 22)
        brand.setText(APP_NAME.replace(" Desktop", ""))
        brand_row = QFrame(objectName="sidebarBrand")
        brand_layout = QHBoxLayout(brand_row)
        brand_layout.setContentsMargins(14, 12, 8, 6)
        brand_layout.setSpacing(8)
        logo_label = QLabel()
        logo_label.setPixmap(logo)
        brand_layout.addWidget(logo_label)
        brand_layout.addWidget(brand, 1)
        side = QFrame()
        side.setFixedWidth(SIDEBAR_WIDTH)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(brand_row)
        side_layout.addWidget(self.sidebar, 1)

        self.stack = QStackedWidget()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.banners)
        right_layout.addWidget(self.stack, 1)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side)
        layout.addWidget(right, 1)
        self.setCentralWidget(central)
        if self.pages_model.rowCount() == 0:
            self.stack.addWidget(
                EmptyState("activity", "Nothing here yet", "No pages are installed in this build.")
            )
        else:
            self._loading = EmptyState("activity", "Opening your library…", "This takes a moment.")
            self.stack.addWidget(self._loading)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        settings = QAction("&Settings…", self, shortcut=QKeySequence("Ctrl+,"))
        settings.triggered.connect(self.settingsRequested)
        file_menu.addAction(settings)
        logs = QAction("Open &Log Folder", self)
        logs.triggered.connect(self.open_log_folder)
        file_menu.addAction(logs)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.quitRequested)
        file_menu.addAction(quit_action)
        go_menu = self.menuBar().addMenu("&Go")
        for row, spec in enumerate(self.pages_model.pages):
            action = QAction(spec.title, self)
            if row < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _checked=False, key=spec.key: self.show_page(key))
            go_menu.addAction(action)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(True)
        self.jobs_label = QLabel("")
        self.automation_label = QLabel("")
        self.keyring_label = QLabel("Keychain: checking…")
        for label in (self.jobs_label, self.automation_label, self.keyring_label):
            bar.addPermanentWidget(label)

    # -- pages ----------------------------------------------------------------------------------
    def show_page(self, key: str) -> bool:
        """Select the page ``key`` in the sidebar (building it on first use)."""
        row = self.pages_model.row_of(key)
        if row < 0:
            return False
        index = self.pages_model.index(row)
        self.sidebar.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._on_row(row)
        return True

    def current_page_key(self) -> str | None:
        row = self.sidebar.currentIndex().row()
        return self.pages_model.spec(row).key if row >= 0 else None

    def page(self, key: str) -> QWidget | None:
        """The page widget if it was built."""
        return self._built.get(key)

    def _on_row(self, row: int) -> None:
        if row < 0:
            return
        spec = self.pages_model.spec(row)
        if self.parts is None:  # attach() builds the page once the core is open
            return
        if spec.key not in self._built:
            self._built[spec.key] = self._build_page(spec)
            self.stack.addWidget(self._built[spec.key])
        self.stack.setCurrentWidget(self._built[spec.key])
        if self.parts.window_prefs.last_page != spec.key:
            self.parts.window_prefs.last_page = spec.key
        self.pageChanged.emit(spec.key)

    def _build_page(self, spec: PageSpec) -> QWidget:
        assert self.parts is not None
        try:
            return self.parts.build_page(spec)
        except Exception as exc:  # a broken page must not take the window down
            log.exception("Page %s could not be built", spec.key)
            return EmptyState(
                "error",
                f"{spec.title} could not be opened",
                f"{type(exc).__name__}: {exc}\nThe details are in the log file.",
            )

    # -- status bar -----------------------------------------------------------------------------
    def set_jobs_status(self, active: int, queued: int, failed: int) -> None:
        parts = [f"{active} running", f"{queued} queued"]
        if failed:
            parts.append(f"{failed} failed")
        self.jobs_label.setText("Jobs: " + ", ".join(parts))

    def set_automation_status(self, text: str, tooltip: str = "") -> None:
        self.automation_label.setText(text)
        self.automation_label.setToolTip(tooltip)

    def set_keyring_status(self, state: str, message: str) -> None:
        words = {
            "secure": "Keychain: secure",
            "locked": "Keychain: locked",
            "unavailable": "Keychain: unavailable",
        }
        self.keyring_label.setText(words.get(state, f"Keychain: {state}"))
        self.keyring_label.setToolTip(message)
        if state == "secure":
            self.banners.hide_banner("keyring")
        else:
            level = "warning" if state == "locked" else "error"
            self.banners.show_banner("keyring", message, level)

    # -- geometry -------------------------------------------------------------------------------
    def _restore_state(self, window: WindowStateLike) -> None:
        geometry = _unb64(window.geometry_b64)
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = _unb64(window.state_b64)
        if state is not None:
            self.restoreState(state)
        if not self.show_page(window.last_page) and self.pages_model.rowCount():
            self.show_page(self.pages_model.spec(0).key)

    def remember_state(self) -> None:
        """Copy geometry/state into prefs and save them off the GUI thread."""
        parts = self.parts
        if parts is None:  # still opening: nothing to save into yet
            return
        parts.window_prefs.geometry_b64 = _b64(self.saveGeometry())
        parts.window_prefs.state_b64 = _b64(self.saveState())
        parts.runner.submit(parts.save_prefs, pool="network")

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.quitting:
            event.accept()
            return
        self.remember_state()
        if self.tray_active:
            event.ignore()
            self.hide()
            self.closeToTray.emit()
            return
        event.ignore()
        self.quitRequested.emit()

    # -- drag and drop of Audible links -----------------------------------------------------------
    @staticmethod
    def _links(event: QDragEnterEvent | QDropEvent) -> list[tuple[str, str]]:
        mime = event.mimeData()
        candidates = [url.toString() for url in mime.urls()] if mime.hasUrls() else []
        if mime.hasText():
            candidates += mime.text().split()
        found = []
        for text in candidates:
            parsed = parse_audible_link(text)
            if parsed and parsed not in found:
                found.append(parsed)
        return found

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._links(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        links = self._links(event)
        if not links:
            event.ignore()
            return
        event.acceptProposedAction()
        for asin, region in links:
            self.bookLinkDropped.emit(asin, region)

    # -- misc -----------------------------------------------------------------------------------
    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def open_log_folder(self) -> None:
        if self.parts is None:
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.parts.log_dir)))

    def _tint_icons(self) -> None:
        palette = self.palette()
        self.pages_model.set_icon_colors(
            palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.HighlightedText)
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._tint_icons()
        super().changeEvent(event)
