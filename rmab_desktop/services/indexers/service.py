"""Search every configured indexer for a book, fetch release files, and test connections."""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable
from typing import Literal

import httpx

from rmab_desktop.clients._http import new_client, timed_test
from rmab_desktop.clients.internet_archive import InternetArchiveClient
from rmab_desktop.clients.prowlarr import ProwlarrClient, ProwlarrIndexer
from rmab_desktop.clients.torznab import TorznabClient, fetch_release_file
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.errors import ConfigurationError, RmabError, ValidationError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.releases import Protocol, Release
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.credentials import SecretStore
from rmab_desktop.services.indexers.limits import IndexerLimits
from rmab_desktop.services.indexers.models import CONFIG_KEY, IndexerConfig, IndexerType
from rmab_desktop.services.indexers.queries import clean_title, primary_author, query_tiers

log = logging.getLogger(__name__)
tr = Translator("Indexers")
Kind = Literal["audiobook", "ebook"]
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)


@dataclasses.dataclass(frozen=True)
class RssFeedSource:
    """One feed to poll. ``key`` is the indexer's id, or "<Prowlarr id>:<its indexer id>";
    ``daily_limit`` the searches a day the indexer allows (its own report or the user's setting)."""

    key: str
    name: str
    config: IndexerConfig
    prowlarr_id: int | None
    daily_limit: int | None


@dataclasses.dataclass
class SearchReport:
    """What one search did: the queries per indexer and the errors it survived."""

    queries: list[tuple[str, str]] = dataclasses.field(default_factory=list)  # (indexer, query)
    errors: list[tuple[str, RmabError]] = dataclasses.field(default_factory=list)


