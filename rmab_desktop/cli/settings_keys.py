"""Every preference by its dotted name, read and validated the way the Settings dialog does it.

Two kinds of settings share one namespace: the fields of :class:`~rmab_desktop.settings.Preferences`
(the settings file: ``theme``, ``catalog.region``, ``library.root`` ...) and each feature's settings
model kept in the shared configuration table, named after its :class:`SettingsSpec` key
(``ranking.min_seeders``, ``download_clients.retry_search_hours`` ...). Nested models become dotted
names; lists and dicts are one key whose value is JSON.
"""

from __future__ import annotations

import difflib
import enum
import json
import types
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from rmab_desktop.domain.addresses import require_address
from rmab_desktop.domain.catalog import REGIONS
from rmab_desktop.domain.errors import NotFoundError, ValidationError
from rmab_desktop.services.feature import SettingsSpec
from rmab_desktop.settings import Preferences

# Preferences fields that are not preferences: the file format, window geometry, one-time flags.
NOT_PREFERENCES = frozenset({"version", "window", "extra"})
# Values the Settings dialog offers where the model itself takes any text.
DIALOG_CHOICES: dict[str, tuple[str, ...]] = {"catalog.region": tuple(REGIONS)}
# Keys holding a service's web address: checked like the dialog's address fields (empty clears).
ADDRESS_KEYS = frozenset({"library_backend.plex.url", "library_backend.audiobookshelf.url"})


def shared_settings_specs() -> tuple[SettingsSpec, ...]:
    """The features' settings models kept in the database (the composition root will collect these)."""
    from rmab_desktop.services.downloads.config import CONFIG_KEY as DOWNLOADS_KEY
    from rmab_desktop.services.downloads.config import DownloadSettings
    from rmab_desktop.services.library.backends import CONFIG_KEY as LIBRARY_BACKEND_KEY
    from rmab_desktop.services.library.backends import LibraryBackendConfig
    from rmab_desktop.services.ranking.prefs import CONFIG_KEY as RANKING_KEY
    from rmab_desktop.services.ranking.prefs import RankingPrefs
    from rmab_desktop.services.requests.users import LIMITS_KEY, RequestLimits

    return (
        SettingsSpec(RANKING_KEY, RankingPrefs, "Release ranking"),
        SettingsSpec(DOWNLOADS_KEY, DownloadSettings, "Download clients"),
        SettingsSpec(LIBRARY_BACKEND_KEY, LibraryBackendConfig, "Library backend"),
        SettingsSpec(LIMITS_KEY, RequestLimits, "Request limits"),
    )


@dataclass(frozen=True)
class SettingKey:
    name: str  # dotted, as the user types it
    spec: SettingsSpec | None  # None: a field of the settings file's Preferences
    path: tuple[str, ...]  # field names inside the model
    annotation: Any

    @property
    def model(self) -> type[BaseModel]:
        return Preferences if self.spec is None else self.spec.model

    def allowed(self) -> list[str]:
        """The values a user may give, when there is a short list of them (else empty)."""
        if self.name in DIALOG_CHOICES:
            return list(DIALOG_CHOICES[self.name])
        return _choices(self.annotation)


def _choices(annotation: Any) -> list[str]:
    origin = get_origin(annotation)
    if origin is Literal:
        return [str(value) for value in get_args(annotation)]
    if origin in (Union, types.UnionType):
        parts = [_choices(arg) for arg in get_args(annotation)]
        return [] if not all(parts) else [value for part in parts for value in part]
    if annotation is bool:
        return ["true", "false"]
    if annotation is type(None):
        return ["null"]
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return [str(member.value) for member in annotation]
    return []


def _fields(model: type[BaseModel], prefix: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Any]]:
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from _fields(annotation, (*prefix, name))
        else:
            yield (*prefix, name), annotation


def all_keys(specs: Sequence[SettingsSpec]) -> list[SettingKey]:
    keys = [
        SettingKey(".".join(path), None, path, annotation)
        for path, annotation in _fields(Preferences, ())
        if path[0] not in NOT_PREFERENCES
    ]
    for spec in specs:
        keys += [
            SettingKey(".".join((spec.key, *path)), spec, path, annotation)
            for path, annotation in _fields(spec.model, ())
        ]
    return keys


def find_key(name: str, keys: Sequence[SettingKey]) -> SettingKey:
    for key in keys:
        if key.name == name:
            return key
    names = [key.name for key in keys]
    close = [n for n in names if n.startswith(f"{name}.")] or difflib.get_close_matches(name, names, n=5)
    hint = f"Did you mean: {', '.join(close[:8])}?" if close else "See 'rmab settings list' for every key."
    raise NotFoundError(f"There is no setting '{name}'.", hint=hint)


def read_value(key: SettingKey, model: BaseModel) -> Any:
    value: Any = model.model_dump(mode="json")
    for part in key.path:
        value = value[part]
    return value


def _parse(key: SettingKey, raw: str) -> Any:
    """Text stays text for text fields (``null`` clears an optional one); anything else is JSON."""
    annotation = key.annotation
    takes_text = annotation is str or (
        get_origin(annotation) in (Union, types.UnionType) and str in get_args(annotation)
    )
    if takes_text:
        return None if raw == "null" and type(None) in get_args(annotation) else raw
    try:
        return json.loads(raw)
    except ValueError:
        return raw  # a choice or a word pydantic reads leniently ("yes" for a switch)


def with_value(key: SettingKey, model: BaseModel, raw: str) -> BaseModel:
    """A copy of ``model`` with the key set to ``raw``, validated; the error names what is allowed."""
    allowed = key.allowed()
    example = json.dumps(read_value(key, key.model()), ensure_ascii=False)
    hint = (
        f"{key.name} takes one of: {', '.join(allowed)}"
        if allowed
        else f"e.g. rmab settings set {key.name} '{example}'"
    )
    value = _parse(key, raw)
    if key.name in ADDRESS_KEYS and raw.strip():
        value = require_address(raw, key.name)
    if key.name in DIALOG_CHOICES and value not in DIALOG_CHOICES[key.name]:
        raise ValidationError(f"'{raw}' is not a valid value for {key.name}.", hint=hint)
    data: dict[str, Any] = model.model_dump(mode="json")
    target = data
    for part in key.path[:-1]:
        target = target[part]
    target[key.path[-1]] = value
    try:
        return key.model.model_validate(data)
    except PydanticValidationError as exc:
        reason = exc.errors()[0]["msg"]
        raise ValidationError(f"'{raw}' is not a valid value for {key.name}: {reason}.", hint=hint) from None
