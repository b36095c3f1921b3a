"""A local chat-model server speaking the OpenAI, Anthropic and Gemini HTTP APIs.

OpenAI-compatible: ``GET /v1/models``, ``POST /v1/chat/completions`` (what Ollama and LM Studio
serve under ``/v1``). Anthropic: ``GET /v1/models``, ``POST /v1/messages``. Gemini:
``GET /v1beta/models``, ``POST /v1beta/models/<model>:generateContent``. ``answer`` is the text
the model replies with; ``status``/``retry_after`` make the next answers fail like the real APIs.
"""

from __future__ import annotations

import json
from typing import Any

from tests.fakes.loopback_http import FakeRequest, LoopbackServer, Reply

KEY = "sk-test-key"


class FakeLLM(LoopbackServer):
    def __init__(self, answer: str = "[]") -> None:
        super().__init__()
        self.answer = answer
        self.status: int | None = None
        self.retry_after: str | None = None
        self.prompts: list[dict[str, Any]] = []  # request bodies received

    @property
    def openai_url(self) -> str:
        return f"{self.url}/v1"

    @staticmethod
    def _authorised(request: FakeRequest) -> bool:
        headers = request.headers
        return KEY in (
            headers.get("authorization", "").removeprefix("Bearer "),
            headers.get("x-api-key"),
            headers.get("x-goog-api-key"),
        )

    def route(self, request: FakeRequest) -> Reply:
        if self.status is not None:
            headers = {"Retry-After": self.retry_after} if self.retry_after else {}
            error = {
                "error": {"message": "Rate limit reached", "type": "requests", "code": "rate_limit_exceeded"}
            }
            return Reply(self.status, json.dumps(error).encode(), headers=headers)
        if not self._authorised(request):
            error = {"error": {"message": "Incorrect API key provided", "type": "invalid_request_error"}}
            return Reply(401, json.dumps(error).encode())
        path = request.path
        if request.method == "POST":
            self.prompts.append(json.loads(request.body))
        if path == "/v1/models":
            if "x-api-key" in request.headers:
                return self._json({"data": [{"id": "claude-test", "type": "model"}], "has_more": False})
            return self._json(
                {"object": "list", "data": [{"id": "test-model", "object": "model", "owned_by": "local"}]}
            )
        if path == "/v1/chat/completions":
            return self._json(
                {
                    "id": "chatcmpl-1",
                    "object": "chat.completion",
                    "created": 1764770000,
                    "model": json.loads(request.body).get("model"),
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": self.answer},
                            "finish_reason": "stop",
                        }
                    ],
                    "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
                }
            )
        if path == "/v1/messages":
            return self._json(
                {
                    "id": "msg_1",
                    "type": "message",
                    "role": "assistant",
                    "model": "claude-test",
                    "content": [{"type": "text", "text": self.answer}],
                    "stop_reason": "end_turn",
                    "usage": {"input_tokens": 10, "output_tokens": 10},
                }
            )
        if path == "/v1beta/models":
            return self._json(
                {
                    "models": [
                        {
                            "name": "models/gemini-test",
                            "supportedGenerationMethods": ["generateContent", "countTokens"],
                        }
                    ]
                }
            )
        if path.startswith("/v1beta/models/") and path.endswith(":generateContent"):
            return self._json(
                {
                    "candidates": [
                        {
                            "content": {"parts": [{"text": self.answer}], "role": "model"},
                            "finishReason": "STOP",
                            "index": 0,
                        }
                    ],
                    "usageMetadata": {
                        "promptTokenCount": 10,
                        "candidatesTokenCount": 10,
                        "totalTokenCount": 20,
                    },
                }
            )
        return Reply(404, b'{"error": {"message": "not found"}}')

    @staticmethod
    def _json(payload: dict[str, Any]) -> Reply:
        return Reply(200, json.dumps(payload).encode())
