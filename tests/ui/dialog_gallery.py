"""Every dialog and settings section, built from a real AppCore with test data.

Used by the translation and accessibility tests (tests/ui/test_dialogs_translatable.py) and by the
screenshot tool (``python -m tests.ui.dialog_gallery``), so both look at the same dialogs.
"""

from __future__ import annotations

import argparse
import math
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.domain.jobs import ScheduledJob
from rmab_desktop.domain.library import ImportedFile, ImportResult
from rmab_desktop.domain.releases import Release
from rmab_desktop.domain.watching import WatchKind
from rmab_desktop.services.downloads import DownloadClientConfig
from rmab_desktop.services.library.importing import LibraryImport
from rmab_desktop.services.rescue import DeletionPlan
from rmab_desktop.ui.dialogs.about_dialog import AboutDialog
from rmab_desktop.ui.dialogs.add_url_dialog import AddUrlDialog
from rmab_desktop.ui.dialogs.cron_dialog import CronDialog
from rmab_desktop.ui.dialogs.household_key_settings import ExportKeyDialog, JoinHouseholdDialog
from rmab_desktop.ui.dialogs.import_library_dialog import ImportLibraryDialog
from rmab_desktop.ui.dialogs.interactive_search_dialog import InteractiveSearchDialog
from rmab_desktop.ui.dialogs.local_api_settings import NewTokenDialog
from rmab_desktop.ui.dialogs.migration_import_dialog import MigrationImportDialog
from rmab_desktop.ui.dialogs.notification_settings import BackendDialog
from rmab_desktop.ui.dialogs.report_book_problem import ReportBookProblemDialog
from rmab_desktop.ui.dialogs.rescue_dialogs import DeletePreviewDialog, ImportPreviewDialog
from rmab_desktop.ui.dialogs.settings_dialog import SettingsDialog
from rmab_desktop.ui.dialogs.settings_registry import SETTINGS_SECTIONS
from rmab_desktop.ui.dialogs.sign_in_window import SignInWindow
from rmab_desktop.ui.dialogs.user_dialogs import (
    PERMISSION_LABELS,
    AddUserDialog,
    InviteDialog,
    PermissionsDialog,
    RemoveUserDialog,
    SetPasswordDialog,
)
from rmab_desktop.ui.pages.watching_page import EditWatchDialog
from rmab_desktop.ui.shell import Shell
from rmab_desktop.ui.wiring import open_first_run_wizard
from tests.audiobookrequest_source import build as build_audiobookrequest
from tests.fakes.download_client import FakeDownloadClient
from tests.pipeline_kit import StaticIndexers, make_kit

BOOK_TITLE = "The Quiet Test"
INVITE_CODE = "K7QM-X2PA-9RTD"
SCHEDULE_NAME = "Prune old history"
RELEASES = [
    Release(guid="a", title="Jane Doe - The Quiet Test (Unabridged) [M4B]", indexer="Fake", size_bytes=230_400_000,
            seeders=50, infohash="a" * 40),
    Release(guid="b", title="Jane Doe - The Quiet Test Returns [M4B]", indexer="Fake", size_bytes=99_000_000,
            seeders=9, infohash="b" * 40),
]  # fmt: skip


@dataclass
class Shown:
    """One dialog as a user sees it: ``window`` is what is walked and photographed."""

    name: str
    window: QWidget


def settings_dialogs(core: AppCore, shell: Shell) -> Iterator[Shown]:
    dialog = SettingsDialog(lambda section: section.factory(core, shell))
    dialog.show()
    for section in dialog.sections:
        dialog.show_section(section.key)
        yield Shown(f"settings-{section.key}", dialog)
    backend = BackendDialog(core.notifications, shell.runner, parent=dialog)
    backend.show()
    yield Shown("settings-notifications-add", backend)
    admin = core.users.default_user()
    new_token = NewTokenDialog(core.api_tokens, core.users.list(), admin, shell.runner, parent=dialog)
    new_token.show()
    yield Shown("settings-local-api-new-token", new_token)
    new_token.name_edit.setText("Home Assistant")
    new_token.make_token()
    yield Shown("settings-local-api-token-shown", new_token)
    new_token.close()
    export = ExportKeyDialog(core.secrets, shell.runner, parent=dialog)
    export.show()
    yield Shown("settings-household-key-export", export)
    export.passphrase.setText("kitchen table")
    export.repeat.setText("kitchen table")
    export.path_edit.setText(str(core.paths.data_dir / "gallery.rmabkey"))
    export.export()
    yield Shown("settings-household-key-exported", export)
    export.close()
    join = JoinHouseholdDialog(core.secrets, shell.runner, parent=dialog)
    join.show()
    join.join()  # nothing chosen: the dialog says what to do
    yield Shown("settings-household-key-join", join)
    join.close()
    dialog.close()


