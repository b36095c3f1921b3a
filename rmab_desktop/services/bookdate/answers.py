"""Reading the books out of a model's answer, however it wrote them.

Accepted: a JSON list of books; an object holding the list (under any key); either of those inside
a code fence or with prose around it; books as objects (``title``, ``author``/``authors``,
``reason``) or as "Title by Author" strings. An empty list is an answer (no books). Anything else
is a worded error: a refusal when the model says it will not help, else a malformed answer.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from rmab_desktop.clients.llm import ModelRefusedError
from rmab_desktop.domain.errors import InvalidResponseError

_FENCE = re.compile(r"```(?:json|JSON)?\s*(.*?)```", re.DOTALL)
_REFUSAL = re.compile(
    r"\b(i can(?:'|no)t|i cannot|i(?:'m| am) (?:sorry|unable|not able)|as an ai|i won't|unable to (?:help|comply))",
    re.IGNORECASE,
)
_BY = re.compile(r"^(?P<title>.+?)\s+by\s+(?P<author>.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Suggestion:
    title: str
    author: str
    reason: str = ""


def _json_values(text: str) -> list[Any]:
    """Every JSON value that starts at a ``[`` or ``{`` in ``text``, fenced blocks first."""
    decoder = json.JSONDecoder()
    chunks = [m.group(1) for m in _FENCE.finditer(text)] + [text]
    values = []
    for chunk in chunks:
        index = 0
        while (start := _next_bracket(chunk, index)) >= 0:
            try:
                value, end = decoder.raw_decode(chunk, start)
            except json.JSONDecodeError:
                index = start + 1
                continue
            values.append(value)
            index = end
    return values


def _next_bracket(text: str, index: int) -> int:
    found = [i for i in (text.find("[", index), text.find("{", index)) if i >= 0]
    return min(found) if found else -1


def _book_list(value: Any) -> list[Any] | None:
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        if "title" in value:
            return [value]
        for inner in value.values():
            found = _book_list(inner)
            if found is not None:
                return found
    return None


def _suggestion(item: Any) -> Suggestion | None:
    if isinstance(item, str):
        found = _BY.match(item.strip())
        return Suggestion(found["title"].strip(" \"'"), found["author"].strip()) if found else None
    if not isinstance(item, dict):
        return None
    title = str(item.get("title") or item.get("name") or "").strip()
    author = item.get("author") or item.get("authors") or ""
    if isinstance(author, list):
        author = ", ".join(str(a) for a in author)
    reason = str(item.get("reason") or item.get("why") or item.get("description") or "").strip()
    return Suggestion(title, str(author).strip(), reason) if title else None


def parse_suggestions(text: str, service: str = "The AI model") -> list[Suggestion]:
    for value in _json_values(text):
        books = _book_list(value)
        if books is None:
            continue
        suggestions = [s for item in books if (s := _suggestion(item)) is not None]
        if suggestions or not books:
            return suggestions
    if _REFUSAL.search(text):
        raise ModelRefusedError(
            f"{service} declined to suggest books: “{text.strip()[:160]}”",
            service=service,
            hint="Change or remove the custom prompt, or choose another model.",
        )
    raise InvalidResponseError(
        f"{service} answered, but not with a list of books.",
        service=service,
        hint="Try again; if it keeps happening, choose another model.",
    )
