"""`exback lab` and `exback app`: serve the kit's notebooks on this computer only.

The notebooks it serves: :mod:`exback_kit.cli.notebook_folder`.

Both servers bind to 127.0.0.1 with a random token, run in their own process
group (so Ctrl-C reaches only this command, which then stops the server
cleanly), and print the URL to open. Kernels inherit ``EXBACK_JOURNAL`` when
``--journal`` is given, so the notebooks use the same journal as the command.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import webbrowser
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exback_kit.cli import lab_config, warm_kernel
from exback_kit.cli.lab_config import CHECKIN_PAGE, START_NOTEBOOK
from exback_kit.cli.notebook_folder import notebooks_dir
from exback_kit.cli.parsing import whole_number
from exback_kit.cli.server_life import ends_with_us, unlock_for_kernels
from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.interchange import autosync
from exback_kit.notebook.idle import LOCK_AFTER_ENV, minutes_from
from exback_kit.store import resolve_path
from exback_kit.store.files import make_private_folder, write_private
from exback_kit.store.handoff import runtime_dir
from exback_kit.store.paths import JOURNAL_ENV

READY_TIMEOUT_S = 120.0
STOP_TIMEOUT_S = 15.0
HOST = "127.0.0.1"


# --- the server commands -----------------------------------------------------------

@dataclass(frozen=True)
class Server:
    """What to run and where a person opens it."""

    name: str
    argv: list[str]
    url: str
    port: int


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def check_port(port: int) -> int:
    """Return ``port`` if it can be used on 127.0.0.1.

    Raises:
        ValidationError: the port is outside 1–65535 or already in use.
    """
    if not 0 < port < 65536:
        raise ValidationError(texts.LAUNCH_PORT_RANGE.format(port=port), field="--port")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind((HOST, port))
        except OSError:
            raise ValidationError(texts.LAUNCH_PORT_BUSY.format(port=port),
                                  field="--port") from None
    return port


def _as_root() -> list[str]:
    return ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []


#: JupyterLab settings the kit pins: off the internet (no news, no update check, and so
#: no "get notified about official Jupyter news?" prompt on first start), no widget state.
LAB_OVERRIDES: dict[str, dict[str, Any]] = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false",
                                                    "checkForUpdates": False},
    # Pinned off: a notebook saved with widget state would hold the journal's words in it.
    "@jupyter-widgets/jupyterlab-manager:plugin": {"saveState": False},
    **lab_config.KERNEL_OVERRIDES,
}
LAB_SETTINGS_FOLDER = "jupyterlab-settings"


def _default_app_settings() -> Path | None:
    return lab_config.app_settings_dir()  # without importing jupyterlab.commands (seconds)


def _json_object(path: Path) -> dict[str, Any]:
    """Return the JSON object in ``path``; empty when it is missing or not an object."""
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def lab_settings_dir(journal_folder: Path, defaults: Path | None = None) -> Path:
    """Write JupyterLab's app settings for the kit beside the journal; return the folder.

    ``overrides.json`` holds :data:`LAB_OVERRIDES` on top of any overrides the installation
    already had in ``defaults``; the person can still change each setting in JupyterLab.
    ``page_config.json`` holds the installation's page settings with the kit's
    (:func:`lab_config.page_config`). Written with the kit's safe writer.
    """
    folder = journal_folder / LAB_SETTINGS_FOLDER
    make_private_folder(folder)
    defaults = defaults if defaults is not None else _default_app_settings()
    overrides: dict[str, Any] = {}
    page: dict[str, Any] = {}
    if defaults is not None and defaults.resolve() != folder.resolve():
        overrides = _json_object(defaults / "overrides.json")
        page = _json_object(defaults / "page_config.json")
    write_private(folder / "page_config.json",
                  json.dumps(lab_config.page_config(page), indent=1).encode("utf-8"))
    for plugin, values in LAB_OVERRIDES.items():
        found_plugin = overrides.get(plugin)
        merged: dict[str, Any] = found_plugin if isinstance(found_plugin, dict) else {}
        overrides[plugin] = {**merged, **values}
    write_private(folder / "overrides.json", json.dumps(overrides, indent=1).encode("utf-8"))
    return folder


def lab_server(folder: Path, port: int, token: str,
               settings_dir: Path | None = None) -> Server:
    """Return the JupyterLab command serving ``folder``, opening at the quick check-in page.

    ``settings_dir`` (see :func:`lab_settings_dir`) turns off the news prompt.
    """
    settings = [f"--LabApp.app_settings_dir={settings_dir}"] if settings_dir else []
    argv = [sys.executable, *lab_config.run_module("jupyterlab", server=True),
            "--no-browser",
            *settings,
            f"--ServerApp.ip={HOST}", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
            f"--ServerApp.root_dir={folder}",
            f"--LabApp.default_url=/lab/tree/{START_NOTEBOOK}",
            "--LabApp.news_url=None",  # no news feed: the kit makes no network calls
            # ... and no version check against the package index either
            "--LabApp.check_for_updates_class="
            "jupyterlab.handlers.announcements.NeverCheckForUpdate",
            "--LabApp.extension_manager=readonly",
            *lab_config.server_options(),  # the kit's extension, kernel culling, clean saves
            "--ServerApp.log_level=WARN", "--LabApp.log_level=WARN", *_as_root()]
    # The quick check-in page first: it takes input long before JupyterLab's page has loaded,
    # and steps aside to the start notebook once today's check-in is saved.
    url = f"http://{HOST}:{port}/{CHECKIN_PAGE}?token={token}"
    return Server("JupyterLab", argv, url, port)


def app_server(folder: Path, port: int, token: str) -> Server:
    """Return the Voila command serving ``folder`` with the code hidden."""
    argv = [sys.executable, *lab_config.run_module("voila", server=True), "--no-browser",
            f"--Voila.ip={HOST}", f"--port={port}", "--Voila.auto_token=True",
            "--strip_sources=True", "--Voila.log_level=WARN", str(folder)]
    url = f"http://{HOST}:{port}/voila/render/{START_NOTEBOOK}?token={token}"
    return Server("The app view", argv, url, port)


def server_env(token: str, journal: str | None) -> dict[str, str]:
    """Return the environment for the server: our token, and the journal if one was named."""
    env = dict(os.environ)
    env["JUPYTER_TOKEN"] = token
    if journal is not None:
        env[JOURNAL_ENV] = str(resolve_path(journal).resolve())
    return env


# --- running and stopping -----------------------------------------------------------

def wait_until_listening(proc: subprocess.Popen[Any], port: int,
                         timeout: float = READY_TIMEOUT_S) -> bool:
    """Return True once something accepts connections on ``port``; False if ``proc`` ends."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.settimeout(0.5)
            if s.connect_ex((HOST, port)) == 0:
                return True
        time.sleep(0.2)
    return False


