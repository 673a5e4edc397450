"""The Jupyter server settings `exback lab` adds: the kit's extension, tidy kernels, clean files.

* The kit's prebuilt JupyterLab extension (``exback_kit/labextensions/``, package data)
  runs a kit notebook when it is opened and makes an early Run All wait for the kernel.
* Kernels: an idle kernel whose notebook is no longer open is shut down after
  :data:`CULL_IDLE_S` seconds, and closing a notebook's tab shuts its kernel down, so
  there is at most one kernel per open notebook. Kernels, Voila's too, get CurveZMQ keys
  where the installation supports them (:data:`ENCRYPTED_KERNELS`).
* Jupyter's lines that say nothing to the person stay out of their terminal
  (:mod:`exback_kit.cli.quiet_server`).
* Saving a kit notebook writes it in its committed form (no outputs, no run counts, no
  kernel details): see :mod:`exback_kit.cli.kit_notebooks`.
* The quick check-in page (:mod:`exback_kit.cli.checkin_server`) is a server extension of
  the kit's, turned on here: `exback lab` opens on it.
* The token reaches the server as ``JUPYTER_TOKEN`` (read by ``IdentityProvider``, the
  setting jupyter-server 2 asks for), never as the deprecated ``ServerApp.token``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: The notebook JupyterLab opens on (and the quick check-in page's way into the kit).
START_NOTEBOOK = "00_start_here.ipynb"
#: The quick check-in page's path under the server's base URL.
CHECKIN_PAGE = "exback/checkin"
#: The Jupyter server extension serving the quick check-in page `exback lab` opens on.
CHECKIN_EXTENSION = "exback_kit.cli.checkin_server"
#: Seconds a kernel may sit idle, with no notebook open on it, before it is shut down.
CULL_IDLE_S = 1800
#: How often (seconds) the server looks for such kernels.
CULL_INTERVAL_S = 300
#: The extension's name (its folder under :func:`labextensions_dir`).
EXTENSION = "exback-kit-autorun"

#: JupyterLab settings the kit adds to its overrides (see ``launch.LAB_OVERRIDES``).
KERNEL_OVERRIDES: dict[str, dict[str, Any]] = {
    # Closing a notebook's tab shuts its kernel down (JupyterLab keeps it running by default).
    "@jupyterlab/notebook-extension:tracker": {"kernelShutdown": True},
}


#: JupyterLab page settings the kit adds (``page_config.json`` in its settings folder), for
#: a page that asks the server only for what the kit uses. Each item below kept the server
#: busy while the start notebook opened (its requests wait behind them):
#: * the "a build is recommended" check walks JupyterLab's staging folder and runs node
#:   (3 s under load); the kit's extension is prebuilt, so there is nothing to build;
#: * File → "Save and Export Notebook As" and the raw-cell format picker ask for nbconvert's
#:   formats as the first notebook opens, and the server imports nbconvert to answer
#:   (1–4 s): the kit makes its own exports (`exback report`, `exback export`);
#: * the Voila preview button: `exback app` is the kit's app view (its server extension is
#:   left out too, see :func:`server_options`).
PAGE_CONFIG: dict[str, Any] = {
    "buildCheck": False,
    "buildAvailable": False,
    "disabledExtensions": ["@jupyterlab/notebook-extension:export",
                           "@jupyterlab/notebook-extension:update-raw-mimetype",
                           "@voila-dashboards/jupyterlab-preview"],
}


def page_config(installed: dict[str, Any]) -> dict[str, Any]:
    """Return the installation's page settings with :data:`PAGE_CONFIG` on top.

    Extensions the installation disabled stay disabled (a list or a name → bool table).
    """
    found = installed.get("disabledExtensions") or []
    disabled = [name for name, off in found.items() if off] if isinstance(found, dict) \
        else [name for name in found if isinstance(name, str)]
    kit = PAGE_CONFIG["disabledExtensions"]
    return {**installed, **PAGE_CONFIG,
            "disabledExtensions": [*disabled, *(n for n in kit if n not in disabled)]}


#: Python options for the server process: Jupyter's deprecation notices are for the people
#: who configure Jupyter, not for the person (kernels are separate processes, unaffected).
PYTHON_OPTIONS = ["-W", "ignore::DeprecationWarning"]

#: Modules the server process is kept from importing. jsonschema imports ``rfc3987_syntax``,
#: when it is installed, for its "iri" format check, and that import builds a grammar parser:
#: 1.3 s of CPU here (3–5 s under load), the largest single part of the server's start.
#: No schema Jupyter or Voila validates uses that format; without the module jsonschema
#: simply has no "iri" check.
SKIPPED_IMPORTS = ("rfc3987_syntax",)


#: Run in a server's process before it starts: its kernels get CurveZMQ keys where the
#: installation can (:mod:`exback_kit.cli.kernel_encryption`).
ENCRYPTED_KERNELS = ("from exback_kit.cli.kernel_encryption import encrypt_kernels\n"
                     "encrypt_kernels()\n")


#: Run in a server's process before it starts: Jupyter's lines that say nothing to the
#: person are left out of its log (:mod:`exback_kit.cli.quiet_server`).
QUIET_LOGS = "from exback_kit.cli.quiet_server import quiet_logs\nquiet_logs()\n"


def run_module(module: str, *, server: bool = False) -> list[str]:
    """Return the Python arguments that run ``module`` like ``-m`` does, without
    :data:`SKIPPED_IMPORTS` (the arguments after these reach the module in ``sys.argv``).
    A ``server`` for the person (JupyterLab, Voila) gets its kernels encrypted
    (:data:`ENCRYPTED_KERNELS`) and its log quiet (:data:`QUIET_LOGS`)."""
    code = ("import runpy, sys\n"
            f"sys.modules.update(dict.fromkeys({SKIPPED_IMPORTS!r}))\n"
            f"{ENCRYPTED_KERNELS + QUIET_LOGS if server else ''}"
            f"runpy.run_module({module!r}, run_name='__main__', alter_sys=True)")
    return [*PYTHON_OPTIONS, "-c", code]


def labextensions_dir() -> Path:
    """Return the folder holding the kit's prebuilt JupyterLab extension."""
    return Path(__file__).resolve().parents[1] / "labextensions"


