"""Settings > Request limits: the household default and one user's own limits are loaded off the
GUI thread, shown ("No limit" for none) and saved; an administrator's opt-in is offered only for
administrators; a failing read says so."""

from __future__ import annotations

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.domain.errors import ServiceUnreachableError
from rmab_desktop.services.requests import RequestLimits
from rmab_desktop.ui.dialogs.request_limit_settings import RequestLimitSettings
from rmab_desktop.ui.dialogs.settings_registry import SETTINGS_SECTIONS
from rmab_desktop.ui.shell import Shell


def open_section(qtbot, core: AppCore, shell: Shell) -> RequestLimitSettings:  # type: ignore[no-untyped-def]
    (section,) = [s for s in SETTINGS_SECTIONS if s.key == "request_limits"]
    widget = section.factory(core, shell)
    qtbot.addWidget(widget)
    assert isinstance(widget, RequestLimitSettings)
    return widget


def test_household_and_user_limits_are_shown_and_saved(qtbot, shell: Shell, core: AppCore) -> None:  # type: ignore[no-untyped-def]
    core.users.set_household_limits(RequestLimits(per_day=2))
    alice = core.users.create("alice")
    admin = core.users.default_user()
    widget = open_section(qtbot, core, shell)
    qtbot.waitUntil(lambda: widget.user.count() == 2, timeout=30_000)
    assert (widget.day.value(), widget.week.text()) == (2, "No limit")

    widget.user.setCurrentIndex(widget.user.findText(alice.label))
    qtbot.waitUntil(lambda: not widget.own.isChecked() and widget.user_day.value() == 2, timeout=30_000)
    assert widget.admin_opt_in.isHidden() and not widget.user_day.isEnabled()
    widget.own.setChecked(True)
    widget.user_day.setValue(5)
    widget.save_user.click()
    qtbot.waitUntil(lambda: "Saved the limits of alice" in widget.message.text(), timeout=30_000)
    assert core.users.user_limits(alice.id).limits == RequestLimits(per_day=5)

    widget.user.setCurrentIndex(widget.user.findText(admin.label))
    qtbot.waitUntil(lambda: not widget.admin_opt_in.isHidden(), timeout=30_000)
    widget.admin_opt_in.setChecked(True)
    widget.save_user.click()
    qtbot.waitUntil(lambda: core.users.user_limits(admin.id).admin_opt_in, timeout=30_000)

    widget.week.setValue(9)
    assert widget.apply()
    qtbot.waitUntil(
        lambda: core.users.household_limits() == RequestLimits(per_day=2, per_week=9), timeout=30_000
    )


def test_a_failing_read_is_said(qtbot, shell: Shell, core: AppCore, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def broken() -> RequestLimits:
        raise ServiceUnreachableError("The database does not answer.")

    monkeypatch.setattr(core.users, "household_limits", broken)
    widget = open_section(qtbot, core, shell)
    qtbot.waitUntil(
        lambda: "could not be read: The database does not answer." in widget.message.text(), timeout=30_000
    )
    assert not widget.day.isEnabled()
