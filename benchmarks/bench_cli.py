"""`exback checkin --mood 6` as a whole process vs a bare python that inserts one row.

Both sides start a fresh interpreter, open a WAL journal with synchronous=FULL
and commit one row inside BEGIN IMMEDIATE; runs are interleaved and the medians
compared, so machine noise hits both alike. Last line: ``cli ratio X.XX (target <= 1.3)``.

Two references run in the same rounds, to read that ratio by (no target of their own):

* ``python -c pass``: the environment's own start-up. Where ``site`` imports much for
  everyone (an editable install's finder imports pathlib and re; other ``.pth``
  files more), the bare process is slow and the modules the kit needs come free.
* a plain argparse command: the same insert after ``import re, argparse`` and parsing the
  check-in's options, as a Python command built on argparse and started by pip's launcher
  (which imports ``re`` itself) does, untuned (argparse imports ``shutil`` for the width
  and gettext ``locale``, which the kit avoids): a reference, not a floor.

Before it, a locked journal two ways:

* ``remembered locked cli ratio X.XX (target <= 2.5)``: ``exback checkin`` on a locked
  journal whose key the person chose to remember (``exback remember``), no passphrase:
  no key derivation at all, SQLCipher, and the keyring's import. The keyring is the
  tests' file-backed one (tests/cli/keyring_file.py; this machine has no desktop
  keyring), so a real Secret Service adds its own D-Bus start-up on top.
* ``scrypt n=2^17 in a fresh process X.XX s (target <= 0.5)``: what a typed or
  ``EXBACK_PASSPHRASE`` unlock costs on top of that (the key file's derivation at the
  product's cost, ``keys.SCRYPT_N``), with the whole locked check-in's time beside it.

Exit status 1 when any is over target.

Both sides run with Python's bytecode cache on, as an installed kit does (pip
compiles a package when it installs it; an editable install writes its cache on
the first run): ``PYTHONDONTWRITEBYTECODE`` is dropped from their environment, so
a shell that sets it doesn't time the compiling of every module on every run.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 1.3
REMEMBERED_TARGET = 2.5
KDF_TARGET_S = 0.5
RUNS = 25
KDF_RUNS = 7
PASSPHRASE = "a benchmark passphrase"  # noqa: S105 (a throwaway journal)

BARE = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA busy_timeout = 10000")
c.execute("PRAGMA journal_mode = WAL")
c.execute("PRAGMA synchronous = FULL")
c.execute("CREATE TABLE IF NOT EXISTS checkins "
          "(id INTEGER PRIMARY KEY, at TEXT, day TEXT, mood INTEGER)")
c.execute("BEGIN IMMEDIATE")
c.execute("INSERT INTO checkins (at, day, mood) "
          "VALUES ('2026-01-01T12:00:00+00:00', '2026-01-01', 6)")
c.execute("COMMIT")
c.close()
"""

#: The bare insert as an argparse command does it: the launcher's ``import re``, the parser.
BARE_ARGPARSE = """
import re, sys, argparse
p = argparse.ArgumentParser(prog="cli")
sub = p.add_subparsers(dest="command")
c = sub.add_parser("checkin")
for name in ("--mood", "--energy", "--mind"):
    c.add_argument(name, type=int)
c.add_argument("--sleep", type=float)
c.add_argument("--habit", action="append", default=[])
c.add_argument("--at")
c.add_argument("--note", default="")
c.add_argument("--journal")
args = p.parse_args(["checkin", "--mood", "6"])
""" + BARE


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


KDF = """
import hashlib, sys, time
from exback_kit.store import keys
start, cpu = time.perf_counter(), time.process_time()
hashlib.scrypt(b"a benchmark passphrase", salt=b"s" * 16, n=keys.SCRYPT_N, r=keys.SCRYPT_R,
               p=keys.SCRYPT_P, maxmem=256 * 1024 * 1024, dklen=64)
print(time.perf_counter() - start, time.process_time() - cpu)
"""


def _kdf_seconds(env: dict[str, str]) -> tuple[float, float]:
    """Return the derivation's (wall, CPU) seconds; on a loaded machine CPU is the truer cost."""
    out = subprocess.run([sys.executable, "-c", KDF], check=True, env=env,
                         capture_output=True, text=True).stdout.split()
    return float(out[0]), float(out[1])


def main() -> int:
    # The kit installed beside the Python running this, not whatever `exback` PATH finds
    # first: a version manager's shim (pyenv's is a shell script) adds its own start-up.
    exback = shutil.which("exback", path=str(Path(sys.executable).parent)) or shutil.which("exback")
    if exback is None:
        print("exback is not on PATH: run `pip install -e .` first")
        return 2
    base = {k: v for k, v in os.environ.items()
            if k not in ("PYTHONDONTWRITEBYTECODE", "EXBACK_PASSPHRASE", "EXBACK_RECOVERY_KEY",
                         "EXBACK_TESTS_SCRYPT_N")}
    keyring_dir = Path(__file__).resolve().parents[1] / "tests" / "cli"
    with tempfile.TemporaryDirectory() as tmp:
        env = {**base, "EXBACK_HOME": str(Path(tmp) / "home")}
        locked_env = {**base, "EXBACK_HOME": str(Path(tmp) / "locked"),
                      "EXBACK_PASSPHRASE": PASSPHRASE}
        remembered_env = {**base, "EXBACK_HOME": str(Path(tmp) / "locked"),
                          "PYTHONPATH": str(keyring_dir),
                          "PYTHON_KEYRING_BACKEND": "keyring_file.FileKeyring",
                          "EXBACK_TEST_KEYRING": str(Path(tmp) / "keyring.json")}
        kit = [exback, "checkin", "--mood", "6"]
        bare = [sys.executable, "-c", BARE, str(Path(tmp) / "bare.sqlite3")]
        _time(kit, env)  # create the journals and their first backups outside the timing
        _time(kit, locked_env)
        subprocess.run([exback, "encrypt"], check=True, env=locked_env,
                       stdout=subprocess.DEVNULL)
        subprocess.run([exback, "remember"], check=True, stdout=subprocess.DEVNULL,
                       env={**remembered_env, "EXBACK_PASSPHRASE": PASSPHRASE})
        _time(kit, locked_env)
        _time(kit, remembered_env)
        _time(bare, env)
        # Each comparison in its own interleaved loop, the order turning (see _interleaved):
        # a locked run (SQLCipher, the keyring) or a derivation (128 MiB through the
        # caches) between a plain pair would tax whichever side came after it.
        kit_t, bare_t, argparse_t, pass_t = _interleaved(
            [(kit, env), (bare, env),
             ([sys.executable, "-c", BARE_ARGPARSE, str(Path(tmp) / "bare2.sqlite3")], env),
             ([sys.executable, "-c", "pass"], env)])
        remembered_t, bare_r = _interleaved([(kit, remembered_env), (bare, env)])
        locked_t = [_time(kit, locked_env) for _ in range(KDF_RUNS)]
        kdf_t = [_kdf_seconds(env) for _ in range(KDF_RUNS)]
    k, b = statistics.median(kit_t), statistics.median(bare_t)
    e, m = statistics.median(locked_t), statistics.median(remembered_t)
    d, d_cpu = statistics.median(w for w, _ in kdf_t), statistics.median(c for _, c in kdf_t)
    ratio, remembered_ratio = k / b, m / statistics.median(bare_r)
    print(f"exback checkin median {k * 1000:.1f} ms, bare python+sqlite median {b * 1000:.1f} ms"
          f" ({RUNS} runs each, interleaved; rounds' ratios {_spread(kit_t, bare_t)}); locked "
          f"with a remembered key {m * 1000:.1f} ms ({RUNS} runs beside bare ones); locked with "
          f"EXBACK_PASSPHRASE {e * 1000:.1f} ms ({KDF_RUNS} runs apart, {e / b:.2f}x bare)")
    a, p = statistics.median(argparse_t), statistics.median(pass_t)
    print(f"references: python -c pass {p * 1000:.1f} ms ({p / b:.2f}x bare); a plain argparse"
          f" command doing the same insert {a * 1000:.1f} ms ({a / b:.2f}x bare; the kit is "
          f"{k / a:.2f}x it)")
    print(f"scrypt n=2^{_log2(env)} in a fresh process {d:.2f} s wall, {d_cpu:.2f} s CPU "
          f"(target <= {KDF_TARGET_S})")
    print(f"remembered locked cli ratio {remembered_ratio:.2f} (target <= {REMEMBERED_TARGET})")
    print(f"cli ratio {ratio:.2f} (target <= {TARGET})")
    ok = ratio <= TARGET and remembered_ratio <= REMEMBERED_TARGET and d <= KDF_TARGET_S
    return 0 if ok else 1


def _interleaved(sides: list[tuple[list[str], dict[str, str]]]) -> list[list[float]]:
    """Time each command RUNS times, in rounds: the order turns by one each round, and every
    other full turn runs backwards, so each command goes first as often as the others and
    none always follows the same one."""
    times: list[list[float]] = [[] for _ in sides]
    order = list(range(len(sides)))
    for number in range(RUNS):
        turn = order[number % len(order):] + order[:number % len(order)]
        for i in turn[::-1] if (number // len(order)) % 2 else turn:
            times[i].append(_time(*sides[i]))
    return times


def _spread(kit: list[float], bare: list[float]) -> str:
    """The middle half of the rounds' ratios (each kit run over the bare run beside it)."""
    rounds = sorted(k / b for k, b in zip(kit, bare, strict=True))
    return f"{rounds[len(rounds) // 4]:.2f}–{rounds[3 * len(rounds) // 4]:.2f}"


def _log2(env: dict[str, str]) -> int:
    out = subprocess.run([sys.executable, "-c", "from exback_kit.store import keys; "
                          "print(keys.SCRYPT_N.bit_length() - 1)"],
                         check=True, env=env, capture_output=True, text=True).stdout
    return int(out)


if __name__ == "__main__":
    sys.exit(main())
