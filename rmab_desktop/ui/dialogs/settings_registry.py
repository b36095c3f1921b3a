"""Settings sections. Each capability appends one SettingsSection; the dialog shows them in order.

A section's factory gets the UiContext and returns a QWidget. The widget saves its own changes
(live, or with its own Save/Test buttons); if it defines ``apply() -> bool`` the dialog calls it
when the user presses OK and stays open when it returns False.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from rmab_desktop.ui.context import UiContext


@dataclass(frozen=True)
class SettingsSection:
    key: str
    title: str
    factory: Callable[[UiContext], QWidget]
    order: int = 100
    icon_name: str = "settings"


def _general(ctx: UiContext) -> QWidget:
    from rmab_desktop.ui.dialogs.general_settings import GeneralSettings

    return GeneralSettings(ctx)


def _notifications(ctx: UiContext) -> QWidget:
    from rmab_desktop.ui.dialogs.notification_settings import NotificationSettings

    return NotificationSettings(ctx)


def _library(ctx: UiContext) -> QWidget:
    from rmab_desktop.ui.dialogs.library_settings import LibrarySettings

    assert ctx.core.library is not None  # built by open_core
    return LibrarySettings(ctx, ctx.core.library)


def _setup(ctx: UiContext) -> QWidget:
    from rmab_desktop.ui.dialogs.setup_settings import SetupSettings

    return SetupSettings(ctx)


def _indexers(ctx: UiContext) -> QWidget:
    from rmab_desktop.ui.dialogs.indexer_settings import IndexerSettings

    assert ctx.core.indexers is not None  # built by open_core
    return IndexerSettings(ctx, ctx.core.indexers)


def _download_clients(ctx: UiContext) -> QWidget:
    from rmab_desktop.ui.dialogs.download_client_settings import DownloadClientSettings

    assert ctx.core.downloads is not None  # built by open_core
    return DownloadClientSettings(ctx, ctx.core.downloads)


def _ranking(ctx: UiContext) -> QWidget:
    from rmab_desktop.ui.dialogs.ranking_settings import RankingSettings

    return RankingSettings(ctx)


def _organize(ctx: UiContext) -> QWidget:
    from rmab_desktop.ui.dialogs.organize_settings import OrganizeSettings

    return OrganizeSettings(ctx)


def _desktop(ctx: UiContext) -> QWidget:
    from rmab_desktop.ui.dialogs.desktop_settings import DesktopSettings

    return DesktopSettings(ctx)


def _catalog(ctx: UiContext) -> QWidget:
    from rmab_desktop.ui.dialogs.catalog_settings import CatalogSettings

    return CatalogSettings(ctx)


SETTINGS_SECTIONS: list[SettingsSection] = [
    SettingsSection("general", "General", _general, order=0),
    SettingsSection("desktop", "Desktop", _desktop, order=10, icon_name="info"),
    SettingsSection("catalog", "Catalog & requests", _catalog, order=15, icon_name="audible"),
    SettingsSection("library", "Library", _library, order=20, icon_name="library"),
    SettingsSection("organize", "Organize", _organize, order=25, icon_name="library"),
    SettingsSection("indexers", "Indexers", _indexers, order=30, icon_name="search"),
    SettingsSection("ranking", "Ranking", _ranking, order=35, icon_name="status"),
    SettingsSection(
        "download_clients", "Download clients", _download_clients, order=40, icon_name="downloads"
    ),
    SettingsSection("notifications", "Notifications", _notifications, order=70, icon_name="info"),
    SettingsSection("setup", "Setup assistant", _setup, order=95, icon_name="settings"),
]
