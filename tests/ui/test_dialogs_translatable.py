"""Every visible word in every dialog goes through the translator, and every control has a name.

A pseudo-translation wraps each translated string in ⟦…⟧. Walking the widgets of every settings
section, wizard page, the import, interactive search, cron and about dialogs, any text with letters
left outside the markers must be data (test data, paths, URLs, versions, product and language
names, component licences), or the string was never translatable. The same walk checks that every
control a keyboard reaches has a name a screen reader can say.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
    QWizard,
    QWizardPage,
)

from rmab_desktop import APP_NAME, __version__
from rmab_desktop.bootstrap import AppCore
from rmab_desktop.domain import i18n
from rmab_desktop.services.notifications import NotificationBackendInfo
from rmab_desktop.services.organize.template import DEFAULT_TEMPLATE, preview
from rmab_desktop.ui.dialogs.focus import focusable_in
from rmab_desktop.ui.dialogs.interactive_search_dialog import InteractiveSearchDialog
from rmab_desktop.ui.dialogs.settings_dialog import SettingsDialog
from rmab_desktop.ui.shell import Shell
from tests.ui.dialog_gallery import (
    BOOK_TITLE,
    INVITE_CODE,
    RELEASES,
    SCHEDULE_NAME,
    SECTION_KEYS,
    every_dialog,
)

OPEN, CLOSE = "⟦", "⟧"
INNERMOST = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
TAGS = re.compile(r"<[^>]+>")
URL = re.compile(r"\b[a-z][a-z0-9+.-]*://\S*", re.IGNORECASE)
PATH = re.compile(r"(?:[A-Za-z]:)?[/\\][^\s,;]*")
VERSION = re.compile(r"\bv?\d+(?:\.\d+)+\S*")
LETTERS = re.compile(r"[^\W\d_]")

# Names that stay as they are in every language: products, file formats, each language in its own
# words (the Language choice), and the app's name.
PROPER_NAMES = {
    APP_NAME, "Plex", "Audiobookshelf", "Prowlarr", "Torznab", "Newznab", "qBittorrent", "Transmission",
    "SABnzbd", "NZBGet", "Deluge", "M4B", "FLAC", "M4A / AAC", "MP3", "English", "Deutsch", "Français", "Español",
    "GNU GENERAL PUBLIC LICENSE",
}  # fmt: skip
TEST_DATA = (
    {BOOK_TITLE, SCHEDULE_NAME, "Fake", "audiobooks", "The Way of Kings", "Brandon Sanderson"}
    | {
        INVITE_CODE,
        "Me",  # the single-user administrator's name, a user as the gallery's Remove dialog lists
    }
    | {r.title for r in RELEASES}
)
# Settings > Organize previews sample books; indexer flags are typed as names the indexers use.
EXAMPLES = {f"{line}/" for line in preview(DEFAULT_TEMPLATE)} | {"freeleech", "halfleech"}


def pseudo(context: str, source: str, disambiguation: str | None, n: int) -> str:
    return OPEN + source.replace("%n", str(n)) + CLOSE


@pytest.fixture
def pseudo_translated() -> Iterator[None]:
    i18n.install(pseudo)
    yield
    i18n.install(None)


def untranslated(text: str, data: set[str]) -> str:
    """What is left of ``text`` outside the markers once data is taken out; "" when all is well."""
    rest = TAGS.sub(" ", text).replace("&", "")
    while INNERMOST.search(rest):
        rest = INNERMOST.sub(" ", rest)
    for value in sorted(data, key=len, reverse=True):
        rest = rest.replace(value, " ")
    rest = VERSION.sub(" ", PATH.sub(" ", URL.sub(" ", rest)))
    return rest.strip() if LETTERS.search(rest) else ""


def qt_own_words() -> set[str]:
    """Texts Qt translates itself (its .qm files): standard dialog and wizard buttons."""
    words = set()
    for standard in QDialogButtonBox.StandardButton:
        box = QDialogButtonBox(standard)
        words |= {button.text() for button in box.buttons()}
    wizard = QWizard()
    for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                  QWizard.WizardButton.FinishButton, QWizard.WizardButton.CommitButton,
                  QWizard.WizardButton.CancelButton, QWizard.WizardButton.HelpButton):  # fmt: skip
        words.add(wizard.buttonText(which))
    return {word.replace("&", "") for word in words}


def visible_texts(window: QWidget) -> Iterator[tuple[QWidget, str, str]]:
    """(widget, what, text) for every string a user can see in ``window``, shown now or later."""
    yield window, "window title", window.windowTitle()
    for widget in [window, *window.findChildren(QWidget)]:
        yield widget, "tooltip", widget.toolTip()
        if isinstance(widget, QLabel):
            yield widget, "label", widget.text()
        if isinstance(widget, QAbstractButton):
            yield widget, "button", widget.text()
        if isinstance(widget, QGroupBox):
            yield widget, "group box", widget.title()
        if isinstance(widget, QLineEdit) and not isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            yield widget, "placeholder", widget.placeholderText()
        if isinstance(widget, QAbstractSpinBox):
            yield widget, "special value", widget.specialValueText()
            yield widget, "suffix", getattr(widget, "suffix", lambda: "")()
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield widget, "combo item", widget.itemText(index)
        if isinstance(widget, QWizardPage):
            yield widget, "page title", widget.title()
            yield widget, "page subtitle", widget.subTitle()
            yield widget, "commit button", widget.buttonText(QWizard.WizardButton.CommitButton)
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                yield widget, "column title", str(model.headerData(column, Qt.Orientation.Horizontal) or "")


def _data(core: AppCore) -> set[str]:
    described = core.database.describe()
    return (
        PROPER_NAMES
        | TEST_DATA
        | EXAMPLES
        | {str(value) for value in described.values() if value}
        | {__version__}
    )


def test_every_visible_string_in_every_dialog_is_translatable(
    pseudo_translated, core: AppCore, shell: Shell, qtbot, tmp_path: Path, memory_keyring
) -> None:
    data = _data(core)
    qt_words = qt_own_words()
    problems: set[str] = set()
    seen: set[str] = set()
    for shown in every_dialog(core, shell, tmp_path):
        seen.add(shown.name)
        for widget, what, text in visible_texts(shown.window):
            if text.replace("&", "") in qt_words:
                continue
            left = untranslated(text, data)
            if left:
                problems.add(
                    f"{shown.name}: {type(widget).__name__} {what} {text!r} (untranslated: {left!r})"
                )
    assert {f"settings-{key}" for key in SECTION_KEYS} <= seen and "interactive-search" in seen
    assert not problems, "Not translatable:\n" + "\n".join(sorted(problems))


def test_the_walk_catches_an_untranslated_string(pseudo_translated, qtbot) -> None:
    """The check itself can fail: plain English and English around a marker are both caught."""
    box = QGroupBox(i18n.Translator("Probe")("Translated"))
    QLabel("Plain English", box)
    QLabel(f"{i18n.Translator('Probe')('Count')}: five items", box)
    qtbot.addWidget(box)
    found = {text: untranslated(text, set()) for _w, _what, text in visible_texts(box)}
    assert found["Plain English"] == "Plain English"
    assert found["⟦Count⟧: five items"] == ": five items"
    assert found["⟦Translated⟧"] == "" and untranslated("/home/me/Books 1.2.3 https://x.example", set()) == ""


def test_message_boxes_and_file_dialogs_are_translatable(
    pseudo_translated, core: AppCore, shell: Shell, qtbot, tmp_path: Path, monkeypatch, memory_keyring
) -> None:
    """Message boxes and folder dialogs are shown by static calls: catch their words."""
    asked: list[str] = []

    def record(*args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.extend(str(a) for a in args[1:3])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(record))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(record))
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: asked.append(a[1]) or "")
    )
    for shown in every_dialog(core, shell, tmp_path):
        if shown.name == "settings-notifications":
            section = shown.window.section_widget("notifications")
            section.model.set_rows(
                [NotificationBackendInfo(1, "Family", "apprise", "notify.1", frozenset(), True)]
            )
            section.table.selectRow(0)
            section.remove()
        if shown.name in ("settings-library", "import-library-step1"):
            for button in shown.window.findChildren(QAbstractButton):
                if "Browse" in button.text():
                    button.click()
        if shown.name == "interactive-search":
            dialog: InteractiveSearchDialog = shown.window  # type: ignore[assignment]
            rejected = next(r for r in dialog.model.rows() if not r.usable)
            dialog.confirm_override(rejected)
    assert len(asked) >= 5
    left = [text for text in asked if untranslated(text, PROPER_NAMES | TEST_DATA)]
    assert not left, left


# -- accessibility ------------------------------------------------------------------------------


def _named_by_label(widget: QWidget, window: QWidget) -> bool:
    return any(label.buddy() is widget and label.text().strip() for label in window.findChildren(QLabel))


def accessible_name(widget: QWidget, window: QWidget) -> str:
    """What a screen reader says for a control: its accessible name, its own text, or its label."""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text()
    if isinstance(widget, QGroupBox) and widget.title():
        return widget.title()
    return "label" if _named_by_label(widget, window) else ""


def controls(window: QWidget) -> Iterator[QWidget]:
    """Every control the keyboard reaches (the inner editor of a spin or combo box is its box)."""
    for widget in window.findChildren(QWidget):
        if widget.window() is not window:  # e.g. a combo box's popup list
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or isinstance(widget, QLabel):
            continue
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            continue
        if isinstance(widget, QAbstractButton | QLineEdit | QComboBox | QAbstractSpinBox | QAbstractItemView
                      | QPlainTextEdit | QGroupBox):  # fmt: skip
            yield widget


def test_every_control_in_every_dialog_has_a_name(
    core: AppCore, shell: Shell, qtbot, tmp_path, memory_keyring
) -> None:
    unnamed = set()
    for shown in every_dialog(core, shell, tmp_path):
        for widget in controls(shown.window):
            if not accessible_name(widget, shown.window):
                unnamed.add(f"{shown.name}: {type(widget).__name__} {widget.objectName()!r}")
    assert not unnamed, "No visible text or accessible name:\n" + "\n".join(sorted(unnamed))


def test_settings_tab_order_goes_list_section_buttons(
    core: AppCore, shell: Shell, qtbot, memory_keyring
) -> None:
    """Sections are built after the buttons; Tab still reads list, the section's fields, OK/Cancel."""
    dialog = SettingsDialog(lambda section: section.factory(core, shell))
    qtbot.addWidget(dialog)
    dialog.show()
    for key in SECTION_KEYS:
        section = dialog.show_section(key)
        chain = [w for w in focusable_in(dialog) if w.isVisible() and w.isEnabled()]
        fields = [w for w in chain if section.isAncestorOf(w)]
        assert fields, key
        assert chain[0] is dialog.list, key
        assert chain[1 : 1 + len(fields)] == fields, key  # the section's fields, uninterrupted
        assert chain[1 + len(fields) :] == [b for b in dialog.buttons.buttons() if b.isVisible()], key
