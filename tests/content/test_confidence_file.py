"""The optional confidence questions (issue 24): `confidence.yaml`, validated at load; without
it the room offers no confidence question; with it, two separate questions with the same scale."""

from __future__ import annotations

from pathlib import Path

import pytest

from infoshare_widgets.content import load_content
from infoshare_widgets.content.question_ids import confidence_id
from infoshare_widgets.room_store.questions import catalogue

SOUND = ("title: Your confidence\nbefore: How confident now?\nafter: And now?\n"
         "scale:\n  - Not at all\n  - Very\n")


def test_without_the_file_the_room_offers_no_confidence_question(sound: Path) -> None:
    content = load_content(sound)
    assert content.problems == [] and content.confidence is None
    assert not [q for q in catalogue(content).questions if q.startswith("confidence.")]


def test_with_it_before_and_after_are_two_questions_with_one_scale(sound: Path) -> None:
    (sound / "confidence.yaml").write_text(SOUND, encoding="utf-8")
    content = load_content(sound)
    assert content.problems == []
    found = catalogue(content)
    before, after = found.get(confidence_id("before")), found.get(confidence_id("after"))
    assert before is not None and after is not None and before.id != after.id
    assert before.options == after.options == ("Not at all", "Very")
    assert not before.correct and not after.correct  # no right answer to reveal
    assert "How confident now?" in before.prompt_html and "And now?" in after.prompt_html


@pytest.mark.parametrize(("text", "field"), [
    (SOUND.replace("  - Very\n", ""), "scale"),  # one answer only
    (SOUND.replace("  - Very\n", "  - Not at all\n"), "scale"),  # the same answer twice
    (SOUND.replace("after: And now?\n", ""), "after"),
    (SOUND + "promt: typo\n", "promt"),
    (SOUND.replace("title: Your confidence", "title: ''"), "title"),
])
def test_a_broken_file_is_a_problem_naming_its_field(sound: Path, text: str, field: str) -> None:
    (sound / "confidence.yaml").write_text(text, encoding="utf-8")
    problems = load_content(sound).problems
    assert problems and all(p.file.name == "confidence.yaml" for p in problems)
    assert any(field in str(p) for p in problems), [str(p) for p in problems]


def test_the_shipped_file_loads() -> None:
    content = load_content()
    assert content.confidence is not None and len(content.confidence.scale) >= 2
