"""One place that turns httpx failures into the app's typed service errors (library servers)."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx

from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.errors import (
    AuthenticationError,
    InvalidResponseError,
    NotFoundError,
    RmabError,
    ServiceError,
    ServiceTimeoutError,
    ServiceUnreachableError,
)

DEFAULT_TIMEOUT = httpx.Timeout(15.0, connect=5.0)


def normalize_base_url(url: str) -> str:
    url = (url or "").strip().rstrip("/")
    if not url:
        raise ServiceUnreachableError(
            "No server address is set.", hint="Enter the server address in Settings."
        )
    if "://" not in url:
        url = "http://" + url
    return url


def send(client: httpx.Client, service: str, method: str, url: str, **kwargs: Any) -> httpx.Response:
    """Send a request; connection problems and HTTP errors become typed errors naming ``service``."""
    try:
        response = client.request(method, url, **kwargs)
    except httpx.TimeoutException as exc:
        raise ServiceTimeoutError(f"{service} did not answer in time.", service=service) from exc
    except (httpx.ConnectError, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
        raise ServiceUnreachableError(f"Cannot connect to {service}.", service=service) from exc
    except httpx.InvalidURL as exc:
        raise ServiceUnreachableError(f"The {service} address is not a valid URL.", service=service) from exc
    status = response.status_code
    if status in (401, 403):
        raise AuthenticationError(f"{service} refused the token (HTTP {status}).", service=service)
    if status == 404:
        raise NotFoundError(f"{service} has no such resource ({response.request.url.path}).")
    if status >= 400:
        raise ServiceError(f"{service} answered HTTP {status}.", service=service)
    return response


def parse_json(response: httpx.Response, service: str) -> Any:
    try:
        return json.loads(response.content.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise InvalidResponseError(f"{service} sent a body that is not JSON.", service=service) from exc


def timed_test(service: str, probe: Any) -> ConnectionTestResult:
    """Run ``probe()`` -> success message, timing it; every app error becomes a failed result."""
    started = time.perf_counter()
    try:
        message = probe()
    except RmabError as exc:
        return ConnectionTestResult(False, exc.user_message, hint=exc.hint)
    latency = (time.perf_counter() - started) * 1000
    return ConnectionTestResult(True, message, latency_ms=round(latency, 1))
