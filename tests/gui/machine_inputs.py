"""What the state machine of ``test_state_machine.py`` draws from: texts with odd Unicode,
settings valid and not, and the ways a saved session can be spoilt."""

from __future__ import annotations

import json

from hypothesis import strategies as st

from model.config import ATTENTIONS, CELLS, NONLINEARITIES, ModelConfig

# --- strategies -------------------------------------------------------------------------

ODD = [
    "ação",
    "日本語",
    "مرحبا",
    "שלום",
    "👩‍👩‍👧",
    "e\u0301",
    "\u200b",
    "\ufeffbom",
    "<pad>",
    "nul\0",
    "Ⅻ",
    "ﬁ",
    "İı",
    "\u00a0",
    "a\u2028b",
    "c\x0bd",
    "e\x1cf",
    "g\x85h",
    "tab\there",
]
words = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=6),
    st.sampled_from(ODD),
    st.sampled_from(["o", "gato", "dorme", "eu", "gosto", "de", "batata"]),
    st.integers(200, 3000).map(lambda n: "w" * n),  # a long word: labels elide, never widen
)
lines = st.one_of(st.lists(words, max_size=6).map(" ".join), st.sampled_from(["", "   ", "\t"]))
texts = st.lists(lines, max_size=6).flatmap(
    lambda ls: st.sampled_from(["\n", "\r\n", "\r"]).map(lambda end: end.join(ls))
)


def _valid(settings_: dict) -> bool:
    try:
        ModelConfig(**settings_)
    except ValueError:
        return False
    return True


configs = st.fixed_dictionaries(
    {
        "seed": st.integers(0, 2**31 - 1),
        "embedding_size": st.integers(1, 24),
        "hidden_size": st.integers(1, 24),
        "cell": st.sampled_from(CELLS),
        "nonlinearity": st.sampled_from(NONLINEARITIES),
        "attention": st.sampled_from(ATTENTIONS),
        "heads": st.integers(1, 6),
        "mask_padding": st.booleans(),
        "causal": st.booleans(),
        "temperature": st.floats(1e-3, 1e3),
    }
).filter(_valid)

INVALID_SETTINGS = [
    {"hidden_size": 0},
    {"embedding_size": 5000},
    {"seed": -1},
    {"seed": 2**40},
    {"temperature": 0.0},
    {"temperature": float("nan")},
    {"temperature": float("inf")},
    {"cell": "transformer"},
    {"attention": "magic"},
    {"heads": 0},
    {"heads": True},
    {"mask_padding": "yes"},
    {"embedding_size": 2.0},
    {"attention": "multihead", "heads": 7, "hidden_size": 4},
]


def spoilt(kind: str, data, saved_json: str) -> bytes:
    if kind == "bytes":
        return data
    if kind == "truncated":
        return saved_json.encode()[: max(0, min(data, len(saved_json) - 2))]
    base = json.loads(saved_json)
    if kind == "version":
        base["version"] = data
    elif kind == "model":
        base["model"] = data
    elif kind == "view":
        base["view"] = data
    elif kind == "sentences":
        base["sentences"] = data
    elif kind == "not a mapping":
        base = data
    return json.dumps(base).encode()


garbage = st.one_of(
    st.tuples(st.just("bytes"), st.binary(max_size=300)),
    st.tuples(st.just("truncated"), st.integers(0, 400)),
    st.tuples(st.just("version"), st.sampled_from([0, 3, 99, True, 1.0, 2.0, "2", None, [2], -1])),
    st.tuples(
        st.just("model"),
        st.sampled_from(
            [
                5,
                [],
                "rnn",
                None,
                {"seed": 2**31},
                {"attention": "multihead", "heads": 3},
                {"colour": 1},
                {"seed": 10**30},
            ]
        ),
    ),
    st.tuples(
        st.just("view"),
        st.sampled_from([{"sentence": 2147483648}, {"head": -2}, {"figure_scale": 2.0}, 7]),
    ),
    st.tuples(st.just("sentences"), st.sampled_from(["one string", [1, 2], None, {"a": 1}])),
    st.tuples(st.just("not a mapping"), st.sampled_from([[], 3, "session", None])),
)
