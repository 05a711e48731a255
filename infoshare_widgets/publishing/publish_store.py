"""`PublishStore`: publish an item into the overlay, every publish a version; roll back; drafts.

Learners' kernels read the overlay through the content loader (`content/cache.py` notices a
change on the next page load). Authors' drafts are kept in a folder of their own that the
loader never reads, so a draft reaches no learner and no facilitator who has not signed in.
Who may roll back is the author area's decision (roles); the store records who did what.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..content import models
from ..content.item_forms import open_text, ordered, to_yaml
from ..content.loader import FOLDERS
from ..content.overlay import KINDS, item_path, valid_id
from ..content.problems import Problem
from ..content.size_limits import MAX_FILE_BYTES
from .item_check import BAD_ID, check_item
from .versions import (
    Version,
    locked,
    read_versions,
    unified_diff,
    versioned_items,
    write_atomically,
    write_version,
)

SCENARIOS_FILE = "lawful_basis_scenarios.yaml"


class Refused(Exception):
    """Nothing was published: the reasons, each a `Problem` with its field and line."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


class Changed(Refused):
    """The item was published again since the author opened it: open it again first."""


@dataclass(frozen=True)
class Author:
    """Who publishes: the account's name and its role (both recorded with every version)."""

    account: str
    role: str


class PublishStore:
    """The overlay folder of one site, and its authors' drafts beside it."""

    def __init__(self, content_root: Path, overlay: Path, drafts: Path | None = None) -> None:
        self.content_root = Path(content_root).resolve()
        self.overlay = Path(overlay).resolve()
        self.drafts = Path(drafts).resolve() if drafts else self.overlay.with_name("drafts")

    # --- published items -------------------------------------------------------------------

    def published_text(self, kind: str, item_id: str) -> str | None:
        path = checked_path(self.overlay, kind, item_id)
        return path.read_text(encoding="utf-8") if path.is_file() else None

    def current_version(self, kind: str, item_id: str) -> int:
        """The latest version's number (0 when never published): what an editor opened."""
        versions = self.versions(kind, item_id)
        return versions[-1].number if versions else 0

    def versions(self, kind: str, item_id: str) -> list[Version]:
        checked_path(self.overlay, kind, item_id)  # refuses a bad kind or id
        return read_versions(self.overlay, kind, item_id)

    def history(self) -> list[tuple[str, str]]:
        """(kind, id) of every item ever published here."""
        return versioned_items(self.overlay)

    def publish(self, kind: str, item_id: str, text: str, author: Author, *,
                opened_version: int | None = None, action: str = "publish",
                restored: int | None = None) -> Version:
        """Check the item against the whole content and make it live; a new version.

        ``opened_version``: the version the author opened; publishing is refused (`Changed`) if
        someone published since.
        """
        checked_path(self.overlay, kind, item_id)  # a bad id is refused before anything is made
        with locked(self._ready()):
            now = self.current_version(kind, item_id)
            if opened_version is not None and opened_version != now:
                raise Changed([Problem(checked_path(self.overlay, kind, item_id),
                                       f"changed since you opened it (version {opened_version}; "
                                       f"now version {now}): open it again")])
            problems = check_item(self.content_root, self.overlay, kind, item_id, text)
            if problems:
                raise Refused(problems)
            return self._record(kind, item_id, text, author, action, restored, now)

    def rollback(self, kind: str, item_id: str, to_version: int, author: Author) -> Version:
        """Make an earlier version live again (checked again: the content around it may have
        moved); a new version that says which one it restores."""
        old = next((v for v in self.versions(kind, item_id) if v.number == to_version), None)
        if old is None:
            raise Refused([Problem(checked_path(self.overlay, kind, item_id),
                                   f"there is no version {to_version}")])
        if old.text is None:
            return self.withdraw(kind, item_id, author, restored=to_version)
        return self.publish(kind, item_id, old.text, author, action="rollback",
                            restored=to_version)

    def withdraw(self, kind: str, item_id: str, author: Author, *,
                 restored: int | None = None) -> Version:
        """Take a published item out: the shipped item (if any) is what learners see again."""
        path = checked_path(self.overlay, kind, item_id)
        with locked(self._ready()):
            if not path.is_file():
                raise Refused([Problem(path, "is not published here")])
            now = self.current_version(kind, item_id)
            return self._record(kind, item_id, None, author,
                                "rollback" if restored else "withdraw", restored, now)

    def _record(self, kind: str, item_id: str, text: str | None, author: Author, action: str,
                restored: int | None, now: int) -> Version:
        path = checked_path(self.overlay, kind, item_id)
        before = self.published_text(kind, item_id)
        label = f"version {now}" if now else "as shipped"
        if before is None and now == 0:
            before = as_written(kind, self.shipped_text(kind, item_id))
        version = Version(now + 1, kind, item_id, action, author.account, author.role,
                          dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                          text, unified_diff(before, text, f"{kind}/{item_id}.yaml", label,
                                             f"version {now + 1}"), restored)
        write_version(self.overlay, version)
        if text is None:
            path.unlink(missing_ok=True)
        else:
            write_atomically(path, text)
        return version

    def shipped_text(self, kind: str, item_id: str) -> str | None:
        """The shipped item's YAML, for the first diff (a scenario: its entry, as YAML)."""
        if kind != "scenarios":
            path = self.content_root / kind / f"{item_id}.yaml"
            return path.read_text(encoding="utf-8") if path.is_file() else None
        path = self.content_root / SCENARIOS_FILE
        data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
        for entry in (data or {}).get("scenarios") or []:
            if isinstance(entry, dict) and entry.get("id") == item_id:
                return yaml.safe_dump(entry, sort_keys=False, allow_unicode=True, width=100)
        return None

    def _ready(self) -> Path:
        self.overlay.mkdir(parents=True, exist_ok=True)
        return self.overlay

    # --- drafts: never read by the loader --------------------------------------------------

    def save_draft(self, kind: str, item_id: str, text: str, owner: str = "") -> Path:
        """Keep an author's unfinished item (any state; it is checked when published). The
        first author to save it is kept beside it (``<id>.owner``), so a new draft with the
        same id from someone else can be refused rather than replace it."""
        path = self._draft_path(kind, item_id)
        if len(text.encode("utf-8")) > MAX_FILE_BYTES:
            raise Refused([Problem(path, "the draft is too large to keep")])
        write_atomically(path, text)
        if owner and self.draft_owner(kind, item_id) is None:
            write_atomically(path.with_suffix(".owner"), owner)
        return path

    def draft_owner(self, kind: str, item_id: str) -> str | None:
        """Who first saved the draft (their account), or None when no one is recorded."""
        path = self._draft_path(kind, item_id).with_suffix(".owner")
        return path.read_text(encoding="utf-8").strip() or None if path.is_file() else None

    def draft_text(self, kind: str, item_id: str) -> str | None:
        path = self._draft_path(kind, item_id)
        return path.read_text(encoding="utf-8") if path.is_file() else None

    def discard_draft(self, kind: str, item_id: str) -> None:
        self._draft_path(kind, item_id).unlink(missing_ok=True)
        self._draft_path(kind, item_id).with_suffix(".owner").unlink(missing_ok=True)

    def draft_ids(self, kind: str) -> list[str]:
        folder = self.drafts / kind
        return sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []

    def _draft_path(self, kind: str, item_id: str) -> Path:
        return checked_path(self.drafts, kind, item_id)


