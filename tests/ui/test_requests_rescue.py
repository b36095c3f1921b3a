"""The Requests page's "More" menu: import by hand after a preview, and delete with files after a
preview listing exactly what goes; the real core, runner and organize job underneath."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.db.models import Audiobook, Request
from rmab_desktop.domain.enums import RequestStatus
from rmab_desktop.settings import Preferences, SettingsStore
from rmab_desktop.ui.dialogs.rescue_dialogs import DeletePreviewDialog, ImportPreviewDialog
from rmab_desktop.ui.pages.requests_page import RequestsPage
from rmab_desktop.workers.runner import TaskRunner
from tests.audiofiles import make_audio

DEADLINE_MS = 30_000


@pytest.fixture
def core(tmp_path: Path, database_url: str, qapp) -> Iterator[AppCore]:  # type: ignore[no-untyped-def]
    (tmp_path / "library").mkdir()
    prefs = Preferences.model_validate(
        {"first_run_done": True, "library": {"root": str(tmp_path / "library")}}
    )
    SettingsStore(tmp_path / "profile" / "config" / "settings.json").save(prefs)
    app = open_core(tmp_path / "profile", database_url, log_to_console=False)
    yield app
    app.close()


def test_import_by_hand_then_delete_with_files_each_after_a_preview(
    core: AppCore, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with core.database.session() as session:
        book = Audiobook(asin="B0PERSUAS1", title="Persuasion", authors=[{"name": "Jane Austen"}])
        session.add(book)
        session.flush()
        stuck = Request(
            audiobook_id=book.id, status=RequestStatus.WARN.value, status_message="No audio files"
        )
        session.add(stuck)
        session.flush()
        request_id = stuck.id
    folder = tmp_path / "found" / "persuasion"
    make_audio(folder / "01.mp3", album="Persuasion", artist="Jane Austen")
    runner = TaskRunner()
    page = RequestsPage(core.requests, core.users, core.acquisition, core.events, runner, rescue=core.rescue)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.select_request(request_id), timeout=DEADLINE_MS)
    assert page.buttons["more"].isVisibleTo(page)
    assert [a.text() for a in page.buttons["more"].menu().actions()] == [
        "Import files by hand…",
        "Import a folder by hand…",
        "Search with other words…",
        "Re-check the library",
        "Start over",
        "Delete with files…",
    ]

    page.import_by_hand(str(folder))
    qtbot.waitUntil(lambda: isinstance(page.preview_dialog, ImportPreviewDialog), timeout=DEADLINE_MS)
    dialog = page.preview_dialog
    assert dialog.table.item(0, 0).text() == str(folder / "01.mp3")
    assert dialog.table.item(0, 1).text() == "Jane Austen/Persuasion [B0PERSUAS1]/Persuasion.mp3"
    assert not any((tmp_path / "library").iterdir())  # the preview changed nothing
    dialog.accept()
    qtbot.waitUntil(lambda: "Import started" in page.action_message.text(), timeout=DEADLINE_MS)
    while core.executor.run_next() is not None:  # the app's job pump, by hand
        pass
    assert core.requests.get(request_id).status == RequestStatus.AVAILABLE
    imported = tmp_path / "library" / "Jane Austen" / "Persuasion [B0PERSUAS1]" / "Persuasion.mp3"
    assert imported.is_file()

    page.delete_with_files()
    qtbot.waitUntil(lambda: isinstance(page.preview_dialog, DeletePreviewDialog), timeout=DEADLINE_MS)
    dialog = page.preview_dialog
    listed = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert str(imported) in listed and any(text.startswith(str(imported.parent)) for text in listed)
    dialog.accept()
    qtbot.waitUntil(lambda: page.detail_title.text() == "Request deleted.", timeout=DEADLINE_MS)
    assert not imported.exists() and (folder / "01.mp3").exists()
    with core.database.session() as session:
        assert session.scalar(select(Request.deleted_at).where(Request.id == request_id)) is not None
    runner.shutdown(5000)
