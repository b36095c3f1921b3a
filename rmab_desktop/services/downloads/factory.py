"""Build a client object from its settings, reading its secret from the keyring."""

from __future__ import annotations

from pathlib import Path

from rmab_desktop.clients.deluge import DelugeClient
from rmab_desktop.clients.direct_http import DirectHttpClient
from rmab_desktop.clients.nzbget import NzbgetClient
from rmab_desktop.clients.qbittorrent import QBittorrentClient
from rmab_desktop.clients.sabnzbd import SabnzbdClient
from rmab_desktop.clients.transmission import TransmissionClient
from rmab_desktop.domain.errors import ConfigurationError
from rmab_desktop.services.credentials import SecretStore
from rmab_desktop.services.downloads.config import DownloadClientConfig
from rmab_desktop.services.downloads.protocol import DownloadClient


def build_client(
    config: DownloadClientConfig,
    credentials: SecretStore,
    direct_root: Path,
    *,
    secret: str | None = None,
    timeout: float = 15.0,
) -> DownloadClient:
    """``secret`` overrides the keyring (the settings form tests a password before saving it)."""
    if secret is None and config.secret_name:
        secret = credentials.get(config.secret_name)
    secret = secret or ""
    if config.kind == "direct_http":
        return DirectHttpClient(Path(config.save_path) if config.save_path else direct_root)
    if not config.url.strip():
        raise ConfigurationError(
            f"{config.label} has no address.", hint="Enter the client's address in Settings."
        )
    if config.kind == "qbittorrent":
        return QBittorrentClient(
            config.url, config.username, secret, verify_tls=config.verify_tls, timeout=timeout
        )
    if config.kind == "transmission":
        return TransmissionClient(config.url, config.username, secret, timeout=timeout)
    if config.kind == "deluge":
        return DelugeClient(config.url, config.username, secret, timeout=timeout)
    if config.kind == "sabnzbd":
        if not secret:
            raise ConfigurationError(
                "SABnzbd needs its API key.", hint="Copy it from SABnzbd: Config > General."
            )
        return SabnzbdClient(config.url, secret, timeout=timeout, verify_tls=config.verify_tls)
    return NzbgetClient(config.url, config.username, secret, timeout=timeout, verify_tls=config.verify_tls)
