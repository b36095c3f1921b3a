"""What the health service checks: a registry of providers, each yielding the checks of one kind.

Providers are called on every run, so a service added or removed in Settings is picked up at
the next check. A provider that fails is logged and skipped; it never hides the other services.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.i18n import Marked, Translator

log = logging.getLogger(__name__)

_tr = Translator("ServiceKinds")

# Shown through rmab_desktop.domain.i18n.text().
KIND_TITLES: dict[str, Marked] = {
    "audible": _tr.mark("Audible catalog"),
    "indexer": _tr.mark("Indexer"),
    "download_client": _tr.mark("Download client"),
    "library": _tr.mark("Library server"),
    "notifications": _tr.mark("Notifications"),
}


@dataclass(frozen=True)
class ServiceCheck:
    key: str  # stable across runs, e.g. "indexer:prowlarr-1"
    name: str  # what the user calls it, e.g. "Prowlarr"
    kind: str  # a KIND_TITLES key
    run: Callable[[], ConnectionTestResult]


CheckProvider = Callable[[], Iterable[ServiceCheck]]


class HealthRegistry:
    def __init__(self) -> None:
        self._providers: dict[str, CheckProvider] = {}

    def add(self, name: str, provider: CheckProvider) -> None:
        """Register (or replace) the provider called ``name``."""
        self._providers[name] = provider

    @property
    def names(self) -> list[str]:
        return sorted(self._providers)

    def checks(self) -> list[ServiceCheck]:
        found: dict[str, ServiceCheck] = {}
        for name, provider in self._providers.items():
            try:
                for check in provider():
                    found.setdefault(check.key, check)
            except Exception:
                log.exception("Health check provider '%s' failed; its services are skipped", name)
        return list(found.values())
