"""What an attention heatmap shows, decided once, for the window and the printed figure alike.

A :class:`HeatmapDescription` holds the panels (one per sentence and head shown), their
values, what every cell is (real, padding, masked, causal), their labels, the titles and
the colour scale.  A transformer's heads of one sentence, all shown, make a grid of one row
per layer and one column per head (BertViz's "model view"): the description says so.  The
live pyqtgraph view and the QPainter figure both draw one; neither decides anything about
content.  No Qt here: translated words come in as :class:`Words`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from model.analysis.detectors import DETECTORS, label
from model.maps import HEAD, LAYER, LAYER_HEAD, has_layers, map_name
from model.numbers import in_language
from model.stages import PipelineResult

DIVERGING_MAP = "CET-D1"  # blue – white – red, centred on 0: for B − A
TITLE_CHARS = 70  # a sentence title is elided past this many characters
PANEL_TITLE_CHARS = 30
ROW_LABEL_CHARS = 14
COLUMN_LABEL_CHARS = 8


@dataclass(frozen=True)
class Words:
    """The translated words a heatmap needs, given by the interface (see ``gui.texts``)."""

    sentence_title: str = "Sentence {n}: “{text}”"
    panel_title: str = "{n}: {text}"
    head: str = HEAD  # a map's name (model.maps): "head {head}"
    layer: str = LAYER
    layer_head: str = LAYER_HEAD  # a transformer's: "layer {layer} · head {head}"
    all_sentences: str = "All sentences, on one colour scale"
    query_title: str = "query i (the token attending)"
    query_short: str = "query i"
    key_title: str = "key j"
    position_note: str = "a position: output slot j of the Linear layer, not a word"
    token_note: str = "the token attended to"
    weight: str = "attention weight"
    weight_data: str = "attention weight, on this data's range"
    every: str = "labels every {n}"
    pinned: str = "A (pinned)"
    current: str = "B (now)"
    difference: str = "B − A"
    compare_title: str = "{title}: A, B and B − A"
    # A head's strongest detector above the threshold (model.analysis.detectors), said with
    # its score in the language's decimal mark, and a head switched off.
    detectors: tuple[str, ...] = DETECTORS
    switched_off: str = "off"
    language: str = "en"


@dataclass(frozen=True)
class ColourScale:
    """How values map to colours: the map, its range, and the level of uniform attention."""

    colour_map: str
    low: float
    high: float
    mode: str  # "fixed" (0 to 1) or "data" (the values' own range)
    uniform: float | None  # 1/n of the longest real sentence: what "no preference" looks like
    label: str


@dataclass(frozen=True)
class Panel:
    """One attention matrix: rows are queries, columns keys."""

    sentence: int
    head: int
    title: str
    length: int  # real tokens; positions from here on are padding
    values: np.ndarray  # (L, L) float32
    states: np.ndarray  # (L, L) uint8: model.stages REAL, PADDING, MASKED, CAUSAL
    rows: tuple[str, ...]  # "3 ali": position and token
    columns: tuple[str, ...]  # "3\nali" with tokens, "3" with positions
    expected: np.ndarray | None  # (L,) the key each query should attend to, -1 for none
    kind: str = "weights"  # or "difference": drawn on the description's difference scale
    hidden: bool = False  # an exercise hides the weights: layout only (figures.exercise)
    guessed: tuple[int | None, ...] | None = None  # the key a student picked per query row


@dataclass(frozen=True)
class HeatmapDescription:
    title: str
    panels: tuple[Panel, ...]
    row_title: str
    row_short: str  # for small multiples
    column_title: str
    column_note: str
    scale: ColourScale
    every: str = "labels every {n}"  # said on an axis that labels only every n-th position
    difference_scale: ColourScale | None = None  # for B − A panels
    page: int = 0
    pages: int = 1
    total: int = 1  # panels in all pages
    grid: tuple[int, int] | None = None  # (layers, heads): the panels, row by row, one page

    @property
    def single(self) -> bool:
        return self.total == 1

    @property
    def columns(self) -> int | None:
        """The grid's columns (heads per layer), or None when the renderer chooses them."""
        return None if self.grid is None else self.grid[1]


def grid_of(result: PipelineResult, sentence: int, head: int) -> tuple[int, int] | None:
    """``(layers, heads)`` when the view shows a transformer's every map of one sentence:
    one row per layer and one column per head, all on one page (None otherwise)."""
    if has_layers(result.config) and sentence >= 0 and head < 0 and result.head_count > 1:
        return result.layer_count, result.heads_per_layer
    return None


def name_of_map(result: PipelineResult, index: int, words: Words) -> str:
    """Map ``index``'s name in ``words`` (see :func:`model.maps.map_name`)."""
    return map_name(result.config, index, words.head, words.layer, words.layer_head)


