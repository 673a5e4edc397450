"""Time to value: from `exback lab` to a check-in form that accepts input, in Chromium.

Each round starts a server as a person would and opens its address in headless Chromium
(launched once beforehand, as a browser a person already has open):

* kit:  ``exback lab --no-browser`` over a new, empty journal and a fresh copy of the
        notebooks. Its address is the quick check-in page: done when a mood is chosen on
        it (a click on "5" leaves that radio button checked), no menu touched. The round
        then follows the page's link into JupyterLab and times the start notebook's own
        check-in too (its mood slider enabled; the kit's extension runs the notebook).
* bare: ``python -m jupyterlab`` with JupyterLab's own defaults over a folder holding one
        empty notebook; done when that notebook's kernel is idle (what a person waits for
        before they can type and run anything).

The clock starts when the command is started. Rounds alternate (kit, bare, then bare,
kit, …); each side's median of ``ROUNDS`` is reported with where its seconds went, and
each round's kit-to-bare ratio (the two sides of a round run back to back, so on a shared
machine whose load drifts that ratio is steadier than the ratio of the medians):
``server`` (the command printed its address: it listens), ``form`` (kit: the quick page took
a mood; bare: its kernel is idle), and for JupyterLab ``page`` (the notebook is on the
page), ``kernel`` (the status bar says the kernel is idle), ``output`` (the first cell's
output is on the page; kit only) and ``notebook form`` (the start notebook's slider is
enabled; kit only). Last lines: the start notebook's figure, then
``first check-in X.X s (bare JupyterLab Y.Y s, ratio R.RR; target <= 5.0 s)``; exit
status 1 when the kit's median is over the target, or when the start notebook's check-in
takes more than 1.2× the bare JupyterLab (median of the rounds' ratios).
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "browser"))

from conftest import CHROMIUM, CHROMIUM_ARGS, _base_jupyter_paths  # noqa: E402
from exback_kit.cli.launch import free_port  # noqa: E402

TARGET_S = 5.0
#: The start notebook's own check-in (one click from the quick page) against a bare
#: JupyterLab opening an empty notebook until its kernel is idle, each round's ratio.
NOTEBOOK_RATIO = 1.2
ROUNDS = 3
#: The quick check-in page: a mood it takes (clicked, then checked).
QUICK_CHOICE = "label[for=mood-5]"
QUICK_TAKEN = "#mood-5:checked"
#: The way from the quick page into JupyterLab, and the start notebook's own check-in.
INTO_KIT = "a.button"
FORM = ".exback-checkin .exback-field-mood input[type=range]:not([disabled])"
#: The status bar's kernel status: the execution indicator says "idle" before any kernel.
IDLE = re.compile(r"\| Idle$")
OUTPUT = ".jp-OutputArea-output"
STEPS = ("server", "form", "page", "kernel", "output", "notebook form")
EMPTY = {"cells": [{"cell_type": "code", "execution_count": None, "metadata": {},
                    "outputs": [], "source": []}],
         "metadata": {"kernelspec": {"display_name": "Python 3 (ipykernel)",
                                     "language": "python", "name": "python3"}},
         "nbformat": 4, "nbformat_minor": 5}


def _env(root: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("EXBACK_JOURNAL", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed kit has its bytecode cached
    env.update({"EXBACK_HOME": str(root / "home"), "XDG_DATA_HOME": str(root / "xdg"),
                "JUPYTER_CONFIG_DIR": str(root / "config"),
                "JUPYTERLAB_SETTINGS_DIR": str(root / "settings"),
                "JUPYTERLAB_WORKSPACES_DIR": str(root / "workspaces"),
                "JUPYTER_RUNTIME_DIR": str(root / "runtime"), "PYTHONUNBUFFERED": "1"})
    env.update(_base_jupyter_paths(env))
    return env


def _start(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[Any, str]:
    """Start ``argv``; return the process and the first http://127.0.0.1 address it prints."""
    proc = subprocess.Popen(argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        for line in proc.stdout or []:
            lines.put(line)

    threading.Thread(target=read, daemon=True).start()
    while True:
        line = lines.get(timeout=180)
        for word in line.split():
            if word.startswith("http://127.0.0.1:") and "token=" in word:
                return proc, word


def _stop(proc: Any) -> None:
    proc.send_signal(2)  # Ctrl-C, as a person stops it
    try:
        proc.wait(60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


def kit_round(browser: Any, root: Path) -> dict[str, float]:
    """One `exback lab` start over an empty journal; seconds to each step."""
    shutil.copytree(REPO / "notebooks", root / "notebooks")
    start = time.perf_counter()
    proc, url = _start([sys.executable, "-m", "exback_kit.cli", "lab", "--no-browser",
                        "--notebooks", str(root / "notebooks")], _env(root), root)
    steps = {"server": time.perf_counter() - start}
    try:
        page = browser.new_page()
        page.set_default_timeout(180_000)
        page.goto(url)
        page.locator(QUICK_CHOICE).click()
        page.locator(QUICK_TAKEN).wait_for(state="attached")
        steps["form"] = time.perf_counter() - start
        page.locator(INTO_KIT).first.click()
        steps.update(_lab_steps(page, start, FORM))
        page.close()
    finally:
        _stop(proc)
    return steps


def bare_round(browser: Any, root: Path) -> dict[str, float]:
    """One bare JupyterLab start opening an empty notebook; seconds to its idle kernel."""
    folder = root / "notebooks"
    folder.mkdir(parents=True)
    (folder / "empty.ipynb").write_text(json.dumps(EMPTY))
    argv = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={free_port()}", f"--ServerApp.root_dir={folder}",
            "--LabApp.default_url=/lab/tree/empty.ipynb"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        argv.append("--allow-root")
    start = time.perf_counter()
    proc, url = _start(argv, _env(root), root)
    steps = {"server": time.perf_counter() - start}
    try:
        page = browser.new_page()
        page.set_default_timeout(180_000)
        page.goto(url)
        steps.update(_lab_steps(page, start, None))
        steps["form"] = steps["kernel"]
        page.close()
    finally:
        _stop(proc)
    return steps


def _lab_steps(page: Any, start: float, form: str | None) -> dict[str, float]:
    """Seconds from ``start`` to the notebook on the page, its idle kernel and, for the
    kit, the first output and ``form`` (the start notebook's check-in)."""
    steps = {}
    page.locator(".jp-NotebookPanel").first.wait_for()
    steps["page"] = time.perf_counter() - start
    page.locator(".jp-StatusBar-TextItem").filter(has_text=IDLE).first.wait_for()
    steps["kernel"] = time.perf_counter() - start
    if form is not None:
        page.locator(OUTPUT).first.wait_for(state="attached")
        steps["output"] = time.perf_counter() - start
        page.locator(form).first.wait_for()
        steps["notebook form"] = time.perf_counter() - start
    return steps


def _median(rounds: list[dict[str, float]], step: str) -> float:
    return statistics.median(r[step] for r in rounds)


def main() -> int:
    """Alternate kit and bare rounds, print the medians and the kit's steps."""
    from playwright.sync_api import sync_playwright

    kit: list[dict[str, float]] = []
    bare: list[dict[str, float]] = []
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                    args=CHROMIUM_ARGS)
        for n in range(ROUNDS):
            order = [("kit", kit_round, kit), ("bare", bare_round, bare)]
            for name, run, out in order if n % 2 == 0 else order[::-1]:
                steps = run(browser, Path(tmp) / f"{name}-{n}")
                out.append(steps)
                print(f"round {n + 1} {name}: " + ", ".join(
                    f"{k} {v:.1f} s" for k, v in steps.items()), flush=True)
        browser.close()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    for name, rounds in (("kit", kit), ("bare", bare)):
        print(f"{name} medians: " + ", ".join(f"{s} {_median(rounds, s):.1f} s"
                                              for s in STEPS if s in rounds[0]))
    kit_s, bare_s = _median(kit, "form"), _median(bare, "form")
    # Under a shared machine's changing load a round's kit and bare sides, run back to back,
    # are the fairest comparison: each round's ratio, and their median.
    paired = [k["form"] / b["form"] for k, b in zip(kit, bare, strict=True)]
    print("each round's ratio: " + ", ".join(f"{r:.2f}" for r in paired)
          + f" (median {statistics.median(paired):.2f})")
    print(f"load average {load:.1f}")
    notebook = [k["notebook form"] / b["form"] for k, b in zip(kit, bare, strict=True)]
    print(f"the start notebook's check-in in JupyterLab, one click from the quick page: "
          f"{_median(kit, 'notebook form'):.1f} s (each round against bare: "
          + ", ".join(f"{r:.2f}" for r in notebook)
          + f"; median {statistics.median(notebook):.2f}, target <= {NOTEBOOK_RATIO})")
    print(f"first check-in {kit_s:.1f} s (bare JupyterLab {bare_s:.1f} s, ratio "
          f"{kit_s / bare_s:.2f}; target <= {TARGET_S:.1f} s)")
    return 0 if kit_s <= TARGET_S and statistics.median(notebook) <= NOTEBOOK_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
