"""The household windows on the real services: the sign-in window (password with lockout message,
invite code, sign-up, Plex profiles against the local plex.tv), the Users page and its dialogs,
and the main window's household menu and Users page visibility."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.domain.enums import Permission, Role
from rmab_desktop.domain.requests import PermissionDeniedError
from rmab_desktop.services.household import CONFIG_KEY, HouseholdSettings
from rmab_desktop.ui.dialogs.sign_in_window import SignInWindow
from rmab_desktop.ui.pages.users_page import UsersPage
from rmab_desktop.workers.runner import ErrorInfo, ImmediateRunner
from tests.fakes.plex_tv import FakePlexTv, plex_home
from tests.ui.main_windows import open_main_window


@pytest.fixture
def household(core: AppCore) -> AppCore:
    owner = core.users.default_user()
    core.users.set_password(owner.id, "owner password")
    core.household.add(owner, "bob", "bob's password", display_name="Bob")
    return core


def _window(core: AppCore, **kwargs: object) -> SignInWindow:
    return SignInWindow(core.accounts, core.plex_sign_in, ImmediateRunner(), "ui-test-client", **kwargs)  # type: ignore[arg-type]


def test_password_sign_in_and_its_error(household: AppCore, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = _window(household)
    qtbot.addWidget(window)
    window.show()
    window.submit()
    assert "Enter your user name and password" in window.message_label.text()
    window.name_edit.setText("bob")
    window.password_edit.setText("not bob's")
    window.submit()
    assert "Wrong user name or password" in window.message_label.text() and window.go_button.isEnabled()
    assert window.user is None
    window.password_edit.setText("bob's password")
    with qtbot.waitSignal(window.accepted):
        window.submit()
    assert window.user is not None and household.users.current().username == "bob"


def test_locked_account_says_when_to_try_again(household: AppCore, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = _window(household)
    qtbot.addWidget(window)
    window.name_edit.setText("bob")
    window.password_edit.setText("guess")
    for _ in range(5):
        window.submit()
    assert "Too many wrong passwords for 'bob'" in window.message_label.text()
    assert "Try again in 1 minute" in window.message_label.text()


def test_invite_code_creates_the_account(household: AppCore, qtbot) -> None:  # type: ignore[no-untyped-def]
    code = household.accounts.create_invite(household.users.first_admin())
    window = _window(household)
    qtbot.addWidget(window)
    window.show()
    window.invite_button.click()
    assert window.stack.currentWidget() is window.invite_form and window.back_button.isVisible()
    form = window.invite_form
    form.code_edit.setText(code)
    form.name_edit.setText("cleo")
    form.password_edit.setText("cleo's password")
    form.repeat_edit.setText("cleo's passwort")
    window.submit()
    assert "differ" in window.message_label.text()
    form.repeat_edit.setText("cleo's password")
    with qtbot.waitSignal(window.accepted):
        window.submit()
    assert window.user is not None and window.user.username == "cleo"


def test_sign_up_waits_for_approval(household: AppCore, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = _window(household)
    qtbot.addWidget(window)
    window.show()
    window.sign_up_button.click()
    form = window.sign_up_form
    form.name_edit.setText("dora")
    form.password_edit.setText("dora's password")
    form.repeat_edit.setText("dora's password")
    window.submit()
    assert window.stack.currentWidget() is window.password_page
    assert "waits for an administrator" in window.message_label.text()
    dora = household.users.find("dora")
    assert dora is not None and dora.awaiting_approval


@pytest.fixture
def plex_tv(household: AppCore) -> Iterator[FakePlexTv]:
    with FakePlexTv() as server:
        household.config.set_model(CONFIG_KEY, HouseholdSettings(plex_tv_url=server.url))
        yield server


def test_plex_sign_in_with_a_home_profile(household: AppCore, plex_tv: FakePlexTv, qtbot) -> None:  # type: ignore[no-untyped-def]
    owner, member, _ = plex_home()
    household.users.link_plex(household.users.first_admin().id, str(owner.id))
    opened: list[str] = []

    def browser(url: str) -> None:
        opened.append(url)
        plex_tv.link(max(plex_tv.pins), member)  # Benno signs in on plex.tv

    window = _window(household, open_url=browser)
    qtbot.addWidget(window)
    window.show()
    window.plex_button.click()
    assert opened and "clientID=ui-test-client" in opened[0]
    assert window.profile_combo.count() == 3 and window.profile_combo.currentText() == "Benno"
    assert not window.plex_form.isRowVisible(window.pin_edit)
    window.profile_combo.setCurrentIndex(0)  # Anna's profile has a PIN
    assert window.plex_form.isRowVisible(window.pin_edit)
    window.pin_edit.setText("0000")
    window.submit()
    assert "refused" in window.message_label.text()
    window.profile_combo.setCurrentIndex(1)
    with qtbot.waitSignal(window.accepted):
        window.submit()
    assert window.user is not None and window.user.display_name == "Benno"


class FailingRunner(ImmediateRunner):
    def submit(self, fn, *args, on_error=None, **kwargs):  # type: ignore[no-untyped-def, override]
        on_error(ErrorInfo("The database server cannot be reached.", "Check the server."))


def test_users_page_states_and_actions(household: AppCore, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    failing = UsersPage(household.users, household.household, FailingRunner())
    qtbot.addWidget(failing)
    assert failing.stack.currentWidget() is failing.error_state
    assert "cannot be reached" in failing.error_state.text_label.text()

    page = UsersPage(household.users, household.household, ImmediateRunner())
    qtbot.addWidget(page)
    assert page.stack.currentWidget() is page.table and page.model.rowCount() == 2
    bob_row = next(r for r in range(2) if page.model.row_object(r).user.username == "bob")
    page.table.selectRow(bob_row)
    assert page.role_button.isEnabled() and page.remove_button.isEnabled()
    page.toggle_role()
    assert household.users.find("bob").is_admin  # type: ignore[union-attr]

    page.table.selectRow(bob_row)
    page.edit_permissions()
    page.dialog.combos[Permission.DOWNLOAD].setCurrentIndex(2)  # Off
    page.dialog.accept()
    assert household.users.permission_overrides(household.users.find("bob").id) == {
        Permission.DOWNLOAD: False
    }  # type: ignore[union-attr]

    first = next(r for r in range(2) if page.model.row_object(r).user.is_protected)
    page.table.selectRow(first)
    assert not page.role_button.isEnabled() and not page.remove_button.isEnabled()

    page.add_user()
    dialog = page.dialog
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.name_edit.setText("emil")
    dialog.password_edit.setText("short")
    assert not ok.isEnabled() and "at least 8" in dialog.problem_label.text()
    dialog.password_edit.setText("emil's password")
    dialog.repeat_edit.setText("emil's password")
    assert ok.isEnabled()
    dialog.accept()
    assert page.model.rowCount() == 3, page.status_label.text()

    page.invite()
    assert len(page.dialog.code_label.text()) == 14

    for _ in range(5):  # Bob locked himself out
        with pytest.raises(PermissionDeniedError):
            household.accounts.sign_in("bob", "guess")
    page.table.selectRow(next(r for r in range(3) if page.model.row_object(r).user.username == "bob"))
    page.set_password()
    page.dialog.password_edit.setText("bob's new password")
    page.dialog.repeat_edit.setText("bob's new password")
    page.dialog.accept()
    assert household.accounts.sign_in("bob", "bob's new password").username == "bob"
    household.users.act_as(None)

    page.table.selectRow(next(r for r in range(3) if page.model.row_object(r).user.username == "emil"))
    page.remove()
    page.dialog.confirm_box.setChecked(True)
    page.dialog.accept()
    assert page.model.rowCount() == 2 and household.users.find("emil") is None


def test_a_demoted_admin_sees_refusals_not_a_crash(household: AppCore, qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = household.users.first_admin()
    bob = household.users.find("bob")
    assert bob is not None
    household.household.set_role(owner, bob.id, Role.ADMIN)
    household.users.act_as(bob.id)
    page = UsersPage(household.users, household.household, ImmediateRunner())
    qtbot.addWidget(page)
    assert page.add_button.isEnabled()
    household.household.set_role(owner, bob.id, Role.USER)  # on another desktop
    page.add_user()
    page.dialog.name_edit.setText("fred")
    page.dialog.password_edit.setText("fred's password")
    page.dialog.repeat_edit.setText("fred's password")
    page.dialog.accept()
    assert household.users.find("fred") is None
    assert not page.add_button.isEnabled()  # the page reloaded with Bob's role as it is now
    assert "Only an administrator can add users" in page.status_label.text()


def test_main_window_shows_users_page_and_menu_only_when_allowed(household: AppCore, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _shell = open_main_window(household)
    qtbot.addWidget(window)
    row = window.pages_model.row_of("users")
    assert window.sidebar.isRowHidden(row) and not window.show_page("users")
    assert not window.sign_out_action.isVisible()
    window.set_household("Bob")
    window.set_page_visible("users", True)
    assert window.sign_out_action.isVisible() and "Bob" in window.sign_out_action.text()
    assert window.show_page("users") and window.current_page_key() == "users"
    window.set_page_visible("users", False)
    assert window.current_page_key() != "users"


def test_interactive_search_follows_the_users_permission(household: AppCore, qtbot) -> None:  # type: ignore[no-untyped-def]
    from rmab_desktop.db.models import Audiobook, Request
    from rmab_desktop.ui.pages.requests_page import RequestsPage

    bob = household.users.find("bob")
    assert bob is not None
    with household.database.session() as session:
        book = Audiobook(asin="B0BOBSBOOK", title="Bob's Book")
        session.add(book)
        session.flush()
        session.add(Request(audiobook_id=book.id, user_id=bob.id, status="downloading"))
    household.users.act_as(bob.id)
    page = RequestsPage(
        household.requests, household.users, household.acquisition, household.events, ImmediateRunner()
    )
    qtbot.addWidget(page)
    page.reload()
    page.table.selectRow(0)
    assert not page.buttons["interactive"].isHidden()  # the household default allows it

    household.household.set_permission(
        household.users.first_admin(), bob.id, Permission.INTERACTIVE_SEARCH, False
    )
    page.search_interactively()  # the button was still on screen: the permission is read again
    assert "may not search interactively" in page.action_message.text()
    assert page.buttons["interactive"].isHidden()


def test_sign_out_asks_who_is_using_the_app(household: AppCore, qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.running_app import running_app

    household.accounts.sign_in("me", "owner password")
    with running_app(household, qtbot) as desktop:
        window = desktop.window
        desktop.refresh_household()
        qtbot.waitUntil(lambda: window.sign_out_action.isVisible())
        users_row = window.pages_model.row_of("users")
        qtbot.waitUntil(lambda: not window.sidebar.isRowHidden(users_row))  # an admin's page

        window.sign_out_action.trigger()
        qtbot.waitUntil(lambda: getattr(desktop, "sign_in_window", None) is not None)
        dialog = desktop.sign_in_window
        assert dialog.isVisible() and not window.isVisible()
        assert household.accounts.resume() is None  # this machine forgot the session
        dialog.name_edit.setText("bob")
        dialog.password_edit.setText("bob's password")
        dialog.submit()
        qtbot.waitUntil(lambda: dialog.user is not None and window.isVisible())
        qtbot.waitUntil(lambda: window.sidebar.isRowHidden(users_row))  # Bob is no admin
        assert "Bob" in window.sign_out_action.text()
