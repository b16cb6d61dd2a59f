"""A tiny timer for the benchmarks: they print figures and never fail on speed."""

import statistics
import time


def measure(function, repeat: int = 5, warmup: int = 1) -> dict[str, float]:
    """Call ``function`` ``warmup + repeat`` times; return min/median/max in milliseconds."""
    for _ in range(warmup):
        function()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return {"min": min(times), "median": statistics.median(times), "max": max(times)}


def report(label: str, figures: dict[str, float]) -> str:
    return (
        f"{label:<48} median {figures['median']:10.2f} ms   "
        f"(min {figures['min']:.2f}, max {figures['max']:.2f})"
    )
