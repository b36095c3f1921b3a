"""Signing in to Audible per marketplace, keeping the sign-in encrypted, and signing out.

Sign-in is two steps so a window can sit between them: :meth:`AudibleAccount.begin` gives the
Amazon login address to open in the user's browser; after logging in, the browser lands on an
address holding an authorization code, which :meth:`AudibleAccount.finish` turns into a
registered device. The device's credentials (the ``audible`` package's Authenticator data) are
encrypted with AES-GCM in a file under the profile; the 256-bit key lives in the keyring. Signing
out deregisters the device at Amazon, then forgets both.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from rmab_desktop.clients.audible import tld_for
from rmab_desktop.clients.audible_account import AudibleAccountClient, AudibleEndpoints, locale_for
from rmab_desktop.domain.errors import AuthenticationError, RmabError, ValidationError
from rmab_desktop.services.credentials import CredentialStore

if TYPE_CHECKING:  # the package (about 0.5 s to import) loads when a sign-in or sync runs
    from audible import Authenticator

KEY_NAME = "audible-auth-key-{region}"
NOT_SIGNED_IN_HINT = "Sign in first: Audible library > Sign in, or `rmab audible login`."


@dataclass(frozen=True)
class LoginAttempt:
    """What :meth:`AudibleAccount.finish` needs besides the address the browser landed on."""

    region: str
    url: str
    code_verifier: bytes
    serial: str


@dataclass(frozen=True)
class AccountInfo:
    region: str
    name: str  # the Amazon customer's name, when Audible gave it
    device_name: str


def _authenticator(data: dict[str, Any], region: str) -> Authenticator:
    from audible import Authenticator

    return Authenticator.from_dict(data, locale=locale_for(region))


def _info(region: str, auth: Authenticator) -> AccountInfo:
    customer = auth.customer_info if isinstance(auth.customer_info, dict) else {}
    device = auth.device_info if isinstance(auth.device_info, dict) else {}
    return AccountInfo(region, str(customer.get("name") or ""), str(device.get("device_name") or ""))


class AudibleAccount:
    def __init__(
        self,
        credentials: CredentialStore,
        folder: Path,
        endpoints: Callable[[str], AudibleEndpoints],
        *,
        transport: httpx.BaseTransport | None = None,
        client_options: dict[str, Any] | None = None,
    ) -> None:
        self.credentials = credentials
        self.folder = folder
        self.endpoints = endpoints
        self.transport = transport
        self.client_options = client_options or {}

    # -- storage -----------------------------------------------------------------------------
    def _file(self, region: str) -> Path:
        tld_for(region)  # refuses an unknown marketplace in words
        return self.folder / f"auth-{region}.bin"

    @staticmethod
    def _aad(region: str) -> bytes:
        return f"rmab-audible-auth:{region}".encode()

    def _save(self, region: str, auth: Authenticator) -> None:
        key_b64 = self.credentials.get(KEY_NAME.format(region=region))
        if key_b64 is None:
            key_b64 = base64.b64encode(AESGCM.generate_key(bit_length=256)).decode()
            self.credentials.set(KEY_NAME.format(region=region), key_b64)
        nonce = os.urandom(12)
        sealed = AESGCM(base64.b64decode(key_b64)).encrypt(
            nonce, json.dumps(auth.to_dict()).encode(), self._aad(region)
        )
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self._file(region)
        partial = target.with_suffix(".partial")
        partial.write_bytes(nonce + sealed)
        os.chmod(partial, 0o600)
        partial.replace(target)

    def _load(self, region: str) -> Authenticator | None:
        path = self._file(region)
        if not path.exists():
            return None
        key_b64 = self.credentials.get(KEY_NAME.format(region=region))
        if key_b64 is None:
            raise AuthenticationError(
                "The key of your Audible sign-in is missing from the keychain.", hint=NOT_SIGNED_IN_HINT
            )
        blob = path.read_bytes()
        try:
            plain = AESGCM(base64.b64decode(key_b64)).decrypt(blob[:12], blob[12:], self._aad(region))
        except (InvalidTag, ValueError):
            raise AuthenticationError(
                "Your saved Audible sign-in cannot be decrypted.", hint=NOT_SIGNED_IN_HINT
            ) from None
        return _authenticator(json.loads(plain), region)

    def _forget(self, region: str) -> None:
        self._file(region).unlink(missing_ok=True)
        if self.credentials.has(KEY_NAME.format(region=region)):
            self.credentials.delete(KEY_NAME.format(region=region))

    # -- sign in / out -----------------------------------------------------------------------
    def begin(self, region: str) -> LoginAttempt:
        from audible.login import build_oauth_url, create_code_verifier

        locale = locale_for(region)
        verifier = create_code_verifier()
        url, serial = build_oauth_url(
            country_code=locale.country_code,
            domain=locale.domain,
            market_place_id=locale.market_place_id,
            code_verifier=verifier,
        )
        return LoginAttempt(region, url, verifier, serial)

    def finish(self, attempt: LoginAttempt, landed_url: str) -> AccountInfo:
        """Register a device with the code in the address the browser landed on after login."""
        from audible.login import extract_code_from_url

        try:
            code = extract_code_from_url(httpx.URL(landed_url.strip()))
        except (KeyError, IndexError, httpx.InvalidURL):
            raise ValidationError(
                "That address holds no Audible authorization code.",
                hint="Copy the whole address of the page the browser shows after you logged in "
                "(it starts with https://www.amazon. and contains openid.oa2.authorization_code).",
            ) from None
        client = self._client(attempt.region, None)
        try:
            registration = client.register(code, attempt.code_verifier, attempt.region, attempt.serial)
        finally:
            client.close()
        auth = _authenticator(registration, attempt.region)
        self._save(attempt.region, auth)
        return _info(attempt.region, auth)

    def status(self, region: str) -> AccountInfo | None:
        auth = self._load(region)
        return _info(region, auth) if auth is not None else None

    def sign_out(self, region: str, *, forget_only: bool = False) -> None:
        """Deregister the device at Amazon and forget the sign-in (``forget_only``: no deregistering)."""
        auth = self._load(region)
        if auth is None:
            raise ValidationError(f"You are not signed in to Audible ({region}).", hint=NOT_SIGNED_IN_HINT)
        if not forget_only:
            client = self._client(region, auth)
            try:
                client.deregister()
            except RmabError as exc:
                raise type(exc)(
                    f"{exc.user_message} You are still signed in.",
                    hint="Try again, or sign out with --forget to remove the sign-in from this computer only.",
                ) from None
            finally:
                client.close()
        self._forget(region)

    def _client(self, region: str, auth: Authenticator | None) -> AudibleAccountClient:
        return AudibleAccountClient(
            self.endpoints(region),
            auth,
            on_refreshed=lambda refreshed: self._save(region, refreshed),
            transport=self.transport,
            **self.client_options,
        )

    def client(self, region: str) -> AudibleAccountClient:
        """An API client for the signed-in marketplace (refreshed tokens are saved as they come)."""
        auth = self._load(region)
        if auth is None:
            raise ValidationError(f"You are not signed in to Audible ({region}).", hint=NOT_SIGNED_IN_HINT)
        return self._client(region, auth)
