"""Handing a locked journal's data key from `exback lab` / `app` to its notebook kernels.

The key never touches the disk. `exback lab` listens on a Unix socket in a private
runtime folder (mode 0700) and tells the key to each kernel that asks; the socket
answers only processes of the same user (checked with ``SO_PEERCRED`` where the system
has it, on top of the folder's mode). Every kernel of the server can ask (a file a
kernel removed after reading would leave the second notebook locked), and when
`exback lab` stops, or is killed, nothing answers any more: a socket left behind holds
no key, and the next start sweeps it (with the ``key-*.json`` files earlier versions of
the kit wrote, which did hold the key: here, and in platformdirs' runtime folder, where
they went before, see :func:`legacy_dirs`).

The runtime folder is ``$XDG_RUNTIME_DIR/exback-kit`` when the login session made one;
otherwise the kit makes its own, ``<temp>/exback-kit-<uid>`` (0700, checked to be this
user's and not a link), instead of platformdirs' fallback and its warning.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path

from exback_kit.content import texts
from exback_kit.errors import JournalError
from exback_kit.store.files import make_private_folder
from exback_kit.store.keys import KEY_BYTES

#: Names the socket through which `exback lab` / `app` hand the data key to kernels.
KEY_HANDOFF_ENV = "EXBACK_KEY_FILE"
_SOCKET_GLOB = "k-*.sock"
_OLD_FILES_GLOB = "key-*.json"  # written by earlier versions: they held the key itself
_MAX_REPLY = 4096
_ASK_TIMEOUT_S = 5.0


def _uid() -> int:
    return os.getuid() if hasattr(os, "getuid") else 0


def _private(folder: Path) -> Path:
    """Make ``folder`` (0700) or check an existing one is this user's own; return it.

    Raises:
        JournalError: the folder is a link, or belongs to someone else.
    """
    import stat

    make_private_folder(folder)
    st = folder.lstat()

    if not stat.S_ISDIR(st.st_mode) or st.st_uid != _uid():
        raise JournalError(texts.LAUNCH_RUNTIME_NOT_OURS.format(folder=folder))
    if st.st_mode & 0o077:
        folder.chmod(0o700)
    return folder


def runtime_dir() -> Path:
    """Return the per-user runtime folder (mode 0700) for the key hand-off socket."""
    base = os.environ.get("XDG_RUNTIME_DIR")
    if base and Path(base).is_dir() and os.access(base, os.W_OK | os.X_OK):
        return _private(Path(base) / "exback-kit")
    import tempfile

    return _private(Path(tempfile.gettempdir()) / f"exback-kit-{_uid()}")


def _answers(sock_path: Path) -> bool:
    """Return True when something still listens on the socket at ``sock_path``."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(1.0)
        try:
            s.connect(str(sock_path))
        except OSError:
            return False
    return True


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def sweep(folder: Path) -> int:
    """Remove hand-offs whose server is gone (killed before it could); return how many."""
    gone = 0
    for old in folder.glob(_SOCKET_GLOB):
        if not _answers(old):
            old.unlink(missing_ok=True)
            gone += 1
    for old in folder.glob(_OLD_FILES_GLOB):
        try:
            data = old.read_bytes()
        except OSError:
            data = b""
        if _stale(data):
            old.unlink(missing_ok=True)
            gone += 1
    return gone


def _stale(data: bytes) -> bool:
    """Return True if an earlier kit's ``key-*.json`` names no server still running."""
    try:
        pid = int(json.loads(data.decode("utf-8"))["pid"])
    except (ValueError, KeyError, TypeError):
        pid = 0
    return pid <= 0 or not _pid_alive(pid)


def legacy_dirs() -> list[Path]:
    """Return the folders earlier versions wrote ``key-*.json`` to: platformdirs'
    ``user_runtime_path("exback-kit")``, computed as it does (without its warning)."""
    import sys
    import tempfile

    uid = _uid()
    bases = [Path(base)] if (base := os.environ.get("XDG_RUNTIME_DIR")) else []
    if sys.platform == "darwin":
        bases.append(Path.home() / "Library" / "Caches" / "TemporaryItems")
    else:
        # older platformdirs named /tmp itself; this folder is only read, ownership checked
        fixed_tmp = Path(f"/tmp/runtime-{uid}")  # noqa: S108
        bases += [Path(f"/run/user/{uid}"), Path(f"/var/run/user/{uid}"),
                  Path(tempfile.gettempdir()) / f"runtime-{uid}", fixed_tmp]
    return list(dict.fromkeys(base / "exback-kit" for base in bases))


