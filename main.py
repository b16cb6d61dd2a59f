"""Attention Study: the notebook "Estudo de Self-Attention" as a live instrument.

Run with no output flag to open the window; any output flag runs headless, with no window
and no display needed.  The command line lives in ``cli/`` (see ``python main.py --help``).
"""

import sys

from cli.run import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
