"""Book details (cover, metadata, editions, Request buttons, similar books) and author/series lists."""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, TypedDict, Unpack

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.clients.audible import web_url
from rmab_desktop.domain.catalog import CatalogEntry
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.requests import RequestOutcome
from rmab_desktop.domain.watching import WatchKind
from rmab_desktop.ui.formatting import date_only, duration, number
from rmab_desktop.ui.models.catalog_model import AVAILABILITY_LABELS, BookGridModel, badge_of
from rmab_desktop.ui.pages.catalog_widgets import BookGrid, CatalogNavigator

if TYPE_CHECKING:
    from rmab_desktop.services.catalog import CatalogService
    from rmab_desktop.services.requests import RequestService
    from rmab_desktop.ui.notifier import Notifier
    from rmab_desktop.ui.shell import Runner
    from rmab_desktop.workers.runner import ErrorInfo

tr = Translator("BookPage")

COVER_PX = 260
LINKS = Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard


def _link(href: str, label: str) -> str:
    return f'<a href="{html.escape(href)}">{html.escape(label)}</a>'


class RequestOptions(TypedDict, total=False):
    """The keyword choices a request from this page passes on to ``RequestService.create``."""

    with_ebook: bool
    ebook_only: bool
    again: bool


class BookPage(QWidget):
    def __init__(
        self,
        catalog: CatalogService,
        requests: RequestService,
        runner: Runner,
        notifier: Notifier,
        nav: CatalogNavigator,
        asin: str,
        region: str,
    ) -> None:
        super().__init__()
        self.catalog, self.requests, self.runner, self.notifier = catalog, requests, runner, notifier
        self.nav, self.covers, self.asin, self.region = nav, nav.covers, asin, region
        self.entry: CatalogEntry | None = None
        self.editions: list[tuple[str, str, str]] = []
        self._build()
        self.load()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        top = QHBoxLayout()
        layout.addLayout(top)
        self.cover = QLabel()
        self.cover.setFixedSize(COVER_PX, COVER_PX)
        self.cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cover.setAccessibleName(tr("Cover"))
        top.addWidget(self.cover, 0, Qt.AlignmentFlag.AlignTop)
        info = QVBoxLayout()
        top.addLayout(info, 1)
        self.title = QLabel(tr("Loading…"))
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.people = QLabel()
        self.people.setWordWrap(True)
        self.people.setTextFormat(Qt.TextFormat.RichText)
        self.people.setTextInteractionFlags(LINKS)
        self.people.linkActivated.connect(self._link)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.badge = QLabel()
        self.badge.setAccessibleName(tr("Availability"))
        self.editions_label = QLabel()
        self.editions_label.setWordWrap(True)
        self.editions_label.setTextFormat(Qt.TextFormat.RichText)
        self.editions_label.setTextInteractionFlags(LINKS)
        self.editions_label.linkActivated.connect(self._link)
        for widget in (self.title, self.subtitle, self.people, self.facts, self.badge, self.editions_label):
            info.addWidget(widget)
        buttons = QHBoxLayout()
        self.request_button = QPushButton(tr("Request"))
        self.request_button.setToolTip(tr("Ask for this audiobook: it is searched, downloaded and imported"))
        self.request_button.setEnabled(False)
        self.request_button.clicked.connect(lambda: self.request())
        self.ebook_check = QCheckBox(tr("Also the ebook"))
        self.ebook_button = QPushButton(tr("Request the ebook"))
        self.ebook_button.setToolTip(tr("Only the ebook: also when the audiobook is already here"))
        self.ebook_button.setEnabled(False)
        self.ebook_button.clicked.connect(lambda: self.request_ebook())
        self.audible_link = QLabel()
        self.audible_link.setOpenExternalLinks(True)
        self.audible_link.setTextInteractionFlags(LINKS)
        buttons.addWidget(self.request_button)
        buttons.addWidget(self.ebook_check)
        buttons.addWidget(self.ebook_button)
        self.watch_series_button = QPushButton(tr("Watch this series"))
        self.watch_author_button = QPushButton(tr("Watch this author"))
        for kind, button in (
            (WatchKind.SERIES, self.watch_series_button),
            (WatchKind.AUTHOR, self.watch_author_button),
        ):
            button.setToolTip(tr("Request its new books for you as they come out"))
            button.setVisible(False)
            button.clicked.connect(lambda _checked=False, kind=kind: self.watch(kind))
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.audible_link)
        info.addLayout(buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        info.addWidget(self.message)
        info.addStretch(1)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.description)
        layout.addWidget(QLabel("<b>{}</b>".format(html.escape(tr("Similar books")))))
        self.similar_model = BookGridModel(self.covers)
        self.similar = BookGrid(self.similar_model, self.nav.book_actions, strip=True)
        self.similar.setAccessibleName(tr("Similar books"))
        self.similar.bookActivated.connect(self.nav.open_entry)
        layout.addWidget(self.similar)
        layout.addStretch(1)

    # -- loading ---------------------------------------------------------------------------------
    def load(self, refresh: bool = False) -> None:
        def fetch() -> tuple[CatalogEntry, list[tuple[str, str, str]]]:
            entry = self.catalog.entry(self.asin, self.region, refresh=refresh)
            return entry, self.catalog.cache.editions(entry.book.asin, entry.book.region)

        self.runner.submit(fetch, on_result=self._loaded, on_error=self._failed)
        self.runner.submit(
            self.catalog.similar,
            self.asin,
            self.region,
            on_result=self.similar_model.reset,
            on_error=lambda _info: self.similar_model.loading_failed(),
        )

    def _failed(self, info: ErrorInfo) -> None:
        self.title.setText(tr("This book could not be loaded"))
        self.message.setText(f"{info.message}\n{info.hint}".strip())

    def _loaded(self, result: tuple[CatalogEntry, list[tuple[str, str, str]]]) -> None:
        self.entry, self.editions = result
        book = self.entry.book
        self.setWindowTitle(book.title)
        self.title.setText(book.title)
        self.subtitle.setText(book.subtitle or "")
        unknown = html.escape(tr("unknown", "an unknown author or narrator"))
        authors = tr(", ", "between names").join(
            _link(f"author:{p.asin or ''}:{p.name}", p.name) for p in book.authors
        )
        narrators = html.escape(tr(", ", "between names").join(book.narrators))
        lines = [
            html.escape(tr("By {authors}")).format(authors=authors or unknown),
            html.escape(tr("Narrated by {narrators}")).format(narrators=narrators or unknown),
        ]
        if book.primary_series:
            ref = book.primary_series
            series = _link(f"series:{ref.asin or ''}:{ref.title}", ref.title)
            if ref.position:
                line = html.escape(tr("Series: {series}, book {position}"))
                lines.append(line.format(series=series, position=html.escape(ref.position)))
            else:
                lines.append(html.escape(tr("Series: {series}")).format(series=series))
        self.people.setText("<br>".join(lines))
        self.facts.setText(tr(" · ", "between facts").join(self._facts()))
        self.description.setText(book.description or "")
        self.audible_link.setText(_link(web_url(book.asin, book.region), tr("View on Audible")))
        others = [(a, r, n) for a, r, n in self.editions if (a, r) != (book.asin, book.region)]
        links = tr(", ", "between names").join(_link(f"book:{a}:{r}", n or a) for a, r, n in others)
        self.editions_label.setText(
            html.escape(tr("Other editions: {links}")).format(links=links) if others else ""
        )
        self._show_badge()
        watching = self.nav.watching is not None
        self.watch_series_button.setVisible(watching and self._watch_target(WatchKind.SERIES) is not None)
        self.watch_author_button.setVisible(watching and self._watch_target(WatchKind.AUTHOR) is not None)
        pixmap = self.covers.get(book.cover_url)
        if pixmap is None and book.cover_url:
            self.covers.arrived.connect(self._cover_arrived)
        self._set_cover(pixmap)

    def _facts(self) -> list[str]:
        """Length, release day, rating, language, format and marketplace, each in the user's locale."""
        assert self.entry is not None
        book = self.entry.book
        runtime = duration(book.runtime_minutes * 60) if book.runtime_minutes else tr("unknown length")
        if book.release_date:
            released = tr("released {date}").format(date=date_only(book.release_date))
        else:
            released = tr("release date unknown")
        if book.rating:
            rating = tr.n("★ {rating} (%n rating(s))", book.rating_count or 0).format(
                rating=number(book.rating, 1)
            )
        else:
            rating = tr("no rating")
        language = book.language.title() if book.language else tr("language unknown")
        kind = book.format_type.title() if book.format_type else tr("format unknown")
        return [runtime, released, rating, language, kind, book.region.upper()]

    def _watch_target(self, kind: WatchKind) -> tuple[str, str] | None:
        """The ASIN and name of the book's series or first author with an ASIN."""
        if self.entry is None:
            return None
        book = self.entry.book
        if kind == WatchKind.SERIES:
            ref = next((s for s in book.series if s.asin), None)
            return (ref.asin, ref.title) if ref is not None and ref.asin else None
        person = next((p for p in book.authors if p.asin), None)
        return (person.asin, person.name) if person is not None and person.asin else None

    def watch(self, kind: WatchKind) -> None:
        target, watching = self._watch_target(kind), self.nav.watching
        if target is None or watching is None:
            return
        asin, name = target
        self.runner.submit(
            lambda: watching.add(kind, asin, region=self.region, name=name),
            pool="network",
            on_result=lambda watch: self.message.setText(
                tr("Watching {name}: new books are requested for you.").format(name=watch.name)
            ),
            on_error=lambda info: self.message.setText(f"{info.message}\n{info.hint}".strip()),
        )

    def _cover_arrived(self, url: str) -> None:
        if self.entry is not None and url == self.entry.book.cover_url:
            self._set_cover(self.covers.get(url))

    def _set_cover(self, pixmap: QPixmap | None) -> None:
        if pixmap is None:
            self.cover.setText(tr("No cover"))
            return
        self.cover.setPixmap(
            pixmap.scaled(
                COVER_PX,
                COVER_PX,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def _show_badge(self) -> None:
        assert self.entry is not None
        label = AVAILABILITY_LABELS.get(self.entry.availability)
        owned = badge_of(self.entry) if label is None else None
        if owned:
            self.badge.setText(f"<b>{html.escape(text(owned[0]))}</b>")
        elif label:
            word = html.escape(text(label[0]))
            if self.entry.extra.get("other_edition"):
                self.badge.setText(
                    html.escape(tr("{badge} (another edition)")).format(badge=f"<b>{word}</b>")
                )
            else:
                self.badge.setText(f"<b>{word}</b>")
        else:
            self.badge.setText("")
        self.request_button.setEnabled(label is None)
        self.ebook_button.setEnabled(True)
        if label is None:  # the keyboard starts on Request (given when the window is active)
            self.request_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _link(self, link: str) -> None:
        kind, _, rest = link.partition(":")
        key, _, name = rest.partition(":")
        if kind == "author":
            self.nav.open_author(name, key or None, self.region)
        elif kind == "series":
            self.nav.open_series(name, key or None, self.region)
        elif kind == "book":
            self.nav.open_book(key, name)

    # -- requesting ------------------------------------------------------------------------------
    def request(self, *, again: bool = False) -> None:
        self._submit(with_ebook=self.ebook_check.isChecked(), again=again)

    def request_ebook(self, *, again: bool = False) -> None:
        """The ebook alone: a book to read, or the ebook of an audiobook already in the library."""
        self._submit(ebook_only=True, again=again)

    def _submit(self, **options: Unpack[RequestOptions]) -> None:
        if self.entry is None:
            return
        if self.entry.extra.get("owned_on_audible"):  # ask first: the user may not want a second copy
            self.owned_question = QMessageBox(
                QMessageBox.Icon.Question,
                tr("Already owned on Audible"),
                tr("You already own “{title}” on Audible. Request it anyway?").format(
                    title=self.entry.book.title
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                self,
            )
            self.owned_question.setDefaultButton(QMessageBox.StandardButton.No)
            question = self.owned_question
            question.buttonClicked.connect(
                lambda button: (
                    self._request(**options)
                    if question.standardButton(button) == QMessageBox.StandardButton.Yes
                    else None
                )
            )
            self.owned_question.open()
            return
        self._request(**options)

    def _request(self, **options: Unpack[RequestOptions]) -> None:
        if self.entry is None:
            return
        self.request_button.setEnabled(False)
        self.ebook_button.setEnabled(False)
        self.message.setText(tr("Requesting…"))
        book = self.entry.book
        self.runner.submit(
            partial(self.requests.create, book.asin, book.region, book=book, **options),
            on_result=self._requested,
            on_error=lambda info: self._request_failed(info, options),
        )

    def ask_again(self, question: str) -> bool:
        """The clear question before requesting a book that is already in the library."""
        answer = QMessageBox.question(
            self,
            tr("Already in your library"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _requested(self, outcome: RequestOutcome) -> None:
        self.message.setText(outcome.message)
        self.notifier.notify(tr("Request"), outcome.message)
        self.nav.announce(outcome.request)
        self.runner.submit(
            self.catalog.annotate, [self.entry.book] if self.entry else [], on_result=self._annotated
        )

    def _annotated(self, entries: list[CatalogEntry]) -> None:
        if entries:
            self.entry = entries[0]
            self._show_badge()

    def _request_failed(self, info: ErrorInfo, options: RequestOptions | None = None) -> None:
        options = options or {}
        if info.exc_type == "AlreadyInLibraryError" and not options.get("again"):
            question = tr(
                "{message} Request it again, for another edition or narration? "
                "The copy you have stays where it is."
            ).format(message=info.message)
            if self.ask_again(question):
                self._submit(**(options | {"again": True}))
                return
        self.message.setText(f"{info.message}\n{info.hint}".strip())
        self.request_button.setEnabled(True)
        self.ebook_button.setEnabled(True)


class BookListPage(QWidget):
    """An author's or a series' books as a covers grid."""

    def __init__(
        self, runner: Runner, nav: CatalogNavigator, title: str, load: Callable[[], list[CatalogEntry]]
    ) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        layout.addWidget(heading)
        self.message = QLabel(tr("Loading…"))
        layout.addWidget(self.message)
        self.model = BookGridModel(nav.covers)
        self.grid = BookGrid(self.model, nav.book_actions)
        self.grid.setAccessibleName(title)
        self.grid.bookActivated.connect(nav.open_entry)
        layout.addWidget(self.grid, 1)
        runner.submit(load, on_result=self._loaded, on_error=lambda info: self.message.setText(info.message))

    def _loaded(self, entries: list[CatalogEntry]) -> None:
        self.model.reset(entries, total=len(entries))
        self.message.setText(tr.n("%n book(s)", len(entries)) if entries else tr("No books found."))
