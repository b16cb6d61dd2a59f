"""The computation behind Attention Study: tokenizer, configuration, pipeline and files.

Everything here is plain Python, numpy and torch; nothing imports Qt.  Importing this
package is cheap: torch is imported only by :mod:`model.pipeline`, so a window can appear
while the pipeline module loads in the background.
"""
