"""The status bar and the window's title: the stages' shapes, the current error, "computing…"
while a run takes long, passing notices, and how many sentences are shown."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from gui import state as aspects
from gui import texts
from gui.widgets import ElidedLabel

BUSY_DELAY_MS = 300  # only runs that take longer than this show "computing…"
NOTICE_MS = 8000


class StatusPresenter(QObject):
    def __init__(self, controller, window) -> None:
        super().__init__(window)
        self.controller, self.window = controller, window
        bar = window.statusBar()
        self.shapes_label = ElidedLabel()
        self.error_label = ElidedLabel()
        self.error_label.setStyleSheet("color: #a01010;")
        self._busy = QLabel(self.tr("computing…"))
        self._busy.hide()
        bar.addWidget(self.shapes_label, 3)
        bar.addWidget(self.error_label, 2)
        bar.addPermanentWidget(self._busy)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._busy.show)
        controller.changed.connect(self._on_changed)
        controller.notice.connect(self._on_notice)
        self._show_error()

    def _on_changed(self, changed) -> None:
        controller = self.controller
        result = controller.result
        if aspects.RESULT in changed and result is not None:
            self.shapes_label.setText(
                "  ·  ".join(f"{s.key} {texts.shape_text(s.shape)}" for s in result.stages)
            )
            count = f"{result.batch_size} {texts.dimension_name('sentence', result.batch_size)}"
            self.window.setWindowTitle(f"Attention Study — {count}")
        if changed & {aspects.RESULT, aspects.VIEW} and controller.comparison_error is not None:
            self.window.report(texts.error_text(controller.comparison_error), NOTICE_MS)
        if changed & {aspects.ERROR, aspects.LOADED, aspects.RESULT}:
            self._show_error()
        if aspects.BUSY in changed:
            if controller.is_busy:
                self._busy_timer.start()
            else:
                self._busy_timer.stop()
                self._busy.hide()

    def _show_error(self) -> None:
        self.error_label.setText(texts.error_text(self.controller.error))

    def _on_notice(self, notice) -> None:
        self.window.statusBar().showMessage(texts.error_text(notice), NOTICE_MS)
