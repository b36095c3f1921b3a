"""What an administrator does to the household's users. Every method first reads the acting
user's role from the database (``UserService.require_admin``): a demoted admin on another
desktop loses these actions at once, whatever their window still shows."""

from __future__ import annotations

from rmab_desktop.domain.enums import Permission, Role
from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.requests import UserInfo
from rmab_desktop.services.household.accounts import AccountService
from rmab_desktop.services.requests.service import RequestService
from rmab_desktop.services.requests.users import ApprovalSettings, UserService

tr = Translator("Users")


class HouseholdAdmin:
    def __init__(self, users: UserService, accounts: AccountService, requests: RequestService) -> None:
        self.users = users
        self.accounts = accounts
        self.requests = requests

    def add(
        self,
        by: UserInfo,
        username: str,
        password: str | None,
        *,
        role: Role = Role.USER,
        display_name: str = "",
    ) -> UserInfo:
        self.users.require_admin(by, tr("Only an administrator can add users."))
        first = self.users.first_admin()
        if not self.users.is_household() and not (first.has_password or first.plex_linked):
            raise ValidationError(
                tr(
                    "The administrator '{name}' has no password yet: with a second user, everyone signs in."
                ).format(name=first.username),
                hint=tr("Give the administrator a password first (rmab users password {name}).").format(
                    name=first.username
                ),
            )
        return self.users.create(username, display_name=display_name, role=role, password=password)

    def invite(self, by: UserInfo, *, role: Role = Role.USER, note: str = "") -> str:
        return self.accounts.create_invite(by, role=role, note=note)

    def approve(self, by: UserInfo, user_id: int) -> UserInfo:
        self.users.require_admin(by, tr("Only an administrator can approve sign-ups."))
        return self.users.approve(user_id)

    def set_role(self, by: UserInfo, user_id: int, role: Role) -> UserInfo:
        self.users.require_admin(by, tr("Only an administrator can change roles."))
        return self.users.set_role(user_id, role)

    def set_password(self, by: UserInfo, user_id: int, password: str) -> None:
        """An admin sets anyone's password, a user their own; other desktops must sign in again."""
        if by.id != user_id:
            self.users.require_admin(by, tr("Only an administrator can change another person's password."))
        self.users.set_password(user_id, password)
        self.accounts.end_sessions(user_id)
        self.accounts.limits.succeeded(user_id)

    def set_permission(
        self, by: UserInfo, user_id: int, permission: Permission, granted: bool | None
    ) -> None:
        self.users.require_admin(by, tr("Only an administrator can change permissions."))
        self.users.get(user_id)
        self.users.set_permission(user_id, permission, granted)

    def set_defaults(self, by: UserInfo, defaults: ApprovalSettings) -> None:
        self.users.require_admin(by, tr("Only an administrator can change the household defaults."))
        self.users.set_approval_settings(defaults)

    def remove(self, by: UserInfo, user_id: int, *, reassign_to: int | None = None) -> int:
        """Soft-delete ``user_id``: their requests stay, given to ``reassign_to`` or kept as the
        removed user's history. Returns how many requests moved."""
        admin = self.users.require_admin(by, tr("Only an administrator can remove users."))
        if user_id == admin.id:
            raise ValidationError(
                tr("You cannot remove yourself."),
                hint=tr("Ask another administrator to remove your account."),
            )
        if reassign_to is not None:
            target = self.users.get(reassign_to)
            if target.is_deleted or target.id == user_id:
                raise ValidationError(
                    tr("Requests can only go to another user who is not removed."),
                    hint=tr("Choose someone else, or keep them as history."),
                )
        self.users.soft_delete(user_id)
        self.accounts.end_sessions(user_id)
        return self.requests.reassign_user(user_id, reassign_to) if reassign_to is not None else 0
