"""Everything a database holds, as text: tests scan it for secrets that must not be there."""

from __future__ import annotations

import sqlite3

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url


def database_dump(database_url: str) -> str:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        with sqlite3.connect(str(url.database)) as connection:
            return "\n".join(connection.iterdump())
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            rows = [
                repr(row)
                for table in inspect(engine).get_table_names()
                for row in connection.execute(text(f'SELECT * FROM "{table}"'))
            ]
    finally:
        engine.dispose()
    return "\n".join(rows)
