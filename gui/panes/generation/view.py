"""The Generate pane: a prompt, Continue, and the words the transformer writes after it.

The prompt starts as the first two words of the sentence shown and follows it until the user
types.  Continue (or Enter) writes up to "words" words, greedy at temperature 0, else drawn
by probability (top-k: only the k likeliest; the seed fixes the draws).  Each written word can
be picked (click, or the arrow keys in the list): the pane then shows where the network looked
when it wrote it (every layer · head, over the words before it) and the ten words it weighed.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui import texts
from gui.panes.generation.attention import ContextAttention
from gui.panes.generation.words import WordFlow
from gui.panes.next_word.bars import Bar, ProbabilityBars
from gui.panes.next_word.view import wrapping
from gui.panes.training.narrow import WrappingLabel

WORD_ROLE = Qt.ItemDataRole.UserRole  # an item's step index (None: a prompt word, the end)
SEEDS = 100_000  # seeds offered (the model takes more; five digits keep the box narrow)


class GenerationPanel(QWidget):
    continue_pressed = Signal()
    word_chosen = Signal(int)
    """A written word picked: its index in the continuation."""
    sampling_changed = Signal()
    """The temperature changed (what the pane says about sampling follows it)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._typed = False  # the user typed a prompt: it no longer follows the sentence
        self.message = wrapping()
        self.prompt = QLineEdit()
        self.prompt.setToolTip(self.tr("Words of your sentences to start from; Enter continues"))
        self.words = QSpinBox()
        self.words.setRange(1, 200)
        self.words.setValue(10)
        self.words.setToolTip(self.tr("At most this many words; <pad>, the end, stops sooner"))
        self.sample_temperature = QDoubleSpinBox()
        self.sample_temperature.setRange(0.0, 10.0)
        self.sample_temperature.setDecimals(1)
        self.sample_temperature.setSingleStep(0.1)
        self.sample_temperature.setSpecialValueText(self.tr("0 (greedy)"))
        self.sample_temperature.setLocale(QLocale("pt_BR" if texts.language() == "pt" else "en_US"))
        self.sample_temperature.setToolTip(
            self.tr("0: always the likeliest word; 1: drawn by the model's probabilities")
        )
        self.top_k = QSpinBox()
        self.top_k.setRange(0, 1)
        self.top_k.setSpecialValueText(self.tr("all"))
        self.top_k.setToolTip(self.tr("Draw only among the k likeliest words (0: all of them)"))
        self.sample_seed = QSpinBox()
        self.sample_seed.setRange(0, SEEDS - 1)
        self.sample_seed.setToolTip(self.tr("The same seed draws the same words"))
        self.go = QPushButton(self.tr("Continue"))
        self.go.setToolTip(self.tr("Write after the prompt (Enter)"))
        self.weights = wrapping()
        self.error = wrapping()
        self.error.setStyleSheet("color: #c0392b;")
        self.written = WordFlow()
        self.written.setToolTip(self.tr("Pick a written word to see what it looked at"))
        self.why = wrapping()
        self.detail = QWidget()
        self.detail_title = wrapping(bold=True)
        self.attention_caption = wrapping()
        self.attention = ContextAttention()
        self.candidates_caption = wrapping()
        self.candidates = ProbabilityBars()

        # The prompt and Continue on one line, over the whole width: two words stay whole
        # in a narrow pane; the settings under them, each beside its label.
        prompt_label = WrappingLabel(self.tr("Prompt:"))
        prompt_label.setBuddy(self.prompt)
        prompt = QHBoxLayout()
        prompt.setContentsMargins(0, 0, 0, 0)
        prompt.addWidget(self.prompt, 1)
        prompt.addWidget(self.go)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for text, widget in (
            (self.tr("Words:"), self.words),
            (self.tr("Temperature:"), self.sample_temperature),
            (self.tr("Top-k:"), self.top_k),
            (self.tr("Seed:"), self.sample_seed),
        ):
            label = WrappingLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        detail = QVBoxLayout(self.detail)
        detail.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.detail_title,
            self.attention_caption,
            self.attention,
            self.candidates_caption,
            self.candidates,
        ):
            detail.addWidget(widget)
        self.content = QWidget()
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(prompt_label)
        layout.addLayout(prompt)
        layout.addLayout(form)
        layout.addWidget(self.weights)
        layout.addWidget(self.error)
        layout.addWidget(self.written)
        layout.addWidget(self.detail)
        layout.addWidget(self.why)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(self.message)
        outer.addWidget(self.content)
        outer.addStretch(1)

        self.go.clicked.connect(self.continue_pressed)
        self.prompt.returnPressed.connect(self.continue_pressed)
        for box in (self.words, self.sample_temperature, self.top_k, self.sample_seed):
            box.lineEdit().returnPressed.connect(self.continue_pressed)
        self.prompt.textEdited.connect(self._on_typed)
        self.sample_temperature.valueChanged.connect(self._on_temperature)
        self.written.currentItemChanged.connect(self._on_current)
        self._on_temperature(self.sample_temperature.value())
        self.show_error("")
        self.detail.hide()
        self.message.hide()

    # --- settings ---------------------------------------------------------------------------

    def _on_typed(self, text: str) -> None:
        self._typed = bool(text.strip())  # emptied: it follows the sentence shown again

    def offer_prompt(self, text: str) -> None:
        """The sentence's first words, unless the user has typed a prompt of their own."""
        if not self._typed and self.prompt.text() != text:
            self.prompt.setText(text)

    def set_vocabulary_size(self, size: int) -> None:
        self.top_k.setMaximum(max(size, 1))

    def _on_temperature(self, value: float) -> None:
        sampling = value > 0  # greedy ignores top-k and the seed
        self.top_k.setEnabled(sampling)
        self.sample_seed.setEnabled(sampling)
        self.sampling_changed.emit()

    def settings(self) -> tuple[str, int, float, int, int]:
        """prompt, words, temperature, top-k and seed."""
        return (
            self.prompt.text(),
            self.words.value(),
            round(self.sample_temperature.value(), 2),
            self.top_k.value(),
            self.sample_seed.value(),
        )

    # --- what the presenter says -------------------------------------------------------------

    def show_message(self, message: str) -> None:
        """Nothing can be written (another attention mode): why."""
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.content.setVisible(not message)

    def show_weights(self, text: str, why: str) -> None:
        self.weights.setText(text)
        self.why.setText(why)
        self.why.setVisible(bool(why))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def show_busy(self, busy: bool) -> None:
        """The words shown greyed while new ones are being written."""
        self.written.setEnabled(not busy)

    def show_written(self, prompt, words, ended: bool) -> None:
        """The prompt's words (grey), the written ones (to pick), and the end if reached."""
        flow = self.written
        flow.blockSignals(True)
        flow.clear()
        grey = self.palette().color(self.palette().ColorRole.PlaceholderText)
        for word in prompt:
            item = QListWidgetItem(word)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setForeground(grey)
            item.setToolTip(self.tr("The prompt"))
            flow.addItem(item)
        for index, word in enumerate(words):
            item = QListWidgetItem(word)
            item.setData(WORD_ROLE, index)
            flow.addItem(item)
        if ended:
            end = QListWidgetItem(self.tr("■ <pad>: the end"))
            end.setFlags(Qt.ItemFlag.ItemIsEnabled)
            end.setForeground(QColor(grey))
            end.setToolTip(self.tr("The model wrote <pad>: it ends the text here"))
            flow.addItem(end)
        flow.blockSignals(False)
        flow.fit()
        self.detail.hide()
        if words:
            self.choose(0)

    def word_items(self) -> list[QListWidgetItem]:
        """The written words' items, in order."""
        items = (self.written.item(k) for k in range(self.written.count()))
        return [item for item in items if item.data(WORD_ROLE) is not None]

    def choose(self, index: int) -> None:
        """Pick written word ``index`` (as a click does)."""
        items = self.word_items()
        if 0 <= index < len(items):
            self.written.setCurrentItem(items[index])

    def _on_current(self, item, _previous) -> None:
        if item is not None and item.data(WORD_ROLE) is not None:
            self.word_chosen.emit(int(item.data(WORD_ROLE)))

    def show_step(self, title: str, caption: str, attention, maps, context, colour_map: str,
                  candidates: list[Bar]) -> None:  # fmt: skip
        """``maps``: the attention maps' (layer, head) and names, one per row."""
        self.detail_title.setText(title)
        self.attention_caption.setText(caption)
        names = [name for _where, name in maps]
        short = [f"{layer} · {head}" for (layer, head), _name in maps]
        self.attention.set_attention(attention, names, short, list(context), colour_map)
        self.candidates_caption.setText(self.tr("The ten words it weighed (✓ the one written):"))
        self.candidates.set_bars(candidates)
        self.detail.show()
