"""Settings > Ranking: what is never grabbed, what wins among the rest, and a live "try it" box."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStringListModel, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.releases import Release
from rmab_desktop.services.ranking import CONFIG_KEY, RankingPrefs, rank_releases
from rmab_desktop.services.ranking.prefs import FORMATS, BitrateWindow

if TYPE_CHECKING:
    from rmab_desktop.services.config_store import ConfigStore
    from rmab_desktop.ui.shell import Runner

FORMAT_LABELS = {"m4b": "M4B", "flac": "FLAC", "m4a": "M4A / AAC", "mp3": "MP3", "other": "Other"}
_LABEL_FORMATS = {label: fmt for fmt, label in FORMAT_LABELS.items()}


def _words(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def parse_flags(text: str) -> dict[str, float]:
    """ "freeleech=10, halfleech=4" -> {"freeleech": 10.0, "halfleech": 4.0}; bad parts are skipped."""
    flags: dict[str, float] = {}
    for part in _words(text):
        name, _, value = part.partition("=")
        try:
            flags[name.strip().lower()] = float(value)
        except ValueError:
            continue
    return flags


def _spin(low: float, high: float, suffix: str = "", decimals: int = 0) -> QDoubleSpinBox:
    box = QDoubleSpinBox(minimum=low, maximum=high, decimals=decimals, suffix=suffix)
    box.setKeyboardTracking(False)
    return box


class RankingSettings(QWidget):
    def __init__(self, config: ConfigStore, runner: Runner) -> None:
        """The ranking preferences live in ``config`` (the database) under ``CONFIG_KEY``."""
        super().__init__()
        self.config, self.runner = config, runner
        self.prefs = RankingPrefs()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)

        gate = QGroupBox("Never grab automatically")
        gate_box = QVBoxLayout(gate)
        gate_form = QFormLayout()
        gate_box.addLayout(gate_form)
        self.min_kbps = _spin(0, 512, " kbps")
        self.max_kbps = _spin(64, 10000, " kbps")
        self.min_size = _spin(0, 1000, " MB", 1)
        self.min_seeders = QSpinBox(minimum=0, maximum=1000)
        self.require_author = QCheckBox("The release must name an author of the book")
        self.reject_languages = QCheckBox("Reject releases marked with another language than the book's")
        self.forbidden = QLineEdit(placeholderText="sample, excerpt, summary")
        gate_form.addRow("Below this bitrate for the runtime", self.min_kbps)
        gate_form.addRow("Above this bitrate for the runtime", self.max_kbps)
        gate_form.addRow("Smaller than (runtime unknown)", self.min_size)
        gate_form.addRow("Fewer seeders than", self.min_seeders)
        gate_form.addRow("", self.require_author)
        gate_form.addRow("", self.reject_languages)
        gate_form.addRow("Forbidden words", self.forbidden)
        note = QLabel(
            "Always rejected: another title, another book of the series, box sets, abridged or dramatized "
            "editions (unless that is what you asked for). Interactive search shows rejected releases greyed "
            "with the reason, and you may still pick one.",
            wordWrap=True,
        )
        note.setEnabled(False)
        gate_box.addWidget(note)
        layout.addWidget(gate)

        order = QGroupBox("Among the rest, prefer")
        grid = QGridLayout(order)
        self.format_model = QStringListModel()
        self.format_view = QListView()
        self.format_view.setModel(self.format_model)
        self.format_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.format_view.setMaximumHeight(120)
        up, down = QPushButton("Up"), QPushButton("Down")
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        buttons = QVBoxLayout()
        buttons.addWidget(up)
        buttons.addWidget(down)
        buttons.addStretch(1)
        grid.addWidget(QLabel("Formats, best first"), 0, 0)
        grid.addWidget(self.format_view, 1, 0)
        grid.addLayout(buttons, 1, 1)
        windows = QFormLayout()
        self.window_spins: dict[str, tuple[QDoubleSpinBox, QDoubleSpinBox]] = {}
        for fmt in FORMATS:
            low, high = _spin(8, 5000, " kbps"), _spin(8, 5000, " kbps")
            row = QHBoxLayout()
            row.addWidget(low)
            row.addWidget(QLabel("to"))
            row.addWidget(high)
            windows.addRow(f"{FORMAT_LABELS[fmt]} sounds right from", row)
            self.window_spins[fmt] = (low, high)
        grid.addLayout(windows, 0, 2, 2, 1)
        self.preferred = QLineEdit(placeholderText="unabridged, chapterized")
        self.flags = QLineEdit(placeholderText="freeleech=10, halfleech=4")
        extra = QFormLayout()
        extra.addRow("Preferred words", self.preferred)
        extra.addRow("Indexer flags (points)", self.flags)
        grid.addLayout(extra, 2, 0, 1, 3)
        layout.addWidget(order)

        trial = QGroupBox("Try it")
        trial_form = QFormLayout(trial)
        self.try_title = QLineEdit("The Way of Kings")
        self.try_author = QLineEdit("Brandon Sanderson")
        self.try_runtime = QSpinBox(minimum=0, maximum=100000, suffix=" min", value=2743)
        self.try_release = QLineEdit(
            "Brandon Sanderson - The Way of Kings (Stormlight Archive 1) [M4B] 64kbps"
        )
        self.try_size = _spin(0, 100000, " MB")
        self.try_size.setValue(1250)
        self.verdict = QPlainTextEdit(readOnly=True)
        self.verdict.setFixedHeight(140)
        trial_form.addRow("Book title", self.try_title)
        trial_form.addRow("Author", self.try_author)
        trial_form.addRow("Runtime", self.try_runtime)
        trial_form.addRow("Release name", self.try_release)
        trial_form.addRow("Release size", self.try_size)
        trial_form.addRow(self.verdict)
        layout.addWidget(trial)

        bottom = QHBoxLayout()
        defaults = QPushButton("Restore defaults")
        defaults.clicked.connect(lambda: self._show(RankingPrefs()))
        self.status = QLabel()
        bottom.addWidget(defaults)
        bottom.addWidget(self.status, 1)
        layout.addLayout(bottom)
        layout.addStretch(1)

        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.try_it)
        for edit in (
            self.try_title,
            self.try_author,
            self.try_release,
            self.forbidden,
            self.preferred,
            self.flags,
        ):
            edit.textChanged.connect(self._debounce.start)
        for spin in (
            self.try_runtime,
            self.try_size,
            self.min_kbps,
            self.max_kbps,
            self.min_size,
            self.min_seeders,
        ):
            spin.valueChanged.connect(self._debounce.start)
        for box in (self.require_author, self.reject_languages):
            box.toggled.connect(self._debounce.start)
        self._show(self.prefs)
        runner.submit(
            config.get_model, CONFIG_KEY, RankingPrefs, pool="library",
            on_result=self._show, on_error=self._show_error,
        )  # fmt: skip

    # -- form <-> prefs ------------------------------------------------------------------------------
    def _show(self, prefs: RankingPrefs) -> None:
        self.prefs = prefs
        self.min_kbps.setValue(prefs.min_kbps)
        self.max_kbps.setValue(prefs.max_kbps)
        self.min_size.setValue(prefs.min_size_mb)
        self.min_seeders.setValue(prefs.min_seeders)
        self.require_author.setChecked(prefs.require_author)
        self.reject_languages.setChecked(prefs.reject_other_languages)
        self.forbidden.setText(", ".join(prefs.forbidden_words))
        self.preferred.setText(", ".join(prefs.preferred_words))
        self.flags.setText(", ".join(f"{k}={v:g}" for k, v in prefs.flag_scores.items()))
        self.format_model.setStringList([FORMAT_LABELS[f] for f in prefs.format_order])
        for fmt, (low, high) in self.window_spins.items():
            window = prefs.window(fmt)
            low.setValue(window.low)
            high.setValue(window.high)
        self.try_it()

    def edited_prefs(self) -> RankingPrefs:
        windows = {
            fmt: BitrateWindow(low=min(low.value(), high.value()), high=max(low.value(), high.value()))
            for fmt, (low, high) in self.window_spins.items()
        }
        return self.prefs.model_copy(
            update={
                "min_kbps": self.min_kbps.value(),
                "max_kbps": self.max_kbps.value(),
                "min_size_mb": self.min_size.value(),
                "min_seeders": self.min_seeders.value(),
                "require_author": self.require_author.isChecked(),
                "reject_other_languages": self.reject_languages.isChecked(),
                "forbidden_words": _words(self.forbidden.text()),
                "preferred_words": _words(self.preferred.text()),
                "flag_scores": parse_flags(self.flags.text()),
                "format_order": [_LABEL_FORMATS[label] for label in self.format_model.stringList()],
                "bitrate_windows": windows,
            }
        )

    def _move(self, step: int) -> None:
        row = self.format_view.currentIndex().row()
        items = self.format_model.stringList()
        target = row + step
        if row < 0 or not 0 <= target < len(items):
            return
        items[row], items[target] = items[target], items[row]
        self.format_model.setStringList(items)
        self.format_view.setCurrentIndex(self.format_model.index(target))
        self.try_it()

    # -- try it (pure computation, no I/O: fine on the GUI thread) -------------------------------------
    def try_it(self) -> None:
        title = self.try_title.text().strip()
        if not title or not self.try_release.text().strip():
            self.verdict.setPlainText("")
            return
        book = BookInfo(
            title=title,
            authors=tuple(_words(self.try_author.text())),
            runtime_minutes=self.try_runtime.value() or None,
            language="en",
        )
        release = Release(
            guid="try", title=self.try_release.text(), size_bytes=int(self.try_size.value() * 1024 * 1024) or None,
            seeders=10,
        )  # fmt: skip
        [ranked] = rank_releases(book, [release], self.edited_prefs())
        head = "✔ Accepted" if ranked.accepted else "✘ Rejected"
        parts = ", ".join(f"{k} {v:g}" for k, v in ranked.parts.items())
        reasons = "\n".join(f"• {r}" for r in ranked.reasons if not r.startswith("Accepted"))
        self.verdict.setPlainText(f"{head}, score {ranked.score:g} ({parts})\n{reasons}")

    # -- saving ------------------------------------------------------------------------------------------
    def apply(self) -> bool:
        prefs = self.edited_prefs()
        self.prefs = prefs
        self.status.setText("Saving…")
        self.runner.submit(
            self.config.set_model, CONFIG_KEY, prefs, pool="library",
            on_result=lambda _: self.status.setText("Saved."), on_error=self._show_error,
        )  # fmt: skip
        return True

    def _show_error(self, info: Any) -> None:
        self.status.setText(f"✗ {info.message} {info.hint}".strip())
