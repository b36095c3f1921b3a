"""Lists: recommendation lists and tier lists, arranged by drag and drop or the keyboard.

Books drag in from Search, Discover, the Audible library (or another list) and between tiers;
every move also has a keyboard way: Alt+Up/Down (or Alt+Left/Right) moves a book earlier or
later, Ctrl+Up/Down to the tier above or below, Delete removes it, F2 edits its note. A list
renders to a share image (saved or copied) and exports or imports as JSON. Every change goes
through the list service on the runner; the page then reloads the list.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.lists import ListEntry, ListInfo, ListKind, Visibility
from rmab_desktop.services.lists import BookRef, ListService
from rmab_desktop.services.lists.share_image import render_png
from rmab_desktop.ui.models.catalog_model import CoverImages
from rmab_desktop.ui.models.list_items_model import ListItemsModel
from rmab_desktop.ui.models.roles import ObjectRole
from rmab_desktop.ui.notifier import Notifier
from rmab_desktop.ui.shell import Runner
from rmab_desktop.ui.widgets.empty_state import EmptyState
from rmab_desktop.ui.widgets.page_header import PageHeader, page_layout
from rmab_desktop.workers.runner import ErrorInfo

tr = Translator("ListsPage")

CoverSource = Callable[[ListEntry], Any]  # the share image's covers: a path, bytes or None
CoverUrls = Callable[[Sequence[ListEntry]], dict[str, str]]  # ASIN -> cover URL (runs off the GUI thread)


class NewListDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("New list"))
        form = QFormLayout(self)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(tr("Name"))
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(tr("Recommendations (ordered, a note per book)"), ListKind.RANKED)
        self.kind_combo.addItem(tr("Tier list (S, A, B, C, D)"), ListKind.TIER)
        self.kind_combo.setAccessibleName(tr("Kind"))
        self.shared_check = QCheckBox(tr("&Share with the household"))
        form.addRow(tr("&Name"), self.name_edit)
        form.addRow(tr("&Kind"), self.kind_combo)
        form.addRow("", self.shared_check)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.name_edit.textChanged.connect(
            lambda t: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(t.strip()))
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)


class GroupView(QListView):
    """The books of one group; drops land here, and the keyboard moves books (see the module doc)."""

    def __init__(
        self, model: ListItemsModel, horizontal: bool, keys: Callable[[GroupView, QKeyEvent], bool]
    ) -> None:
        super().__init__()
        self.setModel(model)
        self.keys = keys
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setIconSize(QSize(40, 40))  # the book's cover
        if horizontal:
            self.setFlow(QListView.Flow.LeftToRight)
            self.setWrapping(True)
            self.setResizeMode(QListView.ResizeMode.Adjust)
            self.setSpacing(4)
            self.setMinimumHeight(56)
        else:
            self.setMinimumHeight(220)

    def group_model(self) -> ListItemsModel:
        model = self.model()
        assert isinstance(model, ListItemsModel)
        return model

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.keys(self, event):
            super().keyPressEvent(event)

    def current_item(self) -> ListEntry | None:
        index = self.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None


class ListsPage(QWidget):
    def __init__(
        self,
        lists: ListService,
        runner: Runner,
        notifier: Notifier,
        covers: CoverSource = lambda _e: None,
        cover_urls: CoverUrls | None = None,
        images: CoverImages | None = None,
    ) -> None:
        super().__init__()
        self.lists, self.runner, self.notifier, self.covers = lists, runner, notifier, covers
        self.cover_urls, self.images = cover_urls, images
        self._urls: dict[str, str] = {}  # ASIN -> cover URL of the books shown
        if images is not None:
            images.arrived.connect(self._cover_arrived)
        self.current: ListInfo | None = None
        self.views: list[GroupView] = []
        layout = page_layout(self)
        self.new_button = QPushButton(tr("&New list…"))
        self.new_button.clicked.connect(self.new_list)
        self.import_button = QPushButton(tr("I&mport…"))
        self.import_button.setToolTip(tr("Import a list exported as JSON"))
        self.import_button.clicked.connect(self.choose_import)
        layout.addWidget(
            PageHeader(
                tr("Lists"),
                tr(
                    "Recommendation lists and tier lists. Drag books in from Search, Discover or the Audible library."
                ),
                self.new_button,
                self.import_button,
            )
        )
        splitter = QSplitter()
        self.list_widget = QListWidget()
        self.list_widget.setAccessibleName(tr("Your lists"))
        self.list_widget.currentItemChanged.connect(self._list_chosen)
        splitter.addWidget(self.list_widget)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addLayout(self._list_bar())
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        right_layout.addWidget(self.scroll_area, 1)
        self.empty = EmptyState(
            "lists",
            tr("No lists yet"),
            tr("Make a recommendation list or a tier list, then drag books into it."),
            tr("New list…"),
            self.new_list,
        )
        right_layout.addWidget(self.empty, 1)
        right_layout.addLayout(self._item_bar())
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 700])
        layout.addWidget(splitter, 1)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.reload()

    def _list_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.title_label = QLabel()
        self.title_label.setObjectName("sectionTitle")
        self.shared_check = QCheckBox(tr("S&hared with the household"))
        self.shared_check.toggled.connect(self._share_toggled)
        self.add_book_button = QPushButton(tr("&Add book…"))
        self.add_book_button.setToolTip(tr("Add a book by its ASIN"))
        self.add_book_button.clicked.connect(self.add_book)
        self.add_tier_button = QPushButton(tr("Add &tier…"))
        self.add_tier_button.clicked.connect(self.add_tier)
        self.image_button = QPushButton(tr("Share &image…"))
        image_menu = QMenu(self.image_button)

        def save_as(size: str, theme: str) -> Callable[[], None]:
            return lambda: self.save_image(size, theme)

        for label, size in (
            (tr("Save 1200×630 (light)…"), "1200x630"),
            (tr("Save 1080×1080 (light)…"), "1080x1080"),
        ):
            image_menu.addAction(label, save_as(size, "light"))
        for label, size in (
            (tr("Save 1200×630 (dark)…"), "1200x630"),
            (tr("Save 1080×1080 (dark)…"), "1080x1080"),
        ):
            image_menu.addAction(label, save_as(size, "dark"))
        image_menu.addAction(tr("Copy 1200×630 to the clipboard"), lambda: self.copy_image("1200x630"))
        self.image_button.setMenu(image_menu)
        self.export_button = QPushButton(tr("E&xport…"))
        self.export_button.setToolTip(tr("Save the list as JSON"))
        self.export_button.clicked.connect(self.choose_export)
        self.delete_button = QPushButton(tr("&Delete list"))
        self.delete_button.clicked.connect(self.delete_list)
        bar.addWidget(self.title_label, 1)
        for widget in (
            self.shared_check,
            self.add_book_button,
            self.add_tier_button,
            self.image_button,
            self.export_button,
            self.delete_button,
        ):
            bar.addWidget(widget)
        return bar

    def _item_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.item_buttons: dict[str, QPushButton] = {}
        for key, label, tip in (
            ("earlier", tr("Move &up"), tr("Alt+Up")),
            ("later", tr("Move do&wn"), tr("Alt+Down")),
            ("tier_up", tr("Tier a&bove"), tr("Ctrl+Up")),
            ("tier_down", tr("Tier be&low"), tr("Ctrl+Down")),
            ("note", tr("&Note…"), tr("F2")),
            ("remove", tr("&Remove"), tr("Delete")),
        ):
            button = QPushButton(label)
            button.setToolTip(tip)
            button.clicked.connect(lambda _c=False, k=key: self.act(k))
            self.item_buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        return bar

    # -- loading ---------------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        self.runner.submit(
            self.lists.lists,
            pool="library",
            on_result=lambda found: self._lists_loaded(found, select),
            on_error=self._error,
        )

    def _lists_loaded(self, found: list[ListInfo], select: int | None) -> None:
        wanted = select if select is not None else (self.current.id if self.current else None)
        self.list_widget.blockSignals(True)
        self.list_widget.clear()
        for info in found:
            item = QListWidgetItem(info.name)
            item.setData(ObjectRole, info.id)
            item.setToolTip(tr("Tier list") if info.kind == ListKind.TIER else tr("Recommendations"))
            self.list_widget.addItem(item)
            if info.id == wanted:
                self.list_widget.setCurrentItem(item)
        self.list_widget.blockSignals(False)
        if self.list_widget.currentItem() is None and self.list_widget.count():
            self.list_widget.setCurrentRow(0)
        chosen = next(
            (
                i
                for i in found
                if self.list_widget.currentItem() and i.id == self.list_widget.currentItem().data(ObjectRole)
            ),
            None,
        )
        self._show(chosen)

    def _list_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.runner.submit(
                self.lists.get,
                item.data(ObjectRole),
                pool="library",
                on_result=self._show,
                on_error=self._error,
            )

    def _show(self, info: ListInfo | None) -> None:
        focus_asin = self._focused_asin()
        self.current = info
        has = info is not None
        self.scroll_area.setVisible(has)
        self.empty.setVisible(not has)
        for widget in (
            self.shared_check,
            self.add_book_button,
            self.image_button,
            self.export_button,
            self.delete_button,
        ):
            widget.setEnabled(has)
        for button in self.item_buttons.values():
            button.setEnabled(has)
        tiered = info is not None and info.kind == ListKind.TIER
        self.add_tier_button.setVisible(tiered)
        for key in ("tier_up", "tier_down"):
            self.item_buttons[key].setVisible(tiered)
        if info is None:
            self.title_label.setText("")
            return
        self.title_label.setText(info.name)
        self.shared_check.blockSignals(True)
        self.shared_check.setChecked(info.visibility == Visibility.HOUSEHOLD)
        self.shared_check.blockSignals(False)
        self._build_groups(info)
        self.status_label.setText(tr.n("%n book(s)", len(info.items)))
        self._refocus(focus_asin)
        missing = [item for item in info.items if item.asin not in self._urls]
        if self.cover_urls is not None and missing:
            self.runner.submit(self.cover_urls, missing, on_result=self._urls_found)

    def _urls_found(self, urls: dict[str, str]) -> None:
        self._urls.update(urls)
        self._cover_arrived("")

    def _cover(self, item: ListEntry) -> QIcon | None:
        url = self._urls.get(item.asin)
        pixmap = self.images.get(url) if self.images is not None and url else None
        return QIcon(pixmap) if pixmap is not None else None

    def _cover_arrived(self, _url: str) -> None:
        for view in self.views:
            model = view.group_model()
            if model.rowCount():
                model.dataChanged.emit(
                    model.index(0), model.index(model.rowCount() - 1), [Qt.ItemDataRole.DecorationRole]
                )

    def _build_groups(self, info: ListInfo) -> None:
        body = QWidget()
        column = QVBoxLayout(body)
        self.views = []
        if info.kind == ListKind.RANKED:
            column.addWidget(
                self._group_view(None, info.items, horizontal=False, name=tr("Books in order")), 1
            )
        else:
            for tier in info.tiers:
                row = QHBoxLayout()
                label = QPushButton(tier.label)
                label.setAccessibleName(tr("Tier {label}").format(label=tier.label))
                label.setFixedSize(72, 56)
                ink = "#111111" if QColor(tier.color).lightness() > 140 else "#FFFFFF"
                label.setStyleSheet(
                    f"background: {tier.color}; color: {ink}; font-weight: 700; border: none;"
                )
                label.setMenu(self._tier_menu(tier.label))
                row.addWidget(label)
                row.addWidget(self._group_view(tier.id, info.items_in(tier.id), True, tier.label), 1)
                column.addLayout(row)
            pool = QLabel(tr("Not placed yet"))
            column.addWidget(pool)
            column.addWidget(self._group_view(None, info.items_in(None), True, tr("Not placed yet")))
            column.addStretch(1)
        self.scroll_area.setWidget(body)

    def _group_view(
        self, tier_id: int | None, items: tuple[ListEntry, ...], horizontal: bool, name: str
    ) -> GroupView:
        assert self.current is not None
        model = ListItemsModel(
            tier_id, self._dropped, covers=self._cover, numbered=self.current.kind == ListKind.RANKED
        )
        model.set_items(items)
        view = GroupView(model, horizontal, self._key)
        view.setAccessibleName(name)
        view.installEventFilter(self)
        self.views.append(view)
        return view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, GroupView):
            self.last_view = watched
        return super().eventFilter(watched, event)

    def _focused_asin(self) -> str | None:
        view = getattr(self, "last_view", None)
        item = view.current_item() if isinstance(view, GroupView) and view in self.views else None
        return item.asin if item else None

    def _refocus(self, asin: str | None) -> None:
        if asin is None:
            return
        for view in self.views:
            model = view.group_model()
            for row, item in enumerate(model.items()):
                if item.asin == asin:
                    view.setCurrentIndex(model.index(row))
                    view.setFocus()
                    self.last_view = view
                    return

    def _error(self, info: ErrorInfo) -> None:
        self.status_label.setText(f"{info.message} {info.hint}".strip())

    def _run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """A change through the service, then the list is shown again."""
        self.runner.submit(fn, *args, pool="library", on_result=self._changed, on_error=self._error, **kwargs)

    def _changed(self, result: Any) -> None:
        if isinstance(result, ListInfo):
            self._show(result)
            self.reload(select=result.id)
        else:
            self.reload()

    # -- moving books ----------------------------------------------------------------------------
    def _tier_label(self, tier_id: int | None) -> str | None:
        assert self.current is not None
        return next((t.label for t in self.current.tiers if t.id == tier_id), None)

    def _dropped(self, books: list[BookRef], tier_id: int | None, row: int) -> None:
        """A drop onto a group: books already in the list move there, others are added there."""
        if self.current is None:
            return
        list_id, label = self.current.id, self._tier_label(tier_id)
        existing = {item.asin: item for item in self.current.items}
        lists = self.lists

        def apply() -> ListInfo:
            info: ListInfo | None = None
            position = None if row < 0 else row
            for book in books:
                item = existing.get(book.asin)
                if item is None:
                    info = lists.add(
                        list_id, book.asin, region=book.region, tier=label, position=position, book=book
                    )
                else:
                    target = position
                    if target is not None and item.tier_id == tier_id and item.position < target:
                        target -= 1  # the book leaves its old place first
                    info = lists.move(
                        list_id,
                        book.asin,
                        position=target,
                        tier=label,
                        unplace=label is None and tier_id is None,
                    )
                if position is not None:
                    position += 1
            return info if info is not None else lists.get(list_id)

        self.runner.submit(apply, pool="library", on_result=self._changed, on_error=self._error)

    def _key(self, view: GroupView, event: QKeyEvent) -> bool:
        """The keyboard's moves (see the module doc); True when the key was one of them."""
        self.last_view = view
        mods, key = event.modifiers(), event.key()
        if mods == Qt.KeyboardModifier.AltModifier:
            action = {
                Qt.Key.Key_Up: "earlier",
                Qt.Key.Key_Left: "earlier",
                Qt.Key.Key_Down: "later",
                Qt.Key.Key_Right: "later",
            }.get(Qt.Key(key))
        elif mods == Qt.KeyboardModifier.ControlModifier:
            action = {Qt.Key.Key_Up: "tier_up", Qt.Key.Key_Down: "tier_down"}.get(Qt.Key(key))
        elif mods == Qt.KeyboardModifier.NoModifier:
            action = {Qt.Key.Key_Delete: "remove", Qt.Key.Key_F2: "note"}.get(Qt.Key(key))
        else:
            action = None
        if action is None:
            return False
        self.act(action)
        return True

    def act(self, action: str) -> None:
        """A keyboard or button move of the book selected in the last group that had the focus."""
        view = getattr(self, "last_view", None)
        item = view.current_item() if isinstance(view, GroupView) and view in self.views else None
        if self.current is None or item is None:
            self.status_label.setText(tr("Select a book in the list first."))
            return
        list_id = self.current.id
        if action in ("earlier", "later"):
            self._run(
                self.lists.move,
                list_id,
                item.asin,
                position=max(0, item.position + (-1 if action == "earlier" else 1)),
            )
        elif action in ("tier_up", "tier_down"):
            self._move_tier(item, -1 if action == "tier_up" else 1)
        elif action == "remove":
            self._run(self.lists.remove, list_id, item.asin)
        elif action == "note":
            note, ok = QInputDialog.getText(
                self, tr("Note"), tr("Note for {title}").format(title=item.title), text=item.note
            )
            if ok:
                self._run(self.lists.set_note, list_id, item.asin, note)

    def _move_tier(self, item: ListEntry, step: int) -> None:
        assert self.current is not None
        tiers = list(self.current.tiers)
        if not tiers:
            return
        ids = [t.id for t in tiers]
        if item.tier_id is None:  # from "not placed": up goes to the last tier
            target = len(tiers) - 1 if step < 0 else None
        else:
            index = ids.index(item.tier_id) + step
            target = index if 0 <= index < len(tiers) else (None if index >= len(tiers) else 0)
        if target is None:
            self._run(self.lists.move, self.current.id, item.asin, unplace=True)
        else:
            self._run(self.lists.move, self.current.id, item.asin, tier=tiers[target].label)

    # -- lists and tiers -------------------------------------------------------------------------
    def new_list(self) -> None:
        self.new_dialog = NewListDialog(self)
        self.new_dialog.accepted.connect(self._create)
        self.new_dialog.open()

    def _create(self) -> None:
        dialog = self.new_dialog
        visibility = Visibility.HOUSEHOLD if dialog.shared_check.isChecked() else Visibility.PRIVATE
        kind = ListKind(dialog.kind_combo.currentData())  # Qt hands the enum back as its text
        self._run(self.lists.create, dialog.name_edit.text(), kind, visibility=visibility)

    def delete_list(self) -> None:
        if self.current is not None:
            list_id = self.current.id
            self.current = None
            self._run(self.lists.delete, list_id)

    def _share_toggled(self, shared: bool) -> None:
        if self.current is not None:
            self._run(
                self.lists.update,
                self.current.id,
                visibility=Visibility.HOUSEHOLD if shared else Visibility.PRIVATE,
            )

    def add_book(self) -> None:
        if self.current is None:
            return
        asin, ok = QInputDialog.getText(self, tr("Add a book"), tr("ASIN of the book"))
        if ok and asin.strip():
            self._run(self.lists.add, self.current.id, asin.strip())

    def add_tier(self) -> None:
        if self.current is None:
            return
        label, ok = QInputDialog.getText(self, tr("Add a tier"), tr("Label"))
        if ok and label.strip():
            self._run(self.lists.add_tier, self.current.id, label.strip(), "#9E9E9E")

    def _tier_menu(self, label: str) -> QMenu:
        menu = QMenu(self)
        menu.addAction(tr("Rename…"), lambda: self._rename_tier(label))
        menu.addAction(tr("Colour…"), lambda: self._recolour_tier(label))
        menu.addAction(tr("Move up"), lambda: self._shift_tier(label, -1))
        menu.addAction(tr("Move down"), lambda: self._shift_tier(label, 1))
        menu.addAction(tr("Remove tier"), lambda: self._run(self.lists.remove_tier, self._list_id(), label))
        return menu

    def _list_id(self) -> int:
        assert self.current is not None
        return self.current.id

    def _rename_tier(self, label: str) -> None:
        new, ok = QInputDialog.getText(self, tr("Rename tier"), tr("Label"), text=label)
        if ok and new.strip():
            self._run(self.lists.edit_tier, self._list_id(), label, new_label=new.strip())

    def _recolour_tier(self, label: str) -> None:
        tier = self.current.tier(label) if self.current else None
        colour = QColorDialog.getColor(QColor(tier.color if tier else "#888888"), self, tr("Tier colour"))
        if colour.isValid():
            self._run(self.lists.edit_tier, self._list_id(), label, color=colour.name())

    def _shift_tier(self, label: str, step: int) -> None:
        tier = self.current.tier(label) if self.current else None
        if tier is not None:
            self._run(self.lists.move_tier, self._list_id(), label, max(0, tier.position + step))

    # -- images and JSON -------------------------------------------------------------------------
    def _render(self, size: str, theme: str, then: Callable[[bytes], None]) -> None:
        if self.current is None:
            return
        info = self.current
        self.runner.submit(
            render_png,
            info,
            size,
            theme=theme,
            covers=self.covers,
            pool="library",
            on_result=then,
            on_error=self._error,
        )

    def save_image(self, size: str, theme: str) -> None:
        if self.current is None:
            return
        name = f"{self.current.name}-{size}-{theme}.png"
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("Save share image"), name, tr("PNG images (*.png)")
        )
        if path:
            self._render(size, theme, lambda png: self._write(Path(path), png))

    def _write(self, path: Path, data: bytes) -> None:
        self.runner.submit(
            path.write_bytes,
            data,
            pool="library",
            on_result=lambda _n: self.status_label.setText(tr("Saved {name}.").format(name=path.name)),
            on_error=self._error,
        )

    def copy_image(self, size: str) -> None:
        self._render(size, "light", self._copy)

    def _copy(self, png: bytes) -> None:
        QGuiApplication.clipboard().setImage(QImage.fromData(png))
        self.status_label.setText(tr("The share image is on the clipboard."))

    def choose_export(self) -> None:
        if self.current is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("Export list"), f"{self.current.name}.json", tr("JSON (*.json)")
        )
        if path:
            list_id = self.current.id
            self.runner.submit(
                lambda: Path(path).write_text(
                    json.dumps(self.lists.export(list_id), indent=2, ensure_ascii=False), encoding="utf-8"
                ),
                pool="library",
                on_result=lambda _n: self.status_label.setText(
                    tr("Saved {name}.").format(name=Path(path).name)
                ),
                on_error=self._error,
            )

    def choose_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, tr("Import list"), "", tr("JSON (*.json)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        lists = self.lists

        def load() -> ListInfo:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError):
                raise ValidationError(
                    tr("{name} is not a list file.").format(name=path.name),
                    hint=tr("Export a list, then import that file."),
                ) from None
            return lists.import_(data)

        self._run(load)
