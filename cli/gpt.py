"""The transformer's flags: ``--layer`` for figures and ``--explain``, ``--generate`` and its
sampling settings, and what ``--train next`` changes.  Each is checked before any work, and
refused in one line that names the flag and what fits.

Attention maps are counted as the views count them: map ``m`` is head ``m % h`` of layer
``m // h``.  ``--head`` alone takes a map; beside ``--layer N`` it takes a head of layer N.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, replace

from model.config import MAX_TRANSFORMER_LENGTH, ModelConfig
from model.errors import InputError, Notice
from model.session import Session, ViewSettings
from model.tokenizer import encode, split_sentences
from model.training.tasks import CAUSAL_TASKS, LANGUAGE_MODELLING
from model.validate import check_float, check_int

DEFAULT_WORDS = 10  # words --generate writes unless --words says otherwise
GENERATION_FLAGS = ("words", "sample_temperature", "top_k", "sample_seed")


@dataclass(frozen=True)
class Generation:
    """What ``--generate`` asks: continue ``prompt`` by up to ``words`` words."""

    prompt: str
    words: int = DEFAULT_WORDS
    temperature: float = 0.0  # 0: the most likely word each time
    top_k: int = 0  # 0: every word may be drawn
    seed: int = 0


@dataclass(frozen=True)
class Request:
    """What the flags ask beyond the session and its output files: the weight ``--explain``
    explains (sentence, query, key) in attention map ``explain_map``, and the text to write."""

    explain: tuple[int, int, int] | None = None
    explain_map: int = 0
    generation: Generation | None = None
    head_scores: bool = False  # the head detectors' table (cli/heads.py)
    evaluate: bool = False  # the task's loss and accuracy on its probe
    handout: object = None  # figures.handout.choices.HandoutChoices: what the handout hides

    @property
    def printed(self) -> bool:
        """Whether it asks for anything printed: then no window opens."""
        return bool(self.explain or self.generation or self.head_scores or self.evaluate)


def train_next(config: ModelConfig, task: str | None, notices: list) -> ModelConfig:
    """``config`` as the ``next`` and ``induction`` tasks need it: with the causal mask
    (turned on, and said in ``notices``, when it was off); ``next`` on the transformer."""
    if task not in CAUSAL_TASKS:
        return config
    if task == LANGUAGE_MODELLING and config.attention != "transformer":
        raise InputError("next_needs_transformer")
    if not config.causal:
        notices.append(Notice(f"{task}_turns_causal_on"))
        return replace(config, causal=True)
    return config


def layer_view(args: argparse.Namespace, config: ModelConfig, view: ViewSettings):
    """``view`` with the maps that ``--layer N|all`` and ``--head H|all`` pick: map N × h + H,
    layer N's heads, or every map (for ``--explain``, ``--layer N`` alone is its head 0: see
    :func:`request`)."""
    layer = layer_of(args, config)
    head = _head_in_layer(args, config)
    if head is None:
        return replace(view, head=-1, layer=layer, page=0)
    if layer < 0:
        raise InputError("layer_all_one_head", value=args.head)
    return replace(view, head=layer * config.heads + head, page=0)


def layer_of(args: argparse.Namespace, config: ModelConfig) -> int:
    """``--layer``: a layer from 0, or -1 for all; refused on a model without layers, and
    past the last layer."""
    from cli.flags import index

    if config.attention != "transformer":
        raise InputError("layer_needs_transformer", attention=config.attention)
    layer = index("--layer", args.layer)
    if layer >= config.layers:
        last = config.layers - 1
        raise InputError(
            "flag_no_such_layer", flag="--layer", value=args.layer, count=config.layers, last=last
        )
    return layer


def _head_in_layer(args: argparse.Namespace, config: ModelConfig) -> int | None:
    """``--head`` beside ``--layer``: a head of that layer, or None for all of them."""
    from cli.flags import index

    if args.head is None:
        return None
    head = index("--head", args.head)
    if head < 0:
        return None
    if head >= config.heads:
        last = config.heads - 1
        raise InputError(
            "flag_no_such_head_in_layer", flag="--head", value=args.head, count=config.heads,
            last=last,
        )  # fmt: skip
    return head


def request(args: argparse.Namespace, session: Session, figure: bool = False) -> Request:
    """What ``args`` ask beyond the outputs, checked against ``session``; ``figure`` when a
    figure is drawn (``--export``)."""
    config = session.config
    explain_map = max(session.view.head, 0)
    if args.layer is not None:
        layer, head = layer_of(args, config), _head_in_layer(args, config)
        if args.explain is not None:
            if layer < 0:
                raise InputError(
                    "explain_needs_one_layer", count=config.layers, last=config.layers - 1
                )
            explain_map = layer * config.heads + (head or 0)
    given = [name for name in GENERATION_FLAGS if getattr(args, name) is not None]
    if args.generate is None:
        if given:
            raise InputError("generate_flags_alone")
        return Request(args.explain, explain_map)
    return Request(args.explain, explain_map, generation(args, session))


def generation(args: argparse.Namespace, session: Session) -> Generation:
    """``--generate PROMPT`` and its settings, checked against the session's model and words
    (the vocabulary of its sentences) before any training."""
    from model.generation import MAX_SAMPLE_SEED, MAX_SAMPLE_TEMPERATURE, MAX_WORDS, prompt_ids

    if session.config.attention != "transformer":
        raise InputError("generate_needs_transformer")
    asked = {name: getattr(args, name) for name in GENERATION_FLAGS}
    words = DEFAULT_WORDS if asked["words"] is None else asked["words"]
    temperature = asked["sample_temperature"] or 0.0
    top_k, seed = asked["top_k"] or 0, asked["sample_seed"] or 0
    check_int("words", words, 1, MAX_WORDS)
    temperature = check_float("sample_temperature", temperature, 0.0, MAX_SAMPLE_TEMPERATURE)
    vocabulary, _ = encode(split_sentences(session.text))
    check_int("top_k", top_k, 0, vocabulary.size)
    check_int("sample_seed", seed, 0, MAX_SAMPLE_SEED)
    ids = prompt_ids(args.generate, vocabulary)
    if len(ids) + words > MAX_TRANSFORMER_LENGTH:
        raise InputError(
            "generation_too_long", prompt=len(ids), words=words, limit=MAX_TRANSFORMER_LENGTH
        )
    return Generation(args.generate, words, temperature, top_k, seed)


def untrained_notice(session: Session, wanted: Request) -> list[Notice]:
    """Said before generating from weights that no training has touched."""
    if wanted.generation is not None and session.training is None:
        return [Notice("generate_untrained")]
    return []
