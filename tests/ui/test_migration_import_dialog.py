"""Import from ReadMeABook / AudioBookRequest: preview, import with progress off the GUI thread, report.

The runner is real (the work runs on its pools while the event loop turns); the AudioBookRequest
file and the ReadMeABook database (on a real PostgreSQL) are made by the tests' own builders.
"""

from __future__ import annotations

from pathlib import Path

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.services.migration_import import Source
from rmab_desktop.ui.dialogs.migration_import_dialog import MigrationImportDialog
from rmab_desktop.ui.main_window import MainWindow
from rmab_desktop.workers.runner import TaskRunner
from tests import readmeabook_source
from tests.audiobookrequest_source import build

DEADLINE_MS = 60_000


def _table(dialog: MigrationImportDialog) -> list[list[str]]:
    table = dialog.table
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def test_preview_then_import_an_audiobookrequest_file(core: AppCore, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    dialog = MigrationImportDialog(core.migration_import, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.source.setCurrentIndex(dialog.source.findData(Source.AUDIOBOOKREQUEST.value))
    assert dialog.browse.isVisible() and not dialog.key.isVisible()
    assert not dialog.import_button.isEnabled()
    dialog.location.setText(str(build(tmp_path / "db.sqlite")))
    dialog.load_preview()
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=DEADLINE_MS)
    rows = {row[0]: row for row in _table(dialog)}
    assert rows["Requests"][1] == "5" and "Piranesi" in rows["Audiobooks"][2]

    dialog.start()
    assert dialog.progress.isVisible()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=DEADLINE_MS)
    rows = {row[0]: row for row in _table(dialog)}
    assert rows["Requests"][1:] == ["4", "0", "1"]
    assert dialog.progress.value() == dialog.progress.maximum()
    report = dialog.details.toPlainText()
    assert "A book Audible does not have" in report and "Password of user tom" in report
    assert len(core.requests.list()) == 4

    dialog.start()  # a second time: nothing new
    qtbot.waitUntil(lambda: "Nothing was new" in dialog.status.text(), timeout=DEADLINE_MS)
    assert len(core.requests.list()) == 4
    runner.shutdown(5000)


def test_a_wrong_key_is_said_in_the_dialog_and_the_right_one_brings_the_secrets(
    core: AppCore,
    qtbot,
    empty_postgres_database: str,  # type: ignore[no-untyped-def]
) -> None:
    readmeabook_source.build(empty_postgres_database)
    runner = TaskRunner()
    dialog = MigrationImportDialog(core.migration_import, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.key.isVisible()
    dialog.location.setText(empty_postgres_database)
    dialog.key.setText("the wrong key")
    dialog.load_preview()
    qtbot.waitUntil(lambda: "key does not open" in dialog.status.text(), timeout=DEADLINE_MS)
    assert not dialog.import_button.isEnabled()

    dialog.key.setText(readmeabook_source.KEY)
    dialog.load_preview()
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=DEADLINE_MS)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=DEADLINE_MS)
    assert {row[0]: row for row in _table(dialog)}["Notification targets"][1] == "1"
    runner.shutdown(5000)


def test_the_file_menu_asks_for_the_import(core: AppCore, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow([], window_state=core.prefs.window)
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    (action,) = [a for a in file_menu.actions() if "ReadMeABook" in a.text()]
    with qtbot.waitSignal(window.importRequested):
        action.trigger()


def test_stop_keeps_what_came_and_a_new_import_brings_the_rest(core: AppCore, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    dialog = MigrationImportDialog(core.migration_import, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.source.setCurrentIndex(dialog.source.findData(Source.AUDIOBOOKREQUEST.value))
    dialog.location.setText(str(build(tmp_path / "db.sqlite")))
    dialog.load_preview()
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=DEADLINE_MS)
    dialog.start()
    assert dialog.buttons.button(dialog.buttons.StandardButton.Close).text() == "Stop"
    dialog.stop_or_close()
    qtbot.waitUntil(lambda: "Stopped" in dialog.status.text(), timeout=DEADLINE_MS)
    assert dialog.isVisible() and dialog.report is None and dialog.import_button.isEnabled()
    assert dialog.buttons.button(dialog.buttons.StandardButton.Close).text() == "Close"

    dialog.start()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=DEADLINE_MS)
    assert len(core.requests.list()) == 4
    runner.shutdown(5000)
