"""The settings dialog shell: ordered sections built on demand, apply() can keep it open, General."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from rmab_desktop.ui.dialogs.general_settings import GeneralSettings
from rmab_desktop.ui.dialogs.settings_dialog import SettingsDialog
from rmab_desktop.ui.dialogs.settings_registry import SETTINGS_SECTIONS, SettingsSection
from rmab_desktop.ui.models.roles import KeyRole


class _Refusing(QLabel):
    def __init__(self) -> None:
        super().__init__("needs a value")
        self.applied = 0

    def apply(self) -> bool:
        self.applied += 1
        return False


def _broken(core, shell):
    raise ValueError("no such service")


def test_sections_in_order_built_lazily(core, shell, qtbot, qtmodeltester):
    built = []

    def factory(name):
        def make(core, shell):
            built.append(name)
            return QLabel(name)

        return make

    sections = [
        SettingsSection("b", "Second", factory("b"), order=20),
        SettingsSection("a", "First", factory("a"), order=10),
        SettingsSection("x", "Broken", _broken, order=30),
    ]
    dialog = SettingsDialog(lambda section: section.factory(core, shell), sections)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert [dialog.model.item(r).data(KeyRole) for r in range(3)] == ["a", "b", "x"]
    assert built == ["a"]  # only the visible section
    assert dialog.show_section("b").text() == "b"
    assert built == ["a", "b"]
    broken = dialog.show_section("x")
    assert "could not be opened" in broken.title_label.text()
    assert dialog.show_section("missing") is None


def test_apply_false_keeps_the_dialog_open(core, shell, qtbot):
    refusing = _Refusing()
    dialog = SettingsDialog(
        lambda section: section.factory(core, shell),
        [
            SettingsSection("ok", "OK", lambda core, shell: QLabel("fine"), 0),
            SettingsSection("r", "R", lambda core, shell: refusing, 1),
        ],
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_section("r")
    dialog.show_section("ok")
    dialog.accept()
    assert refusing.applied == 1 and dialog.isVisible()
    assert dialog.title.text() == "R"  # brought back to the section that refused


def test_general_section_saves_prefs_and_shows_keyring(core, shell, qtbot, memory_keyring):
    (section,) = [s for s in SETTINGS_SECTIONS if s.key == "general"]
    page = section.factory(core, shell)
    assert isinstance(page, GeneralSettings)
    qtbot.addWidget(page)
    assert page.keyring_label.text().startswith("<b>Secure</b>")
    page.theme_combo.setCurrentIndex(2)
    page.pause_check.setChecked(True)
    page.language_combo.setCurrentIndex(page.language_combo.findData("de"))
    assert page.language_combo.currentText() == "Deutsch"  # each language in its own words
    saved = core.settings_store.load()
    assert saved.theme == "dark" and saved.automation_paused and saved.language == "de"


def test_general_section_explains_a_locked_keyring(core, shell, qtbot, memory_keyring):
    memory_keyring.locked = True
    page = GeneralSettings(
        core.prefs, core.save_prefs, core.paths, core.database, core.credentials, shell.runner
    )
    qtbot.addWidget(page)
    assert page.keyring_label.text().startswith("<b>Locked</b>")
    assert "Unlock" in page.keyring_label.text()
