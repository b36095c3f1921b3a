"""The books in a model's answer, however it is written; refusals and malformed answers in words."""

from __future__ import annotations

import pytest

from rmab_desktop.clients.llm import ModelRefusedError
from rmab_desktop.domain.errors import InvalidResponseError
from rmab_desktop.services.bookdate.answers import Suggestion, parse_suggestions

DUNE = Suggestion("Dune", "Frank Herbert", "Spice.")


@pytest.mark.parametrize(
    "answer",
    [
        '[{"title": "Dune", "author": "Frank Herbert", "reason": "Spice."}]',
        '{"books": [{"title": "Dune", "author": "Frank Herbert", "reason": "Spice."}]}',
        '{"data": {"recommendations": [{"title": "Dune", "authors": ["Frank Herbert"], "why": "Spice."}]}}',
        'Here you go!\n```json\n[{"title": "Dune", "author": "Frank Herbert", "reason": "Spice."}]\n```\nEnjoy.',
        'Based on your [library], try: [{"title": "Dune", "author": "Frank Herbert", "reason": "Spice."}] :)',
        '{"title": "Dune", "author": "Frank Herbert", "reason": "Spice."}',
    ],
)
def test_the_list_is_found(answer: str) -> None:
    assert parse_suggestions(answer) == [DUNE]


def test_strings_and_empty_lists() -> None:
    assert parse_suggestions('["Dune by Frank Herbert", 7]') == [Suggestion("Dune", "Frank Herbert")]
    assert parse_suggestions("[]") == []
    assert parse_suggestions('{"books": []}') == []


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        ("I'm sorry, but I can't recommend books.", ModelRefusedError),
        ("As an AI, I won't do that.", ModelRefusedError),
        ('[{"title": "Dune", "author": ', InvalidResponseError),
        ("Dune by Frank Herbert is great.", InvalidResponseError),
        ("", InvalidResponseError),
    ],
)
def test_refusals_and_malformed_answers(answer: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        parse_suggestions(answer, "OpenAI")
