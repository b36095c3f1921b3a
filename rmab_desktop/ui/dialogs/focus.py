"""Keyboard use in dialogs: Tab follows the reading order, also through parts built later, and
every form label names (and focuses) its field.

Qt's Tab order is the order widgets were created in. Settings sections are built when first
shown (after the dialog's buttons), and some forms create a widget before the field it follows;
these helpers put such widgets back where a reader expects them.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QWidget


def chain(*widgets: QWidget) -> None:
    """Tab goes from each widget to the next, in the order given."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)


def focusable_in(container: QWidget) -> list[QWidget]:
    """The widgets inside ``container`` that Tab can reach, in their current Tab order."""
    found: list[QWidget] = []
    widget = container.nextInFocusChain()
    while widget is not None and widget is not container and widget not in found:
        if container.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def insert_between(before: QWidget, container: QWidget, after: Sequence[QWidget]) -> None:
    """Tab goes from ``before`` through every field of ``container``, then on to ``after``."""
    chain(before, *focusable_in(container), *after)


def labelled_row(form: QFormLayout, label: str, field: QWidget, *more: QWidget) -> QHBoxLayout:
    """A form row of ``field`` followed by ``more`` (e.g. a Browse button) whose label names
    ``field``: its mnemonic focuses it and screen readers read it (a row given as a layout has no
    buddy otherwise)."""
    row = QHBoxLayout()
    row.addWidget(field, 1)
    for widget in more:
        row.addWidget(widget)
    form.addRow(label, row)
    title = form.labelForField(row)
    if isinstance(title, QLabel):
        title.setBuddy(field)
    return row
