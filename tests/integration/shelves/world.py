"""A catalog on the fake Audible server, users, requests and the shelf service over a real database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from rmab_desktop.clients.audible import AudibleClient
from rmab_desktop.clients.audnexus import AudnexusClient
from rmab_desktop.clients.jsonhttp import JsonHttp
from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import Audiobook, Request, ShelfBookMapping
from rmab_desktop.services.catalog import CatalogService
from rmab_desktop.services.catalog.covers import CoverCache
from rmab_desktop.services.catalog.resolving import BookResolver, catalog_search
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.credentials import CredentialStore
from rmab_desktop.services.events import EventBus
from rmab_desktop.services.job_queue import JobQueue
from rmab_desktop.services.requests import RequestService, UserService
from rmab_desktop.services.shelves import ShelfService
from tests.fakes.audible_server import FakeAudible


class World:
    def __init__(
        self, database: Database, audible: FakeAudible, covers: Path, hardcover_url: str = ""
    ) -> None:
        def http(name: str) -> JsonHttp:
            return JsonHttp(name, retries=1, backoff_seconds=0.01, max_backoff_seconds=0.02)

        self.database = database
        self.audible = audible
        self.catalog = CatalogService(
            database,
            AudibleClient(http("Audible"), base_url=audible.base_url),
            AudnexusClient(http("Audnexus"), base_url=audible.base_url),
            CoverCache(covers, max_bytes=10_000_000),
        )
        self.users = UserService(database, ConfigStore(database))
        self.queue = JobQueue(database)
        self.requests = RequestService(database, self.queue, EventBus(), self.users, self.catalog.book)
        self.credentials = CredentialStore()
        self.clock = datetime(2026, 11, 3, 12, 0, tzinfo=UTC)
        self.resolver = BookResolver(catalog_search(self.catalog))
        self.shelves = ShelfService(
            database,
            self.credentials,
            self.users,
            self.requests,
            self.resolver,
            hardcover_url=hardcover_url,
            now=lambda: self.clock,
        )

    def later(self, days: int) -> None:
        self.clock += timedelta(days=days)

    def requested_asins(self, user_id: int | None = None) -> set[str]:
        with self.database.session() as session:
            query = select(Audiobook.asin).join(Request, Request.audiobook_id == Audiobook.id)
            if user_id is not None:
                query = query.where(Request.user_id == user_id)
            return set(session.scalars(query))

    def mappings(self, shelf_id: int) -> dict[str, ShelfBookMapping]:
        with self.database.session() as session:
            rows = session.scalars(
                select(ShelfBookMapping).where(ShelfBookMapping.shelf_id == shelf_id)
            ).all()
            for row in rows:
                session.expunge(row)
            return {row.title: row for row in rows}

    def close(self) -> None:
        self.catalog.close()
