"""The head detectors as notebook code: the last cells of the notebook of a model with heads.

They draw the seeded probe (the ``induction`` task's sequences at its ``PROBE`` step, see
:mod:`model.analysis.probe`), run the stages' own code on it, with the switched-off heads
off, and score every head with the four detectors of :mod:`model.analysis.detectors`,
spelled out in numpy.  The induction task's draw is one function, ``induction_batch``, that
the training cell of that task (:mod:`model.training.export`) writes too.
"""

from __future__ import annotations

from model.analysis.detectors import THRESHOLD
from model.analysis.probe import probe_size
from model.explanations import code_comments
from model.notebook import any_batch, block_loop
from model.numbers import format_number
from model.stages import PipelineResult
from model.training.tasks import PROBE

INDUCTION_BATCH = "def induction_batch("  # how a cell starts the function below

# The induction task's batch (model.training.tasks.induction_batch), draw for draw.
_INDUCTION_BATCH = '''def induction_batch(seed, step, V, L, size):
    """{doc}"""
    rng = np.random.default_rng([seed, step])
    batch = rng.integers(1, V, size=(size, L))
    for row in range(size):
        span = int(rng.integers(2, L // 2 + 1))  # {span}
        first = int(rng.integers(0, L - 2 * span + 1))  # {first}
        second = int(rng.integers(first + span, L - span + 1))  # {second}
        batch[row, second : second + span] = batch[row, first : first + span]
    return batch
'''

# The detectors (model.analysis.detectors.key_sets and head_scores) on the probe, which has
# no padding: every sequence is L words long.
_PROBE = '''\
{batch}# {draw}
seed, V, L, size = {seed}, len(vocabulary) + 1, longest, {size}
probe = induction_batch(seed, {step}, V, L, size)


def attention_maps(token_ids):
    """{maps}"""
{body}


with torch.no_grad():
    maps = attention_maps(torch.from_numpy(probe)).double().numpy()

# {looks_for}
query, key = np.arange(L)[:, None], np.arange(L)[None, :]
same = (probe[:, :, None] == probe[:, None, :]) & (key < query)  # {same}
after_same = np.zeros_like(same)
after_same[:, :, 1:] = same[:, :, :-1]  # {after}
looks_for = {{
    "previous": np.broadcast_to(key == query - 1, same.shape),
    "first": np.broadcast_to((key == 0) & (query > 0), same.shape),
    "duplicate": same,
    "induction": after_same,
}}
detector_scores = {{}}  # {mean}
for name, wanted in looks_for.items():
    shown = wanted.any(axis=2)  # {shown}
    on_wanted = (maps * wanted[:, None, None]).sum(axis=-1)  # {on_wanted}
    detector_scores[name] = on_wanted.transpose(1, 2, 0, 3)[:, :, shown].mean(axis=-1)

print(f"{{'layer':>5}} {{'head':>5}}" + "".join(f"{{name:>11}}" for name in looks_for))
for layer in range(maps.shape[1]):
    for head in range(maps.shape[2]):
        row = "".join(f"{{detector_scores[name][layer, head]:11.4f}}" for name in looks_for)
        print(f"{{layer:5d}} {{head:5d}}{{row}}")'''

