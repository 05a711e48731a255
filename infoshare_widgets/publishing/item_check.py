"""Why an item may not be published, checked against the whole content as learners would get it.

The same loader as `infoshare validate`, run on a copy of the overlay with the item in it, so
ids, links, basis ids, sources and placeholders are checked exactly as they will be read. An
item is refused when its own file has a problem, when it adds a problem anywhere else, when it
is marked as a draft (drafts are saved apart, never published), when its id is not an id, or
when it is larger than a content file may be.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ..content.cache import current_content
from ..content.files import size_text
from ..content.formats import to_current
from ..content.loader import load_content
from ..content.overlay import KINDS, item_path, valid_id
from ..content.problems import Problem
from ..content.size_limits import MAX_FILE_BYTES
from ..content.yaml_reader import read_yaml_text

BAD_ID = "not a valid id: use lowercase letters, digits and single hyphens (at most 60)"
DRAFT = ("a draft cannot be published: save it as a draft, or remove `draft: true` when it is "
         "ready")


def check_item(content_root: Path, overlay: Path, kind: str, item_id: str,
               text: str) -> list[Problem]:
    """Every reason ``text`` may not be published as ``kind``/``item_id``; [] when it may."""
    shown = Path(overlay) / kind / f"{item_id}.yaml" if valid_id(item_id) else Path(kind)
    if kind not in KINDS:
        return [Problem(shown, f"unknown kind '{kind}': one of {', '.join(KINDS)}")]
    if not valid_id(item_id):
        return [Problem(shown, BAD_ID, field="id")]
    size = len(text.encode("utf-8"))
    if size > MAX_FILE_BYTES:
        return [Problem(shown, f"the item is too large: {size:,} bytes (at most "
                               f"{size_text(MAX_FILE_BYTES)})")]
    read = read_yaml_text(text, shown)
    if read.problems:
        return list(read.problems)
    if not isinstance(read.data, dict):
        return [Problem(shown, "the item must be a mapping of fields")]
    current = to_current(kind, read.data)
    if current.data is not None and current.data.get("draft") is True:
        return [Problem(shown, DRAFT, field="draft", line=read.lines.get(("draft",)))]
    return _in_context(Path(content_root), Path(overlay), kind, item_id, text, shown)


def _in_context(root: Path, overlay: Path, kind: str, item_id: str, text: str,
                shown: Path) -> list[Problem]:
    """The content loaded with the item in a copy of the overlay: what the item brings."""
    before = {str(p) for p in current_content(root, overlay).problems}  # cached, as pages read it
    with tempfile.TemporaryDirectory(prefix="infoshare-publish-") as tmp:
        staged = Path(tmp).resolve() / "overlay"
        staged.mkdir()
        for folder in KINDS:
            if (overlay / folder).is_dir():
                shutil.copytree(overlay / folder, staged / folder, symlinks=True)
        candidate = item_path(staged, kind, item_id)
        candidate.parent.mkdir(exist_ok=True)
        candidate.write_text(text, encoding="utf-8")
        after = load_content(root, staged).problems
        mine = [_renamed(p, shown) for p in after if p.file == candidate]
        elsewhere = [p for p in after if p.file != candidate and str(p) not in before
                     and not _under(p.file, staged)]
    return mine + elsewhere


def _renamed(problem: Problem, path: Path) -> Problem:
    return Problem(path, problem.message, problem.field, problem.line, problem.column,
                   problem.loc)


def _under(path: Path, folder: Path) -> bool:
    try:
        Path(path).relative_to(folder)
    except ValueError:
        return False
    return True
