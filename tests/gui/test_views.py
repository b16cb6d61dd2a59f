"""Views that teach: the explanation panel, lines, comparing, zoom and presentation."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QSettings, Qt

from conftest import wait_for_result
from figures.heatmap import DIVERGING_MAP
from figures.lines import describe_lines, opacity
from model.config import ModelConfig
from model.pipeline import run_pipeline
from model.session import COLOUR_MAPS
from model.stages import CAUSAL, MASKED

TEXT = "o mikas ta ali\neu gosto de batata frita\nexistem elefantes"


def test_enter_on_a_cell_explains_it_with_the_heatmaps_value(qtbot, window):
    window.heatmap.canvas.setFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Right):
        qtbot.keyClick(window.heatmap.canvas, key)
    qtbot.keyClick(window.heatmap.canvas, Qt.Key.Key_Return)
    assert window.controller.state.cell == (0, 0, 1, 2)
    text = window.explain.text.toPlainText()
    value = window.controller.result.attention[0, 1, 2]
    assert "query 1 “mikas” → output slot 2 of the Linear layer" in text
    assert f"{value:.6f}" in text
    assert window.docks["explain"].isVisible()


def test_the_keyboard_cursor_reads_out_its_cell_with_a_tip_beside_it(qtbot, window, monkeypatch):
    from gui.panes.attention import view as heatmap_view

    tips = []
    monkeypatch.setattr(
        heatmap_view.QToolTip, "showText", staticmethod(lambda pos, text, *a: tips.append(pos))
    )
    canvas = window.heatmap.canvas
    canvas.setFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Right):
        qtbot.keyClick(canvas, key)
    assert "“mikas”" in window.heatmap.readout.text()  # query 1 → key 1
    plot = canvas.plots[0]
    viewport, centre = window.heatmap.map_to_widget(plot, 1, 1)
    assert tips and tips[-1] == viewport.mapToGlobal(centre)
    assert canvas.rect().contains(canvas.mapFromGlobal(tips[-1]))


def test_the_explanation_follows_an_edit_and_clears_when_its_cell_is_gone(qtbot, window):
    window.heatmap.cell_chosen.emit((0, 0, 4, 4))
    assert "<pad>" in window.explain.text.toPlainText()
    wait_for_result(qtbot, window.controller, lambda: window.editor.setPlainText("só duas"))
    assert window.controller.state.cell is None
    assert window.explain.text.toPlainText() == ""


@pytest.mark.parametrize("threshold", [0.0, 0.2])
def test_one_line_per_unmasked_pair_above_the_threshold(threshold):
    result = run_pipeline(TEXT, ModelConfig(attention="multihead", mask_padding=True, causal=True))
    description = describe_lines(result, 2, threshold=threshold)
    states = result.cell_states(2)
    maps = result.attention_maps[2]
    expected = {
        (i, j, h)
        for h in range(result.head_count)
        for i in range(result.max_length)
        for j in range(result.max_length)
        if states[i, j] not in (MASKED, CAUSAL) and maps[h, i, j] >= threshold
    }
    assert {(line.query, line.key, line.head) for line in description.lines} == expected
    ordered = sorted(description.lines, key=lambda line: line.weight)
    assert all(a.opacity <= b.opacity for a, b in zip(ordered, ordered[1:], strict=False))
    assert description.padding == (False, False, True, True, True)


def test_opacity_grows_with_weight_and_top_k_and_focus_filter():
    weights = np.linspace(0, 1, 50)
    assert np.all(np.diff([opacity(w) for w in weights]) > 0)
    result = run_pipeline(TEXT)
    top = describe_lines(result, 1, top_k=2)
    assert all(sum(line.query == i for line in top.lines) == 2 for i in range(5))
    focused = describe_lines(result, 1, focus=("key", 3))
    assert focused.lines and {line.key for line in focused.lines} == {3}


def test_the_lines_view_shows_the_selected_sentence(qtbot, window):
    window.heatmap.kind_chosen.emit("lines")
    window.controller.update_view(sentence=1)
    lines = window.heatmap.lines.description
    assert lines is not None and lines.tokens[:2] == ("eu", "gosto")
    assert not window.heatmap.canvas.isVisible() and window.heatmap.lines.isVisible()


def test_a_pinned_result_is_compared_and_survives_edits(qtbot, window):
    controller = window.controller
    controller.pin()
    wait_for_result(qtbot, controller, lambda: window.controls.mask_padding.setChecked(True))
    comparison = controller.comparison
    assert comparison is not None
    np.testing.assert_array_equal(
        comparison.difference, controller.result.attention_maps - comparison.a.attention_maps
    )
    titles = [panel.title for panel in window.heatmap.description.panels]
    assert titles == ["A (pinned)", "B (now)", "B − A"]
    wait_for_result(qtbot, controller, lambda: window.controls.seed.setValue(3))
    assert controller.comparison is not None  # still pinned after another edit
    wait_for_result(qtbot, controller, lambda: window.editor.setPlainText("outras frases"))
    assert controller.comparison is None and controller.comparison_error is not None
    assert "pin again" in window.statusBar().currentMessage()
    controller.unpin()
    assert len(window.heatmap.description.panels) == 1


def test_zoom_scales_the_fonts_and_is_restored_at_the_next_start(qtbot, open_window):
    first = open_window()
    size = first.controls.seed.font().pointSizeF()
    first.view_menu.set_zoom(1.5)
    assert first.controls.seed.font().pointSizeF() == pytest.approx(size * 1.5)
    assert QSettings().value("view/zoom", type=float) == 1.5
    first.close()
    second = open_window()
    assert second.view_menu.zoom == 1.5
    assert second.controls.seed.font().pointSizeF() == pytest.approx(size * 1.5)
    second.view_menu.set_zoom(1.0)
    assert second.controls.seed.font().pointSizeF() == pytest.approx(size)


def test_zoom_steps_back_to_what_a_small_screen_has_room_for(qtbot, qapp, open_window, monkeypatch):
    from PySide6.QtCore import QSize

    from gui.application import install_translation

    install_translation(qapp, "pt")  # the wider language
    try:
        window = open_window(size=(1024, 768))
        menu = window.view_menu
        monkeypatch.setattr(menu, "room", lambda: QSize(1024, 768))  # a projector's screen
        menu.set_zoom(2.5)
        qtbot.waitUntil(lambda: "Zoom" in window.statusBar().currentMessage(), timeout=5000)

        def fits() -> bool:  # after as many steps back as it takes
            needed = window.minimumSizeHint()
            return needed.width() <= 1024 and needed.height() <= 768

        qtbot.waitUntil(fits, timeout=5000)
        assert 1.0 <= menu.zoom < 2.5
        menu.set_zoom(1.0)
    finally:
        install_translation(qapp, "en")


def test_presentation_mode_keeps_the_heatmap_and_explanation_and_gives_the_rest_back(qtbot, window):
    menu = window.view_menu
    menu.toggle_presentation()
    assert menu.presenting
    visible = {key for key, dock in window.docks.items() if dock.isVisible()}
    assert visible == {"explain"} and window.heatmap.isVisible()
    assert menu.shown_zoom >= 1.5
    menu.toggle_presentation()
    assert window.docks["sentences"].isVisible() and window.docks["model"].isVisible()
    assert menu.shown_zoom == menu.zoom


def test_the_dark_theme_darkens_the_plots(qtbot, window):
    window.view_menu.set_theme("dark")
    try:
        assert window.heatmap.canvas.backgroundBrush().color().lightness() < 60
        assert QSettings().value("view/theme") == "dark"
    finally:
        window.view_menu.set_theme("light")


def test_masked_cells_are_dim_in_the_dark_theme_and_light_in_the_light_one():
    """The causal triangle and masked padding must not glare white on a dark projector."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    from figures.heatmap import describe_heatmap
    from gui.render.matrix import MatrixPainter

    result = run_pipeline("o gato dorme", ModelConfig(causal=True))
    description = describe_heatmap(result, 0)
    panel = description.panels[0]
    lightness = {}
    for ink in ("#e8e8e8", "#202020"):  # the dark theme's ink, the light theme's
        image = QImage(300, 300, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        matrix = MatrixPainter()
        matrix.set_panel(panel, description.scale)
        matrix.paint(painter, QRectF(0, 0, 300, 300), show_values=False, ink=QColor(ink))
        painter.end()
        lightness[ink] = image.pixelColor(290, 10).lightness()  # row 0, the last key: causal
    assert lightness["#e8e8e8"] < 100 < lightness["#202020"]


def test_a_colour_map_and_the_data_scale_reach_the_description(qtbot, window):
    window.view_menu.set_colour_map("magma")
    window.view_menu.set_colour_scale("data")
    scale = window.heatmap.description.scale
    maps = window.controller.result.attention_maps[0, 0]
    assert scale.colour_map == "magma" and scale.mode == "data"
    assert scale.low == pytest.approx(float(maps.min())) and scale.high == pytest.approx(
        float(maps.max())
    )
    assert scale.uniform == pytest.approx(0.2)
    window.view_menu.set_colour_map("cividis")
    window.view_menu.set_colour_scale("fixed")


@pytest.mark.parametrize("name", [*COLOUR_MAPS, DIVERGING_MAP])
def test_cells_and_colour_bar_use_pyqtgraphs_colour_map(name):
    import pyqtgraph as pg

    from figures import colours  # the one table of the window, the figures and the handout
    from gui.panes.attention.canvas import colour_map

    table = colours.lookup_table(name)
    reference = pg.colormap.get(name) if name != "greys" else pg.ColorMap([0, 1], colours.GREYS)
    np.testing.assert_array_equal(table, reference.getLookupTable(0, 1, 256, alpha=False))
    np.testing.assert_array_equal(table, colour_map(name).getLookupTable(0, 1, 256, alpha=False))
    assert table[0].sum() != table[-1].sum()  # low and high are told apart


def test_panels_made_while_zoomed_zoom_like_the_others(qtbot, window):
    window.view_menu.set_zoom(1.5)
    try:
        shape = window.inspector.panel("scores").shape.font().pointSizeF()
        wait_for_result(
            qtbot, window.controller, lambda: window.controls.attention.setCurrentIndex(2)
        )
        rebuilt = window.inspector.panel("scores").shape.font().pointSizeF()
        assert rebuilt == pytest.approx(shape, rel=0.02)
        window.view_menu.set_zoom(1.0)
        assert window.inspector.panel("scores").shape.font().pointSizeF() == pytest.approx(
            shape / 1.5, rel=0.02
        )
    finally:
        window.view_menu.set_zoom(1.0)


def test_every_lesson_step_has_words_in_both_languages_and_a_scene_that_exists(qtbot, window):
    from gui.panes.lesson.view import lesson, scenes
    from gui.window.lesson_course import scene
    from model.config import ModelConfig
    from model.pipeline import run_pipeline
    from model.session import load_session
    from model.tokenizer import NOTEBOOK_TEXT
    from resources import example_session_path

    english, portuguese = lesson("en"), lesson("pt")
    assert len(english["steps"]) == len(portuguese["steps"]) == len(scenes()) >= 15
    for index, (en, pt, shown) in enumerate(
        zip(english["steps"], portuguese["steps"], scenes(), strict=True)
    ):
        assert shown["panel"] == "heatmap" or shown["panel"] in window.docks
        if shown.get("stage") is not None:  # a stage of the model the step sets up
            settled = scene(index)
            example = settled["example"]
            text = load_session(example_session_path(example)).text if example else NOTEBOOK_TEXT
            stages = run_pipeline(text, ModelConfig(**settled["settings"])).keys
            assert shown["stage"] in stages, (index, shown["stage"])
        assert pt["title"] != en["title"] and pt["text"] != en["text"] and pt["text"].strip()


def test_the_colour_bar_marks_the_uniform_level_where_its_colour_is(qtbot, window):
    from PySide6.QtWidgets import QApplication

    from gui.window.launch import settle

    settle(QApplication.instance())
    canvas = window.heatmap.canvas
    scale = window.heatmap.description.scale
    assert scale.uniform == pytest.approx(0.2)  # the longest sentence has 5 positions
    [bar_item] = [i for i in canvas.scene().items() if isinstance(i, pg.ColorBarItem)]
    [mark] = [i for i in bar_item.items if isinstance(i, pg.InfiniteLine)]  # the dashed line
    bar = bar_item.bar.sceneBoundingRect()  # the colours, low at the bottom
    line = mark.sceneBoundingRect().center().y()
    height_from_bottom = (bar.bottom() - line) / bar.height()
    assert height_from_bottom == pytest.approx(0.2, abs=0.02)


def test_lines_say_why_none_is_drawn_over_a_long_sentence(qtbot, open_window):
    long = " ".join(f"w{i}" for i in range(60))
    window = open_window(long)
    window.heatmap.kind_chosen.emit("lines")
    lines = window.heatmap.lines
    # Every weight ≈ 1/60, under the default 0.05: each query still shows its strongest line.
    assert sorted(line.query for line in lines.description.lines) == list(range(60))
    assert lines.hidden_note.isVisible() and "0.05" in lines.hidden_note.text()
    lines.top_k.setValue(3)
    lines.threshold.setValue(0.0)
    assert len(lines.description.lines) == 60 * 3 and not lines.hidden_note.isVisible()


def test_the_exported_figure_is_what_the_view_shows(qtbot, window):
    from gui.render.heatmap_figure import HeatmapFigure
    from gui.render.lines import LinesFigure

    result = window.controller.result
    window.view_menu.set_colour_map("magma")
    try:
        figure = window.file_actions.figure(result)
        assert isinstance(figure, HeatmapFigure)
        assert figure.description.scale.colour_map == "magma"
        window.heatmap.kind_chosen.emit("lines")
        window.heatmap.lines.top_k.setValue(2)
        figure = window.file_actions.figure(result)
        assert isinstance(figure, LinesFigure) and figure.description.top_k == 2
    finally:
        window.view_menu.set_colour_map("cividis")


def test_the_lines_legend_describes_lines_not_the_heatmaps_stripes(qtbot, window):
    heatmap = window.heatmap
    assert "striped" in heatmap.legend  # the notebook's sentences are padded
    heatmap.kind_selector.setCurrentIndex(1)
    heatmap.kind_selector.activated.emit(1)
    qtbot.waitUntil(lambda: heatmap.kind == "lines")
    legend = heatmap.legend
    assert "striped" not in legend and "Grey tokens: padding" in legend


def test_explaining_a_cell_of_another_sentence_shows_that_sentence(qtbot, window):
    assert window.controller.view.sentence == 0
    window.heatmap.cell_chosen.emit((1, 0, 2, 1))
    assert window.controller.view.sentence == 1
    assert window.heatmap.description.panels[0].sentence == 1
    assert "query 2 “de”" in window.explain.text.toPlainText()


def test_the_legend_speaks_of_padding_only_where_the_sentence_shown_has_some(qtbot, window):
    controller = window.controller
    controller.update_view(sentence=1)  # "eu gosto de batata frita", the longest
    assert "padding" not in window.heatmap.legend
    controller.update_view(sentence=0)
    assert "striped: padding" in window.heatmap.legend
    controller.update_view(sentence=-1)  # all: the others are padded
    assert "striped: padding" in window.heatmap.legend


def test_a_sentence_shown_alone_has_its_own_length_until_padding_is_shown(qtbot, make_controller):
    """With a long line beside it, a short sentence keeps its own words, every one labelled;
    “Show <pad>” brings its padding back, and the legend says what is hidden."""
    from gui.window.main_window import MainWindow

    long_line = " ".join(f"palavra{i}" for i in range(20))
    controller = make_controller(f"o gato dorme ali agora\n{long_line}")
    window = MainWindow(controller, remember=False)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    wait_for_result(qtbot, controller, controller.start)
    panel = window.heatmap.description.panels[0]
    assert panel.values.shape == (5, 5)
    assert [label.split()[1] for label in panel.rows] == ["o", "gato", "dorme", "ali", "agora"]
    assert "hidden" in window.heatmap.legend and "Show <pad>" in window.heatmap.legend
    box = window.heatmap._selectors.padding
    assert box.isVisible() and not box.isChecked()
    box.click()
    assert controller.view.padding
    assert window.heatmap.description.panels[0].values.shape == (20, 20)
    window.controller.update_view(sentence=-1)  # together, sentences keep one length
    assert {p.values.shape for p in window.heatmap.description.panels} == {(20, 20)}


def test_pipeline_values_stay_whole_in_larger_type(qtbot, window):
    """Zoomed in (or on a system with large type), the tables kept columns 64 px wide and
    read "0,7…" instead of "0,7917"."""
    from PySide6.QtCore import Qt

    try:
        for zoom in (1.0, 1.6):
            window.view_menu.set_zoom(zoom)
            window.finish_rendering()
            table = window.inspector.panel("inputs").table
            model, metrics = table.model(), table.fontMetrics()
            for column in range(3):
                text = model.data(model.index(0, column), Qt.ItemDataRole.DisplayRole)
                assert metrics.horizontalAdvance(text) < table.columnWidth(column), (zoom, text)
            assert table.rowHeight(0) > metrics.height()
    finally:
        window.view_menu.set_zoom(1.0)
