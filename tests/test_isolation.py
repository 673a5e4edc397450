"""The test run never reaches the person's own journal folder or OS keyring."""

from __future__ import annotations

import os
import subprocess
import sys


def test_the_run_uses_no_os_keyring_and_its_children_inherit_that():
    import keyring
    from keyring.backends import fail

    assert os.environ["PYTHON_KEYRING_BACKEND"] == "keyring.backends.fail.Keyring"
    child = subprocess.run(
        [sys.executable, "-c", "import keyring; print(type(keyring.get_keyring()).__module__)"],
        capture_output=True, text=True, check=True)
    assert child.stdout.strip() == "keyring.backends.fail"
    keyring.core.init_backend()  # what a fresh process (or a kernel) would pick
    assert isinstance(keyring.get_keyring(), fail.Keyring)
