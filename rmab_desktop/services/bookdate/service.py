"""BookDate: recommendation cards from an AI provider or, by default, from the local recommender.

Every card is a real Audible product: an AI suggestion is resolved through the guarded resolver
(a made-up or ambiguous book is dropped), and books the user has, asked for or swiped before never
come back. Swipes are stored as they happen (right = request through the request service, left =
not interested, up = already read) and feed the next batch; a failed batch loses none of them.
The AI client module is imported only when a provider is configured.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import BookDateConfig, BookDateRecommendation, BookDateSwipe
from rmab_desktop.domain.bookdate import BookDateSettings, Card, ContextScope, Deck, Swipe
from rmab_desktop.domain.catalog import Availability, CatalogBook
from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.errors import NotFoundError, RmabError, ValidationError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.requests import CANCELLABLE_STATUSES, AlreadyInLibraryError, DuplicateRequestError
from rmab_desktop.services.bookdate import context
from rmab_desktop.services.bookdate.local import recommend
from rmab_desktop.services.catalog import CatalogService
from rmab_desktop.services.catalog.resolving import BookResolver, Outcome, WantedTitle
from rmab_desktop.services.credentials import CredentialStore, SecretPresence
from rmab_desktop.services.requests import RequestService, UserService

log = logging.getLogger(__name__)
tr = Translator("BookDate")

PROVIDERS = ("openai", "anthropic", "gemini", "compatible")
BATCH = 8
LOW_WATER = 3  # fetch the next batch when fewer cards than this are left


def _card(row: BookDateRecommendation) -> Card:
    details = row.details or {}
    return Card(
        id=row.id,
        asin=row.asin or "",
        title=row.title,
        author=row.author,
        reason=row.reason,
        origin=row.origin,
        narrator=str(details.get("narrator") or ""),
        runtime_minutes=details.get("runtime_minutes"),
        rating=details.get("rating"),
        cover_url=details.get("cover_url"),
    )


class BookDateService:
    def __init__(
        self,
        database: Database,
        credentials: CredentialStore,
        users: UserService,
        requests: RequestService,
        catalog: CatalogService,
        resolver: BookResolver,
        *,
        batch: int = BATCH,
    ) -> None:
        self.database = database
        self.credentials = credentials
        self.users = users
        self.requests = requests
        self.catalog = catalog
        self.resolver = resolver
        self.batch = batch

    # -- settings ------------------------------------------------------------------------------
    def _config(self, session: Session, user_id: int) -> BookDateConfig:
        row = session.scalar(select(BookDateConfig).where(BookDateConfig.user_id == user_id))
        if row is None:
            row = BookDateConfig(user_id=user_id, provider="", model="", enabled=False, source="library")
            session.add(row)
            session.flush()
        return row

    def _secret(self, user_id: int) -> str:
        return f"bookdate.{user_id}.api_key"

    def settings(self) -> BookDateSettings:
        user = self.users.current()
        with self.database.session() as session:
            row = self._config(session, user.id)
            return BookDateSettings(
                provider=row.provider if row.enabled and row.provider else None,
                base_url=row.base_url or "",
                model=row.model,
                scope=ContextScope(row.source) if row.source in set(ContextScope) else ContextScope.LIBRARY,
                custom_prompt=row.custom_prompt,
                # presence() never raises: without a keychain the page still opens.
                has_key=bool(row.secret_name)
                and self.credentials.presence(row.secret_name or "") is SecretPresence.SAVED,
            )

    def set_provider(
        self,
        provider: str,
        *,
        base_url: str | None = None,
        model: str | None = None,
        api_key: str | None = None,
    ) -> BookDateSettings:
        """Use an AI provider; ``api_key`` None keeps the saved key (a local server may need none)."""
        if provider not in PROVIDERS:
            raise ValidationError(
                f"'{provider}' is not a provider.", hint=f"Choose one of: {', '.join(PROVIDERS)}."
            )
        if provider == "compatible" and not (base_url or "").strip():
            raise ValidationError(
                "An OpenAI-compatible provider needs its address.",
                hint="For example http://localhost:11434/v1 (Ollama) or http://localhost:1234/v1 (LM Studio).",
            )
        user = self.users.current()
        secret = self._secret(user.id)
        if api_key:
            self.credentials.set(secret, api_key.strip())
        with self.database.session() as session:
            row = self._config(session, user.id)
            row.provider, row.enabled = provider, True
            row.base_url = (base_url or "").strip() or None
            row.model = (model or "").strip() if model is not None else row.model
            row.secret_name = secret
        return self.settings()

    def use_local(self) -> BookDateSettings:
        """Back to the local recommender (the key stays saved for later)."""
        with self.database.session() as session:
            self._config(session, self.users.current().id).enabled = False
        return self.settings()

    def set_context(self, scope: ContextScope, custom_prompt: str = "") -> BookDateSettings:
        with self.database.session() as session:
            row = self._config(session, self.users.current().id)
            row.source, row.custom_prompt = scope.value, custom_prompt.strip()[:2000]
        return self.settings()

    def _chat_model(self, settings: BookDateSettings):  # type: ignore[no-untyped-def]
        from rmab_desktop.clients import llm  # only when an AI provider is in use

        if settings.provider is None:
            raise ValidationError("No AI provider is set; BookDate uses its own recommendations.")
        kind = llm.ProviderKind(settings.provider)
        key = self.credentials.get(self._secret(self.users.current().id)) or ""
        return llm, llm.ChatModel(kind, settings.base_url or llm.DEFAULT_BASE_URLS[kind], key, settings.model)

    def models(self) -> list[str]:
        """The models the configured provider offers."""
        llm, model = self._chat_model(self.settings())
        models: list[str] = llm.list_models(model)
        return models

    def test(self) -> ConnectionTestResult:
        """Can the provider be reached with this key, and does it offer the chosen model?"""
        from rmab_desktop.clients._http import timed_test

        def probe() -> str:
            settings = self.settings()
            llm, model = self._chat_model(settings)
            names = llm.list_models(model)
            if settings.model and settings.model not in names:
                raise ValidationError(
                    tr("{service} answered, but offers no model called '{model}'.").format(
                        service=model.service, model=settings.model
                    ),
                    hint=tr("Pick one of the listed models."),
                )
            return tr.n("{service} answered and offers %n model(s).", len(names)).format(
                service=model.service
            )

        return timed_test("BookDate", probe)

    def preview(self) -> str:
        """Exactly what an AI provider would receive now (or what the local recommender starts from)."""
        user = self.users.current()
        settings = self.settings()
        with self.database.session() as session:
            taste = context.taste(session, user.id, settings.scope)
        system, message = context.prompt(taste, settings.custom_prompt, self.batch)
        return f"{system}\n\n{message}"

    # -- the deck ------------------------------------------------------------------------------
    def deck(self) -> tuple[Card, ...]:
        """The cards not swiped yet, oldest first."""
        user = self.users.current()
        with self.database.session() as session:
            rows = session.scalars(
                select(BookDateRecommendation)
                .outerjoin(BookDateSwipe, BookDateSwipe.recommendation_id == BookDateRecommendation.id)
                .where(BookDateRecommendation.user_id == user.id, BookDateSwipe.id.is_(None))
                .order_by(BookDateRecommendation.id)
            ).all()
            return tuple(_card(r) for r in rows)

    def next_cards(self) -> Deck:
        """The deck, topped up with a new batch when it runs low; a failed batch is a notice."""
        cards = self.deck()
        if len(cards) >= LOW_WATER:
            return Deck(cards)
        try:
            self.fetch_batch()
        except RmabError as exc:
            if not cards:
                raise
            return Deck(cards, exc.user_message)
        return Deck(self.deck())

    def fetch_batch(self) -> int:
        """Ask the provider (or the local recommender) for books, keep the real, new ones."""
        user = self.users.current()
        settings = self.settings()
        with self.database.session() as session:
            taste = context.taste(session, user.id, settings.scope)
            seen = set(
                session.scalars(
                    select(BookDateRecommendation.asin).where(BookDateRecommendation.user_id == user.id)
                )
            )
            batch = (
                session.scalar(
                    select(func.max(BookDateRecommendation.batch)).where(
                        BookDateRecommendation.user_id == user.id
                    )
                )
                or 0
            ) + 1
        skip = self._skipper(seen, user.id)
        if settings.provider is None:
            found = self._local(taste, skip)
            origin = "local"
        else:
            found = self._from_ai(settings, taste, skip)
            origin = "ai"
        with self.database.session() as session:
            for book, reason in found[: self.batch]:
                series = book.primary_series
                session.add(
                    BookDateRecommendation(
                        user_id=user.id,
                        asin=book.asin,
                        region=book.region,
                        title=book.title[:500],
                        author=", ".join(book.author_names)[:300],
                        reason=reason,
                        batch=batch,
                        origin=origin,
                        details={
                            "narrator": ", ".join(book.narrators),
                            "runtime_minutes": book.runtime_minutes,
                            "rating": book.rating,
                            "cover_url": book.cover_url,
                            "series": f"{series.title} {series.position or ''}".strip() if series else None,
                        },
                    )
                )
        return min(len(found), self.batch)

    def _skipper(self, seen: set[str | None], user_id: int | None) -> Callable[[CatalogBook], bool]:
        """True for books already suggested or swiped, in the library, requested or downloading,
        or on the user's ignore list."""

        def skip(book: CatalogBook) -> bool:
            if book.asin in seen or self.requests.ignores.ignored(user_id, book.asin, book.region):
                return True
            entry = self.catalog.annotate([book])[0]
            return entry.availability != Availability.NONE

        return skip

    def _local(
        self, taste: context.Taste, skip: Callable[[CatalogBook], bool]
    ) -> list[tuple[CatalogBook, str]]:
        if not taste.seeds:
            raise ValidationError(
                tr("BookDate needs a few books you like first."),
                hint=tr("Scan your library, import your Audible library, or set up an AI provider."),
            )
        scored = recommend(
            taste.seeds,
            lambda asin: [e.book for e in self.catalog.similar(asin, limit=20)],
            skip,
        )
        return [(s.book, _because(s.because)) for s in scored]

    def _from_ai(
        self, settings: BookDateSettings, taste: context.Taste, skip: Callable[[CatalogBook], bool]
    ) -> list[tuple[CatalogBook, str]]:
        from rmab_desktop.services.bookdate.answers import parse_suggestions

        llm, model = self._chat_model(settings)
        system, message = context.prompt(taste, settings.custom_prompt, self.batch + 4)
        answer = llm.complete(model, system, message)
        suggestions = parse_suggestions(answer, model.service)
        log.info("BookDate: %s suggested %d books", model.service, len(suggestions))
        found: list[tuple[CatalogBook, str]] = []
        for suggestion in suggestions:
            resolution = self.resolver.resolve(
                WantedTitle(suggestion.title, (suggestion.author,) if suggestion.author else ())
            )
            if resolution.outcome != Outcome.MATCHED or resolution.book is None:
                log.info("BookDate: dropped a suggestion (%s)", resolution.outcome.value)
                continue
            if skip(resolution.book) or any(b.asin == resolution.book.asin for b, _ in found):
                continue
            found.append((resolution.book, suggestion.reason))
        return found

    # -- swiping -------------------------------------------------------------------------------
    def swipe(self, card_id: int, direction: Swipe) -> str:
        """Store the swipe; right requests the book for the user (approval and duplicates apply)."""
        user = self.users.current()
        with self.database.session() as session:
            row = session.get(BookDateRecommendation, card_id)
            if row is None or row.user_id != user.id:
                raise NotFoundError(f"There is no card {card_id}.", hint="See 'rmab bookdate next'.")
            if session.scalar(select(BookDateSwipe.id).where(BookDateSwipe.recommendation_id == card_id)):
                raise ValidationError(f"Card {card_id} was already swiped.")
            asin, title = row.asin or "", row.title
        request_id = None
        if direction == Swipe.RIGHT:
            try:
                outcome = self.requests.create(asin, user=user)
                request_id, message = outcome.request.id, tr("Requested: {title}").format(title=title)
            except (AlreadyInLibraryError, DuplicateRequestError) as exc:
                message = exc.user_message
        elif direction == Swipe.LEFT:
            message = tr("Not interested: {title}").format(title=title)
        else:
            message = tr("Already read: {title}").format(title=title)
        with self.database.session() as session:
            session.add(
                BookDateSwipe(recommendation_id=card_id, action=direction.value, request_id=request_id)
            )
        return message

    def undo(self) -> Card | None:
        """Take back the last swipe: the card returns to the deck, a request it made is withdrawn
        while nothing has been searched or downloaded for it yet."""
        user = self.users.current()
        with self.database.session() as session:
            last = session.execute(
                select(BookDateSwipe, BookDateRecommendation)
                .join(BookDateRecommendation, BookDateRecommendation.id == BookDateSwipe.recommendation_id)
                .where(BookDateRecommendation.user_id == user.id)
                .order_by(BookDateSwipe.id.desc())
                .limit(1)
            ).first()
            if last is None:
                return None
            swipe_row, recommendation = last
            request_id = swipe_row.request_id
            session.delete(swipe_row)
            card = _card(recommendation)
        if request_id is not None:
            try:
                if self.requests.get(request_id).status in CANCELLABLE_STATUSES:
                    self.requests.cancel(request_id, user=user)
            except RmabError as exc:  # already downloading, or gone: the request stays as it is
                log.info("BookDate undo kept request %s: %s", request_id, exc.user_message)
        return card


def _because(titles: tuple[str, ...]) -> str:
    shown = ", ".join(titles[:3])
    if len(titles) <= 3:
        return tr("Similar to {titles}").format(titles=shown)
    return tr.n("Similar to {titles} and %n more of your books", len(titles) - 3).format(titles=shown)
