"""The lawful-basis scenario builder's model: form values to one scenario, its problems by field,
its YAML; and a scenario on the site back to form values.

A scenario is one entry of the shared `lawful_basis_scenarios.yaml`; the author never sees that
file: the builder makes the entry (published on its own into the overlay, `content/overlay.py`)
and checks it against the site's lawful bases, the guided helper's questions and the other
scenarios' ids. Sources are the law issue's structured ones (title, publisher, version, url,
checked); a plain line of text still opens and is kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, get_args

from ..content import item_forms, models
from ..content.item_forms import text
from .form_checks import Errors, check_id, check_model, check_placeholders, check_text
from .form_words import Say

AUDIENCES = get_args(models.Audience)
ORGANISATIONS = get_args(models.OrganisationKind)
SOURCE_FIELDS = ("title", "publisher", "version", "url", "checked")
TEXT_FIELDS = ("id", "audience", "organisation", "title", "situation", "explanation", "condition")
URL = re.compile(r"^https?://\S+$")


@dataclass
class BuiltScenario:
    """The scenario (None while there are problems), problems by form field, mapping, YAML."""

    scenario: models.Scenario | None
    errors: dict[str, str] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
    yaml_text: str = ""


@dataclass(frozen=True)
class SiteChoices:
    """What a scenario may name on this site: basis ids, the helper's answers, other ids."""

    bases: tuple[str, ...] = ()
    helper: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    taken_ids: frozenset[str] = frozenset()

    @classmethod
    def from_content(cls, content: Any, opened_id: str | None = None) -> SiteChoices:
        bases = tuple(b.id for b in content.lawful_bases.bases) if content.lawful_bases else ()
        helper = ({q.id: tuple(o.id for o in q.options) for q in content.basis_helper.questions}
                  if content.basis_helper else {})
        ids = {s.id for s in content.scenarios.scenarios} if content.scenarios else set()
        return cls(bases, helper, frozenset(ids - {opened_id}))


def blank_values() -> dict[str, Any]:
    return {**{k: "" for k in TEXT_FIELDS}, "audience": "children", "fits": [],
            "basis_feedback": {}, "helper": {}, "sources": [blank_source()], "source_text": "",
            "source_key": "source", "draft": False}


def blank_source() -> dict[str, str]:
    return {k: "" for k in SOURCE_FIELDS}


def values_from_data(data: Mapping[str, Any]) -> dict[str, Any]:
    """A scenario mapping (an entry opened from the site) as form values."""
    key = "sources" if "sources" in data else "source"
    source = data.get(key)
    refs = source if isinstance(source, list) else [source] if isinstance(source, dict) else []
    return {
        **{k: text(data.get(k)) for k in TEXT_FIELDS},
        "fits": [text(b) for b in data.get("fits") or [] if isinstance(b, str)],
        "basis_feedback": {text(k): text(v) for k, v in _map(data.get("basis_feedback")).items()},
        "helper": {text(k): text(v) for k, v in _map(data.get("helper")).items()},
        "sources": [{k: _source_text(r.get(k)) for k in SOURCE_FIELDS}
                    for r in refs if isinstance(r, dict)],
        "source_text": source if isinstance(source, str) else "",
        "source_key": key, "sources_as_list": isinstance(source, list),
        "draft": data.get("draft") is True,
    }


def data_from_values(values: Mapping[str, Any], base: Mapping[str, Any] | None = None
                     ) -> dict[str, Any]:
    """Form values as a scenario mapping, over ``base`` (the opened entry's other fields)."""
    data: dict[str, Any] = {k: v for k, v in (base or {}).items()
                            if k not in ("source", "sources")}
    for key in TEXT_FIELDS:
        value = text(values.get(key)).strip()
        if value or key in ("id", "audience", "title", "situation", "explanation"):
            data[key] = value
        else:
            data.pop(key, None)
    data["fits"] = [text(b).strip() for b in values.get("fits") or [] if text(b).strip()]
    for key in ("basis_feedback", "helper"):
        chosen = {text(k).strip(): text(v).strip() for k, v in _map(values.get(key)).items()
                  if text(v).strip()}
        if chosen:
            data[key] = chosen
        else:
            data.pop(key, None)
    _put_source(data, values)
    if values.get("draft"):
        data["draft"] = True
    else:
        data.pop("draft", None)
    return item_forms.ordered(data, models.Scenario)


