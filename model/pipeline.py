"""The notebook's pipeline: ids → embeddings → RNN → scores → softmax.

Importing this module imports torch, which takes a while; everything else in ``model``
stays light.  :func:`run_pipeline` reproduces the notebook's numbers exactly (see the
parity contract in the design notes) and leaves the caller's global RNG state untouched.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable

import numpy as np
import torch

from model.config import ModelConfig, check_input_size
from model.result import PipelineResult, Stage
from model.tokenizer import encode, split_sentences

# torch's layers draw their initial weights from the global generator.  We seed it inside
# fork_rng, which restores the caller's state afterwards; the lock keeps two pipelines in
# different threads from interleaving their draws.
_RNG_LOCK = threading.Lock()

# The RNN runs over chunks of sentences so that a long run can be cancelled between them.
_CHUNK_ELEMENTS = 1 << 22

_CELLS = {"rnn": torch.nn.RNN, "gru": torch.nn.GRU, "lstm": torch.nn.LSTM}


class Cancelled(Exception):
    """Raised when the ``cancelled`` callback asks a run to stop early."""


def run_pipeline(
    text: str,
    config: ModelConfig | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PipelineResult:
    """Run every stage of the notebook on ``text`` (one sentence per line).

    Raises :class:`ValueError` with a readable message for empty input or input beyond
    the documented limits, and :class:`Cancelled` if ``cancelled()`` turns true.
    """
    config = config or ModelConfig()
    sentences = split_sentences(text)
    check_input_size(len(sentences), max(map(len, sentences)), config)
    vocabulary, ids = encode(sentences)
    batch, length = ids.shape
    seed, emb, hid = config.seed, config.embedding_size, config.hidden_size

    def checkpoint() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled

    with torch.inference_mode():
        token_ids = torch.from_numpy(ids)
        embeddings = torch.Tensor(np.random.RandomState(seed).random_sample((vocabulary.size, emb)))
        inputs = embeddings[token_ids]
        checkpoint()

        rnn, linear = _build_layers(config, length)
        chunk = max(1, _CHUNK_ELEMENTS // (length * max(emb, hid)))
        outputs = []
        for start in range(0, batch, chunk):
            checkpoint()
            outputs.append(rnn(inputs[start : start + chunk])[0])
        rnn_output = torch.cat(outputs)

        if config.attention == "linear":
            scores = linear(rnn_output)
        else:
            scores = rnn_output @ rnn_output.transpose(1, 2) / math.sqrt(hid)
        checkpoint()

        logits = scores / config.temperature
        if config.mask_padding:
            padding = token_ids == 0
            logits = logits.masked_fill(padding[:, None, :], float("-inf"))
            attention = torch.softmax(logits, dim=-1).masked_fill(padding[:, :, None], 0.0)
        else:
            attention = torch.softmax(logits, dim=-1)

    code = _code_lines(config, vocabulary.size, length)
    arrays = {
        "token_ids": ids,
        "embeddings": embeddings.numpy(),
        "inputs": inputs.numpy(),
        "rnn_output": rnn_output.numpy(),
        "scores": scores.numpy(),
        "attention": attention.numpy(),
    }
    stages = tuple(
        Stage(key, arrays[key], _DIMS[key], code[key], _explanation(key, config)) for key in _DIMS
    )
    return PipelineResult(tuple(map(tuple, sentences)), vocabulary, config, stages)


def _build_layers(config: ModelConfig, length: int) -> tuple[torch.nn.Module, torch.nn.Linear]:
    """The RNN and the Linear layer, with the weights the notebook's seeding gives them."""
    kwargs = {"input_size": config.embedding_size, "hidden_size": config.hidden_size}
    if config.cell == "rnn":
        kwargs["nonlinearity"] = config.nonlinearity
    with _RNG_LOCK, torch.random.fork_rng(devices=[]):
        torch.manual_seed(config.seed)
        rnn = _CELLS[config.cell](batch_first=True, **kwargs)
        linear = torch.nn.Linear(config.hidden_size, length, bias=False)
    return rnn.eval(), linear.eval()


_DIMS = {
    "token_ids": ("sentence", "position"),
    "embeddings": ("token_id", "feature"),
    "inputs": ("sentence", "position", "feature"),
    "rnn_output": ("sentence", "position", "hidden_unit"),
    "scores": ("sentence", "query_position", "key_position"),
    "attention": ("sentence", "query_position", "key_position"),
}


def _explanation(key: str, config: ModelConfig) -> str:
    if key == "scores":
        return f"scores.{config.attention}"
    if key == "attention" and config.mask_padding:
        return "attention.masked"
    return key


def _code_lines(config: ModelConfig, vocab_size: int, length: int) -> dict[str, str]:
    """The PyTorch code of each stage, with this run's sizes and settings filled in."""
    emb, hid = config.embedding_size, config.hidden_size
    cell = {"rnn": "RNN", "gru": "GRU", "lstm": "LSTM"}[config.cell]
    extra = (
        ", nonlinearity='relu'" if config.cell == "rnn" and config.nonlinearity == "relu" else ""
    )
    if config.attention == "linear":
        scores = (
            f"linear = torch.nn.Linear({hid}, {length}, bias=False)\nscores = linear(rnn_output)"
        )
    else:
        scores = f"scores = rnn_output @ rnn_output.transpose(1, 2) / math.sqrt({hid})"
    logits = "scores" if config.temperature == 1.0 else f"scores / {config.temperature!r}"
    if config.mask_padding:
        attention = (
            "pad = token_ids == 0\n"
            f"logits = ({logits}).masked_fill(pad[:, None, :], float('-inf'))\n"
            "attention = torch.softmax(logits, dim=-1)\n"
            "attention = attention.masked_fill(pad[:, :, None], 0.0)"
        )
    else:
        attention = f"attention = torch.softmax({logits}, dim=-1)"
    return {
        "token_ids": "# ids by first appearance; 0 = <pad>\ntoken_ids = torch.LongTensor(ids)",
        "embeddings": f"rng = np.random.RandomState({config.seed})\n"
        f"embeddings = torch.Tensor(rng.random_sample(({vocab_size}, {emb})))",
        "inputs": "inputs = embeddings[token_ids]",
        "rnn_output": f"torch.manual_seed({config.seed})\n"
        f"rnn = torch.nn.{cell}(input_size={emb}, hidden_size={hid}, batch_first=True{extra})\n"
        "rnn_output, _ = rnn(inputs)",
        "scores": scores,
        "attention": attention,
    }
