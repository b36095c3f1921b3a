"""Settings > Organize: the folder template with a live preview, import mode, tags and sidecars."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.services.organize.template import DEFAULT_TEMPLATE, TOKENS, TemplateError, preview

if TYPE_CHECKING:
    from rmab_desktop.settings import Preferences
    from rmab_desktop.ui.shell import Runner

tr = Translator("OrganizeSettings")

MODES = [
    ("copy", tr.mark("Copy (keeps the download for seeding)")),
    ("hardlink", tr.mark("Hard link (no extra space; same drive; tags not embedded)")),
    ("move", tr.mark("Move (the download folder is emptied)")),
]
PREVIEW_DELAY_MS = 150


class OrganizeSettings(QWidget):
    def __init__(self, prefs: Preferences, save_prefs: Callable[[], None], runner: Runner) -> None:
        super().__init__()
        self.prefs, self.save_prefs, self.runner = prefs, save_prefs, runner
        library = prefs.library
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(14)

        folders = QGroupBox(tr("Book folders"))
        box = QVBoxLayout(folders)
        row = QHBoxLayout()
        self.template_edit = QLineEdit(library.path_template or DEFAULT_TEMPLATE)
        self.template_edit.setAccessibleName(tr("Folder template"))
        reset = QPushButton(tr("&Default"))
        reset.setAccessibleDescription(tr("Put the default folder template back"))
        reset.clicked.connect(lambda: self.template_edit.setText(DEFAULT_TEMPLATE))
        row.addWidget(self.template_edit, 1)
        row.addWidget(reset)
        box.addLayout(row)
        help_label = QLabel(
            tr(
                "Tokens: {tokens}. Put optional parts in <…>: they vanish when a token inside is empty. "
                "'/' separates folders; write {open} and {close} for literal braces."
            ).format(tokens=" ".join(f"{{{t}}}" for t in TOKENS), open="{{", close="}}")
        )
        help_label.setTextFormat(Qt.TextFormat.PlainText)
        help_label.setWordWrap(True)
        help_label.setEnabled(False)
        box.addWidget(help_label)
        box.addWidget(QLabel(tr("Preview:")))
        self.preview_label = QLabel()
        self.preview_label.setAccessibleName(tr("Preview"))
        self.preview_label.setWordWrap(True)
        self.preview_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.preview_label)
        layout.addWidget(folders)

        importing = QGroupBox(tr("Importing"))
        form = QFormLayout(importing)
        self.mode_combo = QComboBox()
        for value, label in MODES:
            self.mode_combo.addItem(text(label), value)
        self.mode_combo.setCurrentIndex([v for v, _ in MODES].index(library.import_mode))
        form.addRow(tr("&Files"), self.mode_combo)
        self.tags_check = QCheckBox(
            tr("Write &tags and the cover into the audio files (Plex, Audiobookshelf)")
        )
        self.tags_check.setChecked(library.embed_tags)
        self.sidecars_check = QCheckBox(tr("Write &metadata.json, desc.txt and reader.txt (Audiobookshelf)"))
        self.sidecars_check.setChecked(library.write_sidecars)
        self.merge_check = QCheckBox(tr("M&erge multi-file books into one M4B with chapters"))
        self.merge_check.setChecked(library.merge_chapters)
        for check in (self.tags_check, self.sidecars_check, self.merge_check):
            form.addRow(check)
        layout.addWidget(importing)
        layout.addStretch(1)

        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self.template_edit.textChanged.connect(lambda _text: self._timer.start())
        self.update_preview()
        runner.submit(shutil.which, "ffmpeg", on_result=self._ffmpeg_found)

    def update_preview(self) -> bool:
        """Render the sample books; an invalid template shows why, in red. Returns validity."""
        try:
            lines = preview(self.template_edit.text())
        except TemplateError as exc:
            self.preview_label.setStyleSheet("color: #c62828;")
            self.preview_label.setText(f"{exc.user_message}\n{exc.user_hint}")
            return False
        self.preview_label.setStyleSheet("")
        self.preview_label.setText("\n".join(f"{line}/" for line in lines))
        return True

    def _ffmpeg_found(self, path: str | None) -> None:
        if not path:
            self.merge_check.setEnabled(False)
            self.merge_check.setToolTip(tr("Install ffmpeg to merge chapters."))
            self.merge_check.setText(
                tr("Merge multi-file books into one M4B with chapters (needs ffmpeg, not found)")
            )

    def apply(self) -> bool:
        if not self.update_preview():
            return False
        library = self.prefs.library
        template = self.template_edit.text().strip()
        library.path_template = None if template == DEFAULT_TEMPLATE else template
        library.import_mode = self.mode_combo.currentData()
        library.embed_tags = self.tags_check.isChecked()
        library.write_sidecars = self.sidecars_check.isChecked()
        library.merge_chapters = self.merge_check.isChecked() and self.merge_check.isEnabled()
        self.runner.submit(self.save_prefs, pool="network")
        return True