_DETECTOR_TEXTS = {
    "en": {
        "doc": "size sequences of L random words (ids 1 … V - 1) in which a segment of "
        "2 … L/2 words comes back later",
        "span": "the segment's length",
        "first": "where it first appears",
        "second": "where it comes back",
        "draw": "the probe: sequences of the induction task, drawn from the seed alone at a "
        "step no training takes",
        "maps": "The stages above on a batch of ids: every head's attention, "
        "(B, layers, heads, L, L).",
        "one_layer": "one layer",
        "looks_for": "the keys each detector looks for: [b, i, j] is True when key j counts "
        "for query i",
        "same": "earlier copies of the query's own word",
        "after": "the word right after each earlier copy",
        "mean": "(layers, heads): the mean over the queries that can show it",
        "shown": "(B, L): the queries that can show it",
        "on_wanted": "(B, layers, heads, L): each query's weight on those keys",
        "heading": "## What each head does: the head detectors\n\n"
        "The app reads every head with four detectors, on a *probe*: {size} sequences of {L} "
        "random words of this vocabulary, each with a segment that comes back later. The probe "
        "is drawn from the seed alone, like a batch of the induction task at step {step}, a "
        "step no training takes: every run with this seed, vocabulary and length reads the "
        "same sequences. A detector's score is the mean weight a head puts on the keys it "
        "looks for, over the queries that can show it:\n\n"
        "- **previous**: the word just before the query (every query but the first);\n"
        "- **first**: the first word of the sequence (every query but the first, which would "
        "be looking at itself);\n"
        "- **duplicate**: earlier copies of the query's own word (the queries whose word came "
        "before);\n"
        "- **induction**: the words that followed those copies (the same queries): at "
        '"Harry Potter … Harry", the weight on "Potter". An induction head bets that what '
        "followed the word last time follows it again.\n\n"
        "A score near 1 says the head does just that; the app labels a head by its strongest "
        "detector when that one is above {threshold}. The table below gives the scores the "
        "app shows.",
        "off": " Switched-off heads stay off here, as in the app: a head after them sees only "
        "what the others write.",
    },
    "pt": {
        "doc": "size sequências de L palavras aleatórias (ids 1 … V - 1) em que um trecho de "
        "2 … L/2 palavras volta mais adiante",
        "span": "o tamanho do trecho",
        "first": "onde ele aparece primeiro",
        "second": "onde ele volta",
        "draw": "a sonda: sequências da tarefa de indução, sorteadas só a partir da semente, "
        "num passo que nenhum treino dá",
        "maps": "Os estágios acima num lote de ids: a atenção de cada cabeça, "
        "(B, camadas, cabeças, L, L).",
        "one_layer": "uma camada",
        "looks_for": "as keys que cada detector procura: [b, i, j] é True quando a key j "
        "conta para a consulta i",
        "same": "cópias anteriores da própria palavra da consulta",
        "after": "a palavra logo depois de cada cópia anterior",
        "mean": "(camadas, cabeças): a média entre as consultas que podem mostrá-lo",
        "shown": "(B, L): as consultas que podem mostrá-lo",
        "on_wanted": "(B, camadas, cabeças, L): o peso de cada consulta nessas keys",
        "heading": "## O que cada cabeça faz: os detectores de cabeças\n\n"
        "O app lê cada cabeça com quatro detectores, numa *sonda*: {size} sequências de {L} "
        "palavras aleatórias deste vocabulário, cada uma com um trecho que volta mais adiante. "
        "A sonda é sorteada só a partir da semente, como um lote da tarefa de indução no passo "
        "{step}, um passo que nenhum treino dá: toda execução com esta semente, este "
        "vocabulário e este tamanho lê as mesmas sequências. A pontuação de um detector é o "
        "peso médio que uma cabeça põe nas keys que ele procura, entre as consultas que podem "
        "mostrá-lo:\n\n"
        "- **previous** (anterior): a palavra logo antes da consulta (toda consulta menos a "
        "primeira);\n"
        "- **first** (primeira): a primeira palavra da sequência (toda consulta menos a "
        "primeira, que estaria olhando para si mesma);\n"
        "- **duplicate** (duplicada): cópias anteriores da própria palavra da consulta (as "
        "consultas cuja palavra já apareceu);\n"
        "- **induction** (indução): as palavras que vieram depois dessas cópias (as mesmas "
        'consultas): em "Harry Potter … Harry", o peso em "Potter". Uma cabeça de indução '
        "aposta que o que veio depois da palavra da última vez virá de novo.\n\n"
        "Uma pontuação perto de 1 diz que a cabeça faz exatamente isso; o app rotula uma "
        "cabeça pelo seu detector mais forte quando ele passa de {threshold}. A tabela abaixo "
        "dá as pontuações que o app mostra.",
        "off": " As cabeças desligadas continuam desligadas aqui, como no app: uma cabeça "
        "depois delas vê só o que as outras escrevem.",
    },
}


def induction_batch_code(language: str = "en") -> str:
    """The notebook's ``induction_batch(seed, step, V, L, size)``: the induction task's
    sequences, the same draws as :func:`model.training.tasks.induction_batch`."""
    return _INDUCTION_BATCH.format(**_DETECTOR_TEXTS.get(language, _DETECTOR_TEXTS["en"]))


def probe_code(result: PipelineResult, language: str = "en", defined: bool = False) -> str:
    """The cell that scores every head as :func:`model.analysis.probe.probe_scores` does:
    the seeded probe, the stages on it (switched-off heads off) and the four detectors, as a
    table.  ``defined``: an earlier cell (the induction task's) wrote ``induction_batch``."""
    words = _DETECTOR_TEXTS.get(language, _DETECTOR_TEXTS["en"])
    stages = result.stages
    blocks = [stage for stage in stages if stage.per_layer]
    if blocks:
        lines = [s.compute for s in stages[: stages.index(blocks[0])] if s.compute]
        lines += [f"z = {result.with_role('encoder').key}", "maps = []"]
        lines.append(block_loop(blocks, keep="maps.append(attention)"))
        returned = "return torch.stack(maps, dim=1)"
    else:
        end = stages.index(result.with_role("attention"))
        lines = [s.compute for s in stages[: end + 1] if s.compute]
        returned = f"return attention[:, None]  # {words['one_layer']}"
    body = any_batch("\n".join([*lines, returned]), result.batch_size)
    code = _PROBE.format(
        seed=result.config.seed,
        size=probe_size(result.token_ids.shape[1]),
        batch="" if defined else induction_batch_code(language) + "\n\n",
        step=_power(PROBE),
        body="\n".join("    " + line if line else line for line in body.splitlines()),
        **words,
    )
    return code_comments(code, language)


def probe_text(result: PipelineResult, language: str) -> str:
    """The markdown before :func:`probe_code`: what the probe is and what each detector means."""
    words = _DETECTOR_TEXTS.get(language, _DETECTOR_TEXTS["en"])
    length = result.token_ids.shape[1]
    text = words["heading"].format(
        size=probe_size(length),
        L=length,
        step=_power(PROBE),
        threshold=format_number(THRESHOLD, language),
    )
    return text + (words["off"] if result.config.ablated else "")


def _power(number: int) -> str:
    """``2**40`` rather than 1099511627776, when it is a power of two."""
    exponent = number.bit_length() - 1
    return f"2**{exponent}" if number == 2**exponent else str(number)
