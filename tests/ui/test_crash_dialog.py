"""Unexpected errors are logged with secrets redacted and shown with the log's location."""

from __future__ import annotations

import logging
import sys
import threading

from rmab_desktop.logging_setup import REDACTOR
from rmab_desktop.ui.crash_dialog import CrashDialog, CrashHandler


def test_excepthook_logs_redacted_and_shows_dialog(qtbot, tmp_path, caplog):
    REDACTOR.register("hunter2-super-secret")
    handler = CrashHandler(tmp_path / "logs" / "rmab-desktop.log")
    handler.install()
    try:
        assert sys.excepthook == handler.handle
        try:
            raise ValueError("token hunter2-super-secret rejected")
        except ValueError:
            with caplog.at_level(logging.ERROR):
                sys.excepthook(*sys.exc_info())
        qtbot.waitUntil(lambda: handler.dialog is not None, timeout=30_000)
        dialog = handler.dialog
        qtbot.addWidget(dialog)
        assert "ValueError" in dialog.summary.text()
        assert "hunter2-super-secret" not in dialog.summary.text()
        assert "hunter2-super-secret" not in dialog.details.toPlainText()
        assert "Traceback" in dialog.details.toPlainText()
        assert str(tmp_path / "logs" / "rmab-desktop.log") in " ".join(
            label.text() for label in dialog.findChildren(type(dialog.summary))
        )
        logged = "\n".join(record.getMessage() + (record.exc_text or "") for record in caplog.records)
        assert "Unexpected error" in logged
    finally:
        handler.uninstall()
    assert sys.excepthook is not handler.handle


def test_worker_thread_errors_reach_the_gui(qtbot, tmp_path):
    handler = CrashHandler(tmp_path / "x.log", show_dialog=False)
    handler.install()
    try:
        thread = threading.Thread(target=lambda: 1 / 0)
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: len(handler.reports) == 1, timeout=30_000)
        assert handler.reports[0][0].startswith("ZeroDivisionError")
    finally:
        handler.uninstall()


def test_dialog_details_toggle(qtbot, tmp_path):
    dialog = CrashDialog("KeyError: 'x'", "Traceback ...", tmp_path / "app.log")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.details.isVisible()
    dialog.details_button.click()
    assert dialog.details.isVisible() and dialog.details_button.text() == "Hide details"
