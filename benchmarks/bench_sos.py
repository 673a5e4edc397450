"""`exback sos` up to its first question vs `exback checkin` up to its first question.

Someone who types ``exback sos`` is in the middle of a hard minute: the first question must
come as fast as the check-in's. Both start a fresh interpreter in a pseudo-terminal (pexpect)
on the same journal and are timed from spawn to their first prompt, then ended with Ctrl-D
(nothing is saved); runs are interleaved and the medians compared. Last line:
``sos ratio X.XX (target <= 1.2)``; exit status 1 when over target.

Bytecode cache on for both, as an installed kit has (see bench_cli.py).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pexpect

TARGET = 1.2
RUNS = 15


def _first_prompt(args: list[str], prompt: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    child = pexpect.spawn("exback", args, env=env, encoding="utf-8", timeout=60)
    child.expect(prompt)
    took = time.perf_counter() - start
    child.sendeof()  # Ctrl-D: both stop and save nothing
    child.expect(pexpect.EOF)
    child.close()
    return took


def main() -> int:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as tmp:
        journal = str(Path(tmp) / "journal.sqlite3")
        from exback_kit import Journal

        with Journal.open(journal) as j:  # a journal with a little in it, as a person's has
            j.add_checkin(mood=5)
            j.add("reappraisals", what="We argued every weekend.")
        sides = {"checkin": (["checkin", "--journal", journal], "Mood right now"),
                 "sos": (["sos", "--journal", journal], "How strong is it right now")}
        for args, prompt in sides.values():  # warm the bytecode cache
            _first_prompt(args, prompt, env)
        times: dict[str, list[float]] = {name: [] for name in sides}
        for _ in range(RUNS):
            for name, (args, prompt) in sides.items():
                times[name].append(_first_prompt(args, prompt, env))
    checkin, sos = (statistics.median(times[n]) for n in ("checkin", "sos"))
    ratio = sos / checkin
    print(f"first question: exback sos {sos * 1000:.0f} ms, exback checkin {checkin * 1000:.0f} ms")
    print(f"sos ratio {ratio:.2f} (target <= {TARGET})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