class IndexerService:
    def __init__(
        self,
        config: ConfigStore,
        credentials: SecretStore,
        *,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        http_factory: Callable[[], httpx.Client] | None = None,
    ) -> None:
        self._config = config
        self._credentials = credentials
        self._http_factory = http_factory or (lambda: new_client(timeout=timeout, follow_redirects=True))
        self.last_report = SearchReport()
        self.limits = IndexerLimits(config)

    # -- configuration ----------------------------------------------------------------------------
    def configs(self) -> list[IndexerConfig]:
        return self._config.get_typed(CONFIG_KEY, list[IndexerConfig], [])

    def save_configs(self, configs: list[IndexerConfig]) -> None:
        self._config.set_typed(CONFIG_KEY, list[IndexerConfig], configs)

    def set_api_key(self, config: IndexerConfig, api_key: str) -> None:
        self._credentials.set(config.secret_name(), api_key)

    def _api_key(self, config: IndexerConfig) -> str | None:
        if config.type is IndexerType.INTERNET_ARCHIVE:
            return None
        key = self._credentials.get(config.secret_name())
        if key is None and config.type is IndexerType.PROWLARR:
            raise ConfigurationError(
                f"No API key is saved for {config.name}.", hint="Enter the API key in Settings > Indexers."
            )
        return key

    # -- search -----------------------------------------------------------------------------------
    def search(
        self,
        book: BookInfo,
        kind: Kind = "audiobook",
        custom_terms: str | None = None,
        *,
        cancel: CancelToken | None = None,
    ) -> list[Release]:
        """Releases from every enabled indexer, de-duplicated by guid (first seen wins).

        Each indexer is asked with the first query tier; only when it finds nothing is the next
        (broader) tier tried. One failing indexer does not stop the others; when all fail, the
        first error is raised."""
        report = SearchReport()
        self.last_report = report
        enabled = [c for c in self.configs() if c.enabled]
        if not enabled:
            raise ConfigurationError(
                tr("No indexer is enabled."), hint=tr("Add an indexer in Settings > Indexers.")
            )
        tiers = query_tiers(book, custom_terms)
        found: dict[str, Release] = {}
        with self._http_factory() as http:
            for config in enabled:
                if cancel is not None:
                    cancel.raise_if_cancelled()
                try:
                    for query in tiers:
                        self.limits.check(config, "api")
                        report.queries.append((config.name, query))
                        releases = self._search_one(config, http, query, book, kind)
                        for release in releases:
                            found.setdefault(release.guid, _with_seed_rules(release, config))
                        if releases:
                            break
                except RmabError as exc:
                    log.warning("indexer %s failed: %s", config.name, exc)
                    report.errors.append((config.name, exc))
        if report.errors and len(report.errors) == len(enabled):
            raise report.errors[0][1]
        return list(found.values())

    def _search_one(
        self, config: IndexerConfig, http: httpx.Client, query: str, book: BookInfo, kind: Kind
    ) -> list[Release]:
        categories = config.categories if kind == "audiobook" else config.ebook_categories
        if config.type is IndexerType.PROWLARR:
            self.limits.count(config, "api")
            return self._search_prowlarr(config, http, query, kind)
        if config.type is IndexerType.INTERNET_ARCHIVE:
            return [] if kind == "ebook" else self._search_archive(config, http, query, book)
        protocol: Protocol = "usenet" if config.type is IndexerType.NEWZNAB else "torrent"
        client = TorznabClient(
            config.url,
            self._api_key(config),
            name=config.name,
            protocol=protocol,
            priority=config.priority,
            http=http,
        )
        try:
            return client.search(query, categories or None)
        finally:
            self.limits.count(config, "api", client.last_limits)

    def _search_archive(
        self, config: IndexerConfig, http: httpx.Client, query: str, book: BookInfo
    ) -> list[Release]:
        client = InternetArchiveClient(config.url or "https://archive.org", http=http)
        title, author = clean_title(book.title), primary_author(book)
        docs = (
            client.search(title, author) if author and query == f"{title} {author}" else client.search(query)
        )
        releases = (client.release(str(doc["identifier"]), priority=config.priority) for doc in docs[:5])
        return [release for release in releases if release is not None]

    def _search_prowlarr(
        self, config: IndexerConfig, http: httpx.Client, query: str, kind: Kind
    ) -> list[Release]:
        client = ProwlarrClient(config.url, self._api_key(config) or "", http=http)
        indexers = [i for i in client.indexers() if i.enabled]
        per_indexer = config.indexer_categories if kind == "audiobook" else config.indexer_ebook_categories
        default = config.categories if kind == "audiobook" else config.ebook_categories
        groups: dict[tuple[int, ...], list[int]] = {}
        for indexer in indexers:
            categories = tuple(sorted(per_indexer.get(indexer.id, default)))
            if categories:  # an empty list skips that indexer for this kind
                groups.setdefault(categories, []).append(indexer.id)
        priorities = {i.id: i.priority for i in indexers}
        releases: list[Release] = []
        for categories, ids in groups.items():
            releases += client.search(query, list(categories), ids, priorities=priorities)
        return releases

    # -- RSS feeds -------------------------------------------------------------------------------
    def rss_feeds(self) -> list[RssFeedSource]:
        """Every feed to poll: each enabled Torznab/Newznab indexer, and each enabled indexer behind
        an enabled Prowlarr (its list is asked here). A Prowlarr that cannot be asked is skipped
        and reported in ``last_report``."""
        report = SearchReport()
        self.last_report = report
        feeds: list[RssFeedSource] = []
        for config in self.configs():
            if not config.enabled or config.type is IndexerType.INTERNET_ARCHIVE:
                continue
            if config.type is not IndexerType.PROWLARR:
                feeds.append(
                    RssFeedSource(config.id, config.name, config, None, self.limits.limit(config, "api"))
                )
                continue
            try:
                listed = self.prowlarr_indexers(config)
            except RmabError as exc:
                report.errors.append((config.name, exc))
                continue
            feeds += [
                RssFeedSource(f"{config.id}:{i.id}", i.name, config, i.id, i.query_limit)
                for i in listed
                if i.enabled
            ]
        return feeds

    def rss_items(self, feed: RssFeedSource, *, page_size: int = 100) -> list[Release]:
        """The newest items of one feed (audiobook and ebook categories), counted against its limits."""
        config = feed.config
        self.limits.check(config, "api")
        with self._http_factory() as http:
            if feed.prowlarr_id is not None:
                self.limits.count(config, "api")
                per_book = config.indexer_categories.get(feed.prowlarr_id, config.categories)
                per_ebook = config.indexer_ebook_categories.get(feed.prowlarr_id, config.ebook_categories)
                client = ProwlarrClient(config.url, self._api_key(config) or "", http=http)
                releases = client.search(
                    "", sorted({*per_book, *per_ebook}), [feed.prowlarr_id], limit=page_size
                )
            else:
                protocol: Protocol = "usenet" if config.type is IndexerType.NEWZNAB else "torrent"
                torznab = TorznabClient(
                    config.url,
                    self._api_key(config),
                    name=config.name,
                    protocol=protocol,
                    priority=config.priority,
                    http=http,
                )
                try:
                    releases = torznab.recent(
                        sorted({*config.categories, *config.ebook_categories}) or None, limit=page_size
                    )
                finally:
                    self.limits.count(config, "api", torznab.last_limits)
        return [_with_seed_rules(release, config) for release in releases]

    def rss_page_size(self, feed: RssFeedSource) -> int | None:
        """How many items one feed page may hold, as the indexer's caps (``<limits max>``) say."""
        if feed.prowlarr_id is not None:
            return None
        config = feed.config
        protocol: Protocol = "usenet" if config.type is IndexerType.NEWZNAB else "torrent"
        with self._http_factory() as http:
            caps = TorznabClient(
                config.url, self._api_key(config), name=config.name, protocol=protocol, http=http
            ).caps()
        return caps.max_limit

    # -- grab ------------------------------------------------------------------------------------
    def fetch_release_file(self, release: Release) -> bytes | str:
        """The .torrent/.nzb bytes of a release, or its magnet link."""
        if release.protocol == "http":
            raise ValidationError(
                "This release is downloaded directly over HTTP, not through a download client.",
                hint="Use the direct HTTP downloader with the release's files.",
            )
        if not release.download_url:
            if release.magnet_url:
                return release.magnet_url
            raise ValidationError(f"'{release.title}' has no download link.")
        config = self._config_for(release)
        if config is not None:
            self.limits.check(config, "grab")
        with self._http_factory() as http:
            if config is not None and config.type is IndexerType.PROWLARR:
                fetched = ProwlarrClient(
                    config.url, self._api_key(config) or "", http=http
                ).fetch_release_file(release.download_url)
            else:
                name = config.name if config else (release.indexer or "Indexer")
                fetched = fetch_release_file(http, name, release.download_url)
        if config is not None:
            self.limits.count(config, "grab")
        return fetched

    def _config_for(self, release: Release) -> IndexerConfig | None:
        configs = self.configs()
        if release.indexer_id is not None:
            prowlarr = [c for c in configs if c.type is IndexerType.PROWLARR]
            if prowlarr:
                return prowlarr[0]
        return next((c for c in configs if c.name == release.indexer), None)

    def prowlarr_indexers(self, config: IndexerConfig, api_key: str | None = None) -> list[ProwlarrIndexer]:
        """The indexers a Prowlarr instance offers (to choose categories per indexer)."""
        key = api_key if api_key is not None else self._api_key(config)
        with self._http_factory() as http:
            return ProwlarrClient(config.url, key or "", http=http).indexers()

    # -- test ------------------------------------------------------------------------------------
    def test(self, config: IndexerConfig, api_key: str | None = None) -> ConnectionTestResult:
        """Try the indexer with the given (or saved) API key; a result the UI can show as is."""

        def probe() -> str:
            key = api_key if api_key is not None else self._api_key(config)
            with self._http_factory() as http:
                if config.type is IndexerType.PROWLARR:
                    client = ProwlarrClient(config.url, key or "", http=http)
                    status = client.status()
                    count = len([i for i in client.indexers() if i.enabled])
                    return tr.n("Prowlarr {version} answered with %n enabled indexer(s).", count).format(
                        version=status.get("version", "")
                    )
                if config.type is IndexerType.INTERNET_ARCHIVE:
                    InternetArchiveClient(config.url or "https://archive.org", http=http).search(
                        "test", rows=1
                    )
                    return tr("The Internet Archive answered.")
                protocol: Protocol = "usenet" if config.type is IndexerType.NEWZNAB else "torrent"
                caps = TorznabClient(config.url, key, name=config.name, protocol=protocol, http=http).caps()
                wanted = set(config.categories)
                missing = wanted - caps.category_ids() if caps.categories else set()
                title = caps.server_title or config.name
                answered = tr.n("{title} answered with %n category code(s).", len(caps.category_ids()))
                if missing:  # a second sentence, not a fragment
                    unlisted = ", ".join(str(c) for c in sorted(missing))
                    answered += " " + tr("It does not list categories {categories}.").format(
                        categories=unlisted
                    )
                return answered.format(title=title)

        def probe_with_use() -> str:  # the Service status page shows today's use against the limits
            return f"{probe()} {self.limits.summary(config)}"

        started = time.perf_counter()
        result = timed_test(config.name, probe_with_use)
        log.info(
            "indexer test %s: %s (%.0f ms)", config.name, result.ok, (time.perf_counter() - started) * 1000
        )
        return result


def _with_seed_rules(release: Release, config: IndexerConfig) -> Release:
    if config.seed_ratio is None and config.seed_minutes is None:
        return release
    return dataclasses.replace(
        release,
        minimum_ratio=config.seed_ratio if config.seed_ratio is not None else release.minimum_ratio,
        minimum_seed_minutes=config.seed_minutes
        if config.seed_minutes is not None
        else release.minimum_seed_minutes,
    )
