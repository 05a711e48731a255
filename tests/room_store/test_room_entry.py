"""The way into a room: "Start a room" on the facilitator's Start page (never a learner's), a
relative link that reaches the room page under any base path."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from infoshare_widgets import pages
from infoshare_widgets.content import default_content_dir, load_content
from infoshare_widgets.pages.facilitation import ROOM_HOST, session_entry

SHIPPED = load_content(default_content_dir())


def test_start_a_room_is_offered_to_facilitators_only() -> None:
    facilitator = session_entry(pages.Page("start", SHIPPED, mode="facilitator")).value
    assert f'href="{ROOM_HOST}"' in facilitator
    assert SHIPPED.text("facilitator", "room_start") in facilitator
    learner = session_entry(pages.Page("start", SHIPPED)).value
    assert "room/host" not in learner


@pytest.mark.parametrize("base", ["/", "/training/"])
def test_the_link_reaches_the_room_page_under_a_base_path(base: str) -> None:
    start = f"https://example.org{base}voila/render/00-start.ipynb?mode=facilitator"
    assert urljoin(start, ROOM_HOST) == f"https://example.org{base}room/host"
