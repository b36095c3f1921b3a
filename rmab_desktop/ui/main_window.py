"""The main window: sidebar built from the page registry, stacked pages, banners and a status bar."""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QByteArray, QEvent, QItemSelectionModel, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
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
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop import APP_NAME
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.ui import icons
from rmab_desktop.ui.delegates.sidebar_delegate import SidebarDelegate
from rmab_desktop.ui.dialogs.about_dialog import HOMEPAGE, AboutDialog
from rmab_desktop.ui.dialogs.report_problem import Collect, ReportProblem
from rmab_desktop.ui.formatting import number
from rmab_desktop.ui.links import parse_audible_link
from rmab_desktop.ui.models.pages_model import PagesModel
from rmab_desktop.ui.pages.registry import PAGES, PageSpec
from rmab_desktop.ui.shortcuts_dialog import ShortcutsDialog
from rmab_desktop.ui.widgets.banner import BannerArea
from rmab_desktop.ui.widgets.empty_state import EmptyState

if TYPE_CHECKING:
    from rmab_desktop.settings import WindowState
    from rmab_desktop.ui.shell import Runner

log = logging.getLogger(__name__)

tr = Translator("MainWindow")

SIDEBAR_WIDTH = 200
DEFAULT_SIZE = QSize(1180, 760)
DOCS_URL = f"{HOMEPAGE}#readme"  # the README: tour of the pages, setup, troubleshooting


class WindowStateLike(Protocol):
    """Saved geometry and page: ``prefs.window``, or the early look at the settings file."""

    @property
    def geometry_b64(self) -> str | None: ...
    @property
    def state_b64(self) -> str | None: ...
    @property
    def last_page(self) -> str: ...


@dataclass(frozen=True)
class WindowParts:
    """What the window needs once the core is open (see :meth:`MainWindow.attach`)."""

    build_page: Callable[[PageSpec], QWidget]  # runs the spec's factory with the app's services
    window_prefs: WindowState  # the live ``prefs.window``: geometry and last page are kept there
    save_prefs: Callable[[], None]  # writes the settings file (run on the runner)
    runner: Runner
    log_dir: Path
    diagnostics: Collect  # what Help > Report a problem saves (AppCore.diagnostics_inputs)


def _b64(data: QByteArray) -> str:
    return base64.b64encode(bytes(data.data())).decode("ascii")


def _unb64(text: str | None) -> QByteArray | None:
    if not text:
        return None
    try:
        return QByteArray(base64.b64decode(text, validate=True))
    except ValueError:
        return None


class PageCommands(Protocol):
    """What a page may offer the window's keyboard commands (each one optional)."""

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the page's search or filter box."""

    def reload(self) -> None:
        """F5: read the page's data again."""


