"""The main window as DesktopApp wires it: a Shell whose banners are the window's, and the
registered factories run with the core and that shell."""

from __future__ import annotations

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.ui.main_window import MainWindow, WindowParts
from rmab_desktop.ui.notifier import RecordingNotifier
from rmab_desktop.ui.pages.registry import PageSpec
from rmab_desktop.ui.shell import Runner, Shell
from rmab_desktop.workers.runner import ImmediateRunner


def open_main_window(
    core: AppCore, pages: list[PageSpec] | None = None, runner: Runner | None = None
) -> tuple[MainWindow, Shell]:
    window = MainWindow(pages, window_state=core.prefs.window)
    shell = Shell(runner or ImmediateRunner(), RecordingNotifier(), window.banners)
    window.attach(
        WindowParts(
            lambda spec: spec.factory(core, shell),
            core.prefs.window,
            core.save_prefs,
            shell.runner,
            core.paths.log_dir,
            core.diagnostics_inputs,
        )
    )
    return window, shell
