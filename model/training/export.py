"""The training loop as notebook code, to follow the exported notebook's stage cells.

The stage cells have built the seeded layers and computed the untrained stages on the
sentences (``token_ids``, ``embeddings``, ``rnn``, ``linear``, ``mha`` …).  The code made here
trains those very layers, with a readout, on the same batches, at the same learning rate and
for the same number of steps as the app (see :mod:`model.training.loop`), then reruns the
stages' own ``compute`` lines on ``token_ids``: the final ``attention`` is the app's trained
attention.  A transformer reads out with its own next-word head, runs its block stages in
the loop over blocks (see :mod:`model.notebook`) and, in the ``next`` task, trains on the
sentences themselves; the ``induction`` task draws sequences with a repeated segment.
Training uses every head, as the app does: heads switched off are off only in the stages'
own code, which reads the trained weights.  Everything is spelled out: the notebook imports
nothing from this project.
"""

from __future__ import annotations

from dataclasses import replace

from model.analysis.detector_cells import induction_batch_code
from model.architectures import Sizes
from model.architectures.network import stage_specs
from model.notebook import BLOCKS, any_batch, block_loop, stacked
from model.stages import PipelineResult, Stage
from model.training.loop import BATCH_SIZE, TINY
from model.training.settings import TrainSettings
from model.training.tasks import INDUCTION

