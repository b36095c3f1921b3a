"""BookDate over the fake Audible server and a local chat-model server: only real books become cards."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import LibraryItem
from rmab_desktop.domain.bookdate import ContextScope, Swipe
from rmab_desktop.domain.enums import RequestStatus
from rmab_desktop.domain.errors import (
    AuthenticationError,
    InvalidResponseError,
    RateLimitedError,
    ServiceTimeoutError,
    ValidationError,
)
from rmab_desktop.services.bookdate import BookDateService
from tests.fakes.audible_server import FakeAudible
from tests.fakes.llm_server import KEY, FakeLLM
from tests.integration.shelves.world import World

THREE_REAL_ONE_INVENTED = json.dumps(
    [
        {"title": "The Lantern Road", "author": "Mara Quell", "reason": "You liked quiet fantasy."},
        {"title": "The Chamber Below", "author": "Jo Rowan", "reason": "A tense mystery."},
        {"title": "The Clockwork Orchard", "author": "Mara Quell", "reason": "Invented by the model."},
        {"title": "The Lantern Sea", "author": "Mara Quell", "reason": "The sequel."},
    ]
)


@pytest.fixture(scope="module")
def audible() -> Iterator[FakeAudible]:
    server = FakeAudible().start()
    yield server
    server.stop()


@pytest.fixture
def llm() -> Iterator[FakeLLM]:
    with FakeLLM(THREE_REAL_ONE_INVENTED) as server:
        yield server


@pytest.fixture
def world(database: Database, audible: FakeAudible, tmp_path: Path) -> Iterator[World]:
    audible.fail_next("ok", 0)
    audible.similar.clear()
    w = World(database, audible, tmp_path / "covers")
    yield w
    w.close()


def bookdate(world: World) -> BookDateService:
    return BookDateService(
        world.database, world.credentials, world.users, world.requests, world.catalog, world.resolver
    )


def test_ai_suggestions_become_cards_only_when_they_are_real_books(world: World, llm: FakeLLM) -> None:
    service = bookdate(world)
    service.set_provider("compatible", base_url=llm.openai_url, model="test-model", api_key=KEY)
    deck = service.next_cards()
    assert [(c.asin, c.title) for c in deck.cards] == [
        ("B0TESTSER1", "The Lantern Road"),
        ("B0TESTCLS1", "The Chamber Below"),
        ("B0TESTFUT1", "The Lantern Sea"),
    ]
    first = deck.cards[0]
    assert first.reason == "You liked quiet fantasy." and first.origin == "ai"
    assert first.narrator and first.cover_url and first.runtime_minutes
    assert llm.prompts[0]["model"] == "test-model"

    assert service.swipe(first.id, Swipe.RIGHT) == "Requested: The Lantern Road"
    assert world.requested_asins() == {"B0TESTSER1"}
    service.swipe(deck.cards[1].id, Swipe.LEFT)
    assert [c.asin for c in service.deck()] == ["B0TESTFUT1"]

    # The next batch never brings back a book suggested or swiped before.
    fetched = service.fetch_batch()
    assert fetched == 0 and [c.asin for c in service.deck()] == ["B0TESTFUT1"]
    sent = llm.prompts[-1]["messages"][1]["content"]
    assert "The Lantern Road — Mara Quell" in sent and "not interested" in sent


def test_undo_returns_the_card_and_withdraws_its_request(world: World, llm: FakeLLM) -> None:
    service = bookdate(world)
    service.set_provider("compatible", base_url=llm.openai_url, model="test-model", api_key=KEY)
    card = service.next_cards().cards[0]
    service.swipe(card.id, Swipe.RIGHT)
    request = world.requests.list()[0]
    undone = service.undo()
    assert undone is not None and undone.id == card.id
    assert card.id in [c.id for c in service.deck()]
    assert world.requests.get(request.id).status == RequestStatus.CANCELLED
    assert service.undo() is None


@pytest.mark.parametrize(
    ("answer", "error", "words"),
    [
        (
            "Here are some ideas: The Lantern Road is lovely.",
            InvalidResponseError,
            "not with a list of books",
        ),
        ("I'm sorry, but I can't help with recommendations.", Exception, "declined"),
        ('{"books": [{"title": "The Lantern Road", "author": ', InvalidResponseError, "not with a list"),
    ],
)
def test_bad_answers_say_what_happened_and_keep_the_deck(
    world: World, llm: FakeLLM, answer: str, error: type[Exception], words: str
) -> None:
    service = bookdate(world)
    service.set_provider("compatible", base_url=llm.openai_url, model="test-model", api_key=KEY)
    first = service.next_cards().cards[0]
    service.swipe(first.id, Swipe.UP)
    llm.answer = answer
    with pytest.raises(error, match=words):
        service.fetch_batch()
    deck = service.next_cards()  # two cards left: the failed batch is a notice, not an error
    assert len(deck.cards) == 2 and deck.notice and words.split()[0] in deck.notice
    assert service.undo() is not None  # the swipe was kept


def test_answers_in_fences_objects_and_empty_lists(world: World, llm: FakeLLM) -> None:
    service = bookdate(world)
    service.set_provider("compatible", base_url=llm.openai_url, model="test-model", api_key=KEY)
    llm.answer = (
        'Sure!\n```json\n{"recommendations": [{"title": "The Chamber Below", "author": "Jo Rowan"}]}\n```'
    )
    assert service.fetch_batch() == 1
    llm.answer = "[]"
    assert service.fetch_batch() == 0


def test_provider_errors_in_words(world: World, llm: FakeLLM) -> None:
    service = bookdate(world)
    service.set_provider("compatible", base_url=llm.openai_url, model="test-model", api_key="wrong")
    with pytest.raises(AuthenticationError, match="refused the API key"):
        service.fetch_batch()
    assert not service.test().ok
    service.set_provider("compatible", base_url=llm.openai_url, model="test-model", api_key=KEY)
    assert service.test().ok and service.models() == ["test-model"]
    llm.status, llm.retry_after = 429, "17"
    with pytest.raises(RateLimitedError, match="17 seconds"):
        service.fetch_batch()
    llm.status = None
    llm.delay = 0.6
    from rmab_desktop.clients import llm as llm_client

    deadline = llm_client.DEADLINE_SECONDS
    llm_client.DEADLINE_SECONDS = 0.2
    try:
        with pytest.raises(ServiceTimeoutError, match="did not"):
            service.fetch_batch()
    finally:
        llm_client.DEADLINE_SECONDS = deadline
        llm.delay = 0
    # An address that is not an LLM (here: the fake Audible server).
    service.set_provider("compatible", base_url=world.audible.base_url, model="test-model", api_key=KEY)
    with pytest.raises(InvalidResponseError, match="not like an AI model service"):
        service.fetch_batch()
    with pytest.raises(ValidationError):
        service.set_provider("compatible", base_url="")


@pytest.mark.parametrize(("provider", "model"), [("anthropic", "claude-test"), ("gemini", "gemini-test")])
def test_anthropic_and_gemini_adapters(world: World, llm: FakeLLM, provider: str, model: str) -> None:
    service = bookdate(world)
    service.set_provider(provider, base_url=llm.url, model=model, api_key=KEY)
    assert service.models() == [model]
    assert [c.asin for c in service.next_cards().cards] == ["B0TESTSER1", "B0TESTCLS1", "B0TESTFUT1"]


def test_without_a_provider_the_local_recommender_deals_cards(world: World, audible: FakeAudible) -> None:
    service = bookdate(world)
    assert service.settings().provider is None
    with pytest.raises(ValidationError, match="needs a few books"):
        service.next_cards()
    with world.database.session() as session:
        for asin, title in (("B0TESTSER1", "The Lantern Road"), ("B0TESTCLS1", "The Chamber Below")):
            session.add(LibraryItem(backend="folder", external_id=asin, title=title, asin=asin, authors=[]))
    audible.similar.update({"B0TESTSER1": ["B0TESTFUT1", "B0TESTNOS1"], "B0TESTCLS1": ["B0TESTFUT1"]})
    cards = service.next_cards().cards
    assert [c.asin for c in cards] == ["B0TESTFUT1", "B0TESTNOS1"]  # two favourites agree on the first
    assert cards[0].origin == "local" and "The Lantern Road" in cards[0].reason
    service.swipe(cards[0].id, Swipe.LEFT)
    assert service.fetch_batch() == 0  # nothing new: swiped and dealt books stay out


def test_books_on_the_ignore_list_are_never_dealt(world: World, audible: FakeAudible) -> None:
    service = bookdate(world)
    with world.database.session() as session:
        session.add(
            LibraryItem(backend="folder", external_id="s", title="The Lantern Road", asin="B0TESTSER1")
        )
    audible.similar.update({"B0TESTSER1": ["B0TESTFUT1", "B0TESTNOS1"]})
    world.requests.ignores.add(world.users.current().id, world.catalog.book("B0TESTFUT1", "us"))
    assert [c.asin for c in service.next_cards().cards] == ["B0TESTNOS1"]


def test_preview_shows_what_will_be_sent(world: World) -> None:
    service = bookdate(world)
    with world.database.session() as session:
        session.add(
            LibraryItem(backend="folder", external_id="x", title="Salt and Silence", authors=["Bea Tarrant"])
        )
    service.set_context(ContextScope.LIBRARY, "Short books, please.")
    preview = service.preview()
    assert "- Salt and Silence — Bea Tarrant" in preview and preview.endswith("Short books, please.")
    service.set_context(ContextScope.FAVORITES)
    assert "Salt and Silence" not in service.preview()


def test_keys_prompts_and_answers_stay_out_of_the_logs(
    world: World, llm: FakeLLM, caplog: pytest.LogCaptureFixture
) -> None:
    service = bookdate(world)
    service.set_provider("compatible", base_url=llm.openai_url, model="test-model", api_key=KEY)
    service.set_context(ContextScope.LIBRARY, "Secret wish: dragons only.")
    app_log = logging.getLogger("rmab_desktop")  # may not propagate once the app set up logging
    app_log.addHandler(caplog.handler)
    try:
        with caplog.at_level("DEBUG"):
            service.fetch_batch()
    finally:
        app_log.removeHandler(caplog.handler)
    assert "chat/completions" in caplog.text  # the call is logged, its words are not
    for private in (KEY, "dragons only", "You liked quiet fantasy", "Clockwork Orchard"):
        assert private not in caplog.text
