"""Import an existing library: scan, proposals with confidence, linking, move preview and moves."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import Audiobook, LibraryItem
from rmab_desktop.services.library.importing import LibraryImport
from rmab_desktop.services.organize.template import DEFAULT_TEMPLATE
from tests.audiofiles import make_audio
from tests.library_helpers import WaitingRequests, old_library, seed_candidates  # noqa: F401 - fixture


def test_proposals_link_and_move(database: Database, old_library: Path, tmp_path: Path) -> None:  # noqa: F811
    seed_candidates(database)
    workflow = LibraryImport(database)
    books = workflow.scan(str(old_library))
    candidates = workflow.candidates()
    assert [c.key for c in candidates] == ["ab:1", "cat:B0BRT8VZZ5:us", "cat:B000000001:us"]
    proposals = {p.book.title: p for p in workflow.propose(str(old_library), books, candidates)}
    leckie, dispossessed, mystery = (
        proposals["Ancillary Justice"],
        proposals["The Dispossessed"],
        proposals["Mystery Tape"],
    )
    assert leckie.confident and leckie.candidate.audiobook_id == 1 and "ASIN" in leckie.reason.upper()
    assert dispossessed.candidate is not None and dispossessed.candidate.book.asin == "B0BRT8VZZ5"
    assert mystery.candidate is None and not mystery.confident

    # nothing is linked or moved before the user decides
    with database.session() as session:
        assert session.scalars(select(LibraryItem.audiobook_id)).all() == [None, None, None]
    decisions = [(leckie, leckie.candidate), (dispossessed, dispossessed.candidate)]
    assert workflow.link(decisions) == 2
    with database.session() as session:
        linked = dict(session.execute(select(LibraryItem.title, LibraryItem.audiobook_id)).all())
        tracked = session.scalar(select(Audiobook).where(Audiobook.asin == "B0BRT8VZZ5"))
        assert tracked is not None and tracked.library_path == dispossessed.folder
    assert linked == {"Ancillary Justice": 1, "The Dispossessed": tracked.id, "Mystery Tape": None}

    library = tmp_path / "Library"
    library.mkdir()
    plans = workflow.plan_moves(decisions, str(library), DEFAULT_TEMPLATE)
    assert [p.target_rel for p in plans] == [
        "Ann Leckie/Imperial Radch/Book 1 - Ancillary Justice {Adjoa Andoh} [B00FO5O1NM]",
        "Ursula K. Le Guin/The Dispossessed {Don Leslie} [B0BRT8VZZ5]",
    ]
    assert all(p.problem is None for p in plans)
    assert (old_library / "Ann Leckie" / "Ancillary Justice [B00FO5O1NM]" / "01.mp3").exists()  # preview only

    (library / plans[1].target_rel).mkdir(parents=True)  # something already there: not overwritten
    plans = workflow.plan_moves(decisions, str(library), DEFAULT_TEMPLATE)
    assert plans[1].problem == "a folder with this name already exists"
    report = workflow.move(plans, str(library), DEFAULT_TEMPLATE)
    assert report.moved == [plans[0].target] and report.failed == [(plans[1].folder, plans[1].problem)]
    moved = sorted(p.name for p in Path(plans[0].target).iterdir() if not p.name.startswith("."))
    assert moved == ["Ancillary Justice.mp3"]
    assert not (old_library / "Ann Leckie" / "Ancillary Justice [B00FO5O1NM]").exists()
    assert (old_library / "Ursula K. Le Guin" / "The Dispossessed" / "part 1.mp3").exists()
    with database.session() as session:
        assert session.get(Audiobook, 1).library_path == plans[0].target


def test_confirmed_links_make_waiting_requests_available(database: Database, old_library: Path) -> None:  # noqa: F811
    from rmab_desktop.domain.books import BookInfo

    seed_candidates(database)
    waiting = WaitingRequests({5: BookInfo(title="Ancillary Justice", asin="B00FO5O1NM", authors=("Ann Leckie",)),
                        6: BookInfo(title="Mystery Tape", authors=("Nobody",))})  # fmt: skip
    workflow = LibraryImport(database, requests=waiting)
    proposals = workflow.propose(str(old_library), workflow.scan(str(old_library)), workflow.candidates())
    leckie = next(p for p in proposals if p.confident and p.book.title == "Ancillary Justice")
    workflow.link([(leckie, leckie.candidate)])
    assert [request_id for request_id, _ in waiting.available] == [5]  # unconfirmed books stay waiting


def test_unknown_asins_are_looked_up_in_the_catalog(database: Database, old_library: Path) -> None:  # noqa: F811
    from rmab_desktop.domain.books import BookInfo
    from rmab_desktop.domain.errors import ServiceUnreachableError

    make_audio(old_library / "Nobody" / "Offline Book [B0OFFLINE1]" / "a.mp3", album="Offline Book")
    asked: list[str] = []

    def lookup(asin: str) -> BookInfo:
        asked.append(asin)
        if asin == "B0OFFLINE1":
            raise ServiceUnreachableError("Audible cannot be reached.")
        return BookInfo(
            title="Ancillary Justice", asin=asin, authors=("Ann Leckie",), narrators=("Adjoa Andoh",)
        )

    workflow = LibraryImport(database, lookup=lookup)
    books = workflow.scan(str(old_library))
    candidates = workflow.candidates(books)
    assert asked == ["B00FO5O1NM", "B0OFFLINE1"]
    assert [c.key for c in candidates] == ["cat:B00FO5O1NM:us"]
    proposals = {p.book.title: p for p in workflow.propose(str(old_library), books, candidates)}
    assert proposals["Ancillary Justice"].confident and proposals["Offline Book"].candidate is None
    seed_candidates(database)  # once the app knows the book, it is not looked up again
    asked.clear()
    workflow.candidates(books)
    assert asked == ["B0OFFLINE1"]
