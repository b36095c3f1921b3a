"""Chat models over their HTTP APIs: one OpenAI-compatible client plus small Anthropic and Gemini adapters.

Plain httpx instead of the vendors' SDKs: three small JSON APIs do not justify three more
dependencies (and their transitive ones), and one client serves every OpenAI-compatible server
(OpenAI, Ollama, LM Studio, llama.cpp, vLLM, OpenRouter). BookDate imports this module only when a
provider is configured. Each call has an overall deadline (``clients/_http.fetch``). Prompts and
answers are never logged; only sizes and status codes are.

Errors: 401/403 -> :class:`AuthenticationError`, 429 -> :class:`RateLimitedError` (with the
server's ``Retry-After`` in words), a timeout -> :class:`ServiceTimeoutError`, an answer that is
not the provider's JSON (a web page, another service) -> :class:`InvalidResponseError`, and a
model that declines -> :class:`ModelRefusedError`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import httpx

from rmab_desktop.clients._http import fetch, new_client, parse_json
from rmab_desktop.domain.errors import (
    AuthenticationError,
    InvalidResponseError,
    NotFoundError,
    RateLimitedError,
    ServiceError,
    ServiceTimeoutError,
    ServiceUnreachableError,
)
from rmab_desktop.domain.i18n import Translator

tr = Translator("ServiceErrors")

log = logging.getLogger(__name__)

TIMEOUT = httpx.Timeout(90.0, connect=10.0)  # local models can take a minute for a batch
DEADLINE_SECONDS = 180.0  # the whole answer, however slowly it trickles in


class ProviderKind(StrEnum):
    OPENAI = "openai"
    ANTHROPIC = "anthropic"
    GEMINI = "gemini"
    COMPATIBLE = "compatible"  # any OpenAI-compatible URL: Ollama, LM Studio, …


DEFAULT_BASE_URLS = {
    ProviderKind.OPENAI: "https://api.openai.com/v1",
    ProviderKind.ANTHROPIC: "https://api.anthropic.com",
    ProviderKind.GEMINI: "https://generativelanguage.googleapis.com",
    ProviderKind.COMPATIBLE: "http://localhost:11434/v1",  # Ollama; LM Studio is :1234/v1
}
NAMES = {
    ProviderKind.OPENAI: "OpenAI",
    ProviderKind.ANTHROPIC: "Anthropic",
    ProviderKind.GEMINI: "Google Gemini",
    ProviderKind.COMPATIBLE: "The AI server",
}


class ModelRefusedError(ServiceError):
    """The model answered, but declined the task."""


@dataclass(frozen=True)
class ChatModel:
    kind: ProviderKind
    base_url: str
    api_key: str
    model: str

    @property
    def service(self) -> str:
        return NAMES[self.kind]


def _rate_limited(service: str, response: httpx.Response) -> RateLimitedError:
    value = response.headers.get("retry-after", "").strip()
    if value.isdigit():
        return RateLimitedError(
            tr.mark("{service} is rate limiting requests. Try again in {seconds} seconds."),
            service=service,
            seconds=int(value),
        )
    return RateLimitedError(
        tr.mark("{service} is rate limiting requests. Try again in a minute."), service=service
    )


def _send(model: ChatModel, method: str, url: str, **kwargs: Any) -> Any:
    service = model.service
    try:
        with new_client(timeout=TIMEOUT, follow_redirects=True) as client:
            response = fetch(client, service, method, url, seconds=DEADLINE_SECONDS, **kwargs)
    except ServiceTimeoutError as exc:
        raise ServiceTimeoutError(
            exc.user_message, service=service, hint="Try again, or choose a smaller model."
        ) from exc
    except ServiceUnreachableError as exc:
        raise ServiceUnreachableError(
            tr.mark("Cannot connect to {service} at {base_url}."),
            service=service,
            hint=tr.mark("Check the address, and that the server is running."),
            base_url=model.base_url,
        ) from exc
    log.info(
        "%s %s -> HTTP %s (%d bytes)",
        service,
        httpx.URL(url).path,
        response.status_code,
        len(response.content),
    )
    status = response.status_code
    if status in (401, 403):
        raise AuthenticationError(
            tr.mark("{service} refused the API key (HTTP {status})."),
            service=service,
            hint=tr.mark("Enter the key again in BookDate settings."),
            status=status,
        )
    if status == 429:
        raise _rate_limited(service, response)
    if status == 404:
        raise NotFoundError(
            tr.mark("{service} has no such model or address ({path})."),
            hint=tr.mark("Check the base URL and pick a model from the list."),
            service=service,
            path=httpx.URL(url).path,
        )
    if status in (405, 501):  # the address takes no chat requests: another kind of server
        raise _shape_error(model)
    if status >= 400:
        raise ServiceError(
            tr.mark("{service} answered HTTP {status}."),
            service=service,
            hint=tr.mark("Try again later."),
            status=status,
        )
    try:
        body = parse_json(response, service)
    except InvalidResponseError:
        body = None
    if not isinstance(body, dict):
        raise _shape_error(model)
    return body


def _shape_error(model: ChatModel) -> InvalidResponseError:
    return InvalidResponseError(
        tr.mark("{base_url} answered, but not like an AI model service."),
        service=model.service,
        hint=tr.mark("Use the API's base URL, e.g. http://localhost:11434/v1 for Ollama."),
        base_url=model.base_url,
    )


def _base(model: ChatModel) -> str:
    return (model.base_url or DEFAULT_BASE_URLS[model.kind]).rstrip("/")


def list_models(model: ChatModel) -> list[str]:
    """The model names the provider offers (sorted)."""
    if model.kind == ProviderKind.ANTHROPIC:
        body = _send(model, "GET", f"{_base(model)}/v1/models", headers=_anthropic_headers(model))
        names = [m.get("id") for m in body.get("data") or [] if isinstance(m, dict)]
    elif model.kind == ProviderKind.GEMINI:
        body = _send(model, "GET", f"{_base(model)}/v1beta/models", headers={"x-goog-api-key": model.api_key})
        names = [
            str(m.get("name", "")).removeprefix("models/")
            for m in body.get("models") or []
            if isinstance(m, dict) and "generateContent" in (m.get("supportedGenerationMethods") or [])
        ]
    else:
        body = _send(model, "GET", f"{_base(model)}/models", headers=_openai_headers(model))
        names = [m.get("id") for m in body.get("data") or [] if isinstance(m, dict)]
        if "data" not in body:
            raise _shape_error(model)
    return sorted(str(n) for n in names if n)


def complete(model: ChatModel, system: str, prompt: str) -> str:
    """The model's text answer to ``prompt`` under ``system`` instructions."""
    if not model.model:
        raise ServiceError(
            tr.mark("No {service} model is chosen."),
            service=model.service,
            hint=tr.mark("Pick a model in BookDate settings."),
        )
    if model.kind == ProviderKind.ANTHROPIC:
        return _anthropic(model, system, prompt)
    if model.kind == ProviderKind.GEMINI:
        return _gemini(model, system, prompt)
    return _openai(model, system, prompt)


