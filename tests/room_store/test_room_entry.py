"""The way into a room: "Start a room" on the facilitator's Start page (never a learner's), a
relative link that reaches the room page under any base path."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from _shipped import shipped_content

from infoshare_widgets import pages
from infoshare_widgets.pages.facilitation import ROOM_HOST

SHIPPED = shipped_content()


def test_start_a_room_is_offered_to_facilitators_only() -> None:
    page = pages.Page("start", SHIPPED, mode="facilitator")
    facilitator = page.facilitation.session_entry().value
    assert f'href="{ROOM_HOST}"' in facilitator
    assert SHIPPED.text("facilitator", "room_start") in facilitator
    learner = pages.Page("start", SHIPPED).facilitation.session_entry().value
    assert "room/host" not in learner


@pytest.mark.parametrize("base", ["/", "/training/"])
def test_the_link_reaches_the_room_page_under_a_base_path(base: str) -> None:
    start = f"https://example.org{base}voila/render/00-start.ipynb?mode=facilitator"
    assert urljoin(start, ROOM_HOST) == f"https://example.org{base}room/host"
