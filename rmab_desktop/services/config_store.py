"""Household-wide configuration in the database (indexers, clients, ranking ...), typed by pydantic.

Secrets never go here: a model holds the keyring name of its secret, and the value lives in the
CredentialStore.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import ConfigEntry

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)


class ConfigStore:
    def __init__(self, database: Database) -> None:
        self.database = database

    def get_raw(self, key: str) -> Any:
        with self.database.session() as session:
            row = session.get(ConfigEntry, key)
            return None if row is None else row.value

    def set_raw(self, key: str, value: Any) -> None:
        with self.database.session() as session:
            row = session.get(ConfigEntry, key)
            if row is None:
                session.add(ConfigEntry(key=key, value=value))
            else:
                row.value = value

    def get_model(self, key: str, model: type[M]) -> M:
        """The stored model, or its defaults when nothing is stored yet."""
        raw = self.get_raw(key)
        return model.model_validate(raw) if raw is not None else model()

    def set_model(self, key: str, value: BaseModel) -> None:
        self.set_raw(key, value.model_dump(mode="json"))

    def get_typed(self, key: str, type_: type[T] | Any, default: T) -> T:
        """For lists of models, e.g. ``get_typed("indexers", list[IndexerConfig], [])``."""
        raw = self.get_raw(key)
        return default if raw is None else TypeAdapter(type_).validate_python(raw)

    def set_typed(self, key: str, type_: type[T] | Any, value: T) -> None:
        self.set_raw(key, TypeAdapter(type_).dump_python(value, mode="json"))
