"""One RSS poll: each indexer feed's newest items, matched against every request waiting for a
release with the same ranking gate as a search, and a match grabbed at once through the grab job.

A feed is polled no more often than its daily search limit allows (at most half of it goes to
the feed, the rest stays for searches); items already seen, in this feed or grabbed from any,
are never matched again, so a release is grabbed once, across polls and restarts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from rmab_desktop.db.models import utcnow
from rmab_desktop.domain.enums import RequestStatus
from rmab_desktop.domain.errors import RmabError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.releases import RankedRelease, Release
from rmab_desktop.domain.requests import RequestDetails
from rmab_desktop.services.indexers.service import IndexerService, RssFeedSource
from rmab_desktop.services.pipeline.acquisition import Acquisition
from rmab_desktop.services.pipeline.candidates import MAX_CANDIDATES
from rmab_desktop.services.rss.store import RssStore

log = logging.getLogger(__name__)
tr = Translator("RssMonitor")

RSS_SHARE = 0.5  # of an indexer's daily searches, at most this part goes to polling its feed
DEFAULT_PAGE_SIZE = 100
SLACK = timedelta(minutes=1)  # a schedule firing a little early still polls


class WaitingRequests(Protocol):
    def list(self, *, statuses: list[RequestStatus] | None = None) -> list[RequestDetails]: ...

    def set_status(self, request_id: int, status: RequestStatus, message: str, **kwargs: Any) -> Any: ...


@dataclass
class FeedReport:
    key: str
    name: str
    items: int = 0
    new: int = 0
    grabbed: list[tuple[int, str]] = field(default_factory=list)  # (request id, release title)
    skipped: str | None = None  # why the feed was not polled now
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "feed": self.key,
            "name": self.name,
            "items": self.items,
            "new": self.new,
            "grabbed": [{"request_id": rid, "release": title} for rid, title in self.grabbed],
            "skipped": self.skipped,
            "error": self.error,
        }


def min_gap(daily_limit: int | None) -> timedelta:
    """The shortest time between two polls of a feed whose indexer allows ``daily_limit`` searches."""
    if not daily_limit:
        return timedelta(0)
    return timedelta(days=1) / max(daily_limit * RSS_SHARE, 1)


class RssMonitor:
    def __init__(
        self,
        indexers: IndexerService,
        store: RssStore,
        acquisition: Acquisition,
        requests: WaitingRequests,
        *,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.indexers = indexers
        self.store = store
        self.acquisition = acquisition
        self.requests = requests
        self.clock = clock

    def poll(self, feed_key: str | None = None) -> list[FeedReport]:
        """Poll every feed (or the one with ``feed_key``) that is due; one failing does not stop the others."""
        reports = []
        feeds = self.indexers.rss_feeds()
        for name, error in self.indexers.last_report.errors:
            reports.append(FeedReport(name, name, error=error.user_message))
        for feed in feeds:
            if feed_key is None or feed.key == feed_key:
                reports.append(self._poll_feed(feed))
        return reports

    def _poll_feed(self, feed: RssFeedSource) -> FeedReport:
        report = FeedReport(feed.key, feed.name)
        now = self.clock()
        state = self.store.feed(feed.key)
        if state is not None and state.last_polled_at is not None:
            due = state.last_polled_at + min_gap(feed.daily_limit) - SLACK
            if now < due:
                report.skipped = tr(
                    "polled {minutes} min ago; its limit of {limit} searches a day allows no more"
                ).format(
                    minutes=int((now - state.last_polled_at).total_seconds() // 60), limit=feed.daily_limit
                )
                return report
        page_size = state.page_size if state is not None else None
        try:
            if page_size is None and feed.prowlarr_id is None:
                page_size = self._page_size(feed)
            releases = self.indexers.rss_items(feed, page_size=page_size or DEFAULT_PAGE_SIZE)
        except RmabError as exc:
            report.error = exc.user_message
            log.warning("RSS feed %s failed: %s", feed.name, exc)
            self.store.record_poll(feed.key, feed.name, at=now, error=exc.user_message, page_size=page_size)
            return report
        new = self.store.unseen(feed.key, releases)
        report.items, report.new = len(releases), len(new)
        grabbed = self._match(feed, new, report) if new else {}
        self.store.remember(feed.key, new, grabbed, at=now)
        self.store.record_poll(feed.key, feed.name, at=now, new_items=len(new), page_size=page_size)
        return report

    def _page_size(self, feed: RssFeedSource) -> int | None:
        try:
            return self.indexers.rss_page_size(feed)
        except RmabError as exc:  # the feed itself may still answer; the default page size is used
            log.info("RSS feed %s: no caps (%s)", feed.name, exc)
            return None

    def _match(self, feed: RssFeedSource, releases: list[Release], report: FeedReport) -> dict[str, int]:
        """Grab for each waiting request the new releases the gate accepts; guid -> request id."""
        taken = self.store.grabbed_before(releases)
        grabbed: dict[str, int] = {}
        deps = self.acquisition.deps
        for details in self.requests.list(statuses=[RequestStatus.AWAITING_SEARCH]):
            pool = [r for r in releases if r.guid not in taken]
            if not pool:
                break
            ranked = deps.rank(details.book, pool, False, details.kind.value)
            candidates = [
                r
                for r in ranked
                if r.accepted and not deps.blocklist.is_blocked(details.audiobook_id, r.release)
            ][:MAX_CANDIDATES]
            if not candidates:
                continue
            self._grab(feed, details, candidates)
            best = candidates[0].release
            report.grabbed.append((details.id, best.title))
            for candidate in candidates:
                taken.add(candidate.release.guid)
                grabbed[candidate.release.guid] = details.id
        return grabbed

    def _grab(self, feed: RssFeedSource, details: RequestDetails, candidates: list[RankedRelease]) -> None:
        best = candidates[0].release
        self.requests.set_status(
            details.id,
            RequestStatus.SEARCHING,
            tr("Found “{release}” in the new releases of {indexer}").format(
                release=best.title, indexer=feed.name
            ),
        )
        self.acquisition.enqueue_grab(details.id, candidates)
