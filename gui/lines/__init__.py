"""Attention as lines: queries on the left, keys on the right, one line per pair."""
