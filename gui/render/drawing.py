"""Figures for slides and handouts: drawn for print at a fixed size, PNG or SVG.

A figure never depends on the window: it is laid out at a fixed size in its own coordinates
and drawn with QPainter.  The same drawing goes to a PNG at 1×, 2× or 4× (sharp at every
scale) and to an SVG whose text stays text.  Fonts are sized in pixels, so both devices lay
out alike.  :class:`Figure` holds the output side; each view's figure draws itself.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from model.files import atomic_write

MAX_SCALE = 8
MARGIN = 24


def pixel_font(pixels: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


class Figure:
    """A drawing of ``size`` pixels at 1×; subclasses implement :meth:`paint`."""

    size: QSize
    title: str

    def paint(self, painter: QPainter, vector: bool = False) -> None:
        raise NotImplementedError

    def image(self, scale: int = 1) -> QImage:
        """The figure as an image of exactly ``scale`` × its size, drawn at that resolution."""
        if isinstance(scale, bool) or not isinstance(scale, int) or not 1 <= scale <= MAX_SCALE:
            raise ValueError(f"scale must be a whole number from 1 to {MAX_SCALE}, not {scale!r}")
        image = QImage(self.size * scale, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            painter.scale(scale, scale)
            self.paint(painter)
        finally:
            painter.end()
        return image

    def png_bytes(self, scale: int = 1) -> bytes:
        return encode_png(self.image(scale))

    def svg_bytes(self) -> bytes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(self.size)
        generator.setViewBox(QRectF(0, 0, self.size.width(), self.size.height()))
        generator.setResolution(96)
        generator.setTitle(self.title)
        generator.setDescription("Attention Study")
        painter = QPainter(generator)
        try:
            painter.fillRect(QRectF(0, 0, self.size.width(), self.size.height()), QColor("white"))
            self.paint(painter, vector=True)
        finally:
            painter.end()
        buffer.close()
        return bytes(data)


def encode_png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("could not encode the image as PNG")
    buffer.close()
    return bytes(data)


def save_image(image: QImage, path: str | os.PathLike) -> None:
    """Write a QImage as PNG, atomically (the window screenshot)."""
    data = encode_png(image)
    with atomic_write(path) as stream:
        stream.write(data)


def write_figure(figure: Figure, path: str | os.PathLike, scale: int = 1) -> None:
    """Write ``figure`` to ``path``: PNG at ``scale`` or SVG, by extension, atomically."""
    suffix = os.fspath(path).lower().rsplit(".", 1)[-1]
    data = figure.svg_bytes() if suffix == "svg" else figure.png_bytes(scale)
    with atomic_write(path) as stream:
        stream.write(data)
