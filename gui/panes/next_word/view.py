"""The Next word pane: what the transformer guesses comes after one position of a sentence.

The ten most likely words, as bars with their probabilities, the word that really follows
marked (``<pad>``, the end, after the last word); under them, which row of the heatmap the
guess was made from, and a check box that shows the softmax's arithmetic for those words:
logit, exp(logit), and exp ÷ Σ, Σ taken over the whole vocabulary.  ◀ and ▶ (or ← and → on
the bars) move to the previous or next word.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import texts
from gui.panes.next_word.arithmetic import ArithmeticModel, ArithmeticTable, short
from gui.panes.next_word.bars import MARK, Bar, ProbabilityBars
from gui.panes.training.narrow import ElidingButton
from model.prediction import Prediction
from model.tokenizer import PAD


def wrapping(bold: bool = False) -> QLabel:
    """A label that wraps to the pane's width and never widens it."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class NextWordPanel(QWidget):
    step_requested = Signal(int)
    """◀ or ▶ (← or → on the bars): -1 for the previous word, +1 for the next."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.message = wrapping()
        self.heading = wrapping(bold=True)
        self.previous = QToolButton()
        self.previous.setText("◀")
        self.previous.setToolTip(self.tr("The previous word (← on the bars)"))
        self.next = QToolButton()
        self.next.setText("▶")
        self.next.setToolTip(self.tr("The next word (→ on the bars)"))
        self.question = wrapping()
        self.bars = ProbabilityBars()
        self.bars.setToolTip(self.tr("← → another word of the sentence · ↑ ↓ read the rows"))
        self.follows = wrapping()
        self.looked = wrapping()
        self.weights = wrapping()
        # A toggle that shortens its words in a narrow pane (a check box would widen it).
        self.show_arithmetic = ElidingButton(self.tr("Show the softmax's arithmetic"))
        self.show_arithmetic.setCheckable(True)
        self.show_arithmetic.setToolTip(
            self.tr("Each probability worked out from its logit: exp(logit) ÷ Σ")
        )
        self.arithmetic_model = ArithmeticModel(
            [self.tr("word"), self.tr("logit"), self.tr("exp(logit)"), self.tr("÷ Σ")], self
        )
        self.arithmetic = ArithmeticTable(self.arithmetic_model)
        self.total = wrapping()

        heading = QHBoxLayout()
        heading.setContentsMargins(0, 0, 0, 0)
        heading.addWidget(self.heading, 1)
        heading.addWidget(self.previous, 0, Qt.AlignmentFlag.AlignTop)
        heading.addWidget(self.next, 0, Qt.AlignmentFlag.AlignTop)
        self.content = QWidget()
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        for widget in (self.question, self.bars, self.follows, self.looked, self.weights):
            layout.addWidget(widget)
        layout.addWidget(self.show_arithmetic)
        layout.addWidget(self.arithmetic)
        layout.addWidget(self.total)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(self.message)
        outer.addWidget(self.content)
        outer.addStretch(1)

        self.previous.clicked.connect(lambda: self.step_requested.emit(-1))
        self.next.clicked.connect(lambda: self.step_requested.emit(1))
        self.bars.step_requested.connect(self.step_requested)
        self.show_arithmetic.toggled.connect(self._show_arithmetic)
        self._show_arithmetic(False)
        self.show_message("")

    def _show_arithmetic(self, shown: bool) -> None:
        self.arithmetic.setVisible(shown)
        self.total.setVisible(shown)

    def show_message(self, message: str) -> None:
        """No prediction to show, and why (another attention mode, a padding position)."""
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.content.setVisible(False)

    def focus_target(self):
        """Where the keyboard goes in this pane: the bars, or None when there are none."""
        return self.bars if self.content.isVisibleTo(self) else None

    def word_label(self, word: str) -> str:
        return self.tr("<pad> (the end)") if word == PAD else word

    def show_prediction(self, prediction: Prediction, weights: str, causal: bool) -> None:
        """``weights`` says what the weights are (untrained, trained on another task…)."""
        p = prediction
        self.message.setVisible(False)
        self.content.setVisible(True)
        self.heading.setText(
            self.tr("Sentence {b}, position {i}: “{word}”").format(
                b=p.sentence, i=p.position, word=p.word
            )
        )
        self.previous.setEnabled(p.position > 0)
        self.next.setEnabled(p.position + 1 < len(p.words))
        self.question.setText(
            self.tr("After “{context}”, the {n} words the model finds most likely next:").format(
                context=" ".join(p.context), n=len(p.candidates)
            )
        )
        bars = [self._bar(c) for c in p.candidates]
        extra = None if p.following_shown else self._bar(p.following, ranked=True)
        self.bars.set_bars(bars, extra)
        following = self.word_label(p.following.word)
        if p.ends:
            says = self.tr("{mark} <pad>: the sentence ends after “{word}”.")
        else:
            says = self.tr("{mark} the word that follows in the sentence: “{next}”.")
        if not p.following_shown:
            says += " " + self.tr("It is not among the {n}: it ranks {rank}.").format(
                n=len(p.candidates), rank=p.following.rank
            )
        self.follows.setText(says.format(mark=MARK, word=p.word, next=following))
        looked = self.tr(
            "Row {i} (“{word}”) of the heatmap, in every layer and head, is what this "
            "position looked at to make this guess."
        ).format(i=p.position, word=p.word)
        if causal:
            looked += " " + self.tr("The causal mask lets it see only itself and the words before.")
        self.looked.setText(looked)
        self.weights.setText(weights)
        self.weights.setVisible(bool(weights))
        rows = [
            (self.word_label(c.word), c.logit, c.exp, c.share(p.total), c.follows)
            for c in (*p.candidates, *(() if p.following_shown else (p.following,)))
        ]
        self.arithmetic_model.set_rows(rows)
        total = self.tr("Σ = {total}: exp(logit) summed over all {v} words of the vocabulary.")
        total = total.format(total=short(p.total), v=p.vocabulary_size)
        if p.shift:
            total += " " + self.tr(
                "Each logit first less the largest, {m}, so that exp stays printable: the "
                "ratios are the same."
            ).format(m=texts.fixed(p.shift, 3))
        self.total.setText(total + " " + self.tr("Probability = exp(logit) ÷ Σ."))

    def _bar(self, candidate, ranked: bool = False) -> Bar:
        return Bar(
            self.word_label(candidate.word),
            candidate.probability,
            texts.fixed(candidate.probability, 3),
            candidate.follows,
            candidate.rank if ranked else None,
        )
