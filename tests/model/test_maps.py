"""Every view names an attention map the same way: "head 1", or "layer 1 · head 0"."""

import pytest

from figures.heatmap import Words, describe_heatmap, grid_of
from model.config import ModelConfig
from model.maps import map_name, map_words, slice_name
from model.pipeline import run_pipeline

TEXT = "o mikas ta ali\neu gosto de batata frita"
TRANSFORMER = ModelConfig(
    attention="transformer", cell="none", embedding_size=12, heads=3, layers=2
)


def test_a_transformer_map_is_named_by_its_layer_and_head_in_either_language():
    assert [map_name(TRANSFORMER, m) for m in (0, 2, 3, 5)] == [
        "layer 0 · head 0",
        "layer 0 · head 2",
        "layer 1 · head 0",
        "layer 1 · head 2",
    ]
    assert map_name(TRANSFORMER, 4, **map_words("pt")) == "camada 1 · cabeça 1"
    assert map_name(TRANSFORMER, 4, **map_words("en", capital=True)) == "Layer 1 · head 1"
    assert map_name(TRANSFORMER, 4, **map_words("pt", capital=True)) == "Camada 1 · cabeça 1"


def test_other_modes_keep_their_words():
    multihead = ModelConfig(attention="multihead", heads=2)
    assert map_name(multihead, 1) == "head 1"
    assert map_name(multihead, 1, **map_words("pt")) == "cabeça 1"
    assert map_name(multihead, 1, **map_words("pt", capital=True)) == "Cabeça 1"


@pytest.mark.parametrize(
    "per_head, per_layer, expected",
    [(True, True, "layer 1 · head 1"), (False, True, "layer 1"), (False, False, None)],
)
def test_a_stage_slice_names_its_layer_and_head(per_head, per_layer, expected):
    assert slice_name(TRANSFORMER, 4, per_head, per_layer) == expected


def test_all_heads_of_one_sentence_are_a_grid_of_layers_by_heads_on_one_page():
    result = run_pipeline(TEXT, TRANSFORMER)
    description = describe_heatmap(result, 1, -1, per_page=2)  # a grid ignores the pages
    assert description.grid == (2, 3) and description.columns == 3 and description.pages == 1
    assert [(p.sentence, p.head) for p in description.panels] == [(1, m) for m in range(6)]
    assert [p.title for p in description.panels][3:] == [
        "layer 1 · head 0",
        "layer 1 · head 1",
        "layer 1 · head 2",
    ]
    portuguese = Words(**map_words("pt"))
    titles = [p.title for p in describe_heatmap(result, 1, -1, portuguese).panels]
    assert titles[4] == "camada 1 · cabeça 1"
    one = describe_heatmap(result, 1, 4)
    assert one.grid is None and one.title.endswith("· layer 1 · head 1")
    every = describe_heatmap(result, -1, -1, per_page=4)  # all sentences: pages, as before
    assert every.grid is None and every.panels[3].title.endswith("· layer 1 · head 0")


def test_a_multihead_heatmap_is_no_grid_and_its_panels_read_as_before():
    result = run_pipeline(TEXT, ModelConfig(attention="multihead", heads=2))
    assert grid_of(result, 0, -1) is None
    titles = [p.title for p in describe_heatmap(result, 0, -1).panels]
    assert titles == ["0: o mikas ta ali · head 0", "0: o mikas ta ali · head 1"]
