"""The Qt side of Attention Study: widgets that render model results and compute nothing.

pyqtgraph picks PyQt6 when it is installed; it is told to use PySide6 before it is imported.
Importing this package imports no Qt: a headless run loads torch first, which is faster
before PySide6 than after it (PySide6 reads the source of every module imported later).
"""

import os

os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"
