"""The training loop as notebook code, to follow the exported notebook's stage cells.

The stage cells have built the seeded layers and computed the untrained stages on the
sentences (``token_ids``, ``embeddings``, ``rnn``, ``linear``, ``mha`` …).  The code made here
trains those very layers, with a readout, on the same batches, at the same learning rate and
for the same number of steps as the app (see :mod:`model.training.loop`), then reruns the
stages' own ``compute`` lines on ``token_ids``: the final ``attention`` is the app's trained
attention.  Everything is spelled out: the notebook imports nothing from this project.
"""

from __future__ import annotations

import re

from model.stages import PipelineResult
from model.training.loop import BATCH_SIZE, TINY
from model.training.settings import TrainSettings

_TASKS = {
    "en": {
        "previous": "every word learns to say the word just before it (key i - 1)",
        "copy": "every word learns to say itself (key i)",
        "first": "every word learns to say the first word of its sentence (key 0)",
        "alphabetical": "every word learns to say the word of its sentence that comes first "
        "in alphabetical order",
    },
    "pt": {
        "previous": "cada palavra aprende a dizer a palavra logo antes dela (key i - 1)",
        "copy": "cada palavra aprende a dizer a si mesma (key i)",
        "first": "cada palavra aprende a dizer a primeira palavra da sua sentença (key 0)",
        "alphabetical": "cada palavra aprende a dizer a palavra da sua sentença que vem "
        "primeiro em ordem alfabética",
    },
}

_WORDS = {
    "en": {
        "task": "Task",
        "visible": ", among the words it can see",
        "threads": "one thread: the numbers do not depend on how many cores the machine has",
        "trainable": "the layers above become trainable, and a readout guesses the token",
        "batches": "each step draws fresh random sentences over the vocabulary",
        "forward": "The stages above, as one function of a batch of ids; then the readout.",
        "votes": "each key votes for a token; attention weighs the votes",
        "loss": "mean -log(probability of the right token)",
        "padding": "padding queries expect nothing (-1)",
        "pad_last": "<pad> comes last",
        "leftmost": "the leftmost position of the lowest rank",
        "so_far": ", up to each query",
        "one_number": "rank and position in one number",
        "report": "step {steps}: loss {loss:.4f}, expected weight {weight:.3f}",
        "trained": "the stages again, on the sentences, with the trained weights",
        "changed": "the learning rate was changed here while the app trained",
    },
    "pt": {
        "task": "Tarefa",
        "visible": ", entre as palavras que enxerga",
        "threads": "uma thread: os números não dependem de quantos núcleos a máquina tem",
        "trainable": "as camadas acima passam a ser treinadas, e um readout adivinha o token",
        "batches": "cada passo sorteia sentenças aleatórias novas sobre o vocabulário",
        "forward": "Os estágios acima, como uma função de um lote de ids; depois o readout.",
        "votes": "cada key vota num token; a atenção pondera os votos",
        "loss": "média de -log(probabilidade do token certo)",
        "padding": "consultas de padding não esperam nada (-1)",
        "pad_last": "<pad> vem por último",
        "leftmost": "a posição mais à esquerda do menor posto",
        "so_far": ", até cada consulta",
        "one_number": "posto e posição num só número",
        "report": "passo {steps}: perda {loss:.4f}, peso esperado {weight:.3f}",
        "trained": "os estágios de novo, nas sentenças, com os pesos treinados",
        "changed": "a taxa de aprendizado mudou aqui enquanto o app treinava",
    },
}

# The expected key of each query, as the notebook computes it (see tasks.expected_keys).
_KEYS = {
    "previous": "np.where(real, query - 1, -1)",
    "copy": "np.where(real, query, -1)",
    "first": "np.where(real, 0, -1)",
}

_RANKS = """\
order = sorted(vocabulary, key=lambda token: (token.casefold(), token))
rank = np.empty(V, dtype=np.int64)
rank[[vocabulary[token] for token in order]] = np.arange(V - 1)
rank[0] = V  # {pad_last}
"""

_ALPHABETICAL = """\
    # {leftmost}{scope}: {one_number}
    place = np.where(real, rank[batch] * batch.shape[1] + query, np.iinfo(np.int64).max)
    best = {best}
    return np.where(real, best % batch.shape[1], -1)
"""

