"""The learner's path (issue 23): each section's status and the one way in at the top of Start,
as pure functions (pages/learner_path.py), then as the Start page's words (section_progress.py)."""

from __future__ import annotations

import pytest

from infoshare_widgets.content import load_content
from infoshare_widgets.content.templates import fill
from infoshare_widgets.pages.learner_path import SectionStatus, section_status, way_in
from infoshare_widgets.pages.section_progress import course_path, section_plan
from infoshare_widgets.ui.progress_format import Answer, Progress

QUESTIONS = [f"q{i}#{i:012x}" for i in range(12)]
PROMPTS = ["case/p1#000000000001", "case/p2#000000000002"]
RIGHT, WRONG = Answer((0,), "correct"), Answer((1,), "incorrect")


def answered(n: int, right: int = 0) -> Progress:
    """The first ``n`` questions answered, the first ``right`` of them correctly."""
    return Progress(answers={k: RIGHT if i < right else WRONG
                             for i, k in enumerate(QUESTIONS[:n])})


# --- a section's status -----------------------------------------------------------------------


def test_a_section_untouched_is_not_started() -> None:
    state = section_status("s", QUESTIONS, PROMPTS, Progress())
    assert state == SectionStatus("s", "not_started", 12, 0, 0, 2, 0)
    assert not state.started


@pytest.mark.parametrize(("progress", "expected"), [
    (Progress(visited={"s": 5}), (0, 0)),  # opened, nothing answered yet
    (answered(1, right=1), (1, 1)),
    (answered(11, right=11), (11, 11)),  # one question short: never completed
])
def test_a_section_begun_and_not_finished_is_in_progress(progress, expected) -> None:
    state = section_status("s", QUESTIONS, [], progress)
    assert state.status == "in_progress" and (state.answered, state.correct) == expected


def test_completed_means_every_question_answered_whatever_the_score() -> None:
    # 2 of 12 right: completed, and the score says 2 (the words beside it: below).
    state = section_status("s", QUESTIONS, [], answered(12, right=2))
    assert state.status == "completed" and (state.answered, state.correct) == (12, 2)
    # Every question answered but a case-study prompt not worked through: still in progress.
    both = answered(12, right=12)
    assert section_status("s", QUESTIONS, PROMPTS, both).status == "in_progress"
    both.revealed = set(PROMPTS)
    assert section_status("s", QUESTIONS, PROMPTS, both).status == "completed"
    # Answers to other sections' questions count for nothing here.
    other = Progress(answers={"other#000000000000": RIGHT})
    assert section_status("s", QUESTIONS, [], other).status == "not_started"


def test_a_section_that_asks_nothing_is_completed_once_visited() -> None:
    assert section_status("s", [], [], Progress()).status == "not_started"
    assert section_status("s", [], [], Progress(visited={"s": 1})).status == "completed"


# --- the one way in -----------------------------------------------------------------------------


def statuses(*kinds: str) -> list[SectionStatus]:
    return [SectionStatus(f"s{i}", kind) for i, kind in enumerate(kinds)]  # type: ignore[arg-type]


def test_a_first_visit_starts_the_course_at_the_first_section() -> None:
    way = way_in(statuses("not_started", "not_started"), Progress())
    assert (way.kind, way.section_id) == ("start", "s0")
    # Start itself visited is not a start on the course.
    way = way_in(statuses("not_started", "not_started"), Progress(visited={"start": 9}))
    assert way.kind == "start"
    assert way_in([], Progress()) is None


def test_afterwards_continue_leads_where_the_learner_left_off() -> None:
    progress = Progress(visited={"s0": 1, "s2": 3, "start": 9})
    way = way_in(statuses("in_progress", "not_started", "in_progress"), progress)
    assert (way.kind, way.section_id) == ("continue", "s2")  # the most recent, Start aside


def test_continue_moves_past_a_section_already_completed() -> None:
    progress = Progress(visited={"s0": 1, "s1": 2})
    way = way_in(statuses("in_progress", "completed", "completed", "not_started"), progress)
    assert (way.kind, way.section_id) == ("continue", "s3")  # the next one not completed
    way = way_in(statuses("in_progress", "completed", "completed"), progress)
    assert way.section_id == "s0"  # none after it: the first not completed
    way = way_in(statuses("completed", "completed"), progress)
    assert (way.kind, way.section_id) == ("continue", "s1")  # all done: where they were


def test_answers_without_a_visit_still_continue() -> None:
    # An entry with answers but no visits (kept before visits were): the first section begun.
    way = way_in(statuses("not_started", "in_progress"), Progress())
    assert (way.kind, way.section_id) == ("continue", "s1")


# --- in the Start page's words ------------------------------------------------------------------


def test_the_start_page_words_say_the_status_and_the_score_never_a_tick_alone() -> None:
    content = load_content()
    plan = section_plan(content, "what-is-it")
    assert len(plan.questions) > 2
    words = {key: content.text("progress", key) for key in
             ("not_started", "in_progress", "complete", "score", "questions_score")}

    def line(progress: Progress) -> dict[str, object]:
        lines, way = course_path(content, progress, lambda s: f"{s.notebook}.ipynb")
        return next(x for x in lines if x["id"] == "what-is-it") | {"way": way}

    first = line(Progress())
    assert (first["status"], first["status_text"], first["detail"]) == (
        "not_started", words["not_started"], "")
    assert first["way"] == {"kind": "start", "url": f"{content.sections[1].notebook}.ipynb",
                            "title": content.sections[1].title}
    total = len(plan.questions)
    some = line(Progress(answers={plan.questions[0]: WRONG}, visited={"what-is-it": 1}))
    assert some["status_text"] == words["in_progress"]
    assert some["detail"] == fill(words["questions_score"], answered=1, total=total, correct=0)
    assert some["way"]["kind"] == "continue"
    assert some["way"]["title"] == content.section("what-is-it").title
    # Every question answered, two right: "Completed", with "2 of N correct" beside it.
    every = {k: RIGHT if i < 2 else WRONG for i, k in enumerate(plan.questions)}
    done = line(Progress(answers=every))
    assert (done["status"], done["status_text"]) == ("completed", words["complete"])
    assert done["detail"] == fill(words["score"], correct=2, answered=total)
    assert "✓" not in str(done)
