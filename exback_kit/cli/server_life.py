"""The lifetime of the JupyterLab / Voila server and the key it hands to kernels.

The server ends when `exback lab` / `app` ends, and a locked journal's key reaches the
kernels only while it runs (:func:`unlock_for_kernels`, through
:mod:`exback_kit.store.handoff`).

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

from exback_kit.cli.lock import remember_key, unlocking_secret
from exback_kit.content import texts
from exback_kit.notebook.idle import configured_minutes as idle_minutes
from exback_kit.store import encryption, keys, locking, remembered, resolve_path
from exback_kit.store.handoff import KEY_HANDOFF_ENV, KeyHandoff
from exback_kit.store.paths import JOURNAL_ENV

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


def unlock_for_kernels(journal: str | None, env: dict[str, str], *,
                       remember: bool = False) -> KeyHandoff | None:
    """On a locked journal, ask the passphrase once and hand the key to the kernels.

    The data key (never the passphrase) is told to kernels through a socket in the
    per-user runtime folder (see :mod:`exback_kit.store.handoff`), named in ``env`` for
    the server and its kernels; the caller closes it when the server stops. The
    passphrase variables are taken out of the server's environment.
    Without EXBACK_PASSPHRASE (or the recovery key) a key remembered in the OS keyring is
    used instead of asking; ``remember`` keeps the key there (see ``exback remember``).

    Returns:
        The key hand-off (the caller closes it when the server stops), or None for a
        plain journal.
    """
    for name in (keys.PASSPHRASE_ENV, keys.NEW_PASSPHRASE_ENV, keys.RECOVERY_ENV):
        env.pop(name, None)
    path = resolve_path(journal).resolve()
    if not encryption.is_encrypted(path):
        if remember:
            print(texts.REMEMBER_NOT_LOCKED.format(path=path), flush=True)
        return None
    given = any(os.environ.get(n) is not None
                for n in (keys.PASSPHRASE_ENV, keys.RECOVERY_ENV))
    key = None if given else remembered.recall(path)
    if key is not None:
        print(texts.REMEMBER_USED, flush=True)
    else:
        passphrase, recovery = unlocking_secret()
        key = locking.unlock(path, passphrase, recovery)
        if remember:
            remember_key(path, key)
    minutes = idle_minutes(env)  # the while the notebooks use, from --lock-after
    handoff = KeyHandoff(path, key, idle_seconds=minutes * 60, on_forget=lambda: print(
        texts.LAUNCH_KEY_FORGOTTEN.format(minutes=f"{minutes:g}"), flush=True))
    say_swept(handoff)
    env[KEY_HANDOFF_ENV] = str(handoff.path)
    env[JOURNAL_ENV] = str(path)
    print(texts.LAUNCH_UNLOCKED, flush=True)
    return handoff