def wizard_pages(core: AppCore, shell: Shell) -> Iterator[Shown]:
    wizard = open_first_run_wizard(core, shell)
    wizard.library.folder_edit.setText(str(core.paths.data_dir / "Audiobooks"))
    for page_id in wizard.pageIds():
        if wizard.page(page_id) is wizard.start:
            continue  # entering it saves the plan; its widgets are walked with the wizard
        wizard.setStartId(page_id)
        wizard.restart()
        yield Shown(f"wizard-{type(wizard.page(page_id)).__name__}", wizard)
    wizard.close()


def other_dialogs(core: AppCore, shell: Shell, scratch: Path) -> Iterator[Shown]:
    importing = ImportLibraryDialog(
        LibraryImport(core.database), shell.runner, shell.notifier, str(scratch / "Library")
    )
    importing.show()
    for step in range(importing.stack.count()):
        importing.stack.setCurrentIndex(step)
        yield Shown(f"import-library-step{step + 1}", importing)
    importing.close()

    kit = make_kit(
        core.database,
        scratch / "direct",
        StaticIndexers(list(RELEASES)),
        factory=lambda *a, **k: FakeDownloadClient(),
    )
    kit.downloads.save_client(DownloadClientConfig(kind="qbittorrent", url="http://fake.invalid"))
    search = InteractiveSearchDialog(kit.acquisition, shell.runner, kit.add_request(), BOOK_TITLE)
    search.show()
    yield Shown("interactive-search", search)
    search.close()
    kit.close()

    now = datetime.now(UTC)
    schedule = ScheduledJob(1, "prune", SCHEDULE_NAME, "maintenance.prune_history", "17 3 * * *", True, {},
                            None, now + timedelta(hours=3))  # fmt: skip
    cron = CronDialog(schedule)
    cron.show()
    yield Shown("cron", cron)
    cron.close()

    assert core.url_imports is not None
    add_url = AddUrlDialog(core.url_imports, shell.runner)
    add_url.show()
    yield Shown("add-url", add_url)
    add_url.close()

    library = scratch / "Library" / "Jane Doe" / BOOK_TITLE
    preview = ImportResult(
        target_path=f"Jane Doe/{BOOK_TITLE}",
        absolute_path=str(library),
        mode="copy",
        files=(
            ImportedFile(str(scratch / "found" / "01.mp3"), f"Jane Doe/{BOOK_TITLE}/{BOOK_TITLE}.mp3", 1000),
        ),
        sidecars=("metadata.json",),
        dry_run=True,
    )
    rescue_import = ImportPreviewDialog(preview)
    rescue_import.show()
    yield Shown("rescue-import", rescue_import)
    rescue_import.close()
    plan = DeletionPlan(1, downloads=[(1, "qbittorrent", "a" * 40)], files=[library / f"{BOOK_TITLE}.mp3"],
                        folders=[library], library_items=[7], kept=[library / "notes.txt"])  # fmt: skip
    rescue_delete = DeletePreviewDialog(plan)
    rescue_delete.show()
    yield Shown("rescue-delete", rescue_delete)
    rescue_delete.close()

    report = ReportBookProblemDialog(core.problems, shell.runner, 1, BOOK_TITLE)
    report.show()
    yield Shown("report-book-problem", report)
    report.close()

    moving = MigrationImportDialog(core.migration_import, shell.runner)
    moving.show()
    yield Shown("migration-import", moving)
    moving.source.setCurrentIndex(1)  # AudioBookRequest: a file to preview and import
    moving.location.setText(str(build_audiobookrequest(scratch / "abr.sqlite")))
    moving.load_preview()
    yield Shown("migration-import-preview", moving)
    moving.start()
    yield Shown("migration-import-report", moving)
    moving.close()

    watch = core.watching.add(WatchKind.SERIES, "B0SERIES01", region="us", name="Lantern Cycle")
    edit_watch = EditWatchDialog(watch)
    edit_watch.show()
    yield Shown("edit-watch", edit_watch)
    edit_watch.close()

    about = AboutDialog(shell.runner)
    about.show()
    yield Shown("about", about)
    licence = about.show_licence()
    yield Shown("about-licence", licence)
    licence.close()
    about.close()


