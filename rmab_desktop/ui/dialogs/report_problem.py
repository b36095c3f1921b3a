"""Help > Report a problem…: save a diagnostics bundle the user can attach to a bug report.

The bundle (services/diagnostics.py) holds the recent log, versions, the OS, settings and the
configured services with every secret removed. Collecting it reads the database, the keychain
and the log files, so it runs on the runner; the window only asks where and says where it went.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QDir, QStandardPaths, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from rmab_desktop.domain.errors import RmabError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.logging_setup import REDACTOR
from rmab_desktop.services.diagnostics import DiagnosticsInputs, write_bundle
from rmab_desktop.ui.shell import Runner
from rmab_desktop.workers.runner import ErrorInfo

tr = Translator("ReportProblem")

Collect = Callable[[dict[str, str]], DiagnosticsInputs]


def default_target() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    stamp = datetime.now().strftime("%Y%m%d-%H%M")
    return Path(folder or QDir.homePath()) / f"rmab-desktop-diagnostics-{stamp}.zip"


def save_bundle(target: Path, collect: Collect) -> Path:
    """Collect and write the bundle (on the runner: reads the database, the keychain and the log)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        return write_bundle(target, collect({"qt": qVersion(), "pyside": pyside_version}), REDACTOR.redact)
    except OSError as exc:
        raise RmabError(
            tr("Could not save the report to {path}: {reason}").format(
                path=target, reason=exc.strerror or exc
            ),
            hint=tr("Choose another folder, for example your Documents folder, and try again."),
        ) from exc


class ReportProblem:
    """Asks where, saves off the GUI thread, then confirms (or says what went wrong)."""

    def __init__(self, parent: QWidget, runner: Runner, collect: Collect) -> None:
        self.parent = parent
        self.runner = runner
        self.collect = collect
        self.message: QMessageBox | None = None  # the last confirmation or error shown

    def start(self, target: Path | None = None) -> None:
        if target is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self.parent,
                tr("Save a problem report"),
                str(default_target()),
                tr("Zip archives (*.zip)"),
            )
            if not chosen:
                return
            target = Path(chosen if chosen.lower().endswith(".zip") else f"{chosen}.zip")
        self.runner.submit(save_bundle, target, self.collect, on_result=self._saved, on_error=self._failed)

    def _saved(self, path: Path) -> None:
        box = self._box(
            QMessageBox.Icon.Information,
            tr("Problem report saved"),
            tr(
                "The report was saved to:\n{path}\n\nPasswords, API keys and tokens were removed from it. "
                "Attach this file to your bug report."
            ).format(path=path),
        )
        show = box.addButton(tr("Show in Folder"), QMessageBox.ButtonRole.ActionRole)
        show.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))
        box.addButton(QMessageBox.StandardButton.Ok)
        box.open()

    def _failed(self, info: ErrorInfo) -> None:
        box = self._box(
            QMessageBox.Icon.Warning, tr("The problem report was not saved"), f"{info.message}\n\n{info.hint}"
        )
        box.addButton(QMessageBox.StandardButton.Ok)
        box.open()

    def _box(self, icon: QMessageBox.Icon, title: str, body: str) -> QMessageBox:
        box = QMessageBox(icon, title, body, QMessageBox.StandardButton.NoButton, self.parent)
        self.message = box
        return box
