"""The Generate pane's presenter: writes with the weights the window shows, off the GUI thread.

Those weights are the training worker's latest published copy when the result on screen was
computed with it, else the untrained network of the current settings (built with the same
seeding as the pipeline's).  A generation runs on its own thread, latest wins
(:mod:`gui.jobs.generation`); the prompt the user typed is never touched, and an unknown word
comes back as a message that names it.
"""

from __future__ import annotations

from collections import Counter

from gui import state as aspects
from gui import texts
from gui.jobs.generation import GenerationJobs
from gui.panes.next_word.bars import Bar
from gui.panes.presenter import PanePresenter
from model.tokenizer import PAD
from model.training.applied import fits
from model.training.tasks import LANGUAGE_MODELLING

PROMPT_WORDS = 2  # the prompt offered: the first words of the sentence shown


class GenerationPresenter(PanePresenter):
    shows = frozenset({aspects.RESULT, aspects.VIEW})

    def __init__(self, controller, view, dock) -> None:
        super().__init__(controller, view, dock)
        self.jobs = GenerationJobs(self)
        self.jobs.finished.connect(self._on_generated)
        self.generation = None  # the last one shown (a model.generation.Generation)
        self._made_with = None  # the weights it was written with (see _weights_key)
        self._asked_with = None
        self._maps: list = []  # its attention maps: ((layer, head), name) each
        self._on_screen: int | None = None  # the written word whose attention is shown
        self._untrained = {}  # (config, V, L): network, the last one built (writer's thread)
        self._shared = (None, None)  # (sentences, a word several of them have)
        view.continue_pressed.connect(self.generate)
        view.word_chosen.connect(self._on_word_chosen)
        view.sampling_changed.connect(self._explain)
        controller.changed.connect(self._on_status_changed)
        self._on_status_changed(frozenset({aspects.LOADED}))

    # --- rendering --------------------------------------------------------------------------

    def render(self) -> None:
        result, view = self.controller.result, self.view
        if result.config.attention != "transformer":
            view.show_message(
                self.tr(
                    "Only the transformer writes text: choose the transformer blocks under "
                    "Attention in the Model pane."
                )
            )
            return
        view.show_message("")
        sentence = result.sentences[max(self.controller.view.sentence, 0)]
        view.offer_prompt(" ".join(sentence[:PROMPT_WORDS]))
        view.set_vocabulary_size(result.vocabulary.size)
        self._explain()
        if self.generation is not None and self._on_screen is not None:
            self._on_word_chosen(self._on_screen)  # the colour map may have changed

    def _explain(self) -> None:
        """What the weights are, and why the text comes out as it does."""
        result = self.controller.result
        if result is None or result.config.attention != "transformer":
            return
        training = result.training
        trained = training is not None and training.steps > 0
        next_task = texts.task_name(LANGUAGE_MODELLING)
        if not trained:
            weights = self.tr(
                "Writes from random weights (untrained): the words are noise. Train the task "
                "“{task}” first (Training pane)."
            ).format(task=next_task)
        else:
            weights = self.tr("Writes with the trained weights: step {n}, task “{task}”.").format(
                n=training.steps, task=texts.task_name(training.task)
            )
        if self.generation is not None and self._made_with != _weights_key(result):
            weights += " " + self.tr(
                "The text below was written with other weights: press Continue again."
            )
        why = ""
        if trained and training.task != LANGUAGE_MODELLING:
            why = self.tr(
                "Trained on “{task}”, not “{next}”: the head says what that task asks for, so "
                "the text is not language."
            ).format(task=texts.task_name(training.task), next=next_task)
        elif trained:
            why = self._why_sampling(result)
        self.view.show_weights(weights, why)

    def _why_sampling(self, result) -> str:
        temperature = self.view.settings()[2]
        if temperature == 0:
            return self.tr(
                "Greedy (temperature 0): each word is the likeliest one. Trained again and "
                "again on only {n} sentences, and never on new ones, the model has memorised "
                "them: from the first words of one it writes that very sentence."
            ).format(n=result.batch_size)
        if temperature < 1:
            return self.tr(
                "A temperature below 1 sharpens the probabilities: mostly the likeliest "
                "words, so mostly a sentence it has memorised."
            )
        why = self.tr(
            "Sampling (temperature {t}): each word is drawn by its probability, not always "
            "the likeliest. Where sentences share words, the text can jump from one sentence "
            "into another."
        ).format(t=texts.number(temperature))
        if self._shared[0] is not result.sentences:  # counted once per text
            self._shared = (result.sentences, _shared_word(result.sentences))
        shared = self._shared[1]
        if shared:
            why += " " + self.tr("“{word}”, for one, is in several of yours.").format(word=shared)
        return why

    # --- writing ----------------------------------------------------------------------------

    def generate(self) -> None:
        """Continue the prompt with the weights on screen (Continue, Enter)."""
        controller, view = self.controller, self.view
        result = controller.result
        if result is None or result.config.attention != "transformer" or not controller.is_live:
            return
        network = self._shown_network(result)
        if network is False:
            view.show_error(self.tr("The trained weights are still on their way: try again."))
            return
        prompt, words, temperature, top_k, seed = view.settings()
        config, vocabulary = result.config, result.vocabulary
        size, length, untrained = vocabulary.size, result.max_length, self._untrained

        def request(cancelled):
            from model.generation import generate
            from model.pipeline import build_network

            used = network
            if used is None:  # the untrained weights, seeded as the pipeline's
                key = (config, size, length)
                if key not in untrained:
                    untrained.clear()
                    untrained[key] = build_network(config, size, length)
                used = untrained[key]
            return generate(
                used, vocabulary, prompt, words, temperature, top_k, seed, cancelled=cancelled
            )

        self._asked_with = (_weights_key(result), self._map_names(config))
        view.show_busy(True)
        self.jobs.submit(request)

    def _shown_network(self, result):
        """The trained network the result was computed with; None: untrained; False: the
        result is trained but its weights are not here (yet)."""
        if result.training is None:
            return None
        training = self.controller.training
        published = training.latest if training.active else None
        if published is not None and fits(
            published.job, result.config, result.vocabulary, result.max_length, result.token_ids
        ):
            return published.network
        return False

    def _on_generated(self, generation, error) -> None:
        view = self.view
        view.show_busy(False)
        if error is not None:  # the prompt stays as typed: only the message is new
            view.show_error(texts.error_text(error))
            return
        view.show_error("")
        self.generation = generation
        self._made_with, self._maps = self._asked_with
        self._on_screen = None
        view.show_written(generation.prompt, generation.words, generation.ended)
        self._explain()

    def _on_word_chosen(self, index: int) -> None:
        generation = self.generation
        if generation is None or not 0 <= index < len(generation.steps):
            return
        self._on_screen = index
        step = generation.steps[index]
        title = self.tr("“{word}”: probability {p}").format(
            word=step.word, p=texts.fixed(step.probability, 3)
        )
        caption = self.tr(
            "Where it looked to write it: one row per layer · head, over the {n} words it had "
            "read; each row sums to 1."
        ).format(n=len(generation.context(index)))
        candidates = [
            Bar(word if word != PAD else self.tr("<pad> (the end)"), p, texts.fixed(p, 3),
                word == step.word)
            for word, p in step.candidates
        ]  # fmt: skip
        self.view.show_step(
            title,
            caption,
            step.attention,
            self._maps,
            generation.context(index),
            self.controller.view.colour_map,
            candidates,
        )

    def _map_names(self, config) -> list[tuple[tuple[int, int], str]]:
        """Each attention map's (layer, head) and name ("layer 0 · head 1"), in order."""
        heads = config.heads_per_layer
        name = self.tr("layer {layer} · head {head}")
        maps = (divmod(m, heads) for m in range(config.layer_count * heads))
        return [((layer, head), name.format(layer=layer, head=head)) for layer, head in maps]

    def _on_status_changed(self, changed) -> None:
        if changed & {aspects.ERROR, aspects.LOADED, aspects.RESULT}:
            self.view.go.setEnabled(self.controller.is_live)


def _weights_key(result):
    """What makes two results' weights the same: settings, vocabulary and training step."""
    training = result.training
    trained = (training.task, training.steps) if training is not None else None
    return result.config, result.vocabulary.tokens, trained


def _shared_word(sentences) -> str | None:
    """A word that several sentences have (the one most of them have), or None."""
    counts = Counter(word for sentence in sentences for word in set(sentence))
    shared = [(n, word) for word, n in counts.items() if n > 1]
    return max(shared)[1] if shared else None
