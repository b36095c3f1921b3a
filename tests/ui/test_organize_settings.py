"""Settings > Organize: live template preview, invalid templates refused, choices saved."""

from __future__ import annotations

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.services.organize.template import DEFAULT_TEMPLATE
from rmab_desktop.ui.dialogs.organize_settings import OrganizeSettings
from rmab_desktop.ui.dialogs.settings_registry import SETTINGS_SECTIONS
from rmab_desktop.ui.shell import Shell


def test_live_preview_validation_and_save(qtbot, shell: Shell, core: AppCore) -> None:
    (section,) = [s for s in SETTINGS_SECTIONS if s.key == "organize"]
    widget = section.factory(core, shell)
    qtbot.addWidget(widget)
    assert isinstance(widget, OrganizeSettings)
    assert widget.template_edit.text() == DEFAULT_TEMPLATE
    assert (
        "Brandon Sanderson/Mistborn/Book 1 - The Final Empire {Michael Kramer} [B002UZMLXM]/"
        in widget.preview_label.text()
    )

    widget.template_edit.setText("{author}/<{year} - >{title}")
    qtbot.waitUntil(
        lambda: "Andy Weir/2021 - Project Hail Mary/" in widget.preview_label.text(), timeout=30_000
    )

    widget.template_edit.setText("{author}/{oops}")
    qtbot.waitUntil(lambda: "Unknown token {oops}" in widget.preview_label.text(), timeout=30_000)
    assert not widget.apply()
    assert core.prefs.library.path_template is None

    widget.template_edit.setText("{author}/{title} [{asin}]")
    widget.mode_combo.setCurrentIndex(1)
    widget.sidecars_check.setChecked(False)
    assert widget.apply()
    library = core.prefs.library
    assert (library.path_template, library.import_mode, library.write_sidecars) == (
        "{author}/{title} [{asin}]",
        "hardlink",
        False,
    )
