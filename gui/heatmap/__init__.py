"""The attention heatmap: a Qt-free description, drawn live (pyqtgraph) and as a figure."""
