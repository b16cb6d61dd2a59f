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


def sinusoids(length, size):
    """positions[p, i] = sin(p / 10000 ** (2 * (i // 2) / E)) for even i, cos(...) for odd i."""
    p = np.arange(length)[:, None]
    i = np.arange(size)[None, :]
    angle = p / 10000 ** (2 * (i // 2) / size)
    return torch.tensor(np.where(i % 2 == 0, np.sin(angle), np.cos(angle)), dtype=torch.float32)


def _seeded_start(text, seed, embedding_size, hidden_size, cell, nonlinearity):
    """Parts 2 and 3's common beginning: ids, inputs, then (after ``torch.manual_seed``)
    the recurrent cell (None without one) and the Linear layer drawn in every mode.
    Returns the ids, the inputs, the cell, its width d and the vocabulary."""
    sentences = [line.split() for line in text.splitlines() if line.strip()]
    vocab = {}
    for sentence in sentences:
        for word in sentence:
            vocab.setdefault(word, len(vocab) + 1)
    length = max(len(s) for s in sentences)
    ids = torch.LongTensor([[vocab[w] for w in s] + [0] * (length - len(s)) for s in sentences])
    embeddings = torch.Tensor(
        np.random.RandomState(seed).random_sample((len(vocab) + 1, embedding_size))
    )
    inputs = embeddings[ids]
    torch.manual_seed(seed)
    rnn = None
    if cell != "none":
        kinds = {"rnn": torch.nn.RNN, "gru": torch.nn.GRU, "lstm": torch.nn.LSTM}
        extra = {"nonlinearity": nonlinearity} if cell == "rnn" else {}
        rnn = kinds[cell](embedding_size, hidden_size, batch_first=True, **extra)
    d = embedding_size if cell == "none" else hidden_size
    torch.nn.Linear(d, length, bias=False)  # drawn in every mode
    return ids, inputs, rnn, d, vocab


def multihead(
    text,
    seed=0,
    embedding_size=10,
    hidden_size=4,
    cell="rnn",
    nonlinearity="tanh",
    heads=2,
    mask_padding=False,
    causal=False,
    temperature=1.0,
    by_hand=False,
):
    """Multi-head attention as the design's part 2 fixes it.

    At temperature 1 (and unless ``by_hand``) the weights come from
    ``torch.nn.MultiheadAttention``'s own forward; otherwise they are computed by hand from
    that module's weights.  Padding query rows are set to 0 afterwards when masking.
    """
    ids, inputs, rnn, d, vocab = _seeded_start(
        text, seed, embedding_size, hidden_size, cell, nonlinearity
    )
    length = ids.shape[1]
    mha = torch.nn.MultiheadAttention(d, heads, bias=False, batch_first=True)
    out = {"token_ids": ids.numpy(), "inputs": inputs.numpy()}
    if cell == "none":
        positions = sinusoids(length, embedding_size)
        x = inputs + positions
        out["positions"], out["encoded"] = positions.numpy(), x.numpy()
    else:
        x = rnn(inputs)[0]
        out["rnn_output"] = x.detach().numpy()
    pad = ids == 0
    future = torch.triu(torch.ones(length, length, dtype=torch.bool), 1)
    if temperature == 1.0 and not by_hand:
        output, weights = mha(
            x,
            x,
            x,
            key_padding_mask=pad if mask_padding else None,
            attn_mask=future if causal else None,
            average_attn_weights=False,
        )
        weights = weights.detach().clone()
    else:
        b, dh = x.shape[0], d // heads
        w_q, w_k, w_v = mha.in_proj_weight.detach().chunk(3)
        q = (x @ w_q.T).view(b, length, heads, dh).transpose(1, 2)
        k = (x @ w_k.T).view(b, length, heads, dh).transpose(1, 2)
        v = (x @ w_v.T).view(b, length, heads, dh).transpose(1, 2)
        logits = (q @ k.transpose(-1, -2) / math.sqrt(dh)) / temperature
        if mask_padding:
            logits = logits.masked_fill(pad[:, None, None, :], float("-inf"))
        if causal:
            logits = logits.masked_fill(future, float("-inf"))
        weights = torch.softmax(logits, dim=-1).detach().clone()
        context = (weights @ v).transpose(1, 2).reshape(b, length, d)
        output = mha.out_proj(context)
        out["queries"], out["keys"] = q.detach().numpy(), k.detach().numpy()
        out["values"] = v.detach().numpy()
    if mask_padding:
        weights[pad[:, None, :, None].expand_as(weights)] = 0.0
    out["attention"] = weights.numpy()
    out["output"] = output.detach().numpy()
    return out


def transformer(
    text,
    seed=0,
    embedding_size=10,
    hidden_size=4,
    cell="rnn",
    nonlinearity="tanh",
    heads=2,
    layers=2,
    mask_padding=False,
    causal=False,
    ablated=(),
):
    """The tiny GPT as the design's part 3 fixes it, run by the blocks' own forward.

    A head switched off (``ablated``, ``(layer, head)`` pairs) has its columns of the
    block's output projection set to 0: what it gathered reaches nothing after it.

    Each block is ``torch.nn.TransformerEncoderLayer`` called as a whole (in training mode,
    so that its fast path is not taken; dropout is 0).  Its attention weights, per head,
    come from its own ``self_attn`` on its own first norm; padding query rows are set to 0
    afterwards when masking, as in every mode.
    """
    ids, inputs, rnn, d, vocab = _seeded_start(
        text, seed, embedding_size, hidden_size, cell, nonlinearity
    )
    length = ids.shape[1]
    blocks = [
        torch.nn.TransformerEncoderLayer(
            d, heads, 4 * d, dropout=0.0, activation="gelu", batch_first=True, norm_first=True
        )
        for _ in range(layers)
    ]
    final_norm = torch.nn.LayerNorm(d)
    lm_head = torch.nn.Linear(d, len(vocab) + 1, bias=False)
    width = d // heads
    with torch.no_grad():
        for layer, head in ablated:
            blocks[layer].self_attn.out_proj.weight[:, head * width : (head + 1) * width] = 0
    x = inputs + sinusoids(length, embedding_size) if cell == "none" else rnn(inputs)[0]
    pad = ids == 0
    future = torch.triu(torch.ones(length, length, dtype=torch.bool), 1)
    key_mask = pad if mask_padding else None
    attn_mask = future if causal else None
    out = {"normed": [], "attention": [], "block_output": []}
    z = x
    with torch.no_grad():
        for block in blocks:
            block.train()
            normed = block.norm1(z)
            _, weights = block.self_attn(
                normed,
                normed,
                normed,
                key_padding_mask=key_mask,
                attn_mask=attn_mask,
                average_attn_weights=False,
            )
            if mask_padding:
                weights = weights.masked_fill(pad[:, None, :, None], 0.0)
            z = block(z, src_mask=attn_mask, src_key_padding_mask=key_mask)
            out["normed"].append(normed)
            out["attention"].append(weights)
            out["block_output"].append(z)
        out = {key: torch.stack(values, dim=1).numpy() for key, values in out.items()}
        out["final_norm"] = final_norm(z).numpy()
        out["logits"] = lm_head(final_norm(z)).numpy()
    return out
