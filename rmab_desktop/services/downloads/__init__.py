"""Download clients behind one protocol, their settings, the blocklist and the connection test."""

from __future__ import annotations

from functools import partial

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
from rmab_desktop.services.feature import Feature, SettingsSpec
from rmab_desktop.services.health.checks import ServiceCheck

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
    "feature",
]


def download_client_checks(downloads: DownloadService) -> list[ServiceCheck]:
    return [
        ServiceCheck(
            f"download_client:{config.id}",
            config.name or str(config.kind),
            "download_client",
            partial(downloads.test, config, check_mapping=False),
        )
        for config in downloads.configs()
        if config.enabled and config.kind != "direct_http"  # built in: nothing remote to check
    ]


def feature(downloads: DownloadService) -> Feature:
    return Feature(
        name="downloads",
        health_checks=(lambda: download_client_checks(downloads),),
        settings=(SettingsSpec(CONFIG_KEY, DownloadSettings, "Download clients"),),
    )
