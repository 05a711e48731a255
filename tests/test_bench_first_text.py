"""`make bench`'s first readable text is found from the content, never from a widget's class.

The bench is a script, not a test; this checks only what it looks for, so a page that moves its
text from one kind of output to another is still measured by the same paragraph.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

import pytest

from infoshare_widgets.content import load_content

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import first_text  # noqa: E402


@pytest.fixture(scope="module")
def content():  # noqa: ANN201
    return load_content()


def test_every_page_has_a_paragraph_of_body_text(content) -> None:  # noqa: ANN001
    for section in content.sections:
        words = first_text.snippet(content, section.id).split()
        assert len(words) == first_text.SNIPPET_WORDS, section.id
        assert section.title not in " ".join(words)


def test_an_all_bold_opening_line_is_a_title_not_body_text(content) -> None:  # noqa: ANN001
    [opening] = [t for t in content.topics_for("start")][:1]
    assert opening.body.lstrip().startswith("**")  # Start opens with the pack's name in bold
    bold = opening.body.lstrip().split("**")[1]
    assert not first_text.first_paragraph(content, "start").startswith(bold)


def test_the_static_floor_carries_the_same_text(content) -> None:  # noqa: ANN001
    for section in content.sections:
        page = first_text.static_page(content, section.id)
        text = " ".join(html.unescape(first_text.TAG.sub(" ", page)).split())
        assert first_text.snippet(content, section.id) in text
        assert "<script" not in page
