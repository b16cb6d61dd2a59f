"""A transformer's layers in every view: the grid of layers × heads and its labels, a click
that opens one map (the heatmap, the lines and the explanation follow), the pipeline's
caption, the model panel, the state's clamping and exported figures.

The checks are about what a user reads and where panels sit relative to each other, never
about fonts or pixel sizes.
"""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from conftest import wait_for_result
from gui.application import install_translation
from gui.state import AppState, clamped, configured
from model.config import ModelConfig
from model.pipeline import run_pipeline
from model.session import ViewSettings

TEXT = "o mikas ta ali\neu gosto de batata frita\nexistem elefantes"
TRANSFORMER = ModelConfig(attention="transformer", cell="none", embedding_size=16, layers=3)
NAMES = [f"layer {layer} · head {head}" for layer in range(3) for head in range(2)]


def grid_window(open_window, size=(1600, 1000)):
    """Sentence 0 of a transformer of 3 layers × 2 heads, every head shown."""
    view = ViewSettings(padding=True, head=-1)
    return open_window(TEXT, config=TRANSFORMER, size=size, view=view)


def click(qtbot, window, panel: int, row: int, column: int) -> None:
    plot = window.heatmap.current_plots()[panel]
    viewport, centre = window.heatmap.map_to_widget(plot, row, column)
    where = QPoint(int(centre.x()), int(centre.y()))
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=where)


def places(plots):
    """Each plot's (top, left) on the canvas, rounded to whole pixels."""
    rects = [plot.plot.sceneBoundingRect() for plot in plots]
    return [(round(rect.top()), round(rect.left())) for rect in rects]


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)], ids=["1024x768", "1920x1080"])
def test_every_head_of_every_layer_is_a_panel_of_one_grid(qtbot, open_window, size):
    window = grid_window(open_window, size)
    heatmap = window.heatmap
    plots = heatmap.current_plots()
    assert [plot.panel.title for plot in plots] == NAMES
    assert heatmap.description.grid == (3, 2) and not heatmap.page_label.isVisible()
    tops, lefts = zip(*places(plots), strict=True)
    assert tops[0] == tops[1] < tops[2] == tops[3] < tops[4] == tops[5]  # a row per layer
    assert lefts[0] == lefts[2] == lefts[4] < lefts[1] == lefts[3] == lefts[5]  # a column per head
    canvas = heatmap.canvas.sceneRect()
    assert all(canvas.contains(plot.plot.sceneBoundingRect()) for plot in plots)
    assert len({plot.panel.values.tobytes() for plot in plots}) == 6  # six different maps
    selector = heatmap.head_selector
    items = [selector.itemText(i) for i in range(selector.count())]
    assert items[1:] == [name[:1].upper() + name[1:] for name in NAMES]


def test_a_click_on_a_panel_opens_its_map_and_every_view_follows(qtbot, open_window):
    window = grid_window(open_window)
    controller, heatmap = window.controller, window.heatmap
    click(qtbot, window, 3, 2, 1)  # layer 1 · head 1, query 2 → key 1
    assert controller.view.head == 3 and controller.state.cell == (0, 3, 2, 1)
    assert heatmap.head_selector.currentText() == "Layer 1 · head 1"
    assert [plot.panel.head for plot in heatmap.current_plots()] == [3]
    assert heatmap.title.text().endswith("· layer 1 · head 1")
    text = window.explain.text.toPlainText()
    assert text.splitlines()[0].endswith("· layer 1 · head 1")
    assert "Layer 1's query and key for head 1" in text
    assert f"{controller.result.attention_maps[0, 3, 2, 1]:.6f}" in text
    heatmap.kind_chosen.emit("lines")
    assert heatmap.lines.description.heads == (3,)
    assert heatmap.title.text().endswith("· layer 1 · head 1")
    heatmap.head_chosen.emit(-1)  # all heads again: the lines' colours say which map is which
    assert heatmap.lines.key.isVisible() and "layer 2 · head 1" in heatmap.lines.key.text()


