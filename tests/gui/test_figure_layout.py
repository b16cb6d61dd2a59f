"""An exported figure's settings line wraps between its parts instead of being cut."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF

from gui.application import install_translation
from gui.render.drawing import MARGIN, pixel_font
from gui.render.heatmap_figure import figure_for, wrap_parts
from model.config import ModelConfig
from model.pipeline import run_pipeline

LONG = ModelConfig(
    embedding_size=16, hidden_size=32, cell="gru", attention="multihead", heads=2,
    temperature=0.7, mask_padding=True, causal=True,
)  # fmt: skip


def test_every_line_of_the_settings_fits_the_figure_and_keeps_every_part(qapp):
    install_translation(qapp, "pt")
    try:
        figure = figure_for(run_pipeline("o mikas ta ali\neu gosto", LONG), 0, 0)
        lines = figure._settings_lines
        font, room = pixel_font(14), figure.size.width() - 2 * MARGIN
        assert all(QFontMetricsF(font).horizontalAdvance(line) <= room for line in lines)
        assert " · ".join(lines) == figure.settings  # nothing left out, nothing cut
    finally:
        install_translation(qapp, "en")


def test_a_line_too_long_for_one_row_takes_several_and_a_and_b_start_their_own(qapp):
    font = pixel_font(14)
    text = " · ".join(f"part {k}" for k in range(40))
    lines = wrap_parts(text, 300, font)
    assert len(lines) > 1 and " · ".join(lines) == text
    compared = wrap_parts("A: seed 0 · E = 10   |   B: seed 1 · E = 10", 2000, font)
    assert compared == ["A: seed 0 · E = 10", "B: seed 1 · E = 10"]


def test_a_long_sentences_title_fits_above_a_narrow_grid(qapp):
    """A sentence of twelve words above a transformer's 2 × 2 grid once ran off both edges of
    the figure: the title now takes a smaller type (never below 16 px) to fit the width."""
    from gui.render.heatmap_figure import _fitting_font
    from model.session import load_session
    from resources import INDUCTION_PRESET, example_session_path

    session = load_session(example_session_path(INDUCTION_PRESET))
    result = run_pipeline(session.text, session.config)
    figure = figure_for(result, 4, -1)
    room = figure.size.width() - 2 * MARGIN
    title = figure.description.title
    font = _fitting_font(title, room, largest=24, smallest=16)
    assert 16 <= font.pixelSize() <= 24
    assert QFontMetricsF(font).horizontalAdvance(title) <= room  # whatever the machine's font
