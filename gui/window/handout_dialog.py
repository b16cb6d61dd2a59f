"""File → Export handout: which heatmaps start hidden as exercises, the teacher's copy, a
preview in the browser and the export.

:class:`HandoutDialog` is the dialog: a tree of the sentences and their maps, checkable, and
a check box for the teacher's copy.  :class:`HandoutExport` carries it out for the File menu:
it writes the page as every other export is written (the menu's writer thread, atomically,
errors in a message box in the interface's language), keeps the choices for the window's
life and, for a preview, one page in a temporary folder that it opens in the browser.

The choices follow the sentences: after an edit, a hidden map stays hidden when its sentence
(the same words) and its head are still there, wherever the sentence moved; the rest are
dropped, never carried onto another sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Qt, QTemporaryDir, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from figures.handout import content
from figures.handout.choices import HandoutChoices
from figures.heatmap import elide, elide_words
from gui import texts
from gui.state import RESULT
from model.errors import InputError

PREVIEW_NAME = "handout.html"
EXPANDED_ITEMS = 400  # more sentences × maps than this start folded

Layout = tuple[tuple[tuple[str, ...], ...], int, int]  # sentences, layers, heads per layer


def layout_of(result) -> Layout:
    """What the choices of ``result`` name: its sentences' words and its maps' layers and
    heads per layer."""
    sentences = tuple(tuple(words) for words in result.sentences)
    return sentences, result.layer_count, result.heads_per_layer


def carried(choices: HandoutChoices, before: Layout | None, after: Layout) -> HandoutChoices:
    """``choices`` made on ``before``, for ``after``: a hidden map stays hidden when its
    sentence (matched by its words, in order) and its layer and head are still there."""
    if before is None:
        return HandoutChoices(teacher=choices.teacher)
    if before == after:
        return choices
    (old, _, old_heads), (new, layers, heads) = before, after
    places: dict[tuple[str, ...], list[int]] = {}
    for b, words in enumerate(new):
        places.setdefault(words, []).append(b)
    moved = {}
    for b, words in enumerate(old):
        if places.get(words):
            moved[b] = places[words].pop(0)
    hidden = set()
    for b, m in choices.hidden:
        layer, head = divmod(m, old_heads)
        if b in moved and layer < layers and head < heads:
            hidden.add((moved[b], layer * heads + head))
    return HandoutChoices(frozenset(hidden), choices.teacher)


class HandoutDialog(QDialog):
    """Asks which maps a handout hides and whether it is the teacher's copy."""

    preview_requested = Signal()
    """Preview in the browser was pressed."""
    export_requested = Signal()
    """Export… was pressed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export a handout"))
        self.setModal(True)
        self.layout_shown: Layout | None = None
        intro = QLabel(
            self.tr(
                "A handout is one web page for your students: it works offline, in any "
                "browser, phones included."
            )
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.hidden_label = QLabel(self.tr("Start &hidden, as exercises:"))
        self.hidden_label.setBuddy(self.tree)
        self.teacher = QCheckBox(self.tr("&Teacher's copy (the answers shown)"))
        self.preview_button = QPushButton(self.tr("&Preview in the browser"))
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(
            self.tr("&Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(
            self.tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.preview_button.setAutoDefault(False)
        self.export_button.setDefault(True)
        self.preview_button.clicked.connect(self.preview_requested)
        self.export_button.clicked.connect(self.export_requested)
        self.cancel_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.preview_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        for widget in (intro, self.hidden_label, self.tree, self.teacher):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.setStretchFactor(self.tree, 1)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Room for a sentence of sixty characters and a dozen rows, in the app's type."""
        metrics = self.fontMetrics()
        return QSize(metrics.averageCharWidth() * 86, metrics.lineSpacing() * 30).expandedTo(
            super().sizeHint()
        )

    def show_result(self, result, choices: HandoutChoices) -> None:
        """One item per sentence of ``result``, one child per map when it has several;
        checked as ``choices`` says."""
        self.layout_shown = layout_of(result)
        several = result.head_count > 1
        names = [texts.map_name(result.config, m, capital=True) for m in range(result.head_count)]
        template = texts.heatmap_words().panel_title  # "{n}: {text}"
        checkable = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
        items = []
        for b, words in enumerate(result.sentences):
            item = QTreeWidgetItem([template.format(n=b, text=elide_words(words, 60))])
            item.setToolTip(0, elide(" ".join(words[:80]), 400))
            item.setFlags(checkable | Qt.ItemFlag.ItemIsSelectable)
            if several:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsAutoTristate)
                for m, name in enumerate(names):
                    child = QTreeWidgetItem(item, [name])
                    child.setFlags(checkable | Qt.ItemFlag.ItemIsSelectable)
                    child.setCheckState(0, _state((b, m) in choices.hidden))
            else:
                item.setCheckState(0, _state((b, 0) in choices.hidden))
            items.append(item)
        self.tree.clear()
        self.tree.addTopLevelItems(items)
        if len(items) * len(names) <= EXPANDED_ITEMS:
            self.tree.expandAll()
        if items:
            self.tree.setCurrentItem(items[0])
        self.teacher.setChecked(choices.teacher)

    def choices(self) -> HandoutChoices:
        """The maps checked, as ``(sentence, map)`` pairs, and the teacher's copy."""
        hidden = set()
        checked = Qt.CheckState.Checked
        for b in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(b)
            if item.childCount() == 0 and item.checkState(0) == checked:
                hidden.add((b, 0))
            for m in range(item.childCount()):
                if item.child(m).checkState(0) == checked:
                    hidden.add((b, m))
        return HandoutChoices(frozenset(hidden), self.teacher.isChecked())


