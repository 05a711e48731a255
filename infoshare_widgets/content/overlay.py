"""Published items: a folder of their own beside the shipped content, laid over it by id.

The author area publishes case studies, quizzes and lawful-basis scenarios into the overlay
(``case_studies/<id>.yaml``, ``quizzes/<id>.yaml``, ``scenarios/<id>.yaml``, one item a file).
The loader reads it after the content folder: an overlay item replaces the shipped item with the
same id, a new id is added. Kept apart from the content folder so a content update never
overwrites what trainers published, and what was changed locally can be named.
The history (``.history/``) and anything else in the folder are not content and are not read.
"""

from __future__ import annotations

import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .loaded import Content
from .models import ID_PATTERN
from .problems import Problem

OVERLAY_VARIABLE = "INFOSHARE_OVERLAY"
DATA_VARIABLE = "INFOSHARE_DATA_DIR"
OFF = "off"
KINDS = {"case_studies": "case_studies", "quizzes": "quizzes", "scenarios": "scenarios"}
"""Overlay folder -> the `Content` list it lays items over."""
ITEM_ID = re.compile(ID_PATTERN)
MAX_ID = 60


def default_content_dir() -> Path:
    """The folder named by INFOSHARE_CONTENT, else the content shipped beside the package."""
    env = os.environ.get("INFOSHARE_CONTENT")
    if env:
        return Path(env).expanduser().resolve()
    return (Path(__file__).resolve().parents[2] / "content").resolve()


def default_overlay_dir(env: dict[str, str] | None = None) -> Path | None:
    """``INFOSHARE_OVERLAY``, else ``<INFOSHARE_DATA_DIR or ./data>/published``; None when off."""
    env = os.environ if env is None else env
    named = env.get(OVERLAY_VARIABLE, "").strip()
    if named.lower() == OFF:
        return None
    if named:
        return Path(named).expanduser().resolve()
    return (Path(env.get(DATA_VARIABLE) or "data").expanduser() / "published").resolve()


def valid_id(item_id: object) -> bool:
    """True for an id the content models accept: no slash, dot or anything that leaves a folder."""
    return (isinstance(item_id, str) and len(item_id) <= MAX_ID
            and ITEM_ID.fullmatch(item_id) is not None)


def item_path(overlay: Path, kind: str, item_id: str) -> Path:
    """Where an item of ``kind`` lives in the overlay; ValueError for an unknown kind or bad id."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    if not valid_id(item_id):
        raise ValueError("not a valid id: use lowercase letters, digits and single hyphens")
    return Path(overlay) / kind / f"{item_id}.yaml"


def published_on(overlay: Path, kind: str, item_id: str) -> datetime | None:
    """When ``item_id`` was last published or changed here, as an aware time: the later of its
    newest version's ``at`` in the history (``.history/<kind>/<id>/NNNNNN.json``, written by
    `publishing.versions`) and the item file's own time (a file edited after its last publish
    counts from the edit); None when the file's time, or a history present, cannot be read."""
    versions = sorted((Path(overlay) / ".history" / kind / item_id).glob("*.json"))
    try:
        mtime = item_path(overlay, kind, item_id).stat().st_mtime
        times = [datetime.fromtimestamp(mtime, UTC)]
        if versions:
            at = datetime.fromisoformat(json.loads(versions[-1].read_text(encoding="utf-8"))["at"])
            if at.utcoffset() is None:
                return None  # a time with no zone cannot be placed: counts as after
            times.append(at)
        return max(times)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def lay_over(content: Content, kind: str, item: Any) -> None:
    """One published item into ``content``: the item with its id replaced, else added, and
    recorded in ``content.changed_locally``."""
    if kind == "scenarios":
        _lay_scenario(content, item)
        return
    items = getattr(content, kind)
    replaced = any(i.id == item.id for i in items)
    content.changed_locally[(kind, item.id)] = "changed" if replaced else "added"
    items[:] = [i for i in items if i.id != item.id] + [item]


def _lay_scenario(content: Content, scenario: Any) -> None:
    """A scenario into the shared file's list (its own file stays its origin, for problems)."""
    if content.scenarios is None:
        content.problems.append(Problem(content.root / "lawful_basis_scenarios.yaml",
                                        f"the published scenario '{scenario.id}' needs this "
                                        "file, which did not load"))
        return
    old = content.scenarios
    listed = list(old.scenarios)
    ids = [s.id for s in listed]
    if scenario.id in ids:
        listed[ids.index(scenario.id)] = scenario
    else:
        listed.append(scenario)
    content.changed_locally[("scenarios", scenario.id)] = (
        "changed" if scenario.id in ids else "added")
    content.scenarios = old.model_copy(update={"scenarios": listed})
    content.origins[id(content.scenarios)] = content.origin(old)
