"""The shipped session plans teach before they ask, and keep what their notes promise (the
DPO and safeguarding review, findings 1 to 3): no pure checks of the plan format here
(tests/content/test_plan_links.py), only the order and wording of what a room is shown."""

from __future__ import annotations

import re

import pytest
from _present_support import plain
from _shipped import shipped_content

from infoshare_widgets.app.present.steps import StepBuilder
from infoshare_widgets.content.markdown import to_html

CONTENT = shipped_content()
BUILDER = StepBuilder(CONTENT)
PLANS = CONTENT.session_plans.plans if CONTENT.session_plans else []
QUIZZES = {q.id: q for q in CONTENT.quizzes}
# What a part's notes promise, and the topic that keeps the promise on the screen.
PROMISES = {
    "lawful bases": "working-together-para-31",
    "a child's own view": "child-view-competence",
}
CONSENT = {"children": "consent-children", "adults": "consent-adults"}


def _parts():
    return [pytest.param(plan, part, id=f"{plan.id}:{part.section}")
            for plan in PLANS for part in plan.parts]


@pytest.mark.parametrize(("plan", "part"), _parts())
def test_a_parts_notes_promise_only_what_it_shows(plan, part) -> None:  # noqa: ANN001
    """Finding 1 and 3: "the lawful bases", "a child's own view", "consent" are on screen."""
    notes = plain(to_html(part.notes)).lower()
    topics = part.topics or []
    for phrase, topic in PROMISES.items():
        if phrase in notes:
            assert topic in topics, (plan.id, part.section, phrase)
    if part.section in CONSENT and "consent" in notes:
        assert CONSENT[part.section] in topics, (plan.id, part.section)


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.id)
def test_a_lawful_basis_is_taught_before_special_category_data(plan) -> None:  # noqa: ANN001
    """Finding 1: special category data needs a basis and a condition; the basis comes first,
    and a plan that teaches it asks the health question after it."""
    topics = [t for part in plan.parts for t in part.topics or []]
    asked = [q for part in plan.parts for q in part.questions or []]
    if "special-category-data" in topics:
        assert "working-together-para-31" in topics[:topics.index("special-category-data")]
        assert "health-condition" in asked


@pytest.mark.parametrize(("plan", "part"), _parts())
def test_a_question_that_leans_on_another_follows_it(plan, part) -> None:  # noqa: ANN001
    """Finding 2: "The same man ..." is asked only right after the question it changes, and
    no projected explanation promises a next question the part does not ask next."""
    for quiz_id in part.quizzes or []:
        order = [q.id for q in QUIZZES[quiz_id].questions]
        asked = [q for q in order if not part.questions or q in part.questions]
        questions = {q.id: q for q in QUIZZES[quiz_id].questions}
        for n, qid in enumerate(asked):
            before = order[order.index(qid) - 1] if order.index(qid) else None
            if plain(to_html(questions[qid].prompt)).startswith("The same"):
                assert n and asked[n - 1] == before, (plan.id, qid)
            explained = plain(to_html(questions[qid].explanation or ""))
            ahead = re.search(r"[Tt]he next (three |two )?questions?\b", explained)
            if ahead:
                count = {"three ": 3, "two ": 2}.get(ahead.group(1) or "", 1)
                at = order.index(qid)
                assert asked[n + 1:n + 1 + count] == order[at + 1:at + 1 + count], (plan.id, qid)


def test_the_working_together_update_stays_short_on_screen() -> None:
    """Finding 3: the unverified 2026 note is two items and at most three screens; what is
    only reported is in the facilitator's notes, not projected."""
    topic = next(t for t in CONTENT.topics if t.id == "working-together-2026-update")
    assert len(topic.items or []) == 2
    shown = BUILDER.topic(topic)
    assert len(shown) <= 3
    assert not any("reported to have changed" in plain(s.html) for s in shown)
    assert "reported to have changed" in plain(to_html(topic.facilitator_notes))
