"""First-run setup, Qt-free: the Test of each step, and applying what the user chose.

Each Test uses the owner's own check with the secret the user just typed, so nothing is saved
until the user finishes. ``apply_plan`` then writes settings and secrets (keychain) through the
owners, marks the first run done and starts the first catalog refresh and library scan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from rmab_desktop.clients._http import timed_test
from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.enums import LibraryBackendKind
from rmab_desktop.domain.errors import CredentialError, ValidationError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.job_payloads import NoPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services.downloads import DownloadClientConfig
from rmab_desktop.services.indexers import IndexerConfig
from rmab_desktop.services.library.backends import AbsSettings, LibraryBackendConfig, PlexSettings
from rmab_desktop.services.library.folder_backend import FolderBackend

tr = Translator("Setup")

if TYPE_CHECKING:
    from rmab_desktop.services.catalog.service import CatalogService
    from rmab_desktop.services.credentials import SecretStore
    from rmab_desktop.services.downloads import DownloadService
    from rmab_desktop.services.indexers import IndexerService
    from rmab_desktop.services.job_executor import JobHandlers
    from rmab_desktop.services.job_queue import JobQueue
    from rmab_desktop.services.library.service import LibraryService
    from rmab_desktop.services.notifications.service import NotificationService
    from rmab_desktop.settings import Preferences


class SetupCore(Protocol):
    """The parts of AppCore the setup uses (services cannot import the composition root)."""

    @property
    def prefs(self) -> Preferences: ...
    @property
    def secrets(self) -> SecretStore: ...
    @property
    def queue(self) -> JobQueue: ...
    @property
    def handlers(self) -> JobHandlers: ...
    @property
    def catalog(self) -> CatalogService: ...
    @property
    def library(self) -> LibraryService: ...
    @property
    def indexers(self) -> IndexerService: ...
    @property
    def downloads(self) -> DownloadService: ...
    @property
    def notifications(self) -> NotificationService: ...

    def save_prefs(self) -> None: ...


@dataclass(frozen=True)
class LibraryChoice:
    root: str
    kind: LibraryBackendKind = LibraryBackendKind.FOLDER
    url: str = ""
    token: str = ""
    library_id: str = ""

    def backend_config(self) -> LibraryBackendConfig:
        if self.kind == LibraryBackendKind.PLEX:
            return LibraryBackendConfig(
                kind=self.kind, plex=PlexSettings(url=self.url, section_id=self.library_id)
            )
        if self.kind == LibraryBackendKind.AUDIOBOOKSHELF:
            return LibraryBackendConfig(
                kind=self.kind, audiobookshelf=AbsSettings(url=self.url, library_id=self.library_id)
            )
        return LibraryBackendConfig(kind=LibraryBackendKind.FOLDER)


@dataclass(frozen=True)
class SetupPlan:
    """What the user chose; None (or empty) leaves that part as it is."""

    library: LibraryChoice | None = None
    region: str | None = None
    indexers: list[tuple[IndexerConfig, str | None]] = field(default_factory=list)
    download_client: tuple[DownloadClientConfig, str | None] | None = None
    notification_url: str | None = None


@dataclass(frozen=True)
class StartedJobs:
    catalog_refresh: int | None
    library_scan: int | None
    # What was chosen but whose secret could not be saved (no keychain works): enter it again later.
    secrets_not_saved: tuple[str, ...] = ()


# -- tests ---------------------------------------------------------------------------------------
def server_libraries(core: SetupCore, choice: LibraryChoice) -> list[tuple[str, str]]:
    """(id, title) of the audiobook libraries the Plex or Audiobookshelf server offers."""
    if not choice.url.strip():
        raise ValidationError("Enter the server address first.", hint="e.g. http://192.168.1.10:32400")
    if not choice.token.strip():
        raise ValidationError(
            "Enter the token first.", hint="Plex: X-Plex-Token; Audiobookshelf: an API token."
        )
    return list(core.library.server_libraries(choice.backend_config(), choice.token))


def check_library(core: SetupCore, choice: LibraryChoice) -> ConnectionTestResult:
    """The folder must be writable; a server must answer with the chosen library."""
    folder = timed_test("Library folder", lambda: _folder_probe(choice.root))
    if not folder.ok or choice.kind == LibraryBackendKind.FOLDER:
        return folder
    return core.library.test(choice.backend_config(), choice.token or None)


def _folder_probe(root: str) -> str:
    if not root.strip():
        raise ValidationError("Choose your library folder.", hint="Books are organized into this folder.")
    result = FolderBackend(root, None).test()  # type: ignore[arg-type]  # a test needs no scanner
    if not result.ok:
        raise ValidationError(result.message, hint=result.hint)
    return result.message


def check_audible(core: SetupCore, region: str) -> ConnectionTestResult:
    def probe() -> str:
        titles = core.catalog.suggestions("the", region)
        return tr.n("Audible ({region}) answered: %n suggestion(s) for a sample search.", len(titles)).format(
            region=region
        )

    return timed_test("Audible", probe)


# -- apply --------------------------------------------------------------------------------------
def apply_plan(core: SetupCore, plan: SetupPlan) -> StartedJobs:
    """Save every chosen part (secrets to the keychain), mark setup done, start the first jobs.

    A secret that cannot be saved (no keychain works, the secrets file is locked) never stops the
    rest: what needs no secret is saved, and the items left without theirs are named in the result."""
    unsaved: list[str] = []
    if plan.library is not None:
        _apply_library(core, plan.library, unsaved)
    if plan.region:
        core.prefs.catalog.region = plan.region
    if plan.indexers:
        _apply_indexers(core, plan.indexers, unsaved)
    if plan.download_client is not None:
        _apply_download_client(core, *plan.download_client, unsaved)
    if plan.notification_url:
        _apply_notification(core, plan.notification_url, unsaved)
    core.prefs.first_run_done = True
    core.save_prefs()
    return StartedJobs(
        catalog_refresh=_start(core, JobType.CATALOG_REFRESH),
        library_scan=_start(core, JobType.LIBRARY_SYNC) if core.prefs.library.root else None,
        secrets_not_saved=tuple(unsaved),
    )


def _apply_library(core: SetupCore, choice: LibraryChoice, unsaved: list[str]) -> None:
    core.prefs.library.root = choice.root
    try:
        core.library.save_backend_config(choice.backend_config(), choice.token or None)
    except CredentialError:  # the server settings are saved before the token
        unsaved.append(choice.kind.value)


def _apply_indexers(
    core: SetupCore, chosen: list[tuple[IndexerConfig, str | None]], unsaved: list[str]
) -> None:
    """Add the chosen indexers; one with the same type and address replaces the old one."""
    new_keys = {(config.type, config.url) for config, _ in chosen}
    kept = [c for c in core.indexers.configs() if (c.type, c.url) not in new_keys]
    for config, api_key in chosen:
        if api_key:
            try:
                core.indexers.set_api_key(config, api_key)
            except CredentialError:
                unsaved.append(config.name)
    core.indexers.save_configs(kept + [config for config, _ in chosen])


def _apply_download_client(
    core: SetupCore, config: DownloadClientConfig, secret: str | None, unsaved: list[str]
) -> None:
    """Running the wizard again updates the client at the same address instead of adding one."""
    same = next((c for c in core.downloads.configs() if (c.kind, c.url) == (config.kind, config.url)), None)
    if same is not None:
        config = config.model_copy(update={"id": same.id, "secret_name": same.secret_name})
    try:
        core.downloads.save_client(config, secret or None)
    except CredentialError:
        core.downloads.save_client(config, None)
        unsaved.append(config.name)


def _apply_notification(core: SetupCore, url: str, unsaved: list[str]) -> None:
    """The notification address is itself a secret: without a keychain it cannot be kept at all."""
    try:
        if not _has_notification(core, url):
            core.notifications.create("Notifications", url, core.notifications.events.defaults())
    except CredentialError:
        unsaved.append("Notifications")


def _has_notification(core: SetupCore, url: str) -> bool:
    return any(core.secrets.get(backend.secret_name) == url.strip() for backend in core.notifications.list())


def _start(core: SetupCore, job_type: JobType) -> int | None:
    if core.handlers.get(job_type) is None:
        return None
    return int(core.queue.enqueue(job_type, NoPayload(), priority=8))
