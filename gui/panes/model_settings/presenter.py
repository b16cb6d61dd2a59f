"""The model settings pane's presenter: the controls show the state's settings and send the
user's edits to the controller, which validates them."""

from __future__ import annotations

from PySide6.QtCore import QObject

from gui.binding import bind


class ModelSettingsPresenter(QObject):
    def __init__(self, controller, view) -> None:
        super().__init__(view)
        self._controller = controller
        view.show_config(controller.config)
        view.setting_edited.connect(self._on_setting_edited)
        view.new_weights_requested.connect(controller.new_random_weights)
        bind(controller.state.events.config, self, view.show_config)

    def _on_setting_edited(self, name: str, value) -> None:
        self._controller.update_config(**{name: value})
