"""Where the app keeps its data, settings, logs and caches (platformdirs, or one profile folder)."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from rmab_desktop import APP_SLUG, ORG_NAME


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    config_dir: Path
    cache_dir: Path
    log_dir: Path

    @classmethod
    def default(cls) -> AppPaths:
        dirs = platformdirs.PlatformDirs(APP_SLUG, ORG_NAME)
        return cls(
            data_dir=Path(dirs.user_data_dir),
            config_dir=Path(dirs.user_config_dir),
            cache_dir=Path(dirs.user_cache_dir),
            log_dir=Path(dirs.user_log_dir),
        )

    @classmethod
    def from_profile(cls, profile_dir: Path) -> AppPaths:
        """Everything under one folder: used by tests, portable installs and ``--profile-dir``."""
        root = profile_dir.expanduser().resolve()
        return cls(root / "data", root / "config", root / "cache", root / "logs")

    @classmethod
    def resolve(cls, profile_dir: Path | None) -> AppPaths:
        return cls.from_profile(profile_dir) if profile_dir else cls.default()

    def ensure(self) -> AppPaths:
        for folder in (self.data_dir, self.config_dir, self.cache_dir, self.log_dir, self.backup_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    @property
    def database_file(self) -> Path:
        return self.data_dir / "rmab.sqlite3"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def secrets_file(self) -> Path:
        """The passphrase-encrypted secrets, used only where no system keychain works."""
        return self.config_dir / "secrets.enc.json"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "rmab-desktop.log"

    @property
    def covers_dir(self) -> Path:
        return self.cache_dir / "covers"


def write_atomically(path: Path, text: str, prefix: str) -> None:
    """Replace ``path`` with ``text`` in one step: a crash leaves the old file or the new one, never
    half of either. The copy is written as ``<prefix>*.tmp`` beside it (owner-only, mkstemp's mode)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