_TASKS = {
    "en": {
        "previous": "every word learns to say the word just before it (key i - 1)",
        "copy": "every word learns to say itself (key i)",
        "first": "every word learns to say the first word of its sentence (key 0)",
        "alphabetical": "every word learns to say the word of its sentence that comes first "
        "in alphabetical order",
        "next": "every word of a sentence learns to say the word after it (the last word, <pad>)",
        "induction": "every word seen before learns to say the word that followed it last "
        "time (the key after its latest earlier copy; a new word has no key)",
    },
    "pt": {
        "previous": "cada palavra aprende a dizer a palavra logo antes dela (key i - 1)",
        "copy": "cada palavra aprende a dizer a si mesma (key i)",
        "first": "cada palavra aprende a dizer a primeira palavra da sua sentença (key 0)",
        "alphabetical": "cada palavra aprende a dizer a palavra da sua sentença que vem "
        "primeiro em ordem alfabética",
        "next": "cada palavra de uma sentença aprende a dizer a palavra seguinte (a última, <pad>)",
        "induction": "cada palavra que já apareceu aprende a dizer a palavra que veio depois "
        "dela da última vez (a key logo depois da sua cópia anterior mais recente; uma palavra "
        "nova não tem key)",
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
        "head": "the layers above become trainable; the next-word head says the token",
        "sentences": "the sentences themselves: all of them, or batch_size drawn at random",
        "following": "each word's target: the word after it, <pad> (0) after the last",
        "best_head": "the head that does the task best",
        "report_next": "step {steps}: loss {loss:.4f}, accuracy {accuracy:.3f}",
        "repeats": "each step draws fresh random sequences of L words, a segment of them repeated",
        "no_key": "a new word has no key: no target, no loss (-1)",
        "induction_keys": "The position after the latest earlier copy of each query's word; "
        "-1 where the word is new.",
        "seen": "the latest position of each word so far",
        "every_head": "every head trains, as in the app: the switched-off heads are off only "
        "in the stages again, after training",
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
        "head": "as camadas acima passam a ser treinadas; a cabeça de próxima palavra diz o token",
        "sentences": "as próprias sentenças: todas, ou batch_size sorteadas",
        "following": "o alvo de cada palavra: a palavra seguinte, <pad> (0) depois da última",
        "best_head": "a cabeça que melhor faz a tarefa",
        "report_next": "passo {steps}: perda {loss:.4f}, acerto {accuracy:.3f}",
        "repeats": "cada passo sorteia sequências aleatórias novas de L palavras, com um trecho "
        "repetido",
        "no_key": "uma palavra nova não tem key: nem alvo, nem perda (-1)",
        "induction_keys": "A posição logo depois da cópia anterior mais recente da palavra de "
        "cada consulta; -1 onde a palavra é nova.",
        "seen": "a última posição de cada palavra até aqui",
        "every_head": "todas as cabeças treinam, como no app: as cabeças desligadas ficam "
        "desligadas só nos estágios de novo, depois do treino",
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
{batch}
    attention, log_prediction = forward(torch.from_numpy(batch))
    loss = torch.nn.functional.nll_loss(  # {loss}
        log_prediction.reshape(-1, V), torch.from_numpy(targets).reshape(-1), ignore_index=-1,
        reduction="sum",
    ) / max(int((targets >= 0).sum()), 1)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
{measure}
if history:
    loss, {measured} = history[-1]
    print(f"{report}")
"""

_RANDOM_BATCH = """\
    # {batches}
    rng = np.random.default_rng([seed, step])
    batch_lengths = rng.choice(lengths, size=batch_size)
    batch = rng.integers(1, V, size=(batch_size, L))
    batch[np.arange(L)[None, :] >= batch_lengths[:, None]] = 0
    expected = expected_keys(batch, batch_lengths)
    targets = np.where(expected >= 0, np.take_along_axis(batch, np.maximum(expected, 0), 1), -1)"""

_INDUCTION_BATCH = """\
    # {repeats}
    batch = induction_batch(seed, step, V, L, batch_size)
    batch_lengths = np.full(batch_size, L)
    expected = expected_keys(batch, batch_lengths)
    # {no_key}
    targets = np.where(expected >= 0, np.take_along_axis(batch, np.maximum(expected, 0), 1), -1)"""

_INDUCTION_KEYS = '''\
def expected_keys(batch, lengths):
    """{induction_keys}"""
    keys = np.full(batch.shape, -1)
    for b, sequence in enumerate(batch):
        seen = {{}}  # {seen}
        for i, word in enumerate(sequence[: lengths[b]]):
            if word in seen:
                keys[b, i] = seen[word] + 1
            seen[word] = i
    return keys
'''

_SENTENCE_BATCH = """\
    # {sentences}
    chosen = np.arange(len(all_ids))
    if len(all_ids) > batch_size:
        chosen = np.sort(np.random.default_rng([seed, step]).choice(len(all_ids), batch_size,
                                                                    replace=False))
    batch, batch_lengths = all_ids[chosen], lengths[chosen]
    # {following}
    following = np.concatenate([batch[:, 1:], np.zeros((len(batch), 1), batch.dtype)], axis=1)
    targets = np.where(np.arange(L)[None, :] < batch_lengths[:, None], following, -1)"""

_ON_KEY = """\
    b, q = np.nonzero(expected >= 0)
    history.append((loss.item(), attention.detach()[{on_key}].mean().item()))"""

_BEST_HEAD = """\
    b, q = np.nonzero(expected >= 0)
    on_key = attention.detach()[b, :, :, q, expected[b, q]]  # (queries, layers, heads)
    history.append((loss.item(), on_key.mean(0).max().item()))  # {best_head}"""

_ACCURACY = """\
    scored = targets >= 0
    guess = log_prediction.detach().argmax(-1).numpy()
    history.append((loss.item(), float((guess[scored] == targets[scored]).mean())))"""


def training_code(result: PipelineResult, settings: TrainSettings, language: str = "en") -> str:
    """The code cell that trains the notebook's layers as the app trained them.

    ``result`` is the run the notebook shows (its sentences, settings and stage code).
    """
    words, tasks = _WORDS.get(language, _WORDS["en"]), _TASKS.get(language, _TASKS["en"])
    config = result.config
    transformer = config.attention == "transformer"
    forward, trained, readout = (_transformer if transformer else _one_layer)(result, words)
    scope = words["visible"] if settings.task == "alphabetical" and config.causal else ""
    sentences, induction = settings.task == "next", settings.task == INDUCTION
    if sentences:
        batch, measure, measured = _SENTENCE_BATCH, _ACCURACY, "accuracy"
    else:
        batch, measured = _INDUCTION_BATCH if induction else _RANDOM_BATCH, "weight"
        multihead = config.attention == "multihead"
        on_key = "b, :, q, expected[b, q]" if multihead else "b, q, expected[b, q]"
        measure = _BEST_HEAD if transformer else _ON_KEY.format(on_key=on_key)
    lines = [
        f'# {words["task"]} "{settings.task}": {tasks[settings.task]}{scope}.',
        f"torch.set_num_threads(1)  # {words['threads']}",
        f"seed, steps, learning_rate, batch_size = {config.seed}, {settings.steps}, "
        f"{settings.learning_rate!r}, {BATCH_SIZE}",
        f"rate_changes = {dict(settings.rate_changes)!r}",
        "V, L = len(vocabulary) + 1, longest",
        *([] if induction else ["lengths = np.array([len(sentence) for sentence in sentences])"]),
        *(["all_ids = np.array(ids, dtype=np.int64)"] if sentences else []),
        "",
        *readout,
        "optimizer = torch.optim.Adam(parameters, lr=learning_rate)",
        "",
        *([induction_batch_code(language), ""] if induction else []),
        *([] if sentences else [_expected_keys(settings.task, config.causal, words), ""]),
        *([f"# {words['every_head']}"] if config.ablated else []),
        "def forward(token_ids):",
        f'    """{words["forward"]}"""',
        forward,
        "",
        "",
        _LOOP.format(
            changed=words["changed"],
            loss=words["loss"],
            batch=batch.format(**words),
            measure=measure.format(**words),
            measured=measured,
            report=words["report_next" if sentences else "report"],
        ),
        f"# {words['trained']}",
        "with torch.no_grad():",
        _indent(trained),
        "attention",
    ]
    return "\n".join(lines)


def _one_layer(result: PipelineResult, words: dict) -> tuple[str, str, list[str]]:
    """The notebook's modes and multi-head attention: the forward function's body, the
    stages' code for the trained weights, and the readout and parameters to train."""
    config = result.config
    multihead = config.attention == "multihead"
    width = config.width if multihead else config.embedding_size
    # The layers the stage cells built; dot products build none of their own.
    layers = ["rnn"] if config.cell != "none" else []
    layers += {"linear": ["linear"], "dot": [], "multihead": ["linear", "mha"]}[config.attention]
    parameters = ", ".join(["embeddings", *(f"*{name}.parameters()" for name in layers)])
    computed = "\n".join(stage.compute for stage in result.stages if stage.compute)
    trains = "\n".join(stage.compute for stage in _every_head(result) if stage.compute)
    if multihead:
        returned = ["    return attention, torch.log_softmax(readout(output), dim=-1)"]
    else:
        returned = [
            f"    votes = torch.softmax(readout(inputs), dim=-1)  # {words['votes']}",
            f"    return attention, torch.log((attention @ votes).clamp_min({TINY!r}))",
        ]
    readout = [
        f"# {words['trainable']}",
        "embeddings.requires_grad_(True)",
        "torch.manual_seed(seed)",
        f"readout = torch.nn.Linear({width}, V)",
        f"parameters = [{parameters}, *readout.parameters()]",
    ]
    forward = "\n".join([_indent(any_batch(trains, result.batch_size)), *returned])
    return forward, computed, readout


def _transformer(result: PipelineResult, words: dict) -> tuple[str, str, list[str]]:
    """The transformer: its blocks run in the loop over blocks, and its next-word head reads
    out (no readout of its own); see :func:`_one_layer`."""
    config = result.config
    blocks = [stage for stage in result.stages if stage.per_layer]
    before = [s.compute for s in result.stages[: result.stages.index(blocks[0])] if s.compute]
    after = [s.compute for s in result.stages[result.stages.index(blocks[-1]) + 1 :]]
    stream = f"z = {result.with_role('encoder').key}"
    batch = result.batch_size
    every_head = [stage for stage in _every_head(result) if stage.per_layer]  # to train
    forward = [
        *before,
        stream,
        "maps = []",
        block_loop(every_head, keep="maps.append(attention)"),
        *after,
    ]
    returned = "    return torch.stack(maps, dim=1), torch.log_softmax(logits, dim=-1)"
    trained = [
        *before,
        stream,
        block_loop(blocks, collect=BLOCKS),
        *(stacked(stage.key) for stage in blocks),
        *after,
    ]
    layers = (["*rnn.parameters()"] if config.cell != "none" else []) + [
        "*linear.parameters()",
        "*(p for b in blocks for p in b.parameters())",
        "*ln_f.parameters()",
        "*lm_head.parameters()",
    ]
    readout = [
        f"# {words['head']}",
        "embeddings.requires_grad_(True)",
        f"parameters = [embeddings, {', '.join(layers)}]",
    ]
    code = _indent(any_batch("\n".join(forward), batch)) + "\n" + returned
    return code, "\n".join(trained), readout


def _expected_keys(task: str, causal: bool, words: dict) -> str:
    """The notebook's ``expected_keys(batch, lengths)``, for one task."""
    head = (
        "def expected_keys(batch, lengths):\n"
        "    query = np.arange(batch.shape[1])[None, :]\n"
        f"    real = query < lengths[:, None]  # {words['padding']}\n"
    )
    if task == INDUCTION:
        return _INDUCTION_KEYS.format(**words)
    if task != "alphabetical":
        return head + f"    return {_KEYS[task]}\n"
    scope, best = (
        (words["so_far"], "np.minimum.accumulate(place, axis=1)")
        if causal
        else ("", "place.min(axis=1, keepdims=True)")
    )
    alphabetical = _ALPHABETICAL.format(scope=scope, best=best, **words)
    return _RANKS.format(**words) + "\n\n" + head + alphabetical


def _every_head(result: PipelineResult) -> tuple[Stage, ...]:
    """The stages with every head on, as training runs them: the app trains every head, and
    switches heads off (``keep``, in the stages' own code) only to read trained weights."""
    if not result.config.ablated:
        return result.stages
    sizes = Sizes(result.batch_size, result.token_ids.shape[1], result.vocabulary.size)
    specs = {spec.key: spec for spec in stage_specs(result.config.with_every_head(), sizes)}
    return tuple(
        replace(stage, code=specs[stage.key].code, compute=specs[stage.key].compute)
        for stage in result.stages
    )


def _indent(code: str) -> str:
    return "\n".join("    " + line if line else line for line in code.splitlines())
