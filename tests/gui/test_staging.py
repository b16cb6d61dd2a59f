"""Presentation mode and the class layout borrow the window's layout and give it back.

Leaving either one restores the type size of every part of the window (the docks' tab bars
too, which Qt makes anew when docks move), and closing the window while one is shown saves
the user's own layout, never the borrowed one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QTabBar

from gui.window import layout as window_layout


def tab_bar_sizes(window) -> set[float]:
    return {bar.font().pointSizeF() for bar in window.findChildren(QTabBar) if bar.isVisible()}


def turn(window, toggle) -> None:
    toggle()
    for _ in range(3):
        QCoreApplication.processEvents()


def test_leaving_presentation_gives_the_tab_bars_their_own_type_size(qtbot, window):
    own = QApplication.font().pointSizeF()
    assert tab_bar_sizes(window) == {own}
    menu = window.view_menu
    turn(window, menu.toggle_presentation)
    turn(window, menu.toggle_presentation)
    assert not menu.presenting
    assert tab_bar_sizes(window) == {own}
    turn(window, lambda: menu.set_zoom(1.0))  # Ctrl+0: still the own size
    assert tab_bar_sizes(window) == {own}


def test_leaving_the_class_layout_shows_every_pane_it_hid(qtbot, window):
    shown = {key for key, dock in window.docks.items() if dock.isVisible()}
    turn(window, window.view_menu.toggle_class_layout)
    assert window.staging.mode == "class"
    assert {key for key, dock in window.docks.items() if dock.isVisible()} < shown | {"lesson"}
    turn(window, window.view_menu.toggle_class_layout)
    assert window.staging.mode is None
    assert {key for key, dock in window.docks.items() if dock.isVisible()} == shown


def test_closing_while_presenting_or_teaching_saves_the_users_own_layout(qtbot, window):
    for toggle in (window.view_menu.toggle_presentation, window.view_menu.toggle_class_layout):
        own = bytes(window.saveState())
        turn(window, toggle)
        assert window.staging.stash is not None
        window_layout.save(window, window.staging.stash)  # what closing the window saves
        assert bytes(QSettings().value(f"{window_layout.GROUP}/state")) == own
        turn(window, toggle)
        assert window.staging.stash is None


def test_ctrl_equals_zooms_in_as_the_help_says(qtbot, window):
    from PySide6.QtGui import QKeySequence

    menu = window.view_menu
    plain = QKeySequence("Ctrl+=")
    found = [a for a in window.findChildren(type(menu.presentation)) if a.shortcut() == plain]
    assert found, "no action answers Ctrl+="
    try:
        found[0].trigger()
        assert menu.zoom > 1.0
    finally:
        menu.set_zoom(1.0)


def test_the_lesson_opens_in_the_class_layout_on_a_small_screen_and_gives_it_back(
    qtbot, window, monkeypatch
):
    monkeypatch.setattr(window.staging, "small_screen", lambda: True)
    shown = {key for key, dock in window.docks.items() if dock.isVisible()}
    turn(window, window.show_lesson)
    assert window.staging.mode == "class" and window.docks["lesson"].isVisible()
    turn(window, window.end_lesson)
    assert window.staging.mode is None
    assert {key for key, dock in window.docks.items() if dock.isVisible()} == shown


def test_a_restart_after_presenting_teaching_and_comparing_shows_the_users_own_layout(
    qtbot, open_window
):
    """F11 and Esc, the class layout on and off, a comparison pinned and stopped, then a
    restart: once the Pipeline pane came back a sliver ("1. Id…") and the tab bars kept the
    presentation's type."""
    from conftest import wait_for_result

    def layout(window):
        window.finish_rendering()
        QCoreApplication.processEvents()
        shown = {key for key, dock in window.docks.items() if dock.isVisible()}
        widths = {key: window.docks[key].width() for key in ("sentences", "pipeline")}
        return shown, widths

    first = open_window(size=None)  # its own size, fitted to the screen as a restart fits it
    qtbot.waitUntil(lambda: first.docks["pipeline"].width() > 200)
    own_shown, own_widths = layout(first)
    menu = first.view_menu
    for toggle in (menu.toggle_presentation, menu.toggle_class_layout):
        turn(first, toggle)
        turn(first, toggle)
    controller = first.controller
    controller.pin()
    wait_for_result(qtbot, controller, lambda: controller.update_config(seed=3))
    assert controller.comparison is not None
    controller.unpin()
    assert controller.comparison is None
    first.close()

    second = open_window(size=None)  # as the app starts: the layout it restores
    shown, widths = layout(second)
    assert shown == own_shown
    for key, width in own_widths.items():
        assert abs(widths[key] - width) <= 0.1 * width, (key, widths[key], width)
    assert tab_bar_sizes(second) == {QApplication.font().pointSizeF()}
