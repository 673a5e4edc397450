"""A kernel's session freezes what the imports made, once; a script or a test is left alone."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from types import SimpleNamespace

import pytest

from exback_kit import stages
from exback_kit.notebook import session


class ZMQInteractiveShell:
    """Stands in for ipykernel's shell: only its class name is looked at."""


@pytest.fixture
def unfrozen() -> Iterator[int]:
    before = gc.get_freeze_count()
    yield before
    gc.unfreeze()  # the test process goes on: give its objects back to the collector


def test_outside_a_kernel_nothing_is_frozen(unfrozen, mine):
    session.reset()
    session.session()
    assert "00_start_here" in stages.LAYOUTS
    assert gc.get_freeze_count() == unfrozen


def test_a_kernels_session_freezes_the_heap_once(unfrozen, mine, monkeypatch):
    session.reset()  # `mine` made this test's session outside a kernel
    monkeypatch.setitem(sys.modules, "IPython",
                        SimpleNamespace(get_ipython=lambda: ZMQInteractiveShell()))
    first = session.session()
    frozen = gc.get_freeze_count()
    assert frozen > unfrozen
    garbage = [[]]
    garbage[0].append(garbage)  # made after the freeze: a cycle the collector still frees
    del garbage
    assert gc.collect() >= 1
    assert session.session() is first and gc.get_freeze_count() == frozen
