"""Fair keys: a learner who has not judged the situation cannot pass by a pattern.

A trainer's review (issue 10) found the right answer was the longest option in 9 of 9
single-answer questions, and one answer keyed most lawful-basis scenarios. An independent review
(issue 23) then found that a keyword rule (more points for "record", "check", "necessary",
"securely", "weigh", "consider"; fewer for "always", "never", "nothing", "must", "until", "wait",
"because") picked the key in about half the single-answer questions, that the key was third in 5 of
11, that "False" was right in 3 of 4 true/false questions, and that the golden-rule checks were
listed in rule order. These tests measure every such surface cue over all the shipped content.

How a guesser is scored. A guesser gives every option a score and picks the highest. It *picks
the key* when the key alone has the top score; where the key ties with others at the top, a
learner would guess among them, so its *expected* hits count 1/(number tied). Two bounds:

- it picks the key alone in at most 1 in 5 single-answer questions (`PICKS_AT_MOST`), and
- its expected hits are no better than blind guessing (the sum of 1/(number of options)), so a
  cue that ties everywhere cannot pass by luck and a cue that points at the key cannot hide.

The same bounds hold for the opposite of each cue (the *fewest* keywords, the shortest option),
so that rewriting to avoid one pattern does not make its mirror image.

True/false questions ("True", "False") are measured apart: they have no words to score.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from infoshare_widgets.content import load_content
from infoshare_widgets.content.loader import Content

CONTENT = Path(__file__).resolve().parents[2] / "content"

PICKS_AT_MOST = 1 / 5      # of single-answer questions in which a guesser singles out the key
POSITION_AT_MOST = 0.4     # of single-answer questions whose key sits in any one position
SAME_KEY_AT_MOST = 1 / 2   # of scenarios sharing one set of right bases
ONE_BASIS_AT_MOST = 1 / 2  # of scenarios in which any one basis is right


@functools.cache
def shipped() -> Content:
    return load_content(CONTENT)


def is_true_false(question: object) -> bool:
    return [o.text for o in question.options] == ["True", "False"]  # type: ignore[attr-defined]


def single_answer_questions(content: Content | None = None) -> list[tuple[str, object]]:
    """(quiz id/question id, question) for every single-answer question that is not true/false."""
    content = content or shipped()
    return [(f"{quiz.id}/{q.id}", q) for quiz in content.quizzes for q in quiz.questions
            if q.kind == "single" and not is_true_false(q)]


# --- scoring a guesser --------------------------------------------------------------------------

Scorer = Callable[[object, object], float]  # (question, option) -> score; the highest is picked


def verdict(question: object, scores: Sequence[float]) -> tuple[bool, float]:
    """(whether the key alone scores highest, the expected hit with ties broken at random)."""
    options = question.options  # type: ignore[attr-defined]
    key = next(i for i, o in enumerate(options) if o.correct)
    top = max(scores)
    tied = [i for i, s in enumerate(scores) if math.isclose(s, top)]
    return tied == [key], (1 / len(tied) if key in tied else 0.0)


def measure(questions: list[tuple[str, object]], scorer: Scorer) -> dict[str, object]:
    """How often a guesser finds the key: picks alone, expected hits, and chance."""
    picked: list[str] = []
    expected = chance = 0.0
    for name, question in questions:
        scores = [scorer(question, o) for o in question.options]  # type: ignore[attr-defined]
        alone, hit = verdict(question, scores)
        if alone:
            picked.append(name)
        expected += hit
        chance += 1 / len(question.options)  # type: ignore[attr-defined]
    return {"n": len(questions), "picked": picked, "expected": expected, "chance": chance}


def assert_fair(name: str, result: dict[str, object]) -> None:
    n, picked = result["n"], result["picked"]
    assert isinstance(n, int) and isinstance(picked, list)
    assert len(picked) <= PICKS_AT_MOST * n, (
        f"{name} singles out the key in {len(picked)} of {n} single-answer questions: {picked}")
    expected, chance = float(result["expected"]), float(result["chance"])  # type: ignore[arg-type]
    assert expected <= chance + 1e-9, (
        f"{name} finds the key {expected:.2f} times in {n}, better than blind guessing "
        f"({chance:.2f})")


def negate(scorer: Scorer) -> Scorer:
    return lambda question, option: -scorer(question, option)


# --- words --------------------------------------------------------------------------------------

WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


# The review's keyword rule, counting every form of each word. "weigh" does not match "weight".
PLUS = re.compile(r"^(record(s|ed|ing|ings)?|check(s|ed|ing)?|necess\w*|secur\w*"
                  r"|weigh(s|ed|ing)?|consider\w*)$")
MINUS = re.compile(r"^(always|never|nothing|must|mustn't|until|wait(s|ed|ing)?|because"
                   r"|whole(ly)?)$")


def keyword_score(_question: object, option: object) -> float:
    tokens = words(option.text)  # type: ignore[attr-defined]
    return sum(1 for t in tokens if PLUS.match(t)) - sum(1 for t in tokens if MINUS.match(t))


_STOP_WORDS = (
    "a an and are as at be but by can could do does for from has have he her him his how i if in "
    "into is it its me my no not of on or our she so than that the their them then there they "
    "this to us was we what when where which who whom why will with would you your")
STOP = frozenset(_STOP_WORDS.split())


def stem(word: str) -> str:
    for suffix in ("ings", "ing", "ed", "ly", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    return [stem(w) for w in words(text) if w not in STOP]


def shared_with_prompt(question: object, option: object) -> float:
    prompt = set(content_words(question.prompt))  # type: ignore[attr-defined]
    return len(prompt & set(content_words(option.text)))  # type: ignore[attr-defined]


def length(_question: object, option: object) -> float:
    return len(option.text)  # type: ignore[attr-defined]


# --- a bag-of-words classifier, trained on the other questions ------------------------------------


def labelled_options(content: Content, leave_out: object) -> list[tuple[list[str], bool]]:
    """Every option of every other question (single or multiple, not true/false), by key."""
    return [(content_words(o.text), o.correct) for quiz in content.quizzes
            for q in quiz.questions if q is not leave_out and not is_true_false(q)
            for o in q.options]


def naive_bayes(training: list[tuple[list[str], bool]]) -> Callable[[list[str]], float]:
    """Multinomial naive Bayes with add-one smoothing: the log odds that an option is a key."""
    counts = {True: Counter[str](), False: Counter[str]()}
    for tokens, key in training:
        counts[key].update(tokens)
    vocabulary = set(counts[True]) | set(counts[False])
    totals = {k: sum(c.values()) + len(vocabulary) + 1 for k, c in counts.items()}

    def log_odds(tokens: list[str]) -> float:
        return sum(math.log((counts[True][t] + 1) / totals[True])
                   - math.log((counts[False][t] + 1) / totals[False]) for t in tokens)
    return log_odds


def classifier(content: Content) -> Scorer:
    """Leave one question out: score its options with a model trained on all the others."""
    models: dict[int, Callable[[list[str]], float]] = {}

    def score(question: object, option: object) -> float:
        model = models.get(id(question))
        if model is None:
            model = models[id(question)] = naive_bayes(labelled_options(content, question))
        return model(content_words(option.text))  # type: ignore[attr-defined]
    return score


# --- the tests ------------------------------------------------------------------------------------


def test_there_are_enough_single_answer_questions_to_judge() -> None:
    assert len(single_answer_questions()) >= 10


def test_the_keyword_rule_does_not_find_the_key() -> None:
    assert_fair("the keyword rule", measure(single_answer_questions(), keyword_score))


def test_nor_does_its_opposite() -> None:
    assert_fair("the opposite keyword rule",
                measure(single_answer_questions(), negate(keyword_score)))


def test_a_classifier_trained_on_the_other_questions_does_not_find_the_key() -> None:
    assert_fair("naive Bayes (leave one question out)",
                measure(single_answer_questions(), classifier(shipped())))


def test_nor_does_its_opposite_classifier() -> None:
    assert_fair("the opposite of naive Bayes",
                measure(single_answer_questions(), negate(classifier(shipped()))))


def test_the_right_answer_is_rarely_the_longest() -> None:
    assert_fair("the longest option", measure(single_answer_questions(), length))


def test_nor_is_it_usually_the_shortest() -> None:
    assert_fair("the shortest option", measure(single_answer_questions(), negate(length)))


def test_words_shared_with_the_question_do_not_find_the_key() -> None:
    assert_fair("most words shared with the question",
                measure(single_answer_questions(), shared_with_prompt))
    assert_fair("fewest words shared with the question",
                measure(single_answer_questions(), negate(shared_with_prompt)))


def key_positions(questions: list[tuple[str, object]]) -> Counter[int]:
    return Counter(next(i for i, o in enumerate(q.options) if o.correct)  # type: ignore[attr-defined]
                   for _, q in questions)


def test_no_position_holds_the_key_in_more_than_two_in_five() -> None:
    questions = single_answer_questions()
    positions = key_positions(questions)
    place, count = positions.most_common(1)[0]
    assert count <= POSITION_AT_MOST * len(questions), (
        f"the key is option {place + 1} in {count} of {len(questions)}: {dict(positions)}")
    assert len(positions) >= 3, f"the key sits in only {sorted(positions)}"


def test_true_and_false_are_right_equally_often() -> None:
    keys = Counter(next(o.text for o in q.options if o.correct)
                   for quiz in shipped().quizzes for q in quiz.questions if is_true_false(q))
    assert abs(keys["True"] - keys["False"]) <= 1, dict(keys)


# --- the golden-rule checks -----------------------------------------------------------------------


def test_the_golden_rule_checks_are_not_in_rule_order() -> None:
    """The checks come by situation: their rule numbers are not sorted, and no more than one
    check is followed by the next rule's."""
    for rules in shipped().golden_rules:
        numbers = [c.rule for c in rules.checks]
        assert len(numbers) >= 4, rules.id
        assert numbers != sorted(numbers) and numbers != sorted(numbers, reverse=True), (
            f"{rules.id}: checks in rule order {numbers}")
        steps = sum(1 for a, b in zip(numbers, numbers[1:], strict=False) if b == a + 1)
        assert steps <= 1, f"{rules.id}: {steps} checks follow the previous rule's: {numbers}"


