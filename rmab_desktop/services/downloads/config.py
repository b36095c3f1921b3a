"""Download-client settings (config key ``download_clients``): clients, monitoring, seeding rules.

Secrets are not here: ``secret_name`` is the keyring entry holding the password or API key.
"""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from rmab_desktop.domain.addresses import AddressKind

CONFIG_KEY = "download_clients"

ClientKind = Literal["qbittorrent", "transmission", "deluge", "sabnzbd", "nzbget", "direct_http"]
KIND_PROTOCOL: dict[str, str] = {
    "qbittorrent": "torrent",
    "transmission": "torrent",
    "deluge": "torrent",
    "sabnzbd": "usenet",
    "nzbget": "usenet",
    "direct_http": "http",
}
KIND_LABELS: dict[str, str] = {
    "qbittorrent": "qBittorrent",
    "transmission": "Transmission",
    "deluge": "Deluge",
    "sabnzbd": "SABnzbd",
    "nzbget": "NZBGet",
    "direct_http": "Direct download (built in)",
}
# Clients reached through their daemon's own protocol at host:port, not an http(s) address.
DAEMON_KINDS = frozenset({"deluge"})
# Clients whose finished items can move to another category (label) after the import.
RELABEL_KINDS = frozenset({"qbittorrent", "transmission", "deluge"})


def address_kind(client_kind: str) -> AddressKind:
    """How the address of a client of ``client_kind`` is written (checked as typed and by tests)."""
    return AddressKind.DAEMON if client_kind in DAEMON_KINDS else AddressKind.WEB


DEFAULT_URLS: dict[str, str] = {
    "qbittorrent": "http://127.0.0.1:8080",
    "transmission": "http://127.0.0.1:9091/transmission/rpc",
    "deluge": "127.0.0.1:58846",
    "sabnzbd": "http://127.0.0.1:8080",
    "nzbget": "http://127.0.0.1:6789",
    "direct_http": "",
}


class PathMapping(BaseModel):
    """A folder as the client sees it (``remote``) and as this computer sees it (``local``)."""

    model_config = ConfigDict(extra="ignore")

    remote: str
    local: str


class DownloadClientConfig(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str = Field(default_factory=lambda: uuid.uuid4().hex[:12])
    name: str = ""
    kind: ClientKind
    enabled: bool = True
    url: str = ""
    username: str = ""
    secret_name: str | None = None  # keyring entry of the password (torrent, NZBGet) or API key (SABnzbd)
    verify_tls: bool = True
    category: str = "audiobooks"
    save_path: str | None = None  # in the client's view; empty: the client's default folder
    path_mappings: list[PathMapping] = Field(default_factory=list)
    priority: int = 0  # several clients for one protocol: the lowest number is used first
    post_import_category: str | None = None  # category/label set once the book is imported

    @field_validator("category")
    @classmethod
    def _clean_category(cls, value: str) -> str:
        value = value.strip().strip("/\\")
        if ".." in value:
            raise ValueError("a category cannot contain '..'")
        return value

    @property
    def protocol(self) -> str:
        return KIND_PROTOCOL[self.kind]

    @property
    def label(self) -> str:
        return self.name or KIND_LABELS[self.kind]


class SeedingRule(BaseModel):
    """Keep seeding until every rule that is set is met; no rule set means keep seeding."""

    model_config = ConfigDict(extra="ignore")

    ratio: float | None = 1.0
    minutes: int | None = None

    @property
    def keeps_forever(self) -> bool:
        return not self.ratio and not self.minutes


class MonitorSettings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    first_poll_seconds: float = 3.0
    poll_seconds: float = 10.0
    stalled_minutes: float = 30.0  # no progress for this long: stalled, blocklisted, next release
    max_download_hours: float = 48.0  # still not done after this: failed, next release
    missing_grace_seconds: float = 60.0  # a new item may take a moment to show in the client
    unreachable_minutes: float = 30.0  # client down this long: the request fails (not blocklisted)
    local_path_checks: int = 30  # the finished path may appear late (temporary folders, slow shares)


class DownloadSettings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    clients: list[DownloadClientConfig] = Field(default_factory=list)
    monitor: MonitorSettings = Field(default_factory=MonitorSettings)
    # used when neither the indexer's settings nor its feed give a minimum ratio/seed time
    seeding_default: SeedingRule = Field(default_factory=SeedingRule)
    retry_search_hours: float = 24.0  # no acceptable release: search again after this long
    remove_usenet_after_import: bool = True
    rate_limit_kbps: int | None = None  # the app's own downloads (links); None: no limit
