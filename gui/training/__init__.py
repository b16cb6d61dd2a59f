"""Training in the window: the worker thread, its controls, and the Train panel."""