def _put_source(data: dict[str, Any], values: Mapping[str, Any]) -> None:
    refs = [{k: text(r.get(k)).strip() for k in SOURCE_FIELDS if text(r.get(k)).strip()}
            for r in values.get("sources") or [] if isinstance(r, Mapping)]
    refs = [r for r in refs if r]
    key = "sources" if values.get("source_key") == "sources" else "source"
    if refs:
        data[key] = refs if len(refs) > 1 or values.get("sources_as_list") else refs[0]
    elif text(values.get("source_text")).strip():
        data[key] = text(values.get("source_text")).strip()


def build(values: Mapping[str, Any], words: Mapping[str, str],
          base: Mapping[str, Any] | None = None, site: SiteChoices | None = None
          ) -> BuiltScenario:
    """Check the form's scenario against ``site`` (its bases, helper and other ids) and write
    its YAML: one entry, as the overlay keeps it."""
    say, errors, site = Say(words), Errors(), site or SiteChoices()
    data = data_from_values(values, base)
    check_id(errors, say, data["id"])
    if data["id"] in site.taken_ids:
        errors.add(("id",), say("scenario_id_taken"))
    if data["audience"] not in AUDIENCES:
        errors.add(("audience",), say("select_audience"))
    if data.get("organisation", "") not in ("", *ORGANISATIONS):
        errors.add(("organisation",), say("select_organisation"))
    check_text(errors, say, data["title"], ("title",), "enter_title")
    check_text(errors, say, data["situation"], ("situation",), "enter_situation")
    _check_bases(errors, say, data, site)
    check_text(errors, say, data["explanation"], ("explanation",), "enter_explanation")
    _check_helper(errors, say, data, site)
    _check_sources(errors, say, data)
    check_placeholders(errors, say, data)
    scenario = check_model(errors, say, models.Scenario, data)
    return BuiltScenario(scenario, dict(errors), data,
                         item_forms.to_yaml(data, models.Scenario))


def _check_bases(errors: Errors, say: Say, data: dict[str, Any], site: SiteChoices) -> None:
    if not data["fits"]:
        errors.add(("fits",), say("select_fits"))
    known = set(site.bases)
    for j, basis in enumerate(data["fits"]):
        if known and basis not in known:
            errors.add(("fits", j), say("unknown_basis"))
    for basis in data.get("basis_feedback", {}):
        if known and basis not in known:
            errors.add(("basis_feedback", basis), say("unknown_basis"))


def _check_helper(errors: Errors, say: Say, data: dict[str, Any], site: SiteChoices) -> None:
    for question, answer in data.get("helper", {}).items():
        if site.helper and answer not in site.helper.get(question, ()):
            errors.add(("helper", question), say("unknown_helper_answer"))


def _check_sources(errors: Errors, say: Say, data: dict[str, Any]) -> None:
    key = "sources" if "sources" in data else "source"
    source = data.get(key)
    if not source:
        errors.add(("source",), say("enter_source"))
        return
    for j, ref in enumerate(source if isinstance(source, list) else [source]):
        if not isinstance(ref, dict):
            continue
        at = ("sources", j) if isinstance(source, list) else (key,)
        if not ref.get("title"):
            errors.add((*at, "title"), say("enter_source_title"))
        if not ref.get("publisher"):
            errors.add((*at, "publisher"), say("enter_source_publisher"))
        if ref.get("url") and not URL.match(ref["url"]):
            errors.add((*at, "url"), say("bad_source_url"))
        if ref.get("checked") and not _is_date(ref["checked"]):
            errors.add((*at, "checked"), say("bad_source_checked"))


def _is_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _source_text(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else text(value)


def _map(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}
