"""Settings > Library: the library folder, the backend (folder, Plex, Audiobookshelf), the server's
address, token (kept in the keychain), library and path mapping, with a Test button."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.clients.plex import PlexPin, PlexTvPinFlow
from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.enums import LibraryBackendKind
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.services.credentials import SecretPresence
from rmab_desktop.services.library.backends import LibraryBackendConfig, PathMapping
from rmab_desktop.services.library.service import LibraryService
from rmab_desktop.ui.dialogs.focus import chain, labelled_row
from rmab_desktop.ui.secret_places import Place, secret_place, secret_placeholder, show_placeholder
from rmab_desktop.ui.widgets.address_field import check_as_typed, unusable_address

if TYPE_CHECKING:
    from rmab_desktop.settings import Preferences
    from rmab_desktop.ui.shell import Runner

tr = Translator("LibrarySettings")

KINDS = [
    (LibraryBackendKind.FOLDER, tr.mark("A folder on this computer (the app scans it)")),
    (LibraryBackendKind.PLEX, tr.mark("Plex (a Music library)")),
    (LibraryBackendKind.AUDIOBOOKSHELF, "Audiobookshelf"),
]


class LibrarySettings(QWidget):
    pin_flow: Callable[[str], PlexTvPinFlow] = PlexTvPinFlow  # tests point it at a fake plex.tv

    def __init__(
        self, service: LibraryService, prefs: Preferences, save_prefs: Callable[[], None], runner: Runner
    ) -> None:
        super().__init__()
        self.service, self.prefs, self.save_prefs, self.runner = service, prefs, save_prefs, runner
        self.config = LibraryBackendConfig()
        self.loaded = False  # OK before (or without) a successful load keeps the saved server
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)

        folder_box = QGroupBox(tr("Library folder"))
        folder_form = QFormLayout(folder_box)
        folder_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.root_edit = QLineEdit(prefs.library.root or "")
        self.root_edit.setPlaceholderText(tr("Where your audiobooks are organized"))
        browse = QPushButton(tr("&Browse…"))
        browse.setAccessibleName(tr("Browse for the library folder"))
        browse.clicked.connect(self._browse)
        labelled_row(folder_form, tr("&Folder"), self.root_edit, browse)
        self.kind_combo = QComboBox()
        for kind, label in KINDS:
            self.kind_combo.addItem(text(label), kind)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        folder_form.addRow(tr("Library &server"), self.kind_combo)
        layout.addWidget(folder_box)

        self.server_box = QGroupBox(tr("Server"))
        form = QFormLayout(self.server_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.url_edit = QLineEdit()
        self.token_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.library_combo = QComboBox(editable=False)
        self.find_button = QPushButton(tr("F&ind libraries"))
        self.find_button.clicked.connect(self.find_libraries)
        self.server_prefix = QLineEdit(placeholderText=tr("/data/audiobooks (as the server sees it)"))
        self.local_prefix = QLineEdit(placeholderText=tr("the same folder on this computer"))
        self.plex_sign_in = QPushButton(tr("Sign in &with Plex…"))
        self.plex_sign_in.setToolTip(
            tr("Opens plex.tv in your browser; the token arrives here when you approve")
        )
        self.plex_sign_in.clicked.connect(self.sign_in_with_plex)
        form.addRow(tr("&Address"), self.url_edit)
        self.url_note = check_as_typed(self.url_edit)
        form.addRow("", self.url_note)
        labelled_row(form, tr("T&oken"), self.token_edit, self.plex_sign_in)
        labelled_row(form, tr("&Library"), self.library_combo, self.find_button)
        form.addRow(tr("Server &path"), self.server_prefix)
        form.addRow(tr("Lo&cal path"), self.local_prefix)
        mapping_help = QLabel(
            tr(
                "Only needed when the server runs elsewhere (NAS, Docker) and sees your library folder "
                "under another path."
            ),
            wordWrap=True,
        )
        mapping_help.setEnabled(False)
        form.addRow("", mapping_help)
        layout.addWidget(self.server_box)

        self.test_button = QPushButton(tr("&Test"))
        self.test_button.clicked.connect(self.test)
        self.result_label = QLabel(wordWrap=True)
        self.result_label.setAccessibleName(tr("Test result"))
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result_label, 1)
        layout.addLayout(test_row)
        layout.addStretch(1)
        chain(
            self.url_edit,
            self.token_edit,
            self.plex_sign_in,
            self.library_combo,
            self.find_button,
            self.server_prefix,
            self.local_prefix,
            self.test_button,
        )
        self._kind_changed()
        runner.submit(self._load, pool="library", on_result=self._loaded, on_error=self._show_error)

    # ----------------------------------------------------------------- loading
    def _load(self) -> tuple[LibraryBackendConfig, SecretPresence, Place]:
        config = self.service.backend_config()
        key = (
            config.plex.token_key
            if config.kind == LibraryBackendKind.PLEX
            else config.audiobookshelf.token_key
        )
        state = secret_place(self.service.credentials)
        if config.kind == LibraryBackendKind.FOLDER:
            return config, SecretPresence.MISSING, state
        return config, self.service.credentials.presence(key), state

    def _loaded(self, result: tuple[LibraryBackendConfig, SecretPresence, Place]) -> None:
        self.config, token, state = result
        self.loaded = True
        self.kind_combo.setCurrentIndex([k for k, _ in KINDS].index(self.config.kind))
        self._fill_server_fields()
        show_placeholder(self.token_edit, secret_placeholder(state, token))

    def _server(self) -> Any:
        return self.config.plex if self.kind == LibraryBackendKind.PLEX else self.config.audiobookshelf

    def _fill_server_fields(self) -> None:
        if self.kind == LibraryBackendKind.FOLDER:
            return
        server = self._server()
        self.url_edit.setText(server.url)
        library_id = server.section_id if self.kind == LibraryBackendKind.PLEX else server.library_id
        self.library_combo.clear()
        if library_id:
            self.library_combo.addItem(library_id, library_id)
        self.server_prefix.setText(server.path_map.server_prefix)
        self.local_prefix.setText(server.path_map.local_prefix)

    # ----------------------------------------------------------------- editing
    @property
    def kind(self) -> LibraryBackendKind:
        return LibraryBackendKind(self.kind_combo.currentData())

    def _kind_changed(self) -> None:
        remote = self.kind != LibraryBackendKind.FOLDER
        self.server_box.setVisible(remote)
        self.plex_sign_in.setVisible(self.kind == LibraryBackendKind.PLEX)
        self.url_edit.setPlaceholderText(
            "http://192.168.1.10:32400"
            if self.kind == LibraryBackendKind.PLEX
            else "http://192.168.1.10:13378"
        )
        self.token_edit.setToolTip(
            tr("Plex: your X-Plex-Token")
            if self.kind == LibraryBackendKind.PLEX
            else tr("Audiobookshelf: an API token")
        )
        self.result_label.clear()
        self._fill_server_fields()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Library folder"), self.root_edit.text())
        if folder:
            self.root_edit.setText(folder)

    def edited_config(self) -> LibraryBackendConfig:
        """The configuration as shown in the form (not saved)."""
        config = self.config.model_copy(deep=True)
        config.kind = self.kind
        if self.kind == LibraryBackendKind.FOLDER:
            return config
        server = config.plex if self.kind == LibraryBackendKind.PLEX else config.audiobookshelf
        server.url = self.url_edit.text().strip()
        library_id = str(self.library_combo.currentData() or "")
        if self.kind == LibraryBackendKind.PLEX:
            config.plex.section_id = library_id
        else:
            config.audiobookshelf.library_id = library_id
        server.path_map = PathMapping(
            server_prefix=self.server_prefix.text().strip(), local_prefix=self.local_prefix.text().strip()
        )
        return config

    def sign_in_with_plex(self) -> None:
        """plex.tv PIN sign-in: the browser opens, the token is fetched in the background."""
        extra = self.prefs.extra
        client_id = extra.setdefault("plex_client_id", str(uuid.uuid4()))
        flow = self.pin_flow(client_id)
        self.plex_sign_in.setEnabled(False)
        self.result_label.setText(tr("Opening plex.tv…"))

        def created(pin: PlexPin) -> None:
            QDesktopServices.openUrl(QUrl(flow.auth_url(pin)))
            self.result_label.setText(tr("Approve the sign-in in your browser; this page waits for Plex."))
            waiting = self.runner.submit(
                lambda progress, cancel: flow.wait_for_token(pin, sleep=cancel.wait),
                with_progress=True,
                on_result=signed_in,
                on_error=failed,
                on_finished=flow.close,
            )
            self.destroyed.connect(waiting.cancel)  # settings closed: stop polling plex.tv

        def signed_in(token: str | None) -> None:
            self.plex_sign_in.setEnabled(True)
            if token:
                self.token_edit.setText(token)
                self.result_label.setText(tr("✔ Signed in with Plex. Choose the library, then Test."))
                if self.url_edit.text().strip():
                    self.find_libraries()

        def failed(info: Any) -> None:
            self.plex_sign_in.setEnabled(True)
            self._show_error(info)

        self.runner.submit(flow.create_pin, on_result=created, on_error=failed)

    def _address_problem(self) -> bool:
        """Say what is wrong with the server address (and True) instead of asking the server."""
        bad = unusable_address(self.url_edit.text())
        if bad is not None:
            self._show_result(bad)
        return bad is not None

    def find_libraries(self) -> None:
        if self._address_problem():
            return
        self.result_label.setText(tr("Asking the server…"))
        self.runner.submit(
            self.service.server_libraries,
            self.edited_config(),
            self.token_edit.text().strip() or None,
            on_result=self._libraries_found,
            on_error=self._show_error,
        )

    def _libraries_found(self, libraries: list[tuple[str, str]]) -> None:
        self.library_combo.clear()
        for library_id, title in libraries:
            self.library_combo.addItem(title, library_id)
        self.result_label.setText(
            tr.n("Audiobook libraries found: %n.", len(libraries))
            if libraries
            else tr("The server has no audiobook library.")
        )

    def test(self) -> None:
        if self.kind != LibraryBackendKind.FOLDER and self._address_problem():
            return
        self.test_button.setEnabled(False)
        self.result_label.setText(tr("Testing…"))
        self._save_root()
        self.runner.submit(
            self.service.test,
            self.edited_config(),
            self.token_edit.text().strip() or None,
            on_result=self._show_result,
            on_error=self._show_error,
            on_finished=lambda: self.test_button.setEnabled(True),
        )

    def _show_result(self, result: ConnectionTestResult) -> None:
        mark = "✔" if result.ok else "✘"
        shown = f"{mark} {result.message}" + (f" {result.hint}" if result.hint and not result.ok else "")
        if result.latency_ms is not None and result.ok:
            shown += " " + tr("({milliseconds} ms)").format(milliseconds=f"{result.latency_ms:.0f}")
        self.result_label.setText(shown)

    def _show_error(self, info: Any) -> None:
        self.result_label.setText(f"✘ {info.message} {info.hint}".strip())

    def _save_root(self) -> None:
        root = self.root_edit.text().strip() or None
        if root != self.prefs.library.root:
            self.prefs.library.root = root

    def apply(self) -> bool:
        """Save: preferences now, configuration and token in the background."""
        self._save_root()
        config = self.edited_config()
        token = self.token_edit.text().strip()
        self.runner.submit(self.save_prefs, pool="library", on_error=self._show_error)
        if not self.loaded:
            return True  # the server settings were never shown: keep the saved ones
        self.runner.submit(
            self.service.save_backend_config, config, token or None, pool="library", on_error=self._show_error
        )
        self.config = config
        return True
