"""ReadMeABook's secrets: values sealed by Node's crypto (AES-256-GCM) open with the same key text.

The vectors were made once with Node.js the way ReadMeABook seals a value: the key text's bytes
zero-padded (a short key) or cut (a long one, here with non-ASCII letters) to 32 bytes, a 16-byte
nonce, ``nonce:tag:ciphertext`` in base64.
"""

from __future__ import annotations

import pytest

from rmab_desktop.services.migration_import import rmab_secrets

SHORT_KEY_VALUE = "BwcHBwcHBwcHBwcHBwcHBw==:0Wo9FCPNkBG+ZT5kYMe/Gg==:DNgRnPurkylkjQQ0p4h5mWrbPOhw"
LONG_KEY = "ÄÖÜ-a-much-longer-key-than-thirty-two-bytes-for-sure"
LONG_KEY_VALUE = "BwcHBwcHBwcHBwcHBwcHBw==:MxfxsOxxXkwv6+7ylShM9Q==:sfSDsDFO"


def test_values_sealed_by_readmeabook_open_with_its_key_text() -> None:
    assert rmab_secrets.decrypt(SHORT_KEY_VALUE, "short-key") == "tgram://123:ABC/-100/"
    assert rmab_secrets.decrypt(LONG_KEY_VALUE, LONG_KEY) == "secret"


@pytest.mark.parametrize("key", ["short-key2", "", LONG_KEY])
def test_another_key_does_not_open_them(key: str) -> None:
    with pytest.raises(rmab_secrets.WrongKeyError):
        rmab_secrets.decrypt(SHORT_KEY_VALUE, key)


@pytest.mark.parametrize(
    "value",
    [
        "tgram://123:ABC/-100/",  # a URL with two colons is not a sealed value
        "json://user:password@host",
        "a:b:c",
        "BwcHBwcHBwcHBwcHBwcHBw==:MxfxsOxxXkwv6+7ylShM9Q==",
        "BwcH:MxfxsOxxXkwv6+7ylShM9Q==:sfSDsDFO",  # a nonce of 3 bytes
        None,
        42,
    ],
)
def test_only_the_sealed_shape_counts_as_encrypted(value: object) -> None:
    assert not rmab_secrets.is_encrypted(value)
    assert rmab_secrets.is_encrypted(LONG_KEY_VALUE)
