"""Wall-clock deadlines for network calls, enforced by shutting the connection down.

httpx and requests only limit each socket operation, so a server that sends one byte every two
seconds keeps a call alive for as long as it likes. Every HTTP call of the app therefore runs
inside :func:`deadline`: the sockets it uses register with the deadline, and one watchdog thread
shuts them down when the deadline passes or when the running task's :class:`CancelToken` fires
(see :meth:`CancelToken.bound`). The blocked read returns at once, and the call raises
:class:`ServiceTimeoutError` (or :class:`CancelledError`) instead of whatever the library made of
the closed socket.

Sockets register through :func:`deadline_transport` (httpx, a wrapping httpcore network backend)
and :func:`watch_session` (the requests sessions inside qbittorrent-api and transmission-rpc).
Connecting is not interrupted, only bounded: every connect attempt is capped at
:data:`CONNECT_TIMEOUT`, so a cancelled task is released within that bound even on a dead route.
"""

from __future__ import annotations

import contextlib
import contextvars
import math
import socket
import threading
import time
import weakref
from collections.abc import Iterator
from typing import Any, TypeVar

import httpcore
import httpx

from rmab_desktop.domain.cancel import CancelToken, current_cancel_token
from rmab_desktop.domain.errors import CancelledError, RmabError, ServiceTimeoutError
from rmab_desktop.domain.i18n import Translator

tr = Translator("ServiceErrors")

CONNECT_TIMEOUT = 4.0
_Connection = TypeVar("_Connection")
POLL_SECONDS = 0.2
_CURRENT: contextvars.ContextVar[Deadline | None] = contextvars.ContextVar("http_deadline", default=None)


class Deadline:
    """One call's time budget and cancel token, and the sockets to shut down when either ends it."""

    def __init__(
        self, service: str, seconds: float, cancel: CancelToken | None, parent: Deadline | None
    ) -> None:
        self.service = service
        self.seconds = seconds
        self.cancel = cancel
        self.parent = parent
        self._started = time.monotonic()
        self._expires = self._started + seconds
        if parent is not None:
            self._expires = min(self._expires, parent._expires)
        self._sockets: weakref.WeakSet[socket.socket] = weakref.WeakSet()
        self._lock = threading.Lock()
        self.fired: str | None = None  # "timeout" or "cancelled" once the watchdog acted

    def remaining(self) -> float:
        return self._expires - time.monotonic()

    def postpone(self, seconds: float) -> None:
        """Push the end ``seconds`` from now (a stall deadline: progress buys more time)."""
        with self._lock:
            if self.fired is None:
                self._expires = max(self._expires, time.monotonic() + seconds)

    def cap(self, timeout: float | None, ceiling: float = math.inf) -> float:
        """A socket timeout that ends no later than this deadline (and ``ceiling``)."""
        limit = min(timeout if timeout is not None else math.inf, ceiling, self.remaining())
        return max(limit, 0.001)

    def watch(self, sock: socket.socket | None) -> None:
        """Shut ``sock`` down when this deadline (or an enclosing one) ends; at once if it has."""
        if sock is None:
            return
        with self._lock:
            self._sockets.add(sock)
            fired = self.fired
        if fired is not None:
            _shutdown(sock)
        if self.parent is not None:
            self.parent.watch(sock)

    def due(self, now: float) -> str | None:
        if self.cancel is not None and self.cancel.cancelled:
            return "cancelled"
        return "timeout" if now >= self._expires else None

    def poll(self, now: float) -> None:
        """Called by the watchdog: when the deadline is due, shut every registered socket down."""
        reason = self.due(now)
        if reason is None:
            return
        with self._lock:
            if self.fired is not None:
                return
            self.fired = reason
            sockets = list(self._sockets)
        for sock in sockets:
            _shutdown(sock)

    def ended(self) -> str | None:
        """Why this deadline (or an enclosing one) ended the call, or None while it runs."""
        reason = self.fired or self.due(time.monotonic())
        if reason is None and self.parent is not None:
            return self.parent.ended()
        return reason

    def error(self, reason: str) -> RmabError:
        if reason == "cancelled":
            return CancelledError("Cancelled")
        waited = max(1, round(time.monotonic() - self._started))
        return ServiceTimeoutError(
            tr.mark("{service} did not finish answering within {waited} seconds."),
            service=self.service,
            waited=waited,
        )


def _shutdown(sock: socket.socket) -> None:
    # socket.socket.shutdown, not SSLSocket.shutdown: the TLS object stays for the reading thread,
    # which now sees end-of-file and gives up.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _Watchdog:
    """One daemon thread that polls the live deadlines while there are any."""

    def __init__(self) -> None:
        self._live: set[Deadline] = set()
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None

    def add(self, item: Deadline) -> None:
        with self._wake:
            self._live.add(item)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="http-deadlines", daemon=True)
                self._thread.start()
            self._wake.notify()

    def discard(self, item: Deadline) -> None:
        with self._wake:
            self._live.discard(item)

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._live:
                    self._wake.wait()
                live = list(self._live)
            now = time.monotonic()
            for item in live:
                item.poll(now)
            time.sleep(POLL_SECONDS)


