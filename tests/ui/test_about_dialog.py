"""The About dialog: version, GPL, component licences from real installed metadata."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from rmab_desktop import __version__
from rmab_desktop.services.desktop.components import Component, bundled_components, license_of, license_text
from rmab_desktop.ui.dialogs.about_dialog import AboutDialog, components_model
from rmab_desktop.ui.models.roles import ObjectRole
from rmab_desktop.workers.runner import ImmediateRunner


def test_components_come_from_installed_metadata() -> None:
    found = {c.name.lower(): c for c in bundled_components()}
    assert found["mutagen"].license == "GPL-2.0-or-later"
    assert found["sqlalchemy"].license == "MIT"
    assert "LGPL-3.0" in found["pyside6_essentials"].license
    assert found["httpx"].license.startswith("BSD")
    assert found["apprise"].license == "BSD-2-Clause"
    assert found["keyring"].license == "MIT"
    assert found["torf"].license == "GPL-3.0-or-later"  # .torrent files
    assert found["wakepy"].license == "MIT"  # keep awake
    assert "python" in found
    assert "pytest" not in found  # test tools are not bundled
    assert "rmab-desktop" not in found


def test_license_fallbacks() -> None:
    class Meta(dict):
        """Like email.message.Message: get_all(name) lists every value of a header."""

        def get_all(self, key):
            return [self[key]] if key in self else self.get(key + "s")

    assert license_of(Meta({"License": "BSD"})) == "BSD"
    assert license_of(Meta({"License": "long\ntext"})) == "see the package"
    assert license_of(Meta({"Classifiers": ["License :: OSI Approved :: MIT License"]})) == "MIT"
    assert "GNU GENERAL PUBLIC LICENSE" in license_text()


def test_components_model(qtmodeltester) -> None:
    model = components_model()
    model.set_rows([Component("b", "1", "MIT"), Component("a", "2", "GPL-3.0")])
    qtmodeltester.check(model)
    assert model.data(model.index(1, 2)) == "GPL-3.0"
    assert model.data(model.index(0, 0), ObjectRole) == Component("b", "1", "MIT")


def test_about_dialog_shows_version_licence_and_components(qtbot, tmp_path) -> None:
    dialog = AboutDialog(ImmediateRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"Version {__version__}" in labels and "GPL-3.0-or-later" in labels and "LGPL-3.0" in labels
    rows = {
        dialog.proxy.index(r, 0).data(): dialog.proxy.index(r, 2).data()
        for r in range(dialog.proxy.rowCount())
    }
    assert rows["mutagen"] == "GPL-2.0-or-later"
    assert dialog.proxy.index(0, 0).data().lower() <= dialog.proxy.index(1, 0).data().lower()
    licence = dialog.show_licence()
    qtbot.addWidget(licence)
    editor = licence.findChild(QPlainTextEdit)
    assert "GNU GENERAL PUBLIC LICENSE" in editor.toPlainText()
    assert dialog.proxy.sortOrder() == Qt.SortOrder.AscendingOrder
    dialog.grab().save(str(tmp_path / "about.png"))
    assert (tmp_path / "about.png").stat().st_size > 10_000
