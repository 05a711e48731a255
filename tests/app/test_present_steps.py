"""The presenter's steps, built from the content without a browser (issue 24): every shipped
plan and page resolves, the audience's part of a step never carries notes or an answer before
its step, long texts are cut by paragraph, (a plan's typo: tests/content/test_plan_links.py)."""

from __future__ import annotations

import pytest
from _present_support import plain
from _shipped import shipped_content

from infoshare_widgets.app.present.chunks import BUDGET, screens
from infoshare_widgets.app.present.steps import StepBuilder, part_seconds
from infoshare_widgets.content import models
from infoshare_widgets.content.markdown import to_html
from infoshare_widgets.content.plan_models import PlanPart

CONTENT = shipped_content()
BUILDER = StepBuilder(CONTENT)
PLANS = CONTENT.session_plans.plans if CONTENT.session_plans else []
ALL = {f"plan:{p.id}": BUILDER.for_plan(p) for p in PLANS} | {
    f"page:{s.id}": BUILDER.for_section(s.id) for s in CONTENT.sections}


def test_the_shipped_plans_are_the_guides_60_and_90_minutes() -> None:
    assert [sum(part.minutes for part in p.parts) for p in PLANS] == [60, 60, 90]


@pytest.mark.parametrize("name", sorted(ALL))
def test_every_plan_and_page_resolves_to_steps(name: str) -> None:
    steps = ALL[name]
    assert len(steps) > 3 and steps[0].kind == "title"
    named = [p for p in PLANS if f"plan:{p.id}" == name]
    for part in (named[0].parts if named else []):  # every id a plan names is shown
        for item in (part.case_studies or []):
            case = next(c for c in CONTENT.case_studies if c.id == item)
            shown = " ".join(plain(s.html) for s in steps)
            assert all(plain(q.prompt) in shown for q in case.questions
                       if not part.questions or q.id in part.questions)


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



def _topic_steps(steps: list, topic_id: str) -> list:
    topic = next(t for t in CONTENT.topics if t.id == topic_id)
    return [s for s in steps if s.kind == "text" and s.label.startswith(topic.title)]


@pytest.mark.parametrize("topic_id", ["special-category-data", "mental-capacity",
                                      "working-together-2026-update"])
def test_a_topic_not_from_the_pack_says_so_on_every_screen(topic_id: str) -> None:
    """Review 4: projected, an added or updated topic keeps its label, continued screens too."""
    topic = next(t for t in CONTENT.topics if t.id == topic_id)
    label = CONTENT.text("app", {"added": "added_label", "update": "update_label"}[topic.style])
    shown = _topic_steps(BUILDER.topic(topic), topic_id)
    assert shown and all(label in plain(s.html) for s in shown)
    pack = next(t for t in CONTENT.topics if t.id == "what-is-it")  # a pack topic: no label
    assert not any(label in plain(s.html) for s in BUILDER.topic(pack))


def test_an_explanation_not_from_the_pack_says_so_on_its_answer_and_every_screen() -> None:
    """DPO read: a question whose explanation is labelled as the course's own is labelled on the
    answer step and on every screen of its explanation (a long one is cut into several): wholly
    ("Not from the pack: ..." first) with the full label, in part (a note in brackets) with the
    in-part line, never the full one."""
    label = CONTENT.text("app", "added_label")
    in_part = CONTENT.text("facilitator", "present_added_in_part")
    quiz = next(q for q in CONTENT.quizzes if q.id == "adults-guidance")

    def answered(question_id: str, shown: models.Quiz = quiz) -> list:  # answer and its screens
        return [s for s in BUILDER.quiz(shown, {question_id})
                if s.kind in ("answer", "explanation")]

    # The pack's rules in the course's situation (second DPO read): in part, not wholly.
    ours = answered("refusal-others-at-risk")
    assert len(ours) >= 3  # the answer and an explanation of more than one screen
    assert all(in_part in plain(s.html) and label not in plain(s.html) for s in ours)
    checking = answered("golden-rule-6")  # "(Checking who is asking is added by this course...)"
    assert checking and all(in_part in plain(s.html) and label not in plain(s.html)
                            for s in checking)
    pack = answered("refusal-with-capacity-serious-harm")  # the pack's answer for Trevor
    assert pack and not any(label in plain(s.html) or in_part in plain(s.html) for s in pack)
    # Wholly the course's own: no shipped explanation opens so now, so one is made from a
    # shipped question, its long explanation kept so that it still runs to several screens.
    question = next(q for q in quiz.questions if q.id == "refusal-others-at-risk")
    wholly = question.model_copy(update={"explanation": "Not from the pack: this course's own. "
                                         + (question.explanation or "")})
    whole = answered(question.id, quiz.model_copy(update={"questions": [wholly]}))
    assert len(whole) >= 3 and all(label in plain(s.html) for s in whole)


