"""Daily API and grab limits per indexer: what the indexer reports (Newznab ``apilimits``) or what
the user sets in its settings, with today's use counted here (config key ``indexer_usage``).

A search skips an indexer whose searches are used up (the others still answer); a grab from one
whose grabs are used up waits instead of blocklisting the release. The day is the UTC day.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, Literal

from rmab_desktop.clients.torznab import ApiLimits
from rmab_desktop.db.models import utcnow
from rmab_desktop.domain.errors import ServiceError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.indexers.models import IndexerConfig

tr = Translator("IndexerLimits")

USAGE_KEY = "indexer_usage"
Use = Literal["api", "grab"]
# Whole phrases per use, so each language words them its own way.
REACHED = {
    "api": tr.mark("{name} has used {used} of its {limit} searches today."),
    "grab": tr.mark("{name} has used {used} of its {limit} grabs today."),
}


class IndexerLimitError(ServiceError):
    hint = tr.mark(
        "It is tried again once the indexer's day starts over; raise the limit in Settings > Indexers."
    )


@dataclass
class Usage:
    day: str
    api: int = 0
    grab: int = 0
    api_max: int | None = None  # as the indexer last reported them
    grab_max: int | None = None


class IndexerLimits:
    def __init__(self, config: ConfigStore, *, clock: Callable[[], datetime] = utcnow) -> None:
        self._config = config
        self._clock = clock

    def _today(self) -> str:
        return self._clock().date().isoformat()

    def _all(self) -> dict[str, Any]:
        data = self._config.get_raw(USAGE_KEY)
        return data if isinstance(data, dict) else {}

    def usage(self, indexer: IndexerConfig) -> Usage:
        today = self._today()
        stored = self._all().get(indexer.id)
        if isinstance(stored, dict) and stored.get("day") == today:
            known = {k: stored.get(k) for k in ("api", "grab", "api_max", "grab_max")}
            return Usage(
                today, int(known["api"] or 0), int(known["grab"] or 0), known["api_max"], known["grab_max"]
            )
        return Usage(today)

    def _save(self, indexer: IndexerConfig, usage: Usage) -> None:
        data = self._all()
        data[indexer.id] = asdict(usage)
        self._config.set_raw(USAGE_KEY, data)

    def limit(self, indexer: IndexerConfig, use: Use) -> int | None:
        """The user's limit when set, else the indexer's reported one."""
        own = indexer.api_limit if use == "api" else indexer.grab_limit
        usage = self.usage(indexer)
        return own if own is not None else (usage.api_max if use == "api" else usage.grab_max)

    def check(self, indexer: IndexerConfig, use: Use) -> None:
        """Raise IndexerLimitError when today's ``use`` has reached the indexer's limit."""
        limit = self.limit(indexer, use)
        used = getattr(self.usage(indexer), use)
        if limit is not None and used >= limit:
            raise IndexerLimitError(
                REACHED[use], service=indexer.name, name=indexer.name, used=used, limit=limit
            )

    def count(self, indexer: IndexerConfig, use: Use, reported: ApiLimits | None = None) -> None:
        """One more ``use`` today; a report from the indexer corrects the count and the limits."""
        usage = self.usage(indexer)
        setattr(usage, use, getattr(usage, use) + 1)
        if reported is not None:
            usage.api = max(usage.api, reported.api_current or 0)
            usage.grab = max(usage.grab, reported.grab_current or 0)
            usage.api_max = reported.api_max if reported.api_max is not None else usage.api_max
            usage.grab_max = reported.grab_max if reported.grab_max is not None else usage.grab_max
        self._save(indexer, usage)

    def summary(self, indexer: IndexerConfig) -> str:
        """``"Today: 44 of 50 searches, 1 of 5 grabs."``; the Service status page shows it."""
        usage = self.usage(indexer)
        api_limit, grab_limit = self.limit(indexer, "api"), self.limit(indexer, "grab")
        searches = (
            tr("{used} of {limit} searches").format(used=usage.api, limit=api_limit)
            if api_limit is not None
            else tr.n("%n search(es)", usage.api)
        )
        grabs = (
            tr("{used} of {limit} grabs").format(used=usage.grab, limit=grab_limit)
            if grab_limit is not None
            else tr.n("%n grab(s)", usage.grab)
        )
        return tr("Today: {searches}, {grabs}.").format(searches=searches, grabs=grabs)
