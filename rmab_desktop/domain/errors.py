"""Typed errors that the UI and the command line can put into words.

Every error carries ``user_message`` (what happened) and ``user_hint`` (what to do), in the user's
language. Messages never contain secrets: callers pass names of secrets, never their values.

A message may be a template marked for translation with named placeholders, filled from keyword
arguments::

    tr = Translator("ServiceErrors")
    raise ServiceUnreachableError(tr.mark("Cannot connect to {service}."), service="Prowlarr")

``str(error)`` (logs, job results) is the English text; ``user_message`` translates the template
when it is shown and fills in the same values. Hints work alike: a class's ``hint`` is marked, and
``user_hint`` translates it.
"""

from __future__ import annotations

from collections.abc import Mapping

from rmab_desktop.domain.i18n import Marked, Translator, text
from rmab_desktop.domain.redaction import REDACTOR

tr = Translator("Errors")


def _fill(template: str, values: Mapping[str, object]) -> str | None:
    """``template`` with its placeholders filled; None when a (translated) template does not fit."""
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError):
        return None


class RmabError(Exception):
    """Base of every error the app explains to its user."""

    hint: str = ""

    def __init__(self, message: str, *, hint: str | None = None, **values: object) -> None:
        """``message``: plain English, or a ``tr.mark`` template filled from ``values``."""
        self.template = message
        # Values may quote a server (its error text, an echoed URL): no secret survives in them.
        self.values = {
            k: v if isinstance(v, int | float) else REDACTOR.redact(str(v)) for k, v in values.items()
        }
        if isinstance(message, Marked):
            message = _fill(message, self.values) or str(message)
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    @property
    def user_message(self) -> str:
        """The message in the user's language (English when it was not marked for translation)."""
        if not isinstance(self.template, Marked):
            return str(self)
        return _fill(text(self.template), self.values) or str(self)

    @property
    def user_hint(self) -> str:
        return text(self.hint)


class ConfigurationError(RmabError):
    hint = tr.mark("Open Settings and check this value.")


class DatabaseError(RmabError):
    hint = tr.mark("Check the database address and that the server is running.")


class CredentialError(RmabError):
    """The keyring is missing, locked, or refused the operation."""

    hint = tr.mark("Unlock your system keychain, or install one (GNOME Keyring, KWallet, macOS Keychain).")


class NoKeyringError(CredentialError):
    hint = tr.mark(
        "No secure keychain is available on this system. Install and start one (for example "
        "GNOME Keyring or KWallet) and restart the app."
    )


class KeyringLockedError(CredentialError):
    hint = tr.mark("Your keychain is locked. Unlock it (log in again or open your keychain app) and retry.")


class SecretNotFoundError(CredentialError):
    hint = tr.mark("Enter the secret again in Settings.")


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

    def __init__(self, message: str, *, service: str = "", hint: str | None = None, **values: object) -> None:
        """Server text comes as a plain message or as template values: both are redacted."""
        if isinstance(message, Marked):
            values.setdefault("service", service)
        else:
            message = REDACTOR.redact(message)
        super().__init__(message, hint=hint, **values)
        self.service = service

    @property
    def user_message(self) -> str:
        return REDACTOR.redact(super().user_message)


class ServiceUnreachableError(ServiceError):
    hint = tr.mark("Check the address and that the service is running, then use Test again.")


class ServiceTimeoutError(ServiceUnreachableError):
    hint = tr.mark("The service answered too slowly. Check your connection or try again later.")


class AuthenticationError(ServiceError):
    hint = tr.mark("Check the user name, password or API key in Settings.")


class RateLimitedError(ServiceError):
    hint = tr.mark("The service asked us to slow down; the app will retry automatically.")


class InvalidResponseError(ServiceError):
    hint = tr.mark(
        "The service sent an answer the app cannot read. Check the address points to the right service."
    )


class NotFoundError(RmabError):
    hint = ""


class ValidationError(RmabError):
    hint = ""


class CancelledError(RmabError):
    """Raised by services when their :class:`CancelToken` is set."""


class DiskFullError(RmabError):
    """A write found no space left (ENOSPC, SQLite's "database or disk is full")."""

    hint = tr.mark("Free some space on that disk and try again; nothing was changed by the failed step.")


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