def _openai_headers(model: ChatModel) -> dict[str, str]:
    return {"Authorization": f"Bearer {model.api_key}"} if model.api_key else {}


def _openai(model: ChatModel, system: str, prompt: str) -> str:
    body = _send(
        model,
        "POST",
        f"{_base(model)}/chat/completions",
        headers=_openai_headers(model),
        json={
            "model": model.model,
            "messages": [{"role": "system", "content": system}, {"role": "user", "content": prompt}],
            "temperature": 0.8,
        },
    )
    try:
        message = body["choices"][0]["message"]
    except (KeyError, IndexError, TypeError):
        raise _shape_error(model) from None
    if message.get("refusal"):
        raise ModelRefusedError(f"The model declined: {str(message['refusal'])[:200]}", service=model.service)
    return str(message.get("content") or "")


def _anthropic_headers(model: ChatModel) -> dict[str, str]:
    return {"x-api-key": model.api_key, "anthropic-version": "2023-06-01"}


def _anthropic(model: ChatModel, system: str, prompt: str) -> str:
    body = _send(
        model,
        "POST",
        f"{_base(model)}/v1/messages",
        headers=_anthropic_headers(model),
        json={
            "model": model.model,
            "max_tokens": 4096,
            "system": system,
            "messages": [{"role": "user", "content": prompt}],
        },
    )
    if not isinstance(body.get("content"), list):
        raise _shape_error(model)
    text = "".join(part.get("text", "") for part in body["content"] if isinstance(part, dict))
    if body.get("stop_reason") == "refusal":
        raise ModelRefusedError(f"The model declined: {text[:200]}", service=model.service)
    return text


def _gemini(model: ChatModel, system: str, prompt: str) -> str:
    body = _send(
        model,
        "POST",
        f"{_base(model)}/v1beta/models/{model.model}:generateContent",
        headers={"x-goog-api-key": model.api_key},
        json={
            "systemInstruction": {"parts": [{"text": system}]},
            "contents": [{"role": "user", "parts": [{"text": prompt}]}],
        },
    )
    blocked = (body.get("promptFeedback") or {}).get("blockReason")
    candidates = body.get("candidates")
    if blocked or (
        isinstance(candidates, list) and candidates and candidates[0].get("finishReason") == "SAFETY"
    ):
        raise ModelRefusedError(f"The model declined ({blocked or 'safety'}).", service=model.service)
    if not isinstance(candidates, list) or not candidates:
        raise _shape_error(model)
    parts = (candidates[0].get("content") or {}).get("parts") or []
    return "".join(str(p.get("text", "")) for p in parts if isinstance(p, dict))
