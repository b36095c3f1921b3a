"""Address fields checked as they are typed (domain/addresses.py ``check_address``).

:func:`check_as_typed` gives a ``QLineEdit`` a validator and returns a note label for beside (under)
the field. While the text is not yet usable the note says what is missing and how an address
looks; a keystroke that makes it unusable for good (a space, a port that is not a number) is not
taken, and the note says why. Test buttons and OK use ``require_address`` on the same rules.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLabel, QLineEdit

from rmab_desktop.domain.addresses import AddressCheck, AddressKind, AddressState, check_address
from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.ui import theme

tr = Translator("AddressField")


class AddressValidator(QValidator):
    """``QValidator.State`` straight from ``check_address``; tells what it refused."""

    refused = Signal(object)  # AddressCheck of the text that was not taken

    def __init__(self, kind: AddressKind = AddressKind.WEB, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = kind

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        check = check_address(text, self.kind)
        if check.state is AddressState.INVALID:
            self.refused.emit(check)
        return QValidator.State(check.state.value), text, pos


class AddressNote(QLabel):
    """The line under an address field: what is wrong and what an address looks like, or nothing."""

    def __init__(self, edit: QLineEdit, kind: AddressKind) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setObjectName("addressNote")
        self.kind = kind
        self.validator = AddressValidator(kind, edit)
        edit.setValidator(self.validator)
        self.validator.refused.connect(self._refused)
        edit.textChanged.connect(self._typed)
        self.hide()

    def set_kind(self, kind: AddressKind) -> None:
        """Check the field by other rules (a form whose address kind depends on a choice)."""
        self.kind = self.validator.kind = kind

    def _typed(self, text: str) -> None:
        check = check_address(text, self.kind)
        if check.ok or not text.strip():
            self.hide()
            return
        self._show(check, refused=False)

    def _refused(self, check: AddressCheck) -> None:
        self._show(check, refused=True)

    def _show(self, check: AddressCheck, *, refused: bool) -> None:
        lead = tr("Not typed: {problem}") if refused else "{problem}"
        self.setText(f"{lead.format(problem=check.problem)} {check.hint}".strip())
        dark = self.palette().window().color().lightness() < 128
        color = theme.status_color("error" if refused else "warning", dark).name()
        self.setStyleSheet(f"QLabel#addressNote {{ color: {color}; }}")
        self.show()


def check_as_typed(edit: QLineEdit, kind: AddressKind = AddressKind.WEB) -> AddressNote:
    """Validate ``edit`` as it is typed; add the returned note under it (e.g. ``form.addRow("", note)``)."""
    return AddressNote(edit, kind)


def unusable_address(text: str, kind: AddressKind = AddressKind.WEB) -> ConnectionTestResult | None:
    """A failed test result that says what is wrong with ``text``; None when it is usable.

    Test buttons call this first, so a typo is explained instead of reaching a client.
    """
    check = check_address(text, kind)
    return None if check.ok else ConnectionTestResult(False, check.problem, hint=check.hint)
