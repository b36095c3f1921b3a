"""DownloadService (``core.downloads``): the configured clients, chosen by protocol, and the
operations the pipeline needs (send a release, read its state, remove it, map its path)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.downloads import DownloadItem, NewDownload
from rmab_desktop.domain.errors import ConfigurationError, NotFoundError, RmabError
from rmab_desktop.domain.releases import Release
from rmab_desktop.logging_setup import REDACTOR
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.credentials import SecretStore
from rmab_desktop.services.downloads.config import (
    CONFIG_KEY,
    KIND_LABELS,
    DownloadClientConfig,
    DownloadSettings,
)
from rmab_desktop.services.downloads.factory import build_client
from rmab_desktop.services.downloads.paths import to_local, to_remote
from rmab_desktop.services.downloads.probe import run_connection_test
from rmab_desktop.services.downloads.protocol import DownloadClient

BUILTIN_DIRECT_ID = "direct"
ClientFactory = Callable[..., DownloadClient]


class DownloadService:
    def __init__(
        self,
        config: ConfigStore,
        credentials: SecretStore,
        direct_root: Path,
        *,
        factory: ClientFactory = build_client,
    ) -> None:
        self.config = config
        self.credentials = credentials
        self.direct_root = Path(direct_root)
        self._factory = factory
        self._lock = threading.Lock()
        self._clients: dict[str, tuple[DownloadClientConfig, DownloadClient]] = {}

    # -- settings ----------------------------------------------------------------------------
    def settings(self) -> DownloadSettings:
        return self.config.get_model(CONFIG_KEY, DownloadSettings)

    def save_settings(self, settings: DownloadSettings) -> None:
        self.config.set_model(CONFIG_KEY, settings)
        self._drop_cached()

    def save_client(self, client: DownloadClientConfig, secret: str | None = None) -> DownloadClientConfig:
        """Add or replace one client; a new ``secret`` goes to the keyring under ``secret_name``."""
        if secret:
            name = client.secret_name or f"download-client-{client.id}"
            self.credentials.set(name, secret)
            client = client.model_copy(update={"secret_name": name})
        settings = self.settings()
        others = [c for c in settings.clients if c.id != client.id]
        position = next((i for i, c in enumerate(settings.clients) if c.id == client.id), len(others))
        others.insert(position, client)
        self.save_settings(settings.model_copy(update={"clients": others}))
        return client

    def delete_client(self, client_id: str) -> None:
        settings = self.settings()
        gone = [c for c in settings.clients if c.id == client_id]
        self.save_settings(
            settings.model_copy(update={"clients": [c for c in settings.clients if c.id != client_id]})
        )
        for config in gone:
            if config.secret_name and self.credentials.has(config.secret_name):
                self.credentials.delete(config.secret_name)

    def _builtin_direct(self) -> DownloadClientConfig:
        return DownloadClientConfig(id=BUILTIN_DIRECT_ID, kind="direct_http", name=KIND_LABELS["direct_http"])

    def configs(self) -> list[DownloadClientConfig]:
        clients = list(self.settings().clients)
        if not any(c.kind == "direct_http" for c in clients):
            clients.append(self._builtin_direct())
        return clients

    def config_for(self, client_id: str) -> DownloadClientConfig:
        for config in self.configs():
            if config.id == client_id:
                return config
        raise NotFoundError(f"Download client '{client_id}' is not configured any more.")

    def choose(self, protocol: str) -> DownloadClientConfig:
        """The enabled client with the lowest priority number for this protocol."""
        candidates = sorted(
            (c for c in self.configs() if c.enabled and c.protocol == protocol), key=lambda c: c.priority
        )
        if not candidates:
            raise ConfigurationError(
                f"No download client handles {protocol} releases.",
                hint="Add one in Settings > Download clients.",
            )
        return candidates[0]

    # -- clients -----------------------------------------------------------------------------
    def client(self, client_id: str) -> tuple[DownloadClientConfig, DownloadClient]:
        with self._lock:
            cached = self._clients.get(client_id)
            if cached is not None:
                return cached
        config = self.config_for(client_id)
        client = self._factory(config, self.credentials, self.direct_root)
        with self._lock:
            self._clients.setdefault(client_id, (config, client))
            return self._clients[client_id]

    def _drop_cached(self) -> None:
        with self._lock:
            cached, self._clients = list(self._clients.values()), {}
        for config, client in cached:
            if config.kind != "direct_http":  # keep running transfers alive
                client.close()
            else:
                self._clients[config.id] = (config, client)

    def close(self) -> None:
        with self._lock:
            cached, self._clients = list(self._clients.values()), {}
        for _, client in cached:
            client.close()

    def test(
        self, config: DownloadClientConfig, secret: str | None = None, *, check_mapping: bool = True
    ) -> ConnectionTestResult:
        """Connect, log in, and check the download folder and path mapping with a real file."""
        if secret:
            REDACTOR.register(secret)  # typed in a form, not read from the keyring: keep it out of logs
        try:
            client = self._factory(config, self.credentials, self.direct_root, secret=secret, timeout=10.0)
        except RmabError as exc:
            return ConnectionTestResult(False, exc.user_message, hint=exc.user_hint)
        return run_connection_test(config, client, check_mapping=check_mapping)

    # -- operations --------------------------------------------------------------------------
    def send(
        self, release: Release, payload: bytes | str | None, *, name: str
    ) -> tuple[DownloadClientConfig, str]:
        """Hand a release to the client for its protocol; ``payload`` is the .torrent/.nzb bytes
        or a magnet link (None for direct HTTP). Returns the client's config and the item id."""
        config = self.choose(release.protocol)
        _, client = self.client(config.id)
        data = payload if isinstance(payload, bytes) else None
        magnet = payload if isinstance(payload, str) else None
        if release.protocol == "torrent" and data is None and magnet is None:
            magnet = release.magnet_url
        url = release.download_url or (release.http_files[0].url if release.http_files else None)
        item = NewDownload(
            name=name,
            torrent=data if release.protocol == "torrent" else None,
            magnet=magnet,
            nzb=data if release.protocol == "usenet" else None,
            url=url if release.protocol == "http" else None,
            http_files=release.http_files if release.protocol == "http" else (),
            category=config.category or None,
            save_path=config.save_path or None,
            size_bytes=release.size_bytes,
        )
        return config, client.add(item)

    def status(self, client_id: str, item_id: str) -> DownloadItem:
        return self.client(client_id)[1].get(item_id)

    def after_import(self, client_id: str, item_id: str) -> str | None:
        """Move the finished item to the client's post-import category (label), when one is set
        and the client has categories; the category set, else None."""
        config, client = self.client(client_id)
        category = (config.post_import_category or "").strip()
        set_category = getattr(client, "set_category", None)
        if not category or set_category is None:
            return None
        set_category(item_id, category)
        return category

    def remove(self, client_id: str, item_id: str, *, delete_data: bool) -> None:
        self.client(client_id)[1].remove(item_id, delete_data)

    def local_path(self, client_id: str, remote_path: str) -> str:
        return to_local(remote_path, self.config_for(client_id).path_mappings)

    def remote_path(self, client_id: str, local_path: str) -> str:
        return to_remote(local_path, self.config_for(client_id).path_mappings)