def _state(checked: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked


class HandoutExport(QObject):
    """File → Export handout for one window's File menu (a ``FileActions``): the dialog,
    the choices it remembers, the preview's page and its opening in the browser."""

    def __init__(self, menu) -> None:
        super().__init__(menu)
        self._menu = menu
        self._choices = HandoutChoices()
        self._layout: Layout | None = None  # what the remembered choices name
        self._folder: QTemporaryDir | None = None  # the preview's, kept while the window lives
        self._previews = 0  # previews asked for and not yet written
        self.dialog: HandoutDialog | None = None
        menu.write_finished.connect(self._on_written)
        menu._controller.changed.connect(self._on_changed)

    def open(self) -> None:
        """Show the dialog for the result on screen, with the last choices that still
        name something of it; say why not when there is no result or it is too big."""
        result = self._menu._result()
        if result is None:
            return
        cells = result.batch_size * result.head_count * result.max_length**2
        if cells > content.MAX_HANDOUT_CELLS:
            error = InputError("handout_too_big", cells=cells, limit=content.MAX_HANDOUT_CELLS)
            self._menu._fail(self.tr("The handout was not made"), texts.error_text(error))
            return
        if self.dialog is None:
            self.dialog = HandoutDialog(self._menu._window)
            self.dialog.preview_requested.connect(self._on_preview)
            self.dialog.export_requested.connect(self._on_export)
            self.dialog.finished.connect(self._keep)
        self._show(result, self._choices, self._layout)
        self.dialog.resize(self.dialog.sizeHint().boundedTo(self._room()))
        self.dialog.open()

    def _room(self) -> QSize:
        """At most nine tenths of the screen the window is on."""
        screen = self._menu._window.screen().availableGeometry().size()
        return QSize(screen.width() * 9 // 10, screen.height() * 9 // 10)

    def _show(self, result, choices: HandoutChoices, layout: Layout | None) -> None:
        self.dialog.show_result(result, carried(choices, layout, layout_of(result)))

    def _on_changed(self, changed) -> None:
        """New sentences or maps while the dialog is open: list them, the choices carried."""
        dialog, result = self.dialog, self._menu._controller.result
        if dialog is None or not dialog.isVisible() or RESULT not in changed or result is None:
            return
        if layout_of(result) != dialog.layout_shown:
            self._show(result, dialog.choices(), dialog.layout_shown)

    def _keep(self, _outcome=None) -> HandoutChoices:
        """Remember the dialog's choices (reopening shows them) and return them."""
        self._choices, self._layout = self.dialog.choices(), self.dialog.layout_shown
        return self._choices

    def _chosen(self):
        """The result on screen and the dialog's choices for it, or None (said why)."""
        result = self._menu._result()
        if result is None:
            return None
        choices = self._keep()
        return result, carried(choices, self._layout, layout_of(result))

    def _on_export(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        path = self._menu._ask_save(
            self.tr("Export a handout"), self.tr("Web page (*.html)"), ".html"
        )
        if path:
            result, choices = chosen
            self._menu._write_output("export_handout", path, result, handout=choices)
            self.dialog.accept()

    def _on_preview(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        path = self.preview_path()
        if not path:
            reason = self._folder.errorString() if self._folder is not None else ""
            self._menu._fail(self.tr("The preview was not made"), reason)
            return
        result, choices = chosen
        self._previews += 1
        self._menu._write_output("export_handout", path, result, handout=choices)

    def preview_path(self) -> str:
        """The preview's page, one per window, overwritten by each preview ("" when no
        temporary folder can be made)."""
        if self._folder is None or not self._folder.isValid():
            self._folder = QTemporaryDir()
        return self._folder.filePath(PREVIEW_NAME) if self._folder.isValid() else ""

    def _on_written(self, path: str, written: bool) -> None:
        if not self._previews or self._folder is None or path != self.preview_path():
            return
        self._previews -= 1
        if written and not self._previews:  # the last one asked for
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
                self._menu._fail(
                    self.tr("The browser did not open"),
                    self.tr("The handout is at {path}: open it in a web browser.").format(
                        path=path
                    ),
                )
