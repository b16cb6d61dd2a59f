"""The training loop: the pipeline's own seeded network, plus a readout, trained by Adam.

Step 0 is the untrained notebook, number for number: the trainer builds the very network the
pipeline builds.  A *readout* turns what attention gathered into a guess at the target token,
and is trained with everything else:

- notebook modes (``linear``, ``dot``): every key *votes* for a token, ``softmax(readout(
  inputs))``, from its own embedding alone; a query's prediction is the votes weighted by its
  attention, ``attention @ votes``.  A query learns nothing about another position except
  through its attention weights, and the loss, −log(prediction of the target), is about
  −log(attention on the keys that hold the target): it falls only as attention sharpens.
  (Reading out ``attention @ inputs`` instead lets a confident readout decode a blurred mix,
  and attention stopped sharpening once the loss was near 0: 0.84 on a 29-word sentence
  after 500 steps of ``previous``, against 0.997 with votes.)
- ``multihead``: ``log_softmax(readout(output))``, after the module's own values and
  ``out_proj``, as a transformer would.  A recurrent cell leaves earlier tokens in every
  value: see :func:`tasks.shortcut`.
- ``transformer``: its own next-word head is the readout, ``log_softmax(logits)``, for
  every task.  The ``next`` task trains it on the user's own sentences (see
  :func:`tasks.sentence_batch`); the others on random ones, as above.  Its expected weight is
  that of the head that does the task best (the largest mean over all layers' heads).

Each step draws a fresh batch (:func:`tasks.batch`), so ``step()`` is the whole state
machine: pausing is not calling it, resuming is calling it again, and any split of N steps
gives the tensors of N uninterrupted ones.  The caller's global RNG is never touched.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import torch

from model.architectures import AttentionNetwork, Cancelled, seeded
from model.config import ModelConfig, check_input_size, check_vocabulary_size
from model.pipeline import run_network
from model.stages import PipelineResult, TrainingRecord
from model.tokenizer import Vocabulary, encode, split_sentences
from model.training import tasks
from model.training.adam import Adam
from model.training.evaluation import evaluate
from model.training.limits import BATCH_SIZE, check_training_size  # noqa: F401 (re-exported)
from model.training.rules import WINDOW, converged, solved_without_attention  # noqa: F401 (re-exported)
from model.training.settings import MAX_LEARNING_RATE, MIN_LEARNING_RATE, TrainSettings
from model.validate import check_float

TINY = 1e-30  # the smallest prediction whose log the loss takes


@dataclass(frozen=True)
class StepRecord:
    """One optimizer step, measured on its batch before the update.

    ``step`` counts the updates made so far, this one included (1 for the first);
    ``expected_weight`` is the mean attention on the expected key over real queries
    (and heads); ``accuracy`` the share of targets the readout ranked first.
    """

    step: int
    loss: float
    accuracy: float
    expected_weight: float


@dataclass(frozen=True)
class History:
    """One value per step so far; ``learning_rate`` is the rate each step was taken at."""

    loss: np.ndarray
    accuracy: np.ndarray
    expected_weight: np.ndarray
    learning_rate: np.ndarray

    def until(self, step: int) -> History:
        """The history of the first ``step`` steps."""
        return History(**{name: getattr(self, name)[:step] for name in History.__annotations__})


@dataclass(frozen=True)
class Snapshot:
    """Everything a trainer changes, at one step: weights, Adam's moments, the history."""

    step: int
    network: dict
    readout: dict
    optimizer: dict
    history: History