def stop(proc: subprocess.Popen[Any], timeout: float = STOP_TIMEOUT_S) -> int:
    """Ask the server to shut down (SIGTERM), then kill it if it lingers; return its status."""
    if proc.poll() is None:
        proc.terminate()  # Jupyter and Voila shut their kernels down on SIGTERM
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
    return proc.wait()


def browser_file(url: str) -> Path:
    """Write a private page that sends the browser on to ``url``; return its path.

    A browser started with the address itself shows its token on the browser's command
    line, which other users of this computer can read. So the browser is given this file
    (mode 0600, in the per-user runtime folder) instead, as Jupyter itself does.
    """
    address = html.escape(url, quote=True)
    page = (f'<!doctype html><meta charset="utf-8"><title>exback-kit</title>'
            f'<meta http-equiv="refresh" content="0;url={address}">'
            f'<a href="{address}">exback-kit</a>')
    return write_private(runtime_dir() / f"open-{os.getpid()}.html", page.encode("utf-8"))


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve(server: Server, env: dict[str, str], *, open_browser: bool) -> int:
    """Run ``server`` until Ctrl-C (or SIGTERM); print its URL once it listens.

    Returns:
        0 after a clean stop; 1 if the server did not start or died on its own.
    """
    print(texts.LAUNCH_STARTING.format(what=server.name), flush=True)
    # Own session: the terminal's Ctrl-C reaches only us, never Jupyter's "shut down?" prompt.
    # ends_with_us: a `kill -9` of this command stops the server too (server_life.py)
    proc = subprocess.Popen(ends_with_us(server.argv), env=env, stdin=subprocess.DEVNULL,
                            start_new_session=True)
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    opener: Path | None = None
    try:
        if not wait_until_listening(proc, server.port):
            status = stop(proc)
            print(texts.LAUNCH_FAILED.format(what=server.name, code=status), file=sys.stderr)
            return 1
        print(texts.LAUNCH_READY.format(what=server.name, url=server.url), flush=True)
        if open_browser:
            opener = browser_file(server.url)  # never the token on a command line
            webbrowser.open(opener.as_uri())
        status = proc.wait()
        print(texts.LAUNCH_FAILED.format(what=server.name, code=status), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        stop(proc)
        print(texts.LAUNCH_STOPPED.format(what=server.name), flush=True)
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        if proc.poll() is None:
            stop(proc)
        if opener is not None:
            opener.unlink(missing_ok=True)


def _prepare(args: argparse.Namespace) -> tuple[Path, int, str]:
    folder = notebooks_dir(args.notebooks)
    port = check_port(args.port) if args.port is not None else free_port()
    return folder, port, secrets.token_hex(24)


def _serve_unlocked(server: Server, args: argparse.Namespace, token: str) -> int:
    for line in autosync.round_at_launch(args.journal):
        print(line, flush=True)
    env = server_env(token, args.journal)
    if getattr(args, "lock_after", None) is not None:  # checked here, said before starting
        env[LOCK_AFTER_ENV] = f"{minutes_from(args.lock_after):g}"
    handoff = unlock_for_kernels(args.journal, env, remember=args.remember)
    try:
        return serve(server, env, open_browser=not args.no_browser)
    finally:
        if handoff is not None:
            handoff.close()


def cmd_lab(args: argparse.Namespace) -> int:
    """Open the kit: the quick check-in page, then JupyterLab at the start notebook."""
    folder, port, token = _prepare(args)
    settings = lab_settings_dir(resolve_path(args.journal).parent)
    warm_kernel.warm_in_background(port, token, START_NOTEBOOK)  # while the page loads
    return _serve_unlocked(lab_server(folder, port, token, settings), args, token)


def cmd_app(args: argparse.Namespace) -> int:
    """Serve the notebooks through Voila, code hidden."""
    import importlib.util

    if importlib.util.find_spec("voila") is None:
        raise ValidationError(texts.LAUNCH_NO_VOILA, field="app")
    folder, port, token = _prepare(args)
    return _serve_unlocked(app_server(folder, port, token), args, token)


def _options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--port", type=whole_number, help=texts.CLI_HELP_PORT)
    p.add_argument("--no-browser", action="store_true", help=texts.CLI_HELP_NO_BROWSER)
    p.add_argument("--notebooks", metavar="DIR", help=texts.CLI_HELP_NOTEBOOKS)
    p.add_argument("--remember", action="store_true", help=texts.CLI_HELP_LAUNCH_REMEMBER)
    p.add_argument("--lock-after", metavar="MINUTES", help=texts.CLI_HELP_LOCK_AFTER)


def add_cli(sub: Any) -> None:
    """Add ``exback lab`` and ``exback app`` to the command's subparsers."""
    names: Sequence[str] = sub.choices.keys()
    if "lab" not in names:
        p = sub.add_parser("lab", help=texts.CLI_HELP_LAB)
        _options(p)
        p.set_defaults(func=cmd_lab)
    if "app" not in names:
        p = sub.add_parser("app", help=texts.CLI_HELP_APP)
        _options(p)
        p.set_defaults(func=cmd_app)
