"""Download clients behind one protocol, their settings, the blocklist and the connection test."""

from rmab_desktop.services.downloads.blocklist import BlocklistService
from rmab_desktop.services.downloads.config import (
    CONFIG_KEY,
    DownloadClientConfig,
    DownloadSettings,
    MonitorSettings,
    PathMapping,
    SeedingRule,
)
from rmab_desktop.services.downloads.protocol import DownloadClient
from rmab_desktop.services.downloads.service import DownloadService

__all__ = [
    "CONFIG_KEY",
    "BlocklistService",
    "DownloadClient",
    "DownloadClientConfig",
    "DownloadService",
    "DownloadSettings",
    "MonitorSettings",
    "PathMapping",
    "SeedingRule",
]
