"""The handout in a real browser: its readouts say the numbers of --export-tensors, its
walk-throughs are --explain's lines, it asks the network nothing, no sentence becomes
markup, it fits a phone and prints without its controls."""

from __future__ import annotations

import pytest
from handout_pages import Opened, browser, expected_readout, write_handout  # noqa: F401

from conftest import ROOT

INDUCTION = ROOT / "resources" / "examples" / "inducao.json"
WORDS = "o gato preto subiu no muro e depois pulou para a casa da vizinha que dormia".split()
LONG = "\n".join(
    " ".join(WORDS[(k * s) % len(WORDS)] for k in range(n)) for s, n in ((1, 30), (3, 24), (5, 11))
)
HOSTILE = (
    "<script>alert(1)</script> ola &amp; fim\n"
    "</script><b>x</b> \"aspas\" 'simples' {{ 7*7 }} ${x}\n"
    "\u202eabc \u200fdef 👩\u200d🏫 `crase`"
)

# name: (flags, language, flags of the page only, cells (sentence, map, query, key))
SESSIONS = {
    "notebook": ((), "pt", (), [(0, 0, 0, 0), (0, 0, 4, 4), (2, 0, 1, 3), (1, 0, 1, 2)]),
    "multihead_causal": (
        ("--attention", "multihead", "--heads", "2", "--causal", "--mask-padding"),
        "en",
        ("--hide", "1:1", "--teacher"),
        [(0, 1, 0, 0), (0, 1, 1, 3), (2, 0, 3, 1), (2, 1, 0, 4), (1, 1, 2, 1)],
    ),
    "trained": (
        ("--session", str(INDUCTION), "--train-steps", "12"),
        "en",
        (),
        [(0, 0, 0, 0), (1, 3, -1, 2), (5, 2, 4, 7)],
    ),
    "long": (
        ("--sentences", "long.txt", "--attention", "dot", "--mask-padding"),
        "en",
        (),
        [(0, 0, -1, -1), (2, 0, 5, 20), (1, 0, 27, 3), (2, 0, 10, 0)],
    ),
    "hostile": (("--sentences", "hostile.txt"), "en", (), [(0, 0, 0, 1), (2, 0, 1, 2)]),
}