def test_the_readout_names_the_layer_of_the_cell_under_the_mouse(qtbot, open_window):
    window = grid_window(open_window)
    plot = window.heatmap.current_plots()[4]  # layer 2 · head 0
    viewport, centre = window.heatmap.map_to_widget(plot, 1, 2)
    qtbot.mouseMove(viewport, QPoint(int(centre.x()), int(centre.y())))
    assert "sentence 0 · layer 2 · head 0 · query 1" in window.heatmap.readout.text()


def test_the_pipeline_shows_and_names_the_layer_of_the_map_shown(qtbot, open_window):
    window = grid_window(open_window)
    controller = window.controller
    controller.update_view(head=controller.result.map_index(2, 1))
    window.finish_rendering()
    panel = window.inspector.panel
    assert panel("normed").slice.text().endswith("· layer 2")
    assert panel("queries").slice.text().endswith("· layer 2 · head 1")
    assert panel("attention").slice.text().endswith("· layer 2 · head 1")
    assert "layer" not in panel("final_norm").slice.text()
    result = controller.result
    shown = panel("normed").model
    np.testing.assert_array_equal(
        [[shown.cell(r, c) for c in range(16)] for r in range(5)],
        result.stage("normed").values[0, 2],
    )


def test_portuguese_names_a_map_by_its_camada_and_cabeca(qtbot, qapp, open_window):
    install_translation(qapp, "pt")
    try:
        window = grid_window(open_window, (1024, 768))
        titles = [plot.panel.title for plot in window.heatmap.current_plots()]
        assert titles[3] == "camada 1 · cabeça 1"
        selector = window.heatmap.head_selector
        assert selector.itemText(4) == "Camada 1 · cabeça 1"
        window.controller.update_view(head=4)
        window.finish_rendering()
        assert window.inspector.panel("keys").slice.text().endswith("· camada 2 · cabeça 0")
        assert selector.currentText() == "Camada 2 · cabeça 0"
    finally:
        install_translation(qapp, "en")


def test_the_model_panel_offers_layers_for_the_transformer_and_heads_for_both(qtbot, window):
    controls, controller = window.controls, window.controller
    assert not controls.layers.isEnabled() and not controls.heads.isEnabled()  # linear
    assert controls.attention.findData("transformer") >= 0
    wait_for_result(qtbot, controller, lambda: controller.update_config(attention="multihead"))
    assert controls.heads.isEnabled() and not controls.layers.isEnabled()
    wait_for_result(qtbot, controller, lambda: controller.update_config(attention="transformer"))
    assert controls.heads.isEnabled() and controls.layers.isEnabled()
    wait_for_result(qtbot, controller, lambda: controls.layers.setValue(3))
    assert controller.result.layer_count == 3 and controller.config.layers == 3


def test_heads_fit_the_width_and_a_map_past_the_model_is_clamped():
    old = ModelConfig(attention="transformer", cell="none", embedding_size=16, heads=4)
    assert configured(old, {"embedding_size": 10}).heads == 2  # 4 does not divide 10
    wide = ModelConfig(attention="multihead", cell="none", embedding_size=64, heads=32)
    assert configured(wide, {"attention": "transformer"}).heads == 16  # a block's limit
    result = run_pipeline(TEXT, ModelConfig(attention="transformer", cell="none", layers=2))
    state = clamped(AppState(TEXT, view=ViewSettings(head=9), cell=(0, 7, 1, 1)), result)
    assert state.view.head == result.head_count - 1 == 3 and state.cell is None


def test_an_exported_figure_draws_the_same_grid_and_names_each_map(qapp):
    from gui.render.heatmap_figure import figure_for

    result = run_pipeline(TEXT, TRANSFORMER)
    figure = figure_for(result, 0, -1)
    assert [panel.title for panel in figure.description.panels] == NAMES
    lefts = sorted({round(rect.left()) for rect in figure._cells})
    tops = sorted({round(rect.top()) for rect in figure._cells})
    assert (len(tops), len(lefts)) == (3, 2)  # a row per layer, a column per head
    one = figure_for(result, 1, result.map_index(1, 0))
    assert one.description.title.endswith("· layer 1 · head 0")
    image = one.image(1)
    assert not image.isNull()
