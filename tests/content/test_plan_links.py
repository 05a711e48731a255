"""A session plan's ids are checked at load, like every other cross-file name (issue 24)."""

from __future__ import annotations

from pathlib import Path

from infoshare_widgets.content import load_content


def test_a_plans_unknown_id_is_a_problem_with_its_line(sound: Path) -> None:
    (sound / "session_plans.yaml").write_text(
        "plans:\n  - id: short\n    title: Short\n    parts:\n      - section: start\n"
        "        minutes: 5\n        case_studies: [sample-cas]\n", encoding="utf-8")
    problems = [str(p).replace(f"{sound}/", "") for p in load_content(sound).problems]
    assert problems == ["session_plans.yaml:7: plans[0].parts[0].case_studies[0]: 'sample-cas' "
                        "is not one of the case studies (did you mean 'sample-case'?)"]


def test_a_parts_question_must_be_one_of_its_own(sound: Path) -> None:
    """``questions`` names a question of the part's quizzes or a prompt of its case studies."""
    (sound / "session_plans.yaml").write_text(
        "plans:\n  - id: short\n    title: Short\n    parts:\n      - section: start\n"
        "        minutes: 5\n        case_studies: [sample-case]\n"
        "        questions: [no-such-prompt]\n", encoding="utf-8")
    problems = [str(p).replace(f"{sound}/", "") for p in load_content(sound).problems]
    assert len(problems) == 1 and "plans[0].parts[0].questions[0]: 'no-such-prompt' is not a " \
        "question of this part's quizzes or case studies" in problems[0], problems
