"""The gate rule for free ebook sources (Project Gutenberg, Standard Ebooks, Internet Archive):
only an edition the source marks as public domain may be taken. Releases from indexers carry no
``public_domain`` mark and are left to the main gate."""

from __future__ import annotations

from rmab_desktop.domain.releases import Release
from rmab_desktop.services.ranking.gate import GateResult

MARK = "public_domain"


def check_public_domain(release: Release, result: GateResult) -> None:
    if MARK in release.extra and release.extra[MARK] is not True:
        result.reject(f"{release.indexer or 'the source'} does not list this edition as public domain")
