"""Keyboard order in dialogs: Tab follows the reading order, also through parts built later.

Qt's Tab order is the order widgets were created in. Settings sections are built when first
shown (after the dialog's buttons), and some forms create a widget before the field it follows;
these helpers put such widgets back where a reader expects them.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def chain(*widgets: QWidget) -> None:
    """Tab goes from each widget to the next, in the order given."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)


def focusable_in(container: QWidget) -> list[QWidget]:
    """The widgets inside ``container`` that Tab can reach, in their current Tab order."""
    found: list[QWidget] = []
    widget = container.nextInFocusChain()
    while widget is not container and widget not in found:
        if container.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def insert_between(before: QWidget, container: QWidget, after: list[QWidget]) -> None:
    """Tab goes from ``before`` through every field of ``container``, then on to ``after``."""
    chain(before, *focusable_in(container), *after)
