"""Server text is redacted before it is stored: registered secrets and secret-named URL parameters."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from rmab_desktop.clients.fields import QUOTE_CHARS, quote
from rmab_desktop.clients.torznab import error_from_document
from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import JobRecord
from rmab_desktop.domain.errors import ServiceError
from rmab_desktop.domain.job_payloads import NoPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.logging_setup import REDACTED, REDACTOR
from rmab_desktop.services.job_queue import JobQueue

REGISTERED = "registered-secret-4242"


@pytest.fixture(autouse=True)
def registered() -> None:
    REDACTOR.register(REGISTERED)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("GET http://idx.example/api?t=search&apikey=abc123&q=dune", "q=dune"),
        ("https://plex.local/library?X-Plex-Token=tok987 failed", "failed"),
        ("error description=&quot;bad&amp;api_key=zzz999&quot;", "bad"),
        ("login?user=me&password=hunter22&pass=hunter22", "user=me"),
    ],
)
def test_secret_url_parameters_are_masked(text: str, kept: str) -> None:
    redacted = REDACTOR.redact(text)
    assert REDACTED in redacted and kept in redacted
    for secret in ("abc123", "tok987", "zzz999", "hunter22"):
        assert secret not in redacted


def test_registered_secrets_are_masked_in_nested_values() -> None:
    value = {"log": [f"key {REGISTERED}", {"url": f"http://x/?apikey={REGISTERED}"}], "count": 3}
    redacted = REDACTOR.redact_value(value)
    assert REGISTERED not in repr(redacted) and redacted["count"] == 3


def test_service_errors_are_redacted_when_they_are_made() -> None:
    error = ServiceError(f"Indexer said: key {REGISTERED} is invalid (http://i/api?apikey=other-key-1)")
    assert REGISTERED not in str(error) and "other-key-1" not in str(error)


def test_quoted_server_text_is_one_short_line() -> None:
    assert quote("line one\nline two") == "line one line two"
    long = quote("x" * 5000)
    assert len(long) == QUOTE_CHARS and long.endswith("…")


def test_an_indexer_error_description_is_shortened() -> None:
    from xml.etree.ElementTree import Element

    root = Element("error", {"code": "201", "description": "because " * 1000})
    message = error_from_document(root, "Indexer").user_message
    assert len(message) < QUOTE_CHARS + 80


def test_the_job_queue_redacts_what_it_stores(database: Database) -> None:
    """The second line of defence: text that did not pass through a ServiceError."""
    queue = JobQueue(database)
    failed_id = queue.enqueue(JobType.MAINTENANCE_PRUNE_HISTORY, NoPayload())
    failing = queue.claim()
    assert failing is not None and failing.id == failed_id
    queue.fail(failing, f"Indexer said {REGISTERED}", retry=False)
    done_id = queue.enqueue(JobType.MAINTENANCE_PRUNE_HISTORY, NoPayload())
    finishing = queue.claim()
    assert finishing is not None and finishing.id == done_id
    queue.complete(finishing, {"url": f"http://i/api?apikey=zz-{REGISTERED}", "releases": 3})
    queue.add_event(
        "echo http://i/api?t=search&apikey=plain-9876", job_id=done_id, metadata={"k": REGISTERED}
    )

    with database.session() as session:
        result = session.scalar(select(JobRecord.result).where(JobRecord.id == done_id))
    stored = repr([queue.get(failed_id), result, queue.events(job_id=done_id)])
    assert REGISTERED not in stored and "plain-9876" not in stored
    assert result == {"url": f"http://i/api?apikey={REDACTED}", "releases": 3}
    assert queue.get(failed_id).last_error == f"Indexer said {REDACTED}"
