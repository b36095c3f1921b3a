"""Settings > Notifications driven like a user would, against a local webhook."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.services.events import EventKind
from rmab_desktop.ui.dialogs.notification_settings import BackendDialog, NotificationSettings
from rmab_desktop.ui.shell import Shell
from tests.fakes.webhook_receiver import WebhookReceiver, webhook_receiver


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    with webhook_receiver() as hook:
        yield hook


def test_add_test_edit_and_remove_a_backend(
    qtbot, core: AppCore, runner, receiver: WebhookReceiver, monkeypatch
) -> None:
    section = NotificationSettings(core.notifications, runner)
    qtbot.addWidget(section)
    assert section.model.rowCount() == 0 and not section.test_button.isEnabled()

    dialog = section.add()
    dialog.name_edit.setText("Family webhook")
    dialog.send_test()
    assert dialog.outcome.ok is False and "Enter an Apprise URL" in dialog.outcome.text()
    dialog.url_edit.setText(receiver.hook_url())
    dialog.event_checks[EventKind.REQUEST_DENIED].setChecked(True)
    dialog.send_test()
    assert dialog.outcome.ok is True, dialog.outcome.text()
    assert "ReadMeABook" in receiver.wait_for(1)[0]["title"]
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert section.model.rowCount() == 1
    backend = section.model.row_object(0)
    assert EventKind.REQUEST_DENIED in backend.events and EventKind.AVAILABLE in backend.events
    assert core.credentials.get(backend.secret_name) == receiver.hook_url()

    section.table.selectRow(0)
    assert section.test_button.isEnabled()
    section.test()
    assert section.result.ok is True and len(receiver.wait_for(2)) == 2

    edit = section.edit()
    assert isinstance(edit, BackendDialog)
    assert edit.url_edit.text() == "" and f"127.0.0.1:{receiver.port}/hook" in edit.saved_url.text()
    edit.event_checks[EventKind.AVAILABLE].setChecked(False)
    with qtbot.waitSignal(edit.saved):
        edit.save()
    updated = core.notifications.get(backend.id)
    assert EventKind.AVAILABLE not in updated.events
    assert core.credentials.get(backend.secret_name) == receiver.hook_url()  # URL kept

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    section.table.selectRow(0)
    section.remove()
    assert section.model.rowCount() == 0
    assert core.credentials.get(backend.secret_name) is None


def test_wrong_address_and_bad_url_say_what_to_fix(qtbot, core: AppCore, runner) -> None:
    dialog = BackendDialog(core.notifications, runner)
    qtbot.addWidget(dialog)
    dialog.url_edit.setText("json://127.0.0.1:9/hook")
    dialog.send_test()
    assert dialog.outcome.ok is False and "Connection error" in dialog.outcome.text()
    assert "Check the URL" in dialog.outcome.text()
    dialog.name_edit.setText("Broken")
    dialog.url_edit.setText("discrod://typo")
    dialog.save()
    assert dialog.outcome.ok is False and "does not recognise" in dialog.outcome.text()
    assert "discord://" in dialog.outcome.text()
    for check in dialog.event_checks.values():
        check.setChecked(False)
    dialog.url_edit.setText("json://127.0.0.1:9/hook")
    dialog.save()
    assert "at least one event" in dialog.outcome.text()
    assert core.notifications.list() == []


def test_section_is_registered_and_looks_right(
    qtbot, core: AppCore, shell: Shell, receiver: WebhookReceiver
) -> None:
    from rmab_desktop.ui.dialogs.settings_dialog import SettingsDialog

    core.notifications.create("Discord", receiver.hook_url(), [EventKind.AVAILABLE, EventKind.FAILED])
    core.notifications.create("ntfy", receiver.hook_url(path="/n"), [EventKind.AVAILABLE], enabled=False)
    dialog = SettingsDialog(lambda section: section.factory(core, shell))
    qtbot.addWidget(dialog)
    page = dialog.show_section("notifications")
    assert isinstance(page, NotificationSettings) and page.model.rowCount() == 2
    dialog.grab().save("/tmp/notification_settings.png")
    backend_dialog = page._open(page.model.row_object(0))
    backend_dialog.grab().save("/tmp/notification_backend_dialog.png")
    backend_dialog.close()
