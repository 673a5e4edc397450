"""Every pytest run here uses a throwaway journal folder, never the person's own.

It matters most for `pytest --nbval-lax --nbval-current-env notebooks/`: nbval
starts kernels from this process and they inherit its environment, so
EXBACK_HOME points at a temporary folder made here, removed when the session
ends, and keyring is told to use no keyring. (tests/conftest.py also gives each test its own folder.) This file sits
at the repository root, not in notebooks/, so the wheel's notebooks ship
without it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from typing import Any

import pytest

_HOME = tempfile.mkdtemp(prefix="exback-nbval-")
os.environ["EXBACK_HOME"] = _HOME
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "xdg")
os.environ.pop("EXBACK_JOURNAL", None)
# Never the person's own keyring either (a desktop's could show a prompt, or hand a remembered
# key to a test): tests that need one set their own (keyring.set_keyring, or this variable
# in a child's environment).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
# Locked journals made by tests wrap their key cheaply (the product's cost, scrypt n=2**17,
# is ~0.5-1 s a wrap): in this process by the fixture below, in child processes (`exback`,
# kernels) by tests/cheap_kdf/sitecustomize.py. A test marked real_kdf gets the real cost.
CHEAP_SCRYPT_N = 2**10
_CHEAP_KDF = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tests", "cheap_kdf")
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (_CHEAP_KDF, os.environ.get("PYTHONPATH", "")) if p)
os.environ["EXBACK_TESTS_SCRYPT_N"] = str(CHEAP_SCRYPT_N)


@pytest.fixture(autouse=True)
def _cheap_kdf(request: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Wrap keys at the cheap cost, unless the test is marked real_kdf (then children too)."""
    from exback_kit.store import keys

    if request.node.get_closest_marker("real_kdf") is None:
        monkeypatch.setattr(keys, "SCRYPT_N", CHEAP_SCRYPT_N)
    else:
        monkeypatch.delenv("EXBACK_TESTS_SCRYPT_N")
        product = os.environ.get("EXBACK_TESTS_PRODUCT_SCRYPT_N")  # set in an xdist worker
        if product is not None:
            monkeypatch.setattr(keys, "SCRYPT_N", int(product))


def pytest_sessionfinish(session: Any, exitstatus: int) -> None:
    """Remove the throwaway journal folder."""
    shutil.rmtree(_HOME, ignore_errors=True)