class Trainer:
    """Trains a seeded :class:`AttentionNetwork` on one task over the user's vocabulary.

    ``lengths`` are the user's sentence lengths: batches draw theirs from them and are padded
    to the longest, the network's L.  ``settings.steps`` is the caller's goal: the trainer
    steps when asked.  Not thread-safe: one thread steps it; another may call
    :meth:`set_learning_rate` (it applies from the next step).
    """

    def __init__(
        self,
        config: ModelConfig,
        vocabulary: Vocabulary,
        lengths: np.ndarray | list[int],
        settings: TrainSettings | None = None,
        ids: np.ndarray | None = None,
    ) -> None:
        self.config = config = config.with_every_head()  # training uses every head
        self.settings = settings or TrainSettings()
        self.lengths = np.asarray(lengths, dtype=np.int64)
        self.length = int(self.lengths.max())
        self.vocab_size = vocabulary.size
        self.ranks = tasks.alphabetical_ranks(vocabulary.tokens)
        task = self.settings.task
        tasks.check_task(task, config, self.length)
        if task == tasks.LANGUAGE_MODELLING and ids is None:
            raise ValueError("the next task trains on the user's sentences: give their ids")
        self.ids = None if ids is None else np.array(ids, dtype=np.int64)  # its own, writable
        check_training_size(config, self.length, self.vocab_size)  # see training/limits.py
        self.network = AttentionNetwork(config, self.vocab_size, self.length)
        if config.attention == "transformer":
            self.readout = torch.nn.Identity()  # the network's own next-word head reads out
        else:
            width = config.width if config.attention == "multihead" else config.embedding_size
            self.readout = _seeded_linear(width, self.vocab_size, config.seed)
        self.optimizer = Adam(
            [*self.network.parameters(), *self.readout.parameters()],
            lr=self.settings.learning_rate,
        )
        self.steps_done = 0
        self._values: dict[str, list[float]] = {name: [] for name in History.__annotations__}

    # --- stepping ------------------------------------------------------------------------

    @property
    def learning_rate(self) -> float:
        return self.optimizer.param_groups[0]["lr"]

    def set_learning_rate(self, rate: float) -> None:
        """Take the following steps at ``rate``; weights and Adam's moments carry on."""
        rate = check_float("learning_rate", rate, MIN_LEARNING_RATE, MAX_LEARNING_RATE)
        for group in self.optimizer.param_groups:
            group["lr"] = rate

    def step(self) -> StepRecord:
        """Draw this step's batch, take one Adam step on it, and record how it went."""
        task, seed, step = self.settings.task, self.config.seed, self.steps_done
        ids, lengths = tasks.batch(task, seed, step, self.vocab_size, self.lengths, self.ids)
        keys = self.expected_keys(ids, lengths)
        target = torch.from_numpy(tasks.batch_targets(task, ids, lengths, keys))
        for start, value in self.settings.rate_changes:  # a replayed run's changes of rate
            if start == self.steps_done:
                self.set_learning_rate(value)
        rate = self.learning_rate
        with one_thread():
            attention, log_prediction = predict(self.network, self.readout, torch.from_numpy(ids))
            loss = _loss(log_prediction, target)
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
        self.steps_done += 1
        accuracy, weight = _measures(attention.detach(), log_prediction.detach(), keys, target)
        row = {"loss": loss.item(), "accuracy": accuracy, "expected_weight": weight}
        for name, value in {**row, "learning_rate": rate}.items():
            self._values[name].append(value)
        return StepRecord(self.steps_done, **row)

    def run(self, steps: int) -> Iterator[StepRecord]:
        """Yield the records of up to ``steps`` more steps; stop consuming it to pause."""
        for _ in range(steps):
            yield self.step()

    # --- results -------------------------------------------------------------------------

    @property
    def history(self) -> History:
        return History(**{name: np.array(v, dtype=np.float64) for name, v in self._values.items()})

    def record(self, ids: np.ndarray, lengths: np.ndarray, ablated=(), vocabulary=None):
        """The training so far, with the expected keys of the user's sentences ``ids``, and
        (given their ``vocabulary``) the task's evaluation with the ``ablated`` heads off."""
        evaluation = None
        if vocabulary is not None:
            evaluation = evaluate(
                self.network, self.readout, self.settings.task, vocabulary, lengths, ids, ablated
            )
        return training_record(
            self.settings,
            self.steps_done,
            self.learning_rate,
            self.history,
            self.expected_keys(ids, lengths),
            evaluation,
        )

    def expected_keys(self, ids: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """``(B, L)``: the key each query of ``ids`` should attend to in this task, or −1."""
        task, causal = self.settings.task, self.config.causal
        return tasks.expected_keys(task, ids, lengths, self.ranks, causal)

    def network_copy(self, snapshot: Snapshot | None = None) -> AttentionNetwork:
        """A network of its own with the current weights (or a snapshot's), for the views.

        Call it between steps, from the thread that steps: a step changes weights in place.
        """
        network = AttentionNetwork(self.config, self.vocab_size, self.length)
        network.load_state_dict(snapshot.network if snapshot else self.network.state_dict())
        return network.eval()

    # --- timeline ------------------------------------------------------------------------

    def weights(self) -> dict:
        """A copy of the network's weights at this step: what a timeline keeps to show the
        step again (a :meth:`snapshot` also keeps Adam's moments and the readout, three times
        the memory, to train on from there)."""
        return _clone(self.network.state_dict())

    def snapshot(self) -> Snapshot:
        """The state at this step (copies: about three times the weights' memory)."""
        return Snapshot(
            self.steps_done,
            _clone(self.network.state_dict()),
            _clone(self.readout.state_dict()),
            copy.deepcopy(self.optimizer.state_dict()),
            self.history,
        )

    def restore(self, snapshot: Snapshot) -> None:
        """Go back (or forward) to ``snapshot``: stepping on equals never having left it."""
        self.network.load_state_dict(snapshot.network)
        self.readout.load_state_dict(snapshot.readout)
        self.optimizer.load_state_dict(copy.deepcopy(snapshot.optimizer))
        self.steps_done = snapshot.step
        self._values = {
            name: getattr(snapshot.history, name).tolist() for name in History.__annotations__
        }


def training_record(
    settings: TrainSettings,
    step: int,
    learning_rate: float,
    history: History,
    keys: np.ndarray,
    evaluation=None,
) -> TrainingRecord:
    """What a result shows of its training: the task, the ``step`` reached at
    ``learning_rate``, the ``history`` so far and the ``keys`` the sentences' queries should
    attend to.  A trainer's own result and the window's result on published weights
    (model.training.applied) are both recorded here."""
    return TrainingRecord(
        settings.task,
        step,
        learning_rate,
        history.loss,
        history.accuracy,
        history.expected_weight,
        keys,
        evaluation,
    )


def predict(network, readout, token_ids: torch.Tensor, ablated=None):
    """The attention maps and the log-probabilities ``(B, L, V)`` of each query's target,
    as the readout reads them (see the module's note), with ``ablated`` heads switched off
    (default: the network's config's)."""
    stages = network(token_ids, None, ablated)
    attention = stages["attention"]
    if network.config.attention == "transformer":
        return attention, torch.log_softmax(stages["logits"], dim=-1)
    if network.config.attention == "multihead":
        return attention, torch.log_softmax(readout(stages["output"]), dim=-1)
    votes = torch.softmax(readout(stages["inputs"]), dim=-1)
    # A padding query's attention row is 0 when masked: clamping keeps its log finite.
    return attention, torch.log((attention @ votes).clamp_min(TINY))


@contextmanager
def one_thread() -> Iterator[None]:
    """Run torch on one thread inside the block.

    How torch splits a sum among threads changes its last bits, and training amplifies them:
    300 steps on one thread and on two ended with attention maps up to 0.9 apart.  One thread
    makes the numbers independent of the machine's cores, so the exported notebook (which
    does the same) reproduces them.  At these sizes it is also faster: with other work on the
    two cores, two threads ran 15 times slower than one.
    """
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(threads)


def _seeded_linear(width: int, vocab_size: int, seed: int) -> torch.nn.Linear:
    """``torch.nn.Linear(width, V)`` with the weights it gets right after
    ``torch.manual_seed(seed)``, as the exported notebook builds it.

    Built under the one lock on torch's global generator (:func:`seeded`), which forks and
    restores it: another thread building a network meanwhile never sees these draws.
    """
    with seeded(seed):
        return torch.nn.Linear(width, vocab_size)


def _loss(log_prediction: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Mean −log(prediction of the target) over the queries with one (0 when none has)."""
    total = torch.nn.functional.nll_loss(
        log_prediction.reshape(-1, log_prediction.shape[-1]),
        target.reshape(-1),
        ignore_index=-1,
        reduction="sum",
    )
    return total / max(int((target >= 0).sum()), 1)


def loss_and_accuracy(log_prediction: torch.Tensor, target: torch.Tensor) -> tuple[float, float]:
    """The loss and the share of targets ranked first, as a step measures them."""
    return _loss(log_prediction, target).item(), _accuracy(log_prediction, target)


def _accuracy(log_prediction: torch.Tensor, target: torch.Tensor) -> float:
    right = (log_prediction.argmax(-1) == target)[target >= 0]
    return right.float().mean().item() if right.numel() else 0.0


def _measures(attention, log_prediction, keys: np.ndarray, target) -> tuple[float, float]:
    """Accuracy over queries with a target; mean weight on the expected key over them (over
    the heads of one layer; with layers, the best head's), NaN when no query has a key."""
    accuracy = _accuracy(log_prediction, target)
    layered = attention.dim() == 5
    if layered:
        attention = attention.reshape(attention.shape[0], -1, *attention.shape[-2:])
    maps = attention if attention.dim() == 4 else attention[:, None]
    has_key = torch.from_numpy(keys >= 0)[:, None, :].expand(*maps.shape[:3])
    if not has_key.any():
        return accuracy, float("nan")
    index = torch.from_numpy(np.maximum(keys, 0))[:, None, :, None]
    on_key = maps.gather(-1, index.expand(*maps.shape[:3], 1))[..., 0]  # (B, maps, L)
    if layered:
        per_map = (on_key * has_key).sum((0, 2)) / has_key.sum((0, 2))
        return accuracy, per_map.max().item()
    return accuracy, on_key[has_key].mean().item()


def _clone(state: dict) -> dict:
    return {name: tensor.detach().clone() for name, tensor in state.items()}


def train(
    text: str,
    config: ModelConfig,
    settings: TrainSettings,
    cancelled: Callable[[], bool] | None = None,
) -> PipelineResult:
    """Train on ``text``'s vocabulary and lengths for ``settings.steps`` steps, and return the
    pipeline's stages on ``text`` with the trained weights (the command line's path)."""
    return train_network(text, config, settings, cancelled)[1]


def train_network(
    text: str,
    config: ModelConfig,
    settings: TrainSettings,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[AttentionNetwork, PipelineResult]:
    """:func:`train`'s trained network (to generate from, say) and its result.

    Raises :class:`InputError` as :func:`~model.pipeline.run_pipeline` does, and
    :class:`Cancelled` if ``cancelled()`` turns true between steps.
    """
    sentences = split_sentences(text)
    lengths = np.fromiter(map(len, sentences), dtype=np.int64, count=len(sentences))
    check_input_size(len(sentences), int(lengths.max()), config)
    check_training_size(config, int(lengths.max()))  # before numbering the words
    vocabulary, ids = encode(sentences)
    check_vocabulary_size(*ids.shape, vocabulary.size, config)  # before training, not after
    trainer = Trainer(config, vocabulary, lengths, settings, ids)
    for _ in trainer.run(settings.steps):
        if cancelled is not None and cancelled():
            raise Cancelled
    record = trainer.record(ids, lengths, config.ablated, vocabulary)
    result = run_network(
        trainer.network, sentences, vocabulary, ids, cancelled, record, config.ablated
    )
    return trainer.network, result
