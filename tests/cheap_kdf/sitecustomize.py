"""Test-only: child processes of the test run wrap keys at the tests' cheap scrypt cost.

The root conftest.py puts this folder on PYTHONPATH and sets EXBACK_TESTS_SCRYPT_N for
the run, so an `exback` started by a test re-wraps nothing and unlocks in milliseconds.
It lives under tests/, which the wheel does not ship, and the kit itself reads no such
variable: the product's cost is always keys.SCRYPT_N as written (a test asserts it).
"""

import os

if os.environ.get("EXBACK_TESTS_SCRYPT_N"):
    try:
        from exback_kit.store import keys
    except ImportError:  # a child that isn't the kit's Python
        pass
    else:
        # An xdist worker is such a child too: its real_kdf tests put the product's cost back.
        os.environ["EXBACK_TESTS_PRODUCT_SCRYPT_N"] = str(keys.SCRYPT_N)
        keys.SCRYPT_N = int(os.environ["EXBACK_TESTS_SCRYPT_N"])
