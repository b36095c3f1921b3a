"""Sign in with Plex against a local plex.tv: the PIN flow, the Home's profiles, each profile its
own local user; a protected profile needs its PIN; an unknown Home waits for approval."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import User
from rmab_desktop.domain.errors import AuthenticationError
from rmab_desktop.domain.requests import PermissionDeniedError
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.credentials import CredentialStore
from rmab_desktop.services.household import (
    CONFIG_KEY,
    AccountService,
    HouseholdSettings,
    PlexSignIn,
    plex_sign_in,
)
from rmab_desktop.services.requests.users import UserService
from tests.fakes.plex_tv import FakePlexTv, plex_home

CLIENT = "rmab-test-client"


@pytest.fixture
def plex_tv() -> Iterator[FakePlexTv]:
    with FakePlexTv() as server:
        yield server


@pytest.fixture
def sign_in(database: Database, plex_tv: FakePlexTv) -> PlexSignIn:
    config = ConfigStore(database)
    config.set_model(CONFIG_KEY, HouseholdSettings(plex_tv_url=plex_tv.url))
    users = UserService(database, config)
    return plex_sign_in(config, AccountService(database, users, CredentialStore()))


def _token_after_browser(sign_in: PlexSignIn, plex_tv: FakePlexTv, who: object) -> str:
    flow = sign_in.pin_flow(CLIENT)
    try:
        pin = flow.create_pin()
        assert f"code={pin.code}" in flow.auth_url(pin) and f"clientID={CLIENT}" in flow.auth_url(pin)
        polls: list[float] = []

        def sleep(seconds: float) -> bool:
            polls.append(seconds)
            if len(polls) == 2:
                plex_tv.link(pin.id, who)  # type: ignore[arg-type]
            return False

        token = flow.wait_for_token(pin, sleep=sleep, interval=0)
    finally:
        flow.close()
    assert token and len(polls) == 2
    return token


def test_home_profiles_become_their_own_users(
    sign_in: PlexSignIn, plex_tv: FakePlexTv, database: Database
) -> None:
    owner, _, _ = plex_home()
    admin = sign_in.users.default_user()
    sign_in.users.link_plex(admin.id, str(owner.id))  # the household's admin is the Home's admin
    token = _token_after_browser(sign_in, plex_tv, owner)
    home = sign_in.home(token, CLIENT)
    assert home.account.id == owner.id and home.account.admin
    assert [p.label for p in home.profiles] == ["Anna", "Benno", "Child"]

    me = sign_in.sign_in(token, CLIENT, home, home.profiles[0])
    assert me.id == admin.id and sign_in.users.current().id == admin.id

    benno = sign_in.sign_in(token, CLIENT, home, home.profiles[1])
    assert benno.username == "bennoplex" and benno.display_name == "Benno" and benno.can_sign_in
    kid = sign_in.sign_in(token, CLIENT, home, home.profiles[2])
    assert kid.username == "child" and kid.id not in (admin.id, benno.id)
    assert (
        sign_in.sign_in(token, CLIENT, home, home.profiles[1]).id == benno.id
    )  # found again, not a new user
    with database.session() as session:
        stored = " ".join(str(v) for row in session.scalars(select(User)) for v in vars(row).values())
    assert owner.token not in stored and token not in stored


def test_a_protected_profile_needs_its_pin(sign_in: PlexSignIn, plex_tv: FakePlexTv) -> None:
    owner, member, _ = plex_home()
    token = _token_after_browser(sign_in, plex_tv, member)  # Benno signed in; Anna's profile has a PIN
    home = sign_in.home(token, CLIENT)
    anna = next(p for p in home.profiles if p.admin)
    assert anna.protected
    with pytest.raises(AuthenticationError):
        sign_in.sign_in(token, CLIENT, home, anna, pin="0000")
    assert sign_in.users.find_by_plex(str(owner.id)) is None
    with pytest.raises(PermissionDeniedError, match="waiting for an administrator"):
        sign_in.sign_in(token, CLIENT, home, anna, pin="1234")  # no local admin is linked: approval first
    created = sign_in.users.find_by_plex(str(owner.id))
    assert created is not None and created.awaiting_approval


def test_a_wrong_token_is_refused(sign_in: PlexSignIn) -> None:
    with pytest.raises(AuthenticationError):
        sign_in.home("not-a-token", CLIENT)
