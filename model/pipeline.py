"""The notebook's pipeline and what lies beyond it: ids → embeddings → encoder → attention.

Importing this module imports torch, which takes a while; everything else in ``model``
stays light.  :func:`run_pipeline` reproduces the notebook's numbers exactly (see the parity
contract in the design notes) and leaves the caller's global RNG state untouched.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace

import numpy as np
import torch

from model.architectures import AttentionNetwork, Cancelled, Sizes
from model.architectures.network import stage_specs
from model.config import ModelConfig, check_input_size, check_vocabulary_size
from model.stages import PipelineResult, Stage, TrainingRecord
from model.tokenizer import encode, split_sentences

__all__ = ["Cancelled", "build_network", "run_pipeline", "run_network"]

# Building the layers costs more than running them at the notebook's size, and every
# keystroke reruns the pipeline: untrained networks are kept per (config, V, L).
_CACHE_SIZE = 4
_cache: OrderedDict[tuple, AttentionNetwork] = OrderedDict()
_cache_lock = threading.Lock()


def build_network(config: ModelConfig, vocab_size: int, length: int) -> AttentionNetwork:
    """A fresh, untrained network with the notebook's seeding."""
    return AttentionNetwork(config, vocab_size, length).eval()


def _cached_network(config: ModelConfig, vocab_size: int, length: int) -> AttentionNetwork:
    key = (config, vocab_size, length)
    with _cache_lock:
        network = _cache.get(key)
        if network is not None:
            _cache.move_to_end(key)
            return network
    network = build_network(config, vocab_size, length)
    with _cache_lock:
        _cache[key] = network
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return network


def run_pipeline(
    text: str,
    config: ModelConfig | None = None,
    cancelled: Callable[[], bool] | None = None,
    network: AttentionNetwork | None = None,
    training: TrainingRecord | None = None,
) -> PipelineResult:
    """Run every stage on ``text`` (one sentence per line).

    ``network`` runs trained weights instead of the seeded ones (its config, vocabulary size
    and length must fit the text); ``training`` records how they were trained.  Raises
    :class:`~model.errors.InputError` for empty input or input beyond the documented limits,
    and :class:`Cancelled` if ``cancelled()`` turns true.
    """
    config = config or ModelConfig()
    sentences = split_sentences(text)
    check_input_size(len(sentences), max(map(len, sentences)), config)
    vocabulary, ids = encode(sentences)
    if network is None:
        network = _cached_network(config.with_every_head(), vocabulary.size, ids.shape[1])
    return run_network(network, sentences, vocabulary, ids, cancelled, training, config.ablated)


def run_network(network, sentences, vocabulary, ids, cancelled=None, training=None, ablated=()):
    """The stages of ``network`` on already-encoded sentences, as a :class:`PipelineResult`,
    with the heads in ``ablated`` switched off (the result's config says which)."""
    config = replace(network.config, ablated=tuple(ablated))
    sizes = Sizes(batch=ids.shape[0], length=ids.shape[1], vocab=vocabulary.size)
    check_vocabulary_size(sizes.batch, sizes.length, sizes.vocab, config)
    # A trained network goes on changing its weights: its result gets copies.  An untrained
    # one never changes, so its result shares the weights' memory (read-only).
    copy = training is not None
    with torch.inference_mode():
        tensors = network(torch.from_numpy(ids), cancelled, config.ablated)
        parameters = {name: _array(value, copy) for name, value in network.state_dict().items()}
    stages = tuple(
        Stage(
            spec.key,
            ids if spec.role == "ids" else _array(tensors[spec.key], copy),
            spec.dims,
            spec.code,
            spec.explanation,
            spec.role,
            spec.facts,
            spec.compute,
        )
        for spec in stage_specs(config, sizes)
    )
    probe_scores = None
    if config.attention in ("multihead", "transformer"):
        from model.analysis.probe import probe_scores as scores

        probe_scores = scores(network, vocabulary.size, sizes.length, config.ablated)
    return PipelineResult(
        tuple(map(tuple, sentences)),
        vocabulary,
        config,
        stages,
        parameters,
        training,
        probe_scores,
    )


def _array(tensor: torch.Tensor, copy: bool) -> np.ndarray:
    array = tensor.detach().numpy()
    return array.copy() if copy else array
