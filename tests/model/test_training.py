"""Training: tasks and their expected keys, the trainer, and the exported training code."""

import json
import subprocess
import sys

import numpy as np
import pytest
import torch

from conftest import NOTEBOOK_SENTENCES
from model.config import ModelConfig
from model.errors import InputError
from model.notebook import notebook_json
from model.pipeline import run_pipeline
from model.tokenizer import encode, split_sentences
from model.training import tasks
from model.training.export import training_code
from model.training.loop import History, Trainer, converged, solved_without_attention, train
from model.training.settings import TrainSettings

SMALL = ModelConfig(embedding_size=16, hidden_size=32)
MODES = [
    ModelConfig(),
    ModelConfig(seed=3, cell="gru", attention="dot", mask_padding=True, temperature=0.7),
    ModelConfig(embedding_size=8, cell="none", attention="multihead", heads=2, causal=True),
    ModelConfig(hidden_size=6, cell="lstm", attention="multihead", heads=3, mask_padding=True),
]


def trainer(text=NOTEBOOK_SENTENCES, config=SMALL, **settings) -> Trainer:
    sentences = split_sentences(text)
    vocabulary, _ = encode(sentences)
    return Trainer(config, vocabulary, [len(s) for s in sentences], TrainSettings(**settings))


def weights(t: Trainer) -> list[torch.Tensor]:
    return [p.detach().clone() for p in [*t.network.parameters(), *t.readout.parameters()]]


def assert_same_state(a: Trainer, b: Trainer) -> None:
    assert a.steps_done == b.steps_done
    for x, y in zip(weights(a), weights(b), strict=True):
        assert torch.equal(x, y)
    for name in History.__annotations__:
        np.testing.assert_array_equal(getattr(a.history, name), getattr(b.history, name))


# --- tasks -------------------------------------------------------------------------------

IDS = np.array([[3, 1, 2, 1], [2, 4, 0, 0], [4, 0, 0, 0]])
LENGTHS = np.array([4, 2, 1])
RANKS = np.array([9, 2, 0, 3, 1])  # id 2 comes first alphabetically, then 4, 1, 3


@pytest.mark.parametrize(
    ("task", "causal", "expected"),
    [
        ("previous", False, [[-1, 0, 1, 2], [-1, 0, -1, -1], [-1, -1, -1, -1]]),
        ("copy", False, [[0, 1, 2, 3], [0, 1, -1, -1], [0, -1, -1, -1]]),
        ("first", False, [[0, 0, 0, 0], [0, 0, -1, -1], [0, -1, -1, -1]]),
        ("alphabetical", False, [[2, 2, 2, 2], [0, 0, -1, -1], [0, -1, -1, -1]]),
        ("alphabetical", True, [[0, 1, 2, 2], [0, 0, -1, -1], [0, -1, -1, -1]]),
    ],
)
def test_each_task_expects_its_key_and_nothing_of_padding(task, causal, expected):
    keys = tasks.expected_keys(task, IDS, LENGTHS, RANKS, causal)
    np.testing.assert_array_equal(keys, expected)
    found = tasks.targets(IDS, keys)
    np.testing.assert_array_equal(found >= 0, keys >= 0)
    rows, queries = np.nonzero(keys >= 0)
    np.testing.assert_array_equal(found[rows, queries], IDS[rows, keys[rows, queries]])


def test_alphabetical_order_ignores_case_first_and_ties_go_leftmost():
    ranks = tasks.alphabetical_ranks(("<pad>", "eu", "Batata", "abelha", "Eu"))
    np.testing.assert_array_equal(ranks, [5, 3, 1, 0, 2])
    keys = tasks.expected_keys("alphabetical", np.array([[1, 3, 2, 3]]), [4], ranks)
    np.testing.assert_array_equal(keys, [[1, 1, 1, 1]])


def test_batches_are_fresh_reproducible_and_over_the_vocabulary():
    ids, lengths = tasks.sample_batch(7, 12, 5, [1, 3], 200)
    again, _ = tasks.sample_batch(7, 12, 5, [1, 3], 200)
    other, _ = tasks.sample_batch(7, 13, 5, [1, 3], 200)
    assert ids.shape == (200, 3)
    np.testing.assert_array_equal(ids, again)
    assert not np.array_equal(ids, other)
    assert set(lengths) == {1, 3}
    real = np.arange(3)[None, :] < lengths[:, None]
    assert set(ids[real]) == {1, 2, 3, 4} and set(ids[~real]) == {0}


def test_the_app_is_told_which_modes_cannot_or_need_not_use_attention():
    rnn_heads = ModelConfig(attention="multihead")
    assert tasks.shortcut("previous", rnn_heads) == "shortcut_recurrent_values"
    assert tasks.shortcut("copy", rnn_heads) is None
    assert tasks.shortcut("previous", ModelConfig(attention="multihead", cell="none")) is None
    assert tasks.obstacle("previous", ModelConfig(attention="dot")) == "obstacle_dot_itself"
    assert tasks.obstacle("alphabetical", ModelConfig()) == "obstacle_linear_reads_past"
    assert tasks.obstacle("alphabetical", ModelConfig(causal=True)) is None
    assert tasks.obstacle("alphabetical", ModelConfig(cell="none")) == "obstacle_linear_no_content"
    assert tasks.obstacle("previous", ModelConfig()) is None


