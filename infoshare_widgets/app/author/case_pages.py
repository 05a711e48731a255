"""The case-study builder in the author area (the kernel-side builder moved in): create, open and
change a case study, check and preview it, save a draft, publish; history and roll back are the
shared history page's.

Form values become a case study with `case_builder.model` (the same mapping, YAML and content
model as the download builder); the checks a trainer is likely to trip on are worded as GOV.UK
errors at their fields first (`builders.form_checks`), the model catches the rest.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ...builders.form_checks import Errors, check_id, check_model, check_placeholders, check_text
from ...builders.form_words import Say, builder_words
from ...case_builder import model as case_model
from ...content import models
from ...content.scaffold import case_study_prompts
from .author_items import site, taken_ids
from .author_words import author_words
from .item_handler import ItemHandler
from .item_preview import case_html

KIND = "case_studies"
MAX_QUESTIONS = 12
_QUESTION = re.compile(r"^questions\.(\d{1,2})\.(id|prompt|points)$")


def values_from_post(arguments: Mapping[str, list[bytes]]) -> dict[str, Any]:
    """The form's fields as `case_builder` values (unknown names ignored; at most 12 prompts).
    ``draft`` is never set from the form: a draft in the author area is a saved draft."""
    def one(name: str) -> str:
        return (arguments.get(name) or [b""])[0].decode("utf-8", "replace")

    values: dict[str, Any] = {k: one(k) for k in case_model.TEXT_FIELDS}
    values["draft"] = False
    questions: dict[int, dict[str, str]] = {}
    for name in arguments:
        found = _QUESTION.match(name)
        if found and int(found.group(1)) < MAX_QUESTIONS:
            questions.setdefault(int(found.group(1)), {"id": "", "prompt": "", "points": ""})[
                found.group(2)] = one(name)
    values["questions"] = [questions[n] for n in sorted(questions)]
    return values


def build(values: dict[str, Any], words: Mapping[str, str], base: dict[str, Any] | None,
          taken: set[str]) -> tuple[models.CaseStudy | None, dict[str, str], dict, str]:
    """(the case or None, errors by field in the trainer's words, its mapping, its YAML)."""
    say, errors = Say(words), Errors()
    data = case_model.data_from_values(values, base)
    check_id(errors, say, data["id"])
    if data["id"] in taken:
        errors.add(("id",), say("case_id_taken"))
    check_text(errors, say, data["name"], ("name",), "enter_title")
    check_text(errors, say, data["about"], ("about",), "enter_about")
    if data["audience"] not in ("children", "adults"):
        errors.add(("audience",), say("select_case_audience"))
    check_text(errors, say, data["story"], ("story",), "enter_story")
    if not data["questions"]:
        errors.add(("questions",), say("add_question"))
    for n, question in enumerate(data["questions"]):
        check_text(errors, say, question["prompt"], ("questions", n, "prompt"),
                   "enter_question")
        if not question["points"]:
            errors.add(("questions", n, "points"), say("enter_points", number=n + 1))
    check_placeholders(errors, say, data)
    case = check_model(errors, say, models.CaseStudy, data)
    return case, dict(errors), data, case_model.to_yaml(data)  # type: ignore[return-value]


class CaseBuilder(ItemHandler):
    """``author/case_studies/new`` and ``author/case_studies/edit/<id>``."""

    kind = KIND

    async def get(self, item_id: str = "") -> None:
        base, where = await self.service.run(self.opened, item_id)
        values = (case_model.values_from_data(base) if base
                  else case_model.blank_values(case_study_prompts()))
        self.form(values, item_id, where, self.store.current_version(KIND, item_id)
                  if item_id else 0)

    async def post(self, item_id: str = "") -> None:
        base, where, values, version, action = await self.posted(item_id, values_from_post)
        if action == "add-question" and len(values["questions"]) < MAX_QUESTIONS:
            values["questions"].append({"id": f"q{len(values['questions']) + 1}",
                                        "prompt": "", "points": ""})
            return self.form(values, item_id, where, version)
        if await self.discarded(KIND, action, item_id, where):
            return None
        self.check_role(action)
        case, errors, data, text = build(values, builder_words(site()), base,
                                         taken_ids(KIND, item_id))
        errors = await self.acted(KIND, action, item_id, data.get("id", ""), text, errors,
                                  version)
        if errors is None:
            return None
        preview = case_html(case, author_words()) if case else ""
        return self.form(values, item_id, where, version, errors=errors, preview=preview)

    def form(self, values: dict, item_id: str, where: str, version: int,
             errors: dict[str, str] | None = None, preview: str = "") -> None:
        self.page("case_study.html", kind=KIND, values=values, item_id=item_id, where=where,
                  opened=version, errors=errors or {}, preview=preview,
                  publisher=self.publisher, notice=self.get_query_argument("done", ""))