@pytest.fixture(scope="module")
def handouts(tmp_path_factory):
    """Each session's page and tensors, written once, on first use."""
    made = {}

    def get(name):
        if name not in made:
            folder = tmp_path_factory.mktemp(name)
            (folder / "long.txt").write_text(LONG, encoding="utf-8")
            (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
            flags, language, extra, _ = SESSIONS[name]
            flags = tuple(str(folder / f) if f.endswith(".txt") else f for f in flags)
            made[name] = write_handout(folder, flags, language, extra)
        return made[name]

    return get


@pytest.mark.parametrize("name", list(SESSIONS))
def test_readouts_and_walkthroughs_are_the_command_lines(browser, handouts, name):  # noqa: F811
    handout = handouts(name)
    size = handout.attention.shape[-1]
    opened = Opened(browser, handout)
    try:
        for b, m, i, j in SESSIONS[name][3]:
            i, j = i % size, j % size
            start, end = expected_readout(handout, b, m, i, j)
            readout = opened.hover(b, m, i, j)
            assert readout.startswith(start) and readout.endswith(end), (readout, end)
            assert f"query {i} " in readout
            opened.click(b, m, i, j)
            assert opened.walkthrough(b, m, i, j) == handout.explain(b, i, j, m)
        assert opened.requests == [handout.url]
        assert not opened.failures and not opened.errors and not opened.dialogs
    finally:
        opened.close()


def test_the_keyboard_moves_a_cursor_and_explains(browser, handouts):  # noqa: F811
    handout = handouts("multihead_causal")
    opened = Opened(browser, handout)
    try:
        figure = opened.figure(0, 1)
        figure.locator("canvas.heatmap.truth").focus()
        for key in ("ArrowRight", "ArrowDown", "ArrowDown", "ArrowRight", "Enter"):
            opened.page.keyboard.press(key)
        readout = figure.locator("p.readout")
        assert (readout.get_attribute("data-query"), readout.get_attribute("data-key")) == (
            "2",
            "1",
        )
        start, end = expected_readout(handout, 0, 1, 2, 1)
        assert readout.text_content().endswith(end)
        assert opened.walkthrough(0, 1, 2, 1) == handout.explain(0, 2, 1, 1)
        teacher = opened.figure(1, 1)
        assert "teacher's copy" in teacher.text_content()
        banner = opened.page.locator("header p.teacher-banner")  # the page says it first
        assert banner.text_content().startswith("Teacher's copy: the answers")
        assert teacher.locator("button.reveal").count() == 0
    finally:
        opened.close()


def test_no_sentence_becomes_markup(browser, handouts):  # noqa: F811
    handout = handouts("hostile")
    opened = Opened(browser, handout)
    try:
        page = opened.page
        assert page.evaluate("document.querySelectorAll('script').length") == 2
        assert page.evaluate("document.querySelectorAll('b').length") == 0
        text = page.evaluate("document.getElementById('handout').textContent")
        for sentence in HOSTILE.split("\n"):
            assert sentence in text
        assert handout.data["sentences"] == HOSTILE.split("\n")
        assert page.title().endswith("“<script>alert(1)</script> ola &amp; fim”")
        opened.hover(1, 0, 0, 0)
        # A right-to-left override in a word turns nothing after it around: every quoted
        # token of the walk-through is isolated, and its text is still --explain's.
        opened.click(2, 0, 0, 1)
        assert opened.walkthrough(2, 0, 0, 1) == handout.explain(2, 0, 1, 0)
        tokens = opened.figure(2, 0).locator("pre.walkthrough bdi")
        assert "\u202eabc" in tokens.all_text_contents()[0]
        assert not opened.dialogs and not opened.errors
    finally:
        opened.close()


@pytest.mark.parametrize("name", ["notebook", "long", "trained"])
def test_a_phone_never_scrolls_sideways(browser, handouts, name):  # noqa: F811
    opened = Opened(browser, handouts(name), width=360, height=740)
    try:
        assert opened.page.evaluate("document.documentElement.scrollWidth") <= 360
        readout = opened.hover(0, 0, 1, 0)
        assert "query 1 " in readout
    finally:
        opened.close()


def test_print_hides_the_controls(browser, handouts):  # noqa: F811
    opened = Opened(browser, handouts("multihead_causal"))
    try:
        page = opened.page
        page.emulate_media(media="print")
        hidden = page.evaluate(
            """() => [...document.querySelectorAll('.controls, button, select, .readout')]
                 .map((e) => getComputedStyle(e).display)"""
        )
        assert hidden and set(hidden) == {"none"}
        assert page.locator("canvas.heatmap").first.is_visible()
    finally:
        opened.close()


def test_a_map_past_the_pages_budget_of_walkthroughs_points_to_the_command_line(
    browser,  # noqa: F811
    tmp_path,
    monkeypatch,
):
    import figures.handout.content as content

    monkeypatch.setattr(content, "MAX_EXPLAINED_CELLS", 25)  # the first map's 5 × 5 only
    handout = write_handout(tmp_path, (), "en")
    opened = Opened(browser, handout)
    try:
        opened.click(0, 0, 1, 2)
        assert opened.walkthrough(0, 0, 1, 2) == handout.explain(0, 1, 2, 0)
        opened.click(1, 0, 1, 2)
        said = opened.walkthrough(1, 0, 1, 2)
        assert "the command line prints it: --explain 1,1,2" in said[0]
        assert opened.hover(1, 0, 1, 2).startswith("sentence 1 · query 1 “gosto”")  # kept
    finally:
        opened.close()


def test_a_map_of_a_long_sentence_stays_within_what_a_phone_can_draw(browser, tmp_path):  # noqa: F811
    words = tmp_path / "long.txt"
    words.write_text(" ".join(f"w{i}" for i in range(700)), encoding="utf-8")
    handout = write_handout(tmp_path, ("--sentences", str(words)), "en")
    page = browser.new_page(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    try:
        page.goto(handout.url)
        canvas = page.locator("canvas.heatmap").first
        width, height = canvas.evaluate("(c) => [c.width, c.height]")
        assert width * height <= 16_000_000  # past it, a phone's canvas stays blank
        middle = canvas.evaluate(
            "(c) => Array.from(c.getContext('2d').getImageData(c.width / 2, c.height / 2, 1, 1)"
            ".data)"
        )
        assert middle[3] == 255  # drawn
    finally:
        page.close()
