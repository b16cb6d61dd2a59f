"""How the window looks: zoom (every font, for the back of the room) and light or dark theme.

Zoom scales each widget's own font from the size it had at zoom 1, so widgets with fonts of
their own (the editor's larger text, the code's fixed width) keep their proportions.  Plots
draw their labels from the same factor.  Exported figures never follow the theme: they are
drawn for paper, dark ink on white.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QWidget

ZOOMS = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5)
THEMES = ("light", "dark")
_BASE = "attentionStudyBaseFont"


def zoom_step(current: float, step: int) -> float:
    """The next zoom level up (+1) or down (-1) from ``current``."""
    nearest = min(range(len(ZOOMS)), key=lambda k: abs(ZOOMS[k] - current))
    return ZOOMS[min(max(nearest + step, 0), len(ZOOMS) - 1)]


def apply_zoom(root: QWidget, factor: float, current: float = 1.0) -> None:
    """Scale the fonts of ``root`` and everything in it to ``factor`` × their own size.

    Every widget's own size is noted first: setting a parent's font changes what its
    children inherit, and reading them afterwards would compound the zoom.  Widgets made
    while zoom ``current`` was shown (they inherit it) have their own size at zoom 1 noted.
    """
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if widget.property(_BASE) is None:
            widget.setProperty(_BASE, widget.font().pointSizeF() / current)
    for widget in widgets:
        base = widget.property(_BASE)
        font = widget.font()
        if base > 0 and abs(font.pointSizeF() - base * factor) > 0.01:
            font.setPointSizeF(base * factor)
            widget.setFont(font)


def apply_theme(app: QApplication, theme: str) -> None:
    """Fusion with a light or dark palette: the same look on every desktop."""
    app.setStyle(VisibleChecks(QStyleFactory.create("Fusion")))
    palette = QPalette() if theme == "light" else _dark_palette()
    app.setPalette(palette)


_CHECKS = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
)
CHECK_OUTLINE = "#a8acb2"  # on the dark theme's window (#202225) and fields (#16181a)


class VisibleChecks(QProxyStyle):
    """Fusion, with a clear outline round check boxes and radio buttons on a dark palette.

    Fusion outlines them in the window's colour, darkened: on a dark window that is black on
    near-black, and an unticked box could not be seen from the back of the room.
    """

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802
        super().drawPrimitive(element, option, painter, widget)
        if element not in _CHECKS or option.palette.color(QPalette.ColorRole.Window).value() > 128:
            return
        painter.save()
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        painter.setPen(QPen(QColor(CHECK_OUTLINE if enabled else "#62666c"), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = option.rect.toRectF().adjusted(0.5, 0.5, -0.5, -0.5)  # over Fusion's own
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.setRenderHint(painter.RenderHint.Antialiasing, True)
            painter.drawEllipse(box.adjusted(0.5, 0.5, -0.5, -0.5))
        else:
            painter.drawRect(box)
        painter.restore()


def _dark_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    colours = {
        role.Window: "#202225",
        role.WindowText: "#e8e8e8",
        role.Base: "#16181a",
        role.AlternateBase: "#24272a",
        role.ToolTipBase: "#2b2e31",
        role.ToolTipText: "#f0f0f0",
        role.Text: "#e8e8e8",
        role.Button: "#2b2e31",
        role.ButtonText: "#e8e8e8",
        role.BrightText: "#ff6b6b",
        role.Highlight: "#3d7ae0",
        role.HighlightedText: "#ffffff",
        role.Link: "#7fb0ff",
        role.PlaceholderText: "#9a9a9a",
    }
    for colour_role, value in colours.items():
        palette.setColor(colour_role, QColor(value))
    for colour_role in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, colour_role, QColor("#777777"))
    return palette


def canvas_colours(theme: str) -> tuple[str, str]:
    """(background, ink) of the plots in a theme."""
    return ("w", "#202020") if theme == "light" else ("#16181a", "#e8e8e8")
