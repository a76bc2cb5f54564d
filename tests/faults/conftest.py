"""What every fault test needs before it starts."""

from __future__ import annotations

import gc
import warnings

import pytest


@pytest.fixture(autouse=True)
def earlier_garbage_collected() -> None:
    """Collect what earlier tests left behind before a fault test starts.

    A socket transport that an earlier in-process test left unclosed is finalised whenever a
    full collection happens to run, and pytest blames the test running then. The fault tests
    allocate heavily (thousands of requests), so they are the ones that trigger it (seen in CI:
    "unclosed transport" failing the PostgreSQL restart test, which passes alone). Collected
    here with its ResourceWarning ignored, that garbage is blamed on no one; a leak of the fault
    test's own still fails it.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()
