"""The steps of the first-run wizard. Every step has a Test whose failure says what to fix.

Pages only collect choices and run tests through the runner; nothing is saved before the user
presses "Save and start" (see ``first_run_wizard``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from rmab_desktop.domain.addresses import AddressKind
from rmab_desktop.domain.catalog import REGION_NAMES, region_label
from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.enums import LibraryBackendKind
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.services import setup
from rmab_desktop.services.downloads import DownloadClientConfig
from rmab_desktop.services.downloads.config import DEFAULT_URLS, KIND_LABELS, KIND_PROTOCOL, PathMapping
from rmab_desktop.services.indexers import IndexerConfig, IndexerType
from rmab_desktop.ui.dialogs.focus import chain, labelled_row
from rmab_desktop.ui.secret_places import secret_field
from rmab_desktop.ui.widgets.address_field import check_as_typed, unusable_address
from rmab_desktop.ui.widgets.test_button import TestButton, TestPlan
from rmab_desktop.ui.widgets.test_result import TestResultLabel

if TYPE_CHECKING:
    from rmab_desktop.services.downloads import DownloadService
    from rmab_desktop.services.indexers import IndexerService
    from rmab_desktop.services.library.service import LibraryService
    from rmab_desktop.services.notifications import NotificationService
    from rmab_desktop.settings import Preferences
    from rmab_desktop.ui.shell import Runner


tr = Translator("SetupAssistant")


@dataclass(frozen=True)
class SetupSteps:
    """The calls of ``services/setup.py`` that need the app's services, bound to them by the
    composition (``ui/wiring.py``); each runs on the runner."""

    server_libraries: Callable[[setup.LibraryChoice], list[tuple[str, str]]]
    check_library: Callable[[setup.LibraryChoice], ConnectionTestResult]
    check_audible: Callable[[str], ConnectionTestResult]
    apply_plan: Callable[[setup.SetupPlan], setup.StartedJobs]


def _secret_edit(placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    return edit


def _missing(message: str, hint: str = "") -> ConnectionTestResult:
    return ConnectionTestResult(False, message, hint=hint)


def _browse_button(edit: QLineEdit, parent: QWidget, title: str) -> QPushButton:
    """A Browse button that puts the chosen folder into ``edit``."""
    browse = QPushButton(tr("&Browse…"))
    browse.setAccessibleName(tr("Browse for: {folder}").format(folder=title))

    def choose() -> None:
        chosen = QFileDialog.getExistingDirectory(parent, title, edit.text())
        if chosen:
            edit.setText(chosen)

    browse.clicked.connect(choose)
    return browse


class WelcomePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(tr("Welcome to ReadMeABook"))
        intro = QLabel(
            tr(
                "In a few steps you choose where your audiobooks live, which Audible marketplace to browse, "
                "where to search for releases, which download client fetches them and how you want to be "
                "notified.\n\nEach step has a Test button. Anything you leave empty can be set later in "
                "Settings, and this assistant can be opened again from Settings > Setup."
            )
        )
        intro.setWordWrap(True)
        QVBoxLayout(self).addWidget(intro)


class LibraryPage(QWizardPage):
    KINDS = [
        (LibraryBackendKind.FOLDER, tr.mark("Just a folder (the app scans it)")),
        (LibraryBackendKind.PLEX, "Plex"),
        (LibraryBackendKind.AUDIOBOOKSHELF, "Audiobookshelf"),
    ]

    def __init__(
        self, steps: SetupSteps, prefs: Preferences, library: LibraryService, runner: Runner
    ) -> None:
        super().__init__()
        self.steps, self.runner = steps, runner
        self.setTitle(tr("Your library"))
        self.setSubTitle(tr("Books are organized and tagged into this folder; a server can then show them."))
        self.folder_edit = QLineEdit(prefs.library.root or "")
        self.folder_edit.setPlaceholderText(tr("e.g. /home/me/Audiobooks"))
        self.folder_edit.textChanged.connect(self.completeChanged)
        self.kind_group = QButtonGroup(self)
        kinds = QVBoxLayout()
        for position, (_kind, label) in enumerate(self.KINDS):
            radio = QRadioButton(text(label))
            radio.setChecked(position == 0)
            self.kind_group.addButton(radio, position)
            kinds.addWidget(radio)
        self.kind_group.idToggled.connect(lambda *_: self._kind_changed())

        self.server_box = QGroupBox(tr("Server"))
        server = QFormLayout(self.server_box)
        self.url_edit = QLineEdit()
        self.token_edit = secret_field()
        self.find_button = QPushButton(tr("&Find libraries"))
        self.find_button.clicked.connect(self.find_libraries)
        self.library_combo = QComboBox()
        self.library_combo.currentIndexChanged.connect(self.completeChanged)
        self.find_result = TestResultLabel()
        server.addRow(tr("&Address"), self.url_edit)
        server.addRow("", check_as_typed(self.url_edit))
        server.addRow(tr("T&oken"), self.token_edit)
        labelled_row(server, tr("&Library"), self.library_combo, self.find_button)
        server.addRow("", self.find_result)

        self.test = TestButton(runner, self._test_call, tr("&Test"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        browse = _browse_button(self.folder_edit, self, tr("Library folder"))
        labelled_row(form, tr("Library &folder"), self.folder_edit, browse)
        form.addRow(tr("Shown by"), kinds)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.server_box)
        layout.addWidget(self.test)
        layout.addStretch(1)
        chain(
            self.folder_edit,
            browse,
            *self.kind_group.buttons(),
            self.url_edit,
            self.token_edit,
            self.library_combo,
            self.find_button,
            self.test.button,
        )
        self._kind_changed()
        runner.submit(  # the saved backend (the config is its only home)
            lambda: library.backend_config().kind, pool="library", on_result=self._saved_kind
        )

    def _saved_kind(self, kind: LibraryBackendKind) -> None:
        if self.kind() == LibraryBackendKind.FOLDER:  # the user has not chosen yet
            self.set_kind(kind)

    def kind(self) -> LibraryBackendKind:
        return self.KINDS[max(self.kind_group.checkedId(), 0)][0]

    def set_kind(self, kind: LibraryBackendKind) -> None:
        self.kind_group.button([k for k, _ in self.KINDS].index(kind)).setChecked(True)

    def _kind_changed(self) -> None:
        kind = self.kind()
        self.server_box.setVisible(kind != LibraryBackendKind.FOLDER)
        self.url_edit.setPlaceholderText(
            "http://192.168.1.10:32400" if kind == LibraryBackendKind.PLEX else "http://192.168.1.10:13378"
        )
        self.library_combo.clear()
        self.test.reset()
        self.completeChanged.emit()

    def find_libraries(self) -> None:
        if (bad := unusable_address(self.url_edit.text())) is not None:
            self.find_result.show_result(bad)
            return
        self.find_result.show_busy(tr("Asking the server…"))
        self.find_button.setEnabled(False)
        self.runner.submit(
            self.steps.server_libraries,
            self.choice(),
            on_result=self._show_libraries,
            on_error=self.find_result.show_error,
            on_finished=lambda: self.find_button.setEnabled(True),
        )

    def _show_libraries(self, libraries: list[tuple[str, str]]) -> None:
        self.library_combo.clear()
        for library_id, title in libraries:
            self.library_combo.addItem(title, library_id)
        if libraries:
            self.find_result.show_result(
                ConnectionTestResult(True, tr.n("Audiobook libraries found: %n.", len(libraries)))
            )
        else:
            self.find_result.show_result(
                _missing(
                    tr("The server has no audiobook library."),
                    tr("Create one on the server, then try again."),
                )
            )

    def choice(self) -> setup.LibraryChoice:
        return setup.LibraryChoice(
            root=self.folder_edit.text().strip(),
            kind=self.kind(),
            url=self.url_edit.text().strip(),
            token=self.token_edit.text().strip(),
            library_id=str(self.library_combo.currentData() or ""),
        )

    def _test_call(self) -> TestPlan:
        if self.kind() != LibraryBackendKind.FOLDER and (bad := unusable_address(self.url_edit.text())):
            return bad
        return self.steps.check_library, (self.choice(),)

    def isComplete(self) -> bool:
        if not self.folder_edit.text().strip():
            return False
        return self.kind() == LibraryBackendKind.FOLDER or self.library_combo.currentData() is not None


class AudiblePage(QWizardPage):
    def __init__(self, steps: SetupSteps, prefs: Preferences, runner: Runner) -> None:
        super().__init__()
        self.setTitle(tr("Audible marketplace"))
        self.setSubTitle(
            tr("Books are discovered and identified in this marketplace (an ASIN belongs to one).")
        )
        self.region_combo = QComboBox()
        for code in REGION_NAMES:
            self.region_combo.addItem(region_label(code), code)
        self.region_combo.setCurrentIndex(max(self.region_combo.findData(prefs.catalog.region), 0))
        self.test = TestButton(runner, lambda: (steps.check_audible, (self.region(),)), tr("&Test"))
        form = QFormLayout()
        form.addRow(tr("&Marketplace"), self.region_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.test)
        layout.addStretch(1)

    def region(self) -> str:
        return str(self.region_combo.currentData())


class IndexerBox(QGroupBox):
    """One optional indexer: checkable box with address, API key and its own Test."""

    def __init__(
        self, indexers: IndexerService, runner: Runner, title: str, types: list[IndexerType], url_hint: str
    ) -> None:
        super().__init__(title)
        self.indexers = indexers
        self.setCheckable(True)
        self.setChecked(False)
        self.type_combo = QComboBox()
        for kind in types:
            self.type_combo.addItem(kind.value.title(), kind)
        self.type_combo.setVisible(len(types) > 1)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText(url_hint)
        self.key_edit = secret_field()
        self.test = TestButton(runner, self._test_call, tr("Test"))
        self.test.button.setAccessibleName(tr("Test {indexer}").format(indexer=title))
        for field in (self.type_combo, self.url_edit, self.key_edit):
            field.setAccessibleDescription(title)  # two boxes have an Address: say whose
        form = QFormLayout(self)
        if len(types) > 1:
            form.addRow(tr("Type"), self.type_combo)
        form.addRow(tr("Address"), self.url_edit)
        form.addRow("", check_as_typed(self.url_edit))
        form.addRow(tr("API key"), self.key_edit)
        form.addRow("", self.test)

    def config(self) -> IndexerConfig:
        kind: IndexerType = self.type_combo.currentData()
        url = self.url_edit.text().strip()
        name = "Prowlarr" if kind is IndexerType.PROWLARR else (urlsplit(url).hostname or kind.value.title())
        return IndexerConfig(name=name, type=kind, url=url)

    def chosen(self) -> tuple[IndexerConfig, str | None] | None:
        if not self.isChecked() or not self.url_edit.text().strip():
            return None
        return self.config(), self.key_edit.text().strip() or None

    def _test_call(self) -> TestPlan:
        if not self.url_edit.text().strip():
            return _missing(tr("Enter the indexer's address first."), self.url_edit.placeholderText())
        if (bad := unusable_address(self.url_edit.text())) is not None:
            return bad
        return self.indexers.test, (self.config(), self.key_edit.text().strip())


class IndexersPage(QWizardPage):
    def __init__(self, indexers: IndexerService, runner: Runner) -> None:
        super().__init__()
        self.setTitle(tr("Where to search"))
        self.setSubTitle(
            tr("Choose at least one source of releases. Prowlarr searches all its indexers at once.")
        )
        self.prowlarr = IndexerBox(
            indexers, runner, "Prowlarr", [IndexerType.PROWLARR], "http://127.0.0.1:9696"
        )
        self.torznab = IndexerBox(
            indexers,
            runner,
            tr("Torznab / Newznab indexer"),
            [IndexerType.TORZNAB, IndexerType.NEWZNAB],
            "https://indexer.example/api",
        )
        self.public_domain = QCheckBox(
            tr("Internet Archive / LibriVox: public-domain books, no account needed")
        )
        self.public_domain.setChecked(True)
        self.public_test = TestButton(
            runner, lambda: (indexers.test, (self.public_domain_config(), None)), tr("Test")
        )
        self.public_test.button.setAccessibleName(tr("Test Internet Archive / LibriVox"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.prowlarr)
        layout.addWidget(self.torznab)
        layout.addWidget(self.public_domain)
        layout.addWidget(self.public_test)
        layout.addStretch(1)

    @staticmethod
    def public_domain_config() -> IndexerConfig:
        return IndexerConfig(name="Internet Archive", type=IndexerType.INTERNET_ARCHIVE, priority=5)

    def chosen(self) -> list[tuple[IndexerConfig, str | None]]:
        found = [box.chosen() for box in (self.prowlarr, self.torznab)]
        chosen = [item for item in found if item is not None]
        if self.public_domain.isChecked():
            chosen.append((self.public_domain_config(), None))
        return chosen


class DownloadClientPage(QWizardPage):
    KINDS = ["", "qbittorrent", "transmission", "sabnzbd", "nzbget"]

    def __init__(self, downloads: DownloadService, runner: Runner) -> None:
        super().__init__()
        self.downloads = downloads
        self.setTitle(tr("Download client"))
        self.setSubTitle(
            tr(
                "The client that downloads torrents or NZBs. Public-domain books download directly and need none."
            )
        )
        self.kind_combo = QComboBox()
        for kind in self.KINDS:
            self.kind_combo.addItem(KIND_LABELS.get(kind) or tr("None for now"), kind)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.url_edit = QLineEdit()
        self.user_edit = QLineEdit()
        self.secret_edit = secret_field()
        self.category_edit = QLineEdit("audiobooks")
        self.remote_edit = QLineEdit()
        self.remote_edit.setPlaceholderText(tr("as the client sees it, e.g. /downloads"))
        self.local_edit = QLineEdit()
        self.local_edit.setPlaceholderText(tr("the same folder on this computer, e.g. /mnt/nas/downloads"))
        self.test = TestButton(runner, self._test_call, tr("&Test"))
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.addRow(tr("&Client"), self.kind_combo)
        self.form.addRow(tr("&Address"), self.url_edit)
        self.form.addRow("", check_as_typed(self.url_edit))
        self.form.addRow(tr("&User name"), self.user_edit)
        self.secret_label = QLabel(tr("&Password"))
        self.secret_label.setBuddy(self.secret_edit)
        self.form.addRow(self.secret_label, self.secret_edit)
        self.form.addRow(tr("Cate&gory"), self.category_edit)
        self.form.addRow(tr("Client's &download folder"), self.remote_edit)
        browse = _browse_button(self.local_edit, self, tr("Download folder on this computer"))
        labelled_row(self.form, tr("&Same folder here"), self.local_edit, browse)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.test)
        layout.addStretch(1)
        chain(self.local_edit, browse, self.test.button)
        self._kind_changed()

    def kind(self) -> str:
        return str(self.kind_combo.currentData() or "")

    def set_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(self.KINDS.index(kind))

    def _kind_changed(self) -> None:
        kind = self.kind()
        for widget in (
            self.url_edit,
            self.user_edit,
            self.secret_edit,
            self.category_edit,
            self.remote_edit,
            self.local_edit,
            self.test,
        ):
            widget.setEnabled(bool(kind))
        self.url_edit.setText(DEFAULT_URLS.get(kind, ""))
        self.secret_label.setText(tr("API &key") if kind == "sabnzbd" else tr("&Password"))
        self.user_edit.setEnabled(kind not in ("", "sabnzbd"))
        self.test.reset()

    def config(self) -> DownloadClientConfig:
        remote, local = self.remote_edit.text().strip(), self.local_edit.text().strip()
        mappings = [PathMapping(remote=remote, local=local)] if remote and local else []
        return DownloadClientConfig(
            name=KIND_LABELS[self.kind()],
            kind=self.kind(),
            url=self.url_edit.text().strip(),
            username=self.user_edit.text().strip(),
            category=self.category_edit.text().strip(),
            path_mappings=mappings,
        )

    def chosen(self) -> tuple[DownloadClientConfig, str | None] | None:
        if not self.kind():
            return None
        return self.config(), self.secret_edit.text() or None

    def _test_call(self) -> TestPlan:
        if not self.kind():
            return _missing(tr("Choose a download client first."))
        if (self.remote_edit.text().strip() == "") != (self.local_edit.text().strip() == ""):
            return _missing(
                tr("Fill in both folders of the path mapping, or neither."),
                tr("The client's folder and the same folder as this computer sees it."),
            )
        config = self.config()
        if config.kind != "direct_http" and (bad := unusable_address(config.url)) is not None:
            return bad
        return self.downloads.test, (config, self.secret_edit.text() or None)

    def protocol(self) -> str:
        return KIND_PROTOCOL.get(self.kind(), "")


class NotificationsPage(QWizardPage):
    def __init__(self, notifications: NotificationService, runner: Runner) -> None:
        super().__init__()
        self.notifications = notifications
        self.setTitle(tr("Notifications"))
        self.setSubTitle(
            tr(
                "Optional: also notify a phone or chat (Discord, Telegram, ntfy, Pushover, email …) with an "
                "Apprise URL. Desktop notifications are always on."
            )
        )
        self.url_edit = _secret_edit(tr("e.g. ntfys://my-topic or discord://webhook_id/webhook_token"))
        self.test = TestButton(runner, self._test_call, tr("Send &test"))
        form = QFormLayout()
        form.addRow(tr("Apprise &URL"), self.url_edit)
        form.addRow("", check_as_typed(self.url_edit, AddressKind.NOTIFICATION))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.test)
        layout.addStretch(1)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, tr("Save and start"))

    def url(self) -> str | None:
        return self.url_edit.text().strip() or None

    def _test_call(self) -> TestPlan:
        if not self.url():
            return _missing(tr("Enter an Apprise URL first, or leave it empty to skip."))
        if (bad := unusable_address(self.url_edit.text(), AddressKind.NOTIFICATION)) is not None:
            return bad
        return self.notifications.test_url, (self.url(),)