# --- the trainer -------------------------------------------------------------------------


@pytest.mark.parametrize("config", MODES, ids=["notebook", "gru-dot-mask", "heads-causal", "lstm"])
def test_step_zero_is_the_untrained_pipeline_and_training_runs(config):
    untrained = run_pipeline(NOTEBOOK_SENTENCES, config)
    t = trainer(config=config, task="alphabetical")
    before = run_pipeline(NOTEBOOK_SENTENCES, config, network=t.network_copy())
    for stage in untrained.stages:
        np.testing.assert_array_equal(before.stage(stage.key).values, stage.values)
    records = list(t.run(5))
    assert [r.step for r in records] == [1, 2, 3, 4, 5]
    assert all(np.isfinite(r.loss) and 0 <= r.expected_weight <= 1 for r in records)
    after = run_pipeline(NOTEBOOK_SENTENCES, config, network=t.network_copy())
    assert not np.array_equal(after.attention, untrained.attention)


def test_training_leaves_the_global_random_state_alone():
    torch_state, numpy_state = torch.get_rng_state(), np.random.get_state()
    list(trainer(config=MODES[2]).run(3))
    assert torch.equal(torch.get_rng_state(), torch_state)
    assert all(
        np.array_equal(a, b) for a, b in zip(np.random.get_state(), numpy_state, strict=True)
    )


def test_the_readout_is_seeded_like_the_notebook():
    torch.manual_seed(SMALL.seed)
    expected = torch.nn.Linear(SMALL.embedding_size, 12)
    readout = trainer().readout
    assert torch.equal(readout.weight, expected.weight) and torch.equal(readout.bias, expected.bias)


def test_two_runs_give_identical_tensors():
    a, b = trainer(config=MODES[3]), trainer(config=MODES[3])
    list(a.run(20)), list(b.run(20))
    assert_same_state(a, b)


def test_pause_step_resume_and_restore_equal_an_uninterrupted_run():
    whole = trainer()
    list(whole.run(40))
    parts = trainer()
    for record in parts.run(100):  # pause: stop consuming the generator
        if record.step == 15:
            break
    for _ in range(5):
        parts.step()
    saved = parts.snapshot()
    list(parts.run(20))
    assert_same_state(parts, whole)
    list(parts.run(7))
    parts.restore(saved)
    assert parts.steps_done == 20 and len(parts.history.loss) == 20
    list(parts.run(20))
    assert_same_state(parts, whole)


def test_a_new_learning_rate_carries_on_from_the_current_weights():
    t = trainer(learning_rate=0.01)
    initial = weights(t)
    list(t.run(20))
    before = weights(t)
    t.set_learning_rate(0.001)
    t.step()
    assert t.steps_done == 21
    assert t.optimizer.state_for(t.network.embeddings)["step"] == 21

    def distance(a, b):
        return max((x - y).abs().max().item() for x, y in zip(a, b, strict=True))

    # One Adam step moves a weight by at most about 3 × lr; a reset would undo 20 steps.
    assert 0 < distance(weights(t), before) < 0.0035 < 0.05 < distance(before, initial)
    np.testing.assert_array_equal(t.history.learning_rate, [0.01] * 20 + [0.001])
    with pytest.raises(InputError):
        t.set_learning_rate(0.0)


def test_the_rate_of_the_next_step_is_the_last_change_made_by_then():
    changes = ((3, 0.1), (8, 0.03))
    rates = [TrainSettings(steps=n, rate_changes=changes).current_rate for n in (0, 2, 3, 7, 8)]
    assert rates == [0.01, 0.01, 0.1, 0.1, 0.03]
    # Replayed, the steps take those rates: step k (from 0) at the rate current after k steps.
    t = trainer(steps=10, rate_changes=changes)
    list(t.run(10))
    expected = [TrainSettings(steps=k, rate_changes=changes).current_rate for k in range(10)]
    np.testing.assert_array_equal(t.history.learning_rate, expected)


def test_previous_in_the_notebooks_mode_learns_to_look_one_word_back():
    t = trainer(task="previous", steps=500)
    list(t.run(500))
    history = t.history
    assert history.loss[-50:].mean() * 5 <= history.loss[:10].mean()
    assert history.expected_weight[-50:].mean() >= 0.9  # on generated sentences
    result = run_pipeline(NOTEBOOK_SENTENCES, SMALL, network=t.network_copy())
    keys = t.record(result.token_ids, result.lengths).expected_keys
    rows, queries = np.nonzero(keys >= 0)
    assert result.attention[rows, queries, keys[rows, queries]].mean() >= 0.9
    assert converged(history) and not solved_without_attention(history)


def test_a_task_without_any_query_to_train_is_refused():
    with pytest.raises(InputError) as error:
        trainer(text="one\nword\neach", task="previous")
    assert error.value.code == "task_needs_longer_sentence"


