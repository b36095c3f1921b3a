"""Composition helpers shared by the UI registries (pages, settings sections, book actions).

With ``ui/application.py`` and the registry factories, this is the only UI code that reads the
app's container; what it builds is handed to pages and dialogs as plain constructor arguments.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from rmab_desktop.bootstrap import AppCore
    from rmab_desktop.ui.dialogs.first_run_wizard import FirstRunWizard
    from rmab_desktop.ui.models.catalog_model import CoverImages
    from rmab_desktop.ui.pages.catalog_widgets import CatalogNavigator
    from rmab_desktop.ui.shell import Shell


def cover_images(core: AppCore, shell: Shell) -> CoverImages:
    """The window's one cache of catalog cover pixmaps, shared by every covers grid."""
    from rmab_desktop.ui.models.catalog_model import CoverImages

    return shell.shared("catalog-covers", lambda: CoverImages(shell.runner, core.catalog.covers.fetch))


def catalog_navigator(core: AppCore, shell: Shell) -> CatalogNavigator:
    """The window's navigator: opens book, author and series windows; one per window."""
    from rmab_desktop.ui.pages.catalog_widgets import CatalogNavigator

    def build() -> CatalogNavigator:
        nav = CatalogNavigator(
            core.catalog,
            core.requests,
            shell.runner,
            shell.notifier,
            shell.banners,
            cover_images(core, shell),
            lambda: core.prefs.catalog.region,
        )
        nav.watching = core.watching
        return nav

    nav = shell.shared("catalog-navigator", build)
    if not nav.book_actions:  # bound once the navigator exists: an action may open books through it
        from rmab_desktop.ui.book_actions import CATALOG_BOOK_ACTIONS, bind

        nav.book_actions = bind(CATALOG_BOOK_ACTIONS, core, shell)
    return nav


def open_first_run_wizard(core: AppCore, shell: Shell, parent: QWidget | None = None) -> FirstRunWizard:
    """The setup assistant over ``parent``, its steps bound to the app's services."""
    from rmab_desktop.services import setup
    from rmab_desktop.ui.dialogs.first_run_wizard import FirstRunWizard
    from rmab_desktop.ui.dialogs.wizard_pages import SetupSteps

    steps = SetupSteps(
        server_libraries=partial(setup.server_libraries, core),
        check_library=partial(setup.check_library, core),
        check_audible=partial(setup.check_audible, core),
        apply_plan=partial(setup.apply_plan, core),
    )
    wizard = FirstRunWizard(
        steps,
        core.prefs,
        core.save_prefs,
        core.library,
        core.indexers,
        core.downloads,
        core.notifications,
        core.queue,
        shell.runner,
        parent,
        credentials=core.credentials,
    )
    wizard.open()
    return wizard
