"""Typed errors that the UI and the command line can put into words.

Every error carries ``user_message`` (what happened) and ``hint`` (what to do). Messages never
contain secrets: callers pass names of secrets, never their values.
"""

from __future__ import annotations

from rmab_desktop.domain.redaction import REDACTOR


class RmabError(Exception):
    """Base of every error the app explains to its user."""

    hint: str = ""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    @property
    def user_message(self) -> str:
        return str(self)


class ConfigurationError(RmabError):
    hint = "Open Settings and check this value."


class DatabaseError(RmabError):
    hint = "Check the database address and that the server is running."


class CredentialError(RmabError):
    """The keyring is missing, locked, or refused the operation."""

    hint = "Unlock your system keychain, or install one (GNOME Keyring, KWallet, macOS Keychain)."


class NoKeyringError(CredentialError):
    hint = (
        "No secure keychain is available on this system. Install and start one (for example "
        "GNOME Keyring or KWallet) and restart the app."
    )


class KeyringLockedError(CredentialError):
    hint = "Your keychain is locked. Unlock it (log in again or open your keychain app) and retry."


class SecretNotFoundError(CredentialError):
    hint = "Enter the secret again in Settings."


class HouseholdKeyMissingError(CredentialError):
    """Household secrets are sealed with a key this machine does not hold yet."""

    def __init__(self) -> None:
        super().__init__(
            "This desktop has not joined the household yet, so it cannot read the shared passwords and API keys.",
            hint="On a desktop of the household, choose Settings > Household key > Export; then here, "
            "Join with a key file.",
        )


class InvalidTokenError(RmabError):
    """An API call without a token, or with one that is wrong, revoked or expired."""

    hint = "Send a valid token as 'X-Api-Key: TOKEN' or 'Authorization: Bearer TOKEN'."


class ServiceError(RmabError):
    """An external service failed; ``service`` names it for the UI.

    The message may quote what the server sent (an error description, an echoed URL with its API
    key), so it is redacted here, where server text enters the app, before anything stores it.
    """

    def __init__(self, message: str, *, service: str = "", hint: str | None = None) -> None:
        super().__init__(REDACTOR.redact(message), hint=hint)
        self.service = service


class ServiceUnreachableError(ServiceError):
    hint = "Check the address and that the service is running, then use Test again."


class ServiceTimeoutError(ServiceUnreachableError):
    hint = "The service answered too slowly. Check your connection or try again later."


class AuthenticationError(ServiceError):
    hint = "Check the user name, password or API key in Settings."


class RateLimitedError(ServiceError):
    hint = "The service asked us to slow down; the app will retry automatically."


class InvalidResponseError(ServiceError):
    hint = "The service sent an answer the app cannot read. Check the address points to the right service."


class NotFoundError(RmabError):
    hint = ""


class ValidationError(RmabError):
    hint = ""


class CancelledError(RmabError):
    """Raised by services when their :class:`CancelToken` is set."""


class DiskFullError(RmabError):
    """A write found no space left (ENOSPC, SQLite's "database or disk is full")."""

    hint = "Free some space on that disk and try again; nothing was changed by the failed step."


def is_disk_full(exc: BaseException) -> bool:
    """True for an OSError(ENOSPC) or SQLite's SQLITE_FULL, however deeply it is wrapped."""
    import errno

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, DiskFullError):
            return True
        if isinstance(current, OSError) and current.errno == errno.ENOSPC:
            return True
        if "database or disk is full" in str(current):
            return True
        current = getattr(current, "orig", None) or current.__cause__ or current.__context__
    return False
