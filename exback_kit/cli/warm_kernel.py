"""Start the start notebook's kernel while the browser loads the page, with the kit imported.

JupyterLab starts a notebook's kernel only once its page has loaded (seconds), and the
first cell then imports the kit (pandas and friends: another second or more). As soon as
`exback lab`'s server listens, this asks it for the start notebook's session — the kernel
JupyterLab will find and use when the notebook opens — and imports the notebooks' facade
in it quietly (no output, no run count). It is only a head start: anything going wrong
here is ignored and the notebook starts its kernel the ordinary way. A kernel nobody
opens is shut down by the server's idle culling.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.request
from pathlib import Path

#: What the kernel runs before the page asks for it: the first cell's import, the modules
#: the header and the first forms import when drawn, and the content (parsed once, cached).
#: Nothing here opens the journal (a locked one is opened by the notebook, with its key).
WARM_CODE = ("import exback_kit.stages\n"
             "import exback_kit.notebook.daily_logs, exback_kit.notebook.forms, "
             "exback_kit.notebook.stage_words\n"
             "exback_kit.content.load()")
WAIT_S = 120.0


def _listening(port: int, deadline: float) -> bool:
    while time.monotonic() < deadline:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.settimeout(0.5)
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.1)
    return False


def start_session(port: int, token: str, notebook: str) -> str:
    """Ask the server on ``port`` for ``notebook``'s session; return its kernel's id."""
    body = json.dumps({"path": notebook, "name": notebook, "type": "notebook",
                       "kernel": {"name": "python3"}}).encode("utf-8")
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/sessions", data=body, method="POST",
        headers={"Authorization": f"token {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=WAIT_S) as reply:  # noqa: S310
        return str(json.loads(reply.read())["kernel"]["id"])


def import_kit(connection_file: Path, deadline: float) -> None:
    """Run :data:`WARM_CODE` silently in the kernel of ``connection_file``."""
    from jupyter_client import BlockingKernelClient

    while not connection_file.is_file():
        if time.monotonic() > deadline:
            return
        time.sleep(0.05)
    client = BlockingKernelClient(connection_file=str(connection_file))
    client.load_connection_file()
    # No heartbeat: without its manager a client judges the kernel alive by heartbeats, and a
    # kernel still starting on a busy machine misses the first ones; wait_for_ready then
    # gave up at once ("Kernel died before replying to kernel_info") and the head start was
    # lost. The shell's own reply is all this waits for, up to the deadline.
    client.start_channels(hb=False)
    try:
        client.wait_for_ready(timeout=max(deadline - time.monotonic(), 1.0))
        msg_id = client.execute(WARM_CODE, silent=True, store_history=False)
        while time.monotonic() < deadline:
            reply = client.get_shell_msg(timeout=max(deadline - time.monotonic(), 1.0))
            if reply.get("parent_header", {}).get("msg_id") == msg_id:
                return
    finally:
        client.stop_channels()


def runtime_dir() -> Path:
    """Return the folder where the server writes its kernels' connection files.

    The server's environment is this process's (plus the token), so the answer is the same.
    """
    from jupyter_core.paths import jupyter_runtime_dir

    return Path(jupyter_runtime_dir())


def warm(port: int, token: str, notebook: str) -> None:
    """Once the server listens, start ``notebook``'s kernel and import the kit in it."""
    deadline = time.monotonic() + WAIT_S
    try:
        if not _listening(port, deadline):
            return
        kernel_id = start_session(port, token, notebook)
        import_kit(runtime_dir() / f"kernel-{kernel_id}.json", deadline)
    except Exception:  # noqa: S110 (a head start only: the page starts its kernel anyway)
        pass


def warm_in_background(port: int, token: str, notebook: str) -> None:
    """Run :func:`warm` in a daemon thread (the command goes on to serve at once)."""
    threading.Thread(target=warm, args=(port, token, notebook),
                     name="exback-warm-kernel", daemon=True).start()
