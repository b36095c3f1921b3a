"""The checks of the app's own services, read from their configuration at every run.

Each provider looks its owner up on the core when it runs (``getattr``), so the order in which
features are composed does not matter and a feature that is absent simply has no card.
Checks are cheap: a suggestion lookup for Audible, each owner's ``test()`` for the rest
(without the download folder probe, which writes a file).
"""

from __future__ import annotations

import time
from typing import Any

from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.services.health.checks import HealthRegistry, ServiceCheck

LIBRARY_NAMES = {"folder": "Library folder", "plex": "Plex", "audiobookshelf": "Audiobookshelf"}


def _timed(call: Any, ok_message: str) -> ConnectionTestResult:
    started = time.monotonic()
    call()
    return ConnectionTestResult(True, ok_message, latency_ms=(time.monotonic() - started) * 1000)


def audible_checks(catalog: Any) -> list[ServiceCheck]:
    if catalog is None:
        return []
    region = catalog.default_region()
    test = getattr(catalog, "test", None)
    run = (
        test
        if callable(test)
        else lambda: _timed(lambda: catalog.suggestions("the", region), "Audible answers.")
    )
    return [ServiceCheck(f"audible:{region}", f"Audible ({region})", "audible", run)]


def indexer_checks(indexers: Any) -> list[ServiceCheck]:
    if indexers is None or not hasattr(indexers, "configs"):
        return []
    return [
        ServiceCheck(
            f"indexer:{config.id}",
            config.name or str(config.type),
            "indexer",
            lambda config=config: indexers.test(config),
        )
        for config in indexers.configs()
        if getattr(config, "enabled", True)
    ]


def download_client_checks(downloads: Any) -> list[ServiceCheck]:
    if downloads is None:
        return []
    return [
        ServiceCheck(
            f"download_client:{config.id}",
            config.name or str(config.kind),
            "download_client",
            lambda config=config: downloads.test(config, check_mapping=False),
        )
        for config in downloads.configs()
        if config.enabled and config.kind != "direct_http"  # built in: nothing remote to check
    ]


def library_checks(library: Any) -> list[ServiceCheck]:
    if library is None:
        return []
    kind = str(library.backend_config().kind.value)
    if kind == "folder" and not library.library_root():
        return []  # nothing chosen yet (first run): not a service that is down
    return [ServiceCheck(f"library:{kind}", LIBRARY_NAMES.get(kind, kind), "library", library.test)]


PROVIDERS = {
    "audible": ("catalog", audible_checks),
    "indexers": ("indexers", indexer_checks),
    "download_clients": ("downloads", download_client_checks),
    "library": ("library", library_checks),
}


def install(registry: HealthRegistry, core: Any) -> None:
    """Register a provider per feature; each reads ``core.<attribute>`` when it runs."""
    for name, (attribute, build) in PROVIDERS.items():
        registry.add(name, lambda attribute=attribute, build=build: build(getattr(core, attribute, None)))
