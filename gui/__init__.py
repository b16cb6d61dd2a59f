"""The Qt side of Attention Study: widgets that render model results and compute nothing.

pyqtgraph picks PyQt6 when it is installed; PySide6 is imported first and named for it.
"""

import os

os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"

import PySide6  # noqa: E402, F401  (before any pyqtgraph import)