def as_written(kind: str, text: str | None) -> str | None:
    """A shipped item's YAML as the builders write it (fields in the model's order, the same
    quoting and wrapping), so the first version's diff shows what the author changed, not how
    the file was laid out; the text as it is when it cannot be read that way."""
    model = FOLDERS[kind].model if kind in FOLDERS else None
    data, _ = open_text(text, kind, Path(f"{kind}.yaml")) if text and model else (None, "")
    if not isinstance(data, dict):
        return text
    if kind == "quizzes" and isinstance(data.get("questions"), list):
        data["questions"] = [_ordered_question(q) for q in data["questions"]]
    return to_yaml(data, model)


def _ordered_question(question: Any) -> Any:
    """A quiz question's fields, and its answers' fields, in the models' order."""
    if not isinstance(question, dict):
        return question
    options = question.get("options")
    if isinstance(options, list):
        question = {**question, "options": [ordered(o, models.Option) if isinstance(o, dict)
                                            else o for o in options]}
    return ordered(question, models.Question)


def checked_path(folder: Path, kind: str, item_id: str) -> Path:
    """Where an item lives in ``folder``; `Refused` for an unknown kind or an id that is not one
    (``../x``, ``a/b``, ``X``): only the content models' id pattern reaches the disk."""
    if kind not in KINDS or not valid_id(item_id):
        raise Refused([Problem(Path(str(kind)[:40]), BAD_ID, field="id")])
    return item_path(folder, kind, item_id)
