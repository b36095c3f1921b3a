"""Creating, editing, ordering, sharing, exporting and importing lists.

Positions are contiguous (0..n-1) within one group: the whole list for a ranked list, one tier
(or the "not placed" pool, ``tier_id`` None) for a tier list. Every move renumbers the groups it
touches, in one transaction. Lists are private to their owner or shared with the household; only
the owner changes one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import UserList, UserListItem, UserListTier
from rmab_desktop.domain.errors import NotFoundError, ValidationError
from rmab_desktop.domain.lists import (
    DEFAULT_TIERS,
    MAX_TIERS,
    ListEntry,
    ListInfo,
    ListKind,
    TierInfo,
    Visibility,
)

EXPORT_FORMAT = "rmab-list"
EXPORT_VERSION = 1
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_ASIN = re.compile(r"^[A-Z0-9]{10}$")


@dataclass(frozen=True)
class BookRef:
    """What a list stores of a book (its identity and the words shown without a lookup)."""

    asin: str
    region: str
    title: str
    author: str = ""


def _tier_info(row: UserListTier) -> TierInfo:
    return TierInfo(row.id, row.label, row.color, row.position)


def _entry(row: UserListItem) -> ListEntry:
    return ListEntry(
        row.id, row.asin or "", row.region, row.title, row.author, row.note, row.position, row.tier_id
    )


def _color(value: str) -> str:
    if not _COLOR.match(value.strip()):
        raise ValidationError(f"'{value}' is not a colour.", hint="Give it as #RRGGBB, for example #FF7F7F.")
    return value.strip().upper()


def _label(value: str) -> str:
    label = value.strip()
    if not label or len(label) > 40:
        raise ValidationError("A tier label needs 1 to 40 characters.", hint="For example S, A, Must read.")
    return label


class ListService:
    def __init__(
        self,
        database: Database,
        current_user_id: Callable[[], int | None],
        lookup: Callable[[str, str | None], BookRef],
    ) -> None:
        self.database = database
        self.current_user_id = current_user_id
        self.lookup = lookup  # (asin, region) -> BookRef, e.g. from the catalog

    @contextmanager
    def _session(self) -> Iterator[tuple[Session, int | None]]:
        user_id = self.current_user_id()  # before the session: resolving the user may write
        with self.database.session() as session:
            yield session, user_id

    # -- reading -------------------------------------------------------------------------------
    @staticmethod
    def _visible(user_id: int | None):  # type: ignore[no-untyped-def]
        mine = UserList.user_id.is_(None) if user_id is None else UserList.user_id == user_id
        return select(UserList).where(or_(mine, UserList.visibility == Visibility.HOUSEHOLD.value))

    def _find(self, session: Session, ref: str | int, user_id: int | None) -> UserList:
        text = str(ref).strip()
        rows = list(session.scalars(self._visible(user_id).order_by(UserList.id)))
        found: UserList | None = next((r for r in rows if text.isdigit() and r.id == int(text)), None)
        found = found or next((r for r in rows if r.name.casefold() == text.casefold()), None)
        if found is None:
            raise NotFoundError(
                f"There is no list '{text}'.", hint="`rmab lists show` names every list you can see."
            )
        return found

    def _editable(self, session: Session, ref: str | int, user_id: int | None) -> UserList:
        row = self._find(session, ref, user_id)
        if row.user_id != user_id:
            raise ValidationError(
                f"'{row.name}' belongs to someone else.", hint="Only its owner can change a list."
            )
        return row

    def _info(self, session: Session, row: UserList) -> ListInfo:
        tiers = list(
            session.scalars(
                select(UserListTier).where(UserListTier.list_id == row.id).order_by(UserListTier.position)
            )
        )
        order = {t.id: t.position for t in tiers}
        items = sorted(
            session.scalars(select(UserListItem).where(UserListItem.list_id == row.id)),
            key=lambda i: (
                order.get(i.tier_id, MAX_TIERS) if i.tier_id is not None else MAX_TIERS,
                i.position,
            ),
        )
        return ListInfo(
            row.id,
            row.name,
            ListKind(row.kind),
            Visibility(row.visibility),
            row.description,
            row.user_id,
            tuple(_tier_info(t) for t in tiers),
            tuple(_entry(i) for i in items),
        )

    def lists(self) -> list[ListInfo]:
        with self._session() as (session, user_id):
            return [
                self._info(session, row)
                for row in session.scalars(self._visible(user_id).order_by(UserList.name))
            ]

    def get(self, ref: str | int) -> ListInfo:
        with self._session() as (session, user_id):
            return self._info(session, self._find(session, ref, user_id))

    # -- lists -------------------------------------------------------------------------------
    def create(
        self,
        name: str,
        kind: ListKind = ListKind.RANKED,
        *,
        visibility: Visibility = Visibility.PRIVATE,
        description: str = "",
    ) -> ListInfo:
        name = name.strip()
        if not name or len(name) > 200:
            raise ValidationError(
                "A list needs a name of 1 to 200 characters.", hint="For example: Summer 2026."
            )
        if name.isdigit():
            raise ValidationError(
                "A list name cannot be only digits.", hint="Digits alone name a list by its id."
            )
        with self._session() as (session, user_id):
            if any(r.name.casefold() == name.casefold() for r in session.scalars(self._visible(user_id))):
                raise ValidationError(
                    f"There is already a list called '{name}'.", hint="Choose another name."
                )
            row = UserList(
                user_id=user_id,
                kind=kind.value,
                name=name,
                visibility=visibility.value,
                description=description,
            )
            session.add(row)
            session.flush()
            if kind == ListKind.TIER:
                for position, (label, color) in enumerate(DEFAULT_TIERS):
                    session.add(UserListTier(list_id=row.id, label=label, color=color, position=position))
                session.flush()
            return self._info(session, row)

    def update(
        self,
        ref: str | int,
        *,
        name: str | None = None,
        visibility: Visibility | None = None,
        description: str | None = None,
    ) -> ListInfo:
        with self._session() as (session, user_id):
            row = self._editable(session, ref, user_id)
            if name is not None and name.strip() != row.name:
                if not name.strip() or name.strip().isdigit():
                    raise ValidationError(
                        "A list needs a name that is not only digits.", hint="Choose another name."
                    )
                if any(
                    r.id != row.id and r.name.casefold() == name.strip().casefold()
                    for r in session.scalars(self._visible(user_id))
                ):
                    raise ValidationError(
                        f"There is already a list called '{name.strip()}'.", hint="Choose another name."
                    )
                row.name = name.strip()
            if visibility is not None:
                row.visibility = visibility.value
            if description is not None:
                row.description = description
            session.flush()
            return self._info(session, row)

    def delete(self, ref: str | int) -> None:
        with self._session() as (session, user_id):
            session.delete(self._editable(session, ref, user_id))

    # -- tiers -------------------------------------------------------------------------------
    def _tiers(self, session: Session, row: UserList) -> list[UserListTier]:
        if row.kind != ListKind.TIER.value:
            raise ValidationError(
                f"'{row.name}' is a ranked list; it has no tiers.", hint="Create a tier list for tiers."
            )
        return list(
            session.scalars(
                select(UserListTier).where(UserListTier.list_id == row.id).order_by(UserListTier.position)
            )
        )

    def _tier(self, session: Session, row: UserList, label: str) -> UserListTier:
        found = next(
            (t for t in self._tiers(session, row) if t.label.casefold() == label.strip().casefold()), None
        )
        if found is None:
            labels = ", ".join(t.label for t in self._tiers(session, row))
            raise NotFoundError(f"'{row.name}' has no tier '{label}'.", hint=f"Its tiers: {labels}.")
        return found

    def add_tier(self, ref: str | int, label: str, color: str = "#888888") -> ListInfo:
        with self._session() as (session, user_id):
            row = self._editable(session, ref, user_id)
            tiers = self._tiers(session, row)
            if len(tiers) >= MAX_TIERS:
                raise ValidationError(
                    f"A tier list has at most {MAX_TIERS} tiers.", hint="Remove a tier first."
                )
            label = _label(label)
            if any(t.label.casefold() == label.casefold() for t in tiers):
                raise ValidationError(
                    f"'{row.name}' already has a tier '{label}'.", hint="Choose another label."
                )
            session.add(UserListTier(list_id=row.id, label=label, color=_color(color), position=len(tiers)))
            session.flush()
            return self._info(session, row)

    def edit_tier(
        self, ref: str | int, label: str, *, new_label: str | None = None, color: str | None = None
    ) -> ListInfo:
        with self._session() as (session, user_id):
            row = self._editable(session, ref, user_id)
            tier = self._tier(session, row, label)
            if new_label is not None:
                new_label = _label(new_label)
                if any(
                    t.id != tier.id and t.label.casefold() == new_label.casefold()
                    for t in self._tiers(session, row)
                ):
                    raise ValidationError(
                        f"'{row.name}' already has a tier '{new_label}'.", hint="Choose another label."
                    )
                tier.label = new_label
            if color is not None:
                tier.color = _color(color)
            session.flush()
            return self._info(session, row)

    def remove_tier(self, ref: str | int, label: str) -> ListInfo:
        """Remove a tier; its books go back to the "not placed" pool, in their order."""
        with self._session() as (session, user_id):
            row = self._editable(session, ref, user_id)
            tier = self._tier(session, row, label)
            pool = self._group(session, row.id, None)
            for offset, item in enumerate(self._group(session, row.id, tier.id)):
                item.tier_id, item.position = None, len(pool) + offset
            session.flush()
            session.delete(tier)
            session.flush()
            self._renumber_tiers(session, row)
            return self._info(session, row)

    def move_tier(self, ref: str | int, label: str, position: int) -> ListInfo:
        with self._session() as (session, user_id):
            row = self._editable(session, ref, user_id)
            tiers = self._tiers(session, row)
            tier = self._tier(session, row, label)
            tiers.remove(tier)
            tiers.insert(max(0, min(position, len(tiers))), tier)
            self._renumber_tiers(session, row, tiers)
            return self._info(session, row)

    def _renumber_tiers(
        self, session: Session, row: UserList, order: list[UserListTier] | None = None
    ) -> None:
        tiers = order if order is not None else self._tiers(session, row)
        for offset, tier in enumerate(tiers):  # two steps: (list_id, position) is unique
            tier.position = -1 - offset
        session.flush()
        for position, tier in enumerate(tiers):
            tier.position = position
        session.flush()

    # -- items -------------------------------------------------------------------------------
    def _group(self, session: Session, list_id: int, tier_id: int | None) -> list[UserListItem]:
        tier = UserListItem.tier_id.is_(None) if tier_id is None else UserListItem.tier_id == tier_id
        return list(
            session.scalars(
                select(UserListItem)
                .where(UserListItem.list_id == list_id, tier)
                .order_by(UserListItem.position)
            )
        )

    def _item(self, session: Session, row: UserList, asin: str) -> UserListItem:
        item = session.scalar(
            select(UserListItem).where(
                UserListItem.list_id == row.id, UserListItem.asin == asin.strip().upper()
            )
        )
        if item is None:
            raise NotFoundError(
                f"{asin} is not in '{row.name}'.", hint="`rmab lists show LIST` shows what it holds."
            )
        return item

    def _target_tier(self, session: Session, row: UserList, tier: str | None) -> int | None:
        if tier is None:
            return None
        if row.kind != ListKind.TIER.value:
            raise ValidationError(
                f"'{row.name}' is a ranked list; it has no tiers.", hint="Leave out --tier."
            )
        return self._tier(session, row, tier).id

    @staticmethod
    def _place(group: list[UserListItem], item: UserListItem, position: int | None) -> None:
        if item in group:
            group.remove(item)
        group.insert(len(group) if position is None else max(0, min(position, len(group))), item)
        for index, member in enumerate(group):
            member.position = index

    def add(
        self,
        ref: str | int,
        asin: str,
        *,
        region: str | None = None,
        tier: str | None = None,
        note: str = "",
        position: int | None = None,
        book: BookRef | None = None,
    ) -> ListInfo:
        """Add a book (``book`` when the caller knows it, else looked up); at the end unless ``position``."""
        asin = asin.strip().upper()
        if not _ASIN.match(asin):
            raise ValidationError(
                f"'{asin}' is not an ASIN.", hint="An ASIN has 10 letters and digits, e.g. B0AUDLIB01."
            )
        with self._session() as (session, user_id):
            row = self._editable(session, ref, user_id)
            tier_id = self._target_tier(session, row, tier)
            if session.scalar(
                select(UserListItem.id).where(UserListItem.list_id == row.id, UserListItem.asin == asin)
            ):
                raise ValidationError(f"{asin} is already in '{row.name}'.", hint="Move it instead.")
        book = book or self.lookup(asin, region)
        with self._session() as (session, user_id):
            row = self._editable(session, ref, user_id)
            item = UserListItem(
                list_id=row.id,
                tier_id=tier_id,
                asin=asin,
                region=book.region,
                title=book.title[:500],
                author=book.author[:300],
                note=note,
                position=0,
            )
            session.add(item)
            self._place(self._group(session, row.id, tier_id), item, position)
            session.flush()
            return self._info(session, row)

    def move(
        self,
        ref: str | int,
        asin: str,
        *,
        position: int | None = None,
        tier: str | None = None,
        unplace: bool = False,
    ) -> ListInfo:
        """Move a book to ``position`` (default: the end) in its tier, in ``tier``, or back to the pool."""
        with self._session() as (session, user_id):
            row = self._editable(session, ref, user_id)
            item = self._item(session, row, asin)
            target = (
                None
                if unplace
                else self._target_tier(session, row, tier)
                if tier is not None
                else item.tier_id
            )
            if target != item.tier_id:
                old = [i for i in self._group(session, row.id, item.tier_id) if i.id != item.id]
                for index, member in enumerate(old):
                    member.position = index
                item.tier_id = target
                session.flush()
            self._place([i for i in self._group(session, row.id, target) if i.id != item.id], item, position)
            session.flush()
            return self._info(session, row)

    def set_note(self, ref: str | int, asin: str, note: str) -> ListInfo:
        with self._session() as (session, user_id):
            row = self._editable(session, ref, user_id)
            self._item(session, row, asin).note = note
            session.flush()
            return self._info(session, row)

    def remove(self, ref: str | int, asin: str) -> ListInfo:
        with self._session() as (session, user_id):
            row = self._editable(session, ref, user_id)
            item = self._item(session, row, asin)
            tier_id = item.tier_id
            session.delete(item)
            session.flush()
            for index, member in enumerate(self._group(session, row.id, tier_id)):
                member.position = index
            session.flush()
            return self._info(session, row)

    # -- JSON --------------------------------------------------------------------------------
    def export(self, ref: str | int) -> dict[str, Any]:
        info = self.get(ref)
        labels = {t.id: t.label for t in info.tiers}
        return {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "name": info.name,
            "kind": info.kind.value,
            "description": info.description,
            "tiers": [{"label": t.label, "color": t.color} for t in info.tiers],
            "items": [
                {
                    "asin": i.asin,
                    "region": i.region,
                    "title": i.title,
                    "author": i.author,
                    "note": i.note,
                    "tier": labels.get(i.tier_id) if i.tier_id is not None else None,
                }
                for i in info.items
            ],
        }

    def import_(self, data: Any, *, name: str | None = None) -> ListInfo:
        """A list from :meth:`export`'s JSON (as a new private list; ``name`` renames it)."""
        if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
            raise ValidationError(
                "This is not a list exported by ReadMeABook.", hint="Export a list with `rmab lists export`."
            )
        if int(data.get("version", 0)) > EXPORT_VERSION:
            raise ValidationError(
                "This list was exported by a newer version.", hint="Update the app, then import it."
            )
        try:
            kind = ListKind(data["kind"])
            tiers = [(_label(str(t["label"])), _color(str(t["color"]))) for t in data.get("tiers", [])]
            items = [
                (
                    BookRef(
                        str(i["asin"]).upper(),
                        str(i.get("region") or "us"),
                        str(i["title"]),
                        str(i.get("author") or ""),
                    ),
                    str(i.get("note") or ""),
                    i.get("tier"),
                )
                for i in data.get("items", [])
            ]
        except (KeyError, TypeError, ValueError):
            raise ValidationError(
                "The list file is incomplete or damaged.", hint="Export the list again."
            ) from None
        if len(tiers) > MAX_TIERS:
            raise ValidationError(
                f"A tier list has at most {MAX_TIERS} tiers.", hint="Remove tiers from the file."
            )
        created = self.create(
            name or str(data.get("name") or "Imported list"),
            kind,
            description=str(data.get("description") or ""),
        )
        if kind == ListKind.TIER:
            with self._session() as (session, user_id):
                row = self._editable(session, created.id, user_id)
                for tier in self._tiers(session, row):
                    session.delete(tier)
                session.flush()
                for position, (label, color) in enumerate(tiers):
                    session.add(UserListTier(list_id=row.id, label=label, color=color, position=position))
        for book, note, tier in items:
            self.add(created.id, book.asin, region=book.region, tier=tier, note=note, book=book)
        return self.get(created.id)