def server_options() -> list[str]:
    """Return the command-line settings `exback lab` gives JupyterLab for a tidy server."""
    return [f"--LabApp.extra_labextensions_path={labextensions_dir()}",
            f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE_S}",
            f"--MappingKernelManager.cull_interval={CULL_INTERVAL_S}",
            "--MappingKernelManager.cull_connected=False",  # never under an open page
            "--ContentsManager.pre_save_hook=exback_kit.cli.kit_notebooks.save_in_kit_form",
            # notebook_shim (classic-notebook extensions' settings, which the kit doesn't use)
            # reads every ServerApp setting as it links, the deprecated token among them, and
            # prints "ServerApp.token config is deprecated" past any warnings filter.
            # Voila's server extension (the preview button's, 0.5 s to import): `exback app`
            # runs Voila on its own.
            "--ServerApp.jpserver_extensions="
            f"{{'notebook_shim': False, 'voila.server_extension': False, "
            f"'{CHECKIN_EXTENSION}': True}}"]


def app_settings_dir() -> Path:
    """Return JupyterLab's installation settings folder without importing JupyterLab.

    The same places ``jupyterlab.commands.get_app_dir`` looks (``JUPYTERLAB_DIR``, then
    ``<prefix>/share/jupyter/lab``, a user-level install, ``/usr/local``, or the prefix the
    package sits in), found from the file system: importing ``jupyterlab.commands`` takes
    1–6 s here, every one of them before the server can start.
    """
    import importlib.util
    import os
    import site
    import sys

    if os.environ.get("JUPYTERLAB_DIR"):
        return Path(os.environ["JUPYTERLAB_DIR"]).resolve() / "settings"
    app_dir = Path(sys.prefix, "share", "jupyter", "lab")
    spec = importlib.util.find_spec("jupyterlab")
    here = Path(spec.origin).parent if spec and spec.origin else None
    userbase = site.getuserbase()
    if here is not None and str(here).startswith(userbase) and \
            not str(app_dir).startswith(userbase):
        app_dir = Path(userbase, "share", "jupyter", "lab")
    elif sys.prefix.startswith("/usr") and not app_dir.exists() and \
            Path("/usr/local/share/jupyter/lab").exists():
        app_dir = Path("/usr/local/share/jupyter/lab")
    elif not app_dir.exists() and here is not None and \
            (here.parents[3] / "share" / "jupyter" / "lab").exists():
        app_dir = here.parents[3] / "share" / "jupyter" / "lab"
    return app_dir.resolve() / "settings"