def test_a_case_prompt_is_discussed_on_the_timer_before_its_points() -> None:
    """Review 5: with a part's timer, each prompt is followed by the timer, then its points."""
    part = PlanPart(section="case-studies", minutes=20, case_studies=["jessie"], timer=3)
    kinds = [s.kind for s in BUILDER.for_part(part, None)]
    prompts = [i for i, k in enumerate(kinds) if k == "prompt"]
    assert prompts and all(kinds[i + 1] == "timer" and kinds[i + 2] == "point" for i in prompts)
    assert kinds[-1] == "point"  # no timer left over at the end


def test_a_part_shows_golden_rules_and_only_the_questions_it_picks() -> None:
    """Review 6 and 7: a golden-rules step for either audience; ``questions`` picks a few."""
    for audience in ("children", "adults"):
        rules = CONTENT.golden_rules_for(audience)
        part = PlanPart(section=audience, minutes=10, golden_rules=audience)
        shown = " ".join(plain(s.html) for s in BUILDER.for_part(part, None))
        assert all(r.key_phrase in shown for r in rules.rules)
    part = PlanPart(section="children", minutes=10, quizzes=["children-guidance"],
                    questions=["who-to-tell"])
    asked = [s for s in BUILDER.for_part(part, None) if s.question]
    assert asked and {s.question["id"].rsplit(".", 1)[-1] for s in asked} == {"who-to-tell"}


def test_the_plans_cover_both_audiences_and_the_working_together_update() -> None:
    """Review 6: an adults variant of the 60 minutes; the update the key points point to."""
    sections = {p.id: [x.section for x in p.parts] for p in PLANS}
    assert any("adults" in s and "children" not in s for s in sections.values())
    assert any("children" in s and "adults" not in s for s in sections.values())
    for plan in PLANS:
        for part in plan.parts:
            if "working-together-key-points" in (part.topics or []):
                assert "working-together-2026-update" in part.topics
            if part.section in ("children", "adults"):
                assert part.golden_rules == part.section and part.quizzes


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.id)
def test_every_part_of_a_plan_fits_its_minutes(plan) -> None:  # noqa: ANN001
    """Review 7: each part's steps at SECONDS_PER_STEP (timers at their minutes) fit it."""
    for part in plan.parts:
        steps = BUILDER.for_part(part, part.notes)
        assert part_seconds(steps) <= part.minutes * 60, (plan.id, part.section, len(steps))


def test_the_plans_ask_confidence_before_and_after_and_keep_the_results() -> None:
    """Review 11: the notes ask the confidence question first and last, and say to download
    the results before the room ends."""
    asked = CONTENT.confidence is not None
    for plan in PLANS:
        first, last = plain(to_html(plan.parts[0].notes)), plain(to_html(plan.parts[-1].notes))
        assert "confidence question" in first and "confidence question" in last, plan.id
        assert "download the session's results before you end the room" in last, plan.id
    assert asked
