"""Qt-free composition shared by the GUI and the ``rmab`` command line.

It builds paths, logging, settings, the database (migrated, SQLite backed up first), the
credential store and the job machinery, and hands them out explicitly: no global singletons.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from rmab_desktop.db.engine import Database
from rmab_desktop.db.migrate import upgrade
from rmab_desktop.db.url import resolve_database_url
from rmab_desktop.logging_setup import setup_logging
from rmab_desktop.paths import AppPaths
from rmab_desktop.services import catalog as catalog_feature
from rmab_desktop.services import maintenance, upkeep
from rmab_desktop.services import pipeline as pipeline_feature
from rmab_desktop.services import requests as requests_feature
from rmab_desktop.services.catalog import CatalogService
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.credentials import CredentialStore
from rmab_desktop.services.downloads import BlocklistService, DownloadService
from rmab_desktop.services.events import EventBus
from rmab_desktop.services.health import SCHEDULES as HEALTH_SCHEDULES
from rmab_desktop.services.health import HealthService
from rmab_desktop.services.health import providers as health_providers
from rmab_desktop.services.indexers import IndexerService
from rmab_desktop.services.job_executor import JobExecutor, JobHandlers
from rmab_desktop.services.job_queue import JobQueue
from rmab_desktop.services.library import service as library_feature
from rmab_desktop.services.library.importing import LibraryImport
from rmab_desktop.services.notifications import NotificationService
from rmab_desktop.services.organize import jobs as organize_jobs
from rmab_desktop.services.organize.importer import recover_imports
from rmab_desktop.services.requests import RequestService, UserService
from rmab_desktop.services.scheduler import ScheduleDefinition, Scheduler
from rmab_desktop.settings import Preferences, SettingsStore

log = logging.getLogger(__name__)


@dataclass
class AppCore:
    paths: AppPaths
    settings_store: SettingsStore
    prefs: Preferences
    database: Database
    credentials: CredentialStore
    queue: JobQueue
    handlers: JobHandlers
    executor: JobExecutor
    scheduler: Scheduler
    events: EventBus = field(default_factory=EventBus)
    config: ConfigStore = field(init=False)
    schedules: list[ScheduleDefinition] = field(default_factory=list)
    notifications: NotificationService | None = None
    health: HealthService | None = None
    catalog: CatalogService | None = None
    users: UserService | None = None
    requests: RequestService | None = None
    indexers: IndexerService | None = None
    library: library_feature.LibraryService | None = None
    downloads: DownloadService | None = None
    blocklist: BlocklistService | None = None
    acquisition: pipeline_feature.Acquisition | None = None
    library_import: LibraryImport | None = None

    def __post_init__(self) -> None:
        self.config = ConfigStore(self.database)

    def save_prefs(self) -> None:
        self.settings_store.save(self.prefs)

    def close(self) -> None:
        if self.notifications is not None:
            self.notifications.close()
        if self.catalog is not None:
            self.catalog.close()
        if self.downloads is not None:
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
    credentials = CredentialStore()
    queue = JobQueue(database)
    handlers = JobHandlers()
    scheduler = Scheduler(database, queue)
    core = AppCore(
        paths=paths,
        settings_store=settings_store,
        prefs=prefs,
        database=database,
        credentials=credentials,
        queue=queue,
        handlers=handlers,
        executor=JobExecutor(queue, handlers),
        scheduler=scheduler,
    )
    _register_features(core)
    if migrate:
        scheduler.ensure_defaults(core.schedules)
        recover_imports(database)  # finish or undo imports a crash interrupted
    return core


def _register_features(core: AppCore) -> None:
    """Each capability registers its job handlers and default schedules here."""
    maintenance.register(core.handlers, core.database)
    core.schedules.extend(maintenance.SCHEDULES)
    core.notifications = NotificationService(core.database, core.credentials, core.queue)
    core.notifications.register(core.handlers)
    core.notifications.subscribe(core.events)
    core.health = HealthService(core.database, core.events)
    core.health.register(core.handlers)
    health_providers.install(core.health.registry, core)
    core.schedules.extend(HEALTH_SCHEDULES)
    core.catalog = catalog_feature.build(core.database, core.prefs, core.paths.covers_dir)
    catalog_feature.register(core.handlers, core.catalog)
    core.schedules.extend(catalog_feature.SCHEDULES)
    core.users = UserService(core.database, core.config)
    core.requests = RequestService(core.database, core.queue, core.events, core.users, core.catalog.book)
    requests_feature.register(core.handlers, core.requests)
    core.schedules.extend(requests_feature.SCHEDULES)
    core.indexers = IndexerService(core.config, core.credentials)
    core.downloads = DownloadService(core.config, core.credentials, core.paths.data_dir / "downloads")
    core.blocklist = BlocklistService(core.database)
    core.acquisition = pipeline_feature.register(core)
    core.schedules.extend(pipeline_feature.SCHEDULES)
    core.library = library_feature.build(
        core.database, core.config, core.credentials, lambda: core.prefs.library.root
    )
    library_feature.register(core.handlers, core.library, core.requests)
    catalog = core.catalog
    core.library_import = LibraryImport(
        core.database, core.library.scanner, core.requests, lambda asin: catalog.book(asin).to_book_info()
    )
    core.schedules.extend(library_feature.SCHEDULES)
    organize_jobs.register(core)
    upkeep.register(core.handlers, core.database, core.queue, core.requests, lambda: core.prefs.library.root)
    core.schedules.extend(upkeep.SCHEDULES)
