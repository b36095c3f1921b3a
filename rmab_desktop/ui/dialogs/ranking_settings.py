"""Settings > Ranking: what is never grabbed, what wins among the rest, and a live "try it" box."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
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
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.releases import Release
from rmab_desktop.services.ranking import CONFIG_KEY, RankingPrefs, rank_releases
from rmab_desktop.services.ranking.languages import language_name
from rmab_desktop.services.ranking.prefs import FORMATS, MULTI, BitrateWindow, language_codes

if TYPE_CHECKING:
    from rmab_desktop.services.config_store import ConfigStore
    from rmab_desktop.ui.shell import Runner

tr = Translator("RankingSettings")

FORMAT_LABELS = {"m4b": "M4B", "flac": "FLAC", "m4a": "M4A / AAC", "mp3": "MP3", "other": tr.mark("Other")}
FORMAT_KEY = Qt.ItemDataRole.UserRole  # the format a row of the order list stands for


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


def _spin(low: float, high: float, suffix: str, decimals: int = 0) -> QDoubleSpinBox:
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

        kbps = tr(" kbps", "kilobits per second after a number")
        megabytes = tr(" MB", "megabytes after a number")
        gate = QGroupBox(tr("Never grab automatically"))
        gate_box = QVBoxLayout(gate)
        gate_form = QFormLayout()
        gate_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        gate_box.addLayout(gate_form)
        self.min_kbps = _spin(0, 512, kbps)
        self.max_kbps = _spin(64, 10000, kbps)
        self.min_size = _spin(0, 1000, megabytes, 1)
        self.min_seeders = QSpinBox(minimum=0, maximum=1000)
        self.require_author = QCheckBox(tr("The release must name an &author of the book"))
        self.reject_languages = QCheckBox(tr("Reject releases marked with another &language than the book's"))
        self.allowed_languages = QLineEdit(placeholderText=tr("German, multi"))
        self.allowed_languages.setToolTip(
            tr(
                "Languages accepted besides the book's own, by name or code; “multi” accepts releases in several languages."
            )
        )
        self.forbidden = QLineEdit(placeholderText=tr("sample, excerpt, summary"))
        gate_form.addRow(tr("&Below this bitrate for the runtime"), self.min_kbps)
        gate_form.addRow(tr("Abo&ve this bitrate for the runtime"), self.max_kbps)
        gate_form.addRow(tr("&Smaller than (runtime unknown)"), self.min_size)
        gate_form.addRow(tr("Fewer seeders t&han"), self.min_seeders)
        gate_form.addRow("", self.require_author)
        gate_form.addRow("", self.reject_languages)
        gate_form.addRow(tr("Also &accept these languages"), self.allowed_languages)
        gate_form.addRow(tr("&Forbidden words"), self.forbidden)
        note = QLabel(
            tr(
                "Always rejected: another title, another book of the series, box sets, abridged or dramatized "
                "editions (unless that is what you asked for). Interactive search shows rejected releases greyed "
                "with the reason, and you may still pick one."
            ),
            wordWrap=True,
        )
        note.setEnabled(False)
        gate_box.addWidget(note)
        layout.addWidget(gate)

        order = QGroupBox(tr("Among the rest, prefer"))
        grid = QGridLayout(order)
        self.format_model = QStandardItemModel(self)
        self.format_view = QListView()
        self.format_view.setModel(self.format_model)
        self.format_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.format_view.setMaximumHeight(120)
        up, down = QPushButton(tr("&Up")), QPushButton(tr("Do&wn"))
        up.setAccessibleDescription(tr("Move the selected format up"))
        down.setAccessibleDescription(tr("Move the selected format down"))
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        buttons = QVBoxLayout()
        buttons.addWidget(up)
        buttons.addWidget(down)
        buttons.addStretch(1)
        formats_label = QLabel(tr("Fo&rmats, best first"))
        formats_label.setBuddy(self.format_view)
        grid.addWidget(formats_label, 0, 0)
        grid.addWidget(self.format_view, 1, 0)
        grid.addLayout(buttons, 1, 1)
        windows = QFormLayout()
        windows.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.window_spins: dict[str, tuple[QDoubleSpinBox, QDoubleSpinBox]] = {}
        for fmt in FORMATS:
            low, high = _spin(8, 5000, kbps), _spin(8, 5000, kbps)
            name = text(FORMAT_LABELS[fmt])
            low.setAccessibleName(tr("{format}: lowest bitrate that sounds right").format(format=name))
            high.setAccessibleName(tr("{format}: highest bitrate that sounds right").format(format=name))
            row = QHBoxLayout()
            row.addWidget(low)
            row.addWidget(QLabel(tr("to", "from one bitrate to another")))
            row.addWidget(high)
            windows.addRow(tr("{format} sounds right from").format(format=name), row)
            self.window_spins[fmt] = (low, high)
        grid.addLayout(windows, 2, 0, 1, 3)  # below the list: longer words need the width
        self.preferred = QLineEdit(placeholderText=tr("unabridged, chapterized"))
        self.flags = QLineEdit(placeholderText="freeleech=10, halfleech=4")
        extra = QFormLayout()
        extra.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        extra.addRow(tr("&Preferred words"), self.preferred)
        extra.addRow(tr("Indexer fla&gs (points)"), self.flags)
        grid.addLayout(extra, 3, 0, 1, 3)
        layout.addWidget(order)

        trial = QGroupBox(tr("Try it"))
        trial_form = QFormLayout(trial)
        trial_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.try_title = QLineEdit("The Way of Kings")
        self.try_author = QLineEdit("Brandon Sanderson")
        self.try_runtime = QSpinBox(
            minimum=0, maximum=100000, suffix=tr(" min", "minutes after a number"), value=2743
        )
        self.try_release = QLineEdit(
            "Brandon Sanderson - The Way of Kings (Stormlight Archive 1) [M4B] 64kbps"
        )
        self.try_size = _spin(0, 100000, megabytes)
        self.try_size.setValue(1250)
        self.verdict = QPlainTextEdit(readOnly=True)
        self.verdict.setFixedHeight(140)
        self.verdict.setAccessibleName(tr("Verdict for this release"))
        trial_form.addRow(tr("Book &title"), self.try_title)
        trial_form.addRow(tr("Auth&or"), self.try_author)
        trial_form.addRow(tr("R&untime"), self.try_runtime)
        trial_form.addRow(tr("Release na&me"), self.try_release)
        trial_form.addRow(tr("Release si&ze"), self.try_size)
        trial_form.addRow(self.verdict)
        layout.addWidget(trial)

        bottom = QHBoxLayout()
        defaults = QPushButton(tr("Restore &defaults"))
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
            self.allowed_languages,
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
        self.allowed_languages.setText(
            ", ".join(code if code == MULTI else language_name(code) for code in prefs.allowed_languages)
        )
        self.forbidden.setText(", ".join(prefs.forbidden_words))
        self.preferred.setText(", ".join(prefs.preferred_words))
        self.flags.setText(", ".join(f"{k}={v:g}" for k, v in prefs.flag_scores.items()))
        self.format_model.clear()
        for fmt in prefs.format_order:
            item = QStandardItem(text(FORMAT_LABELS[fmt]))
            item.setData(fmt, FORMAT_KEY)
            item.setEditable(False)
            self.format_model.appendRow(item)
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
                "allowed_languages": language_codes(_words(self.allowed_languages.text())),
                "forbidden_words": _words(self.forbidden.text()),
                "preferred_words": _words(self.preferred.text()),
                "flag_scores": parse_flags(self.flags.text()),
                "format_order": [
                    self.format_model.item(row).data(FORMAT_KEY)
                    for row in range(self.format_model.rowCount())
                ],
                "bitrate_windows": windows,
            }
        )

    def _move(self, step: int) -> None:
        row = self.format_view.currentIndex().row()
        target = row + step
        if row < 0 or not 0 <= target < self.format_model.rowCount():
            return
        self.format_model.insertRow(target, self.format_model.takeRow(row))
        self.format_view.setCurrentIndex(self.format_model.index(target, 0))
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
        head = tr("✔ Accepted") if ranked.accepted else tr("✘ Rejected")
        parts = ", ".join(f"{k} {v:g}" for k, v in ranked.parts.items())
        reasons = "\n".join(f"• {r}" for r in ranked.reasons if not r.startswith("Accepted"))
        summary = tr("{verdict}, score {score} ({parts})").format(
            verdict=head, score=f"{ranked.score:g}", parts=parts
        )
        self.verdict.setPlainText(f"{summary}\n{reasons}")

    # -- saving ------------------------------------------------------------------------------------------
    def apply(self) -> bool:
        prefs = self.edited_prefs()
        self.prefs = prefs
        self.status.setText(tr("Saving…"))
        self.runner.submit(
            self.config.set_model, CONFIG_KEY, prefs, pool="library",
            on_result=lambda _: self.status.setText(tr("Saved.")), on_error=self._show_error,
        )  # fmt: skip
        return True

    def _show_error(self, info: Any) -> None:
        self.status.setText(f"✗ {info.message} {info.hint}".strip())
