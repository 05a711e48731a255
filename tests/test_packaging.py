"""The project's set-up promises: pyproject.toml, the lock (requirements/*.txt) and environment.yml
name the same dependencies at the same versions."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


LOCK = ROOT / "requirements"
# Each lock file, and the parts of pyproject.toml it is made from (`make lock`).
LOCK_SETS = {"runtime": ("dependencies",), "lab": ("dependencies", "lab"),
             "test": ("dependencies", "test", "lab")}
DIRECT = "infoshare (pyproject.toml)"  # how uv names a pin of ours in a lock's "# via" notes


def _name(requirement: str) -> str:
    """The normalised name (PEP 503) of a requirement such as ``psycopg[binary]==3.3.9``."""
    name = re.split(r"[=<>!~\[ ;]", requirement, maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(requirements: list[str]) -> dict[str, str]:
    """Name -> version of ``name==version`` requirements (an unpinned one maps to "")."""
    return {_name(r): r.replace(" ", "").partition("==")[2] for r in requirements}


def _pyproject_parts() -> dict[str, list[str]]:
    """pyproject.toml's requirements by part: "dependencies" and each extra."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return {"dependencies": project["dependencies"], **project["optional-dependencies"]}


def _pyproject_requirements() -> dict[str, str]:
    return {_name(r): r.replace(" ", "") for part in _pyproject_parts().values() for r in part}


def _environment_requirements() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    return {_name(r): r.replace(" ", "") for r in pip if not r.startswith("-e")}


def _lock(name: str) -> dict[str, dict]:
    """A lock file's packages: name -> version, the number of hashes and the "# via" notes."""
    packages: dict[str, dict] = {}
    current: dict | None = None
    for line in (LOCK / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        pin = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?==(\S+)", line)
        if pin:
            current = {"version": pin[3], "hashes": 0, "via": set()}
            packages[_name(pin[1])] = current
        elif current is not None and "--hash=sha256:" in line:
            current["hashes"] += 1
        elif current is not None and line.strip().startswith("#"):
            note = line.strip().lstrip("#").strip()
            current["via"].add(note.removeprefix("via").strip())
    return packages


def _direct_pins(lock_set: str) -> dict[str, str]:
    parts = _pyproject_parts()
    return _pins([r for part in LOCK_SETS[lock_set] for r in parts[part]])


def _lock_disagreements(lock_set: str) -> list[str]:
    """How pyproject.toml's pins for a set and its lock file differ; empty when they agree."""
    wanted, locked = _direct_pins(lock_set), _lock(lock_set)
    problems = []
    for name, version in sorted(wanted.items()):
        if name not in locked:
            problems.append(f"{name}=={version}: missing")
        elif locked[name]["version"] != version:
            problems.append(f"{name}=={version}: locked at {locked[name]['version']}")
        elif DIRECT not in locked[name]["via"]:
            problems.append(f"{name}=={version}: locked only as another package's dependency")
    problems += [f"{name}: locked as a direct dependency, not in pyproject.toml"
                 for name, package in sorted(locked.items())
                 if DIRECT in package["via"] and name not in wanted]
    return problems


@pytest.mark.parametrize("lock_set", sorted(LOCK_SETS))
def test_the_lock_holds_pyproject_pins(lock_set: str) -> None:
    """Run `make lock` after changing pyproject.toml's dependencies (README, "the lock")."""
    assert len(_direct_pins(lock_set)) >= 10
    assert _lock_disagreements(lock_set) == [], "pyproject.toml and the lock differ: run make lock"


def test_the_lock_check_sees_a_moved_or_dropped_pin(monkeypatch: pytest.MonkeyPatch) -> None:
    parts = _pyproject_parts()
    moved = {**parts, "dependencies": [r.replace("voila==", "voila==0.0.") if r.startswith("voila")
                                       else r for r in parts["dependencies"]]}
    monkeypatch.setattr(sys.modules[__name__], "_pyproject_parts", lambda: moved)
    assert _lock_disagreements("runtime") == ["voila==0.0.0.5.13: locked at 0.5.13"]
    dropped = {**parts, "dependencies": [r for r in parts["dependencies"] if "segno" not in r]}
    monkeypatch.setattr(sys.modules[__name__], "_pyproject_parts", lambda: dropped)
    assert _lock_disagreements("runtime") == [
        "segno: locked as a direct dependency, not in pyproject.toml"]
    added = {**parts, "dependencies": [*parts["dependencies"], "six==1.17.0"]}
    monkeypatch.setattr(sys.modules[__name__], "_pyproject_parts", lambda: added)
    assert _lock("runtime")["six"]["version"] == "1.17.0"  # there, through python-dateutil
    assert _lock_disagreements("runtime") == [
        "six==1.17.0: locked only as another package's dependency"]


@pytest.mark.parametrize("lock_set", sorted(LOCK_SETS))
def test_every_locked_package_has_hashes(lock_set: str) -> None:
    locked = _lock(lock_set)
    assert len(locked) >= 50
    assert [name for name, package in locked.items() if not package["hashes"]] == []


@pytest.mark.parametrize("lock_set", ["lab", "test"])
def test_the_other_sets_keep_the_runtime_versions(lock_set: str) -> None:
    """test.txt and lab.txt go on top of runtime.txt in one venv: no package may move."""
    runtime, other = _lock("runtime"), _lock(lock_set)
    assert {name: other.get(name, {}).get("version") for name in runtime} == {
        name: package["version"] for name, package in runtime.items()}


def test_the_build_backend_is_locked() -> None:
    """make install builds the app with requirements/build.txt (no newest setuptools fetched)."""
    build_system = tomllib.loads((ROOT / "pyproject.toml").read_text())["build-system"]
    locked, runtime = _lock("build"), _lock("runtime")
    assert {_name(r) for r in build_system["requires"]} <= set(locked)
    assert all(package["hashes"] for package in locked.values())
    assert all(runtime[name]["version"] == package["version"]
               for name, package in locked.items() if name in runtime)


def test_the_runtime_set_has_no_test_tools_or_jupyterlab() -> None:
    runtime = _lock("runtime")
    assert "voila" in runtime and "ipykernel" in runtime
    assert {"jupyterlab", "pytest", "playwright", "ruff", "nbval", "kubernetes-validate"} & set(
        runtime) == set()


def test_environment_matches_pyproject() -> None:
    pyproject = _pyproject_requirements()
    assert len(pyproject) >= 10
    assert _environment_requirements() == pyproject


def test_environment_matches_the_lock() -> None:
    """environment.yml's pins are the lock's versions, for every set that locks them."""
    environment = _pins(list(_environment_requirements().values()))
    checked = 0
    for lock_set in LOCK_SETS:
        locked = _lock(lock_set)
        for name in _direct_pins(lock_set):
            assert environment.get(name) == locked[name]["version"], (name, lock_set)
            checked += 1
    assert checked >= 40


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


def test_lab_without_jupyterlab_says_how_to_install_it(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """JupyterLab is the `lab` set, not the app's: `infoshare lab` without it names the fix."""
    from infoshare_widgets.app import lab

    found = lab.importlib.util.find_spec
    monkeypatch.setattr(lab.importlib.util, "find_spec",
                        lambda name, *args: None if name == "jupyterlab" else found(name, *args))
    monkeypatch.setattr(lab.subprocess, "call", lambda *a, **k: pytest.fail("JupyterLab started"))
    assert lab.lab(open_browser=False) == 2
    assert "make lab" in capsys.readouterr().err
