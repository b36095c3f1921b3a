"""Import dialog: scan, review with bulk accept / fix / skip, link, preview moves, move on consent."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QMessageBox
from sqlalchemy import select

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.db.models import LibraryItem
from rmab_desktop.services.library.importing import LibraryImport
from rmab_desktop.ui.dialogs.import_library_dialog import SKIP, ImportLibraryDialog, ProposalModel
from rmab_desktop.ui.shell import Shell
from tests.library_helpers import old_library, seed_candidates  # noqa: F401 - fixture


def test_review_link_and_move(
    qtbot,
    qtmodeltester,
    shell: Shell,
    core: AppCore,
    old_library: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch,
) -> None:
    seed_candidates(core.database)
    library = tmp_path / "Library"
    library.mkdir()
    dialog = ImportLibraryDialog(LibraryImport(core.database), shell.runner, shell.notifier, str(library))
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(old_library))
    dialog.scan()
    assert dialog.stack.currentIndex() == 1
    model: ProposalModel = dialog.proposals
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and "2 confident" in dialog.status.text()
    assert model.accepted() == []  # nothing decided yet

    dialog.accept_confident.click()
    assert sorted(p.book.title for p, _c in model.accepted()) == ["Ancillary Justice", "The Dispossessed"]
    # fix: choose the match of the mystery book by hand; then skip the fuzzy one
    rows = {model.proposal(r).book.title: r for r in range(model.rowCount())}
    dialog.review_view.selectRow(
        dialog.review_proxy.mapFromSource(model.index(rows["Mystery Tape"], 0)).row()
    )
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: (a[3][-1], True)))
    dialog.fix_selected()
    model.decide([rows["The Dispossessed"]], SKIP)
    accepted = {p.book.title: c.book.title for p, c in model.accepted()}
    assert accepted == {"Ancillary Justice": "Ancillary Justice", "Mystery Tape": "The Dispossessed"}

    dialog.link()
    assert dialog.stack.currentIndex() == 2 and "Linked 2 books" in dialog.status.text()
    with core.database.session() as session:
        linked = dict(session.execute(select(LibraryItem.title, LibraryItem.match_reason)).all())
    assert linked["Mystery Tape"] == "confirmed by the user" and linked["The Dispossessed"] is None

    dialog.preview_moves()
    assert dialog.moves.rowCount() == 2 and dialog.move_button.isEnabled()
    assert (old_library / "Unknown" / "Mystery Tape" / "a.mp3").exists()  # previews move nothing
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    dialog.move_books()
    assert (old_library / "Unknown" / "Mystery Tape" / "a.mp3").exists()  # declined: nothing moved
    dialog.move_books(confirmed=True)
    assert "Moved 2 books" in dialog.status.text()
    assert not (old_library / "Unknown" / "Mystery Tape").exists()
    assert any((library / "Ursula K. Le Guin").iterdir())
    dialog.grab().save(str(tmp_path / "import.png"))


def test_scan_errors_are_explained(qtbot, shell: Shell, core: AppCore, tmp_path: Path) -> None:
    dialog = ImportLibraryDialog(LibraryImport(core.database), shell.runner, shell.notifier, None)
    qtbot.addWidget(dialog)
    dialog.scan()
    assert "Choose a folder" in dialog.status.text()
    dialog.folder_edit.setText(str(tmp_path / "missing"))
    dialog.scan()
    assert "not a folder" in dialog.status.text() and dialog.stack.currentIndex() == 0
