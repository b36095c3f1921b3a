"""Address fields are checked as they are typed; a typo never reaches a client ("This is a bug")."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.services.library.backends import LibraryBackendKind
from rmab_desktop.ui.dialogs.indexer_settings import IndexerSettings
from rmab_desktop.ui.dialogs.library_settings import KINDS, LibrarySettings
from rmab_desktop.ui.widgets.address_field import check_as_typed


def test_typing_shows_what_is_missing_and_refuses_what_cannot_be_fixed(qtbot) -> None:
    edit = QLineEdit()
    note = check_as_typed(edit)
    qtbot.addWidget(edit)
    qtbot.addWidget(note)
    qtbot.keyClicks(edit, "http://plex.local:")
    assert not note.isHidden() and "port" in note.text().lower()
    qtbot.keyClicks(edit, "abc")  # a port is a number: the letters are not taken
    assert edit.text() == "http://plex.local:"
    assert note.text().startswith("Not typed:") and "65535" in note.text()
    qtbot.keyClicks(edit, "32400")
    assert edit.text() == "http://plex.local:32400" and note.isHidden()
    qtbot.keyClicks(edit, " x")  # a blank at the end is trimmed when used; the x after it is refused
    assert edit.text().strip() == "http://plex.local:32400" and "spaces" in note.text()


def test_plex_address_with_a_bad_port_is_explained_on_test(core: AppCore, shell, qtbot) -> None:
    widget = LibrarySettings(core.library, core.prefs, core.save_prefs, shell.runner)
    qtbot.addWidget(widget)
    widget.kind_combo.setCurrentIndex([k for k, _ in KINDS].index(LibraryBackendKind.PLEX))
    widget.url_edit.setText("plex.local:abc")  # pasted or saved earlier: not through the keyboard
    widget.test()
    shown = widget.result_label.text()
    assert shown.startswith("✘") and "bug" not in shown.lower() and "Unexpected" not in shown
    assert "http://" in shown
    widget.find_libraries()
    assert "bug" not in widget.result_label.text().lower()


def test_torznab_with_a_broken_address_is_explained_on_test(core: AppCore, shell, qtbot) -> None:
    widget = IndexerSettings(core.indexers, core.credentials, shell.runner)
    qtbot.addWidget(widget)
    widget.add()
    widget.type_combo.setCurrentIndex(1)  # Torznab
    widget.url_edit.setText("htp:/bad url")
    widget.url_edit.editingFinished.emit()
    widget.tester.run()
    assert widget.tester.ok is False
    shown = widget.tester.result.text()
    assert "spaces" in shown or "http" in shown
    assert "AttributeError" not in shown and "bug" not in shown.lower()
