"""The UI registries: every registered page, settings section and book action builds from the app's
container, and only the composition modules may name the container."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtWidgets import QWidget

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.ui.book_actions import CATALOG_BOOK_ACTIONS, LIBRARY_BOOK_ACTIONS, BookHandler, bind
from rmab_desktop.ui.dialogs.settings_registry import SETTINGS_SECTIONS
from rmab_desktop.ui.pages.registry import PAGES
from rmab_desktop.ui.shell import Shell
from rmab_desktop.ui.widgets.empty_state import EmptyState

UI = Path(__file__).resolve().parents[2] / "rmab_desktop" / "ui"
# The composition: the only UI modules that may import the container (``rmab_desktop.bootstrap``).
COMPOSITION = {
    "application.py",
    "wiring.py",
    "book_actions.py",
    "shell.py",
    "pages/registry.py",
    "dialogs/settings_registry.py",
    # wires OS notifications, keep-awake and start at login for DesktopApp (not a page or dialog)
    "desktop_integration.py",
}


def test_every_registered_page_and_section_builds_from_the_container(
    core: AppCore, shell: Shell, qtbot
) -> None:  # type: ignore[no-untyped-def]
    for specs in (PAGES, SETTINGS_SECTIONS):
        keys = [spec.key for spec in specs]
        assert len(keys) == len(set(keys))
        for spec in specs:
            widget = spec.factory(core, shell)
            qtbot.addWidget(widget)
            assert isinstance(widget, QWidget) and not isinstance(widget, EmptyState), spec.key


def test_every_registered_book_action_binds(core: AppCore, shell: Shell) -> None:
    for specs in (LIBRARY_BOOK_ACTIONS, CATALOG_BOOK_ACTIONS):
        bound = bind(specs, core, shell)
        assert [a.spec.key for a in bound] == [s.key for s in sorted(specs, key=lambda s: s.order)]
        assert all(isinstance(a.handler, BookHandler) for a in bound)
        assert not any(a.enabled([]) for a in bound)  # nothing selected: nothing to run


def test_pages_and_dialogs_never_see_the_container() -> None:
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        relative = path.relative_to(UI).as_posix()
        if relative in COMPOSITION:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module == "rmab_desktop.bootstrap":
                offenders.append(relative)
            if isinstance(node, ast.Attribute) and node.attr == "core":
                offenders.append(f"{relative}:{node.lineno}")
    assert offenders == []