class MainWindow(QMainWindow):
    bookLinkDropped = Signal(str, str)  # asin, region
    pageChanged = Signal(str)
    settingsRequested = Signal()
    importRequested = Signal()  # moving over from ReadMeABook or AudioBookRequest
    signOutRequested = Signal()
    switchUserRequested = Signal()
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
        self.reporter: ReportProblem | None = None
        self._loading: QWidget | None = None
        self._build_ui()
        self._build_menu()
        self._build_status_bar()
        self._tint_icons()
        self.set_restricted_visible(False)
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
        self.sidebar = QListView()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(tr("Pages"))
        self.sidebar.setAccessibleDescription(tr("Choose a page; Ctrl+1 to Ctrl+9 open the first nine"))
        self.sidebar.setModel(self.pages_model)
        self.sidebar.setItemDelegate(SidebarDelegate(self.sidebar))
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setSpacing(0)
        self.sidebar.setUniformItemSizes(True)
        self.sidebar.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._on_row(cur.row()))

        brand = QLabel()
        brand.setObjectName("sidebarTitle")
        logo = icons.app_icon().pixmap(22, 22)
        brand.setText(APP_NAME.replace(" Desktop", ""))
        brand_row = QFrame()
        brand_row.setObjectName("sidebarBrand")
        brand_layout = QHBoxLayout(brand_row)
        brand_layout.setContentsMargins(14, 12, 8, 6)
        brand_layout.setSpacing(8)
        logo_label = QLabel()
        logo_label.setPixmap(logo)
        logo_label.setAccessibleName(APP_NAME)
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
                EmptyState("activity", tr("Nothing here yet"), tr("No pages are installed in this build."))
            )
        else:
            self._loading = EmptyState("activity", tr("Opening your library…"), tr("This takes a moment."))
            self.stack.addWidget(self._loading)

    def _action(self, label: str, slot: Callable[[], object], *keys: str) -> QAction:
        action = QAction(label, self)
        if keys:
            action.setShortcuts([QKeySequence(key) for key in keys])
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work while the menu bar is hidden (some desktops)
        return action

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(tr("&File"))
        self.settings_action = self._action(tr("&Settings…"), self.settingsRequested.emit, "Ctrl+,")
        file_menu.addAction(self.settings_action)
        file_menu.addAction(
            self._action(tr("&Import from ReadMeABook / AudioBookRequest…"), self.importRequested.emit)
        )
        file_menu.addAction(self._action(tr("Open &Log Folder"), self.open_log_folder))
        file_menu.addSeparator()
        self.switch_user_action = self._action(tr("S&witch User…"), self.switchUserRequested.emit)
        self.sign_out_action = self._action(tr("Sign &Out"), self.signOutRequested.emit)
        for action in (self.switch_user_action, self.sign_out_action):
            action.setVisible(False)  # household mode only (set_household)
            file_menu.addAction(action)
        self.household_separator = file_menu.addSeparator()
        self.household_separator.setVisible(False)
        self.quit_action = self._action(tr("&Quit"), self.quitRequested.emit, "Ctrl+Q")
        file_menu.addAction(self.quit_action)

        view_menu = self.menuBar().addMenu(tr("&View"))
        self.find_action = self._action(tr("&Find in This Page"), self.focus_search, "Ctrl+F")
        self.search_catalog_action = self._action(tr("Search the &Catalog"), self.search_catalog, "Ctrl+K")
        self.reload_action = self._action(tr("&Refresh This Page"), self.reload_page, "F5")
        for action in (self.find_action, self.search_catalog_action, self.reload_action):
            view_menu.addAction(action)

        go_menu = self.menuBar().addMenu(tr("&Go"))
        self.go_actions: dict[str, QAction] = {}
        for row, spec in enumerate(self.pages_model.pages):
            keys = (f"Ctrl+{row + 1}",) if row < 9 else ()
            action = self._action(text(spec.title), partial(self.show_page, spec.key), *keys)
            self.go_actions[spec.key] = action
            go_menu.addAction(action)

        help_menu = self.menuBar().addMenu(tr("&Help"))
        self.shortcuts_action = self._action(tr("&Keyboard Shortcuts"), self.show_shortcuts, "Ctrl+/", "F1")
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self._action(tr("&Documentation"), self.open_documentation))
        help_menu.addAction(self._action(tr("Open &Log Folder"), self.open_log_folder))
        self.report_action = self._action(tr("&Report a Problem…"), self.report_problem)
        help_menu.addAction(self.report_action)
        help_menu.addSeparator()
        help_menu.addAction(self._action(tr("&About {app}").format(app=APP_NAME), self.show_about))

    def menu_shortcuts(self) -> list[tuple[str, str]]:
        """(menu › command, key) for every menu command that has a shortcut, in menu order."""
        found = []
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            if not isinstance(menu, QMenu):  # a plain command in the menu bar
                continue
            for action in menu.actions():
                keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
                if keys:
                    where = tr("{menu} › {command}").format(
                        menu=menu_action.text().replace("&", ""), command=action.text().replace("&", "")
                    )
                    found.append((where, tr(", ").join(keys)))
        return found

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.menu_shortcuts(), self)
        dialog.open()
        return dialog

    # -- keyboard commands on the current page ----------------------------------------------------
    def _current_page(self) -> QWidget | None:
        key = self.current_page_key()
        return self._built.get(key) if key else None

    def focus_search(self) -> None:
        """Ctrl+F: the current page's search or filter box; the catalog search when it has none."""
        focus = getattr(self._current_page(), "focus_search", None)
        if focus is not None:
            focus()
        else:
            self.search_catalog()

    def search_catalog(self) -> None:
        """Ctrl+K: the catalog search, from any page."""
        if self.show_page("search"):
            focus = getattr(self._current_page(), "focus_search", None)
            if focus is not None:
                focus()

    def reload_page(self) -> None:
        reload = getattr(self._current_page(), "reload", None)
        if reload is not None:
            reload()

    def reload_all_pages(self) -> None:
        """Another person signed in: every built page reads its data again."""
        for page in self._built.values():
            reload = getattr(page, "reload", None)
            if reload is not None:
                reload()

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(True)
        self.jobs_label = QLabel("")
        self.jobs_label.setAccessibleName(tr("Background jobs"))
        self.automation_label = QLabel("")
        self.automation_label.setAccessibleName(tr("Automation"))
        self.keyring_label = QLabel(tr("Keychain: checking…"))
        self.keyring_label.setAccessibleName(tr("Keychain"))
        for label in (self.jobs_label, self.automation_label, self.keyring_label):
            bar.addPermanentWidget(label)

    # -- household ------------------------------------------------------------------------------
    def set_household(self, user_label: str | None) -> None:
        """Household mode shows who is signed in and offers sign out and switch user."""
        for action in (self.switch_user_action, self.sign_out_action, self.household_separator):
            action.setVisible(user_label is not None)
        if user_label is not None:
            self.sign_out_action.setText(tr("Sign &Out ({name})").format(name=user_label))

    def set_restricted_visible(self, visible: bool) -> None:
        """Show or hide every page kept for a household's administrators (Users, Approvals)."""
        for spec in self.pages_model.pages:
            if spec.restricted:
                self.set_page_visible(spec.key, visible)

    def set_page_visible(self, key: str, visible: bool) -> None:
        """Hide a page the signed-in user may not use (its sidebar row and Go menu entry)."""
        row = self.pages_model.row_of(key)
        if row < 0 or self.sidebar.isRowHidden(row) == (not visible):
            return
        self.sidebar.setRowHidden(row, not visible)
        self.go_actions[key].setVisible(visible)
        if not visible and self.current_page_key() == key:
            self.show_page(self.pages_model.spec(0).key)

    # -- pages ----------------------------------------------------------------------------------
    def show_page(self, key: str) -> bool:
        """Select the page ``key`` in the sidebar (building it on first use)."""
        row = self.pages_model.row_of(key)
        if row < 0 or self.sidebar.isRowHidden(row):
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
                tr("{page} could not be opened").format(page=text(spec.title)),
                tr("{error}\nThe details are in the log file.").format(error=f"{type(exc).__name__}: {exc}"),
            )

    def set_badge(self, key: str, count: int) -> None:
        """The count beside page ``key`` in the sidebar (0: none), e.g. requests awaiting approval."""
        self.pages_model.set_badge(key, count)

    # -- status bar -----------------------------------------------------------------------------
    def set_jobs_status(self, active: int, queued: int, failed: int) -> None:
        counts = {"running": number(active), "queued": number(queued), "failed": number(failed)}
        if failed:
            self.jobs_label.setText(
                tr("Jobs: {running} running, {queued} queued, {failed} failed").format(**counts)
            )
        else:
            self.jobs_label.setText(tr("Jobs: {running} running, {queued} queued").format(**counts))

    def set_automation_status(self, text: str, tooltip: str = "") -> None:
        self.automation_label.setText(text)
        self.automation_label.setToolTip(tooltip)

    def set_keyring_status(self, state: str, message: str) -> None:
        words = {
            "secure": tr("Keychain: secure"),
            "encrypted_file": tr("Secrets: encrypted file"),
            "locked": tr("Keychain: locked"),
            "unavailable": tr("Keychain: unavailable"),
        }
        self.keyring_label.setText(words.get(state, words["unavailable"]))
        self.keyring_label.setToolTip(message)
        if state in ("secure", "encrypted_file"):
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
        for candidate in candidates:
            parsed = parse_audible_link(candidate)
            if parsed and parsed not in found:
                found.append(parsed)
        return found

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._links(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
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

    def open_documentation(self) -> None:
        QDesktopServices.openUrl(QUrl(DOCS_URL))

    def show_about(self) -> AboutDialog | None:
        if self.parts is None:
            return None
        dialog = AboutDialog(self.parts.runner, parent=self)
        dialog.open()
        return dialog

    def report_problem(self, target: Path | None = None) -> ReportProblem | None:
        """Help > Report a problem…: ask where (unless ``target``), save the bundle, confirm."""
        if self.parts is None:
            return None
        self.reporter = ReportProblem(self, self.parts.runner, self.parts.diagnostics)
        self.reporter.start(target)
        return self.reporter

    def _tint_icons(self) -> None:
        palette = self.palette()
        self.pages_model.set_icon_colors(
            palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.HighlightedText)
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._tint_icons()
        super().changeEvent(event)
