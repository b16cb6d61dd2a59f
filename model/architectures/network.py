"""The whole network, built from a config with the notebook's seeding, run as stages.

Seeding follows the design's parity contract: the embeddings come from
``np.random.RandomState(seed)``; then, after ``torch.manual_seed(seed)``, the recurrent cell
(if any), the Linear layer (always) and the multi-head module or the transformer's blocks,
final norm and head (in those modes) are built in that order.  The caller's global RNG state
is left as it was.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np
import torch

from model.architectures.encoder import Encoder, encoder_specs
from model.architectures.multihead import MultiHeadAttention, multihead_specs
from model.architectures.notebook import NotebookAttention, notebook_specs
from model.architectures.spec import Sizes, StageSpec
from model.architectures.transformer import Transformer, transformer_specs
from model.config import ModelConfig

# torch's layers draw their initial weights from the global generator, which every thread
# shares.  Every use of it in the program (seeding, building layers, forking and restoring)
# happens inside ``seeded`` and so under this one lock: two builds in different threads
# never interleave their draws, and neither restores the other's state over the caller's.
_RNG_LOCK = threading.Lock()


@contextmanager
def seeded(seed: int) -> Iterator[None]:
    """Inside the block, torch's global generator is as right after ``torch.manual_seed(seed)``
    and no other thread uses it; afterwards the caller's state is back as it was."""
    with _RNG_LOCK, torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        yield


class Cancelled(Exception):
    """Raised when the ``cancelled`` callback asks a run to stop early."""


class AttentionNetwork(torch.nn.Module):
    """Embeddings → encoder → attention, returning every stage's tensor by key, in order."""

    def __init__(self, config: ModelConfig, vocab_size: int, length: int) -> None:
        super().__init__()
        self.config = config
        self.length = length
        table = np.random.RandomState(config.seed).random_sample(
            (vocab_size, config.embedding_size)
        )
        self.embeddings = torch.nn.Parameter(torch.Tensor(table))
        with seeded(config.seed):
            self.encoder = Encoder(config, length)
            if config.attention == "transformer":
                self.attention = Transformer(config, length, vocab_size)
            elif config.attention == "multihead":
                self.attention = MultiHeadAttention(config, length)
            else:
                self.attention = NotebookAttention(config, length)

    def forward(
        self,
        token_ids: torch.Tensor,
        cancelled: Callable[[], bool] | None = None,
        ablated: tuple[tuple[int, int], ...] | None = None,
    ) -> dict[str, torch.Tensor]:
        """Every stage on ``token_ids``.  ``ablated`` switches heads off, ``(layer, head)``
        pairs (default: the config's): the same weights, read with those heads silent."""
        if ablated is None:
            ablated = self.config.ablated

        def checkpoint() -> None:
            if cancelled is not None and cancelled():
                raise Cancelled

        inputs = self.embeddings[token_ids]
        checkpoint()
        stages = {"token_ids": token_ids, "embeddings": self.embeddings, "inputs": inputs}
        encoded = self.encoder(inputs, checkpoint)
        stages.update(encoded)
        checkpoint()
        x = encoded[self.encoder.output_key]
        if self.config.attention in ("multihead", "transformer"):
            stages.update(self.attention(x, token_ids, ablated))
        else:
            stages.update(self.attention(x, token_ids))
        return stages

    def specs(self, sizes: Sizes) -> list[StageSpec]:
        """Every stage's dims, code and explanation, in the order :meth:`forward` returns."""
        return stage_specs(self.config, sizes)


def stage_specs(config: ModelConfig, sizes: Sizes) -> list[StageSpec]:
    emb = config.embedding_size
    specs = [
        StageSpec(
            "token_ids",
            ("sentence", "position"),
            "# ids by first appearance; 0 = <pad>\ntoken_ids = torch.LongTensor(ids)",
            "",
            "token_ids",
            role="ids",
        ),
        StageSpec(
            "embeddings",
            ("token_id", "feature"),
            f"rng = np.random.RandomState({config.seed})\n"
            f"embeddings = torch.Tensor(rng.random_sample(({sizes.vocab}, {emb})))",
            "",
            "embeddings",
            facts={"V": sizes.vocab, "E": emb},
        ),
        StageSpec(
            "inputs",
            ("sentence", "position", "feature"),
            "",
            "inputs = embeddings[token_ids]",
            "inputs",
            facts={"E": emb},
        ),
    ]
    specs += encoder_specs(config, sizes)
    x = specs[-1].key
    family = {"multihead": multihead_specs, "transformer": transformer_specs}.get(
        config.attention, notebook_specs
    )
    return specs + family(config, sizes, x)
