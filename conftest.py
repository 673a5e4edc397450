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

_HOME = tempfile.mkdtemp(prefix="exback-nbval-")
os.environ["EXBACK_HOME"] = _HOME
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "xdg")
os.environ.pop("EXBACK_JOURNAL", None)
# Never the person's own keyring either (a desktop's could show a prompt, or hand a remembered
# key to a test): tests that need one set their own (keyring.set_keyring, or this variable
# in a child's environment).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"


def pytest_sessionfinish(session: Any, exitstatus: int) -> None:
    """Remove the throwaway journal folder."""
    shutil.rmtree(_HOME, ignore_errors=True)
