"""The Generate pane, as a class meets it.

Trained on the classroom example, greedy generation from a sentence's first two words writes
that sentence; a written word, picked, shows where the network looked (rows that sum to 1);
a word outside the vocabulary is named in the interface's language and the prompt stays.
"""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from test_next_word_pane import trained_preset

from conftest import WAIT_MS
from gui.application import install_translation
from model.config import ModelConfig


@pytest.fixture
def portuguese(qapp):
    install_translation(qapp, "pt")
    yield
    install_translation(qapp, "en")


def generation_pane(qtbot, window):
    window.docks["generation"].show()
    window.docks["generation"].raise_()
    qtbot.waitUntil(lambda: window.generation.isVisible(), timeout=WAIT_MS)
    return window.generation, window.presenters["generation"]


def write(qtbot, pane, presenter, prompt: str | None = None):
    """Type ``prompt`` (if given) and press Enter; wait for the words or the message."""
    if prompt is not None:
        pane.prompt.selectAll()
        qtbot.keyClick(pane.prompt, Qt.Key.Key_Delete)
        # Typed through the input method, as accented words are ("nós", "você"): the test
        # library's key clicks know ASCII only.
        typed = QInputMethodEvent()
        typed.setCommitString(prompt)
        QApplication.sendEvent(pane.prompt, typed)
    before = presenter.generation
    with qtbot.waitSignal(presenter.jobs.finished, timeout=WAIT_MS):
        qtbot.keyClick(pane.prompt, Qt.Key.Key_Return)
    return presenter.generation if presenter.generation is not before else None


def test_greedy_generation_after_training_writes_each_sentence(qtbot, open_window):
    window = trained_preset(qtbot, open_window)
    pane, presenter = generation_pane(qtbot, window)
    assert pane.prompt.text() == "o mikas"  # the shown sentence's first two words
    assert pane.sample_temperature.value() == 0  # greedy
    generation = write(qtbot, pane, presenter)
    assert generation.text == "o mikas ta ali" and generation.ended
    assert [item.text() for item in pane.word_items()] == ["ta", "ali"]
    assert "memorised" in pane.why.text()  # why greedy writes a training sentence back
    for sentence in window.controller.result.sentences:
        generation = write(qtbot, pane, presenter, " ".join(sentence[:2]))
        assert generation.text == " ".join(sentence), sentence
        assert generation.ended


def test_a_picked_word_shows_the_attention_that_wrote_it(qtbot, open_window):
    window = trained_preset(qtbot, open_window)
    pane, presenter = generation_pane(qtbot, window)
    generation = write(qtbot, pane, presenter, "a professora")
    assert generation.words == ("abre", "o", "livro")
    item = pane.word_items()[2]  # "livro"
    pane.written.scrollToItem(item)
    qtbot.mouseClick(
        pane.written.viewport(),
        Qt.MouseButton.LeftButton,
        pos=pane.written.visualItemRect(item).center(),
    )
    qtbot.waitUntil(lambda: pane.detail.isVisible(), timeout=WAIT_MS)
    assert "livro" in pane.detail_title.text()
    values = pane.attention.values
    assert values.shape == (4, 4)  # 2 layers × 2 heads, over "a professora abre o"
    np.testing.assert_allclose(values.sum(axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(values, generation.steps[2].attention)
    assert pane.attention._columns == ["a", "professora", "abre", "o"]
    candidates = pane.candidates.bars()
    assert [bar.word for bar in candidates if bar.marked] == ["livro"]
    probabilities = [bar.probability for bar in candidates]
    assert probabilities == sorted(probabilities, reverse=True)
    # The keyboard picks too: the previous word in the list.
    pane.written.setFocus()
    qtbot.keyClick(pane.written, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: "“o”" in pane.detail_title.text(), timeout=WAIT_MS)
    assert pane.attention.values.shape == (4, 3)


def test_an_unknown_word_is_named_in_portuguese_and_the_prompt_stays(
    qtbot, open_window, portuguese
):
    window = trained_preset(qtbot, open_window)
    pane, presenter = generation_pane(qtbot, window)
    assert write(qtbot, pane, presenter, "o zebra") is None
    assert pane.error.isVisible()
    assert "zebra" in pane.error.text() and "vocabulário" in pane.error.text()
    assert pane.prompt.text() == "o zebra"  # nothing lost
    window.controller.select_cell((1, 0, 0, 0))  # a new result or view never overwrites it
    qtbot.waitUntil(lambda: window.controller.state.cell == (1, 0, 0, 0), timeout=WAIT_MS)
    QApplication.processEvents()  # the panes have drawn the change
    assert pane.prompt.text() == "o zebra"


def test_untrained_weights_are_said_to_be_random(qtbot, open_window):
    config = ModelConfig(embedding_size=16, cell="none", attention="transformer", causal=True)
    window = open_window("um dois três\nquatro cinco", config)
    pane, presenter = generation_pane(qtbot, window)
    assert "random weights" in pane.weights.text()
    generation = write(qtbot, pane, presenter)
    assert generation.prompt == ("um", "dois")
    assert len(generation.steps) + generation.ended >= 1


def test_ctrl_8_and_ctrl_9_put_the_keyboard_in_the_two_panes(qtbot, open_window):
    window = open_window(config=ModelConfig(attention="multihead"))
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.generation.prompt, timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    area = window.docks["next_word"].widget()  # (no bars in this mode: the pane itself)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is area, timeout=WAIT_MS)
