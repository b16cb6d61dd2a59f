"""The Next word pane on the classroom example: what a teacher sees after training it.

The ten likeliest next words of the picked position, in order, with the model's own
probabilities; the word that really follows marked; the softmax's arithmetic that gives
them; another cell, another position.  Numbers only: no fonts, pixels or layout sizes.
"""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from conftest import WAIT_MS
from model.config import ModelConfig

PRESET_STEPS = 600


def trained_preset(qtbot, open_window):
    """A window that opened the classroom example (File menu) and retrained it."""
    window = open_window(size=(1024, 768))
    window.file_actions.open_example.trigger()
    controller = window.controller
    qtbot.waitUntil(
        lambda: (
            controller.result is not None
            and controller.result.training is not None
            and controller.result.training.steps == PRESET_STEPS
            and not controller.is_busy
        ),
        timeout=WAIT_MS,
    )
    window.docks["next_word"].show()
    window.docks["next_word"].raise_()
    qtbot.waitUntil(lambda: window.next_word.isVisible(), timeout=WAIT_MS)
    return window


def pick(window, cell) -> None:
    """Pick a cell of the heatmap, as a click on it does (the heatmap shows its sentence)."""
    window.heatmap.cell_chosen.emit(cell)


def shown_bars(window):
    return window.next_word.bars.bars()


def test_the_pane_shows_the_ten_likeliest_words_with_the_models_probabilities(qtbot, open_window):
    window = trained_preset(qtbot, open_window)
    result = window.controller.result
    assert result.sentences[0] == ("o", "mikas", "ta", "ali")
    pick(window, (0, 0, 1, 0))  # the row of "mikas"
    qtbot.waitUntil(lambda: window.presenters["next_word"].position == (0, 1), timeout=WAIT_MS)
    bars = shown_bars(window)
    assert len(bars) == 10
    probabilities = [bar.probability for bar in bars]
    assert probabilities == sorted(probabilities, reverse=True)
    expected = np.sort(result.stage("next_word").values[0, 1])[::-1][:10]
    np.testing.assert_allclose(probabilities, expected, rtol=0, atol=1e-7)
    tokens = result.vocabulary.tokens
    for bar in bars:  # each word with its own probability
        assert bar.probability == pytest.approx(
            float(result.stage("next_word").values[0, 1, tokens.index(bar.word)]), abs=1e-7
        )
    marked = [bar for bar in bars if bar.marked]
    assert [bar.word for bar in marked] == ["ta"]  # the word that follows "mikas"
    assert bars[0].word == "ta"  # learned: after "o mikas" comes "ta"
    assert "ta" in window.next_word.follows.text()
    # The chart of a "next" run: loss and next-word accuracy, no expected weight (NaN).
    window.docks["training"].show()
    window.docks["training"].raise_()
    panel = window.training
    qtbot.waitUntil(lambda: panel.chart is not None and panel.chart.isVisible(), timeout=WAIT_MS)
    assert len(panel.chart.accuracy.getData()[0]) == PRESET_STEPS
    assert panel.chart.weight.getData()[0] is None or len(panel.chart.weight.getData()[0]) == 0
    assert "expected" not in panel._legend.text()


def test_after_the_last_word_the_end_is_marked(qtbot, open_window):
    window = trained_preset(qtbot, open_window)
    pick(window, (0, 0, 3, 0))  # "ali", the last word of "o mikas ta ali"
    qtbot.waitUntil(lambda: window.presenters["next_word"].position == (0, 3), timeout=WAIT_MS)
    marked = [bar for bar in shown_bars(window) if bar.marked]
    assert len(marked) == 1 and "<pad>" in marked[0].word
    assert "<pad>" in window.next_word.follows.text()


def test_the_arithmetic_gives_the_models_probabilities(qtbot, open_window):
    window = trained_preset(qtbot, open_window)
    pane = window.next_word
    result = window.controller.result
    pick(window, (3, 1, 2, 0))  # "a professora abre …", at "abre"
    qtbot.waitUntil(lambda: window.presenters["next_word"].position == (3, 2), timeout=WAIT_MS)
    assert not pane.arithmetic.isVisible()
    qtbot.mouseClick(pane.show_arithmetic, Qt.MouseButton.LeftButton)  # one click away
    qtbot.waitUntil(pane.arithmetic.isVisible, timeout=WAIT_MS)
    rows = pane.arithmetic_model.rows()
    assert len(rows) == 10
    logits = result.stage("logits").values[3, 2].astype(np.float64)
    next_word = result.stage("next_word").values[3, 2]
    total = np.exp(logits).sum()
    tokens = result.vocabulary.tokens
    for word, logit, exp, share, _marked in rows:
        index = 0 if word.startswith("<pad>") else tokens.index(word)  # "<pad> (the end)"
        assert logit == pytest.approx(logits[index], abs=1e-6)
        assert exp == pytest.approx(np.exp(logits[index]), rel=1e-9)
        assert share == pytest.approx(exp / total, rel=1e-9)
        assert share == pytest.approx(float(next_word[index]), abs=1e-6)  # = next_word
    assert [row[0] for row in rows if row[4]] == ["o"]  # "abre" is followed by "o"


def test_another_cell_or_an_arrow_key_moves_the_position(qtbot, open_window):
    window = trained_preset(qtbot, open_window)
    controller, presenter = window.controller, window.presenters["next_word"]
    assert presenter.position == (0, 0)  # no cell picked: the first word shown
    pick(window, (4, 2, 5, 3))  # "o aluno lê a frase em voz alta", at "em"
    qtbot.waitUntil(lambda: presenter.position == (4, 5), timeout=WAIT_MS)
    assert [bar.word for bar in shown_bars(window) if bar.marked] == ["voz"]
    window.controller.update_view(sentence=2)  # another sentence shown: its first word
    qtbot.waitUntil(lambda: presenter.position == (2, 0), timeout=WAIT_MS)
    assert [bar.word for bar in shown_bars(window) if bar.marked] == ["elefantes"]
    pick(window, (4, 2, 5, 3))
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)  # to the bars
    qtbot.waitUntil(window.next_word.bars.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(window.next_word.bars, Qt.Key.Key_Right)  # the next word: "voz"
    qtbot.waitUntil(lambda: presenter.position == (4, 6), timeout=WAIT_MS)
    assert controller.state.cell[0] == 4 and controller.state.cell[2] == 6  # the heatmap's row
    assert [bar.word for bar in shown_bars(window) if bar.marked] == ["alta"]
    qtbot.mouseClick(window.next_word.previous, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: presenter.position == (4, 5), timeout=WAIT_MS)


def test_other_attention_modes_say_only_the_transformer_predicts(qtbot, open_window):
    window = open_window(config=ModelConfig(attention="multihead"))
    window.docks["next_word"].show()  # hidden in these modes: a user brings it back
    window.docks["next_word"].raise_()
    qtbot.waitUntil(lambda: window.next_word.message.isVisible(), timeout=WAIT_MS)
    assert "transformer" in window.next_word.message.text()
    assert not window.next_word.bars.isVisible()
