"""Packaging: what ``pip install .`` pulls in, and JupyterLab in the development environment.

pip ignores uv's ``override-dependencies``, so the check walks ``uv.lock`` from the project's
run-time dependencies taking every dependency edge, whatever its marker (the overrides show
there as ``sys_platform == 'never'`` markers): that is what pip would resolve.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEAVY = {"torch", "transformers", "triton", "scikit-learn", "scipy", "camel-kenlm"}


def _lock() -> dict[str, set[str]]:
    """Package name -> names of its dependencies (every version and marker)."""
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    deps: dict[str, set[str]] = {}
    for pkg in lock["package"]:
        deps.setdefault(pkg["name"], set()).update(d["name"] for d in pkg.get("dependencies", []))
    return deps


def pip_closure(roots: list[str], deps: dict[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        n = todo.pop()
        if n not in seen:
            seen.add(n)
            todo.extend(deps.get(n, ()))
    return seen


def _runtime_roots() -> list[str]:
    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r).name.lower() for r in project["dependencies"]]


@pytest.mark.parametrize("roots, deps, heavy", [
    (["a"], {"a": {"b"}, "b": {"torch"}}, {"torch"}),   # found through a chain
    (["a"], {"a": {"b"}, "b": set(), "c": {"torch"}}, set()),
])
def test_packaging_closure(roots, deps, heavy):
    assert pip_closure(roots, deps) & HEAVY == heavy


def test_packaging_pip_install_does_not_pull_torch():
    closure = pip_closure(_runtime_roots(), _lock())
    assert not closure & HEAVY, sorted(closure & HEAVY)
    assert "camel-tools" not in closure  # it is what pulled them in; it is a dev dependency now
    assert {"pandas", "pyarabic", "networkx", "pyarrow"} <= closure


def test_packaging_the_dev_environment_still_has_camel_tools_without_torch():
    closure = pip_closure(["arabic-news-extract"], _lock())
    dev = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["dependency-groups"]["dev"]
    assert any(d.startswith("camel-tools") for d in dev)
    import importlib.util

    assert importlib.util.find_spec("camel_tools") is not None
    assert importlib.util.find_spec("torch") is None  # the uv overrides keep it out of this environment
    assert closure  # the lock lists the project


def test_packaging_jupyter_lab_runs_and_opens_the_notebooks_folder():
    jupyter = Path(sys.executable).parent / "jupyter"
    out = subprocess.run([str(jupyter), "lab", "--version"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip()[0].isdigit(), out
    config = Path(sys.prefix) / "etc" / "jupyter" / "jupyter_lab_config.json"
    assert json.loads(config.read_text(encoding="utf-8")) == {"LabApp": {"default_url": "/lab/tree/notebooks"}}
