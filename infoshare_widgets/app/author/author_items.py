"""What the author area reads and writes: the site's items as learners get them, the author's
drafts and the publish store (`publishing.PublishStore`), found as the kernels find them
(``INFOSHARE_CONTENT`` and the overlay, ``INFOSHARE_OVERLAY`` / ``INFOSHARE_DATA_DIR``).

Drafts live in the store's drafts folder, which the content loader never reads: a draft made
here reaches no learner and no facilitator who has not signed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...content.cache import current_content
from ...content.item_forms import open_text
from ...content.loader import default_content_dir
from ...content.overlay import KINDS, default_overlay_dir, valid_id
from ...publishing.publish_store import PublishStore

KIND_WORDS = {"case_studies": "author_kind_case_studies", "quizzes": "author_kind_quizzes",
              "scenarios": "author_kind_scenarios"}
BUILT = {"case_studies", "quizzes", "scenarios"}
"""Kinds with a builder in the area (the others are listed, and their history shown)."""


@dataclass(frozen=True)
class Listed:
    """One item in the area's list."""

    kind: str
    item_id: str
    title: str
    changed: str  # "", "changed" (replaces a shipped item) or "added"
    draft: bool  # an author's draft is kept for it
    versions: bool  # it has a publishing history here


def publish_store() -> PublishStore | None:
    """The store for this server's content and overlay; None when the overlay is off."""
    overlay = default_overlay_dir()
    return PublishStore(default_content_dir(), overlay) if overlay is not None else None


def site() -> Any:
    """The content as learners' pages have it now (the overlay over the shipped content)."""
    return current_content()


def listed(store: PublishStore) -> list[Listed]:
    content = site()
    published = set(store.history())
    out = []
    for kind in KINDS:
        items = (content.scenarios.scenarios if content.scenarios else []) \
            if kind == "scenarios" else getattr(content, kind)
        drafts = set(store.draft_ids(kind))
        seen = set()
        for item in items:
            seen.add(item.id)
            out.append(Listed(kind, item.id, str(getattr(item, "title", "") or item.id),
                              content.changed_locally.get((kind, item.id), ""),
                              item.id in drafts, (kind, item.id) in published))
        out += [Listed(kind, i, i, "", True, (kind, i) in published)
                for i in sorted(drafts - seen)]
    return out


def opened_data(store: PublishStore, kind: str, item_id: str) -> tuple[dict[str, Any], str] | None:
    """The item to fill the form: the author's draft, else the published item, else the shipped
    one; with where it came from ("draft", "published", "shipped"). None when there is none."""
    if not valid_id(item_id) or kind not in KINDS:
        return None
    for where, read in (("draft", store.draft_text), ("published", store.published_text),
                        ("shipped", store.shipped_text)):
        text = read(kind, item_id)
        if text is None:
            continue
        data, _ = open_text(text, kind, Path(f"{kind}/{item_id}.yaml"))
        if isinstance(data, dict):
            return data, where
    return None


def taken_ids(kind: str, opened: str = "") -> set[str]:
    """The ids of the site's other items of ``kind`` (a new item may not reuse one)."""
    items = getattr(site(), kind, None) or []
    return {i.id for i in items} - {opened}
