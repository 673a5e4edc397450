"""Output into a pipe whose reader has gone (``exback restore --list | head -1``).

Command-line tools stop quietly when the reader of their output leaves; Python would
print "Broken pipe", or an "Exception ignored" note at exit. The command's work is done
by then (a save happens before its confirmation is printed), so the exit status is 0.
"""

from __future__ import annotations

import os
import sys


def flushed(status: int) -> int:
    """Return ``status`` once everything printed has left (a closed pipe shows up here)."""
    sys.stdout.flush()
    return status


def reader_gone() -> int:
    """Silence the rest of the output (Python flushes it again at exit); return 0."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout is no file (tests capture it)
        pass
    return 0
