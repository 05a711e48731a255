"""The project's set-up promises: environment.yml and pyproject.toml name the same dependencies."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[=<>!~\[ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = project["dependencies"] + [r for extra in project["optional-dependencies"].values()
                                      for r in extra]
    return {_name(r): r.replace(" ", "") for r in reqs}


def _environment_requirements() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    return {_name(r): r.replace(" ", "") for r in pip if not r.startswith("-e")}


def test_environment_matches_pyproject() -> None:
    pyproject = _pyproject_requirements()
    assert len(pyproject) >= 10
    assert _environment_requirements() == pyproject


def test_every_dependency_is_pinned() -> None:
    unpinned = [r for r in _pyproject_requirements().values() if "==" not in r]
    assert unpinned == []


def test_ci_has_the_pack_source_for_the_drift_check() -> None:
    """Where the drift check must run (CI sets INFOSHARE_REQUIRE_PACK=1), a skip is a failure."""
    import os

    assert "INFOSHARE_REQUIRE_PACK=1" in (ROOT / ".ci" / "run").read_text()
    if os.environ.get("INFOSHARE_REQUIRE_PACK") == "1":
        assert (ROOT.parent / "shared" / "source" / "resource-pack.txt").exists()


def test_environment_python_is_311() -> None:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert "python=3.11" in env["dependencies"]


def test_console_script_help() -> None:
    out = subprocess.run([sys.executable, "-m", "infoshare_widgets.cli", "--help"],
                         capture_output=True, text=True, check=True).stdout
    assert "validate" in out and "serve" in out


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text()
    assert "make test" in readme and "make serve" in readme


def test_makefile_never_downloads_a_browser() -> None:
    makefile = (ROOT / "Makefile").read_text()
    assert "playwright install" not in makefile
    assert "apt-get install -y" in makefile


PACK_COPY = ROOT / "tests" / "data" / "resource-pack.txt"
PACK_SOURCE = ROOT.parent / "shared" / "source" / "resource-pack.txt"


def test_pack_copy_is_the_pack() -> None:
    """tests/data keeps a copy of the pack so CI can check coverage without ../shared."""
    assert PACK_COPY.read_text(encoding="utf-8").count("Golden Rules") >= 4


def test_pack_copy_matches_the_source() -> None:
    """The copy must not drift from the source; where the source is absent, say so."""
    if not PACK_SOURCE.exists():
        pytest.skip(f"the source pack is not here ({PACK_SOURCE}): cannot check the copy for "
                    "drift (CI has ../shared beside the clone)")
    assert PACK_COPY.read_bytes() == PACK_SOURCE.read_bytes()
