"""The settings file: wrong shapes are kept aside (defaults used), a folder is refused in words,
half-written copies left by a crash are cleaned up."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from rmab_desktop.domain.errors import ConfigurationError
from rmab_desktop.settings import STALE_TEMPORARY_SECONDS, Preferences, SettingsStore


@pytest.mark.parametrize(
    "content",
    [
        "[1, 2, 3]",
        '"just a string"',
        '{"version": [1], "theme": "dark"}',
        '{"version": "x"}',
        '{"theme": 5}',
        '{"window": "tall"}',
        '{"catalog": {"region": {"nested": true}}}',
        '{"library": []}',
        "{not json",
        "",
    ],
)
def test_a_wrong_shape_is_kept_aside_and_the_defaults_are_used(tmp_path: Path, content: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    assert SettingsStore(path).load() == Preferences()
    assert (tmp_path / "settings.broken.json").read_text(encoding="utf-8") == content
    assert not path.exists()


def test_a_folder_in_place_of_the_file_is_refused_in_words(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.mkdir()
    with pytest.raises(ConfigurationError) as caught:
        SettingsStore(path).load()
    assert "is not a file" in caught.value.user_message and caught.value.hint
    assert path.is_dir()  # nothing of the user's was moved


def test_half_written_copies_from_a_crash_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / ".settings-abc.tmp"
    fresh = tmp_path / ".settings-def.tmp"  # another process may be writing it right now
    stale.write_text("{")
    fresh.write_text("{")
    old = time.time() - STALE_TEMPORARY_SECONDS - 5
    os.utime(stale, (old, old))
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Preferences(theme="dark"))
    assert store.load().theme == "dark"
    assert not stale.exists() and fresh.exists()
