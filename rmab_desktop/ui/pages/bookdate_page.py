"""BookDate: a deck of recommendation cards to swipe, and where the recommendations come from.

Right = request, left = not interested, up = already read: by dragging the card (it follows the
mouse and flies off when let go far enough, else springs back), the arrow keys or the buttons;
Undo (Ctrl+Z) takes back the last swipe. The next batch is fetched in the background when a few
cards are left. The settings section picks the AI provider (or none: the local recommender), lists
its models, tests it, and shows exactly what will be sent.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEasingCurve, QPoint, QPropertyAnimation, Qt, Signal
from PySide6.QtGui import QKeySequence, QMouseEvent, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.bookdate import BookDateSettings, Card, ContextScope, Deck, Swipe
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.services.bookdate import BookDateService
from rmab_desktop.services.bookdate.service import LOW_WATER
from rmab_desktop.services.credentials import SecretPresence
from rmab_desktop.ui.formatting import duration, number
from rmab_desktop.ui.models.catalog_model import CoverImages
from rmab_desktop.ui.pages.shelves_page import CoverLabel
from rmab_desktop.ui.secret_places import Place, secret_place, secret_placeholder, show_placeholder
from rmab_desktop.ui.widgets.empty_state import EmptyState
from rmab_desktop.ui.widgets.page_header import PageHeader, page_layout
from rmab_desktop.ui.widgets.test_button import TestButton
from rmab_desktop.workers.runner import ErrorInfo, ImmediateRunner, TaskRunner

tr = Translator("BookDatePage")

CARD_WIDTH, CARD_HEIGHT = 320, 470
COVER = 220
SWIPE_DISTANCE = 110  # pixels of drag that count as a swipe
PROVIDERS = (
    ("", tr.mark("None: Audible's similar books of the ones you like")),
    ("openai", "OpenAI"),
    ("anthropic", "Anthropic"),
    ("gemini", "Google Gemini"),
    ("compatible", tr.mark("OpenAI-compatible address (Ollama, LM Studio, …)")),
)
SCOPES = (
    (ContextScope.LIBRARY, tr.mark("The whole library")),
    (ContextScope.RATED, tr.mark("Only books I rated")),
    (ContextScope.FAVORITES, tr.mark("Up to 25 favourites")),
)


class CardView(QFrame):
    """One recommendation; drag it to swipe."""

    swiped = Signal(str)  # a Swipe value

    def __init__(self, card: Card, covers: CoverImages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self.setObjectName("bookdateCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setFixedSize(CARD_WIDTH, CARD_HEIGHT)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setAccessibleName(
            tr("Recommendation: {title} by {author}").format(title=card.title, author=card.author)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(
            CoverLabel(covers, card.cover_url, COVER, card.title), 0, Qt.AlignmentFlag.AlignHCenter
        )
        self.title_label = QLabel(f"<b>{card.title}</b>", wordWrap=True)
        self.title_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.title_label)
        facts = [card.author]
        if card.narrator:
            facts.append(tr("Narrated by {names}").format(names=card.narrator))
        line = []
        if card.runtime_minutes:
            line.append(duration(card.runtime_minutes * 60))
        if card.rating:
            line.append(tr("★ {rating}").format(rating=number(card.rating, 1)))
        if line:
            facts.append(" · ".join(line))
        facts_label = QLabel("\n".join(facts), wordWrap=True)
        facts_label.setProperty("muted", True)
        layout.addWidget(facts_label)
        self.reason_label = QLabel(card.reason, wordWrap=True)
        self.reason_label.setStyleSheet("font-style: italic;")
        layout.addWidget(self.reason_label, 1, Qt.AlignmentFlag.AlignTop)
        self._press: QPoint | None = None
        self.home = QPoint(0, 0)
        self.animation: QPropertyAnimation | None = None

    # -- dragging ------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.globalPosition().toPoint()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None:
            self.move(self.home + event.globalPosition().toPoint() - self._press)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        offset = event.globalPosition().toPoint() - self._press
        self._press = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        direction = swipe_for(offset.x(), offset.y())
        if direction is None:
            self._animate(self.home)  # not far enough: spring back
        else:
            self.fly(direction)

    def fly(self, direction: Swipe) -> None:
        """Animate off the deck, then report the swipe."""
        parent = self.parentWidget()
        width = parent.width() if parent is not None else CARD_WIDTH
        target = {
            Swipe.RIGHT: QPoint(width + CARD_WIDTH, self.home.y()),
            Swipe.LEFT: QPoint(-2 * CARD_WIDTH, self.home.y()),
            Swipe.UP: QPoint(self.home.x(), -2 * CARD_HEIGHT),
        }[direction]
        self._animate(target, lambda: self.swiped.emit(direction.value))

    def _animate(self, target: QPoint, done: Callable[[], object] | None = None) -> None:
        self.animation = QPropertyAnimation(self, b"pos", self)
        self.animation.setDuration(220)
        self.animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.animation.setEndValue(target)
        if done is not None:
            self.animation.finished.connect(done)
        self.animation.start()


def swipe_for(dx: int, dy: int) -> Swipe | None:
    """Which swipe a drag of (dx, dy) pixels means, or None when it was too short."""
    if -dy > SWIPE_DISTANCE and -dy > abs(dx):
        return Swipe.UP
    if dx > SWIPE_DISTANCE:
        return Swipe.RIGHT
    if dx < -SWIPE_DISTANCE:
        return Swipe.LEFT
    return None


class PreviewDialog(QDialog):
    def __init__(self, text_sent: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("What BookDate sends"))
        self.resize(640, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("This is sent to the AI provider with each new batch:"), wordWrap=True))
        self.text = QPlainTextEdit(text_sent, readOnly=True)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class ProviderSettings(QGroupBox):
    """Where recommendations come from; saved with Save, tested with Test."""

    saved = Signal()

    def __init__(self, service: BookDateService, runner: TaskRunner | ImmediateRunner) -> None:
        super().__init__(tr("Where recommendations come from"))
        self.service = service
        self.runner = runner
        form = QFormLayout(self)
        self.provider_combo = QComboBox()
        for value, label in PROVIDERS:
            self.provider_combo.addItem(text(label), value)
        self.base_url_edit = QLineEdit(placeholderText="http://localhost:11434/v1")
        self.key_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.model_combo = QComboBox(editable=True)
        self.models_button = QPushButton(tr("List models"))
        self.models_button.clicked.connect(self.list_models)
        model_row = QHBoxLayout()
        model_row.addWidget(self.model_combo, 1)
        model_row.addWidget(self.models_button)
        self.scope_combo = QComboBox()
        for scope, label in SCOPES:
            self.scope_combo.addItem(text(label), scope)
        self.prompt_edit = QPlainTextEdit(placeholderText=tr("Optional: e.g. 'Short books, no horror.'"))
        self.prompt_edit.setFixedHeight(60)
        self.preview_button = QPushButton(tr("Show what will be sent…"))
        self.preview_button.clicked.connect(self.show_preview)
        self.save_button = QPushButton(tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.test_button = TestButton(runner, lambda: (self.service.test, ()))
        self.message_label = QLabel(wordWrap=True)
        form.addRow(tr("AI provider"), self.provider_combo)
        form.addRow(tr("Address"), self.base_url_edit)
        form.addRow(tr("API key"), self.key_edit)
        form.addRow(tr("Model"), model_row)
        form.addRow(tr("What it is told"), self.scope_combo)
        form.addRow(tr("Your wishes"), self.prompt_edit)
        buttons = QHBoxLayout()
        for widget in (self.save_button, self.preview_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(self.test_button)
        form.addRow(self.message_label)
        self.form = form
        self.provider_combo.currentIndexChanged.connect(self._provider_changed)
        self.secret_state: Place | None = None  # where a typed key goes, once known

        def load() -> tuple[BookDateSettings, Place]:
            return service.settings(), secret_place(service.credentials)

        self.runner.submit(load, pool="library", on_result=self._loaded, on_error=self._error)

    def _loaded(self, loaded: tuple[BookDateSettings, Place]) -> None:
        settings, self.secret_state = loaded
        self.show_settings(settings)

    def show_settings(self, settings: BookDateSettings) -> None:
        self.provider_combo.setCurrentIndex(max(0, self.provider_combo.findData(settings.provider or "")))
        self.base_url_edit.setText(settings.base_url)
        self.model_combo.setEditText(settings.model)
        presence = SecretPresence.SAVED if settings.has_key else SecretPresence.MISSING
        show_placeholder(self.key_edit, secret_placeholder(self.secret_state, presence))
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(settings.scope)))
        self.prompt_edit.setPlainText(settings.custom_prompt)
        self._provider_changed()

    def _provider_changed(self, *_args: object) -> None:
        provider = self.provider_combo.currentData()
        for row in (1, 2, 3, 4, 5):
            self.form.setRowVisible(row, bool(provider))
        self.form.setRowVisible(1, provider == "compatible")
        self.test_button.setEnabled(bool(provider))
        self.preview_button.setEnabled(bool(provider))

    def save(self) -> None:
        provider = self.provider_combo.currentData()
        scope = ContextScope(self.scope_combo.currentData())
        prompt = self.prompt_edit.toPlainText()
        key = self.key_edit.text().strip() or None
        base_url, model = self.base_url_edit.text().strip(), self.model_combo.currentText().strip()

        def store() -> BookDateSettings:
            self.service.set_context(scope, prompt)
            if not provider:
                return self.service.use_local()
            return self.service.set_provider(provider, base_url=base_url, model=model, api_key=key)

        self.runner.submit(store, pool="library", on_result=self._saved, on_error=self._error)

    def _saved(self, settings: BookDateSettings) -> None:
        self.key_edit.clear()
        self.show_settings(settings)
        self.message_label.setText(tr("Saved."))
        self.saved.emit()

    def list_models(self) -> None:
        self.message_label.setText(tr("Asking the provider for its models…"))
        self.runner.submit(self.service.models, pool="network", on_result=self._models, on_error=self._error)

    def _models(self, names: list[str]) -> None:
        current = self.model_combo.currentText()
        self.model_combo.clear()
        self.model_combo.addItems(names)
        self.model_combo.setEditText(current or (names[0] if names else ""))
        self.message_label.setText(tr.n("%n model(s) offered.", len(names)))

    def show_preview(self) -> None:
        self.runner.submit(
            self.service.preview, pool="library", on_result=self._preview, on_error=self._error
        )

    def _preview(self, sent: str) -> None:
        self.preview_dialog = PreviewDialog(sent, self)
        self.preview_dialog.open()

    def _error(self, info: ErrorInfo) -> None:
        self.message_label.setText(f"{info.message} {info.hint}".strip())


class BookDatePage(QWidget):
    def __init__(
        self, service: BookDateService, runner: TaskRunner | ImmediateRunner, covers: CoverImages
    ) -> None:
        super().__init__()
        self.service = service
        self.runner = runner
        self.covers = covers
        self.cards: list[Card] = []
        self.view: CardView | None = None
        self.fetching = False
        layout = page_layout(self)
        layout.addWidget(
            PageHeader(
                tr("BookDate"),
                tr(
                    "Right to request, left if it is not for you, up if you have read it. Drag the card, use the arrow keys or the buttons."
                ),
            )
        )
        body = QHBoxLayout()
        deck_column = QVBoxLayout()
        self.deck = QWidget()
        self.deck.setMinimumSize(CARD_WIDTH + 80, CARD_HEIGHT + 20)
        self.empty = EmptyState(
            "bookdate", tr("No cards right now"), tr("Finding books for you…"), parent=self.deck
        )
        self.empty.setGeometry(0, 0, CARD_WIDTH + 80, CARD_HEIGHT)
        deck_column.addWidget(self.deck, 0, Qt.AlignmentFlag.AlignHCenter)
        buttons = QHBoxLayout()
        self.left_button = QPushButton(tr("✕ Not for me"))
        self.up_button = QPushButton(tr("↑ Read it"))
        self.right_button = QPushButton(tr("♥ Request"))
        self.undo_button = QPushButton(tr("Undo"))
        self.left_button.setAccessibleName(tr("Not interested (left arrow)"))
        self.up_button.setAccessibleName(tr("Already read (up arrow)"))
        self.right_button.setAccessibleName(tr("Request this book (right arrow)"))
        self.undo_button.setAccessibleName(tr("Undo the last swipe (Ctrl+Z)"))
        self.left_button.clicked.connect(lambda: self.swipe(Swipe.LEFT))
        self.up_button.clicked.connect(lambda: self.swipe(Swipe.UP))
        self.right_button.clicked.connect(lambda: self.swipe(Swipe.RIGHT))
        self.undo_button.clicked.connect(self.undo)
        buttons.addStretch(1)
        for button in (self.left_button, self.up_button, self.right_button, self.undo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        deck_column.addLayout(buttons)
        self.message_label = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        deck_column.addWidget(self.message_label)
        deck_column.addStretch(1)
        body.addLayout(deck_column, 3)
        self.settings = ProviderSettings(service, runner)
        self.settings.setMaximumWidth(600)  # room for the longest (German) field texts
        self.settings.saved.connect(self.restart)
        body.addWidget(self.settings, 2, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(body, 1)
        for key, direction in (
            (Qt.Key.Key_Left, Swipe.LEFT),
            (Qt.Key.Key_Right, Swipe.RIGHT),
            (Qt.Key.Key_Up, Swipe.UP),
        ):
            QShortcut(QKeySequence(key), self, lambda d=direction: self.swipe(d))
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        self._update_buttons()
        self.fetch()

    # -- the deck ------------------------------------------------------------------------------
    def fetch(self) -> None:
        """Top the deck up in the background (the service fetches when few cards are left)."""
        if self.fetching:
            return
        self.fetching = True
        if not self.cards:
            self.empty.text_label.setText(tr("Finding books for you…"))
        self.runner.submit(
            self.service.next_cards, pool="network", on_result=self._dealt, on_error=self._failed
        )

    def _dealt(self, deck: Deck) -> None:
        self.fetching = False
        known = {c.id for c in self.cards}
        self.cards += [c for c in deck.cards if c.id not in known]
        if deck.notice:
            self.message_label.setText(deck.notice)
        if not self.cards:
            self.empty.text_label.setText(
                tr("No new recommendations right now. Rate or add a few books, or set up an AI provider.")
            )
        self._show_top()

    def _failed(self, info: ErrorInfo) -> None:
        self.fetching = False
        if not self.cards:
            self.empty.text_label.setText(f"{info.message} {info.hint}".strip())
        else:
            self.message_label.setText(f"{info.message} {info.hint}".strip())
        self._update_buttons()

    def restart(self) -> None:
        self.cards = []
        self._show_top()
        self.fetch()

    def _show_top(self) -> None:
        if self.view is not None:
            self.view.deleteLater()
            self.view = None
        self.empty.setVisible(not self.cards)
        if self.cards:
            view = CardView(self.cards[0], self.covers, self.deck)
            view.home = QPoint((self.deck.width() - CARD_WIDTH) // 2, 0)
            view.move(view.home)
            view.swiped.connect(lambda value, card=self.cards[0]: self._swiped(card, Swipe(value)))
            view.show()
            self.view = view
        self._update_buttons()

    def _update_buttons(self) -> None:
        for button in (self.left_button, self.up_button, self.right_button):
            button.setEnabled(bool(self.cards))

    def swipe(self, direction: Swipe) -> None:
        """The top card leaves in ``direction`` (animated), then the swipe is stored."""
        if self.view is None or not self.cards:
            return
        self.view.fly(direction)

    def _swiped(self, card: Card, direction: Swipe) -> None:
        if not self.cards or self.cards[0].id != card.id:
            return
        self.cards.pop(0)
        self._show_top()
        self.runner.submit(
            self.service.swipe, card.id, direction, pool="network",
            on_result=self.message_label.setText, on_error=lambda info: self._swipe_failed(card, info),
        )  # fmt: skip
        if len(self.cards) < LOW_WATER:
            self.fetch()

    def _swipe_failed(self, card: Card, info: ErrorInfo) -> None:
        """Not stored (e.g. Audible unreachable for a request): the card comes back on top."""
        self.cards.insert(0, card)
        self._show_top()
        self.message_label.setText(f"{info.message} {info.hint}".strip())

    def undo(self) -> None:
        self.runner.submit(self.service.undo, pool="network", on_result=self._undone, on_error=self._failed)

    def _undone(self, card: Card | None) -> None:
        if card is None:
            self.message_label.setText(tr("Nothing to undo."))
            return
        self.cards = [card, *[c for c in self.cards if c.id != card.id]]
        self.message_label.setText(tr("{title} is back.").format(title=card.title))
        self._show_top()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.view is not None:
            self.view.home = QPoint((self.deck.width() - CARD_WIDTH) // 2, 0)
            self.view.move(self.view.home)
