"""Settings > Download clients: qBittorrent, Transmission, SABnzbd, NZBGet and direct downloads,
several at once, each with a Test button that also checks the path mapping with a real file;
plus monitoring (stall and failure timeouts) and the default seeding rule.

Passwords and API keys go to the keychain; the configuration keeps only their names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.services.credentials import SecretPresence
from rmab_desktop.services.downloads import (
    DownloadClientConfig,
    DownloadService,
    DownloadSettings,
    PathMapping,
)
from rmab_desktop.services.downloads.config import (
    DEFAULT_URLS,
    KIND_LABELS,
    KIND_PROTOCOL,
    RELABEL_KINDS,
    SeedingRule,
    address_kind,
)
from rmab_desktop.ui.dialogs.sizing import fit_titles
from rmab_desktop.ui.models.roles import ObjectRole, SortRole
from rmab_desktop.ui.models.row_model import Column, RowTableModel
from rmab_desktop.ui.secret_places import Place, secret_place, secret_placeholder, show_placeholder
from rmab_desktop.ui.widgets.address_field import check_as_typed, unusable_address
from rmab_desktop.ui.widgets.test_button import TestButton

tr = Translator("DownloadClientSettings")

COLUMNS: list[Column[DownloadClientConfig]] = [
    Column(tr.mark("Name"), lambda c: c.label),
    Column(tr.mark("Type"), lambda c: KIND_LABELS[c.kind]),
    Column(tr.mark("Protocol"), lambda c: c.protocol),
    Column(tr.mark("Priority"), lambda c: c.priority, sort=lambda c: c.priority),
    Column(
        tr.mark("Enabled"),
        lambda c: tr("yes") if c.enabled else tr("no"),
        level=lambda c: "success" if c.enabled else "muted",
    ),
    Column(tr.mark("Address"), lambda c: c.url or tr("built in")),
]

if TYPE_CHECKING:
    from rmab_desktop.services.credentials import SecretStore
    from rmab_desktop.ui.shell import Runner


class DownloadClientSettings(QWidget):
    def __init__(self, service: DownloadService, credentials: SecretStore, runner: Runner) -> None:
        """``credentials`` tells which saved entries already have their secret in the keychain."""
        super().__init__()
        self.service, self.credentials, self.runner = service, credentials, runner
        self.settings = DownloadSettings()
        self.model: RowTableModel[DownloadClientConfig] = RowTableModel(COLUMNS, key=lambda c: c.id)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.secrets_typed: dict[str, str] = {}
        self.secret_presence: dict[str, SecretPresence] = {}
        self.secret_state: Place | None = None  # where typed secrets go, once known
        self.unreadable_secrets: set[str] = set()  # kept, marked "enter it again"
        self.loaded = False  # OK before (or without) a successful load writes nothing
        self.current_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        intro = QLabel(
            tr(
                "The client for each protocol gets the releases; with several, the lowest priority number "
                "is used first. Public-domain books download directly and need no client."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.keychain_note = QLabel(wordWrap=True)
        self.keychain_note.setVisible(False)
        layout.addWidget(self.keychain_note)

        self.table = QTableView()
        self.table.setAccessibleName(tr("Download clients"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_titles(self.table)
        self.table.verticalHeader().hide()
        self.table.setMaximumHeight(140)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_combo = QComboBox()
        for kind, label in KIND_LABELS.items():
            if kind != "direct_http":
                self.add_combo.addItem(label, kind)
        self.add_combo.setAccessibleName(tr("Kind of client to add"))
        add_button = QPushButton(tr("&Add"))
        add_button.clicked.connect(self.add)
        remove_button = QPushButton(tr("&Remove"))
        remove_button.clicked.connect(self.remove)
        for widget in (self.add_combo, add_button, remove_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.editor = QGroupBox(tr("Client"))
        form = QFormLayout(self.editor)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name_edit = QLineEdit()
        self.kind_label = QLabel()
        self.url_edit = QLineEdit()
        self.user_edit = QLineEdit()
        self.secret_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.category_edit = QLineEdit(placeholderText="audiobooks")
        self.category_edit.setToolTip(
            tr("Category (qBittorrent, SABnzbd, NZBGet) or label (Transmission, Deluge)")
        )
        self.after_import_edit = QLineEdit(placeholderText=tr("empty: leave it in its category"))
        self.after_import_edit.setToolTip(
            tr("Category or label the download moves to once the book is imported")
        )
        self.save_path_edit = QLineEdit(placeholderText=tr("empty: the client's own download folder"))
        self.remote_edit = QLineEdit(placeholderText=tr("as the client sees it, e.g. /downloads"))
        self.local_edit = QLineEdit(
            placeholderText=tr("the same folder on this computer, e.g. /mnt/nas/downloads")
        )
        self.priority_spin = QSpinBox(minimum=0, maximum=99)
        self.tls_box = QCheckBox(tr("&Verify the HTTPS certificate"))
        self.enabled_box = QCheckBox(tr("Use t&his client"))
        form.addRow(tr("&Name"), self.name_edit)
        form.addRow(tr("Type"), self.kind_label)
        form.addRow(tr("Addr&ess"), self.url_edit)
        self.url_note = check_as_typed(self.url_edit)
        form.addRow("", self.url_note)
        form.addRow(tr("&User name"), self.user_edit)
        self.secret_label = QLabel(tr("&Password"))
        self.secret_label.setBuddy(self.secret_edit)
        form.addRow(self.secret_label, self.secret_edit)
        form.addRow(tr("&Category"), self.category_edit)
        self.after_import_label = QLabel(tr("Category &after import"))
        self.after_import_label.setBuddy(self.after_import_edit)
        form.addRow(self.after_import_label, self.after_import_edit)
        form.addRow(tr("&Save to (client's view)"), self.save_path_edit)
        form.addRow(tr("Path &mapping: client's folder"), self.remote_edit)
        form.addRow(tr("… is &on this computer at"), self.local_edit)
        form.addRow(tr("Pr&iority"), self.priority_spin)
        form.addRow("", self.tls_box)
        form.addRow("", self.enabled_box)
        self.test_button = TestButton(runner, self._test_plan, tr("&Test connection and folders"))
        form.addRow(self.test_button)
        layout.addWidget(self.editor)
        layout.addWidget(self._monitor_box())
        layout.addStretch(1)
        for edit in (self.name_edit, self.url_edit, self.user_edit, self.category_edit, self.save_path_edit,
                     self.remote_edit, self.local_edit, self.after_import_edit):  # fmt: skip
            edit.editingFinished.connect(self._commit_form)
        self.priority_spin.valueChanged.connect(self._commit_form)
        self.tls_box.toggled.connect(self._commit_form)
        self.enabled_box.toggled.connect(self._commit_form)
        self.secret_edit.textEdited.connect(self._secret_typed)
        self.editor.setEnabled(False)
        runner.submit(self._load, pool="library", on_result=self._loaded, on_error=self._show_error)

    def _monitor_box(self) -> QGroupBox:
        box = QGroupBox(tr("Monitoring and seeding"))
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        minutes, hours = tr(" min", "minutes after a number"), tr(" h", "hours after a number")
        self.stalled_spin = QDoubleSpinBox(minimum=1, maximum=10080, decimals=0, suffix=minutes)
        self.stalled_spin.setToolTip(
            tr("No progress for this long: the release is blocklisted and the next one tried")
        )
        self.max_hours_spin = QDoubleSpinBox(minimum=1, maximum=720, decimals=0, suffix=hours)
        self.retry_spin = QDoubleSpinBox(minimum=1, maximum=720, decimals=0, suffix=hours)
        self.ratio_spin = QDoubleSpinBox(minimum=0, maximum=100, decimals=2)
        self.ratio_spin.setSpecialValueText(tr("no ratio rule"))
        self.seed_spin = QSpinBox(minimum=0, maximum=100000, suffix=minutes)
        self.seed_spin.setSpecialValueText(tr("no time rule"))
        self.remove_usenet_box = QCheckBox(tr("Remove usenet and direct downloads once in the &library"))
        self.rate_spin = QSpinBox(minimum=0, maximum=1_000_000, suffix=tr(" KiB/s"))
        self.rate_spin.setSpecialValueText(tr("no limit"))
        self.rate_spin.setToolTip(tr("Downloads the app makes itself: audio from a link (Add from URL)"))
        form.addRow(tr("S&talled after"), self.stalled_spin)
        form.addRow(tr("&Give up after"), self.max_hours_spin)
        form.addRow(tr("Search &again after"), self.retry_spin)
        form.addRow(tr("Seed to ratio (&default)"), self.ratio_spin)
        form.addRow(tr("Seed &for (default)"), self.seed_spin)
        form.addRow("", self.remove_usenet_box)
        form.addRow(tr("Speed limit for &links"), self.rate_spin)
        hint = QLabel(tr("Indexer settings and tracker minimums override the default seeding rule."))
        hint.setWordWrap(True)
        form.addRow(hint)
        return box

    # -- loading -----------------------------------------------------------------------------------
    def _load(self) -> tuple[DownloadSettings, dict[str, SecretPresence], Place]:
        settings = self.service.settings()
        presence = {c.id: self.credentials.presence(c.secret_name) for c in settings.clients if c.secret_name}
        return settings, presence, secret_place(self.credentials)

    def _loaded(self, result: tuple[DownloadSettings, dict[str, SecretPresence], Place]) -> None:
        self.settings, self.secret_presence, self.secret_state = result
        self.unreadable_secrets = {
            id_ for id_, state in self.secret_presence.items() if state is SecretPresence.UNREADABLE
        }
        self.loaded = True
        if self.unreadable_secrets:
            self.keychain_note.show()
            self.keychain_note.setText(
                tr.n(
                    "⚠ The password of %n client(s) cannot be read: no keychain works on this computer. "
                    "They are kept; enter each password again to use them.",
                    len(self.unreadable_secrets),
                )
            )
        self.model.set_rows(self.settings.clients)
        monitor = self.settings.monitor
        self.stalled_spin.setValue(monitor.stalled_minutes)
        self.max_hours_spin.setValue(monitor.max_download_hours)
        self.retry_spin.setValue(self.settings.retry_search_hours)
        self.ratio_spin.setValue(self.settings.seeding_default.ratio or 0)
        self.seed_spin.setValue(self.settings.seeding_default.minutes or 0)
        self.remove_usenet_box.setChecked(self.settings.remove_usenet_after_import)
        self.rate_spin.setValue(self.settings.rate_limit_kbps or 0)
        if self.settings.clients:
            self.table.selectRow(0)

    # -- editing -----------------------------------------------------------------------------------
    def current(self) -> DownloadClientConfig | None:
        return self.model.get(self.current_id) if self.current_id else None

    def _selected(self, current: Any, _previous: Any = None) -> None:
        index = self.proxy.index(current.row(), 0) if current.isValid() else None
        config: DownloadClientConfig | None = index.data(ObjectRole) if index is not None else None
        self.current_id = config.id if config else None
        self.editor.setEnabled(config is not None)
        if config is None:
            return
        widgets = (self.name_edit, self.url_edit, self.user_edit, self.category_edit, self.save_path_edit,
                   self.remote_edit, self.local_edit, self.priority_spin, self.tls_box, self.enabled_box,
                   self.after_import_edit)  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        mapping = config.path_mappings[0] if config.path_mappings else PathMapping(remote="", local="")
        self.name_edit.setText(config.name)
        self.kind_label.setText(f"{KIND_LABELS[config.kind]} ({KIND_PROTOCOL[config.kind]})")
        self.url_note.set_kind(address_kind(config.kind))
        self.url_edit.setText(config.url)
        self.url_edit.setPlaceholderText(DEFAULT_URLS[config.kind])
        self.user_edit.setText(config.username)
        self.category_edit.setText(config.category)
        self.after_import_edit.setText(config.post_import_category or "")
        relabels = config.kind in RELABEL_KINDS
        self.after_import_edit.setVisible(relabels)
        self.after_import_label.setVisible(relabels)
        self.save_path_edit.setText(config.save_path or "")
        self.remote_edit.setText(mapping.remote)
        self.local_edit.setText(mapping.local)
        self.priority_spin.setValue(config.priority)
        self.tls_box.setChecked(config.verify_tls)
        self.enabled_box.setChecked(config.enabled)
        for widget in widgets:
            widget.blockSignals(False)
        self.secret_label.setText(tr("API &key") if config.kind == "sabnzbd" else tr("&Password"))
        self.user_edit.setEnabled(config.kind not in ("sabnzbd", "direct_http"))
        self.secret_edit.setText(self.secrets_typed.get(config.id, ""))
        show_placeholder(
            self.secret_edit,
            secret_placeholder(
                self.secret_state, self.secret_presence.get(config.id, SecretPresence.MISSING)
            ),
        )
        self.test_button.reset()

    def edited(self) -> DownloadClientConfig | None:
        config = self.current()
        if config is None:
            return None
        remote, local = self.remote_edit.text().strip(), self.local_edit.text().strip()
        return config.model_copy(
            update={
                "name": self.name_edit.text().strip(),
                "url": self.url_edit.text().strip(),
                "username": self.user_edit.text().strip(),
                "category": self.category_edit.text().strip().strip("/\\").replace("..", "") or "audiobooks",
                "post_import_category": self.after_import_edit.text().strip().strip("/\\").replace("..", "")
                or None,
                "save_path": self.save_path_edit.text().strip() or None,
                "path_mappings": [PathMapping(remote=remote, local=local)] if remote and local else [],
                "priority": self.priority_spin.value(),
                "verify_tls": self.tls_box.isChecked(),
                "enabled": self.enabled_box.isChecked(),
            }
        )

    def _commit_form(self) -> None:
        config = self.edited()
        if config is not None:
            self.model.set_rows([config if row.id == config.id else row for row in self.model.rows()])

    def _secret_typed(self, text: str) -> None:
        if self.current_id:
            self.secrets_typed[self.current_id] = text

    def add(self) -> None:
        kind = self.add_combo.currentData()
        config = DownloadClientConfig(kind=kind, url=DEFAULT_URLS[kind], name=KIND_LABELS[kind])
        self.model.set_rows([*self.model.rows(), config])
        source = self.model.index(self.model.row_of(config.id), 0)
        self.table.selectRow(self.proxy.mapFromSource(source).row())

    def remove(self) -> None:
        config = self.current()
        if config is not None:
            self.model.set_rows([row for row in self.model.rows() if row.id != config.id])
            self.secrets_typed.pop(config.id, None)
            self.current_id = None
            self.editor.setEnabled(False)

    # -- test and save -----------------------------------------------------------------------------
    def _test_plan(self) -> Any:
        config = self.edited()
        if config is None:
            return ConnectionTestResult(False, tr("Add or choose a client first."))
        if config.kind != "direct_http" and not config.url:
            return ConnectionTestResult(
                False, tr("Enter the client's address."), hint=DEFAULT_URLS[config.kind]
            )
        if (
            config.kind != "direct_http"
            and (bad := unusable_address(config.url, address_kind(config.kind))) is not None
        ):
            return bad
        return self.service.test, (config, self.secrets_typed.get(config.id) or None)

    def _show_error(self, info: Any) -> None:
        self.test_button.result.show_error(info)

    def edited_settings(self) -> DownloadSettings:
        self._commit_form()
        return self.settings.model_copy(
            update={
                "clients": self.model.rows(),
                "monitor": self.settings.monitor.model_copy(
                    update={
                        "stalled_minutes": self.stalled_spin.value(),
                        "max_download_hours": self.max_hours_spin.value(),
                    }
                ),
                "retry_search_hours": self.retry_spin.value(),
                "seeding_default": SeedingRule(
                    ratio=self.ratio_spin.value() or None, minutes=self.seed_spin.value() or None
                ),
                "remove_usenet_after_import": self.remove_usenet_box.isChecked(),
                "rate_limit_kbps": self.rate_spin.value() or None,
            }
        )

    def _save(self, settings: DownloadSettings, secrets: dict[str, str]) -> None:
        self.service.save_settings(settings)
        for config in settings.clients:
            if secrets.get(config.id):
                self.service.save_client(config, secrets[config.id])

    def apply(self) -> bool:
        if not self.loaded:
            return True  # nothing was shown, so nothing changed: never overwrite what is saved
        settings = self.edited_settings()
        secrets = {k: v for k, v in self.secrets_typed.items() if v}
        self.runner.submit(self._save, settings, secrets, pool="library", on_error=self._show_error)
        return True
