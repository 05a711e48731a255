"""The map (docs/architecture.md) and the tree stay in step, and the code carries no history.

Every module of the package (a ``.py`` file other than ``__init__.py``, and every package) is named
in the map's "Packages and modules" section, as a path relative to ``infoshare_widgets/`` in
backticks; every such path the section names exists. The map stays short enough to read in ten
minutes. History belongs in CHANGES.md: no "issue N" in the package's source or templates.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "infoshare_widgets"
MAP = ROOT / "docs" / "architecture.md"
SECTION = "## Packages and modules"
MAX_LINES = 250
# A path in backticks: `app/serve.py`, `app/room/` (a folder ends with a slash).
NAMED_PATH = re.compile(r"`([a-z_]+(?:/[a-z_]+)*(?:\.py|/))`")
ISSUE = re.compile(r"issue\s*#?\s*[0-9]+", re.IGNORECASE)
SOURCES = {".py", ".j2", ".html", ".js", ".css"}


def modules(root: Path = PACKAGE) -> set[str]:
    """Every module and package under ``root``: ``app/serve.py``, ``app/room/``."""
    found = set()
    for path in root.rglob("*.py"):
        if "__pycache__" in path.parts:
            continue
        rel = path.relative_to(root)
        if path.name == "__init__.py":
            if rel.parent.parts:  # the root package is the whole map
                found.add(rel.parent.as_posix() + "/")
        else:
            found.add(rel.as_posix())
    return found


def named_in_map(text: str) -> set[str]:
    """The paths the map's module section names."""
    if SECTION not in text:
        raise AssertionError(f"{MAP.name} has no {SECTION!r} section")
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    return set(NAMED_PATH.findall(section))


def issue_references(paths: list[Path]) -> list[str]:
    """``file:line: text`` for every "issue N" in ``paths``."""
    hits = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if ISSUE.search(line):
                hits.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    return hits


def source_files(suffixes: set[str]) -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                  and p.suffix in suffixes)


def test_the_package_has_modules_and_the_map_names_some() -> None:
    assert len(modules()) > 100  # refuses to pass on an empty tree
    assert len(named_in_map(MAP.read_text(encoding="utf-8"))) > 100


def test_the_map_is_short() -> None:
    lines = len(MAP.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{MAP.name} has {lines} lines; a map has at most {MAX_LINES}"


def test_every_module_is_on_the_map() -> None:
    missing = sorted(modules() - named_in_map(MAP.read_text(encoding="utf-8")))
    assert not missing, f"modules not named in {MAP.name} ({SECTION}): {missing}"


def test_every_path_on_the_map_exists() -> None:
    gone = sorted(p for p in named_in_map(MAP.read_text(encoding="utf-8"))
                  if not (PACKAGE / p).exists())
    assert not gone, f"{MAP.name} names paths that do not exist under {PACKAGE.name}/: {gone}"


def test_no_issue_numbers_in_the_package() -> None:
    """Python, templates, the front-end modules and styles."""
    files = source_files(SOURCES)
    assert len(files) > 120 and any(p.suffix == ".js" for p in files)
    hits = issue_references(files)
    assert not hits, "history goes to CHANGES.md, not the code:\n" + "\n".join(hits)


def test_the_issue_pattern_finds_what_it_should() -> None:
    found = [text for text in ("issue 14", "Issue #27", "(issue 8, issue 15)", "ISSUE #3")
             if ISSUE.search(text)]
    assert len(found) == 4
    assert not ISSUE.search("issues of the tracker") and not ISSUE.search("pytest-xdist#1386")
