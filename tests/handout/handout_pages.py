"""The handout opened in a real browser: the system's Chromium, driven by playwright's Python
package (which never downloads a browser here).  One browser for the whole run; without
one, or without playwright, the browser tests skip, unless ATTENTION_STUDY_REQUIRE_BROWSER=1
(CI), where they fail."""

from __future__ import annotations

import json
import math
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

from conftest import run_cli

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
ARGUMENTS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _unavailable(reason: str):
    if os.environ.get("ATTENTION_STUDY_REQUIRE_BROWSER") == "1":
        pytest.fail(f"the handout's browser tests must run here: {reason}")
    pytest.skip(reason)


# The one browser of the run: each test module imports the fixture, the first one launches it.
_LAUNCHED: dict = {}


@pytest.fixture(scope="session")
def browser(request):
    """A headless Chromium of the system, launched once for every module."""
    if "browser" not in _LAUNCHED:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            _unavailable("playwright's Python package is not installed")
        executable = next((found for name in BROWSERS if (found := shutil.which(name))), None)
        if executable is None:
            _unavailable("no Chromium on PATH (chromium, chromium-browser or google-chrome)")
        driver = sync_playwright().start()
        _LAUNCHED["driver"] = driver
        _LAUNCHED["browser"] = driver.chromium.launch(executable_path=executable, args=ARGUMENTS)
    request.addfinalizer(_close)
    return _LAUNCHED["browser"]


def _close():
    if "browser" in _LAUNCHED:
        _LAUNCHED.pop("browser").close()
        _LAUNCHED.pop("driver").stop()


@dataclass
class Handout:
    """A page written by the command line, with the tensors of the same run."""

    flags: tuple
    language: str
    path: Path
    data: dict
    attention: np.ndarray  # (B, maps, L, L)
    explained: dict = field(default_factory=dict)

    @property
    def url(self) -> str:
        return self.path.resolve().as_uri()

    def explain(self, sentence: int, query: int, key: int, index: int) -> list[str]:
        """``--explain S,I,J [--head M]``'s lines, as the command line prints them."""
        where = (sentence, query, key, index)
        if where not in self.explained:
            head = ("--head", str(index)) if self.attention.shape[1] > 1 else ()
            proc = run_cli(*self.flags, "--explain", f"{sentence},{query},{key}", *head,
                           "--lang", self.language)  # fmt: skip
            assert proc.returncode == 0, proc.stderr.decode()
            self.explained[where] = proc.stdout.decode("utf-8").rstrip("\n").split("\n")
        return self.explained[where]


def page_data(text: str) -> dict:
    found = re.search(
        r'<script type="application/json" id="handout-data">(.*?)</script>', text, re.S
    )
    return json.loads(found[1])


def write_handout(folder: Path, flags: tuple, language: str = "en", extra: tuple = ()) -> Handout:
    """``python main.py FLAGS --export-handout --export-tensors`` (``extra``: flags of the
    page only, such as --hide), read back."""
    page, tensors = folder / "page.html", folder / "tensors.npz"
    proc = run_cli(*flags, *extra, "--export-handout", page, "--export-tensors", tensors,
                   "--lang", language)  # fmt: skip
    assert proc.returncode == 0, proc.stderr.decode()
    data = page_data(page.read_text(encoding="utf-8"))
    weights = np.load(tensors)["attention"]
    size = weights.shape[-1]
    return Handout(flags, language, page, data, weights.reshape(weights.shape[0], -1, size, size))


class Opened:
    """A page open in the browser, with what it asked the network and said on the console."""

    def __init__(self, browser, handout: Handout, width: int = 1280, height: int = 900):
        self.handout = handout
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.requests, self.failures, self.errors, self.dialogs = [], [], [], []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("requestfailed", lambda request: self.failures.append(request.url))
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", self._dialog)
        self.page.goto(handout.url)

    def _console(self, message):
        if message.type in ("error", "warning"):
            self.errors.append(message.text)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def figure(self, sentence: int, index: int):
        return self.page.locator(f'figure.map[data-sentence="{sentence}"][data-map="{index}"]')

    def point(self, sentence: int, index: int, query: int, key: int, kind: str = "truth"):
        """The page coordinates of a cell's centre, scrolled into view."""
        canvas = self.figure(sentence, index).locator(f"canvas.heatmap.{kind}")
        canvas.scroll_into_view_if_needed()
        geometry = canvas.evaluate(
            """(c) => { c.closest('.map-scroll').scrollLeft = 0;
                 return ['left', 'top', 'cell'].map((k) => Number(c.dataset[k])); }"""
        )
        left, top, cell = geometry
        self.page.evaluate(
            "([c, y]) => { const r = c.getBoundingClientRect();"
            " window.scrollBy(0, r.top + y - innerHeight / 2); }",
            [canvas.element_handle(), top + (query + 0.5) * cell],
        )
        box = canvas.bounding_box()
        return box["x"] + left + (key + 0.5) * cell, box["y"] + top + (query + 0.5) * cell

    def hover(self, sentence, index, query, key, kind="truth") -> str:
        self.page.mouse.move(*self.point(sentence, index, query, key, kind))
        return self.figure(sentence, index).locator("p.readout").text_content()

    def click(self, sentence, index, query, key, kind="truth"):
        self.page.mouse.click(*self.point(sentence, index, query, key, kind))

    def walkthrough(self, sentence, index, query, key) -> list[str]:
        """The lines under map ``index`` of ``sentence`` once cell (query, key)'s walk-through
        is written (a map's first waits for its pack to inflate)."""
        ready = f'[data-query="{query}"][data-key="{key}"][data-ready="true"]'
        walk = self.figure(sentence, index).locator("pre.walkthrough" + ready)
        walk.wait_for()
        return walk.text_content().split("\n")

    def close(self):
        self.page.close()


TEMPLATES = {
    "en": ("sentence {b}", "row sum {}", "max {} (key {}) · entropy {} of {} bits",
           "masked: padding, weight exactly 0", "masked: a later key (causal), weight exactly 0"),
    "pt": ("sentença {b}", "soma da linha {}", "máx. {} (key {}) · entropia {} de {} bits",
           "mascarada: padding, peso exatamente 0",
           "mascarada: key posterior (causal), peso exatamente 0"),
}  # fmt: skip


def expected_readout(handout, b, m, i, j) -> tuple[str, str]:
    """The readout's start and end for cell (i, j), every number from --export-tensors."""
    where, total, spread, masked, causal = TEMPLATES[handout.language]
    data = handout.data
    row = handout.attention[b, m, i]
    size, length = row.size, data["lengths"][b]
    padded = i >= length or j >= length

    def fixed(value, places):
        text = f"{value:.{places}f}"
        return text.replace(".", ",") if handout.language == "pt" else text

    if padded and data["mask_padding"]:
        weight = masked
    elif data["causal"] and j > i:
        weight = causal
    else:
        weight = fixed(float(row[j]), 6) + (" (padding)" if padded else "")
    p = row.astype(np.float64)
    entropy = float(np.where(p > 0, -p * np.log2(np.where(p > 0, p, 1.0)), 0.0).sum())
    seen = length if data["mask_padding"] else size
    seen = min(seen, i + 1) if data["causal"] else seen
    tail = " · ".join([
        weight,
        total.format(fixed(float(row.sum(dtype=np.float64)), 6)),
        spread.format(fixed(float(row.max()), 3), int(row.argmax()), fixed(entropy, 2),
                      fixed(math.log2(seen), 2)),
    ])  # fmt: skip
    return where.format(b=b), ": " + tail
