"""Settings > Setup: open the first-run assistant again."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from rmab_desktop.domain.i18n import Translator

if TYPE_CHECKING:
    from rmab_desktop.ui.dialogs.first_run_wizard import FirstRunWizard

tr = Translator("SetupSettings")


class SetupSettings(QWidget):
    def __init__(self, open_wizard: Callable[[QWidget], FirstRunWizard]) -> None:
        """``open_wizard(parent)`` opens the assistant over ``parent``."""
        super().__init__()
        self._open_wizard = open_wizard
        self.wizard: FirstRunWizard | None = None
        text = QLabel(
            tr(
                "The setup assistant walks through the library, the Audible marketplace, indexers, the "
                "download client and notifications, with a Test for each. What you already set up is kept "
                "unless you change it there."
            )
        )
        text.setWordWrap(True)
        self.open_button = QPushButton(tr("&Open the setup assistant…"))
        self.open_button.clicked.connect(self.open_assistant)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(text)
        layout.addWidget(self.open_button)
        layout.addStretch(1)

    def open_assistant(self) -> FirstRunWizard:
        self.wizard = self._open_wizard(self.window())
        return self.wizard
