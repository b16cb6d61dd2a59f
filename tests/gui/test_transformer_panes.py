"""The transformer's panes, Next word and Generate, come with the transformer and go with it:
in the notebook's modes they would only say they have nothing to show, in the pipeline's
column."""

from conftest import wait_for_result
from model.config import ModelConfig

TRANSFORMER = ModelConfig(embedding_size=16, cell="none", attention="transformer", causal=True)


def test_choosing_the_transformer_brings_its_panes_and_leaving_it_takes_them_away(
    qtbot, open_window
):
    window = open_window()
    controller = window.controller
    docks = window.docks
    assert not docks["next_word"].isVisible() and not docks["generation"].isVisible()
    assert not docks["heads"].isVisible() and docks["pipeline"].isVisible()

    wait_for_result(qtbot, controller, lambda: controller.update_config(**TRANSFORMER.to_dict()))
    assert docks["next_word"].isVisible() and docks["next_word"].widget().isVisible()
    assert set(window.tabifiedDockWidgets(docks["next_word"])) == {
        docks["generation"],
        docks["heads"],
    }

    # Multi-head attention has heads to score and switch off, and no next-word head.
    wait_for_result(qtbot, controller, lambda: controller.update_config(attention="multihead"))
    assert not docks["next_word"].isVisible() and not docks["generation"].isVisible()
    assert docks["heads"].isVisible() and docks["heads"].widget().isVisible()

    wait_for_result(qtbot, controller, lambda: controller.update_config(attention="linear"))
    assert not docks["heads"].isVisible()


def test_a_transformer_session_opens_with_its_panes(qtbot, open_window):
    window = open_window(config=TRANSFORMER)
    assert window.docks["next_word"].isVisible()
