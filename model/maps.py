"""The name of an attention map, decided once for every view: "head 1", or "layer 1 · head 0".

Every view counts a result's maps with one index, the command line's ``--head``: in a
transformer the heads of every layer follow each other, so map ``m`` is head ``m % h`` of
layer ``m // h`` (:meth:`model.stages.PipelineResult.map_of`).  A teacher never reads that
index: the heatmap's selectors and panels, the readout, the lines, the pipeline's captions,
figures and the walk-through of a weight all name a map here.  The words are one entry per
language, under "maps" in ``resources/messages/<language>.json``.
"""

from __future__ import annotations

from resources import catalog

HEAD = "head {head}"
LAYER = "layer {layer}"
LAYER_HEAD = "layer {layer} · head {head}"


def map_words(language: str, capital: bool = False) -> dict[str, str]:
    """The templates :func:`map_name` and :func:`slice_name` take, in ``language`` (with a
    capital, for the start of a list item): ``head``, ``layer`` and ``layer_head``."""
    words = catalog("messages", language).get("maps") or catalog("messages", "en")["maps"]
    return {
        "head": words["Head" if capital else "head"],
        "layer": words["layer"],
        "layer_head": words["Layer_head" if capital else "layer_head"],
    }


def has_layers(config) -> bool:
    """Whether ``config``'s maps belong to layers (the transformer's blocks)."""
    return config.attention == "transformer"


def map_name(
    config, index: int, head: str = HEAD, layer: str = LAYER, layer_head: str = LAYER_HEAD
) -> str:
    """Map ``index`` of a result of ``config``: "head 1", or "layer 1 · head 0" in a
    transformer (even one of a single layer: its maps belong to a block all the same)."""
    if has_layers(config):
        number, within = divmod(index, config.heads_per_layer)
        return layer_head.format(layer=number, head=within)
    return head.format(head=index)


def slice_name(
    config,
    index: int,
    per_head: bool,
    per_layer: bool,
    head: str = HEAD,
    layer: str = LAYER,
    layer_head: str = LAYER_HEAD,
) -> str | None:
    """Which slice of a stage map ``index`` shows: its map's name when the stage has a head
    axis, its layer's ("layer 1") when it has a layer axis only, else None."""
    if per_head:
        return map_name(config, index, head, layer, layer_head)
    if per_layer and has_layers(config):
        return layer.format(layer=index // config.heads_per_layer)
    return None
