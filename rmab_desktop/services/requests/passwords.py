"""Password hashes: argon2id (argon2-cffi) for every new hash; PBKDF2-SHA256 hashes written by
earlier versions are still verified once, and the caller replaces them (``needs_rehash``)."""

from __future__ import annotations

import hashlib
import hmac

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

LEGACY_PREFIX = "pbkdf2_sha256$"
_HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(password: str, stored: str | None) -> bool:
    if not stored:
        return False
    if stored.startswith(LEGACY_PREFIX):
        return _verify_pbkdf2(password, stored)
    try:
        return _HASHER.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    """True for a legacy PBKDF2 hash or an argon2 hash made with weaker parameters."""
    return stored.startswith(LEGACY_PREFIX) or _HASHER.check_needs_rehash(stored)


def _verify_pbkdf2(password: str, stored: str) -> bool:
    try:
        _, rounds, salt, digest = stored.split("$")
        candidate = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), int(rounds))
    except ValueError:
        return False
    return hmac.compare_digest(candidate.hex(), digest)
