"""Qt-free composition shared by the GUI and the ``rmab`` command line.

It builds paths, logging, settings, the database (migrated, SQLite backed up first), the
credential store and the job machinery, and hands them out explicitly: no global singletons.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rmab_desktop.clients.audible_account import AudibleEndpoints
from rmab_desktop.db.engine import Database
from rmab_desktop.db.migrate import upgrade
from rmab_desktop.db.url import resolve_database_url
from rmab_desktop.domain.errors import RmabError
from rmab_desktop.logging_setup import setup_logging
from rmab_desktop.paths import AppPaths
from rmab_desktop.services import (
    audible_library,
    bookdate,
    catalog,
    downloads,
    ebooks,
    health,
    household,
    indexers,
    library,
    maintenance,
    notifications,
    organize,
    pipeline,
    reported_issues,
    requests,
    rescue,
    rss,
    shelves,
    upkeep,
    url_audio,
    watching,
)
from rmab_desktop.services.audible_library import AudibleLibraryStore
from rmab_desktop.services.audible_library.account import AudibleAccount
from rmab_desktop.services.bookdate import BookDateService
from rmab_desktop.services.catalog import CatalogService
from rmab_desktop.services.catalog.resolving import BookResolver, catalog_search
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.credentials import CredentialStore, SecretVault, SharedSecretStore
from rmab_desktop.services.diagnostics import DiagnosticsInputs
from rmab_desktop.services.downloads import BlocklistService, DownloadService
from rmab_desktop.services.downloads.history import DownloadHistoryLog
from rmab_desktop.services.ebooks import FreeEbookSources, WithFreeEbooks
from rmab_desktop.services.events import EventBus
from rmab_desktop.services.feature import Feature, SettingsSpec
from rmab_desktop.services.health import HealthService
from rmab_desktop.services.household import AccountService, HouseholdAdmin, PlexSignIn, plex_sign_in
from rmab_desktop.services.indexers import IndexerService
from rmab_desktop.services.job_executor import JobExecutor, JobHandlers
from rmab_desktop.services.job_queue import JobQueue
from rmab_desktop.services.library.importing import LibraryImport
from rmab_desktop.services.library.service import LibraryService, retag_folder
from rmab_desktop.services.lists import ListService
from rmab_desktop.services.lists.catalog_books import ListBooks
from rmab_desktop.services.local_api import ApiTokenService
from rmab_desktop.services.local_api.server import ApiServer, ApiServices
from rmab_desktop.services.migration_import import MigrationImport, Services
from rmab_desktop.services.notifications import EventCatalog, NotificationService
from rmab_desktop.services.organize.importer import recover_imports
from rmab_desktop.services.organize.jobs import OrganizeJob
from rmab_desktop.services.pipeline import Acquisition, PipelineDeps, configured_ranker
from rmab_desktop.services.reported_issues import ProblemReports
from rmab_desktop.services.requests import RequestService, UserService
from rmab_desktop.services.rescue import RequestRescue
from rmab_desktop.services.rss import RssMonitor, RssStore
from rmab_desktop.services.scheduler import ScheduleDefinition, Scheduler
from rmab_desktop.services.secrets_file import EncryptedSecretsFile
from rmab_desktop.services.shelves import ShelfService
from rmab_desktop.services.upcoming import UpcomingService
from rmab_desktop.services.url_audio import UrlImports
from rmab_desktop.services.watching import WatchService
from rmab_desktop.settings import Preferences, SettingsStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AppCore:
    """Every service of the app, built once in dependency order by :func:`open_core`."""

    paths: AppPaths
    settings_store: SettingsStore
    prefs: Preferences
    database: Database
    credentials: CredentialStore  # this machine's keyring (or its encrypted secrets file)
    secrets: SecretVault  # what every desktop needs: the keyring, or the household's shared store
    config: ConfigStore
    events: EventBus
    queue: JobQueue
    handlers: JobHandlers
    executor: JobExecutor
    scheduler: Scheduler
    notifications: NotificationService
    health: HealthService
    catalog: CatalogService
    users: UserService
    accounts: AccountService  # who is signed in on this desktop (household mode)
    household: HouseholdAdmin  # what administrators change; re-reads the actor's role each time
    plex_sign_in: PlexSignIn
    requests: RequestService
    indexers: IndexerService
    ebook_sources: FreeEbookSources
    downloads: DownloadService
    blocklist: BlocklistService
    download_history: DownloadHistoryLog
    library: LibraryService
    library_import: LibraryImport
    acquisition: Acquisition
    shelves: ShelfService
    watching: WatchService
    bookdate: BookDateService
    audible_library: AudibleLibraryStore
    audible_account: AudibleAccount
    lists: ListService
    list_books: ListBooks  # title, author and cover of a list's books
    organize: OrganizeJob
    rescue: RequestRescue
    problems: ProblemReports
    url_imports: UrlImports
    api_tokens: ApiTokenService
    api_server: ApiServer  # the local HTTP API, started from Settings or ``rmab api serve``
    migration_import: MigrationImport
    rss: RssMonitor
    upcoming: UpcomingService
    features: tuple[Feature, ...]
    schedules: tuple[ScheduleDefinition, ...]  # every feature's default schedules
    settings_models: tuple[SettingsSpec, ...]  # every feature's settings stored in ``config``

    def save_prefs(self) -> None:
        self.settings_store.save(self.prefs)

    def diagnostics_inputs(self, versions: dict[str, str] | None = None) -> DiagnosticsInputs:
        """What a diagnostics bundle holds (secrets are removed by ``write_bundle``, not here)."""
        log = self.paths.log_file
        rotated = sorted(log.parent.glob(f"{log.name}.*"), key=lambda p: p.name)  # .1 is the newest
        notifications = [
            {"kind": "notification", "name": b.name, "type": b.kind, "enabled": b.enabled}
            | {"events": sorted(b.events), "url": self._masked_notification_url(b.id)}
            for b in self.notifications.list()
        ]
        return DiagnosticsInputs(
            log_files=[log, *rotated],
            settings={"preferences": self.prefs.model_dump(mode="json")},
            services=[
                *({"kind": "indexer", **c.model_dump(mode="json")} for c in self.indexers.configs()),
                *({"kind": "download_client", **c.model_dump(mode="json")} for c in self.downloads.configs()),
                *notifications,
            ],
            database=self.database.describe() | {"secrets": self.credentials.status().to_json()},
            versions=versions or {},
        )

    def _masked_notification_url(self, backend_id: int) -> str:
        try:
            return self.notifications.masked_url(backend_id)
        except RmabError as exc:  # an unreadable secret is worth reporting, not a failed bundle
            return f"({exc.user_message})"

    def close(self) -> None:
        self.api_server.stop()
        self.notifications.close()
        self.catalog.close()
        self.downloads.close()
        self.database.dispose()


def open_core(
    profile_dir: Path | None = None,
    database_url: str | None = None,
    *,
    migrate: bool = True,
    log_to_console: bool = True,
    log_level: int = logging.INFO,
) -> AppCore:
    paths = AppPaths.resolve(profile_dir).ensure()
    setup_logging(paths.log_file, level=log_level, console=log_to_console)
    settings_store = SettingsStore(paths.settings_file)
    prefs = settings_store.load()
    database = Database.connect(resolve_database_url(paths, database_url))
    if migrate:
        upgrade(database.engine, backup_dir=paths.backup_dir)
    credentials = CredentialStore(fallback=EncryptedSecretsFile(paths.secrets_file))
    config = ConfigStore(database)
    events = EventBus()
    queue = JobQueue(database)
    handlers = JobHandlers()
    # Services, each from what it needs (registries are filled by _install below).
    users = UserService(database, config)
    secrets = SecretVault(credentials, SharedSecretStore(database, credentials), users.is_household)
    notification_service = NotificationService(database, secrets, queue, EventCatalog())
    notification_service.subscribe(events)
    health_service = HealthService(database, events)
    catalog_service = catalog.catalog_service(database, prefs, paths.covers_dir)
    request_service = RequestService(database, queue, events, users, catalog_service.book)
    accounts = AccountService(database, users, credentials)
    household_admin = HouseholdAdmin(users, accounts, request_service)
    indexer_service = IndexerService(config, secrets)
    ebook_sources = FreeEbookSources(lambda: prefs.ebooks)
    download_service = DownloadService(config, secrets, paths.data_dir / "downloads")
    blocklist = BlocklistService(database)
    history = DownloadHistoryLog(database)
    library_service = LibraryService(
        database,
        config,
        secrets,
        lambda: prefs.library.root,
        retagger=retag_folder,
        ebook_root=lambda: prefs.ebooks.root,
    )
    library_import = LibraryImport(
        database,
        library_service.scanner,
        request_service,
        lambda asin: catalog_service.book(asin).to_book_info(),
    )
    acquisition = Acquisition(
        PipelineDeps(
            database=database,
            queue=queue,
            downloads=download_service,
            blocklist=blocklist,
            history=history,
            requests=request_service,
            indexers=WithFreeEbooks(indexer_service, ebook_sources),
            rank=configured_ranker(config),
        )
    )
    rss_monitor = RssMonitor(indexer_service, RssStore(database), acquisition, request_service)
    resolver = BookResolver(catalog_search(catalog_service))  # shelf books and AI tips -> Audible
    shelf_service = ShelfService(database, credentials, users, request_service, resolver)
    watch_service = watching.WatchService(database, catalog_service, request_service, events)
    bookdate_service = BookDateService(
        database, credentials, users, request_service, catalog_service, resolver
    )
    audible_store = AudibleLibraryStore(database, lambda: users.current().id)
    audible_account = AudibleAccount(
        credentials,
        paths.data_dir / "audible",
        lambda region: AudibleEndpoints.for_region(
            region, prefs.catalog.audible_base_url, prefs.catalog.audible_auth_base_url
        ),
    )
    list_books = ListBooks(catalog_service, audible_store)
    list_service = ListService(database, lambda: users.current().id, list_books.ref)
    organize_job = OrganizeJob(
        database, queue, request_service, prefs, library_service, history, blocklist, download_service
    )
    request_rescue = RequestRescue(
        database, queue, request_service, organize_job, download_service, library_service, history
    )
    problem_reports = ProblemReports(
        database, queue, events, users, request_service, request_rescue, blocklist, library_service
    )
    url_imports = UrlImports(
        database,
        queue,
        lambda: prefs.library,
        lambda: _rate_limit_bps(download_service),
        paths.data_dir / "links",
    )
    api_tokens = ApiTokenService(database, users)
    api_services = ApiServices(api_tokens, request_service, catalog_service, library_service, health_service)
    api_server = ApiServer(api_services)
    # The one list of features: what each contributes is installed by _install.
    features = (
        catalog.feature(catalog_service),
        requests.feature(request_service),
        household.feature(),
        indexers.feature(indexer_service),
        downloads.feature(download_service),
        pipeline.feature(acquisition),
        rss.feature(rss_monitor),
        organize.feature(organize_job),
        rescue.feature(request_rescue),
        reported_issues.feature(problem_reports),
        url_audio.feature(url_imports),
        ebooks.feature(ebook_sources),
        library.feature(library_service, request_service),
        upkeep.feature(database, queue, request_service, prefs),
        health.feature(health_service),
        notifications.feature(notification_service),
        maintenance.feature(queue),
        shelves.feature(shelf_service),
        watching.feature(watch_service),
        bookdate.feature(bookdate_service),
        audible_library.feature(audible_store, audible_account, lambda: prefs.catalog.region),
    )
    _install(features, handlers, health_service, notification_service.events)
    scheduler = Scheduler(database, queue, handlers)
    core = AppCore(
        paths=paths,
        settings_store=settings_store,
        prefs=prefs,
        database=database,
        credentials=credentials,
        secrets=secrets,
        config=config,
        events=events,
        queue=queue,
        handlers=handlers,
        executor=JobExecutor(queue, handlers),
        scheduler=scheduler,
        notifications=notification_service,
        health=health_service,
        catalog=catalog_service,
        users=users,
        accounts=accounts,
        household=household_admin,
        plex_sign_in=plex_sign_in(config, accounts),
        requests=request_service,
        indexers=indexer_service,
        ebook_sources=ebook_sources,
        downloads=download_service,
        blocklist=blocklist,
        download_history=history,
        library=library_service,
        library_import=library_import,
        acquisition=acquisition,
        shelves=shelf_service,
        watching=watch_service,
        bookdate=bookdate_service,
        audible_library=audible_store,
        audible_account=audible_account,
        lists=list_service,
        list_books=list_books,
        organize=organize_job,
        rescue=request_rescue,
        problems=problem_reports,
        url_imports=url_imports,
        api_tokens=api_tokens,
        api_server=api_server,
        migration_import=MigrationImport(
            Services(
                database,
                users,
                request_service,
                history,
                blocklist,
                shelf_service,
                notification_service,
                catalog_service,
            )
        ),
        rss=rss_monitor,
        upcoming=UpcomingService(database),
        features=features,
        schedules=tuple(schedule for f in features for schedule in f.schedules),
        settings_models=_settings_models(features),
    )
    if migrate:
        scheduler.ensure_defaults(list(core.schedules))
        recover_imports(database)  # finish or undo imports a crash interrupted
    return core


def _rate_limit_bps(downloads: DownloadService) -> int | None:
    """The user's speed limit for the app's own downloads, in bytes per second."""
    limit = downloads.settings().rate_limit_kbps
    return limit * 1024 if limit else None


def _install(
    features: Sequence[Feature], handlers: JobHandlers, health: HealthService, events: EventCatalog
) -> None:
    """Every feature's job handlers, health check providers and event kinds, into their registries."""
    for feature in features:
        for job in feature.jobs:
            handlers.register(job)
        for index, provider in enumerate(feature.health_checks):
            health.registry.add(f"{feature.name}:{index}", provider)
        for event in feature.events:
            events.add(event)


def _settings_models(features: Sequence[Feature]) -> tuple[SettingsSpec, ...]:
    """Each configuration key has one owning feature; two claiming one key is a wiring mistake."""
    specs = [spec for feature in features for spec in feature.settings]
    keys = [spec.key for spec in specs]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"Settings keys contributed twice: {', '.join(duplicates)}")
    return tuple(specs)