def test_training_beyond_the_stage_budget_is_refused():
    heads = ModelConfig(embedding_size=64, cell="none", attention="multihead", heads=64)
    with pytest.raises(InputError) as error:
        trainer(text=" ".join(f"w{i}" for i in range(200)), config=heads)
    assert error.value.code == "training_too_large"


def test_the_auto_pause_and_honesty_rules():
    def history(loss, accuracy, weight):
        n = len(loss)
        return History(np.array(loss), np.full(n, accuracy), np.full(n, weight), np.ones(n))

    falling = np.linspace(3, 0.5, 100)
    assert not converged(history(falling, 0.5, 0.5))
    assert not converged(history(falling[:60], 0.5, 0.5))
    assert converged(history(np.full(100, 0.3), 0.8, 0.5))  # a plateau
    assert converged(history(np.r_[np.full(50, 2.0), np.full(50, 0.005)], 1.0, 1.0))
    # Induction's plateau comes before its drop (the phase change): it does not end training.
    plateau = history(np.full(300, 3.7), 0.05, 0.1)
    assert converged(plateau) and not converged(plateau, task="induction")
    dropped = history(np.r_[np.full(200, 3.7), np.linspace(3.7, 0.05, 50), np.full(100, 0.05)],
                      0.99, 0.98)  # fmt: skip
    assert converged(dropped, task="induction")
    assert solved_without_attention(history(np.full(60, 0.01), 1.0, 0.5))
    assert not solved_without_attention(history(np.full(60, 0.01), 1.0, 0.95))
    assert not solved_without_attention(history(np.full(60, 1.0), 0.6, 0.5))


def test_the_command_line_helper_returns_the_trained_stages():
    settings = TrainSettings("first", steps=12, learning_rate=0.03)
    result = train(NOTEBOOK_SENTENCES, MODES[2], settings)
    record = result.training
    assert (record.task, record.steps, record.learning_rate) == ("first", 12, 0.03)
    assert record.loss.shape == record.expected_weight.shape == record.accuracy.shape == (12,)
    assert record.expected_keys.shape == result.token_ids.shape
    assert (record.expected_keys[result.padding_mask] == -1).all()


# --- the exported notebook ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "task", "steps"),
    [
        (SMALL, "previous", 300),
        (MODES[1], "copy", 40),
        (MODES[2], "alphabetical", 40),
        (
            ModelConfig(hidden_size=6, attention="multihead", heads=3, mask_padding=True),
            "first",
            40,
        ),
        (
            ModelConfig(embedding_size=8, cell="none", attention="transformer", causal=True),
            "next",
            40,
        ),
        (
            ModelConfig(hidden_size=8, cell="gru", attention="transformer", layers=3, heads=4,
                        mask_padding=True),
            "previous",
            30,
        ),
    ],
    ids=["notebook", "gru-dot-mask", "heads-causal", "rnn-heads-mask", "gpt-next",
         "gru-gpt-previous"],
)  # fmt: skip
def test_the_exported_notebook_reproduces_the_trained_attention(tmp_path, config, task, steps):
    text = "o mikas ta ali\neu gosto de 'batata' \"frita\"\nexistem elefantes\nação é 日本"
    settings = TrainSettings(task, steps)
    result = train(text, config, settings)
    notebook = json.loads(notebook_json(result, "pt", training_code(result, settings, "pt")))
    code = "\n".join(c["source"] for c in notebook["cells"] if c["cell_type"] == "code")
    out = tmp_path / "attention.npy"
    script = code + f"\nnp.save({str(out)!r}, attention.detach().numpy())\n"
    subprocess.run([sys.executable, "-c", script], check=True, timeout=300, cwd=tmp_path)
    np.testing.assert_allclose(np.load(out), result.attention, rtol=0, atol=1e-4)


def test_the_apps_adam_is_torchs_adam_bit_for_bit():
    # The window trains with model.training.adam (torch's own would import its compiler on
    # the first step and freeze the window); the exported notebook uses torch.optim.Adam.
    import copy

    import torch

    from model.architectures import AttentionNetwork
    from model.training.adam import Adam

    for config in (
        ModelConfig(embedding_size=16, hidden_size=32),
        ModelConfig(attention="multihead"),
    ):
        ours = AttentionNetwork(config, 9, 5)
        theirs = copy.deepcopy(ours)
        optimizers = (
            Adam(ours.parameters(), lr=0.01),
            torch.optim.Adam(theirs.parameters(), lr=0.01),
        )
        ids = torch.randint(0, 9, (16, 5), generator=torch.Generator().manual_seed(1))
        for step in range(120):
            for network, optimizer in zip((ours, theirs), optimizers, strict=True):
                attention = network(ids)["attention"]
                loss = (
                    attention * torch.linspace(-1, 1, attention.numel()).view_as(attention)
                ).sum()
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            if step == 60:
                optimizers[0].param_groups[0]["lr"] = optimizers[1].param_groups[0]["lr"] = 0.03
        for a, b in zip(ours.parameters(), theirs.parameters(), strict=True):
            assert torch.equal(a, b)
