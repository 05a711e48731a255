"""`infoshare export` and `import`: the overlay as a zip or a folder, for backup and for git.

Export copies the published items and their history. Import publishes each item it finds
(``<kind>/<id>.yaml``) through the store, so it is checked like any publish and becomes a
version (action "import") by the person who ran it; a history from elsewhere is never taken on
trust. A zip is read member by member, never extracted: only names of that one shape, at most
`MAX_ITEMS` of them, each at most a content file's size.
"""

from __future__ import annotations

import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..content.files import read_content_file
from ..content.overlay import KINDS, valid_id
from ..content.problems import Problem
from ..content.size_limits import MAX_FILE_BYTES
from .publish_store import Author, PublishStore, Refused
from .versions import HISTORY, Version

MAX_ITEMS = 2_000


@dataclass
class Imported:
    """What an import did: the versions it made, what was the same already, what it refused."""

    published: list[Version] = field(default_factory=list)
    unchanged: list[tuple[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def export_overlay(overlay: Path, out: Path) -> int:
    """Write the overlay's items and history to ``out`` (``.zip``: a zip; else a new folder).
    Returns how many files were written."""
    files = _overlay_files(Path(overlay))
    out = Path(out)
    if out.exists():
        raise FileExistsError(f"{out} already exists: choose a new name")
    if out.suffix == ".zip":
        with zipfile.ZipFile(out, "x", zipfile.ZIP_DEFLATED) as archive:
            for rel, path in files:
                archive.write(path, rel)
        return len(files)
    for rel, path in files:
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    out.mkdir(parents=True, exist_ok=True)
    return len(files)


def _overlay_files(overlay: Path) -> list[tuple[str, Path]]:
    wanted = [*KINDS, HISTORY]
    out = []
    for top in wanted:
        folder = overlay / top
        if not folder.is_dir() or folder.is_symlink():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.is_symlink() and _exported(path):
                out.append((path.relative_to(overlay).as_posix(), path))
    return out


def _exported(path: Path) -> bool:
    return path.suffix in (".yaml", ".json") and not path.name.startswith(".")


def import_overlay(source: Path, store: PublishStore, author: Author) -> Imported:
    """Publish every item in ``source`` (a zip or a folder made by export, or a git checkout)."""
    result = Imported()
    for kind, item_id, text in _items(Path(source), result):
        if store.published_text(kind, item_id) == text:
            result.unchanged.append((kind, item_id))
            continue
        try:
            result.published.append(store.publish(kind, item_id, text, author, action="import"))
        except Refused as refused:
            result.problems.extend(refused.problems)
    return result


def _items(source: Path, result: Imported) -> list[tuple[str, str, str]]:
    """(kind, id, text) of each item in ``source``; what cannot be read becomes a problem."""
    if source.is_file() and zipfile.is_zipfile(source):
        return _zip_items(source, result)
    if not source.is_dir():
        result.problems.append(Problem(source, "is neither a zip nor a folder"))
        return []
    found = []
    for kind in KINDS:
        folder = source / kind
        if not folder.is_dir() or folder.is_symlink():
            continue
        for path in sorted(folder.glob("*.yaml")):
            raw = read_content_file(path, source.resolve())
            found.append((kind, path.stem, raw))
    return _decoded(found[:MAX_ITEMS + 1], source, result)


def _zip_items(source: Path, result: Imported) -> list[tuple[str, str, str]]:
    found = []
    with zipfile.ZipFile(source) as archive:
        for info in archive.infolist():
            parts = PurePosixPath(info.filename).parts
            if len(parts) != 2 or parts[0] not in KINDS or not parts[1].endswith(".yaml"):
                continue  # the history and anything else: not imported
            if info.file_size > MAX_FILE_BYTES:
                result.problems.append(Problem(source / info.filename, "the item is too large"))
                continue
            with archive.open(info) as member:
                found.append((parts[0], parts[1][:-5], member.read(MAX_FILE_BYTES + 1)))
    return _decoded(found[:MAX_ITEMS + 1], source, result)


def _decoded(found: list, source: Path, result: Imported) -> list[tuple[str, str, str]]:
    if len(found) > MAX_ITEMS:
        result.problems.append(Problem(source, f"more than {MAX_ITEMS} items: nothing imported"))
        return []
    out = []
    for kind, item_id, raw in found:
        where = source / kind / f"{item_id}.yaml"
        if isinstance(raw, Problem):
            result.problems.append(raw)
        elif not valid_id(item_id):
            result.problems.append(Problem(where, "the file name is not a valid id"))
        elif len(raw) > MAX_FILE_BYTES:
            result.problems.append(Problem(where, "the item is too large"))
        else:
            try:
                out.append((kind, item_id, raw.decode("utf-8")))
            except UnicodeDecodeError:
                result.problems.append(Problem(where, "is not UTF-8 text"))
    return out
