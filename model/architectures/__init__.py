"""The attention families, one module each, behind one seeded network.

- ``encoder``: the recurrent cell (the notebook's RNN, GRU, LSTM) or inputs + positions;
- ``notebook``: the notebook's Linear-layer scores, or scaled dot products;
- ``multihead``: queries, keys and values split into heads;
- ``masks``: temperature, padding and causal masks, shared by both families;
- ``network``: the whole thing, built with the notebook's seeding.
"""

from model.architectures.network import AttentionNetwork, Cancelled, seeded, stage_specs
from model.architectures.spec import Sizes, StageSpec

__all__ = ["AttentionNetwork", "Cancelled", "Sizes", "StageSpec", "seeded", "stage_specs"]
