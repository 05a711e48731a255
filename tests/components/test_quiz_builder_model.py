"""The quiz builder's model: every shipped quiz opens as form values and comes back the same;
problems come by field, in the trainer's words (GOV.UK style), in the order of the form."""

from __future__ import annotations

import functools
from pathlib import Path
from types import SimpleNamespace

import pytest

from infoshare_widgets.builders import quiz_form
from infoshare_widgets.builders.form_words import builder_words
from infoshare_widgets.content import models
from infoshare_widgets.content.formats import to_current
from infoshare_widgets.content.item_forms import open_text
from infoshare_widgets.content.loader import load_content
from infoshare_widgets.content.yaml_reader import read_yaml_text

WORDS = builder_words()


@functools.cache
def shipped():
    content = load_content()
    return content, {q.id: q for q in content.quizzes}


def _opened(quiz_id):
    content, quizzes = shipped()
    path, _ = content.origin(quizzes[quiz_id])
    data, why = open_text(path.read_text(encoding="utf-8"), "quizzes", path)
    assert data is not None, why
    return data


def _reread(text):
    read = read_yaml_text(text, Path("x.yaml"))
    return models.Quiz.model_validate(to_current("quizzes", read.data).data)


def test_there_are_shipped_quizzes_to_round_trip():
    assert len(shipped()[1]) >= 4


@pytest.mark.parametrize("quiz_id", sorted(shipped()[1]))
def test_every_shipped_quiz_comes_back_the_same(quiz_id):
    data = _opened(quiz_id)
    built = quiz_form.build(quiz_form.values_from_data(data), WORDS, base=data)
    assert built.errors == {}
    assert built.quiz == shipped()[1][quiz_id]
    assert _reread(built.yaml_text) == built.quiz


def test_a_blank_form_names_each_field_in_the_trainers_words():
    built = quiz_form.build(quiz_form.blank_values(), WORDS)
    assert built.quiz is None
    assert built.errors == {
        "id": "Enter an id, like young-carer-sam",
        "title": "Enter the title",
        "questions.0.prompt": "Enter the question",
        "questions.0.options.0.text": "Enter answer 1",
        "questions.0.options.0.feedback": "Enter the feedback for answer 1",
        "questions.0.options.1.text": "Enter answer 2",
        "questions.0.options.1.feedback": "Enter the feedback for answer 2",
        "questions.0.options": "Select the one right answer",
    }
    assert built.yaml_text.startswith("format: 1\n")  # written anyway: a draft can be kept


def _option(text, correct=False, grade=""):
    return {"text": text, "correct": correct, "feedback": f"Because {text}.", "grade": grade}


def _values(*questions, **top):
    return {**quiz_form.blank_values(), "id": "my-quiz", "title": "My quiz",
            "questions": list(questions), **top}


def _question(number, kind="single", options=None, **more):
    return {"id": f"q-{number}", "prompt": f"Question {number}?", "kind": kind,
            "explanation": "", "options": options or [_option("A", True), _option("B")], **more}


def test_any_number_of_questions_and_answers_single_and_multiple():
    many = [_option(f"Answer {i}", correct=i % 2 == 0) for i in range(7)]
    values = _values(*[_question(n) for n in range(1, 6)], _question(6, "multiple", many))
    built = quiz_form.build(values, WORDS)
    assert built.errors == {}
    assert len(built.quiz.questions) == 6
    assert sum(o.correct for o in built.quiz.questions[5].options) == 4


def test_true_and_false_stay_text_in_the_yaml():
    values = _values(_question(1, options=[_option("True", True), _option("False")]))
    built = quiz_form.build(values, WORDS)
    assert "- text: 'True'" in built.yaml_text
    assert [o.text for o in _reread(built.yaml_text).questions[0].options] == ["True", "False"]


@pytest.mark.parametrize(("kind", "options", "message"), [
    ("single", [_option("A", True, "best"), _option("B")], "Grade every answer, or none"),
    ("multiple", [_option("A", True, "best"), _option("B", False, "unsafe")],
     "Grades are for questions with one right answer"),
    ("single", [_option("A", True, "acceptable"), _option("B", False, "best")],
     "The best answer must be the right answer"),
    ("single", [_option("A", True), _option("B", True)], "Select the one right answer"),
    ("multiple", [_option("A"), _option("B")], "Select at least one right answer"),
    ("single", [_option("A", True)], "Add at least two answers"),
])
def test_answers_and_grades_are_checked_as_the_content_models_allow(kind, options, message):
    built = quiz_form.build(_values(_question(1, kind, options)), WORDS)
    assert built.errors["questions.0.options"].startswith(message)
    assert built.quiz is None


def test_graded_answers_are_built():
    options = [_option("A", True, "best"), _option("B", False, "acceptable"),
               _option("C", False, "unsafe")]
    built = quiz_form.build(_values(_question(1, "single", options)), WORDS)
    assert [o.grade for o in built.quiz.questions[0].options] == ["best", "acceptable", "unsafe"]


def test_ids_taken_bad_or_repeated():
    values = _values(_question(1), _question(1), id="Consent Quiz")
    errors = quiz_form.build(values, WORDS).errors
    assert errors["id"].startswith("Id must only include lowercase letters")
    assert errors["questions.1.id"] == "Question 2 needs an id that no other question in this " \
                                       "quiz has"
    taken = quiz_form.build(_values(_question(1)), WORDS, taken_ids={"my-quiz"}).errors
    assert taken == {"id": WORDS["quiz_id_taken"]}


def test_a_placeholder_is_an_error_unless_the_quiz_is_a_draft():
    values = _values(_question(1), title="[The quiz's heading]")
    assert quiz_form.build(values, WORDS).errors == {
        "title": "Replace the placeholder [The quiz's heading] with the real text"}
    assert quiz_form.build({**values, "draft": True}, WORDS).errors == {}


def test_what_the_form_does_not_show_is_kept_when_an_item_is_changed():
    quiz_id = next(q.id for q in shipped()[1].values()
                   if any(question.source for question in q.questions))
    data = _opened(quiz_id)
    values = quiz_form.values_from_data(data)
    sourced = next(i for i, q in enumerate(data["questions"]) if "sources" in q or "source" in q)
    values["questions"][sourced]["prompt"] = "A changed prompt?"
    values["questions"].reverse()
    built = quiz_form.build(values, WORDS, base=data)
    assert built.errors == {}
    moved = built.quiz.questions[len(values["questions"]) - 1 - sourced]
    assert moved.prompt == "A changed prompt?"
    assert moved.source == shipped()[1][quiz_id].questions[sourced].source


def test_no_message_is_in_developer_wording():
    broken = _values(_question(1, "single", [{"text": "", "correct": True, "feedback": ""}]),
                     order="ten", section="nowhere", title="")
    messages = " ".join(quiz_form.build(broken, WORDS).errors.values())
    for developer in ("item(s)", "Field required", "literal", "string", "None"):
        assert developer not in messages
    assert "Position must be a whole number" in messages


def test_a_content_folders_own_wording_is_used():
    content = SimpleNamespace(ui=SimpleNamespace(builder={"enter_title": "Rhowch y teitl"}))
    words = builder_words(content)
    assert quiz_form.build(quiz_form.blank_values(), words).errors["title"] == "Rhowch y teitl"
    assert words["enter_question"] == WORDS["enter_question"]  # the rest: shipped wording
