"""Households: several desktops on one database, each person signing in (password or Plex),
roles and per-user permissions, invites and sign-ups. ``accounts`` signs people in,
``admin`` is what administrators change, ``plex_sign_in`` maps Plex accounts to users."""

from __future__ import annotations

from pydantic import BaseModel

from rmab_desktop.clients.plex import PLEX_TV_URL
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.feature import Feature, SettingsSpec
from rmab_desktop.services.household.accounts import AccountService
from rmab_desktop.services.household.admin import HouseholdAdmin
from rmab_desktop.services.household.plex_sign_in import PlexHome, PlexSignIn
from rmab_desktop.services.household.sign_in_limits import SignInLockedError

__all__ = [
    "CONFIG_KEY",
    "AccountService",
    "HouseholdAdmin",
    "HouseholdSettings",
    "PlexHome",
    "PlexSignIn",
    "SignInLockedError",
    "feature",
    "plex_sign_in",
]

CONFIG_KEY = "household"


class HouseholdSettings(BaseModel):
    """Shared by every desktop of the household (configuration table)."""

    plex_tv_url: str = PLEX_TV_URL  # tests point this at tests/fakes/plex_tv.py


def plex_sign_in(config: ConfigStore, accounts: AccountService) -> PlexSignIn:
    return PlexSignIn(
        accounts.users, accounts, lambda: config.get_model(CONFIG_KEY, HouseholdSettings).plex_tv_url
    )


def feature() -> Feature:
    return Feature(name="household", settings=(SettingsSpec(CONFIG_KEY, HouseholdSettings, "Household"),))
