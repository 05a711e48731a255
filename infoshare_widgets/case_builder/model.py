"""The case-study builder's model: form values to a case study, its problems by field, its YAML.

Pure (no ipywidgets): the form sends what the trainer typed, this turns it into the mapping a
case-study file holds, checks it with the same model and wording as `infoshare validate`, and
writes the YAML the trainer downloads. A file opened in the builder is read with the same safe
reader as the loader; fields the form does not show (e.g. `order`, `see_also`) are kept as they
were, so opening and downloading a file changes only what was edited.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..content import item_forms, models
from ..content.problems import Problem
from ..content.pydantic_errors import problems_from_pydantic

TEXT_FIELDS = ("id", "name", "about", "audience", "story", "facilitator_notes", "source")
OPTIONAL = frozenset({"facilitator_notes", "source"})
FORM_PATH = Path("case_studies/new-case-study.yaml")
"""The name problems carry while a case has no id (they are shown by field, not by file)."""


@dataclass
class Built:
    """What the form's values make: the case (None while it has problems), the problems by
    form field (``"name"``, ``"questions.1.points"``, ``""`` for the whole case) and the YAML."""

    case: models.CaseStudy | None
    errors: dict[str, str] = field(default_factory=dict)
    yaml_text: str = ""

    @property
    def filename(self) -> str:
        return f"{self.case.id if self.case else 'new-case-study'}.yaml"


def blank_values(questions: list[dict[str, str]]) -> dict[str, Any]:
    """An empty form with the given prompts (the pack's three, from the scaffold)."""
    return {**{k: "" for k in TEXT_FIELDS}, "audience": "children", "draft": True,
            "questions": [{"id": q["id"], "prompt": q["prompt"], "points": ""}
                          for q in questions]}


def values_from_data(data: dict[str, Any]) -> dict[str, Any]:
    """A case-study mapping as form values: text as text, points one per line."""
    values: dict[str, Any] = {k: _text(data.get(k)) for k in TEXT_FIELDS}
    values["draft"] = data.get("draft") is True
    questions = data.get("questions") if isinstance(data.get("questions"), list) else []
    values["questions"] = [
        {"id": _text(q.get("id")), "prompt": _text(q.get("prompt")),
         "points": "\n".join(_text(p) for p in q.get("points") or [] if p is not None)}
        for q in questions if isinstance(q, dict)]
    return values


def data_from_values(values: dict[str, Any], base: dict[str, Any] | None = None
                     ) -> dict[str, Any]:
    """Form values as a case-study mapping, over ``base`` (the opened file's other fields)."""
    data: dict[str, Any] = dict(base or {})
    for key in TEXT_FIELDS:
        text = _text(values.get(key)).strip()
        if text or key not in OPTIONAL:
            data[key] = text
        else:
            data.pop(key, None)
    if values.get("draft"):
        data["draft"] = True
    else:
        data.pop("draft", None)
    data["questions"] = [
        {"id": _text(q.get("id")).strip(), "prompt": _text(q.get("prompt")).strip(),
         "points": [line.strip() for line in _text(q.get("points")).splitlines()
                    if line.strip()]}
        for q in values.get("questions") or [] if isinstance(q, dict)]
    return _ordered(data)


def build(values: dict[str, Any], base: dict[str, Any] | None = None) -> Built:
    """Check the form's case study and write its YAML (written even with problems, for saving)."""
    data = data_from_values(values, base)
    text = to_yaml(data)
    try:
        case = models.CaseStudy.model_validate(data)
    except ValidationError as err:
        problems = problems_from_pydantic(FORM_PATH, err, {}, models.CaseStudy, data)
        return Built(None, errors_by_field(problems), text)
    return Built(case, {}, text)


def errors_by_field(problems: list[Problem]) -> dict[str, str]:
    """Each problem under the form field it concerns (its first three locations)."""
    return item_forms.errors_by_field(problems, depth=3)


def open_text(text: str | None) -> tuple[dict[str, Any] | None, str]:
    """A case-study file's mapping, or None and why it cannot be opened (a sentence)."""
    data, reason = item_forms.open_text(text, "case_studies", FORM_PATH)
    if data is None and reason == "the file is too large":
        reason = "the file is too large to be a case study"
    return data, reason


def to_yaml(data: dict[str, Any]) -> str:
    """The file the trainer downloads: `format:` first, then the fields in the models' order."""
    return item_forms.to_yaml(data, models.CaseStudy)


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    return item_forms.ordered(data, models.CaseStudy)


_text = item_forms.text
