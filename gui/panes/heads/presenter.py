"""The Heads pane's presenter: the detector scores of the result, and heads switched off.

The scores are the result's own (``PipelineResult.probe_scores``, or ``sentence_scores``
on the user's sentences), computed with the model; switching a head off or on is a change
of the model's settings (``ablated``), so every pane computes again, and training, if any,
carries on: the weights are the same.
"""

from __future__ import annotations

import math

from gui import state as aspects
from gui import texts
from gui.panes.heads.view import PROBE
from gui.panes.presenter import PanePresenter
from model.analysis.detectors import DETECTORS, THRESHOLD, detector_names, label
from model.analysis.probe import probe_size

HEADED = ("multihead", "transformer")  # the modes with heads


class HeadsPresenter(PanePresenter):
    shows = frozenset({aspects.RESULT})

    def __init__(self, controller, view, dock) -> None:
        super().__init__(controller, view, dock)
        self.source = PROBE
        view.head_switched.connect(self._on_head_switched)
        view.source_chosen.connect(self._on_source_chosen)

    def render(self) -> None:
        result, view = self.controller.result, self.view
        if result.probe_scores is None and result.config.attention in HEADED:
            view.show_message(
                self.tr(
                    "The heads are scored on sequences as long as your longest sentence, "
                    "with a stretch that repeats: give a sentence 4 words or more."
                )
            )
            return
        if result.probe_scores is None:
            view.show_message(
                self.tr(
                    "Only multi-head attention and the transformer have heads to score and "
                    "to switch off: choose one of them under Attention in the Model pane."
                )
            )
            return
        scores = result.probe_scores if self.source == PROBE else result.sentence_scores
        rows = []
        for index, row in enumerate(scores):
            layer, head = result.map_of(index)
            strongest = label(row)
            rows.append(
                (
                    f"{layer}.{head}",
                    texts.map_name(result.config, index, capital=True),
                    (layer, head) not in result.config.ablated,
                    tuple("—" if math.isnan(v) else texts.fixed(float(v), 2) for v in row),
                    None if strongest is None else DETECTORS.index(strongest),
                )
            )
        headers = [(self.tr("head"), self.tr("layer.head, as --ablate counts: unchecked, off"))]
        short = detector_names(texts.language(), short=True)
        headers += list(zip(short, self._tips(), strict=True))
        view.show_heads(headers, rows, self._about(result), self._evaluation(result), self.source)

    def _tips(self) -> tuple[str, ...]:
        """What each detector measures, in the order of DETECTORS."""
        return (
            self.tr("previous: the mean weight on the word just before"),
            self.tr("first: the mean weight on the first word"),
            self.tr("duplicate: the mean weight on earlier copies of the word itself"),
            self.tr("induction: the mean weight on the words that followed earlier copies"),
        )

    def _about(self, result) -> tuple[str, str]:
        """A line on screen, and its longer explanation."""
        threshold = texts.fixed(THRESHOLD, 1)
        line = self.tr("Marked: the grid's label, the strongest score above {threshold}.")
        if self.source == PROBE:
            where = self.tr(
                "Measured on {n} random sequences of {length} of your words in which a stretch "
                "repeats (the same for every run with seed {seed})."
            ).format(n=probe_size(result.max_length), length=result.max_length,
                     seed=result.config.seed)  # fmt: skip
        else:
            where = self.tr(
                "Measured on your sentences: “—” where they cannot show it (no word comes "
                "back, no duplicate or induction score)."
            )
        rule = self.tr(
            "Each score is the mean weight a query puts on: the word before it (previous), "
            "the first word (first), earlier copies of its own word (duplicate), the words "
            "that followed those copies (induction), from 0 to 1."
        )
        return line.format(threshold=threshold), f"{where} {rule}"

    def _evaluation(self, result) -> str:
        """The task's loss and accuracy on its probe, with the heads switched off and with
        every head (said only when some are off)."""
        record = result.training
        if record is None or record.evaluation is None:
            return ""
        evaluation = record.evaluation
        task = texts.task_name(evaluation.task)

        def said(score) -> str:
            return self.tr("loss {loss}, accuracy {accuracy} %").format(
                loss=texts.fixed(score.loss, 3), accuracy=texts.fixed(100 * score.accuracy, 1)
            )

        if not result.config.ablated:
            return self.tr("Task “{task}” on its probe: {score}.").format(
                task=task, score=said(evaluation.score)
            )
        off = ", ".join(texts.map_name(result.config, result.map_index(*pair))
                        for pair in result.config.ablated)  # fmt: skip
        return self.tr("Task “{task}” on its probe, with {off} switched off: {score}; with every "
                       "head: {every}.").format(task=task, off=off, score=said(evaluation.score),
                                                every=said(evaluation.every_head))  # fmt: skip

    def _on_head_switched(self, index: int, on: bool) -> None:
        result = self.controller.result
        if result is None or result.probe_scores is None:
            return
        pair = result.map_of(index)
        ablated = set(self.controller.config.ablated)
        ablated = ablated - {pair} if on else ablated | {pair}
        self.controller.update_config(ablated=tuple(sorted(ablated)))

    def _on_source_chosen(self, source: str) -> None:
        self.source = source
        if self.controller.result is not None:
            self.refresh()
