"""Indexers: configuration, query tiers and searching across Prowlarr, Torznab/Newznab and IA."""

from __future__ import annotations

from functools import partial

from rmab_desktop.services.feature import Feature
from rmab_desktop.services.health.checks import ServiceCheck
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
    "feature",
    "query_tiers",
]


def indexer_checks(indexers: IndexerService) -> list[ServiceCheck]:
    return [
        ServiceCheck(
            f"indexer:{config.id}",
            config.name or str(config.type),
            "indexer",
            partial(indexers.test, config),
        )
        for config in indexers.configs()
        if config.enabled
    ]


def feature(indexers: IndexerService) -> Feature:
    return Feature(name="indexers", health_checks=(lambda: indexer_checks(indexers),))
