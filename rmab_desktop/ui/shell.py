"""What the window lends its pages besides services: task runner, notifier, banner strip, theme,
job pump and log records. Only the registry factories read this object; pages and dialogs take the
pieces they use as constructor arguments.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias, TypeVar, cast

from PySide6.QtWidgets import QWidget

from rmab_desktop.ui.notifier import Notifier
from rmab_desktop.workers.runner import ImmediateRunner, TaskRunner

if TYPE_CHECKING:
    from rmab_desktop.bootstrap import AppCore
    from rmab_desktop.ui.models.log_model import QtLogHandler
    from rmab_desktop.ui.theme import ThemeManager
    from rmab_desktop.workers.job_pump import JobPump

Runner: TypeAlias = TaskRunner | ImmediateRunner

T = TypeVar("T")


class Banners(Protocol):
    """The main window's banner strip; pages show a message under a key and hide it by key."""

    def show_banner(
        self,
        key: str,
        text: str,
        level: str = "info",
        action_text: str = "",
        action: Callable[[], object] | None = None,
    ) -> None: ...

    def hide_banner(self, key: str) -> None: ...


class NoBanners:
    """Used without a main window (tests, dialogs on their own): banners are remembered, not shown."""

    def __init__(self) -> None:
        self.shown: dict[str, str] = {}

    def show_banner(
        self,
        key: str,
        text: str,
        level: str = "info",
        action_text: str = "",
        action: Callable[[], object] | None = None,
    ) -> None:
        self.shown[key] = text

    def hide_banner(self, key: str) -> None:
        self.shown.pop(key, None)


@dataclass
class Shell:
    runner: Runner
    notifier: Notifier
    banners: Banners = field(default_factory=NoBanners)
    theme: ThemeManager | None = None  # None in tests: theme choices are saved, not applied
    pump: JobPump | None = None  # None when this window runs no automation (tests)
    log_handler: QtLogHandler | None = None  # the app's log records, for the Activity log
    _shared: dict[str, Any] = field(default_factory=dict, repr=False)

    def shared(self, key: str, build: Callable[[], T]) -> T:
        """One object per window under ``key`` (the catalog navigator, the covers cache), built on
        first use so that every page of the window shares it."""
        if key not in self._shared:
            self._shared[key] = build()
        return cast(T, self._shared[key])


UiFactory: TypeAlias = "Callable[[AppCore, Shell], QWidget]"
"""A registered page's or settings section's factory: services from the container, window pieces
from the shell, a widget back."""
