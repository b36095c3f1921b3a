"""Reading the secrets ReadMeABook encrypted with its ``CONFIG_ENCRYPTION_KEY``.

ReadMeABook stores a secret as three base64 parts joined by colons: a 16-byte nonce, the 16-byte
GCM tag and the AES-256-GCM ciphertext. Its key is not derived from the configured text: the
text's UTF-8 bytes are cut to 32 bytes, or padded with zero bytes to 32.
"""

from __future__ import annotations

import base64
import binascii
import re

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
NONCE_BYTES = 16
TAG_BYTES = 16
_BASE64 = re.compile(r"^[A-Za-z0-9+/]+=*$")


class WrongKeyError(ValueError):
    """The key does not open this secret (another key, or a damaged value)."""


def key_bytes(key_text: str) -> bytes:
    """The 32-byte AES key ReadMeABook makes from its configured key text."""
    return key_text.encode("utf-8")[:KEY_BYTES].ljust(KEY_BYTES, b"\0")


def _parts(value: str) -> tuple[bytes, bytes, bytes] | None:
    pieces = value.split(":")
    if len(pieces) != 3 or not all(piece and _BASE64.match(piece) for piece in pieces):
        return None
    try:
        nonce, tag, ciphertext = (base64.b64decode(piece) for piece in pieces)
    except binascii.Error:
        return None
    if len(nonce) != NONCE_BYTES or len(tag) != TAG_BYTES:
        return None
    return nonce, tag, ciphertext


def is_encrypted(value: object) -> bool:
    """Whether ``value`` has the shape of a ReadMeABook secret (a plain URL with colons has not)."""
    return isinstance(value, str) and _parts(value) is not None


def decrypt(value: str, key_text: str) -> str:
    parts = _parts(value)
    if parts is None:
        raise WrongKeyError("not an encrypted ReadMeABook value")
    nonce, tag, ciphertext = parts
    try:
        plain = AESGCM(key_bytes(key_text)).decrypt(nonce, ciphertext + tag, None)
    except InvalidTag as error:
        raise WrongKeyError("the key does not open this value") from error
    return plain.decode("utf-8", errors="replace")
