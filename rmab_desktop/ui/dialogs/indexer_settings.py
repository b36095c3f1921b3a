"""Settings > Indexers: Prowlarr, Torznab/Newznab feeds and the Internet Archive, each with a Test
button. API keys go to the keychain; the configuration keeps only their names."""

from __future__ import annotations

from dataclasses import dataclass
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
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.services.credentials import SecretPresence
from rmab_desktop.services.indexers import IndexerConfig, IndexerService, IndexerType
from rmab_desktop.ui.dialogs.sizing import fit_titles
from rmab_desktop.ui.models.roles import ObjectRole, SortRole
from rmab_desktop.ui.models.row_model import Column, RowTableModel
from rmab_desktop.ui.secret_places import Place, secret_place, secret_placeholder, show_placeholder
from rmab_desktop.ui.widgets.address_field import check_as_typed, unusable_address
from rmab_desktop.ui.widgets.test_button import TestButton

tr = Translator("IndexerSettings")

TYPES = [
    (IndexerType.PROWLARR, tr.mark("Prowlarr (all its indexers)")),
    (IndexerType.TORZNAB, tr.mark("Torznab feed (torrents: Jackett, a tracker)")),
    (IndexerType.NEWZNAB, tr.mark("Newznab feed (usenet)")),
    (IndexerType.INTERNET_ARCHIVE, tr.mark("Internet Archive / LibriVox (free, no account)")),
]
PLACEHOLDERS = {
    IndexerType.PROWLARR: "http://localhost:9696",
    IndexerType.TORZNAB: "http://localhost:9117/api/v2.0/indexers/NAME/results/torznab/",
    IndexerType.NEWZNAB: "https://api.nzbgeek.info/api",
    IndexerType.INTERNET_ARCHIVE: "https://archive.org",
}
COLUMNS: list[Column[IndexerConfig]] = [
    Column(tr.mark("Name"), lambda c: c.name),
    Column(tr.mark("Type"), lambda c: c.type.value.replace("_", " ").title()),
    Column(tr.mark("Priority"), lambda c: c.priority, sort=lambda c: c.priority),
    Column(
        tr.mark("Enabled"),
        lambda c: tr("yes") if c.enabled else tr("no"),
        level=lambda c: "success" if c.enabled else "muted",
    ),
    Column(tr.mark("Address"), lambda c: c.url),
]


@dataclass(frozen=True)
class ProwlarrRow:
    """One indexer behind Prowlarr with the categories this app will ask it for."""

    id: int
    name: str
    protocol: str
    priority: int
    audiobook: list[int] | None  # None: the feed's default categories; []: not searched
    audiobook_default: list[int]
    ebook: list[int] | None
    ebook_default: list[int]


PROWLARR_COLUMNS: list[Column[ProwlarrRow]] = [
    Column(tr.mark("Indexer"), lambda r: r.name),
    Column(tr.mark("Protocol"), lambda r: r.protocol),
    Column(tr.mark("Priority"), lambda r: r.priority, sort=lambda r: r.priority),
    Column(tr.mark("Audiobooks"), lambda r: _categories_text(r.audiobook, r.audiobook_default)),
    Column(tr.mark("Ebooks"), lambda r: _categories_text(r.ebook, r.ebook_default)),
]

if TYPE_CHECKING:
    from rmab_desktop.services.credentials import SecretStore
    from rmab_desktop.ui.shell import Runner


def _categories_text(values: list[int] | None, default: list[int]) -> str:
    if values is None:
        return tr("default ({categories})").format(categories=_joined(default))
    return _joined(values) if values else tr("skipped")


def _joined(values: list[int]) -> str:
    return ", ".join(map(str, values))