# --- lawful-basis scenarios: one answer does not key most --------------------------------------


def test_no_one_answer_keys_most_scenarios() -> None:
    scenarios = shipped().scenarios
    assert scenarios is not None
    keys = Counter(frozenset(s.fits) for s in scenarios.scenarios)
    total = len(scenarios.scenarios)
    assert total >= 4
    key, count = keys.most_common(1)[0]
    assert count <= SAME_KEY_AT_MOST * total, (
        f"{sorted(key)} is the answer to {count} of {total} scenarios")


def test_no_one_basis_is_right_in_more_than_half_the_scenarios() -> None:
    scenarios = shipped().scenarios
    assert scenarios is not None
    total = len(scenarios.scenarios)
    counts = Counter(b for s in scenarios.scenarios for b in set(s.fits))
    over = {b: n for b, n in counts.items() if n > ONE_BASIS_AT_MOST * total}
    assert over == {}, f"right in more than {ONE_BASIS_AT_MOST:.0%} of {total} scenarios: {over}"


# --- the checks bite ------------------------------------------------------------------------------


class _Option:
    def __init__(self, text: str, correct: bool) -> None:
        self.text, self.correct = text, correct


class _Question:
    def __init__(self, prompt: str, *options: _Option) -> None:
        self.prompt, self.options = prompt, list(options)


