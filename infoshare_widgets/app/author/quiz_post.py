"""A quiz form's POST as the quiz builder's values, and its buttons that add or remove a question
or an answer (plain form posts: the page works without JavaScript).

Field names are the builder's places (``questions.0.options.1.text``), so an error's field
key is also the id of the input it belongs to and the error summary links straight to it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ...builders.quiz_form import blank_option, blank_question

MAX_QUESTIONS = 60
MAX_OPTIONS = 12
ACTION = re.compile(r"^(add-question|add-option-(\d+)|remove-question-(\d+)|"
                    r"remove-option-(\d+)-(\d+)|preview|save|publish|discard)$")
_PLACE = re.compile(r"^questions\.(\d{1,3})\.(?:(id|prompt|kind|explanation)|"
                    r"options\.(\d{1,3})\.(text|correct|feedback|grade))$")


def values_from_post(arguments: Mapping[str, list[bytes]]) -> dict[str, Any]:
    """The form's fields as `quiz_form` values (unknown names ignored; numbers bounded)."""
    def one(name: str) -> str:
        given = arguments.get(name) or [b""]
        return given[0].decode("utf-8", "replace")

    values: dict[str, Any] = {k: one(k) for k in ("id", "title", "section", "order",
                                                   "facilitator_notes")}
    values["draft"] = False
    questions: dict[int, dict[str, Any]] = {}
    for name in arguments:
        found = _PLACE.match(name)
        if not found:
            continue
        q, field, o, option_field = found.groups()
        if int(q) >= MAX_QUESTIONS:
            continue
        question = questions.setdefault(int(q), {"options": {}})
        if field:
            question[field] = one(name)
        elif int(o) < MAX_OPTIONS:
            option = question["options"].setdefault(int(o), blank_option())
            option[option_field] = one(name) == "on" if option_field == "correct" else one(name)
    values["questions"] = [
        {**blank_question(i + 1), **{k: v for k, v in questions[n].items() if k != "options"},
         "options": [questions[n]["options"][j] for j in sorted(questions[n]["options"])]}
        for i, n in enumerate(sorted(questions))]
    return values


def apply_action(values: dict[str, Any], action: str) -> bool:
    """Add or remove what the pressed button says; True when it was such a button (the form is
    shown again without errors: errors appear when the author checks, saves or publishes)."""
    found = ACTION.match(action)
    if not found or action in {"preview", "save", "publish", "discard"}:
        return False
    questions = values["questions"]
    _, add_to, remove_q, remove_from, remove_o = found.groups()
    if action == "add-question" and len(questions) < MAX_QUESTIONS:
        questions.append(blank_question(len(questions) + 1))
    elif add_to is not None and int(add_to) < len(questions):
        options = questions[int(add_to)]["options"]
        if len(options) < MAX_OPTIONS:
            options.append(blank_option())
    elif remove_q is not None and int(remove_q) < len(questions):
        del questions[int(remove_q)]
    elif remove_from is not None and int(remove_from) < len(questions):
        options = questions[int(remove_from)]["options"]
        if int(remove_o) < len(options):
            del options[int(remove_o)]
    return True
