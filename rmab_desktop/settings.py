"""Typed, versioned preferences and UI state, stored as JSON in the config folder.

Secrets never live here: fields that need one hold the *name* of a keyring entry.
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from rmab_desktop.domain.errors import ConfigurationError
from rmab_desktop.paths import write_atomically

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1
STALE_TEMPORARY_SECONDS = 60

ThemeChoice = Literal["system", "light", "dark"]
LanguageChoice = Literal["system", "en", "de", "fr", "es"]


class WindowState(BaseModel):
    model_config = ConfigDict(extra="ignore")

    geometry_b64: str | None = None
    state_b64: str | None = None
    last_page: str = "discover"  # a new user starts where books are found


class CatalogSettings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    region: str = "us"
    audible_base_url: str | None = None  # None: the marketplace's real host
    audible_auth_base_url: str | None = None  # device sign-in; None: https://api.amazon.<tld>
    audnexus_base_url: str = "https://api.audnex.us"
    cover_cache_mb: int = 200


class LibrarySettings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    root: str | None = None
    path_template: str | None = None  # None: the organizer's default layout
    import_mode: Literal["copy", "hardlink", "move"] = "copy"
    embed_tags: bool = True  # not for hardlinks: tagging would change the seeding copy
    write_sidecars: bool = True  # metadata.json, desc.txt, reader.txt for Audiobookshelf
    merge_chapters: bool = False  # multi-file books -> one M4B with chapters (needs ffmpeg)
    watch: bool = True  # rescan books as they change on disk (the scheduled refresh stays on)


class EbookSettings(BaseModel):
    """Where ebooks go, the optional Calibre hand-off, and the free sources' addresses (a proxy or
    a local stand-in can take the real services' place)."""

    model_config = ConfigDict(extra="ignore")

    root: str | None = None  # None: next to the audiobook, in the library folder
    path_template: str | None = None  # None: the library's template
    calibre_add: bool = False  # hand each imported ebook to Calibre with `calibredb add`
    calibre_library: str | None = None  # None: Calibre's default library
    calibredb_path: str | None = None  # None: found on PATH
    free_sources: bool = True  # Project Gutenberg, Standard Ebooks, Internet Archive
    gutendex_url: str = "https://gutendex.com"
    standard_ebooks_url: str = "https://standardebooks.org"
    internet_archive_url: str = "https://archive.org"


class ApiPrefs(BaseModel):
    """The local HTTP API of this machine (off by default; loopback unless the LAN is allowed)."""

    model_config = ConfigDict(extra="ignore")
    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = 8745
    allow_lan: bool = False


class Preferences(BaseModel):
    model_config = ConfigDict(extra="ignore")

    version: int = SETTINGS_VERSION
    theme: ThemeChoice = "system"
    language: LanguageChoice = "system"  # applied at the next start
    automation_paused: bool = False
    start_minimized: bool = False
    start_at_login: bool = False
    keep_awake_while_working: bool = False
    first_run_done: bool = False
    notify_in_tray: bool = True
    window: WindowState = Field(default_factory=WindowState)
    catalog: CatalogSettings = Field(default_factory=CatalogSettings)
    library: LibrarySettings = Field(default_factory=LibrarySettings)
    ebooks: EbookSettings = Field(default_factory=EbookSettings)
    api: ApiPrefs = Field(default_factory=ApiPrefs)
    extra: dict[str, Any] = Field(default_factory=dict)


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Upgrade older settings files in place; one step per version."""
    version = int(data.get("version", 0))
    if version < 1:
        data.setdefault("theme", "system")
    data["version"] = SETTINGS_VERSION
    return data


class SettingsStore:
    """Loads and saves :class:`Preferences` atomically; a broken file is kept aside, not lost."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> Preferences:
        self._remove_stale_temporaries()
        if not self.path.exists():
            return Preferences()
        if not self.path.is_file():
            raise ConfigurationError(
                f"The settings file {self.path} is not a file.",
                hint="Move or rename what is at that path, then start the app again.",
            )
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("settings root is not an object")
            return Preferences.model_validate(_migrate(data))
        except OSError as exc:
            raise ConfigurationError(
                f"The settings file {self.path} cannot be read ({exc.strerror or exc}).",
                hint="Check the file's permissions, then start the app again.",
            ) from None
        except (ValueError, TypeError, AttributeError, ValidationError) as exc:
            broken = self.path.with_suffix(".broken.json")
            os.replace(self.path, broken)
            log.warning("Settings file was unreadable (%s); kept it as %s and started fresh", exc, broken)
            return Preferences()

    def _remove_stale_temporaries(self) -> None:
        """Half-written copies left by a crash during :meth:`save` (a minute old: not in use)."""
        cutoff = time.time() - STALE_TEMPORARY_SECONDS
        for leftover in self.path.parent.glob(".settings-*.tmp"):
            try:
                if leftover.stat().st_mtime < cutoff:
                    leftover.unlink()
            except OSError:
                continue

    def save(self, prefs: Preferences) -> None:
        write_atomically(self.path, prefs.model_dump_json(indent=2), prefix=".settings-")
