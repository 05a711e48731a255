"""The author area's wording: ui.yaml's ``author`` group of the content served, each key it
leaves out taken from the shipped ui.yaml (a trainer's older content still shows every page)."""

from __future__ import annotations

from ...content import default_content_dir, load_content
from ...content.cache import current_content

_SHIPPED: dict[str, str] = {}


def author_words() -> dict[str, str]:
    if not _SHIPPED:
        shipped = load_content(default_content_dir()).ui
        _SHIPPED.update(dict(shipped.author) if shipped is not None else {})
    served = current_content().ui
    return {**_SHIPPED, **(dict(served.author) if served is not None else {})}