_WATCHDOG = _Watchdog()


def current_deadline() -> Deadline | None:
    return _CURRENT.get()


@contextlib.contextmanager
def deadline(service: str, seconds: float, *, cancel: CancelToken | None = None) -> Iterator[Deadline]:
    """Run the block within ``seconds`` of wall-clock time, and stop it when ``cancel`` fires.

    ``cancel`` defaults to the enclosing deadline's token, else the token bound by the running
    task. When the deadline or the token ended the block, any error it raised (or its normal end,
    since a shut-down connection can look like a short answer) becomes ServiceTimeoutError or
    CancelledError.
    """
    parent = _CURRENT.get()
    token = cancel or (parent.cancel if parent is not None else None) or current_cancel_token()
    scope = Deadline(service, seconds, token, parent)
    if token is not None:
        token.raise_if_cancelled()
    reset = _CURRENT.set(scope)
    _WATCHDOG.add(scope)
    try:
        yield scope
    except Exception as exc:
        reason = scope.ended()
        if reason is not None and not isinstance(exc, CancelledError | ServiceTimeoutError):
            raise scope.error(reason) from exc
        raise
    else:
        reason = scope.ended()
        if reason is not None:
            raise scope.error(reason)
    finally:
        _WATCHDOG.discard(scope)
        _CURRENT.reset(reset)


# -- httpx --------------------------------------------------------------------------------------
class _WatchedStream(httpcore.NetworkStream):
    """A connection whose socket joins the current deadline at every read and write."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def _timeout(self, timeout: float | None) -> float | None:
        scope = _CURRENT.get()
        if scope is None:
            return timeout
        scope.watch(self._inner.get_extra_info("socket"))
        return scope.cap(timeout)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._timeout(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._timeout(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        return _WatchedStream(self._inner.start_tls(ssl_context, server_hostname, self._timeout(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _WatchedBackend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    @staticmethod
    def _connect_timeout(timeout: float | None) -> float:
        scope = _CURRENT.get()
        if scope is None:
            return min(timeout if timeout is not None else math.inf, CONNECT_TIMEOUT)
        return scope.cap(timeout, CONNECT_TIMEOUT)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(
            host, port, self._connect_timeout(timeout), local_address, socket_options
        )
        return _WatchedStream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        return _WatchedStream(
            self._inner.connect_unix_socket(path, self._connect_timeout(timeout), socket_options)
        )

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def deadline_transport(**options: Any) -> httpx.HTTPTransport:
    """An httpx transport (``options`` as for httpx.HTTPTransport) whose calls obey :func:`deadline`."""
    transport = httpx.HTTPTransport(**options)
    # httpx offers no argument for httpcore's network backend; its pool keeps it here.
    pool = transport._pool
    pool._network_backend = _WatchedBackend(pool._network_backend)
    return transport


# -- requests (qbittorrent-api, transmission-rpc) -----------------------------------------------
def _watched_pools() -> dict[str, type]:
    from urllib3.connection import HTTPConnection, HTTPSConnection
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

    def watched(base: type[_Connection]) -> type[_Connection]:
        class Watched(base):  # type: ignore[valid-type, misc]
            def connect(self) -> None:
                scope = _CURRENT.get()
                if scope is not None:
                    configured = getattr(self, "timeout", None)
                    limit = configured if isinstance(configured, int | float) else None
                    self.timeout = scope.cap(limit, CONNECT_TIMEOUT)
                super().connect()
                if scope is not None:
                    scope.watch(self.sock)

            def request(self, *args: Any, **kwargs: Any) -> None:
                scope = _CURRENT.get()
                if scope is not None and self.sock is not None:
                    scope.watch(self.sock)
                super().request(*args, **kwargs)

        return Watched

    class Pool(HTTPConnectionPool):
        ConnectionCls = watched(HTTPConnection)

    class TlsPool(HTTPSConnectionPool):
        ConnectionCls = watched(HTTPSConnection)

    return {"http": Pool, "https": TlsPool}


_POOLS: dict[str, type] = {}


def watch_session(session: Any) -> Any:
    """Make a requests Session's calls obey :func:`deadline` (its adapters' pools register sockets)."""
    if not _POOLS:
        _POOLS.update(_watched_pools())
    for adapter in session.adapters.values():
        manager = getattr(adapter, "poolmanager", None)
        if manager is not None and manager.pool_classes_by_scheme is not _POOLS:
            manager.clear()  # drop pools made before: their connections are not watched
            manager.pool_classes_by_scheme = _POOLS
    return session
