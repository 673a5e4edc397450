"""The lifetime of the JupyterLab / Voila server: it ends when `exback lab` / `app` ends.

Ctrl-C and SIGTERM stop the server in :func:`exback_kit.cli.launch.serve`. A ``kill -9``
of `exback lab` gives it no chance to, so on Linux the server is started through a
tiny launcher that asks the kernel for ``PR_SET_PDEATHSIG``: when its parent dies, for
whatever reason, the server gets SIGTERM and shuts its kernels down. The launcher then
checks the parent is still the one that started it (it may have died a moment before)
and ``exec``s the server, which keeps the setting. The launcher is a few lines given
to ``python -c`` rather than a ``preexec_fn``, which is unsafe once `exback lab` runs
its key hand-off thread.

Elsewhere (macOS, Windows) the server is started as before: there is no such signal,
and the key still never reaches the disk (see :mod:`exback_kit.store.handoff`).
"""

from __future__ import annotations

import os
import sys

from exback_kit.content import texts
from exback_kit.store.handoff import KeyHandoff

#: prctl's option number for "signal me when my parent dies" (linux/prctl.h).
PR_SET_PDEATHSIG = 1
_LAUNCHER = (
    "import ctypes, os, signal, sys\n"
    f"ctypes.CDLL(None, use_errno=True).prctl({PR_SET_PDEATHSIG}, signal.SIGTERM)\n"
    "if os.getppid() != int(sys.argv[1]):\n"
    "    sys.exit(1)\n"
    "os.execv(sys.argv[2], sys.argv[2:])\n"
)


def ends_with_us(argv: list[str]) -> list[str]:
    """Return the command that runs ``argv`` so that it ends when this process ends."""
    if not sys.platform.startswith("linux"):
        return list(argv)
    return [sys.executable, "-c", _LAUNCHER, str(os.getpid()), *argv]


def say_swept(handoff: KeyHandoff | None) -> None:
    """Tell the person when start-up removed hand-offs of a server that was killed."""
    if handoff is not None and handoff.swept:
        print(texts.say(texts.LAUNCH_SWEPT_HANDOFFS, count=handoff.swept), flush=True)
