"""A hidden map in the browser: no weight of it in the page before Reveal; a student's
guess (one key per row, and spread), then Reveal, scores as model.exercises does."""

from __future__ import annotations

import numpy as np
from handout_pages import Opened, browser, expected_readout, write_handout  # noqa: F401

from model.exercises import map_score, row_scores


def test_a_guess_then_reveal_scores_as_the_window_does(browser, tmp_path):  # noqa: F811
    handout = write_handout(tmp_path, (), "en", ("--hide", "1", "--hide", "2"))
    truth = handout.attention[1, 0]
    length = handout.data["lengths"][1]
    written = {f"{w:.6f}" for w in truth[:length].ravel()}
    assert not [w for w in written if w in handout.path.read_text(encoding="utf-8")]
    opened = Opened(browser, handout)
    try:
        page = opened.page
        figure = opened.figure(1, 0)
        assert figure.locator("canvas.heatmap.truth").count() == 0
        page.select_option("#stages select", "1")
        page.locator('details[data-stage="attention"] summary').click()
        stage = page.locator('details[data-stage="attention"]')
        assert "Hidden" in stage.text_content()
        readout = opened.hover(1, 0, 2, 2, "guess")
        assert "row not answered yet" in readout
        assert not [w for w in written if w in page.content()]

        guess = np.zeros(truth.shape)
        opened.click(1, 0, 0, 3, "guess")  # one key per row
        opened.click(1, 0, 1, 1, "guess")
        opened.click(1, 0, 1, 2, "guess")  # a second click moves the row's one key
        guess[0, 3] = guess[1, 2] = 1
        figure.locator('button.mode[data-mode="add"]').click()  # spread
        for key in (0, 0, 4):
            opened.click(1, 0, 2, key, "guess")
            guess[2, key] += 1
        for key in ("ArrowDown", "+", "+", "ArrowLeft", "+", "-"):  # the cursor is on (2, 4)
            page.keyboard.press(key)
        guess[3, 4] = 2
        assert "4 of 5 rows answered" in figure.locator("p.answered").text_content()
        assert "your guess 0.33" in opened.hover(1, 0, 2, 4, "guess")

        figure.locator("button.reveal").click()
        expected = map_score(guess, truth, length)
        score = figure.locator(".score")
        assert abs(float(score.get_attribute("data-score")) - expected) < 1e-12
        text = score.locator("p").text_content()
        assert f"Score {100 * expected:.1f}% ({expected:.3f})" in text
        rows = [float(li.get_attribute("data-score")) for li in score.locator("li").all()]
        np.testing.assert_allclose(rows, row_scores(guess[:length], truth[:length]), atol=1e-12)
        assert "not answered" in score.locator("li").nth(4).text_content()

        start, end = expected_readout(handout, 1, 0, 2, 2)  # now a map like any other
        assert opened.hover(1, 0, 2, 2).endswith(end)
        opened.click(1, 0, 2, 2)
        assert opened.walkthrough(1, 0, 2, 2) == handout.explain(1, 2, 2, 0)
        assert f"{truth[2, 2]:.4f}" in stage.text_content()  # its stage table, revealed
        assert opened.figure(2, 0).locator("button.reveal").count() == 1  # still hidden
        assert opened.requests == [handout.url] and not opened.errors
    finally:
        opened.close()
