"""Shared by the content tests: the pseudo-locale in force for one test."""

from __future__ import annotations

import pytest

from exback_kit.content import language


@pytest.fixture
def pseudo():
    """Speak the pseudo-locale ``xx`` for the test, English after it."""
    language.choose(language.PSEUDO)
    yield
    language.choose(language.ENGLISH)
