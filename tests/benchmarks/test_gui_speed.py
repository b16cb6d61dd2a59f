"""How fast the window follows an edit, and how soon it appears at start-up.

Under pytest this is a quick smoke run that prints its figures; for the full figures run
``python -m tests.benchmarks.test_gui_speed``.  Nothing here fails on speed.
"""

import os
import subprocess
import sys
import textwrap

from resources import offscreen_platform
from tests.benchmarks.timing import measure, report

os.environ.setdefault("QT_QPA_PLATFORM", offscreen_platform())

NOTEBOOK = "o mikas ta ali\neu gosto de batata frita\nexistem elefantes\n"
TWELVE = "Ontem à noite eu vi um gato preto muito grande no telhado\n"
HUNDRED = "\n".join(" ".join(f"w{(i * 7 + j) % 300}" for j in range(12)) for i in range(100))

STARTUP = textwrap.dedent(
    """
    import time
    start = time.perf_counter()
    from gui.app import application, dispose, open_window
    from model.session import Session
    from model.tokenizer import NOTEBOOK_TEXT
    app = application("en")
    controller, window = open_window(Session(NOTEBOOK_TEXT))
    window.show()
    app.processEvents()
    shown = time.perf_counter()
    controller.changed.connect(lambda changed: "result" in changed and app.quit())
    controller.start()
    app.exec()
    filled = time.perf_counter()
    controller.shutdown()
    dispose(app, window)
    print(f"{(shown - start) * 1000:.0f} {(filled - start) * 1000:.0f}")
    """
)


def startup_figures() -> list[str]:
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    proc = subprocess.run(
        [sys.executable, "-c", STARTUP],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    shown, filled = proc.stdout.split()
    return [
        f"{'start-up: window on screen':<48} {float(shown):10.0f} ms",
        f"{'start-up: first result drawn (torch imported)':<48} {float(filled):10.0f} ms",
    ]


def view_figures(cases, repeat: int) -> list[str]:
    from gui.app import application, dispose, open_window
    from model.pipeline import run_pipeline
    from model.session import Session

    app = application("en")
    _, window = open_window(Session(NOTEBOOK))
    window.resize(1600, 1000)
    window.show()
    lines = []
    for label, text in cases:
        # Two results that alternate, so every render really changes what is drawn.
        results = [run_pipeline(text), run_pipeline(text + "\nmais uma frase")]

        def render(results=results, flip=[0]):  # noqa: B006 (a counter kept between calls)
            flip[0] ^= 1
            window.controller._result = results[flip[0]]
            window._on_changed(frozenset({"result"}))
            app.processEvents()

        lines.append(report(f"render every view: {label}", measure(render, repeat)))
        print(lines[-1], flush=True)
    window.controller.shutdown()
    dispose(app, window)
    return lines


def stall_figures(count: int, length: int) -> list[str]:
    """The longest the GUI thread goes unserved while a big input computes in the background."""
    import time

    from PySide6.QtCore import QEventLoop, QTimer

    from gui.app import application
    from gui.controller import Controller
    from model.config import ModelConfig
    from model.session import Session
    from tests.benchmarks.test_pipeline_speed import sentences

    application("en")
    controller = Controller(Session("a", ModelConfig(embedding_size=64, hidden_size=64)))
    loop = QEventLoop()
    controller.changed.connect(lambda changed: "result" in changed and loop.quit())
    controller.start()
    loop.exec()  # torch imported, first small result in

    gaps, last = [], [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    done = QEventLoop()
    arrived = []
    controller.changed.connect(
        lambda changed: "result" in changed and (arrived.append(time.perf_counter()), done.quit())
    )
    start = time.perf_counter()
    timer.start()
    controller.replace_text(sentences(count, length))
    done.exec()
    timer.stop()
    controller.shutdown()
    label = f"{count} × {length} tokens, E=H=64"
    return [
        f"{'background run, ' + label:<48} {(arrived[0] - start) * 1000:10.0f} ms",
        f"{'longest GUI-thread stall meanwhile':<48} {max(gaps) * 1000:10.1f} ms"
        f"   (timer asked for 5 ms)",
    ]


SMOKE = [("notebook example", NOTEBOOK)]
FULL = SMOKE + [("one sentence of 12 words", TWELVE), ("100 sentences of 12 words", HUNDRED)]


def test_gui_speed_smoke(capsys, qapp):
    with capsys.disabled():
        print()
        lines = view_figures(SMOKE, repeat=5)
    assert len(lines) == 1


if __name__ == "__main__":
    for line in startup_figures() + stall_figures(512, 256):
        print(line, flush=True)
    view_figures(FULL, repeat=20)
