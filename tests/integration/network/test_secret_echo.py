"""An indexer that echoes its API key in an error: after the search job fails, the key is nowhere.

The fake answers every search with a Newznab error document whose description quotes the key
and the request URL (``...&apikey=<key>``), as some indexers do. The app core is the real one
(``open_core``: SQLite or PostgreSQL, job queue, executor, log file); every column of every table
and the log file are searched for the key afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest
from sqlalchemy import MetaData, select

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.logging_setup import REDACTED
from rmab_desktop.paths import AppPaths
from rmab_desktop.services.indexers import IndexerConfig
from rmab_desktop.settings import Preferences, SettingsStore
from tests.fakes.audible_server import FakeAudible, generated_product
from tests.fakes.indexer_payloads import BOM
from tests.fakes.loopback_http import FakeRequest, Reply
from tests.fakes.torznab_server import TorznabServer

ASIN = "B0ECHOKEY1"
SECRET_KEY = "s3cr3t-indexer-key-7f2a9c"


class EchoingIndexer(TorznabServer):
    """Refuses every call with an error that quotes the key and the URL it came with."""

    def route(self, request: FakeRequest) -> Reply:
        key = request.query.get("apikey", "")
        url = f"http://indexer.example/api?{request.raw_query}"
        description = f"Invalid API key {key} (request {url}); your apikey={key} is suspended"
        document = (
            f'<?xml version="1.0" encoding="utf-8"?><error code="100" description={quoteattr(description)}/>'
        )
        return Reply(200, BOM.encode() + document.encode(), "application/xml")


@pytest.fixture
def core(tmp_path: Path, database_url: str) -> Iterator[tuple[AppCore, EchoingIndexer, Path]]:
    product = generated_product(1)
    product.update(asin=ASIN, title="The Echo Chamber")
    audible = FakeAudible(products=[product]).start()
    profile = tmp_path / "profile"
    paths = AppPaths.resolve(profile).ensure()
    prefs = Preferences.model_validate(
        {
            "first_run_done": True,
            "catalog": {"region": "us", "audible_base_url": audible.base_url},
            "library": {"root": str(tmp_path / "Audiobooks"), "backend": "folder"},
        }
    )
    (tmp_path / "Audiobooks").mkdir()
    SettingsStore(paths.settings_file).save(prefs)
    with EchoingIndexer() as indexer:
        app = open_core(profile, database_url, log_to_console=False)
        assert app.indexers is not None
        config = IndexerConfig(name="Echoing Torznab", url=indexer.url)
        app.indexers.save_configs([config])
        app.indexers.set_api_key(config, SECRET_KEY)
        yield app, indexer, paths.log_dir
        app.close()
    audible.stop()


def _every_stored_value(app: AppCore) -> list[str]:
    metadata = MetaData()
    values: list[str] = []
    with app.database.engine.connect() as connection:
        metadata.reflect(connection)
        for table in metadata.sorted_tables:
            for row in connection.execute(select(table)):
                values += [repr(value) for value in row]
    return values


def test_an_echoed_api_key_reaches_neither_the_database_nor_the_log(core) -> None:
    app, indexer, log_dir = core
    assert app.requests is not None
    app.requests.create(ASIN)
    for _ in range(10):  # the search job runs, fails, and waits for its backoff
        if app.executor.run_next() is None:
            break
    assert any(request.query.get("apikey") == SECRET_KEY for request in indexer.requests)

    stored = _every_stored_value(app)
    assert any("Invalid API key" in value for value in stored), "the indexer's error was not recorded"
    assert any(REDACTED in value for value in stored)
    assert not [value for value in stored if SECRET_KEY in value]
    logs = "".join(path.read_text(encoding="utf-8", errors="replace") for path in log_dir.rglob("*.log*"))
    assert "Invalid API key" in logs or "Echoing Torznab" in logs
    assert SECRET_KEY not in logs
