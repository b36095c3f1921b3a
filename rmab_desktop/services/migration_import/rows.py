"""Reading another app's rows defensively: any column may be missing, NULL or of another type."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from sqlalchemy import Connection, create_engine, inspect, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL

from rmab_desktop.db.faults import explain

Row = Mapping[str, Any]
T = TypeVar("T")


def read_database(url: str | URL, fault_address: str, read: Callable[[Connection], T], **engine: Any) -> T:
    """``read`` on a connection to ``url``; a fault of the database (unreachable, refused, wrong
    password, damaged file) comes out in words (``DatabaseFault``) about ``fault_address``."""
    engine_ = create_engine(url, **engine)
    try:
        with engine_.connect() as conn:
            return read(conn)
    except sa_exc.SQLAlchemyError as error:
        fault = explain(error, fault_address)
        if fault is None:
            raise
        raise fault from None
    finally:
        engine_.dispose()


def table_rows(conn: Connection, table: str) -> list[dict[str, Any]]:
    """Every row of ``table`` as a dict (the names come from the source's own table list)."""
    quoted = conn.dialect.identifier_preparer.quote(table)
    return [dict(row) for row in conn.execute(text(f"SELECT * FROM {quoted}")).mappings()]


def table_names(conn: Connection) -> set[str]:
    return set(inspect(conn).get_table_names())


def string(row: Row, column: str, limit: int = 1000) -> str | None:
    """The column as stripped text, None when missing, NULL or blank."""
    value = row.get(column)
    if value is None:
        return None
    value = str(value).strip()
    return value[:limit] or None


def boolean(row: Row, column: str) -> bool | None:
    value = row.get(column)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return value != 0
    return str(value).strip().lower() in {"1", "true", "t", "yes", "on"}


def integer(row: Row, column: str) -> int | None:
    value = row.get(column)
    try:
        return None if value is None or isinstance(value, bool) else int(value)
    except (TypeError, ValueError):
        return None


def number(row: Row, column: str) -> float | None:
    value = row.get(column)
    try:
        return None if value is None or isinstance(value, bool) else float(value)
    except (TypeError, ValueError):
        return None


def moment(row: Row, column: str) -> datetime | None:
    """A timestamp in UTC (the sources store naive UTC times); text is parsed as ISO 8601."""
    value = row.get(column)
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return None


def day(row: Row, column: str) -> date | None:
    value = row.get(column)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    stamp = moment(row, column)
    return stamp.date() if stamp else None


def json_value(row: Row, column: str) -> Any:
    """A JSON column, whether the driver decoded it (PostgreSQL) or left it as text (SQLite)."""
    value = row.get(column)
    if isinstance(value, str | bytes):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value


def names(value: Any) -> tuple[str, ...]:
    """People from a JSON list or a comma-separated string."""
    if isinstance(value, list):
        return tuple(str(item).strip() for item in value if str(item or "").strip())
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    return ()
