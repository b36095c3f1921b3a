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


def _broken(ctx):
    raise ValueError("no such service")


def test_sections_in_order_built_lazily(ui_ctx, qtbot, qtmodeltester):
    built = []

    def factory(name):
        def make(ctx):
            built.append(name)
            return QLabel(name)

        return make

    sections = [
        SettingsSection("b", "Second", factory("b"), order=20),
        SettingsSection("a", "First", factory("a"), order=10),
        SettingsSection("x", "Broken", _broken, order=30),
    ]
    dialog = SettingsDialog(ui_ctx, sections)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert [dialog.model.item(r).data(KeyRole) for r in range(3)] == ["a", "b", "x"]
    assert built == ["a"]  # only the visible section
    assert dialog.show_section("b").text() == "b"
    assert built == ["a", "b"]
    broken = dialog.show_section("x")
    assert "could not be opened" in broken.title_label.text()
    assert dialog.show_section("missing") is None


def test_apply_false_keeps_the_dialog_open(ui_ctx, qtbot):
    refusing = _Refusing()
    dialog = SettingsDialog(
        ui_ctx,
        [
            SettingsSection("ok", "OK", lambda ctx: QLabel("fine"), 0),
            SettingsSection("r", "R", lambda ctx: refusing, 1),
        ],
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_section("r")
    dialog.show_section("ok")
    dialog.accept()
    assert refusing.applied == 1 and dialog.isVisible()
    assert dialog.title.text() == "R"  # brought back to the section that refused


def test_general_section_saves_prefs_and_shows_keyring(ui_ctx, qtbot, memory_keyring):
    assert SETTINGS_SECTIONS[0].key == "general" or any(s.key == "general" for s in SETTINGS_SECTIONS)
    page = GeneralSettings(ui_ctx)
    qtbot.addWidget(page)
    assert page.keyring_label.text().startswith("<b>Secure</b>")
    page.theme_combo.setCurrentIndex(2)
    page.pause_check.setChecked(True)
    saved = ui_ctx.core.settings_store.load()
    assert saved.theme == "dark" and saved.automation_paused


def test_general_section_explains_a_locked_keyring(ui_ctx, qtbot, memory_keyring):
    memory_keyring.locked = True
    page = GeneralSettings(ui_ctx)
    qtbot.addWidget(page)
    assert page.keyring_label.text().startswith("<b>Locked</b>")
    assert "Unlock" in page.keyring_label.text()
