"""Colleagues' changes: the main window's list and dashboard reload when the store changed.

Checked every ``CHANGE_CHECK_MS`` and when the window regains the focus; one indexed query
decides (``services/changes.py``), so nothing reloads when nothing changed. The services
are imported when used, not with this module (start-up: the first paint).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

if TYPE_CHECKING:
    from hkcase.gui.main_window import MainWindow
    from hkcase.services.changes import ChangeToken

#: How often the window asks whether a colleague changed anything (a one-query check;
#: the list and dashboard reload only when something did). Also asked on regaining focus.
CHANGE_CHECK_MS = 60_000
log = logging.getLogger(__name__)


class ChangeWatch(QObject):
    """Remembers what the window's list shows and reloads it when the store moved on."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._token: ChangeToken | None = None
        self.timer = QTimer(self, interval=CHANGE_CHECK_MS)  # started by ``attach``
        self.timer.timeout.connect(self.refresh_if_changed)

    def loaded(self) -> None:
        """Note the store's state now: what the list and dashboard about to load show."""
        self._token = self._token_now()

    def _token_now(self) -> ChangeToken | None:
        from hkcase.services.changes import change_token
        from hkcase.services.errors import StoreError

        try:
            return change_token(self.window.ctx.store)
        except StoreError as exc:  # busy or unreachable: asked again next time
            log.info("could not check for changes: %s", exc)
            return None

    def refresh_if_changed(self) -> bool:
        """Reload the list and dashboard if anything changed since they were loaded.

        One indexed query decides (``services/changes.py``); the case pane is left
        alone, so nothing typed there is lost. True when it reloaded.
        """
        window = self.window
        if not window.attached or not window.isVisible() or window.isMinimized():
            return False  # checked again on regaining focus (or by ``attach``)
        from hkcase.services.changes import changes_since
        from hkcase.services.errors import StoreError

        try:
            changed = changes_since(window.ctx.store, self._token)
        except StoreError as exc:
            log.info("could not check for changes: %s", exc)
            return False
        if changed is None:
            return False
        log.info("the database changed since the last reload: reloading the list")
        window.refresh(pane=False)
        return True

    def window_changed(self, event: QEvent) -> None:
        """From the window's ``changeEvent``: back to it (from another program, window or
        dialog), check what changed meanwhile."""
        if event.type() == QEvent.Type.ActivationChange and self.window.isActiveWindow():
            self.refresh_if_changed()
