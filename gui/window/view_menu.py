"""The View menu: where the keyboard goes, comparing, zoom, presentation, theme and colours.

Zoom, theme and colour map are the user's preferences, kept in QSettings for the next run.
Presentation mode (F11) and the class layout (Ctrl+L) are ``gui.window.staging``'s; this
menu turns them on and off and shows their zoom.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication

from gui.binding import bind
from gui.window import appearance
from model.session import COLOUR_MAPS, COLOUR_SCALES


class ViewMenu(QObject):
    """Builds the View menu for ``window`` and carries its actions out."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        settings = QSettings()
        self.zoom = float(settings.value("view/zoom", 1.0, type=float))
        if self.zoom not in appearance.ZOOMS:
            self.zoom = 1.0
        self.theme = str(settings.value("view/theme", "light"))
        if self.theme not in appearance.THEMES:
            self.theme = "light"
        self._state = window.controller.state
        self.shown_zoom = 1.0
        self._staging = window.staging
        self._staging.changed.connect(self._on_staging_changed)

    def action(self, text: str, slot, shortcut=None, checkable=False) -> QAction:
        item = QAction(text, self._window)
        if shortcut is not None:
            item.setShortcut(QKeySequence(shortcut))
        item.setCheckable(checkable)
        item.triggered.connect(slot)
        return item

    def fill(self, menu) -> None:
        window = self._window
        titles = [
            self.tr("Go to the sentences"),
            self.tr("Go to the model settings"),
            self.tr("Go to the heatmap"),
            self.tr("Go to the pipeline"),
            self.tr("Go to the vocabulary"),
            self.tr("Go to the explanation"),
            self.tr("Go to the training"),
        ]
        for number, title in enumerate(titles, start=1):
            menu.addAction(
                self.action(
                    title, lambda _=False, k=number - 1: window.focus_pane(k), f"Ctrl+{number}"
                )
            )
        menu.addAction(self.action(self.tr("Next pane"), window.focus_next_pane, Qt.Key.Key_F6))
        menu.addSeparator()
        pin = self.action(
            self.tr("&Pin as A, to compare with what comes next"),
            lambda: window.controller.pin(),
            "Ctrl+P",
        )
        pin.setToolTip(self.tr("Keep this result as A: every later change shows A, B and B − A"))
        menu.addAction(pin)
        menu.addAction(
            self.action(self.tr("Stop &comparing"), window.controller.unpin, "Ctrl+Shift+P")
        )
        menu.addSeparator()
        menu.addAction(
            self.action(
                self.tr("Zoom &in"),
                lambda: self.set_zoom(appearance.zoom_step(self.zoom, 1)),
                QKeySequence.StandardKey.ZoomIn,
            )
        )
        # Ctrl+= too: on most keyboards "+" needs Shift, and the help says Ctrl+= zooms.
        zoom_in_plain = self.action(
            self.tr("Zoom in"),
            lambda: self.set_zoom(appearance.zoom_step(self.zoom, 1)),
            "Ctrl+=",
        )
        window.addAction(zoom_in_plain)
        menu.addAction(
            self.action(
                self.tr("Zoom &out"),
                lambda: self.set_zoom(appearance.zoom_step(self.zoom, -1)),
                QKeySequence.StandardKey.ZoomOut,
            )
        )
        menu.addAction(self.action(self.tr("&Reset zoom"), lambda: self.set_zoom(1.0), "Ctrl+0"))
        self.presentation = self.action(
            self.tr("Pre&sentation mode"), self.toggle_presentation, Qt.Key.Key_F11, checkable=True
        )
        menu.addAction(self.presentation)
        # Escape leaves presentation mode too (only while presenting: it closes popups else).
        self.exit_presentation = self.action(
            self.tr("Leave presentation mode"), self.toggle_presentation, Qt.Key.Key_Escape
        )
        self.exit_presentation.setEnabled(False)
        window.addAction(self.exit_presentation)
        self.class_layout = self.action(
            self.tr("C&lass layout: the heatmap, the lesson and one pane, large"),
            self.toggle_class_layout,
            "Ctrl+L",
            checkable=True,
        )
        menu.addAction(self.class_layout)
        menu.addSeparator()
        self._choices(
            menu.addMenu(self.tr("&Theme")),
            [("light", self.tr("Light")), ("dark", self.tr("Dark"))],
            self.theme,
            self.set_theme,
        )
        names = {
            "cividis": "cividis",
            "viridis": "viridis",
            "magma": "magma",
            "greys": self.tr("greys"),
        }
        self.map_group = self._choices(
            menu.addMenu(self.tr("Colour &map")),
            [(name, names[name]) for name in COLOUR_MAPS],
            self.colour_map,
            self.set_colour_map,
        )
        self.scale_group = self._choices(
            menu.addMenu(self.tr("Colour sca&le")),
            [
                ("fixed", self.tr("Fixed, 0 to 1")),
                ("data", self.tr("The data's own range")),
            ],
            self.colour_scale,
            self.set_colour_scale,
        )
        menu.addSeparator()
        for dock in window.docks.values():
            menu.addAction(dock.toggleViewAction())
        # The colours are the session's: a session opened, or an edit elsewhere, shows here.
        bind(self._state.events.colour_map, self, lambda name: _check(self.map_group, name))
        bind(self._state.events.colour_scale, self, lambda mode: _check(self.scale_group, mode))

    def _choices(self, menu, choices, current, slot) -> QActionGroup:
        group = QActionGroup(self._window)
        for value, text in choices:
            item = QAction(text, self._window, checkable=True)
            item.setData(value)
            item.setChecked(value == current)
            item.triggered.connect(lambda _=False, v=value: slot(v))
            group.addAction(item)
            menu.addAction(item)
        return group

    # --- preferences --------------------------------------------------------------------------

    def apply(self) -> None:
        """Show the remembered zoom, theme and colours (at start-up)."""
        self.set_theme(self.theme)
        self._apply_zoom(self.zoom)

    def set_zoom(self, zoom: float) -> None:
        self._remember_zoom(zoom)
        self._apply_zoom(zoom)

    def _remember_zoom(self, zoom: float) -> None:
        if self._staging.mode is None:  # a room's zoom is never the user's own
            self.zoom = zoom
            QSettings().setValue("view/zoom", zoom)

    def _apply_zoom(self, zoom: float) -> None:
        self._show_zoom(max(zoom, self._staging.zoom))
        if zoom > 1.0 and self._staging.mode is None:  # once the layouts know the new fonts
            QTimer.singleShot(0, self._window, self._fit_zoom_to_screen)

    def _show_zoom(self, zoom: float) -> None:
        # Widgets made since the last zoom (the docks' tab bars, made anew when docks move)
        # inherited the zoom shown then: their own sizes are noted at that zoom.
        appearance.apply_zoom(self._window, zoom, current=self.shown_zoom)
        self.shown_zoom = zoom
        self._window.heatmap.set_font_scale(zoom)

    def _fit_zoom_to_screen(self) -> None:
        """Step the zoom back while the window, at its smallest, is wider or taller than
        its screen: docks cut off at the screen's edge would hide what the zoom was for."""
        if self._staging.mode is not None:
            return
        window, room = self._window, self.room()
        asked = zoom = self.shown_zoom
        while zoom > 1.0 and not self._fits(room):
            zoom = appearance.zoom_step(zoom, -1)
            self._show_zoom(zoom)
        if not window.isMaximized() and not window.isFullScreen():  # grown while it was bigger
            window.resize(window.size().boundedTo(room).expandedTo(window.minimumSizeHint()))
        if zoom != asked:
            self._remember_zoom(zoom)
            message = self.tr("Zoom {zoom}%: the most this screen has room for")
            message = message.format(zoom=round(zoom * 100))
            # Once the status bar has laid out its new fonts (it would show its widgets again).
            QTimer.singleShot(0, window, lambda: window.report(message))

    def _fits(self, room: QSize) -> bool:
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # sizes in new fonts
        needed = self._window.minimumSizeHint()
        return needed.width() <= room.width() and needed.height() <= room.height()

    def room(self) -> QSize:
        """The room the window has: its screen's, less the system's panels."""
        return self._window.screen().availableGeometry().size()

    def set_theme(self, theme: str) -> None:
        self.theme = theme
        QSettings().setValue("view/theme", theme)
        appearance.apply_theme(QApplication.instance(), theme)
        self._window.heatmap.set_theme(*appearance.canvas_colours(theme))

    @property
    def colour_map(self) -> str:
        return self._state.colour_map

    @property
    def colour_scale(self) -> str:
        return self._state.colour_scale

    def set_colour_map(self, name: str) -> None:
        if name in COLOUR_MAPS:
            self._window.controller.update_view(colour_map=name)

    def set_colour_scale(self, mode: str) -> None:
        if mode in COLOUR_SCALES:
            self._window.controller.update_view(colour_scale=mode)

    # --- presentation and the class layout ----------------------------------------------------

    @property
    def presenting(self) -> bool:
        return self._staging.mode == "presentation"

    def toggle_presentation(self) -> None:
        if self.presenting:
            self._staging.leave()
        else:
            self._staging.present()

    def toggle_class_layout(self) -> None:
        staging = self._staging
        if staging.mode == "class":
            staging.leave()
        else:
            staging.teach(self._window.lesson_pane())

    def _on_staging_changed(self) -> None:
        mode = self._staging.mode
        self._apply_zoom(self.zoom)
        self.presentation.setChecked(mode == "presentation")
        self.exit_presentation.setEnabled(mode == "presentation")
        self.class_layout.setChecked(mode == "class")


def _check(group: QActionGroup, value) -> None:
    for item in group.actions():
        item.setChecked(item.data() == value)
