"""The actions on catalog books (registered in ``ui/book_actions.py``) that need no page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from rmab_desktop.clients.audible import web_url
from rmab_desktop.domain.catalog import CatalogEntry
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.ui.book_actions import BookHandler, BookView

if TYPE_CHECKING:
    from rmab_desktop.services.requests import RequestService
    from rmab_desktop.ui.notifier import Notifier
    from rmab_desktop.ui.shell import Runner

tr = Translator("CatalogActions")


def view_on_audible(notifier: Notifier) -> BookHandler[CatalogEntry]:
    """The book's Audible page in the browser (the link a book page shows)."""

    def run(entries: list[CatalogEntry], _view: BookView) -> None:
        book = entries[0].book
        url = web_url(book.asin, book.region)
        if not QDesktopServices.openUrl(QUrl(url)):
            notifier.notify(
                tr("View on Audible"), tr("No browser could open {url}.").format(url=url), "warning"
            )

    return BookHandler(run)


def never_request(
    requests: RequestService, runner: Runner, notifier: Notifier, *, whole_work: bool
) -> BookHandler[CatalogEntry]:
    """Put the books on the user's ignore list: no watch, shelf or wishlist run requests them."""

    def run(entries: list[CatalogEntry], _view: BookView) -> None:
        user_id = requests.users.current().id
        books = [entry.book for entry in entries]

        def add() -> int:
            for book in books:
                requests.ignores.add(user_id, book, whole_work=whole_work)
            return len(books)

        runner.submit(
            add,
            pool="library",
            on_result=lambda count: notifier.notify(
                tr("Ignore list"),
                tr.n("%n book(s) will never be requested automatically.", count),
            ),
            on_error=lambda info: notifier.notify(
                tr("Ignore list"), f"{info.message} {info.hint}".strip(), "warning"
            ),
        )

    return BookHandler(run, lambda entries: bool(entries))
