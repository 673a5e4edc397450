"""`exback lab` serves a tidy JupyterLab: the kit's extension, culled kernels, clean saves."""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from exback_kit.cli import lab_config, launch

EXTENSION = lab_config.labextensions_dir() / lab_config.EXTENSION


def test_the_lab_command_loads_the_kits_extension_and_culls_idle_kernels(tmp_path: Path) -> None:
    argv = launch.lab_server(tmp_path, 8123, "t").argv
    assert f"--LabApp.extra_labextensions_path={lab_config.labextensions_dir()}" in argv
    assert f"--MappingKernelManager.cull_idle_timeout={lab_config.CULL_IDLE_S}" in argv
    assert f"--MappingKernelManager.cull_interval={lab_config.CULL_INTERVAL_S}" in argv
    assert "--MappingKernelManager.cull_connected=False" in argv
    assert 0 < lab_config.CULL_INTERVAL_S <= lab_config.CULL_IDLE_S <= 3600


def test_the_pre_save_hook_named_on_the_command_line_imports(tmp_path: Path) -> None:
    argv = launch.lab_server(tmp_path, 8123, "t").argv
    hook = next(a.split("=", 1)[1] for a in argv
                if a.startswith("--ContentsManager.pre_save_hook="))
    module, name = hook.rsplit(".", 1)
    assert callable(getattr(importlib.import_module(module), name))


def test_no_deprecated_server_setting_is_used(tmp_path: Path) -> None:
    """jupyter-server 2 warns about ServerApp.token/password: the token travels in the env."""
    argv = launch.lab_server(tmp_path, 8123, "t").argv
    assert not [a for a in argv if a.startswith(("--ServerApp.token", "--ServerApp.password",
                                                 "--NotebookApp.", "--ServerApp.notebook_dir"))]


def test_closing_a_notebook_shuts_its_kernel_down(tmp_path: Path) -> None:
    folder = launch.lab_settings_dir(tmp_path, defaults=tmp_path / "none")
    overrides = json.loads((folder / "overrides.json").read_text())
    assert overrides["@jupyterlab/notebook-extension:tracker"]["kernelShutdown"] is True


def test_the_prebuilt_extension_is_complete() -> None:
    """The built extension names its entry file, which exists, and replaces the executor."""
    meta = json.loads((EXTENSION / "package.json").read_text())
    lab = meta["jupyterlab"]
    assert (EXTENSION / lab["_build"]["load"]).is_file()
    assert lab["disabledExtensions"] == ["@jupyterlab/notebook-extension:cell-executor"]
    entry = (EXTENSION / lab["_build"]["load"]).read_text()
    assert "exback-kit-autorun" in entry


def test_the_built_extension_matches_its_source() -> None:
    """The committed build comes from labextension/src/index.js (same plugin ids and mark)."""
    source = (Path(__file__).resolve().parents[2] / "labextension" / "src" / "index.js")
    built = "".join(p.read_text() for p in (EXTENSION / "static").glob("*.js"))
    for needle in ("exback-kit-autorun:cell-executor", "exback-kit-autorun:autorun", "autorun"):
        assert needle in source.read_text() and needle in built
    meta = json.loads((EXTENSION / "package.json").read_text())
    src_meta = json.loads(source.parents[1].joinpath("package.json").read_text())
    assert meta["version"] == src_meta["version"]


