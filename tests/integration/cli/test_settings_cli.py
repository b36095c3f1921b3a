"""``rmab settings list|get|set``: the real command against a temporary profile (SQLite or PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rmab_desktop.cli import main
from rmab_desktop.db.engine import Database
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.ranking import CONFIG_KEY, RankingPrefs
from rmab_desktop.settings import SettingsStore


@pytest.fixture
def rmab(tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def run(*argv: str) -> tuple[int, str, list[str]]:
        code = main(["--profile-dir", str(tmp_path), "--database-url", database_url, *argv])
        out, err = capsys.readouterr()
        return code, out, err.strip().splitlines()

    return run


def _prefs(tmp_path: Path):  # type: ignore[no-untyped-def]
    return SettingsStore(tmp_path / "config" / "settings.json").load()


def test_set_then_get_a_preference_writes_the_settings_file(rmab, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert rmab("settings", "set", "library.import_mode", "hardlink")[1] == (
        'library.import_mode = "hardlink" (was "copy")\n'
    )
    assert rmab("settings", "set", "catalog.region", "uk")[0] == 0
    assert rmab("settings", "set", "library.root", "/srv/audiobooks")[0] == 0
    assert rmab("settings", "set", "automation_paused", "true")[0] == 0
    prefs = _prefs(tmp_path)
    assert (prefs.library.import_mode, prefs.catalog.region) == ("hardlink", "uk")
    assert (prefs.library.root, prefs.automation_paused) == ("/srv/audiobooks", True)
    assert rmab("settings", "get", "catalog.region") == (0, '"uk"\n', [])
    _code, out, _ = rmab("settings", "get", "library.import_mode", "--json")
    assert json.loads(out) == {
        "key": "library.import_mode",
        "value": "hardlink",
        "default": "copy",
        "allowed": ["copy", "hardlink", "move"],
        "stored_in": "settings file",
    }
    assert rmab("settings", "set", "library.root", "null")[0] == 0
    assert _prefs(tmp_path).library.root is None
    assert not list((tmp_path / "config").glob(".settings-*"))  # the atomic write left no temp file


@pytest.mark.parametrize(
    ("key", "value", "allowed"),
    [
        ("library.import_mode", "symlink", "copy, hardlink, move"),
        ("catalog.region", "xx", "us, ca, uk"),
        ("theme", "purple", "system, light, dark"),
        ("start_minimized", "maybe", "true, false"),
        ("library_backend.kind", "jellyfin", "folder, plex, audiobookshelf"),
    ],
)
def test_an_invalid_value_is_refused_with_the_allowed_values(
    rmab, tmp_path: Path, key, value, allowed
) -> None:  # type: ignore[no-untyped-def]
    assert rmab("settings", "set", "theme", "dark")[0] == 0
    before = (tmp_path / "config" / "settings.json").read_bytes()
    code, out, err = rmab("settings", "set", key, value)
    assert code == 2 and out == "" and len(err) == 2
    assert err[0].startswith(f"error: '{value}' is not a valid value for {key}")
    assert err[1].startswith(f"hint: {key} takes one of: {allowed}")
    assert (tmp_path / "config" / "settings.json").read_bytes() == before  # nothing lost or changed


def test_a_number_gets_an_example_instead_of_a_list(rmab) -> None:  # type: ignore[no-untyped-def]
    code, _, err = rmab("settings", "set", "catalog.cover_cache_mb", "lots")
    assert code == 2 and err == [
        "error: 'lots' is not a valid value for catalog.cover_cache_mb: Input should be a valid integer, "
        "unable to parse string as an integer.",
        "hint: e.g. rmab settings set catalog.cover_cache_mb '200'",
    ]


def test_an_unknown_key_names_close_matches(rmab) -> None:  # type: ignore[no-untyped-def]
    assert rmab("settings", "get", "catalog.regoin")[2] == [
        "error: There is no setting 'catalog.regoin'.",
        "hint: Did you mean: catalog.region?",
    ]
    code, _, err = rmab("settings", "set", "library", "x")
    assert code == 2 and err[1].startswith("hint: Did you mean: library.root, library.path_template")
    assert rmab("settings", "get", "zzz")[2][1] == "hint: See 'rmab settings list' for every key."


def test_a_features_shared_settings_are_set_in_the_database(rmab, database_url: str) -> None:  # type: ignore[no-untyped-def]
    assert rmab("settings", "set", "ranking.min_seeders", "3")[0] == 0
    assert rmab("settings", "set", "ranking.format_order", '["mp3", "m4b"]')[0] == 0
    assert rmab("settings", "set", "download_clients.monitor.poll_seconds", "5")[0] == 0
    database = Database.connect(database_url)
    try:
        ranking = ConfigStore(database).get_model(CONFIG_KEY, RankingPrefs)
    finally:
        database.dispose()
    assert ranking.min_seeders == 3 and ranking.format_order[:2] == ["mp3", "m4b"]
    _code, out, _ = rmab("settings", "list", "--json")
    values = json.loads(out)["settings"]
    assert values["ranking.min_seeders"] == 3 and values["download_clients.monitor.poll_seconds"] == 5.0
    assert values["theme"] == "system" and "version" not in values and "window.geometry_b64" not in values
    assert rmab("settings", "set", "ranking.min_seeders", "-")[0] == 2


def test_request_limits_are_settings_keys(rmab, database_url: str) -> None:  # type: ignore[no-untyped-def]
    from rmab_desktop.services.requests import RequestLimits

    assert (
        rmab("settings", "set", "request_limits.per_day", "3")[1] == "request_limits.per_day = 3 (was null)\n"
    )
    assert rmab("settings", "set", "request_limits.per_week", "10")[0] == 0
    code, _out, err = rmab("settings", "set", "request_limits.per_day", "0")
    assert code != 0 and err[0].startswith("error:") and err[1].startswith("hint:")
    database = Database.connect(database_url)
    try:
        stored = ConfigStore(database).get_model("request_limits", RequestLimits)
    finally:
        database.dispose()
    assert stored == RequestLimits(per_day=3, per_week=10)
