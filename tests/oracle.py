"""The notebook's code, kept literally, as the oracle the model is compared against.

This is the code of "Estudo de Self-Attention" with the seeding and modes fixed by the
design notes.  It is deliberately written the notebook's way (global seeds, in-place
masking) and shares nothing with ``model/``.
"""

import math

import numpy as np
import torch


def notebook(
    text,
    seed=0,
    embedding_size=10,
    hidden_size=4,
    cell="rnn",
    nonlinearity="tanh",
    attention="linear",
    mask_padding=False,
    temperature=1.0,
):
    sentences = [line.split() for line in text.splitlines() if line.strip()]
    vocab = {}
    for sentence in sentences:
        for word in sentence:
            if word not in vocab:
                vocab[word] = len(vocab) + 1
    max_sentence_len = max(len(s) for s in sentences)
    sentence_matrix = torch.LongTensor(
        [[vocab[w] for w in s] + [0] * (max_sentence_len - len(s)) for s in sentences]
    )

    vocab_size = len(vocab) + 1
    np.random.seed(seed)
    embeddings = np.random.random((vocab_size, embedding_size))
    embeddings = torch.Tensor(embeddings)
    input_matrix = embeddings[sentence_matrix]

    torch.manual_seed(seed)
    if cell == "rnn":
        rnn = torch.nn.RNN(
            input_size=embedding_size,
            hidden_size=hidden_size,
            batch_first=True,
            nonlinearity=nonlinearity,
        )
    elif cell == "gru":
        rnn = torch.nn.GRU(input_size=embedding_size, hidden_size=hidden_size, batch_first=True)
    else:
        rnn = torch.nn.LSTM(input_size=embedding_size, hidden_size=hidden_size, batch_first=True)
    linear = torch.nn.Linear(hidden_size, max_sentence_len, bias=False)
    output, _ = rnn(input_matrix)
    if attention == "linear":
        linear_output = linear(output)
    else:
        linear_output = output @ output.transpose(1, 2) / math.sqrt(hidden_size)

    logits = linear_output / temperature
    if mask_padding:
        pad = sentence_matrix == 0
        logits = logits.clone()
        for b in range(logits.shape[0]):
            logits[b][:, pad[b]] = float("-inf")
    weights = torch.nn.functional.softmax(logits, dim=-1)
    if mask_padding:
        for b in range(weights.shape[0]):
            weights[b][pad[b], :] = 0.0

    return {
        "vocabulary": ["<pad>", *vocab],
        "token_ids": sentence_matrix.numpy(),
        "embeddings": embeddings.numpy(),
        "inputs": input_matrix.numpy(),
        "rnn_output": output.detach().numpy(),
        "scores": linear_output.detach().numpy(),
        "attention": weights.detach().numpy(),
    }
