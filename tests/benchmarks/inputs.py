"""The inputs the benchmarks run on."""

NOTEBOOK = "o mikas ta ali\neu gosto de batata frita\nexistem elefantes"


def sentences(count: int, length: int) -> str:
    """``count`` sentences of ``length`` tokens over a vocabulary of up to 5,000 words."""
    return "\n".join(
        " ".join(f"w{(i * 31 + j) % 5000}" for j in range(length)) for i in range(count)
    )
