"""What every benchmark reports about where it ran, and how it isolates a measured run.

Shared by the synthesis benchmarks: the machine line, the load average around a run, the memory of the process
that did the work (its peak, and the figures of /proc/self/status), and a fresh spawned process per measured run
(so its peak is its own).
"""

from __future__ import annotations

import multiprocessing
import os
import platform
import resource
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports `ru_maxrss` in kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def status_mb(field: str) -> float:
    """A memory figure of this process from /proc/self/status (`VmRSS`, `VmHWM`…), in MB (0 where /proc is absent)."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def load_average() -> str:
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "?"


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def machine_line() -> str:
    return (
        f"Machine: {multiprocessing.cpu_count()} cores, {platform.machine()}, {cpu_model()}, "
        f"Python {platform.python_version()}"
    )


def in_fresh_process(function: Callable[..., Any], *args: Any) -> Any:
    """`function(*args)` in a new spawned process: its memory peak and imports start from nothing."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(function, *args).result()
