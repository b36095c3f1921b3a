"""Many rows at the driver's speed, for reads that list a whole table (the Library page).

SQLAlchemy builds a Row and runs result processors for every row it returns; for 50,000 rows that
costs more than fetching them. This runs the compiled statement on the driver's own cursor instead.
Use it only for columns the driver already returns as wanted (numbers and text; JSON comes back as
text on SQLite and decoded on PostgreSQL, so the caller accepts both).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler


def plain_rows(session: Session, query: ClauseElement) -> list[tuple[Any, ...]]:
    connection = session.connection()
    compiled = query.compile(dialect=connection.dialect)
    assert isinstance(compiled, SQLCompiler)  # a SELECT compiles to SQL
    params: Any = (
        tuple(compiled.params[name] for name in compiled.positiontup or ())
        if compiled.positional
        else compiled.params
    )
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled), params)
        return list(cursor.fetchall())
    finally:
        cursor.close()
