"""Settings > Ebooks: where ebooks go (next to the audiobook, or an ebook folder with its own
template), the optional Calibre hand-off with a Test button, and the free ebook sources."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
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

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.services.organize.calibre import calibre_version
from rmab_desktop.services.organize.template import DEFAULT_TEMPLATE, TemplateError, preview

if TYPE_CHECKING:
    from rmab_desktop.settings import Preferences
    from rmab_desktop.ui.shell import Runner
    from rmab_desktop.workers.runner import ErrorInfo

tr = Translator("EbookSettings")


def _folder_row(edit: QLineEdit, parent: QWidget, title: str) -> QHBoxLayout:
    row = QHBoxLayout()
    browse = QPushButton(tr("Choose…"))

    def choose() -> None:
        path = QFileDialog.getExistingDirectory(parent, title, edit.text())
        if path:
            edit.setText(path)

    browse.clicked.connect(choose)
    row.addWidget(edit, 1)
    row.addWidget(browse)
    return row


class EbookSettings(QWidget):
    def __init__(self, prefs: Preferences, save_prefs: Callable[[], None], runner: Runner) -> None:
        super().__init__()
        self.prefs, self.save_prefs, self.runner = prefs, save_prefs, runner
        ebooks = prefs.ebooks
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(14)

        where = QGroupBox(tr("Where ebooks go"))
        form = QFormLayout(where)
        self.root_edit = QLineEdit(ebooks.root or "")
        self.root_edit.setPlaceholderText(tr("Next to the audiobook, in the library folder"))
        self.root_edit.setAccessibleName(tr("Ebook folder"))
        form.addRow(tr("Ebook folder"), _folder_row(self.root_edit, self, tr("Ebook folder")))
        self.template_edit = QLineEdit(ebooks.path_template or "")
        self.template_edit.setPlaceholderText(tr("Empty: the library's folder template"))
        self.template_edit.setAccessibleName(tr("Ebook folder template"))
        form.addRow(tr("Template"), self.template_edit)
        self.template_note = QLabel()
        self.template_note.setWordWrap(True)
        form.addRow(self.template_note)
        layout.addWidget(where)

        calibre = QGroupBox(tr("Calibre"))
        form = QFormLayout(calibre)
        self.calibre_check = QCheckBox(tr("Add each imported ebook to Calibre (calibredb add)"))
        self.calibre_check.setChecked(ebooks.calibre_add)
        form.addRow(self.calibre_check)
        self.calibre_library = QLineEdit(ebooks.calibre_library or "")
        self.calibre_library.setPlaceholderText(tr("Calibre's default library"))
        self.calibre_library.setAccessibleName(tr("Calibre library"))
        form.addRow(tr("Calibre library"), _folder_row(self.calibre_library, self, tr("Calibre library")))
        self.calibredb_edit = QLineEdit(ebooks.calibredb_path or "")
        self.calibredb_edit.setPlaceholderText(tr("Found on the PATH"))
        self.calibredb_edit.setAccessibleName(tr("calibredb program"))
        form.addRow(tr("calibredb program"), self.calibredb_edit)
        row = QHBoxLayout()
        self.test_button = QPushButton(tr("Test"))
        self.test_button.clicked.connect(self.test_calibre)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        row.addWidget(self.test_button)
        row.addWidget(self.test_result, 1)
        form.addRow(row)
        layout.addWidget(calibre)

        sources = QGroupBox(tr("Free ebook sources"))
        form = QFormLayout(sources)
        self.sources_check = QCheckBox(
            tr("Search Project Gutenberg, Standard Ebooks and the Internet Archive (public domain only)")
        )
        self.sources_check.setChecked(ebooks.free_sources)
        form.addRow(self.sources_check)
        self.url_edits: dict[str, QLineEdit] = {}
        for key, label in (
            ("gutendex_url", tr("Gutendex address")),
            ("standard_ebooks_url", tr("Standard Ebooks address")),
            ("internet_archive_url", tr("Internet Archive address")),
        ):
            edit = QLineEdit(getattr(ebooks, key))
            edit.setAccessibleName(label)
            self.url_edits[key] = edit
            form.addRow(label, edit)
        layout.addWidget(sources)
        layout.addStretch(1)
        self.template_edit.textChanged.connect(lambda _text: self.check_template())
        self.check_template()

    def check_template(self) -> bool:
        """The template's first sample folder, or why it is invalid."""
        try:
            sample = preview(self.template_edit.text().strip() or DEFAULT_TEMPLATE)[0]
        except TemplateError as exc:
            self.template_note.setText(f"{exc.user_message} {exc.user_hint}".strip())
            return False
        self.template_note.setText(tr("For example: {folder}/").format(folder=sample))
        return True

    def test_calibre(self) -> None:
        self.test_button.setEnabled(False)
        self.test_result.setText(tr("Looking for calibredb…"))
        self.runner.submit(
            calibre_version,
            self.calibredb_edit.text().strip() or None,
            on_result=self._tested,
            on_error=self._test_failed,
        )

    def _tested(self, version: str) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setText(tr("Found: {version}").format(version=version))

    def _test_failed(self, info: ErrorInfo) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setText(f"{info.message} {info.hint}".strip())

    def apply(self) -> bool:
        if not self.check_template():
            return False
        ebooks = self.prefs.ebooks
        ebooks.root = self.root_edit.text().strip() or None
        ebooks.path_template = self.template_edit.text().strip() or None
        ebooks.calibre_add = self.calibre_check.isChecked()
        ebooks.calibre_library = self.calibre_library.text().strip() or None
        ebooks.calibredb_path = self.calibredb_edit.text().strip() or None
        ebooks.free_sources = self.sources_check.isChecked()
        for key, edit in self.url_edits.items():
            setattr(ebooks, key, edit.text().strip() or type(ebooks).model_fields[key].default)
        self.runner.submit(self.save_prefs, pool="network")
        return True