def test_the_guessers_bite() -> None:
    keyed = _Question("What do you do about the bruises?",
                      _Option("Consider the risk and record what you shared securely", True),
                      _Option("Nothing, because you must always wait", False),
                      _Option("Tell a friend", False))
    assert keyword_score(keyed, keyed.options[0]) == 3
    assert keyword_score(keyed, keyed.options[1]) == -5
    assert keyword_score(keyed, _Option("a whole file, recorded and checked; weight", False)) == 1
    assert verdict(keyed, [keyword_score(keyed, o) for o in keyed.options]) == (True, 1.0)
    assert verdict(keyed, [0, 0, 0])[0] is False
    assert math.isclose(verdict(keyed, [0, 0, 0])[1], 1 / 3)
    result = measure([("k", keyed)] * 5, keyword_score)
    assert len(result["picked"]) == 5  # type: ignore[arg-type]
    try:
        assert_fair("test", result)
    except AssertionError:
        pass
    else:  # pragma: no cover
        raise AssertionError("a guesser that always finds the key passed")
    assert shared_with_prompt(keyed, _Option("the bruises", False)) == 1


def test_the_classifier_learns_a_planted_cue() -> None:
    """Trained on questions whose keys all say 'record', it picks the option that says it."""
    class _Quiz:
        def __init__(self, questions: list[_Question]) -> None:
            self.questions = questions

    class _Content:
        def __init__(self, quizzes: list[_Quiz]) -> None:
            self.quizzes = quizzes

    for q in (questions := [_Question(f"Case {i}?", _Option("share and record it", True),
                                      _Option("tell nobody at all", False),
                                      _Option("ask a friend first", False))
                            for i in range(6)]):
        q.kind = "single"  # type: ignore[attr-defined]
    content = _Content([_Quiz(questions)])
    scorer = classifier(content)  # type: ignore[arg-type]
    result = measure([(str(i), q) for i, q in enumerate(questions)], scorer)
    assert len(result["picked"]) == 6  # type: ignore[arg-type]
