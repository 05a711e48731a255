"""The quiz builder's model: form values to a quiz, its problems by field, its YAML; and a quiz
on the site back to form values.

A quiz has any number of questions, each any number of answers; `single` has one right answer
(true/false is `single` with the answers "True" and "False", which stay text in the YAML),
`multiple` one or more; a `single` question's answers may be graded best/acceptable/unsafe.
What the form does not show (a question's sources, helper answers, `revisit`) is kept from the
opened item, matched by question id, so opening and publishing changes only what was edited.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, get_args

from ..content import item_forms, models
from ..content.item_forms import text
from .form_checks import Errors, check_id, check_model, check_placeholders, check_text
from .form_words import Say

SECTIONS = get_args(models.Quiz.model_fields["section"].annotation)
KINDS = ("single", "multiple")
QUESTION_FIELDS = ("id", "prompt", "kind", "explanation")


@dataclass
class BuiltQuiz:
    """What the form's values make: the quiz (None while there are problems), the problems by
    form field in the order of the form, the mapping and its YAML (written even with problems,
    so a draft can be saved)."""

    quiz: models.Quiz | None
    errors: dict[str, str] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
    yaml_text: str = ""


def blank_option() -> dict[str, Any]:
    return {"text": "", "correct": False, "feedback": "", "grade": ""}


def blank_question(number: int) -> dict[str, Any]:
    return {"id": f"question-{number}", "prompt": "", "kind": "single", "explanation": "",
            "options": [blank_option(), blank_option()]}


def blank_values(section: str = "children") -> dict[str, Any]:
    """An empty quiz form: one question with two answers."""
    return {"id": "", "title": "", "section": section, "order": "", "facilitator_notes": "",
            "draft": False, "questions": [blank_question(1)]}


def values_from_data(data: Mapping[str, Any]) -> dict[str, Any]:
    """A quiz mapping (an opened item) as form values."""
    questions = data.get("questions") if isinstance(data.get("questions"), list) else []
    return {
        "id": text(data.get("id")), "title": text(data.get("title")),
        "section": text(data.get("section")), "order": text(data.get("order")),
        "facilitator_notes": text(data.get("facilitator_notes")),
        "draft": data.get("draft") is True,
        "questions": [_question_values(q) for q in questions if isinstance(q, dict)],
    }


def _question_values(question: Mapping[str, Any]) -> dict[str, Any]:
    options = question.get("options") if isinstance(question.get("options"), list) else []
    return {**{k: text(question.get(k)) for k in QUESTION_FIELDS},
            "options": [{"text": text(o.get("text")), "correct": o.get("correct") is True,
                         "feedback": text(o.get("feedback")), "grade": text(o.get("grade"))}
                        for o in options if isinstance(o, dict)]}


def data_from_values(values: Mapping[str, Any], base: Mapping[str, Any] | None = None
                     ) -> dict[str, Any]:
    """Form values as a quiz mapping, over ``base`` (the opened item's other fields)."""
    data: dict[str, Any] = dict(base or {})
    for key in ("id", "title", "section"):
        data[key] = text(values.get(key)).strip()
    _optional(data, "facilitator_notes", text(values.get("facilitator_notes")).strip())
    order = text(values.get("order")).strip()
    _optional(data, "order", int(order) if _whole(order) else order)
    if values.get("draft"):
        data["draft"] = True
    else:
        data.pop("draft", None)
    old = [q for q in (base or {}).get("questions") or [] if isinstance(q, dict)]
    asked = _list(values.get("questions"))
    ids = {text(q.get("id")).strip() for q in asked}
    data["questions"] = [_question_data(q, _matching(old, q, i, ids))
                         for i, q in enumerate(asked)]
    return item_forms.ordered(data, models.Quiz)


def _question_data(values: Mapping[str, Any], base: Mapping[str, Any]) -> dict[str, Any]:
    data = dict(base)
    for key in ("id", "prompt", "kind"):
        data[key] = text(values.get(key)).strip()
    _optional(data, "explanation", text(values.get("explanation")).strip())
    data["options"] = []
    for option in _list(values.get("options")):
        made = {"text": text(option.get("text")).strip(), "correct": option.get("correct") is True,
                "feedback": text(option.get("feedback")).strip()}
        grade = text(option.get("grade")).strip()
        if grade:
            made["grade"] = grade
        data["options"].append(item_forms.ordered(made, models.Option))
    return item_forms.ordered(data, models.Question)


def build(values: Mapping[str, Any], words: Mapping[str, str],
          base: Mapping[str, Any] | None = None, taken_ids: Iterable[str] = ()) -> BuiltQuiz:
    """Check the form's quiz and write its YAML. ``taken_ids``: the other quizzes' ids on the
    site (leave out the id of the quiz that was opened)."""
    say, errors = Say(words), Errors()
    data = data_from_values(values, base)
    check_id(errors, say, data["id"])
    if data["id"] in set(taken_ids):
        errors.add(("id",), say("quiz_id_taken"))
    check_text(errors, say, data["title"], ("title",), "enter_title")
    if data["section"] not in SECTIONS:
        errors.add(("section",), say("select_section"))
    if "order" in data and not isinstance(data["order"], int):
        errors.add(("order",), say("bad_order"))
    if not data["questions"]:
        errors.add(("questions",), say("add_question"))
    seen: set[str] = set()
    for i, question in enumerate(data["questions"]):
        _check_question(errors, say, question, i, seen)
    check_placeholders(errors, say, data)
    quiz = check_model(errors, say, models.Quiz, data)
    return BuiltQuiz(quiz, dict(errors), data, item_forms.to_yaml(data, models.Quiz))


def _check_question(errors: Errors, say: Say, question: dict[str, Any], i: int,
                    seen: set[str]) -> None:
    at, number = ("questions", i), i + 1
    if not question["id"]:
        errors.add((*at, "id"), say("enter_question_id", number=number))
    elif question["id"] in seen:
        errors.add((*at, "id"), say("same_question_id", number=number))
    else:
        check_id(errors, say, question["id"], (*at, "id"))
    seen.add(question["id"])
    check_text(errors, say, question["prompt"], (*at, "prompt"), "enter_question")
    if question["kind"] not in KINDS:
        errors.add((*at, "kind"), say("select_kind"))
    options = question["options"]
    for j, option in enumerate(options):
        check_text(errors, say, option["text"], (*at, "options", j, "text"), "enter_answer",
                   number=j + 1)
        check_text(errors, say, option["feedback"], (*at, "options", j, "feedback"),
                   "enter_feedback", number=j + 1)
    if len(options) < 2:
        errors.add((*at, "options"), say("add_answers"))
        return
    right = sum(o["correct"] for o in options)
    if question["kind"] == "single" and right != 1:
        errors.add((*at, "options"), say("select_one_right"))
    if question["kind"] == "multiple" and right < 1:
        errors.add((*at, "options"), say("select_a_right"))
    _check_grades(errors, say, question, at)


def _check_grades(errors: Errors, say: Say, question: dict[str, Any], at: tuple) -> None:
    grades = [o.get("grade") for o in question["options"]]
    if not any(grades):
        return
    if question["kind"] != "single":
        errors.add((*at, "options"), say("grades_single_only"))
    elif not all(grades):
        errors.add((*at, "options"), say("grade_all_or_none"))
    elif any((o.get("grade") == "best") != o["correct"] for o in question["options"]):
        errors.add((*at, "options"), say("best_is_right"))


def _matching(old: list[dict[str, Any]], values: Mapping[str, Any], i: int,
              ids: set[str]) -> dict[str, Any]:
    """The opened question this form question is: the same id, else the same place (a question
    whose id was changed), unless that one's id is still in the form."""
    wanted = text(values.get("id")).strip()
    same = next((q for q in old if q.get("id") == wanted), None)
    if same is not None:
        return same
    return old[i] if i < len(old) and old[i].get("id") not in ids else {}


def _optional(data: dict[str, Any], key: str, value: Any) -> None:
    if value not in ("", None):
        data[key] = value
    else:
        data.pop(key, None)


def _whole(value: str) -> bool:
    return value.lstrip("-").isdigit()


def _list(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []
