"""The kit installs as a plain wheel, and the conda file names the same dependencies."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]


def _names(specs: list[str]) -> dict[str, str]:
    return {Requirement(s).name.lower(): str(Requirement(s).specifier) for s in specs}


def test_environment_yml_names_the_same_runtime_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = [d.replace(" ", "") for d in env["dependencies"] if isinstance(d, str)]
    conda_deps = _names([d for d in conda if not d.startswith(("python", "pip"))])
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    # packages conda-forge lacks come from PyPI through the pip list
    conda_deps |= _names([d.replace(" ", "") for d in pip_section if d != "-e ."])
    assert conda_deps == _names(project["dependencies"])
    assert "conda-forge" in env["channels"]
    assert "-e ." in pip_section


@pytest.mark.slow
def test_wheel_ships_the_content_and_works_without_the_checkout(tmp_path):
    """Build the wheel, install it into a fresh venv, load the content from outside the repo."""
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                    str(dist), str(ROOT)], check=True, capture_output=True, timeout=300)
    wheel = next(dist.glob("exback_kit-*.whl"))
    # Every module of the tree is in the wheel: a subpackage left out of pyproject's list
    # once broke `exback encrypt` and sync in any install but an editable one.
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "exback_kit").rglob("*.py")
               if "__pycache__" not in p.parts}
    assert modules - set(zipfile.ZipFile(wheel).namelist()) == set()
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
                   check=True, capture_output=True, timeout=300)
    code = (
        "import exback_kit, sys; from exback_kit import content, Journal; "
        "c = content.load(); "
        "assert exback_kit.__file__.startswith(sys.prefix), exback_kit.__file__; "
        "assert len(c.steps) == 18, len(c.steps); "
        "from importlib.resources import files; "
        "nbs = sorted(p.name for p in files('exback_kit.notebooks').iterdir() "
        "if p.name.endswith('.ipynb')); "
        "assert len(nbs) == 10 and nbs[0] == '00_start_here.ipynb', nbs; "
        "import json; from exback_kit.cli import lab_config; "
        "ext = lab_config.labextensions_dir() / lab_config.EXTENSION; "
        "assert str(ext).startswith(sys.prefix), ext; "
        "load = json.loads((ext / 'package.json').read_text())['jupyterlab']['_build']['load']; "
        "assert (ext / load).is_file(), load; "
        "j = Journal.open(sys.argv[1]); j.add_checkin(mood=5); print(j.count('checkins'))"
    )
    out = subprocess.run([python, "-c", code, str(tmp_path / "j.sqlite3")], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "1"
    script = env_dir / "bin" / "exback"
    where = subprocess.run([script, "where", "--journal", str(tmp_path / "x.sqlite3")],
                           capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert where.returncode == 0 and where.stdout.strip() == str(tmp_path / "x.sqlite3")
