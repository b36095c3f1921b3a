"""The app's one way to make an HTTP call: a client whose sockets obey deadlines, a send that
reads the whole answer within a wall-clock deadline, and typed errors for every failure.
"""

from __future__ import annotations

import json
import time
from typing import Any

import httpx

from rmab_desktop.clients.deadline import CONNECT_TIMEOUT, deadline, deadline_transport
from rmab_desktop.domain.cancel import CancelToken
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
from rmab_desktop.domain.i18n import Translator

tr = Translator("ServiceErrors")

DEFAULT_TIMEOUT = httpx.Timeout(15.0, connect=CONNECT_TIMEOUT)
DEFAULT_DEADLINE = 30.0  # seconds for one whole request: connect, send, and read the full answer
MAX_BODY_BYTES = 32 * 1024 * 1024


def new_client(
    *,
    timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
    transport: httpx.BaseTransport | None = None,
    verify: bool = True,
    **options: Any,
) -> httpx.Client:
    """An httpx client whose connections :func:`send` can shut down at its deadline or on cancel.

    ``transport`` replaces the network (tests pass httpx.MockTransport); ``options`` go to httpx.Client.
    """
    return httpx.Client(timeout=timeout, transport=transport or deadline_transport(verify=verify), **options)


def normalize_base_url(url: str) -> str:
    url = (url or "").strip().rstrip("/")
    if not url:
        raise ServiceUnreachableError(
            tr.mark("No server address is set."), hint=tr.mark("Enter the server address in Settings.")
        )
    if "://" not in url:
        url = "http://" + url
    return url


def fetch(
    client: httpx.Client,
    service: str,
    method: str,
    url: str,
    *,
    seconds: float = DEFAULT_DEADLINE,
    cancel: CancelToken | None = None,
    **kwargs: Any,
) -> httpx.Response:
    """Send a request and read its whole answer within ``seconds``, whatever the HTTP status.

    ``cancel`` (default: the running task's bound token) stops the call too. Transport failures become typed errors
    naming ``service``; an answer over MAX_BODY_BYTES is refused.
    """
    try:
        with (
            deadline(service, seconds, cancel=cancel) as scope,
            client.stream(method, url, **kwargs) as response,
        ):
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_BODY_BYTES:
                    raise InvalidResponseError(
                        tr.mark("{service} sent an answer larger than {megabytes} MB."),
                        service=service,
                        megabytes=MAX_BODY_BYTES // 2**20,
                    )
                chunks.append(chunk)
                if scope.ended():
                    break  # the deadline's exit raises the right error
            response._content = b"".join(chunks)  # what Response.read() does, with the size check
    except httpx.TimeoutException as exc:
        raise ServiceTimeoutError(tr.mark("{service} did not answer in time."), service=service) from exc
    except (httpx.ConnectError, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
        raise ServiceUnreachableError(tr.mark("Cannot connect to {service}."), service=service) from exc
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
        raise ServiceUnreachableError(
            tr.mark("The {service} address is not a valid URL."), service=service
        ) from exc
    except httpx.HTTPError as exc:  # undecodable compression, redirect loops ...
        raise InvalidResponseError(
            tr.mark("{service} sent an answer the app cannot read ({kind})."),
            service=service,
            kind=type(exc).__name__,
        ) from exc
    return response


def send(
    client: httpx.Client,
    service: str,
    method: str,
    url: str,
    *,
    seconds: float = DEFAULT_DEADLINE,
    cancel: CancelToken | None = None,
    **kwargs: Any,
) -> httpx.Response:
    """:func:`fetch`, and HTTP errors become typed errors naming ``service``."""
    response = fetch(client, service, method, url, seconds=seconds, cancel=cancel, **kwargs)
    status = response.status_code
    if status in (401, 403):
        raise AuthenticationError(
            tr.mark("{service} refused the token (HTTP {status})."), service=service, status=status
        )
    if status == 404:
        raise NotFoundError(
            tr.mark("{service} has no such resource ({path})."),
            service=service,
            path=response.request.url.path,
        )
    if status >= 400:
        raise ServiceError(tr.mark("{service} answered HTTP {status}."), service=service, status=status)
    return response


class _NotFinite(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _NotFinite(name)


def parse_json(body: httpx.Response | bytes | str, service: str) -> Any:
    """Decoded JSON; absurd nesting, ``NaN``/``Infinity`` and non-JSON become InvalidResponseError."""
    raw = body.content if isinstance(body, httpx.Response) else body
    try:
        return json.loads(
            raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw.lstrip("\ufeff"),
            parse_constant=_refuse_constant,
        )
    except RecursionError as exc:
        raise InvalidResponseError(
            tr.mark("{service} sent JSON nested too deeply to read."), service=service
        ) from exc
    except _NotFinite as exc:
        raise InvalidResponseError(
            tr.mark("{service} sent a number the app cannot use ({reason})."), service=service, reason=exc
        ) from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise InvalidResponseError(
            tr.mark("{service} sent a body that is not JSON."), service=service
        ) from exc


def timed_test(service: str, probe: Any) -> ConnectionTestResult:
    """Run ``probe()`` -> success message, timing it; every app error becomes a failed result."""
    started = time.perf_counter()
    try:
        message = probe()
    except RmabError as exc:
        return ConnectionTestResult(False, exc.user_message, hint=exc.user_hint)
    latency = (time.perf_counter() - started) * 1000
    return ConnectionTestResult(True, message, latency_ms=round(latency, 1))
