"""What every screen shares: the context, and refreshing when something it
shows has changed (at once if visible, else when next shown)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.ui.context import AppContext, Changed


class Screen(QWidget):
    #: the ``Changed`` values this screen shows
    watches: tuple[str, ...] = (Changed.ALL,)

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        ctx.changed.connect(self._on_changed)

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    def _on_changed(self, what: str) -> None:
        if what == Changed.ALL or what in self.watches:
            self._stale = True
            if self.isVisible():
                self._reload()

    def _reload(self) -> None:
        self._stale = False
        self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            # Qt is still showing the window's widgets: no nested event loop.
            with self.ctx.worker.blocking():
                self._reload()
