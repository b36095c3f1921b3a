"""Walks a window's widgets the way a user (or a screen reader) meets them: what is interactive,
what it is called, what text it shows, and where Tab goes."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTableView,
    QTabWidget,
    QWidget,
)

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QTabBar)
LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
TAGS = re.compile(r"<[^>]+>")
SCROLL_BARS = {"qt_scrollarea_hcontainer", "qt_scrollarea_vcontainer"}


def qt_internal(widget: QWidget) -> bool:
    """Pieces Qt builds inside its own widgets (scroll bars, header views, a line edit's clear
    button, a combo box's popup, a tab bar's scroll arrows): Qt names and reaches them itself."""
    if isinstance(widget, QHeaderView) or widget.objectName().startswith(("qt_", "_q_")):
        return True
    node = widget.parentWidget()
    while node is not None:
        if isinstance(node, (QLineEdit, QComboBox, QTabBar)) or node.objectName() in SCROLL_BARS:
            return True
        node = node.parentWidget()
    return False


def shown_widgets(root: QWidget) -> Iterator[QWidget]:
    """``root`` and every descendant a user can see now."""
    if root.isVisible():
        yield root
    for child in root.findChildren(QWidget):
        if child.isVisible() and not qt_internal(child):
            yield child


def accessible_name(widget: QWidget) -> str:
    """What a screen reader says for ``widget`` (its own text, buddy label or accessible name)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return name or widget.accessibleName()


def unnamed_controls(root: QWidget) -> list[str]:
    """Interactive widgets a screen reader could only call by their type."""
    missing = []
    for widget in shown_widgets(root):
        if isinstance(widget, INTERACTIVE) and not LETTERS.search(accessible_name(widget)):
            missing.append(describe(widget))
    return missing


def unnamed_actions(menu: QMenu) -> list[str]:
    missing = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        if not LETTERS.search(action.text()):
            missing.append(f"{menu.title() or 'menu'} › action {action.objectName()!r}")
        if action.menu() is not None:
            missing += unnamed_actions(action.menu())
    return missing


def describe(widget: QWidget) -> str:
    parents = []
    node: QWidget | None = widget
    while node is not None and len(parents) < 4:
        parents.append(f"{type(node).__name__}({node.objectName() or accessible_name(node)[:30]!r})")
        node = node.parentWidget()
    return " < ".join(parents)


def tab_stops(root: QWidget) -> set[QWidget]:
    """The visible, enabled widgets inside ``root`` that should take the focus from Tab."""
    return {
        widget
        for widget in shown_widgets(root)
        if widget.isEnabled()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
        and not isinstance(widget, QTabWidget)  # its tab bar takes the focus
        and widget.focusProxy() is None
    }


def walk_tab(window: QWidget, presses: int) -> list[QWidget]:
    """Press Tab ``presses`` times from the current focus; the widgets that took the focus."""
    visited = []
    for _ in range(presses):
        focus = QApplication.focusWidget() or window
        QTest.keyClick(focus, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is not None:
            visited.append(now)
    return visited


def standard_button(button: QAbstractButton) -> bool:
    """A dialog's OK/Cancel/Close: Qt's own words, translated by Qt's catalogue (ui/translations.py)."""
    box = button.parentWidget()
    return (
        isinstance(box, QDialogButtonBox)
        and box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton
    )


def plain(text: str) -> str:
    """A label's text as the user reads it: tags dropped, entities decoded."""
    return html.unescape(TAGS.sub(" ", text))


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of text ``root`` shows or tells a screen reader."""
    for widget in shown_widgets(root):
        where = describe(widget)
        if widget.isWindow():
            yield where + " title", widget.windowTitle()
        yield where + " tooltip", widget.toolTip()
        yield where + " accessible name", widget.accessibleName()
        yield where + " accessible description", widget.accessibleDescription()
        if isinstance(widget, QLabel):
            yield where, plain(widget.text())
        elif isinstance(widget, QAbstractButton) and not standard_button(widget):
            yield where, widget.text()
        elif isinstance(widget, QLineEdit):
            yield where + " placeholder", widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield f"{where} item {index}", widget.itemText(index)
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield f"{where} tab {index}", widget.tabText(index)
        elif isinstance(widget, QTableView) and widget.horizontalHeader().isVisible():
            model = widget.model()
            for column in range(widget.horizontalHeader().count()):
                header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                yield f"{where} header {column}", str(header or "")
        for action in QWidget.actions(widget):  # a page may name an attribute "actions"
            yield from action_texts(action, where)


def action_texts(action: QAction, where: str) -> Iterator[tuple[str, str]]:
    if action.isSeparator():
        return
    yield f"{where} › {action.text()!r}", action.text()
    yield f"{where} › {action.text()!r} tooltip", action.toolTip()
    menu = action.menu()
    if menu is not None:
        yield from menu_texts(menu, f"{where} › {menu.title()}")


def menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    yield where, menu.title()
    for action in menu.actions():
        yield from action_texts(action, where)
