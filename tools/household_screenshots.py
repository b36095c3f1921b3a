"""Screenshots of the household windows offscreen: the sign-in window (password, invite code,
Plex profile choice, an error), the Users page (loaded, loading, error) and its dialogs, in the
theme and language asked for. Uses the real services on a throwaway SQLite profile and the fake
plex.tv of the test suite.

    .venv/bin/python tools/household_screenshots.py --out /tmp/shots --theme dark --language de
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


class NeverRunner:
    """Keeps the loading state on screen: nothing submitted ever finishes."""

    def submit(self, *_args: Any, **_kwargs: Any) -> None:
        return None


class FailingRunner:
    """Every task fails the way a lost database connection does."""

    def submit(self, *_args: Any, on_error: Any = None, **_kwargs: Any) -> None:
        from rmab_desktop.workers.runner import ErrorInfo

        if on_error is not None:
            on_error(
                ErrorInfo(
                    "The database server cannot be reached (connection refused).",
                    "Check that PostgreSQL runs on the household's server, then Try again.",
                )
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("/tmp/rmab-household-shots"))
    parser.add_argument("--theme", choices=["light", "dark"], default="light")
    parser.add_argument("--language", default="en", help="en, de, fr or es")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    import keyring
    from PySide6.QtWidgets import QApplication, QWidget

    from rmab_desktop.bootstrap import open_core
    from rmab_desktop.domain.enums import Permission, Role
    from rmab_desktop.services.household import CONFIG_KEY, HouseholdSettings
    from rmab_desktop.ui import translations
    from rmab_desktop.ui.dialogs.sign_in_window import SignInWindow
    from rmab_desktop.ui.dialogs.user_dialogs import (
        AddUserDialog,
        InviteDialog,
        PermissionsDialog,
        RemoveUserDialog,
    )
    from rmab_desktop.ui.pages.users_page import UsersPage
    from rmab_desktop.ui.theme import ThemeManager
    from rmab_desktop.workers.runner import ImmediateRunner
    from tests.fakes.memory_keyring import MemoryKeyring
    from tests.fakes.plex_tv import FakePlexTv, plex_home

    keyring.set_keyring(MemoryKeyring())
    app = QApplication([sys.argv[0]])
    translations.install(app, args.language)
    ThemeManager(app, args.theme)
    plex_tv = FakePlexTv().start()
    work = Path(tempfile.mkdtemp(prefix="rmab-household-"))
    core = open_core(work / "profile", log_to_console=False)
    core.config.set_model(CONFIG_KEY, HouseholdSettings(plex_tv_url=plex_tv.url))
    owner = core.users.default_user()
    core.users.set_password(owner.id, "owner password")
    alice = core.household.add(
        owner, "alice", "alice password", role=Role.ADMIN, display_name="Alice Liddell"
    )
    bob = core.household.add(owner, "bob", "bob's password", display_name="Bob")
    core.household.set_permission(owner, bob.id, Permission.AUTO_APPROVE, False)
    core.accounts.sign_up("carla", "carla password", "Carla")
    core.users.link_plex(alice.id, "246408570")
    runner = ImmediateRunner()
    shot_no = 0

    def settle(seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def shoot(widget: QWidget, name: str) -> None:
        nonlocal shot_no
        widget.show()
        settle()
        target = args.out / f"{name}-{args.theme}-{args.language}.png"
        widget.grab().save(str(target))
        print(target)
        shot_no += 1

    page = UsersPage(core.users, core.household, runner)
    page.resize(1100, 620)
    page.table.selectRow(1)
    shoot(page, "users-page")
    loading = UsersPage(core.users, core.household, NeverRunner())  # type: ignore[arg-type]
    loading.resize(1100, 620)
    shoot(loading, "users-loading")
    failing = UsersPage(core.users, core.household, FailingRunner())  # type: ignore[arg-type]
    failing.resize(1100, 620)
    shoot(failing, "users-error")

    add = AddUserDialog(page)
    add.name_edit.setText("dm")
    add.password_edit.setText("short")
    shoot(add, "add-user")
    shoot(InviteDialog("K7QM-X2PA-9RTD", page), "invite")
    bob_row = next(r for r in page.view.rows if r.user.id == bob.id)  # type: ignore[union-attr]
    shoot(
        PermissionsDialog(bob, bob_row.overrides, {p: True for p in Permission}, page),
        "permissions",
    )
    others = [r.user for r in page.view.rows if r.user.id != bob.id]  # type: ignore[union-attr]
    shoot(RemoveUserDialog(bob, others, page), "remove-user")

    window = SignInWindow(core.accounts, core.plex_sign_in, runner, "rmab-shots")
    shoot(window, "sign-in")
    window.name_edit.setText("bob")
    window.password_edit.setText("wrong")
    window.submit()
    shoot(window, "sign-in-error")
    window.invite_button.click()
    window.invite_form.code_edit.setText("K7QM-X2PA")
    window.invite_form.name_edit.setText("dora")
    window.submit()
    shoot(window, "sign-in-invite")

    owner_plex, _member, _child = plex_home()
    plex = SignInWindow(
        core.accounts,
        core.plex_sign_in,
        runner,
        "rmab-shots",
        open_url=lambda _url: plex_tv.link(max(plex_tv.pins), owner_plex),
    )
    plex.show()
    plex.start_plex()
    plex.profile_combo.setCurrentIndex(1)
    shoot(plex, "sign-in-plex")
    plex_tv.stop()
    core.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
