"""The heatmap's canvas lays itself out for the room it has: its colour bar, its grid of
heads and its axis titles."""

from figures.heatmap import bar_ticks
from gui.panes.attention.canvas import MIN_PANEL, HeatmapCanvas
from model.config import ModelConfig


def test_the_colour_bar_stays_on_the_canvas_and_reads_the_models_scale(qtbot, open_window):
    """Multi-head, 20 positions, another sentence chosen on a narrow canvas: a long panel
    title once pushed the bar off the canvas, and its ticks read "1, 0, 0, 0, 0"."""
    long_line = " ".join(f"palavra{i}" for i in range(20))
    window = open_window(
        f"o gato dorme\n{long_line}", ModelConfig(attention="multihead"), size=(1024, 768)
    )
    window.controller.update_view(sentence=1)
    canvas = window.heatmap.canvas
    bar = canvas._bar
    qtbot.waitUntil(lambda: bar.geometry().right() <= canvas.width(), timeout=2000)
    scale = window.heatmap.description.scale
    shown = bar.getAxis("right")._tickLevels[0]
    assert [label for _value, label in shown] == [label for _v, label in bar_ticks(scale)]
    assert [label for _value, label in shown][-1] == "1.0"


def test_heads_sit_side_by_side_on_a_wide_canvas_and_stacked_on_a_tall_one(qtbot):
    """The grid gives each panel the largest square it can: a wide, short heatmap (the class
    layout on a large screen) once stacked two heads as flat strips."""
    canvas = HeatmapCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(5 * MIN_PANEL, int(2.2 * MIN_PANEL))
    assert canvas.columns(2) == 2
    canvas.resize(int(1.5 * MIN_PANEL), 5 * MIN_PANEL)
    assert canvas.columns(2) == 1


def test_axis_titles_stay_centred_on_their_side_when_their_text_changes(qtbot, open_window):
    """A title that gains "· labels every 2" as the panel narrows (or loses it) once kept the
    place its old text had: it ran under the next head or into the colour bar."""
    text = "elefantes cinzentos atravessam devagar savanas africanas enormes hoje"
    window = open_window(text, ModelConfig(attention="multihead"), size=(1600, 1000))
    canvas, titles = window.heatmap.canvas, set()
    for width in (800, 1600, 900):
        window.resize(width, 1000)
        qtbot.waitUntil(lambda: canvas.width() < width)  # noqa: B023 (waited on at once)
        window.finish_rendering()
        for plot in window.heatmap.current_plots():
            box = plot.plot.vb.sceneBoundingRect()
            label = plot.plot.getAxis("bottom").label
            centre = label.mapToScene(label.boundingRect().center())
            assert abs(centre.x() - box.center().x()) < 0.1 * box.width()
            label = plot.plot.getAxis("left").label
            centre = label.mapToScene(label.boundingRect().center())
            assert abs(centre.y() - box.center().y()) < 0.1 * box.height()
            titles.add(plot.plot.getAxis("bottom").labelText)
    assert len(titles) > 1  # the title changed on the way


def test_the_colour_bar_title_grows_with_the_type_like_its_ticks(qtbot, window):
    """Zoomed in (presentation mode, Ctrl++), the bar's title once kept its small type."""
    axis = window.heatmap.canvas._bar.getAxis("right")
    before = float(axis.labelStyle["font-size"].removesuffix("pt"))
    try:
        window.view_menu.set_zoom(1.5)
        window.finish_rendering()
        after = float(axis.labelStyle["font-size"].removesuffix("pt"))
        assert after > 1.4 * before
        assert axis.labelText  # still says what the colours are
    finally:
        window.view_menu.set_zoom(1.0)


def test_printed_values_fill_most_of_their_cells_width(qtbot):
    """On a projector, "0,12" in a cell 50 px wide was printed 14 px high: the values now
    take most of the cell, the widest of them ("−0,25" of B − A) still inside it."""
    from PySide6.QtGui import QFont, QFontMetricsF

    from gui.render.matrix import MAX_VALUE_PIXELS, value_pixels

    printed = ["0,12", "−0,25", "1,00"]
    for cell_width in (30.0, 50.0, 70.0):
        font = QFont()
        font.setPixelSize(value_pixels(printed, cell_width, 200.0))
        widest = max(QFontMetricsF(font).horizontalAdvance(text) for text in printed)
        assert widest <= cell_width
        assert widest >= 0.6 * cell_width or font.pixelSize() == int(MAX_VALUE_PIXELS)
    assert value_pixels(printed, 400.0, 40.0) <= 0.42 * 40  # a flat cell: its height rules
