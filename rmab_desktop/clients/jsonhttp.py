"""A small JSON-over-HTTP helper: deadlines, retries with backoff on 429/5xx, typed errors.

Clients for read-only public APIs (Audible catalog, Audnexus) share it so every failure reaches
the UI as a :mod:`rmab_desktop.domain.errors` type with words a user can act on.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import Any

import httpx

from rmab_desktop.clients._http import fetch, new_client, parse_json
from rmab_desktop.clients.deadline import CONNECT_TIMEOUT, deadline
from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.errors import (
    InvalidResponseError,
    NotFoundError,
    RateLimitedError,
    ServiceError,
    ServiceUnreachableError,
)
from rmab_desktop.domain.i18n import Translator

tr = Translator("ServiceErrors")

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=CONNECT_TIMEOUT)
DEFAULT_DEADLINE = 20.0  # every attempt of one call, answers read in full
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
USER_AGENT = "ReadMeABook-Desktop/0.1 (+https://github.com/readmeabook)"


class JsonHttp:
    """GET JSON documents from one service; ``service`` names it in errors."""

    def __init__(
        self,
        service: str,
        *,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        deadline_seconds: float = DEFAULT_DEADLINE,
        retries: int = 3,
        backoff_seconds: float = 0.5,
        max_backoff_seconds: float = 8.0,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.service = service
        self.deadline_seconds = deadline_seconds
        self.retries = retries
        self.backoff_seconds = backoff_seconds
        self.max_backoff_seconds = max_backoff_seconds
        self._sleep = sleep
        self._client = new_client(
            timeout=timeout,
            transport=transport,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            follow_redirects=True,
        )

    def close(self) -> None:
        self._client.close()

    def _delay(self, attempt: int, response: httpx.Response | None) -> float:
        if response is not None:
            retry_after = response.headers.get("Retry-After", "")
            if retry_after.isdigit():
                return min(float(retry_after), self.max_backoff_seconds)
        base: float = self.backoff_seconds * 2**attempt
        return min(base + random.uniform(0, base / 2), self.max_backoff_seconds)

    def get_json(
        self, url: str, params: dict[str, Any] | None = None, *, cancel: CancelToken | None = None
    ) -> Any:
        """The decoded JSON body of ``GET url``; retries transient failures, then raises typed errors.

        All attempts share one deadline (``deadline_seconds``): a slow server is not asked again
        and again until minutes have passed.
        """
        last_error: ServiceError | None = None
        with deadline(self.service, self.deadline_seconds, cancel=cancel) as budget:
            for attempt in range(self.retries + 1):
                response: httpx.Response | None = None
                try:
                    response = fetch(self._client, self.service, "GET", url, params=params)
                except ServiceUnreachableError as exc:  # also ServiceTimeoutError
                    last_error = exc
                    if budget.ended():
                        break
                else:
                    if response.status_code not in RETRY_STATUSES:
                        return self._decode(response)
                    last_error = self._status_error(response)
                if attempt < self.retries:
                    delay = self._delay(attempt, response)
                    log.info("%s: %s; retrying in %.1f s", self.service, last_error, delay)
                    if cancel is not None and cancel.wait(delay):
                        cancel.raise_if_cancelled()
                    elif cancel is None:
                        self._sleep(delay)
            assert last_error is not None
            raise last_error

    def _status_error(self, response: httpx.Response) -> ServiceError:
        if response.status_code == 429:
            return RateLimitedError(
                tr.mark("{service} is limiting requests (HTTP 429)."), service=self.service
            )
        return ServiceUnreachableError(
            tr.mark("{service} had a server error (HTTP {status_code})."),
            service=self.service,
            hint=tr.mark("The service is having trouble; the app will try again later."),
            status_code=response.status_code,
        )

    def _decode(self, response: httpx.Response) -> Any:
        if response.status_code == 404:
            raise NotFoundError(
                tr.mark("{service} does not know this item (HTTP 404)."), service=self.service
            )
        if response.status_code >= 400:
            raise InvalidResponseError(
                tr.mark("{service} refused the request (HTTP {status_code})."),
                service=self.service,
                status_code=response.status_code,
            )
        return parse_json(response, self.service)
