"""Training: attention learning where to look, on sequences over the user's own words.

``settings`` and ``tasks`` are light (numpy only); ``loop`` (the trainer) and ``export`` (its
notebook code) import torch.
"""