def _parse_categories(typed: str) -> list[int] | None:
    """Blank or "default": the indexer's default categories (None); "none"/"skip": not searched
    ([]). The words are understood in English and in the app's language."""
    cleaned = typed.strip().lower()
    if not cleaned or cleaned.startswith(("default", tr("default").lower())):
        return None
    if cleaned in {"none", "skip", "skipped", tr("none").lower(), tr("skipped").lower()}:
        return []
    return _ints(cleaned)


def _edit_text(values: list[int] | None) -> str:
    """What the category field shows for a Prowlarr indexer: blank for the default."""
    if values is None:
        return ""
    return _joined(values) if values else tr("none")


def _ints(text: str) -> list[int]:
    return [int(part) for part in text.replace(" ", "").split(",") if part.isdigit()]


class IndexerSettings(QWidget):
    def __init__(self, service: IndexerService, credentials: SecretStore, runner: Runner) -> None:
        """``credentials`` tells which saved entries already have their secret in the keychain."""
        super().__init__()
        self.service, self.credentials, self.runner = service, credentials, runner
        self.model: RowTableModel[IndexerConfig] = RowTableModel(COLUMNS, key=lambda c: c.id)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.keys_typed: dict[str, str] = {}
        self.key_presence: dict[str, SecretPresence] = {}
        self.secret_state: Place | None = None  # where typed keys go, once known
        self.unreadable_keys: set[str] = set()  # kept, marked "enter the key again"
        self.loaded = False  # OK before (or without) a successful load writes nothing
        self.prowlarr_indexers: list[Any] = []
        self.current_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)

        self.table = QTableView()
        self.table.setAccessibleName(tr("Indexers"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_titles(self.table)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setMaximumHeight(150)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        for label, handler in ((tr("&Add"), self.add), (tr("&Remove"), self.remove)):
            button = QPushButton(label)
            button.clicked.connect(handler)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)

        self.editor = QGroupBox(tr("Indexer"))
        form = QFormLayout(self.editor)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name_edit = QLineEdit()
        self.type_combo = QComboBox()
        for kind, label in TYPES:
            self.type_combo.addItem(text(label), kind)
        self.url_edit = QLineEdit()
        self.key_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.categories_edit = QLineEdit(placeholderText="3030")
        self.ebook_categories_edit = QLineEdit(placeholderText="7020")
        self.priority_spin = QSpinBox(minimum=1, maximum=50, value=25)
        self.priority_spin.setToolTip(tr("1 is the most trusted indexer, 50 the least (as in Prowlarr)"))
        self.enabled_box = QCheckBox(tr("Searc&h this indexer"))
        client_default = tr("client default")
        self.ratio_spin = QDoubleSpinBox(minimum=0, maximum=100, decimals=2)
        self.ratio_spin.setSpecialValueText(client_default)
        self.seed_spin = QSpinBox(minimum=0, maximum=100000, suffix=tr(" min", "minutes after a number"))
        self.seed_spin.setSpecialValueText(client_default)
        self.api_limit_spin = QSpinBox(minimum=0, maximum=100000)
        self.api_limit_spin.setSpecialValueText(tr("as the indexer reports"))
        self.grab_limit_spin = QSpinBox(minimum=0, maximum=100000)
        self.grab_limit_spin.setSpecialValueText(tr("as the indexer reports"))
        self.api_limit_spin.setToolTip(tr("Searches a day; the search skips this indexer once they are used"))
        self.grab_limit_spin.setToolTip(tr("Downloads a day; further grabs wait for the next day"))
        form.addRow(tr("&Name"), self.name_edit)
        form.addRow(tr("&Type"), self.type_combo)
        form.addRow(tr("Addr&ess"), self.url_edit)
        self.url_note = check_as_typed(self.url_edit)
        form.addRow("", self.url_note)
        form.addRow(tr("API &key"), self.key_edit)
        form.addRow(tr("Audiobook &categories"), self.categories_edit)
        form.addRow(tr("Eb&ook categories"), self.ebook_categories_edit)
        form.addRow(tr("&Priority"), self.priority_spin)
        form.addRow(tr("Seed &ratio before removal"), self.ratio_spin)
        form.addRow(tr("Seed t&ime before removal"), self.seed_spin)
        form.addRow(tr("Searches per &day"), self.api_limit_spin)
        form.addRow(tr("&Grabs per day"), self.grab_limit_spin)
        form.addRow("", self.enabled_box)
        self.tester = TestButton(runner, self._test_plan, tr("&Test"))
        self.status = QLabel(wordWrap=True)
        form.addRow(self.tester)
        layout.addWidget(self.editor)
        self.prowlarr_box = self._prowlarr_group()
        layout.addWidget(self.prowlarr_box)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.type_combo.currentIndexChanged.connect(self._type_changed)
        for edit in (self.name_edit, self.url_edit, self.categories_edit, self.ebook_categories_edit):
            edit.editingFinished.connect(self._commit_form)
        for spin in (
            self.priority_spin,
            self.ratio_spin,
            self.seed_spin,
            self.api_limit_spin,
            self.grab_limit_spin,
        ):
            spin.valueChanged.connect(self._commit_form)
        self.enabled_box.toggled.connect(self._commit_form)
        self.key_edit.textEdited.connect(self._key_typed)
        self.editor.setEnabled(False)
        runner.submit(self._load, pool="library", on_result=self._loaded, on_error=self._show_error)

    def _prowlarr_group(self) -> QGroupBox:
        box = QGroupBox(tr("Prowlarr indexers: categories per indexer"))
        self.prowlarr_model: RowTableModel[ProwlarrRow] = RowTableModel(PROWLARR_COLUMNS, key=lambda r: r.id)
        self.prowlarr_proxy = QSortFilterProxyModel(self)
        self.prowlarr_proxy.setSourceModel(self.prowlarr_model)
        self.prowlarr_table = QTableView()
        self.prowlarr_table.setAccessibleName(tr("Indexers in Prowlarr"))
        self.prowlarr_table.setModel(self.prowlarr_proxy)
        self.prowlarr_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.prowlarr_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.prowlarr_table.verticalHeader().hide()
        fit_titles(self.prowlarr_table)
        self.prowlarr_table.setMaximumHeight(140)
        self.prowlarr_table.selectionModel().currentRowChanged.connect(self._prowlarr_selected)
        load = QPushButton(tr("&Load indexers from Prowlarr"))
        load.clicked.connect(self.load_prowlarr_indexers)
        self.audio_cats = QLineEdit(placeholderText=tr("default; or e.g. 3030, 3130; or none"))
        self.ebook_cats = QLineEdit(placeholderText=tr("default; or e.g. 7020; or none"))
        self.audio_cats.editingFinished.connect(self._prowlarr_categories_edited)
        self.ebook_cats.editingFinished.connect(self._prowlarr_categories_edited)
        form = QFormLayout(box)
        form.addRow(load)
        form.addRow(self.prowlarr_table)
        form.addRow(tr("Audiobook categories"), self.audio_cats)
        form.addRow(tr("Ebook categories"), self.ebook_cats)
        for field in (self.audio_cats, self.ebook_cats):
            field.setAccessibleDescription(tr("For the indexer selected in the Prowlarr list"))
        box.setVisible(False)
        return box

    def load_prowlarr_indexers(self) -> None:
        config = self.edited()
        if config is None:
            return
        self.status.setText(tr("Asking Prowlarr…"))
        self.runner.submit(
            self.service.prowlarr_indexers, config, self.keys_typed.get(config.id) or None,
            on_result=self._prowlarr_loaded, on_error=self._show_error,
        )  # fmt: skip

    def _prowlarr_loaded(self, indexers: list[Any]) -> None:
        self.prowlarr_indexers = indexers
        self.status.setText(tr.n("Prowlarr has %n indexer(s).", len(indexers)))
        self._refresh_prowlarr_rows()

    def _refresh_prowlarr_rows(self) -> None:
        config = self.current()
        if config is None:
            return
        rows = [
            ProwlarrRow(
                i.id, i.name, i.protocol, i.priority,
                config.indexer_categories.get(i.id), config.categories,
                config.indexer_ebook_categories.get(i.id), config.ebook_categories,
            )
            for i in self.prowlarr_indexers
        ]  # fmt: skip
        self.prowlarr_model.set_rows(rows)

    def _prowlarr_selected(self, current: Any, _previous: Any = None) -> None:
        row: ProwlarrRow | None = current.data(ObjectRole) if current.isValid() else None
        if row is not None:
            self.audio_cats.setText(_edit_text(row.audiobook))
            self.ebook_cats.setText(_edit_text(row.ebook))

    def _prowlarr_categories_edited(self) -> None:
        config = self.current()
        index = self.prowlarr_table.currentIndex()
        row: ProwlarrRow | None = index.data(ObjectRole) if index.isValid() else None
        if config is None or row is None:
            return
        audio, ebook = dict(config.indexer_categories), dict(config.indexer_ebook_categories)
        for mapping, typed in ((audio, self.audio_cats.text()), (ebook, self.ebook_cats.text())):
            parsed = _parse_categories(typed)
            if parsed is None:
                mapping.pop(row.id, None)
            else:
                mapping[row.id] = parsed
        updated = config.model_copy(update={"indexer_categories": audio, "indexer_ebook_categories": ebook})
        self.model.set_rows([updated if c.id == config.id else c for c in self.model.rows()])
        self._refresh_prowlarr_rows()

    # -- loading -----------------------------------------------------------------------------------
    def _load(self) -> tuple[list[IndexerConfig], dict[str, SecretPresence], Place]:
        configs = self.service.configs()
        keyed = [c for c in configs if c.type is not IndexerType.INTERNET_ARCHIVE]
        presence = {c.id: self.credentials.presence(c.secret_name()) for c in keyed}
        return configs, presence, secret_place(self.credentials)

    def _loaded(self, result: tuple[list[IndexerConfig], dict[str, SecretPresence], Place]) -> None:
        configs, self.key_presence, self.secret_state = result
        self.unreadable_keys = {
            id_ for id_, state in self.key_presence.items() if state is SecretPresence.UNREADABLE
        }
        self.loaded = True
        self.model.set_rows(configs)
        if self.unreadable_keys:
            self.status.setText(
                tr.n(
                    "⚠ The API key of %n indexer(s) cannot be read: no keychain works on this computer. "
                    "They are kept; enter each key again to search them.",
                    len(self.unreadable_keys),
                )
            )
        if configs:
            self.table.selectRow(0)

    # -- editing -----------------------------------------------------------------------------------
    def _config_at(self, proxy_row: int) -> IndexerConfig | None:
        index = self.proxy.index(proxy_row, 0)
        return index.data(ObjectRole) if index.isValid() else None

    def current(self) -> IndexerConfig | None:
        return self.model.get(self.current_id) if self.current_id else None

    def _selected(self, current: Any, _previous: Any = None) -> None:
        config = self._config_at(current.row()) if current.isValid() else None
        self.current_id = config.id if config else None
        self.editor.setEnabled(config is not None)
        self.prowlarr_indexers = []
        self.prowlarr_model.set_rows([])
        if config is None:
            return
        widgets = (self.name_edit, self.type_combo, self.url_edit, self.categories_edit, self.ebook_categories_edit,
                   self.priority_spin, self.ratio_spin, self.seed_spin, self.enabled_box, self.api_limit_spin,
                   self.grab_limit_spin)  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        self.name_edit.setText(config.name)
        self.type_combo.setCurrentIndex([t for t, _ in TYPES].index(config.type))
        self.url_edit.setText(config.url)
        self.categories_edit.setText(", ".join(str(c) for c in config.categories))
        self.ebook_categories_edit.setText(", ".join(str(c) for c in config.ebook_categories))
        self.priority_spin.setValue(config.priority)
        self.ratio_spin.setValue(config.seed_ratio or 0)
        self.seed_spin.setValue(config.seed_minutes or 0)
        self.api_limit_spin.setValue(config.api_limit or 0)
        self.grab_limit_spin.setValue(config.grab_limit or 0)
        self.enabled_box.setChecked(config.enabled)
        for widget in widgets:
            widget.blockSignals(False)
        self.key_edit.setText(self.keys_typed.get(config.id, ""))
        show_placeholder(
            self.key_edit,
            secret_placeholder(self.secret_state, self.key_presence.get(config.id, SecretPresence.MISSING)),
        )
        self.tester.reset()
        self._type_changed()

    def _type_changed(self) -> None:
        kind = IndexerType(self.type_combo.currentData())
        self.url_edit.setPlaceholderText(PLACEHOLDERS[kind])
        self.prowlarr_box.setVisible(kind is IndexerType.PROWLARR)
        self.key_edit.setEnabled(kind is not IndexerType.INTERNET_ARCHIVE)
        self._commit_form()

    def edited(self) -> IndexerConfig | None:
        config = self.current()
        if config is None:
            return None
        return config.model_copy(
            update={
                "name": self.name_edit.text().strip() or config.name,
                "type": IndexerType(self.type_combo.currentData()),
                "url": self.url_edit.text().strip(),
                "categories": _ints(self.categories_edit.text()) or [3030],
                "ebook_categories": _ints(self.ebook_categories_edit.text()) or [7020],
                "priority": self.priority_spin.value(),
                "seed_ratio": self.ratio_spin.value() or None,
                "seed_minutes": self.seed_spin.value() or None,
                "api_limit": self.api_limit_spin.value() or None,
                "grab_limit": self.grab_limit_spin.value() or None,
                "enabled": self.enabled_box.isChecked(),
            }
        )

    def _commit_form(self) -> None:
        config = self.edited()
        if config is not None:
            rows = [config if row.id == config.id else row for row in self.model.rows()]
            self.model.set_rows(rows)

    def _key_typed(self, text: str) -> None:
        if self.current_id:
            self.keys_typed[self.current_id] = text

    def add(self) -> None:
        config = IndexerConfig(name=tr("Indexer {number}").format(number=len(self.model.rows()) + 1))
        self.model.set_rows([*self.model.rows(), config])
        self.table.selectRow(
            self.proxy.mapFromSource(self.model.index(self.model.row_of(config.id), 0)).row()
        )

    def remove(self) -> None:
        config = self.current()
        if config is not None:
            self.model.set_rows([row for row in self.model.rows() if row.id != config.id])
            self.keys_typed.pop(config.id, None)

    # -- test and save -----------------------------------------------------------------------------------
    def _test_plan(self) -> Any:
        config = self.edited()
        if config is None:
            return ConnectionTestResult(False, tr("Select or add an indexer first."))
        if (bad := unusable_address(config.url)) is not None:
            return bad
        return self.service.test, (config, self.keys_typed.get(config.id) or None)

    def _show_error(self, info: Any) -> None:
        self.status.setText(f"✗ {info.message} {info.hint}".strip())

    def _save(self, configs: list[IndexerConfig], keys: dict[str, str]) -> None:
        self.service.save_configs(configs)
        for config in configs:
            if keys.get(config.id):
                self.service.set_api_key(config, keys[config.id])

    def apply(self) -> bool:
        if not self.loaded:
            return True  # nothing was shown, so nothing changed: never overwrite what is saved
        self._commit_form()
        configs = self.model.rows()
        keys = {k: v for k, v in self.keys_typed.items() if v}
        self.runner.submit(self._save, configs, keys, pool="library", on_error=self._show_error)
        return True
