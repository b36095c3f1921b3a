"""What every page receives: the Qt-free core, the task runner, the notifier and the banner area."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from rmab_desktop.ui.notifier import Notifier

if TYPE_CHECKING:
    from rmab_desktop.bootstrap import AppCore
    from rmab_desktop.ui.models.log_model import QtLogHandler
    from rmab_desktop.ui.theme import ThemeManager
    from rmab_desktop.workers.job_pump import JobPump
    from rmab_desktop.workers.runner import ImmediateRunner, TaskRunner


class Banners(Protocol):
    """The main window's banner strip; pages show a message under a key and hide it by key."""

    def show_banner(
        self, key: str, text: str, level: str = "info", action_text: str = "", action=None
    ) -> None: ...

    def hide_banner(self, key: str) -> None: ...


class NoBanners:
    """Used until (or without) a main window: banners are remembered, not shown."""

    def __init__(self) -> None:
        self.shown: dict[str, str] = {}

    def show_banner(
        self, key: str, text: str, level: str = "info", action_text: str = "", action=None
    ) -> None:
        self.shown[key] = text

    def hide_banner(self, key: str) -> None:
        self.shown.pop(key, None)


@dataclass
class UiContext:
    core: AppCore
    runner: TaskRunner | ImmediateRunner
    notifier: Notifier
    banners: Banners = field(default_factory=NoBanners)
    theme: ThemeManager | None = None  # None in tests: theme choices are saved, not applied
    pump: JobPump | None = None  # None when this window runs no automation (tests)
    log_handler: QtLogHandler | None = None  # the app's log records, for the Activity log

    def save_prefs(self) -> None:
        """Persist ``core.prefs`` off the GUI thread."""
        self.runner.submit(self.core.save_prefs, pool="network")