def head_marks(result: PipelineResult, index: int, words: Words) -> list[str]:
    """What a grid's title says of map ``index`` besides its name: switched off, and its
    strongest detector on the seeded probe when above the threshold ("induction 0.99")."""
    marks = []
    if result.map_of(index) in result.config.ablated:
        marks.append(words.switched_off)
    if result.probe_scores is not None:
        scores = result.probe_scores[index]
        name = label(scores)
        if name is not None:
            score = in_language(f"{scores[DETECTORS.index(name)]:.2f}", words.language)
            marks.append(f"{words.detectors[DETECTORS.index(name)]} {score}")
    return marks


def elide(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with "…" (a long word never widens a label)."""
    return text if len(text) <= limit else text[: max(1, limit - 1)] + "…"


def elide_words(words, limit: int) -> str:
    """The words joined by spaces, elided like :func:`elide`; joins only the words that can
    show, so a 256-word sentence costs no more than a short one."""
    shown, length = [], -1
    for word in words:
        shown.append(word)
        length += len(word) + 1
        if length > limit:
            break
    return elide(" ".join(shown), limit)


def panel_keys(
    result: PipelineResult, sentence: int, head: int, layer: int = -1
) -> list[tuple[int, int]]:
    """Every (sentence, head) the view shows: one, a sentence's heads (of every layer, or of
    ``layer``), or all of them."""
    sentences = range(result.batch_size) if sentence < 0 else [sentence]
    heads = range(result.head_count) if head < 0 else [head]
    if head < 0 and 0 <= layer < result.layer_count:
        heads = [result.map_index(layer, h) for h in range(result.heads_per_layer)]
    return [(b, h) for b in sentences for h in heads]


def describe_heatmap(
    result: PipelineResult,
    sentence: int,
    head: int = -1,
    words: Words = Words(),
    colour_map: str = "cividis",
    colour_scale: str = "fixed",
    page: int = 0,
    per_page: int | None = None,
    padding: bool = True,
    layer: int = -1,
) -> HeatmapDescription:
    """The heatmap of ``sentence`` (-1 = all) and ``head`` (-1 = all), one page of it; with
    layers, every head shown may be those of ``layer`` alone (-1: every layer's).

    ``per_page`` panels fit on a page (None = all); ``page`` is clamped to the pages there are.
    A transformer's grid of layers × heads (:func:`grid_of`) is one page, whatever fits.
    Without ``padding`` a sentence shown alone is cut to its own length (every sentence
    shown together keeps the batch's length, so that they line up).
    """
    one_layer = head < 0 and 0 <= layer < result.layer_count and result.layer_count > 1
    keys = panel_keys(result, sentence, head, layer if one_layer else -1)
    grid = grid_of(result, sentence, head)
    if grid is not None and one_layer:
        grid = (1, result.heads_per_layer)
    if grid is not None:
        per_page = None
    per_page = len(keys) if not per_page else max(1, per_page)
    pages = math.ceil(len(keys) / per_page)
    page = min(max(page, 0), pages - 1)
    shown = keys[page * per_page : (page + 1) * per_page]
    multiple = len(keys) > 1
    own = not padding and sentence >= 0
    panels = tuple(_panel(result, b, h, words, multiple, own, grid is not None) for b, h in shown)
    if sentence >= 0:
        title = words.sentence_title.format(
            n=sentence, text=elide_words(result.sentences[sentence], TITLE_CHARS)
        )
    else:
        title = words.all_sentences
    if head >= 0 and result.head_count > 1:  # one map of several: which
        title += " · " + name_of_map(result, head, words)
    elif one_layer:
        title += " · " + words.layer.format(layer=layer)
    linear = result.key_axis == "position"
    return HeatmapDescription(
        title=title,
        panels=panels,
        row_title=words.query_title,
        row_short=words.query_short,
        column_title=words.key_title,
        column_note=words.position_note if linear else words.token_note,
        scale=colour_scale_for(result, keys, words, colour_map, colour_scale),
        every=words.every,
        page=page,
        pages=pages,
        total=len(keys),
        grid=grid,
    )


def describe_comparison(
    comparison,
    sentence: int,
    head: int = -1,
    words: Words = Words(),
    colour_map: str = "cividis",
    colour_scale: str = "fixed",
    padding: bool = True,
) -> HeatmapDescription:
    """A, B and B − A for one sentence and head (the first of each when "all" is asked)."""
    a, b = comparison.a, comparison.b
    sentence, head = max(sentence, 0), max(head, 0)
    base = describe_heatmap(b, sentence, head, words, colour_map, colour_scale, padding=padding)
    keys = [(sentence, head)]
    scale = colour_scale_for(b, keys, words, colour_map, colour_scale, also=a)
    first = _panel(a, sentence, head, words, True, not padding)
    second = _panel(b, sentence, head, words, True, not padding)
    change = comparison.difference[sentence, head][
        : second.values.shape[0], : second.values.shape[1]
    ]
    reach = max(float(np.abs(change).max()), 0.01)
    difference = replace(
        second,
        title=words.difference,
        values=np.array(change),  # a copy: no view keeps the whole difference alive
        states=np.maximum(first.states, second.states),
        expected=None,
        kind="difference",
    )
    panels = (
        replace(first, title=words.pinned),
        replace(second, title=words.current),
        difference,
    )
    return replace(
        base,
        title=words.compare_title.format(title=base.title),  # (it names the map compared)
        panels=panels,
        scale=scale,
        difference_scale=ColourScale(DIVERGING_MAP, -reach, reach, "data", None, words.difference),
        total=3,
    )


def colour_scale_for(
    result, keys, words: Words, colour_map: str, mode: str, also=None
) -> ColourScale:
    """The weights' colour scale; ``also`` is a second result sharing it (a comparison)."""
    if mode == "data":
        sources = [result] if also is None else [result, also]
        values = np.stack([r.attention_maps[b, h] for r in sources for b, h in keys])
        live = values[values > 0]
        low, high = (float(live.min()), float(live.max())) if live.size else (0.0, 1.0)
        if high - low < 1e-6:
            low, high = max(0.0, low - 0.05), min(1.0, high + 0.05)
    else:
        low, high = 0.0, 1.0
    label = words.weight_data if mode == "data" else words.weight
    return ColourScale(colour_map, low, high, mode, uniform_level(result, keys), label)


def uniform_level(result: PipelineResult, keys) -> float | None:
    """The weight every key gets when a query has no preference: 1/n over the n keys it sees.

    n is L without masks; with padding masked it is the sentence's own length (one value only
    when one sentence is shown); with a causal mask it differs on every row (None).
    """
    if result.config.causal:
        return None
    if not result.config.mask_padding:
        return 1.0 / result.max_length
    lengths = {int(result.lengths[b]) for b, _ in keys}
    return 1.0 / lengths.pop() if len(lengths) == 1 else None


def _panel(
    result: PipelineResult,
    b: int,
    h: int,
    words: Words,
    multiple: bool,
    own: bool = False,
    in_grid: bool = False,
) -> Panel:
    """Sentence ``b``'s matrix at head ``h``; ``own``: cut to the sentence's own length.
    ``in_grid``: a panel of the layers × heads grid, titled by its map alone (the sentence
    is the description's title)."""
    length = int(result.lengths[b])
    size = length if own else result.max_length
    labels = result.position_labels(b)[:size]
    rows = tuple(f"{i} {elide(token, ROW_LABEL_CHARS)}" for i, token in enumerate(labels))
    if result.key_axis == "position":
        columns = tuple(str(i) for i in range(len(labels)))
    else:
        columns = tuple(
            f"{i}\n{elide(token, COLUMN_LABEL_CHARS)}" for i, token in enumerate(labels)
        )
    title = ""
    if in_grid:
        title = " · ".join([name_of_map(result, h, words), *head_marks(result, h, words)])
    elif multiple:
        text = elide_words(result.sentences[b], PANEL_TITLE_CHARS)
        title = words.panel_title.format(n=b, text=text)
        if result.head_count > 1:
            title = " · ".join(
                [title, name_of_map(result, h, words), *head_marks(result, h, words)]
            )
    expected = None
    if result.training is not None:
        expected = result.training.expected_keys[b][:size]
    return Panel(
        sentence=b,
        head=h,
        title=title,
        length=length,
        # A copy: a view would keep the result's whole attention alive as long as a plot
        # shows the panel, and the window lets a big result go before computing the next.
        values=np.array(result.attention_maps[b, h, :size, :size], dtype=np.float32),
        states=result.cell_states(b)[:size, :size],
        rows=rows,
        columns=columns,
        expected=expected,
    )


def bar_ticks(scale: ColourScale, count: int = 6) -> list[tuple[float, str]]:
    """The colour bar's ticks: ``count`` values evenly from low to high, each with its label
    (two decimals on a narrow range, one on a wide one; a point, for the caller to mark)."""
    span = scale.high - scale.low
    places = 2 if span < 0.5 else 1
    values = [scale.low + span * k / (count - 1) for k in range(count)]
    return [(value, f"{value:.{places}f}") for value in values]


def tick_step(count: int, cell_pixels: float, label_pixels: float) -> int:
    """Label every n-th position so that labels never run together.

    ``label_pixels`` is the room one label needs along the axis; the step is the smallest of
    1, 2, 5, 10, 20, 50 … that gives each label at least that much.
    """
    if count <= 1 or cell_pixels >= label_pixels:
        return 1
    need = label_pixels / max(cell_pixels, 1e-9)
    for magnitude in (1, 10, 100, 1000):
        for base in (1, 2, 5):
            if base * magnitude >= need:
                return base * magnitude
    return count


def values_fit(cell_pixels: float, minimum: float = 22.0) -> bool:
    """Whether a cell is big enough to print its value ("0.27") legibly."""
    return cell_pixels >= minimum


def scale_of(description: HeatmapDescription, panel: Panel) -> ColourScale:
    """A B − A panel has its own, diverging, scale; every other panel shares the weights'."""
    if panel.kind == "difference" and description.difference_scale is not None:
        return description.difference_scale
    return description.scale
