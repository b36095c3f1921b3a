"""Where a secret typed into a password field goes, in the words of the field's placeholder.

Without a working system keychain, secrets go to the encrypted secrets file, or nowhere until the
user unlocks a store or chooses a passphrase; in household mode they go to the household's shared
secrets, once this computer holds the household key (``services/credentials.py``). A field
therefore says which, from :func:`secret_place`: keychain calls, which every caller makes on the
runner, never on the GUI thread.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtWidgets import QLineEdit, QWidget

from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.services.credentials import (
    CredentialStore,
    HouseholdKeyState,
    KeyringState,
    SecretPresence,
    SecretStore,
    SecretVault,
)

tr = Translator("SecretPlaces")


class Household(StrEnum):
    SHARED = "household"  # the household's shared secrets, sealed with its key
    NEEDS_KEY = "household_needs_key"  # household mode, and this computer lacks the household key


Place = KeyringState | Household


def secret_place(store: SecretStore) -> Place:
    """Where a secret saved into ``store`` goes now (keychain calls: call it on the runner)."""
    if isinstance(store, SecretVault):
        if store.household():
            ready = store.key_state() in (HouseholdKeyState.READY, HouseholdKeyState.NEW)
            return Household.SHARED if ready else Household.NEEDS_KEY
        store = store.local
    return store.status().state if isinstance(store, CredentialStore) else Household.SHARED


NEW_SECRET: dict[Place, str] = {
    KeyringState.SECURE: tr.mark("kept in your system keychain"),
    KeyringState.ENCRYPTED_FILE: tr.mark("kept in your encrypted secrets file"),
    KeyringState.LOCKED: tr.mark("not saved yet: unlock your keychain or secrets file first"),
    KeyringState.UNAVAILABLE: tr.mark("not saved yet: choose a passphrase for an encrypted file first"),
    Household.SHARED: tr.mark("kept in the household's shared secrets"),
    Household.NEEDS_KEY: tr.mark("not saved yet: this computer needs the household key first"),
}
SAVED_SECRET: dict[Place, str] = {
    KeyringState.SECURE: tr.mark("Saved in your keychain; type to replace it"),
    KeyringState.ENCRYPTED_FILE: tr.mark("Saved in your encrypted secrets file; type to replace it"),
    Household.SHARED: tr.mark("Saved in the household's shared secrets; type to replace it"),
}
# A configured secret that cannot be read: typing it again only helps once a store works.
UNREADABLE_SECRET: dict[Place, str] = {
    KeyringState.UNAVAILABLE: tr.mark(
        "Cannot be read (no working keychain): choose a passphrase, then enter it again"
    ),
    KeyringState.LOCKED: tr.mark("Cannot be read: unlock your keychain or secrets file first"),
    Household.NEEDS_KEY: tr.mark("Cannot be read: this computer needs the household key first"),
}
UNREADABLE_ELSEWHERE = tr.mark("Cannot be read: enter it again")
SECRET_FIELD = "secretField"  # property of the fields show_secret_places() words


def secret_placeholder(state: Place | None, presence: SecretPresence = SecretPresence.MISSING) -> str:
    """The placeholder of a secret field: where a typed secret goes, or where the saved one is.

    ``state`` None: not known yet (its status call is still running), nothing is claimed."""
    if state is None:
        return ""
    if presence is SecretPresence.UNREADABLE:
        return text(UNREADABLE_SECRET.get(state, UNREADABLE_ELSEWHERE))
    if presence is SecretPresence.SAVED and state in SAVED_SECRET:
        return text(SAVED_SECRET[state])
    return text(NEW_SECRET[state])


def secret_field() -> QLineEdit:
    """A password field whose placeholder :func:`show_secret_places` keeps in step with the store."""
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setProperty(SECRET_FIELD, True)
    return edit


def show_secret_places(root: QWidget, state: Place) -> None:
    """Word the placeholder of every :func:`secret_field` inside ``root`` for ``state``."""
    for edit in root.findChildren(QLineEdit):
        if edit.property(SECRET_FIELD):
            show_placeholder(edit, secret_placeholder(state))


MAX_PLACEHOLDER_WIDTH = 440


def show_placeholder(edit: QLineEdit, words: str) -> None:
    """Set a secret field's placeholder, wide enough to be read whole (German runs long)."""
    edit.setPlaceholderText(words)
    edit.setToolTip(words)
    needed = edit.fontMetrics().horizontalAdvance(words) + 24  # the frame and text margins
    edit.setMinimumWidth(min(needed, MAX_PLACEHOLDER_WIDTH))
