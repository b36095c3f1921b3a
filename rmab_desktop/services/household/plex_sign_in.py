"""Sign in with Plex: plex.tv's PIN flow gives an account token; the account (or the Plex Home
profile the person picks) maps to its own local user, found again by its Plex id.

A profile seen for the first time gets a new user. If the Home's administrator is linked to a
local administrator, the Home is trusted and the user can start at once; otherwise the new user
waits for an administrator's approval. The Plex token is used for these calls only, never stored.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from rmab_desktop.clients.plex import PlexAccount, PlexTvAccount, PlexTvPinFlow
from rmab_desktop.domain.requests import UserInfo
from rmab_desktop.services.household.accounts import AccountService
from rmab_desktop.services.requests.users import MIN_USERNAME, UserService


@dataclass(frozen=True)
class PlexHome:
    """Who signed in on plex.tv, and the profiles they may continue as (the account alone
    outside a Plex Home)."""

    account: PlexAccount
    profiles: tuple[PlexAccount, ...]


class PlexSignIn:
    def __init__(
        self,
        users: UserService,
        accounts: AccountService,
        plex_tv_url: Callable[[], str],
        *,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.users = users
        self.accounts = accounts
        self.plex_tv_url = plex_tv_url
        self.transport = transport  # tests: None, the fake plex.tv answers on its own port

    def pin_flow(self, client_id: str) -> PlexTvPinFlow:
        return PlexTvPinFlow(client_id, base_url=self.plex_tv_url(), transport=self.transport)

    def _account(self, token: str, client_id: str) -> PlexTvAccount:
        return PlexTvAccount(token, client_id, base_url=self.plex_tv_url(), transport=self.transport)

    def home(self, token: str, client_id: str) -> PlexHome:
        client = self._account(token, client_id)
        try:
            account = client.user()
            profiles = tuple(client.home_users()) or (account,)
        finally:
            client.close()
        return PlexHome(account, profiles)

    def sign_in(
        self,
        token: str,
        client_id: str,
        home: PlexHome,
        profile: PlexAccount,
        pin: str | None = None,
        *,
        remember: bool = True,
    ) -> UserInfo:
        """Continue as ``profile``: plex.tv checks the profile's PIN when it has one."""
        if profile.id != home.account.id:
            client = self._account(token, client_id)
            try:
                profile = client.switch(profile, pin)
            finally:
                client.close()
        user = self.users.find_by_plex(str(profile.id)) or self._new_user(home, profile)
        return self.accounts.start_session(user, remember=remember)

    def _new_user(self, home: PlexHome, profile: PlexAccount) -> UserInfo:
        admins = [p for p in home.profiles if p.admin] or [home.account]
        trusted = any(
            (linked := self.users.find_by_plex(str(admin.id))) is not None and linked.is_admin
            for admin in admins
        )
        return self.users.create(
            self._free_username(profile),
            display_name=profile.label,
            awaiting_approval=not trusted,
            plex_user_id=str(profile.id),
        )

    def _free_username(self, profile: PlexAccount) -> str:
        base = re.sub(r"[^a-z0-9._-]+", "", (profile.username or profile.title).lower()) or "plex"
        base = base.ljust(MIN_USERNAME, "_")
        name, number = base, 1
        while self.users.find(name) is not None:
            number += 1
            name = f"{base}{number}"
        return name