def sweep_legacy(folder: Path) -> int:
    """Remove the stale ``key-*.json`` files an earlier kit left in ``folder``; return how many.

    Only plain files of this user, named as the kit named them, in a folder of this user's,
    are removed; no link is followed.
    """
    import fnmatch

    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:
        return 0  # missing, a link, or not a folder
    gone = 0
    try:
        if os.fstat(fd).st_uid != _uid():
            return 0
        for name in os.listdir(fd):
            if fnmatch.fnmatchcase(name, _OLD_FILES_GLOB) and _stale_own_file(fd, name):
                os.unlink(name, dir_fd=fd)
                gone += 1
    except OSError:
        return gone
    finally:
        os.close(fd)
    return gone


def _stale_own_file(folder_fd: int, name: str) -> bool:
    import stat

    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder_fd)
    except OSError:
        return False  # a link, or gone
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_uid != _uid():
            return False
        return _stale(os.read(fd, _MAX_REPLY))
    finally:
        os.close(fd)


def _same_user(conn: socket.socket) -> bool:
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return True  # the folder's mode (0700) is the check here
    import struct

    creds = conn.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", creds)
    return bool(uid == _uid())


class KeyHandoff:
    """A listening socket that tells the key of one journal to this user's kernels.

    With ``idle_seconds``, it forgets the key (and closes) once no kernel has asked for
    that long, calling ``on_forget``: a notebook opened later asks for the passphrase,
    as one left idle does (notebook/idle.py). Notebooks already open keep their key
    until their own while passes.
    """

    def __init__(self, journal_path: Path, key: bytes, *, idle_seconds: float = 0.0,
                 on_forget: Callable[[], None] | None = None) -> None:
        folder = runtime_dir()
        #: How many hand-offs of servers that were stopped before they could clean up.
        self.swept = sweep(folder) + sum(sweep_legacy(old) for old in legacy_dirs()
                                          if old != folder)
        self.path = folder / f"k-{os.urandom(6).hex()}.sock"
        self._reply = json.dumps({"journal": str(Path(journal_path).resolve()),
                                  "key": key.hex()}).encode("utf-8")
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old_mask = os.umask(0o177)  # the socket itself 0600, in a 0700 folder
        try:
            self._sock.bind(str(self.path))
        finally:
            os.umask(old_mask)
        self._sock.listen(16)
        self._sock.settimeout(0.5)
        self._open = True
        self._idle_seconds = idle_seconds
        self._on_forget = on_forget
        self._last_given = time.monotonic()
        self._thread = threading.Thread(target=self._serve, name="exback-key-handoff",
                                        daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while self._open:
            if self._idle_seconds > 0 and \
                    time.monotonic() - self._last_given >= self._idle_seconds:
                self._forget()
                return
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return  # closed
            with conn:
                try:
                    if _same_user(conn):
                        conn.sendall(self._reply)
                        self._last_given = time.monotonic()
                except OSError:
                    continue

    def _forget(self) -> None:
        self._open = False
        self._reply = b""
        self._sock.close()
        self.path.unlink(missing_ok=True)
        if self._on_forget is not None:
            self._on_forget()

    @property
    def answering(self) -> bool:
        """Return True while kernels can still get the key here."""
        return self._open

    def close(self) -> None:
        """Stop answering and remove the socket."""
        self._open = False
        self._reply = b""
        self._sock.close()
        if self._thread is not threading.current_thread():
            self._thread.join(2.0)
        self.path.unlink(missing_ok=True)

    def __enter__(self) -> KeyHandoff:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_handoff(journal_path: Path) -> bytes | None:
    """Return the key `exback lab` / `app` hands over for this journal, or None."""
    name = os.environ.get(KEY_HANDOFF_ENV)
    if not name:
        return None
    chunks: list[bytes] = []
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(_ASK_TIMEOUT_S)
            s.connect(name)
            while sum(map(len, chunks)) < _MAX_REPLY and (chunk := s.recv(_MAX_REPLY)):
                chunks.append(chunk)
        doc = json.loads(b"".join(chunks).decode("utf-8"))
        if Path(doc["journal"]) != Path(journal_path).resolve():
            return None
        key = bytes.fromhex(doc["key"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # the server is gone (or this is not its socket): ask the person
    return key if len(key) == KEY_BYTES else None
