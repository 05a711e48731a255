"""Fair keys: a learner who has not judged the situation cannot pass by a pattern.

Two patterns a trainer's review found: the right answer being the longest option (9 of 9
single-answer questions with three or more options), and one answer keying most lawful-basis
scenarios (7 of 10 were "legal obligation or public task"). These tests keep both in check across
the shipped content; the limits are the judgement issue's.
"""

from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path

from infoshare_widgets.content import load_content
from infoshare_widgets.content.loader import Content

CONTENT = Path(__file__).resolve().parents[2] / "content"

LONGEST_AT_MOST = 1 / 3   # of single-answer questions with three or more options
SAME_KEY_AT_MOST = 1 / 2  # of scenarios sharing one set of right bases
ONE_BASIS_AT_MOST = 0.7   # of scenarios in which any one basis is right


@functools.cache
def shipped() -> Content:
    return load_content(CONTENT)


def single_answer_questions() -> list[tuple[str, object]]:
    """(quiz id/question id, question) for every single-answer question with 3+ options."""
    return [(f"{quiz.id}/{q.id}", q) for quiz in shipped().quizzes for q in quiz.questions
            if q.kind == "single" and len(q.options) >= 3]


def right_is_longest(question: object) -> bool:
    """True when the right option is at least as long as every other (a tie counts)."""
    options = question.options  # type: ignore[attr-defined]
    right = next(o for o in options if o.correct)
    return all(len(right.text) >= len(o.text) for o in options)


def test_the_right_answer_is_rarely_the_longest() -> None:
    questions = single_answer_questions()
    assert len(questions) >= 6, "too few single-answer questions to judge"
    longest = [name for name, q in questions if right_is_longest(q)]
    assert len(longest) <= LONGEST_AT_MOST * len(questions), (
        f"the right answer is the longest option in {len(longest)} of {len(questions)}: "
        f"{longest}")


def right_is_shortest(question: object) -> bool:
    """True when the right option is no longer than any other (a tie counts)."""
    options = question.options  # type: ignore[attr-defined]
    right = next(o for o in options if o.correct)
    return all(len(right.text) <= len(o.text) for o in options)


def test_nor_is_it_usually_the_shortest() -> None:
    """Rewriting to avoid one pattern must not make the opposite one."""
    questions = single_answer_questions()
    shortest = [name for name, q in questions if right_is_shortest(q)]
    assert len(shortest) <= LONGEST_AT_MOST * len(questions), (
        f"the right answer is the shortest option in {len(shortest)} of {len(questions)}: "
        f"{shortest}")


def test_no_one_answer_keys_most_scenarios() -> None:
    scenarios = shipped().scenarios
    assert scenarios is not None
    keys = Counter(frozenset(s.fits) for s in scenarios.scenarios)
    total = len(scenarios.scenarios)
    assert total >= 4
    key, count = keys.most_common(1)[0]
    assert count <= SAME_KEY_AT_MOST * total, (
        f"{sorted(key)} is the answer to {count} of {total} scenarios")


def test_no_one_basis_is_right_in_most_scenarios() -> None:
    scenarios = shipped().scenarios
    assert scenarios is not None
    total = len(scenarios.scenarios)
    counts = Counter(b for s in scenarios.scenarios for b in set(s.fits))
    over = {b: n for b, n in counts.items() if n > ONE_BASIS_AT_MOST * total}
    assert over == {}, f"right in more than {ONE_BASIS_AT_MOST:.0%} of {total} scenarios: {over}"


def test_the_checks_bite() -> None:
    """The helpers behind the tests tell a longest right answer from a shortest one."""
    class Option:
        def __init__(self, text: str, correct: bool) -> None:
            self.text, self.correct = text, correct

    class Question:
        def __init__(self, *options: Option) -> None:
            self.options = options

    long_right = Question(Option("a long right answer", True), Option("no", False))
    short_right = Question(Option("yes", True), Option("a long wrong one", False))
    assert right_is_longest(long_right) and not right_is_shortest(long_right)
    assert right_is_shortest(short_right) and not right_is_longest(short_right)
