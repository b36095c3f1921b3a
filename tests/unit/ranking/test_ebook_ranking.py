"""Ebook requests: the same identity gate, no runtime rules, audio releases rejected, EPUB preferred."""

from __future__ import annotations

from rmab_desktop.domain.releases import Release
from rmab_desktop.services.ranking import rank_releases
from tests.unit.ranking.books import DUNE

MB = 1024 * 1024


def test_ebook_ranking() -> None:
    releases = [
        Release(guid="pdf", title="Frank Herbert - Dune [PDF]", size_bytes=8 * MB, categories=(7020,)),
        Release(
            guid="epub", title="Frank Herbert - Dune (retail) [EPUB]", size_bytes=2 * MB, categories=(7020,)
        ),
        Release(guid="audio", title="Frank Herbert - Dune [M4B]", size_bytes=600 * MB, categories=(3030,)),
        Release(guid="messiah", title="Frank Herbert - Dune Messiah [EPUB]", size_bytes=2 * MB),
        Release(guid="huge", title="Frank Herbert - Dune [EPUB]", size_bytes=900 * MB),
    ]
    ranked = rank_releases(DUNE, releases, kind="ebook")
    assert [(r.release.guid, r.accepted) for r in ranked][:2] == [("epub", True), ("pdf", True)]
    rejected = {r.release.guid: r.reasons for r in ranked if not r.accepted}
    assert set(rejected) == {"audio", "messiah", "huge"}
    assert any("not an ebook" in reason for reason in rejected["audio"])
    assert any("too large for an ebook" in reason for reason in rejected["huge"])
    # the same ebook releases are rejected for an audiobook request
    assert not any(r.accepted for r in rank_releases(DUNE, releases[:2]))


def test_flags_are_matched_however_indexers_spell_them() -> None:
    for flags in [("G_Freeleech",), ("freeleech", "FreeLeech"), ("FreeLeech",)]:
        release = Release(
            guid="x", title="Frank Herbert - Dune [M4B]", size_bytes=600 * MB, seeders=5, flags=flags
        )
        [ranked] = rank_releases(DUNE, [release])
        assert ranked.parts["flags"] == 10.0, flags
    release = Release(
        guid="y", title="Frank Herbert - Dune [M4B]", size_bytes=600 * MB, seeders=5, flags=("DoubleUpload",)
    )
    assert rank_releases(DUNE, [release])[0].parts["flags"] == 2.0
