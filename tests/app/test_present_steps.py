"""The presenter's steps, built from the content without a browser (issue 24): every shipped
plan and page resolves, the audience's part of a step never carries notes or an answer before
its step, long texts are cut by paragraph, (a plan's typo: tests/content/test_plan_links.py)."""

from __future__ import annotations

import pytest
from _present_support import plain

from infoshare_widgets.app.present.chunks import BUDGET, screens
from infoshare_widgets.app.present.steps import StepBuilder
from infoshare_widgets.content import default_content_dir, load_content

CONTENT = load_content(default_content_dir())
BUILDER = StepBuilder(CONTENT)
PLANS = CONTENT.session_plans.plans if CONTENT.session_plans else []
ALL = {f"plan:{p.id}": BUILDER.for_plan(p) for p in PLANS} | {
    f"page:{s.id}": BUILDER.for_section(s.id) for s in CONTENT.sections}


def test_the_shipped_plans_are_the_guides_60_and_90_minutes() -> None:
    assert [sum(part.minutes for part in p.parts) for p in PLANS] == [60, 90]


@pytest.mark.parametrize("name", sorted(ALL))
def test_every_plan_and_page_resolves_to_steps(name: str) -> None:
    steps = ALL[name]
    assert len(steps) > 3 and steps[0].kind == "title"
    named = [p for p in PLANS if f"plan:{p.id}" == name]
    for part in (named[0].parts if named else []):  # every id a plan names is shown
        for item in (part.case_studies or []):
            case = next(c for c in CONTENT.case_studies if c.id == item)
            shown = " ".join(plain(s.html) for s in steps)
            assert all(plain(q.prompt) in shown for q in case.questions)


@pytest.mark.parametrize("name", sorted(ALL))
def test_the_audience_part_holds_no_notes_and_no_answer_before_its_step(name: str) -> None:
    notes = {plain(s.notes) for s in ALL[name] if s.notes}
    assert notes or name == "page:start"
    for step in ALL[name]:
        shown = plain(step.html)
        assert not any(n[:60] in shown for n in notes), step.label
        assert ("is-present-right" in step.html) == (step.kind == "answer"), step.label
        assert "<script" not in step.html and "onerror" not in step.html


def test_a_case_prompt_comes_first_then_its_points_one_a_press() -> None:
    steps = BUILDER.for_section("case-studies")
    case = CONTENT.case_studies[0]
    question = case.questions[0]
    at = next(i for i, s in enumerate(steps) if s.kind == "prompt" and s.label == question.prompt)
    assert [s.kind for s in steps[at + 1: at + 1 + len(question.points)]] == \
        ["point"] * len(question.points)
    assert all(plain(p)[:40] not in plain(steps[at].html) for p in question.points)
    for n, point in enumerate(question.points):  # each point on its own step, only there
        holders = [s for s in steps if plain(point)[:60] in plain(s.html)]
        assert holders == [steps[at + 1 + n]]


def test_a_long_story_is_cut_by_paragraph_not_shrunk() -> None:
    story = "\n\n".join(f"Paragraph {n}. " + "Words to read aloud. " * 12 for n in range(6))
    pages = screens(story)
    assert len(pages) > 1 and all(len(p) <= BUDGET for p in pages)
    assert "\n\n".join(pages).split() == story.split()  # nothing lost, nothing shrunk
    one = "A sentence of some length that goes on. " * 30  # one paragraph: cut by sentence
    assert len(screens(one)) > 1