_LOOP = """\
history = []
for step in range(steps):
    if step in rate_changes:  # {changed}
        for group in optimizer.param_groups:
            group["lr"] = rate_changes[step]
    # {batches}
    rng = np.random.default_rng([seed, step])
    batch_lengths = rng.choice(lengths, size=batch_size)
    batch = rng.integers(1, V, size=(batch_size, L))
    batch[np.arange(L)[None, :] >= batch_lengths[:, None]] = 0
    expected = expected_keys(batch, batch_lengths)
    targets = np.where(expected >= 0, np.take_along_axis(batch, np.maximum(expected, 0), 1), -1)
    attention, log_prediction = forward(torch.from_numpy(batch))
    loss = torch.nn.functional.nll_loss(  # {loss}
        log_prediction.reshape(-1, V), torch.from_numpy(targets).reshape(-1), ignore_index=-1,
        reduction="sum",
    ) / max(int((targets >= 0).sum()), 1)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    b, q = np.nonzero(expected >= 0)
    history.append((loss.item(), attention.detach()[{on_key}].mean().item()))
if history:
    loss, weight = history[-1]
    print(f"{report}")
"""


def training_code(result: PipelineResult, settings: TrainSettings, language: str = "en") -> str:
    """The code cell that trains the notebook's layers as the app trained them.

    ``result`` is the run the notebook shows (its sentences, settings and stage code).
    """
    words, tasks = _WORDS.get(language, _WORDS["en"]), _TASKS.get(language, _TASKS["en"])
    config = result.config
    multihead = config.attention == "multihead"
    width = config.width if multihead else config.embedding_size
    # The layers the stage cells built; dot products build none of their own.
    layers = ["rnn"] if config.cell != "none" else []
    layers += {"linear": ["linear"], "dot": [], "multihead": ["linear", "mha"]}[config.attention]
    parameters = ", ".join(["embeddings", *(f"*{name}.parameters()" for name in layers)])
    computed = [stage.compute for stage in result.stages if stage.compute]
    body = _any_batch("\n".join(computed), result.batch_size)
    if multihead:
        readout = ["    return attention, torch.log_softmax(readout(output), dim=-1)"]
    else:
        readout = [
            f"    votes = torch.softmax(readout(inputs), dim=-1)  # {words['votes']}",
            f"    return attention, torch.log((attention @ votes).clamp_min({TINY!r}))",
        ]
    scope = words["visible"] if settings.task == "alphabetical" and config.causal else ""
    lines = [
        f'# {words["task"]} "{settings.task}": {tasks[settings.task]}{scope}.',
        f"torch.set_num_threads(1)  # {words['threads']}",
        f"seed, steps, learning_rate, batch_size = {config.seed}, {settings.steps}, "
        f"{settings.learning_rate!r}, {BATCH_SIZE}",
        f"rate_changes = {dict(settings.rate_changes)!r}",
        "V, L = len(vocabulary) + 1, longest",
        "lengths = np.array([len(sentence) for sentence in sentences])",
        "",
        f"# {words['trainable']}",
        "embeddings.requires_grad_(True)",
        "torch.manual_seed(seed)",
        f"readout = torch.nn.Linear({width}, V)",
        f"parameters = [{parameters}, *readout.parameters()]",
        "optimizer = torch.optim.Adam(parameters, lr=learning_rate)",
        "",
        _expected_keys(settings.task, config.causal, words),
        "",
        "def forward(token_ids):",
        f'    """{words["forward"]}"""',
        _indent(body),
        *readout,
        "",
        "",
        _LOOP.format(
            batches=words["batches"],
            changed=words["changed"],
            loss=words["loss"],
            report=words["report"],
            on_key="b, :, q, expected[b, q]" if multihead else "b, q, expected[b, q]",
        ),
        f"# {words['trained']}",
        "with torch.no_grad():",
        _indent("\n".join(computed)),
        "attention",
    ]
    return "\n".join(lines)


def _expected_keys(task: str, causal: bool, words: dict) -> str:
    """The notebook's ``expected_keys(batch, lengths)``, for one task."""
    head = (
        "def expected_keys(batch, lengths):\n"
        "    query = np.arange(batch.shape[1])[None, :]\n"
        f"    real = query < lengths[:, None]  # {words['padding']}\n"
    )
    if task != "alphabetical":
        return head + f"    return {_KEYS[task]}\n"
    scope, best = (
        (words["so_far"], "np.minimum.accumulate(place, axis=1)")
        if causal
        else ("", "place.min(axis=1, keepdims=True)")
    )
    alphabetical = _ALPHABETICAL.format(scope=scope, best=best, **words)
    return _RANKS.format(**words) + "\n\n" + head + alphabetical


def _any_batch(code: str, batch: int) -> str:
    """The stages' code for batches of any size: multi-head attention splits and joins its
    heads with ``.view(B, …)`` and ``.reshape(B, …)``, written for the B sentences shown."""
    return re.sub(rf"\.(view|reshape)\({batch}, ", r".\1(-1, ", code)


def _indent(code: str) -> str:
    return "\n".join("    " + line if line else line for line in code.splitlines())
