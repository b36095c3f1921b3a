"""Indexer configuration (household-wide, config key "indexers"); the API key lives in the keyring."""

from __future__ import annotations

import uuid
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from rmab_desktop.domain.releases import DEFAULT_INDEXER_PRIORITY

CONFIG_KEY = "indexers"
AUDIOBOOK_CATEGORIES = [3030]
EBOOK_CATEGORIES = [7020]


class IndexerType(StrEnum):
    PROWLARR = "prowlarr"
    TORZNAB = "torznab"
    NEWZNAB = "newznab"
    INTERNET_ARCHIVE = "internet_archive"


class IndexerConfig(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str = Field(default_factory=lambda: uuid.uuid4().hex[:12])
    name: str = "Indexer"
    type: IndexerType = IndexerType.TORZNAB
    url: str = ""
    api_key_name: str | None = None  # keyring entry name, never the key itself
    categories: list[int] = Field(default_factory=lambda: list(AUDIOBOOK_CATEGORIES))
    ebook_categories: list[int] = Field(default_factory=lambda: list(EBOOK_CATEGORIES))
    # Prowlarr only: categories per Prowlarr indexer id (missing -> ``categories``; [] -> skipped).
    indexer_categories: dict[int, list[int]] = Field(default_factory=dict)
    indexer_ebook_categories: dict[int, list[int]] = Field(default_factory=dict)
    priority: int = Field(default=DEFAULT_INDEXER_PRIORITY, ge=1, le=50)
    enabled: bool = True
    seed_ratio: float | None = Field(default=None, ge=0)
    seed_minutes: int | None = Field(default=None, ge=0)
    # Daily limits the user sets (else the ones the indexer reports are used); None: no limit.
    api_limit: int | None = Field(default=None, ge=0)
    grab_limit: int | None = Field(default=None, ge=0)

    @field_validator("url")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()

    def secret_name(self) -> str:
        """The keyring name this indexer's API key is saved under."""
        return self.api_key_name or f"indexer:{self.id}:api-key"
