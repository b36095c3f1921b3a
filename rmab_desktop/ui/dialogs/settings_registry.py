"""Settings sections. Each capability appends one SettingsSection; the dialog shows them in order.

A section's factory gets the app's container and the window's shell (like a page's, see
``ui/pages/registry.py``) and returns a QWidget built from exactly the services it uses. The widget
saves its own changes (live, or with its own Save/Test buttons); if it defines ``apply() -> bool``
the dialog calls it when the user presses OK and stays open when it returns False.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from rmab_desktop.domain.i18n import Translator

if TYPE_CHECKING:
    from rmab_desktop.bootstrap import AppCore
    from rmab_desktop.ui.shell import Shell, UiFactory


tr = Translator("SettingsDialog")


@dataclass(frozen=True)
class SettingsSection:
    key: str
    title: str  # a Translator.mark()ed title, shown through i18n.text
    factory: UiFactory
    order: int = 100
    icon_name: str = "settings"


def _general(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.dialogs.general_settings import GeneralSettings

    return GeneralSettings(
        core.prefs, core.save_prefs, core.paths, core.database, core.credentials, shell.runner, shell.theme
    )


def _notifications(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.dialogs.notification_settings import NotificationSettings

    return NotificationSettings(core.notifications, shell.runner)


def _library(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.dialogs.library_settings import LibrarySettings

    return LibrarySettings(core.library, core.prefs, core.save_prefs, shell.runner)


def _setup(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.dialogs.setup_settings import SetupSettings
    from rmab_desktop.ui.wiring import open_first_run_wizard

    return SetupSettings(lambda parent: open_first_run_wizard(core, shell, parent))


def _indexers(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.dialogs.indexer_settings import IndexerSettings

    return IndexerSettings(core.indexers, core.secrets, shell.runner)


def _download_clients(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.dialogs.download_client_settings import DownloadClientSettings

    return DownloadClientSettings(core.downloads, core.secrets, shell.runner)


def _ranking(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.dialogs.ranking_settings import RankingSettings

    return RankingSettings(core.config, shell.runner)


def _organize(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.dialogs.organize_settings import OrganizeSettings

    return OrganizeSettings(core.prefs, core.save_prefs, shell.runner)


def _ebooks(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.dialogs.ebook_settings import EbookSettings

    return EbookSettings(core.prefs, core.save_prefs, shell.runner)


def _desktop(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.dialogs.desktop_settings import DesktopSettings

    return DesktopSettings(core.prefs, core.save_prefs, shell.runner, shell.notifier)


def _catalog(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.dialogs.catalog_settings import CatalogSettings

    return CatalogSettings(core.prefs, core.save_prefs, core.catalog, core.users, shell.runner)


def _household_key(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.dialogs.household_key_settings import HouseholdKeySettings

    return HouseholdKeySettings(core.secrets, shell.runner)


def _local_api(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.dialogs.local_api_settings import LocalApiSettings

    return LocalApiSettings(
        core.api_server, core.api_tokens, core.users, core.prefs, core.save_prefs, shell.runner
    )


def _request_limits(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.dialogs.request_limit_settings import RequestLimitSettings

    return RequestLimitSettings(core.users, shell.runner)


SETTINGS_SECTIONS: list[SettingsSection] = [
    SettingsSection("general", tr.mark("General"), _general, order=0),
    SettingsSection("desktop", tr.mark("Desktop"), _desktop, order=10, icon_name="info"),
    SettingsSection("catalog", tr.mark("Catalog & requests"), _catalog, order=15, icon_name="audible"),
    SettingsSection(
        "request_limits", tr.mark("Request limits"), _request_limits, order=17, icon_name="audible"
    ),
    SettingsSection("library", tr.mark("Library"), _library, order=20, icon_name="library"),
    SettingsSection("organize", tr.mark("Organize"), _organize, order=25, icon_name="library"),
    SettingsSection("ebooks", tr.mark("Ebooks"), _ebooks, order=27, icon_name="library"),
    SettingsSection("indexers", tr.mark("Indexers"), _indexers, order=30, icon_name="search"),
    SettingsSection("ranking", tr.mark("Ranking"), _ranking, order=35, icon_name="status"),
    SettingsSection(
        "download_clients", tr.mark("Download clients"), _download_clients, order=40, icon_name="downloads"
    ),
    SettingsSection("notifications", tr.mark("Notifications"), _notifications, order=70, icon_name="info"),
    SettingsSection(
        "household_key", tr.mark("Household key"), _household_key, order=80, icon_name="settings"
    ),
    SettingsSection("local_api", tr.mark("Local API"), _local_api, order=85, icon_name="settings"),
    SettingsSection("setup", tr.mark("Setup assistant"), _setup, order=95, icon_name="settings"),
]
