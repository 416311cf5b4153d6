"""What every list of records does the same way: ask once before deleting, ask about typos, undo.

Widgets find the window's undo stack by walking up their parents, so a tab or a
dialog needs no extra constructor argument to make its actions undoable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QMenu, QWidget

from hkcase.app import AppContext
from hkcase.gui.support.prompts import Prompts
from hkcase.services import undo
from hkcase.services.errors import NeedsConfirmation
from hkcase.services.trash import bin as trash

T = TypeVar("T")


def undo_session(ctx: AppContext) -> undo.Session:
    return undo.Session(ctx.store, ctx.actor, tuple(ctx.settings.reminder_lead_days))


def push_undo(widget: QObject, step: undo.UndoStep) -> None:
    """Put ``step`` on the undo stack of the window ``widget`` is in (if it has one)."""
    node: QObject | None = widget
    while node is not None:
        stack = getattr(node, "undo_stack", None)
        if isinstance(stack, undo.UndoStack):
            stack.push(step)
            notify = getattr(node, "undo_changed", None)
            if callable(notify):
                notify()
            return
        node = node.parent()


def save_asking(prompts: Prompts, parent: QWidget, title: str,
                save: Callable[[bool], T]) -> T | None:
    """``save(False)``; if it asks about a typo, ask the consultant and save(True) on Yes."""
    try:
        return save(False)
    except NeedsConfirmation as asked:
        text = QCoreApplication.translate("record_actions", "{questions}\n\nSave it as typed?"
                                          ).format(questions="\n".join(asked.questions))
        if not prompts.confirm(parent, title, text):
            return None
        return save(True)


def delete_asking(ctx: AppContext, prompts: Prompts, parent: QWidget, kind: str, row_id: int,
                  delete: Callable[[], trash.Deletion] | None = None) -> trash.Deletion | None:
    """Ask once (naming what goes with it), delete to the Trash, make it undoable."""
    asked = trash.preview(ctx.store, kind, row_id)
    if not prompts.confirm(parent, QCoreApplication.translate("record_actions", "Delete"),
                           asked.question):
        return None
    done = delete() if delete is not None else trash.delete_record(
        ctx.store, kind, row_id, actor=ctx.actor)
    push_undo(parent, undo.after_delete(undo_session(ctx), done))
    return done


def record_menu(view: QAbstractItemView, actions: list[tuple[str, Callable[[], None]]],
                on_delete: Callable[[], None]) -> None:
    """A context menu with ``actions`` on ``view``, and the Delete key calling ``on_delete``."""
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show(point: QPoint) -> None:
        index = view.indexAt(point)
        if not index.isValid():
            return
        view.setCurrentIndex(index)
        menu = QMenu(view)
        for text, run in actions:
            action = QAction(text, menu)
            action.triggered.connect(lambda _checked=False, run=run: run())
            menu.addAction(action)
        menu.popup(view.viewport().mapToGlobal(point))
        view.record_menu = menu  # type: ignore[attr-defined]  # kept alive; tests use it

    view.customContextMenuRequested.connect(show)
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_Delete), view)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(on_delete)