def household_dialogs(core: AppCore, shell: Shell) -> Iterator[Shown]:
    admin = core.users.default_user()
    member = core.users.create("gallery-member", display_name="Gallery Member")
    sign_in = SignInWindow(core.accounts, core.plex_sign_in, shell.runner, "gallery-client")
    sign_in.show()
    for name, page in (
        ("password", sign_in.password_page),
        ("invite", sign_in.invite_form),
        ("sign-up", sign_in.sign_up_form),
    ):
        sign_in._show(page)
        yield Shown(f"sign-in-{name}", sign_in)
    sign_in.close()
    for name, dialog in (
        ("add-user", AddUserDialog()),
        ("invite", InviteDialog(INVITE_CODE)),
        ("permissions", PermissionsDialog(member, {}, dict.fromkeys(PERMISSION_LABELS, True))),
        ("remove-user", RemoveUserDialog(member, [admin])),
        ("set-password", SetPasswordDialog(member)),
    ):
        dialog.show()
        yield Shown(name, dialog)
        dialog.close()


def every_dialog(core: AppCore, shell: Shell, scratch: Path) -> Iterator[Shown]:
    yield from settings_dialogs(core, shell)
    yield from wizard_pages(core, shell)
    yield from other_dialogs(core, shell, scratch)
    yield from household_dialogs(core, shell)


SECTION_KEYS = [section.key for section in SETTINGS_SECTIONS]


# -- screenshots ---------------------------------------------------------------------------------


def lengthened(context: str, source: str, disambiguation: str | None, n: int) -> str:
    """Every string 40% longer (in words of eight letters), as longer languages make them."""
    text = source.replace("%n", str(n)) if n >= 0 else source
    extra = math.ceil(len(text) * 0.4)
    padding = " ".join("Wwwwwwww"[: min(8, extra - i)] for i in range(0, extra, 9))
    return f"{text} {padding}" if padding else text


@contextmanager
def _app_core(folder: Path, language: str) -> Iterator[tuple[AppCore, Shell]]:
    from rmab_desktop.bootstrap import open_core
    from rmab_desktop.db.engine import sqlite_url
    from rmab_desktop.ui import translations
    from rmab_desktop.ui.notifier import RecordingNotifier
    from rmab_desktop.workers.runner import ImmediateRunner

    translations.install(QApplication.instance(), language)
    core = open_core(folder / "profile", sqlite_url(folder / "db.sqlite3"), log_to_console=False)
    try:
        yield core, Shell(ImmediateRunner(), RecordingNotifier())
    finally:
        core.close()


def main(argv: list[str] | None = None) -> int:
    """python -m tests.ui.dialog_gallery --out DIR [--language de] [--theme dark] [--long]"""
    import keyring

    from rmab_desktop.domain import i18n
    from rmab_desktop.ui.theme import ThemeManager
    from tests.fakes.memory_keyring import MemoryKeyring

    parser = argparse.ArgumentParser(description="Screenshots of every dialog and settings section")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--language", default="en")
    parser.add_argument("--theme", choices=["light", "dark"], default="light")
    parser.add_argument("--long", action="store_true", help="every string 40%% longer")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    keyring.set_keyring(MemoryKeyring())
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch, _app_core(Path(scratch), args.language) as (core, shell):
        ThemeManager(app, args.theme)
        if args.long:
            i18n.install(lengthened)
        for shown in every_dialog(core, shell, Path(scratch)):
            app.processEvents()
            shown.window.grab().save(str(args.out / f"{shown.name}.png"))
            print(args.out / f"{shown.name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
