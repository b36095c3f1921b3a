"""Two desktops (two cores) on one database: rights are read from the database on every admin
action, so a role changed on one desktop applies on the other at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.db.models import Audiobook, Request, RequestMember
from rmab_desktop.db.models.base import utcnow
from rmab_desktop.domain.enums import Permission, Role
from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.domain.requests import PermissionDeniedError
from rmab_desktop.services.requests import ApprovalSettings


@pytest.fixture
def desktops(tmp_path: Path, database_url: str) -> Iterator[tuple[AppCore, AppCore]]:
    first = open_core(tmp_path / "desk-a", database_url, log_to_console=False)
    second = open_core(tmp_path / "desk-b", database_url, log_to_console=False)
    yield first, second
    second.close()
    first.close()


def test_a_demoted_admin_loses_admin_actions_at_once(desktops: tuple[AppCore, AppCore]) -> None:
    a, b = desktops
    owner = a.users.default_user()
    a.users.set_password(owner.id, "owner password")
    kim = a.household.add(owner, "kim", "kim's password", role=Role.ADMIN)
    lou = a.household.add(owner, "lou", "lou's password")
    signed_in_kim = b.accounts.sign_in("kim", "kim's password")  # desktop B: Kim, an admin
    assert signed_in_kim.is_admin
    b.household.set_permission(signed_in_kim, lou.id, Permission.AUTO_APPROVE, False)

    a.household.set_role(owner, kim.id, Role.USER)  # desktop A demotes Kim

    # B still holds Kim's UserInfo from when she was an admin: it does not count.
    with pytest.raises(PermissionDeniedError, match="Only an administrator"):
        b.household.set_permission(signed_in_kim, lou.id, Permission.AUTO_APPROVE, True)
    with pytest.raises(PermissionDeniedError):
        b.household.set_role(signed_in_kim, kim.id, Role.ADMIN)
    with pytest.raises(PermissionDeniedError):
        b.household.invite(signed_in_kim)
    with pytest.raises(PermissionDeniedError):
        b.household.set_defaults(signed_in_kim, ApprovalSettings(auto_approve=False))
    waiting = _request_for(a, lou.id, "B0LOUWAIT1", status="awaiting_approval")
    with pytest.raises(PermissionDeniedError, match="Only an administrator"):
        b.requests.approve(waiting, "ok", admin=signed_in_kim)
    with pytest.raises(PermissionDeniedError):
        b.requests.deny(waiting, "no", admin=signed_in_kim)
    assert a.requests.get(waiting).status.value == "awaiting_approval"
    assert not b.users.has_permission(lou, Permission.AUTO_APPROVE)  # her last change stands, no later one
    assert not b.users.current().is_admin  # what B's window asks before showing admin pages


def test_the_first_admin_cannot_be_demoted_or_removed(desktops: tuple[AppCore, AppCore]) -> None:
    a, b = desktops
    owner = a.users.default_user()
    a.users.set_password(owner.id, "owner password")
    nina = a.household.add(owner, "nina", "nina's password", role=Role.ADMIN)
    with pytest.raises(PermissionDeniedError, match="first administrator"):
        b.household.set_role(nina, owner.id, Role.USER)
    with pytest.raises(PermissionDeniedError, match="first administrator"):
        b.household.remove(nina, owner.id)
    with pytest.raises(ValidationError, match="yourself"):
        b.household.remove(nina, nina.id)
    assert a.users.get(owner.id).is_admin


def test_a_removed_user_keeps_history_or_hands_requests_over(desktops: tuple[AppCore, AppCore]) -> None:
    a, b = desktops
    owner = a.users.default_user()
    a.users.set_password(owner.id, "owner password")
    olga = a.household.add(owner, "olga", "olga's password")
    b.accounts.sign_in("olga", "olga's password")
    a.household.remove(owner, olga.id)
    removed = a.users.get(olga.id)
    assert removed.is_deleted and not removed.can_sign_in
    assert a.users.find("olga") is None and all(u.id != olga.id for u in a.users.list())
    assert b.accounts.resume() is None  # her remembered sign-in on desktop B ended
    with pytest.raises(PermissionDeniedError):
        b.accounts.sign_in("olga", "olga's password")
    again = a.household.add(owner, "olga", "a new password")  # the name is free again
    assert again.id != olga.id


def _request_for(
    core: AppCore, user_id: int, asin: str, members: tuple[int, ...] = (), status: str = "available"
) -> int:
    with core.database.session() as session:
        book = Audiobook(asin=asin, title=f"Book {asin}")
        session.add(book)
        session.flush()
        request = Request(audiobook_id=book.id, user_id=user_id, status=status)
        session.add(request)
        session.flush()
        for member in members:
            session.add(RequestMember(request_id=request.id, user_id=member, joined_at=utcnow()))
        return request.id


def test_removing_a_user_can_hand_their_requests_to_someone(desktops: tuple[AppCore, AppCore]) -> None:
    a, _ = desktops
    owner = a.users.default_user()
    with pytest.raises(ValidationError, match="no password yet"):
        a.household.add(owner, "paul", None)
    a.users.link_plex(owner.id, "246408570")  # a Plex sign-in is as good as a password
    paul = a.household.add(owner, "paul", None)
    rita = a.household.add(owner, "rita", None)
    own = _request_for(a, paul.id, "B0PAUL0001")
    shared = _request_for(a, paul.id, "B0PAUL0002", members=(rita.id,))
    joined = _request_for(a, owner.id, "B0OWNER001", members=(paul.id, rita.id))
    kept = _request_for(a, rita.id, "B0RITA0001")

    assert a.household.remove(owner, paul.id, reassign_to=rita.id) == 2
    assert a.requests.get(own).user_id == rita.id
    assert a.requests.get(shared).user_id == rita.id and a.requests.get(shared).member_ids == ()
    assert a.requests.get(joined).member_ids == (rita.id,)
    assert a.requests.get(kept).user_id == rita.id

    sven = a.household.add(owner, "sven", None)
    history = _request_for(a, sven.id, "B0SVEN0001")
    assert a.household.remove(owner, sven.id) == 0
    assert a.requests.get(history).user_id == sven.id  # kept as the removed user's history
