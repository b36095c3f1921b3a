"""The local API's HTTP server: uvicorn on a thread this service owns, stopped cleanly on quit.

Off by default. It listens on the loopback interface unless the user allows the local network
(``ApiPrefs.allow_lan``); any other address is refused, so a typo cannot expose the API.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
import time
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from rmab_desktop.domain.errors import ConfigurationError
from rmab_desktop.services.catalog import CatalogService
from rmab_desktop.services.health import HealthService
from rmab_desktop.services.library.service import LibraryService
from rmab_desktop.services.local_api.tokens import ApiTokenService
from rmab_desktop.services.requests import RequestService

if TYPE_CHECKING:  # FastAPI and uvicorn load when the server starts, not when the core opens
    import uvicorn

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8745
START_TIMEOUT = 10.0
STOP_TIMEOUT = 10.0


class ServerState(StrEnum):
    STOPPED = "stopped"
    RUNNING = "running"
    FAILED = "failed"


@dataclass(frozen=True)
class ServerStatus:
    state: ServerState
    url: str | None = None
    error: str | None = None


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_address(host: str, port: int, *, allow_lan: bool) -> None:
    if not 0 <= port <= 65535:  # 0: any free port
        raise ConfigurationError(
            f"Port {port} is not a port (1 to 65535).", hint="Choose a port such as 8745."
        )
    if not is_loopback(host) and not allow_lan:
        raise ConfigurationError(
            f"{host} is not this computer only.",
            hint="Use 127.0.0.1, or allow the local network (anyone on it can then reach the API).",
        )
    try:
        ipaddress.ip_address(host)
    except ValueError:
        if host != "localhost":
            raise ConfigurationError(
                f"'{host}' is not an IP address.", hint="Use 127.0.0.1, or 0.0.0.0 for every network."
            ) from None


@dataclass(frozen=True)
class ApiServices:
    """What the API's endpoints use."""

    tokens: ApiTokenService
    requests: RequestService
    catalog: CatalogService
    library: LibraryService
    health: HealthService


class ApiServer:
    """Start and stop the API server over ``services``."""

    def __init__(self, services: ApiServices) -> None:
        self.services = services
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._url: str | None = None
        self._error: str | None = None
        self._lock = threading.Lock()

    def status(self) -> ServerStatus:
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return ServerStatus(ServerState.RUNNING, self._url)
            if self._error:
                return ServerStatus(ServerState.FAILED, error=self._error)
            return ServerStatus(ServerState.STOPPED)

    def start(self, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *, allow_lan: bool = False) -> str:
        """Listen on ``host:port`` (``port`` 0: any free port); returns the base URL once serving.
        A failure is raised and also kept for :meth:`status` (Settings shows why it is not running)."""
        try:
            return self._start(host, port, allow_lan)
        except ConfigurationError as exc:
            with self._lock:
                self._error = exc.user_message
            raise

    def _start(self, host: str, port: int, allow_lan: bool) -> str:
        check_address(host, port, allow_lan=allow_lan)
        self.stop()
        import uvicorn

        from rmab_desktop.services.local_api.app import build_app

        sock = self._bind(host, port)
        config = uvicorn.Config(build_app(self.services), log_config=None, access_log=True, lifespan="off")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=self._serve, args=(server, sock), name="local-api", daemon=True)
        bound_host, bound_port = sock.getsockname()[:2]
        url = f"http://{'[' + bound_host + ']' if ':' in bound_host else bound_host}:{bound_port}"
        with self._lock:
            self._server, self._thread, self._url, self._error = server, thread, url, None
        thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while thread.is_alive() and not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        if not server.started:
            self.stop()
            raise ConfigurationError(
                "The API server did not start.",
                hint="Look at the log, or choose another port.",
            )
        log.info("Local API listening on %s", url)
        return url

    @staticmethod
    def _bind(host: str, port: int) -> socket.socket:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            sock.close()
            raise ConfigurationError(
                f"Cannot listen on {host}:{port}: {exc.strerror or exc}.",
                hint="Another program may use that port; choose another one.",
            ) from None
        return sock

    def _serve(self, server: uvicorn.Server, sock: socket.socket) -> None:
        try:
            server.run(sockets=[sock])
        except Exception as exc:  # reported through status(); the GUI shows it
            log.exception("The local API server stopped")
            with self._lock:
                self._error = str(exc) or type(exc).__name__
        finally:
            sock.close()

    def stop(self) -> None:
        with self._lock:
            server, thread = self._server, self._thread
            self._server = self._thread = self._url = self._error = None
        if server is None or thread is None:
            return
        server.should_exit = True
        thread.join(STOP_TIMEOUT)
        if thread.is_alive():
            server.force_exit = True
            thread.join(STOP_TIMEOUT)
        log.info("Local API stopped")
