"""Reading shelves: each shelf with its covers, counts, last sync and errors; add, sync, pause, remove;
and "Choose the right book" for shelf books whose audiobook was ambiguous (candidates side by side)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.shelves import Candidate, MappingStatus, ShelfChoice, ShelfSource, ShelfSummary
from rmab_desktop.services.credentials import SecretPresence
from rmab_desktop.services.shelves import ShelfService
from rmab_desktop.ui import theme
from rmab_desktop.ui.formatting import duration, friendly_time, full_time
from rmab_desktop.ui.models.catalog_model import CoverImages
from rmab_desktop.ui.secret_places import Place, secret_place, secret_placeholder, show_placeholder
from rmab_desktop.ui.widgets.empty_state import EmptyState
from rmab_desktop.ui.widgets.page_header import PageHeader, page_layout
from rmab_desktop.workers.runner import ErrorInfo, ImmediateRunner, TaskRunner

tr = Translator("ShelvesPage")

STRIP_COVER = 56
CANDIDATE_COVER = 96
COUNT_LABELS = (
    (MappingStatus.REQUESTED, tr.mark("requested")),
    (MappingStatus.IN_LIBRARY, tr.mark("in library")),
    (MappingStatus.MATCHED, tr.mark("matched, not requested")),
    (MappingStatus.CHOICE, tr.mark("waiting for a choice")),
    (MappingStatus.NO_AUDIOBOOK, tr.mark("no audiobook")),
    (MappingStatus.NEW, tr.mark("not looked up yet")),
)
SOURCE_LABELS = {
    ShelfSource.GOODREADS: tr.mark("Goodreads shelf"),
    ShelfSource.HARDCOVER: tr.mark("Hardcover"),
    ShelfSource.CSV: tr.mark("CSV import"),
}


class CoverLabel(QLabel):
    """A cover from the shared cache; a plain tile until it has loaded (or when it cannot)."""

    def __init__(self, covers: CoverImages, url: str | None, size: int, name: str) -> None:
        super().__init__()
        self.covers, self.url, self.edge = covers, url, size
        self.setFixedSize(size, size)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName(tr("Cover of {title}").format(title=name))
        self.setStyleSheet("background: palette(mid); border-radius: 4px;")
        covers.arrived.connect(self._arrived)
        self._arrived(url or "")

    def _arrived(self, url: str) -> None:
        if url != self.url:
            return
        pixmap = self.covers.get(self.url)
        if pixmap is not None:
            scaled = pixmap.scaled(
                self.edge,
                self.edge,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            self.setPixmap(scaled)


def counts_text(counts: dict[str, int]) -> str:
    parts = [f"{counts[s.value]} {text(label)}" for s, label in COUNT_LABELS if counts.get(s.value)]
    return " · ".join(parts) if parts else tr("No books yet: sync to read the shelf.")


class ShelfCard(QFrame):
    """One shelf: name, covers, counts, last sync or error, and its buttons."""

    sync_clicked = Signal(int)
    pause_clicked = Signal(int, bool)
    remove_clicked = Signal(int)

    def __init__(self, shelf: ShelfSummary, covers: CoverImages) -> None:
        super().__init__()
        self.shelf = shelf
        self.setObjectName("shelfCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        title = QLabel(f"<b>{shelf.name}</b>")
        title.setTextFormat(Qt.TextFormat.RichText)
        source = QLabel(text(SOURCE_LABELS[shelf.source]) + (" · " + tr("paused") if shelf.paused else ""))
        source.setProperty("muted", True)
        head.addWidget(title)
        head.addWidget(source)
        head.addStretch(1)
        self.sync_button = QPushButton(tr("Sync now"))
        self.pause_button = QPushButton(tr("Resume") if shelf.paused else tr("Pause"))
        self.remove_button = QPushButton(tr("Remove"))
        self.sync_button.clicked.connect(lambda: self.sync_clicked.emit(shelf.id))
        self.pause_button.clicked.connect(lambda: self.pause_clicked.emit(shelf.id, not shelf.paused))
        self.remove_button.clicked.connect(lambda: self.remove_clicked.emit(shelf.id))
        for button in (self.sync_button, self.pause_button, self.remove_button):
            head.addWidget(button)
        layout.addLayout(head)
        strip = QHBoxLayout()
        for index, url in enumerate(shelf.covers):
            strip.addWidget(CoverLabel(covers, url, STRIP_COVER, f"{shelf.name} {index + 1}"))
        strip.addStretch(1)
        layout.addLayout(strip)
        self.counts_label = QLabel(counts_text(shelf.counts))
        self.counts_label.setWordWrap(True)
        layout.addWidget(self.counts_label)
        if shelf.last_error:
            dark = self.palette().window().color().lightness() < 128
            self.status_label = QLabel(
                tr(
                    "The last sync failed: {error} Check the shelf's address or token, then sync again."
                ).format(error=shelf.last_error)
            )
            self.status_label.setStyleSheet(f"color: {theme.status_color('error', dark).name()};")
        elif shelf.last_synced_at:
            self.status_label = QLabel(tr("Synced {when}").format(when=friendly_time(shelf.last_synced_at)))
            self.status_label.setToolTip(full_time(shelf.last_synced_at))
            self.status_label.setProperty("muted", True)
        else:
            self.status_label = QLabel(tr("Not synced yet."))
            self.status_label.setProperty("muted", True)
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)


class CandidateCard(QFrame):
    """One Audible product offered for a shelf book, with its button."""

    chosen = Signal(str)

    def __init__(self, candidate: Candidate, covers: CoverImages) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(220)
        layout = QVBoxLayout(self)
        layout.addWidget(
            CoverLabel(covers, candidate.cover_url, CANDIDATE_COVER, candidate.title),
            0,
            Qt.AlignmentFlag.AlignHCenter,
        )
        details = [f"<b>{candidate.title}</b>", ", ".join(candidate.authors)]
        if candidate.series:
            details.append(candidate.series)
        if candidate.narrators:
            details.append(tr("Narrated by {names}").format(names=", ".join(candidate.narrators)))
        if candidate.runtime_minutes:
            details.append(duration(candidate.runtime_minutes * 60))
        label = QLabel("<br>".join(details))
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(label, 1)
        self.button = QPushButton(tr("This one"))
        self.button.setAccessibleName(tr("Choose {title}").format(title=candidate.title))
        self.button.clicked.connect(lambda: self.chosen.emit(candidate.asin))
        layout.addWidget(self.button)


class ChoiceRow(QFrame):
    """A shelf book and its candidates side by side; "None of these" removes it from the list."""

    chosen = Signal(int, str)
    dismissed = Signal(int)

    def __init__(self, choice: ShelfChoice, covers: CoverImages) -> None:
        super().__init__()
        self.choice = choice
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        head = QHBoxLayout()
        who = ", ".join(choice.authors) or tr("unknown author")
        head.addWidget(
            QLabel(
                tr("On your shelf “{shelf}”: <b>{title}</b> by {author}").format(
                    shelf=choice.shelf_name, title=choice.title, author=who
                )
            ),
            1,
        )
        self.none_button = QPushButton(tr("None of these"))
        self.none_button.clicked.connect(lambda: self.dismissed.emit(choice.mapping_id))
        head.addWidget(self.none_button)
        layout.addLayout(head)
        cards = QHBoxLayout()
        self.cards = [CandidateCard(c, covers) for c in choice.candidates]
        for card in self.cards:
            card.chosen.connect(lambda asin: self.chosen.emit(choice.mapping_id, asin))
            cards.addWidget(card)
        cards.addStretch(1)
        layout.addLayout(cards)


class AddShelfDialog(QDialog):
    """Goodreads RSS link, Hardcover list or status (and token), or a CSV export file."""

    def __init__(
        self, hardcover_token: SecretPresence, secret_state: Place, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Add a reading shelf"))
        form = QFormLayout(self)
        self.source_combo = QComboBox()
        self.source_combo.addItem(tr("Goodreads shelf (RSS link)"), ShelfSource.GOODREADS)
        self.source_combo.addItem(tr("Hardcover list or reading status"), ShelfSource.HARDCOVER)
        self.source_combo.addItem(tr("Goodreads or StoryGraph export (CSV)"), ShelfSource.CSV)
        self.target_edit = QLineEdit()
        self.browse_button = QPushButton(tr("Choose file…"))
        self.browse_button.clicked.connect(self._browse)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target_edit, 1)
        target_row.addWidget(self.browse_button)
        self.token_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        show_placeholder(
            self.token_edit,
            # Unreadable (no store works) may as well be never saved: say where to get one.
            secret_placeholder(secret_state, hardcover_token)
            if hardcover_token is SecretPresence.SAVED
            else tr("from hardcover.app/account/api; {place}").format(place=secret_placeholder(secret_state)),
        )
        self.shelf_edit = QLineEdit("to-read")
        self.help_label = QLabel(wordWrap=True)
        self.help_label.setProperty("muted", True)
        form.addRow(tr("Source"), self.source_combo)
        form.addRow(tr("Shelf"), target_row)
        form.addRow(tr("Hardcover token"), self.token_edit)
        form.addRow(tr("Shelf in the export"), self.shelf_edit)
        form.addRow(self.help_label)
        self.form = form
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Add and sync"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.source_combo.currentIndexChanged.connect(self._source_changed)
        self.target_edit.textChanged.connect(self._validate)
        self._source_changed()

    @property
    def source(self) -> ShelfSource:
        return ShelfSource(self.source_combo.currentData())

    def _source_changed(self, *_args: object) -> None:
        source = self.source
        self.form.setRowVisible(2, source == ShelfSource.HARDCOVER)
        self.form.setRowVisible(3, source == ShelfSource.CSV)
        self.browse_button.setVisible(source == ShelfSource.CSV)
        hints = {
            ShelfSource.GOODREADS: (
                "https://www.goodreads.com/review/list_rss/…",
                tr("Open the shelf on Goodreads and copy the RSS link at the bottom of the page."),
            ),
            ShelfSource.HARDCOVER: (
                "want-to-read",
                tr(
                    "A reading status (want-to-read, currently-reading, read) or a list's short name from its address."
                ),
            ),
            ShelfSource.CSV: (
                tr("the exported .csv file"),
                tr("A one-off import. 'to-read' takes the books you want; 'all' takes every book."),
            ),
        }
        placeholder, hint = hints[source]
        self.target_edit.setPlaceholderText(placeholder)
        self.help_label.setText(hint)
        self._validate()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose the export"), "", tr("CSV files (*.csv)"))
        if path:
            self.target_edit.setText(path)

    def _validate(self, *_args: object) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.target_edit.text().strip())
        )


class ShelvesPage(QWidget):
    def __init__(
        self, shelves: ShelfService, runner: TaskRunner | ImmediateRunner, covers: CoverImages
    ) -> None:
        super().__init__()
        self.shelves = shelves
        self.runner = runner
        self.covers = covers
        self.cards: list[ShelfCard] = []
        self.choice_rows: list[ChoiceRow] = []
        layout = page_layout(self)
        self.add_button = QPushButton(tr("Add shelf…"))
        self.add_button.clicked.connect(self.add)
        self.sync_all_button = QPushButton(tr("Sync all"))
        self.sync_all_button.clicked.connect(self.sync_all)
        layout.addWidget(
            PageHeader(
                tr("Reading shelves"),
                tr(
                    "Books on your Goodreads and Hardcover shelves become requests when Audible has them "
                    "for sure. Removing a shelf keeps its requests and books."
                ),
                self.add_button,
                self.sync_all_button,
            )
        )
        self.status_label = QLabel(tr("Loading shelves…"))
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.stack = QStackedWidget()
        self.empty = EmptyState(
            "shelves",
            tr("No reading shelves yet"),
            tr("Add a Goodreads shelf, a Hardcover list or a CSV export: the books on it become requests."),
            tr("Add shelf…"),
            self.add,
        )
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.scroll_area)
        layout.addWidget(self.stack, 1)
        self.reload()

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        user_id = self.shelves.users.current().id

        def load() -> tuple[list[ShelfSummary], list[ShelfChoice]]:
            return self.shelves.list(user_id), self.shelves.choices(user_id)

        self.runner.submit(load, pool="library", on_result=self._loaded, on_error=self._error)

    def _loaded(self, loaded: tuple[list[ShelfSummary], list[ShelfChoice]]) -> None:
        shelves, choices = loaded
        self.status_label.setText("")
        self.status_label.setVisible(False)
        self.sync_all_button.setEnabled(bool(shelves))
        if not shelves and not choices:
            self.stack.setCurrentWidget(self.empty)
            return
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 8, 0)
        self.cards = []
        for shelf in shelves:
            card = ShelfCard(shelf, self.covers)
            card.sync_clicked.connect(self.sync)
            card.pause_clicked.connect(self.set_paused)
            card.remove_clicked.connect(self.remove)
            self.cards.append(card)
            column.addWidget(card)
        heading = QLabel(tr("Choose the right book"))
        heading.setObjectName("emptyTitle")
        column.addWidget(heading)
        explain = QLabel(
            tr(
                "Audible has more than one possible audiobook for these, or one by another author. Nothing is requested until you choose."
            )
            if choices
            else tr("Nothing is waiting: every shelf book found its audiobook, or has none.")
        )
        explain.setWordWrap(True)
        explain.setProperty("muted", True)
        column.addWidget(explain)
        self.choice_rows = []
        for choice in choices:
            row = ChoiceRow(choice, self.covers)
            row.chosen.connect(self.choose)
            row.dismissed.connect(self.dismiss)
            self.choice_rows.append(row)
            column.addWidget(row)
        column.addStretch(1)
        self.scroll_area.setWidget(content)
        self.stack.setCurrentWidget(self.scroll_area)

    def _error(self, info: ErrorInfo) -> None:
        self.status_label.setVisible(True)
        self.status_label.setText(f"{info.message} {info.hint}".strip())

    def _busy(self, message: str) -> None:
        self.status_label.setVisible(True)
        self.status_label.setText(message)

    def _run(self, fn: Callable[..., object], *args: object, busy: str) -> None:
        self._busy(busy)
        self.runner.submit(
            fn, *args, pool="network", on_result=lambda _r: self.reload(), on_error=self._error
        )

    # -- actions -------------------------------------------------------------------------------
    def add(self) -> None:
        """Whether a Hardcover token is saved, and where a new one goes, are keychain calls: asked
        off the GUI thread."""

        def token_saved() -> tuple[SecretPresence, Place]:
            credentials = self.shelves.credentials
            secret = self.shelves.hardcover_secret(self.shelves.users.current().id)
            return credentials.presence(secret), secret_place(credentials)

        self.runner.submit(token_saved, pool="network", on_result=self._open_add, on_error=self._error)

    def _open_add(self, token: tuple[SecretPresence, Place]) -> None:
        dialog = AddShelfDialog(*token, parent=self)
        self.add_dialog = dialog  # reachable from tests
        dialog.accepted.connect(
            lambda: self._add(
                dialog.source,
                dialog.target_edit.text().strip(),
                dialog.token_edit.text(),
                dialog.shelf_edit.text().strip(),
            )
        )
        dialog.open()

    def _add(self, source: ShelfSource, target: str, token: str, csv_shelf: str) -> None:
        def add_and_sync() -> None:
            if source == ShelfSource.GOODREADS:
                shelf = self.shelves.add_goodreads(target)
            elif source == ShelfSource.HARDCOVER:
                shelf = self.shelves.add_hardcover(target, token or None)
            else:
                shelf = self.shelves.add_csv(Path(target), csv_shelf or "to-read")
            self.shelves.sync(shelf.id)

        self._run(add_and_sync, busy=tr("Adding the shelf and looking up its books on Audible…"))

    def sync(self, shelf_id: int) -> None:
        self._run(self.shelves.sync, shelf_id, busy=tr("Syncing the shelf…"))

    def sync_all(self) -> None:
        self._run(self.shelves.sync_all, busy=tr("Syncing every shelf…"))

    def set_paused(self, shelf_id: int, paused: bool) -> None:
        self._run(self.shelves.set_paused, shelf_id, paused, busy=tr("Saving…"))

    def remove(self, shelf_id: int, *, confirm: bool = True) -> None:
        if confirm:
            answer = QMessageBox.question(
                self,
                tr("Remove shelf"),
                tr("Remove this shelf? Requests it made and books in your library stay."),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._run(self.shelves.remove, shelf_id, busy=tr("Removing…"))

    def choose(self, mapping_id: int, asin: str) -> None:
        self._run(self.shelves.choose, mapping_id, asin, busy=tr("Requesting your choice…"))

    def dismiss(self, mapping_id: int) -> None:
        self._run(self.shelves.dismiss, mapping_id, busy=tr("Saving…"))
