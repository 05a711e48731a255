"""`infoshare export` and `import`: the overlay as a zip or a folder, for backup and for git.

Export copies the published items and their history. Import publishes each item it finds
(``<kind>/<id>.yaml``) through the store, so it is checked like any publish and becomes a
version (action "import") by the person who ran it; a history from elsewhere is never taken on
trust. A zip is read member by member, never extracted: only names of that one shape, at most
`MAX_ITEMS` of them (reading stops at the one past it), each at most a content file's size, all
together at most :data:`MAX_TOTAL_BYTES` unpacked (what the zip's entries declare, checked before
any is read, and what is read); a zip file larger than that is not opened. A zip bomb is refused
whole, with a message saying why.
"""

from __future__ import annotations

import shutil
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..content.files import read_content_file
from ..content.overlay import KINDS, valid_id
from ..content.problems import Problem
from ..content.size_limits import MAX_FILE_BYTES
from .publish_store import Author, PublishStore, Refused
from .versions import HISTORY, Version

MAX_ITEMS = 2_000
MAX_TOTAL_BYTES = 64_000_000
"""All the items of an import together, unpacked: a shipped item is a few KB, so 2,000 items of
ten times that (20 KB) are 40 MB; 64 MB leaves room and refuses a zip bomb long before memory."""
TOO_MUCH = (f"would unpack to more than {MAX_TOTAL_BYTES // 1_000_000} MB (a zip bomb, or not an "
            "export of a site's items): nothing imported")


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
            if len(found) > MAX_ITEMS:
                break
            found.append((kind, path.stem, read_content_file(path, source.resolve())))
    total = sum(len(raw) for *_, raw in found if not isinstance(raw, Problem))
    if total > MAX_TOTAL_BYTES:
        result.problems.append(Problem(source, TOO_MUCH.replace("would unpack to", "holds")))
        return []
    return _decoded(found, source, result)


def _zip_items(source: Path, result: Imported) -> list[tuple[str, str, str]]:
    if source.stat().st_size > MAX_TOTAL_BYTES:
        result.problems.append(Problem(source, f"is larger than {MAX_TOTAL_BYTES // 1_000_000} "
                                       "MB: nothing imported"))
        return []
    try:
        with zipfile.ZipFile(source) as archive:
            found = _zip_members(archive, source, result)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, OSError,
            EOFError) as err:
        result.problems.append(Problem(source, f"cannot be read as a zip ({err}): nothing "
                                       "imported"))
        return []
    return _decoded(found, source, result) if found is not None else []


def _zip_members(archive: zipfile.ZipFile, source: Path, result: Imported) -> list | None:
    """The item members' (kind, id, bytes); None (a problem says why) when there are more than
    `MAX_ITEMS` or they would unpack to more than `MAX_TOTAL_BYTES`."""
    members = []
    for info in archive.infolist():
        parts = PurePosixPath(info.filename).parts
        if len(parts) != 2 or parts[0] not in KINDS or not parts[1].endswith(".yaml"):
            continue  # the history and anything else: not imported
        if info.file_size > MAX_FILE_BYTES:
            result.problems.append(Problem(source / info.filename, "the item is too large"))
            continue
        members.append((parts, info))
        if len(members) > MAX_ITEMS:  # none read: the count is known from the directory
            result.problems.append(Problem(source, f"more than {MAX_ITEMS} items: nothing "
                                           "imported"))
            return None
    if sum(info.file_size for _, info in members) > MAX_TOTAL_BYTES:
        result.problems.append(Problem(source, TOO_MUCH))
        return None
    found, total = [], 0
    for parts, info in members:
        with archive.open(info) as member:
            raw = member.read(MAX_FILE_BYTES + 1)
        total += len(raw)
        if total > MAX_TOTAL_BYTES:  # an entry that unpacks to more than it declared
            result.problems.append(Problem(source, TOO_MUCH))
            return None
        found.append((parts[0], parts[1][:-5], raw))
    return found


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
