"""Torch's global RNG is used under one lock: building in two threads at once gives the
numbers of one thread, and the caller's generator state is left as it was."""

import threading

import torch

from model.config import ModelConfig
from model.pipeline import build_network
from model.tokenizer import encode, split_sentences
from model.training.loop import Trainer
from model.training.settings import TrainSettings

TEXT = "o mikas ta ali\neu gosto de batata frita\nexistem elefantes"
# Big enough that a build draws for a while, small enough for a quick test.
NETWORK = ModelConfig(seed=5, embedding_size=64, hidden_size=96, cell="lstm")
TRAINED = ModelConfig(seed=9, embedding_size=16, hidden_size=32, attention="multihead", heads=4)
ROUNDS = 60


def _network_weights() -> list[torch.Tensor]:
    network = build_network(NETWORK, 11, 40)
    return [p.detach().clone() for p in network.parameters()]


def _trainer_weights() -> list[torch.Tensor]:
    sentences = split_sentences(TEXT)
    vocabulary, _ = encode(sentences)
    trainer = Trainer(TRAINED, vocabulary, [len(s) for s in sentences], TrainSettings())
    parameters = [*trainer.network.parameters(), *trainer.readout.parameters()]
    return [p.detach().clone() for p in parameters]


def _same(a: list[torch.Tensor], b: list[torch.Tensor]) -> bool:
    return len(a) == len(b) and all(torch.equal(x, y) for x, y in zip(a, b, strict=True))


def test_concurrent_builds_give_the_single_threaded_numbers_and_leave_the_rng_alone():
    network_alone, trainer_alone = _network_weights(), _trainer_weights()
    torch.manual_seed(1234)
    before = torch.get_rng_state()
    wrong: list[str] = []
    start = threading.Barrier(2)

    def build(name, make, expected) -> None:
        start.wait()
        for _ in range(ROUNDS):
            if not _same(make(), expected):
                wrong.append(name)

    threads = [
        threading.Thread(target=build, args=("network", _network_weights, network_alone)),
        threading.Thread(target=build, args=("trainer", _trainer_weights, trainer_alone)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wrong == []
    assert torch.equal(torch.get_rng_state(), before)


def test_a_trainers_readout_is_the_notebooks_linear_layer_after_seeding():
    """The exported notebook builds ``torch.nn.Linear(width, V)`` right after seeding."""
    sentences = split_sentences(TEXT)
    vocabulary, _ = encode(sentences)
    trainer = Trainer(TRAINED, vocabulary, [len(s) for s in sentences], TrainSettings())
    state = torch.get_rng_state()
    torch.manual_seed(TRAINED.seed)
    expected = torch.nn.Linear(TRAINED.width, vocabulary.size)
    torch.set_rng_state(state)
    assert torch.equal(trainer.readout.weight, expected.weight)
    assert torch.equal(trainer.readout.bias, expected.bias)
