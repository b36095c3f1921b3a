"""The actions on the library's books (registered in ``ui/book_actions.py``): open the folder, play,
rescan, re-tag, report a problem. Each takes the services it uses; I/O runs on the "library" pool."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.services.library.service import LibraryEntry, LibraryService, first_audio_file
from rmab_desktop.ui import desktop
from rmab_desktop.ui.book_actions import BookHandler, BookView

if TYPE_CHECKING:
    from rmab_desktop.services.reported_issues import ProblemReports
    from rmab_desktop.ui.notifier import Notifier
    from rmab_desktop.ui.shell import Runner
    from rmab_desktop.workers.runner import ErrorInfo

tr = Translator("LibraryActions")


def _one_with_folder(entries: list[LibraryEntry]) -> bool:
    return len(entries) == 1 and bool(entries[0].path)


def _failed(notifier: Notifier, info: ErrorInfo) -> None:
    notifier.notify(tr("Library"), f"{info.message} {info.hint}".strip(), "error")


def open_folder(notifier: Notifier) -> BookHandler[LibraryEntry]:
    def run(entries: list[LibraryEntry], _view: BookView) -> None:
        entry = entries[0]
        if entry.path and not desktop.reveal_in_file_manager(entry.path):
            notifier.notify(
                tr("Open folder"), tr("Could not open {path}.").format(path=entry.path), "warning"
            )

    return BookHandler(run, _one_with_folder)


def play(runner: Runner, notifier: Notifier) -> BookHandler[LibraryEntry]:
    def played(entry: LibraryEntry, file: str | None) -> None:
        if not file or not desktop.open_with_system_player(file):
            message = tr("No audio file of “{title}” could be opened.").format(title=entry.title)
            notifier.notify(tr("Play"), message, "warning")

    def run(entries: list[LibraryEntry], _view: BookView) -> None:
        entry = entries[0]
        if entry.path:
            runner.submit(
                first_audio_file, entry.path, pool="library", on_result=lambda file: played(entry, file)
            )

    return BookHandler(run, _one_with_folder)


def rescan(library: LibraryService, runner: Runner, notifier: Notifier) -> BookHandler[LibraryEntry]:
    def run(entries: list[LibraryEntry], view: BookView) -> None:
        def reload(entry_id: int, _rescanned: object) -> None:
            runner.submit(library.entry, entry_id, pool="library", on_result=view.refresh_book)

        for entry in entries:
            runner.submit(
                library.rescan,
                entry.id,
                pool="library",
                on_result=partial(reload, entry.id),
                on_error=lambda info: _failed(notifier, info),
            )

    return BookHandler(run, lambda entries: bool(entries))


def retag(library: LibraryService, runner: Runner, notifier: Notifier) -> BookHandler[LibraryEntry]:
    def run(entries: list[LibraryEntry], view: BookView) -> None:
        entry = entries[0]
        answer = QMessageBox.question(
            view if isinstance(view, QWidget) else None,
            tr("Re-tag this book?"),
            tr(
                "Write the title, authors, narrators, series, cover and description of “{title}” into "
                "its audio files? Tags it has no value for (such as a genre) and tags it does not manage "
                "are kept."
            ).format(title=entry.title),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        runner.submit(
            library.retag,
            entry.id,
            pool="library",
            on_result=lambda _r: notifier.notify(
                tr("Re-tagged"), tr("Tags of “{title}” were written.").format(title=entry.title)
            ),
            on_error=lambda info: _failed(notifier, info),
        )

    unavailable = "" if library.retagger is not None else tr("Re-tagging is not available in this build")
    return BookHandler(run, _one_with_folder, unavailable)


def report_problem(problems: ProblemReports, runner: Runner, notifier: Notifier) -> BookHandler[LibraryEntry]:
    """Tell the administrators a book is wrong (found by its ASIN: a book the app requested)."""
    from rmab_desktop.ui.dialogs.report_book_problem import ReportBookProblemDialog

    def run(entries: list[LibraryEntry], view: BookView) -> None:
        entry = entries[0]
        parent = view if isinstance(view, QWidget) else None
        dialog = ReportBookProblemDialog(problems, runner, entry.asin or "", entry.title, parent)
        dialog.accepted.connect(
            lambda: notifier.notify(
                tr("Problem reported"),
                tr("The administrators were told about “{title}”.").format(title=entry.title),
            )
        )
        dialog.open()

    return BookHandler(run, lambda entries: len(entries) == 1 and bool(entries[0].asin))