@pytest.mark.parametrize("lab_dir", [None, "elsewhere"])
def test_the_installation_settings_folder_is_the_one_jupyterlab_uses(
        lab_dir: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from jupyterlab.commands import get_app_dir

    if lab_dir is None:
        monkeypatch.delenv("JUPYTERLAB_DIR", raising=False)
    else:
        monkeypatch.setenv("JUPYTERLAB_DIR", str(tmp_path / lab_dir))
    assert lab_config.app_settings_dir() == Path(get_app_dir()) / "settings"


def test_writing_the_lab_settings_does_not_import_jupyterlab(tmp_path: Path) -> None:
    """Importing jupyterlab.commands took 1–6 s before the server could even start."""
    code = ("import sys; from pathlib import Path; from exback_kit.cli import launch; "
            "launch.lab_settings_dir(Path(sys.argv[1])); "
            "assert 'jupyterlab' not in sys.modules, 'jupyterlab imported'")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def _start_lab(tmp_path: Path, **env: str) -> subprocess.Popen[str]:
    """Start `exback lab --no-browser` with every folder under ``tmp_path`` (the runtime
    folder is ``tmp_path / "rt"``), its output on the returned process's stdout."""
    env = {**os.environ, "EXBACK_HOME": str(tmp_path / "home"),
           "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt"), "JUPYTER_CONFIG_DIR": str(tmp_path / "cfg"),
           "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "us"),
           "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "ws"), "PYTHONUNBUFFERED": "1", **env}
    env.pop("EXBACK_JOURNAL", None)
    return subprocess.Popen([sys.executable, "-m", "exback_kit.cli", "lab", "--no-browser",
                             "--notebooks", str(tmp_path / "nb")], env=env, text=True,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True)


async def _open_kernel_channels(base: str, token: str, kernel_id: str) -> None:
    """Connect to a kernel's websocket as a notebook page does, then leave."""
    import asyncio

    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    url = f"{base.replace('http://', 'ws://')}/api/kernels/{kernel_id}/channels"
    connection = await websocket_connect(HTTPRequest(
        url, headers={"Authorization": f"token {token}"}))
    await asyncio.sleep(1.0)
    connection.close()


@pytest.mark.slow
def test_exback_lab_prints_no_deprecation_warning_even_when_python_shows_them(
        tmp_path: Path) -> None:
    """`exback lab` with every DeprecationWarning switched on: serve the pages, open the
    start notebook and a kernel's websocket as the page does, stop with Ctrl-C; no warning
    is shown, nor Jupyter's lines that say nothing to the person (cli/quiet_server.py)."""
    import asyncio
    import json as json_
    import signal
    import urllib.request

    proc = _start_lab(tmp_path, PYTHONWARNINGS="always::DeprecationWarning")
    lines: list[str] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.append(line)
        if line.strip().startswith("http://127.0.0.1:"):
            url = line.strip()
            break
    try:
        base, token = "/".join(url.split("/", 3)[:3]), url.split("token=", 1)[1]
        answers = {}
        for path, method in (("/exback/checkin", "GET"), ("/lab/tree/00_start_here.ipynb", "GET"),
                             ("/api/contents/00_start_here.ipynb", "GET"),  # its trust asked
                             ("/api/sessions", "GET"), ("/api/kernelspecs", "GET"),
                             ("/api/kernels", "POST")):
            request = urllib.request.Request(  # noqa: S310 (the server's own 127.0.0.1)
                f"{base}{path}", method=method, data=b"{}" if method == "POST" else None,
                headers={"Authorization": f"token {token}"})
            with urllib.request.urlopen(request, timeout=120) as reply:  # noqa: S310
                assert reply.status in (200, 201)
                body = reply.read()
                answers[path] = json_.loads(body) if path.startswith("/api/") else body
        asyncio.run(_open_kernel_channels(base, token, answers["/api/kernels"]["id"]))
    finally:
        proc.send_signal(signal.SIGINT)
        rest, _ = proc.communicate(timeout=120)
    out = "".join(lines) + rest
    assert "JupyterLab stopped" in out
    assert "Deprecat" not in out and "deprecated" not in out, out
    for said_nothing in ("not trusted", "websocket_ping_timeout", "received signal"):
        assert said_nothing not in out, out


def test_the_servers_run_without_the_slow_iri_parser(tmp_path: Path) -> None:
    """Both servers start through :func:`lab_config.run_module`: the module runs as ``-m``
    would run it, with its arguments, and ``rfc3987_syntax`` cannot be imported in it."""
    for server in (launch.lab_server(tmp_path, 8123, "t"), launch.app_server(tmp_path, 8123, "t")):
        assert "-m" not in server.argv[:4]
        assert any("runpy.run_module" in a for a in server.argv[:5])
    check = ("import sys\n"
             "assert sys.argv[0].endswith('timeit.py'), sys.argv\n"
             "try:\n    import rfc3987_syntax\nexcept ImportError:\n    pass\n"
             "else:\n    raise SystemExit('imported')")
    done = subprocess.run([sys.executable, *lab_config.run_module("timeit"), "-n", "1",
                           "-r", "1", check], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "1 loop" in done.stdout  # timeit ran the check, with the arguments given


def test_the_lab_version_answers_through_the_same_start(tmp_path: Path) -> None:
    import jupyterlab

    done = subprocess.run([sys.executable, *lab_config.run_module("jupyterlab"), "--version"],
                          capture_output=True, text=True, timeout=300)
    assert done.stdout.strip() == jupyterlab.__version__


def test_the_page_asks_the_server_only_for_what_the_kit_uses(tmp_path: Path) -> None:
    folder = launch.lab_settings_dir(tmp_path, defaults=tmp_path / "none")
    page = json.loads((folder / "page_config.json").read_text())
    assert page["buildCheck"] is False and page["buildAvailable"] is False
    assert {"@jupyterlab/notebook-extension:export",
            "@jupyterlab/notebook-extension:update-raw-mimetype"} <= set(
        page["disabledExtensions"])
    argv = launch.lab_server(tmp_path, 8123, "t").argv
    assert "'voila.server_extension': False" in next(
        a for a in argv if a.startswith("--ServerApp.jpserver_extensions="))


@pytest.mark.parametrize("disabled", [["my-ext"], {"my-ext": True, "other": False}])
def test_the_installations_page_settings_are_kept(tmp_path: Path, disabled: object) -> None:
    defaults = tmp_path / "app-settings"
    defaults.mkdir()
    (defaults / "page_config.json").write_text(json.dumps(
        {"disabledExtensions": disabled, "collaborative": True, "buildCheck": True}))
    folder = launch.lab_settings_dir(tmp_path / "home", defaults=defaults)
    page = json.loads((folder / "page_config.json").read_text())
    assert page["collaborative"] is True and page["buildCheck"] is False
    assert page["disabledExtensions"][0] == "my-ext"
    assert "other" not in page["disabledExtensions"]
    assert "@jupyterlab/notebook-extension:export" in page["disabledExtensions"]
    assert (folder / "page_config.json").stat().st_mode & 0o077 == 0


def test_both_servers_start_with_encrypted_kernels_and_a_quiet_log(tmp_path: Path) -> None:
    """Both servers' processes run the kit's start first: their kernels' transport
    encryption defaults to "auto" (this installation can) and the log filter is in place;
    the module then runs with its own arguments, untouched. A module that is not a server
    for the person gets neither."""
    from exback_kit.cli.kernel_encryption import can_encrypt

    for server in (launch.lab_server(tmp_path, 8123, "t"), launch.app_server(tmp_path, 8123, "t")):
        assert any(lab_config.ENCRYPTED_KERNELS + lab_config.QUIET_LOGS in a
                   for a in server.argv[:5])
    (tmp_path / "show_start.py").write_text(
        "import json, logging, sys\n"
        "from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager\n"
        "print(json.dumps([sys.argv[1:], AsyncMappingKernelManager().transport_encryption,\n"
        "                  len(logging.getLogger('ServerApp').filters)]))\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    can = can_encrypt()
    for server, expected in ((True, [["x"], "auto" if can else "disabled", 1]),
                             (False, [["x"], "disabled", 0])):
        done = subprocess.run([sys.executable, *lab_config.run_module("show_start", server=server),
                               "x"], capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == expected


def _overheard(iopub_port: int, run: Callable[[], object], *, server_key: bytes | None = None,
               tries: int = 1) -> bytes:
    """What a process that can reach 127.0.0.1 but not read the kernel's connection file
    (another account on the computer) hears on the kernel's output channel while ``run``
    runs; with ``server_key`` (the kernel's Curve public key, from that file) a listener that
    could read it. ``run`` is tried up to ``tries`` times until something is heard: a
    subscriber hears only what is sent after it has joined."""
    import time

    import zmq

    context = zmq.Context()
    listener = context.socket(zmq.SUB)
    if server_key is not None:
        listener.curve_serverkey = server_key
        listener.curve_publickey, listener.curve_secretkey = zmq.curve_keypair()
    listener.setsockopt(zmq.SUBSCRIBE, b"")
    listener.connect(f"tcp://127.0.0.1:{iopub_port}")
    heard: list[bytes] = []
    try:
        for _ in range(tries):
            time.sleep(1.0)
            run()
            while listener.poll(1500):
                heard.extend(listener.recv_multipart())
            if heard:
                break
        return b"".join(heard)
    finally:
        listener.close(linger=0)
        context.term()


def _print_in(client: Any) -> dict[str, Any]:
    return dict(client.execute_interactive("print('a private sentence')", timeout=60))


@pytest.mark.slow
def test_a_bare_kernel_is_overheard_so_the_listener_below_would_hear_a_leak() -> None:
    """The control for the next test: a kernel started the default way (no Curve keys)
    publishes its output to anyone on 127.0.0.1, and the listener hears it."""
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(startup_timeout=120)
    try:
        assert not manager.get_connection_info().get("curve_publickey")
        heard = _overheard(manager.iopub_port, lambda: _print_in(client), tries=8)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    assert b"a private sentence" in heard


@pytest.mark.slow
def test_exback_labs_kernels_are_encrypted_run_code_and_cannot_be_overheard(
        tmp_path: Path) -> None:
    """The kernel `exback lab` starts for the start notebook has CurveZMQ keys in its
    connection file and runs code for a client that holds them; a listener on 127.0.0.1
    without them hears nothing, and the person's terminal shows no warning."""
    import signal
    import time

    from jupyter_client import BlockingKernelClient

    runtime = tmp_path / "rt"
    proc = _start_lab(tmp_path)
    try:
        deadline = time.monotonic() + 180
        info: dict[str, Any] = {}
        while not info.get("key") and time.monotonic() < deadline:
            time.sleep(0.5)
            for found in runtime.glob("kernel-*.json"):  # the start notebook's, warmed
                with contextlib.suppress(ValueError):  # still being written
                    info, connection = json.loads(found.read_text()), found
        assert info["transport"] == "tcp" and info.get("curve_publickey"), sorted(info)
        client = BlockingKernelClient(connection_file=str(connection))
        client.load_connection_file()
        client.start_channels(hb=False)  # a kernel still starting misses heartbeats
        try:
            client.wait_for_ready(timeout=120)
            replies: list[dict[str, Any]] = []
            heard = _overheard(info["iopub_port"], lambda: replies.append(_print_in(client)))
            # the same listener holding the key from the 0600 file hears it: right port, joined
            keyed = _overheard(info["iopub_port"], lambda: replies.append(_print_in(client)),
                               server_key=info["curve_publickey"].encode(), tries=8)
        finally:
            client.stop_channels()
    finally:
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=120)
    assert replies and all(r["content"]["status"] == "ok" for r in replies)
    assert heard == b""
    assert b"a private sentence" in keyed
    assert "JupyterLab stopped" in out
    assert "without encryption" not in out and "eavesdrop" not in out, out
