"""Indexers: configuration, query tiers and searching across Prowlarr, Torznab/Newznab and IA."""

from rmab_desktop.services.indexers.models import CONFIG_KEY, IndexerConfig, IndexerType
from rmab_desktop.services.indexers.queries import clean_title, query_tiers
from rmab_desktop.services.indexers.service import IndexerService, SearchReport

__all__ = [
    "CONFIG_KEY",
    "IndexerConfig",
    "IndexerService",
    "IndexerType",
    "SearchReport",
    "clean_title",
    "query_tiers",
]
