"""Ranking of indexer releases for one book: reject first, then order, and explain every result."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.releases import RankedRelease, Release
from rmab_desktop.services.ranking.book_terms import book_terms
from rmab_desktop.services.ranking.free_sources import check_public_domain
from rmab_desktop.services.ranking.gate import evaluate
from rmab_desktop.services.ranking.prefs import CONFIG_KEY, RankingPrefs
from rmab_desktop.services.ranking.scoring import score

tr = Translator("ReleaseRanking")  # one context for every ranking reason and verdict

__all__ = ["CONFIG_KEY", "RankingPrefs", "rank_releases"]


def rank_releases(
    book: BookInfo,
    releases: Iterable[Release],
    prefs: RankingPrefs | None = None,
    interactive: bool = False,
    *,
    kind: str = "audiobook",
    now: datetime | None = None,
) -> list[RankedRelease]:
    """Every release with its verdict, score parts and reasons; best first, accepted before rejected.

    ``interactive`` relaxes only the "an author must be named" rule: the user is choosing.
    ``kind="ebook"`` ranks ebook releases (no runtime/bitrate rules; audio releases rejected)."""
    prefs = prefs or RankingPrefs()
    terms = book_terms(book)
    now = now or datetime.now(UTC)
    ranked = []
    for release in releases:
        gate = evaluate(
            release, terms, prefs, interactive=interactive, runtime_minutes=book.runtime_minutes, kind=kind
        )
        check_public_domain(release, gate)
        parts, reasons = score(release, gate, prefs, book.runtime_minutes, now, kind=kind)
        total = round(sum(parts.values()), 2)
        verdict = [tr("Accepted: this is the wanted book")] if gate.accepted else []
        gate_reasons = sorted(gate.reasons, key=lambda reason: reason not in gate.rejections)
        ranked.append(RankedRelease(release, gate.accepted, total, parts, verdict + gate_reasons + reasons))

    def key(item: RankedRelease) -> tuple[bool, float, float]:
        published = item.release.publish_date
        stamp = published.timestamp() if published is not None else 0.0
        return (not item.accepted, -item.score, -stamp)

    return sorted(ranked, key=key)
