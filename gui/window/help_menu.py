"""The Help menu: keyboard shortcuts, what the window shows and why, adding the program to
the applications menu, and About."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

translate = QCoreApplication.translate


def shortcuts_html() -> str:
    rows = [
        (
            "Ctrl+1 … Ctrl+7",
            translate(
                "help",
                "Go to the sentences, model, heatmap, pipeline, vocabulary, explanation, training",
            ),
        ),
        ("Ctrl+8, Ctrl+9", translate("help", "Go to the next word, to generate")),
        (
            "Ctrl+P, Ctrl+Shift+P",
            translate("help", "Pin the result as A to compare; stop comparing"),
        ),
        ("Space", translate("help", "On the heatmap: play or pause training")),
        ("F6", translate("help", "Go to the next pane")),
        ("F1", translate("help", "The lesson: the notebook, step by step")),
        ("F11, Esc", translate("help", "Presentation mode, and back")),
        ("Ctrl+L", translate("help", "Class layout: the heatmap, the lesson and one pane, large")),
        ("Ctrl+=, Ctrl+-, Ctrl+0", translate("help", "Zoom in, zoom out, normal size")),
        ("Tab, Shift+Tab", translate("help", "Next and previous control")),
        (translate("help", "Arrow keys"), translate("help", "On the heatmap: move between cells")),
        ("Enter", translate("help", "On the heatmap: explain the cell under the cursor")),
        (
            "X",
            translate(
                "help",
                "On the heatmap: switch the cursor's head off, or on again (or the "
                "right button on a head)",
            ),
        ),
        ("Ctrl+H", translate("help", "The heads: what each one does, and switching them off")),
        (
            "Page Up, Page Down",
            translate("help", "On the heatmap: previous and next page of panels"),
        ),
        ("Ctrl+N", translate("help", "New: the notebook's example")),
        ("Ctrl+O, Ctrl+S", translate("help", "Open and save a session")),
        ("Ctrl+E, Ctrl+Shift+C", translate("help", "Export the figure, copy it to the clipboard")),
        ("Ctrl+Z, Ctrl+Shift+Z", translate("help", "Undo and redo in the sentences")),
        ("Ctrl+Q", translate("help", "Quit")),
    ]
    body = "".join(f"<tr><td><b>{keys}</b></td><td>{what}</td></tr>" for keys, what in rows)
    return f"<table cellspacing='6'>{body}</table>"


def looking_at_html() -> str:
    return translate(
        "help",
        "<h3>What am I looking at?</h3>"
        "<p><b>Random, untrained weights.</b> As in the notebook, the embeddings and the "
        "layers are random numbers fixed by the seed. The attention you see shows how the "
        "mechanism works, not what it has learned: that is why the weights look almost "
        "uniform, about 1/n each.</p>"
        "<p><b>Rows are queries, columns are keys.</b> Row i is the token that attends; its "
        "weights over the columns sum to 1.</p>"
        "<p><b>In the notebook's linear mode a column is a position, not a word.</b> The "
        "Linear layer has one output per position: column 3 is the layer's fourth output, "
        "whatever word stands there. In the dot-product and multi-head modes a column is the "
        "word at that position.</p>"
        "<p><b>Why a longer sentence changes the other sentences' maps.</b> All sentences are "
        "padded to the longest one, L. A new longest sentence changes L: the Linear layer gets "
        "a new size and new random weights, every sentence gets more padding positions, and "
        "without masking the softmax spreads weight over them too.</p>"
        "<p><b>Padding.</b> Striped cells are &lt;pad&gt; positions that still take part, as in "
        "the notebook. With masking they turn grey and get exactly 0. With the causal mask, "
        "later keys are hidden too, with a different hatch.</p>",
    )


def fill_menu(window, menu) -> None:
    def add(text: str, slot) -> QAction:
        action = QAction(text, window)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    lesson = add(translate("help", "&Lesson: the notebook, step by step"), window.show_lesson)
    lesson.setShortcut(QKeySequence(Qt.Key.Key_F1))
    add(
        translate("help", "&Keyboard shortcuts"),
        lambda: QMessageBox.information(
            window, translate("help", "Keyboard shortcuts"), shortcuts_html()
        ),
    )
    add(
        translate("help", "&What am I looking at?"),
        lambda: QMessageBox.information(
            window, translate("help", "What am I looking at?"), looking_at_html()
        ),
    )
    menu.addSeparator()
    if sys.platform.startswith("linux"):  # a desktop entry is what Linux desktops read
        add(translate("help", "Add to the a&pplications menu"), lambda: add_to_menu(window))
    add(
        translate("help", "&About Attention Study"),
        lambda: QMessageBox.about(
            window,
            translate("help", "About Attention Study"),
            translate(
                "help",
                "<p><b>Attention Study</b> turns the notebook <i>Estudo de Self-Attention</i> "
                "into a live instrument: type sentences and watch every stage of the "
                "pipeline, from token ids to attention weights.</p>",
            ),
        ),
    )


def add_to_menu(window) -> None:
    """Write the desktop entry and its icons (model/desktop_entry.py), then say which files,
    or why not, in a message box."""
    from gui import texts
    from model import desktop_entry
    from model.errors import InputError

    title = translate("help", "Add to the applications menu")
    try:
        changes = desktop_entry.install()
    except (InputError, OSError) as error:
        box = QMessageBox(QMessageBox.Icon.Warning, title, texts.error_text(error), parent=window)
    else:
        said = translate(
            "help",
            "Attention Study is in the applications menu (under Education), with its icon. "
            "Written:",
        )
        files = "\n".join(str(path) for path in changes.files)
        box = QMessageBox(QMessageBox.Icon.Information, title, f"{said}\n{files}", parent=window)
    box.setTextFormat(Qt.TextFormat.PlainText)  # a folder's name is never markup
    box.exec()
