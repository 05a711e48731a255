"""The lawful-basis scenario builder: one entry of the shared scenarios file, built, previewed,
saved as a draft and published on its own (the author never sees the shared file).

The form offers what the site has: its lawful bases (ticked for "fits", each with optional
feedback), the guided helper's questions (each answer a choice) and structured sources.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ...builders import scenario_form
from ...builders.form_words import builder_words
from ...content.overlay import valid_id
from .author_items import site
from .author_words import author_words
from .item_handler import ItemHandler
from .item_preview import scenario_html

MAX_SOURCES = 8
SOURCE = re.compile(r"^sources\.(\d)\.(title|publisher|version|url|checked)$")


def values_from_post(arguments: Mapping[str, list[bytes]]) -> dict[str, Any]:
    """The form's fields as `scenario_form` values (unknown names ignored)."""
    def one(name: str) -> str:
        return (arguments.get(name) or [b""])[0].decode("utf-8", "replace")

    values = scenario_form.blank_values()
    values.update({k: one(k) for k in (*scenario_form.TEXT_FIELDS, "source_text")})
    values["source_key"] = "sources" if one("source_key") == "sources" else "source"
    values["sources_as_list"] = one("sources_as_list") == "1"
    values["fits"] = [b.decode("utf-8", "replace") for b in arguments.get("fits", [])][:20]
    for group in ("basis_feedback", "helper"):
        values[group] = {name.split(".", 1)[1]: one(name) for name in arguments
                         if name.startswith(group + ".") and valid_id(name.split(".", 1)[1])}
    sources: dict[int, dict[str, str]] = {}
    for name in arguments:
        found = SOURCE.match(name)
        if found and int(found.group(1)) < MAX_SOURCES:
            sources.setdefault(int(found.group(1)), scenario_form.blank_source())[
                found.group(2)] = one(name)
    values["sources"] = [sources[j] for j in sorted(sources)] or [scenario_form.blank_source()]
    return values


def field_of(key: str) -> str:
    """A builder error's place as the id of the input it belongs to (one source is a list of
    one in the form)."""
    if key == "source":
        return "sources.0.title"
    return "sources.0." + key[len("source."):] if key.startswith("source.") else key


class ScenarioBuilder(ItemHandler):
    """``author/scenarios/new`` and ``author/scenarios/edit/<id>``."""

    kind = "scenarios"

    async def get(self, item_id: str = "") -> None:
        base, where = await self.service.run(self.opened, item_id)
        values = scenario_form.values_from_data(base) if base else scenario_form.blank_values()
        if not values["sources"]:
            values["sources"] = [scenario_form.blank_source()]
        self.form(values, item_id, where, self.store.current_version("scenarios", item_id)
                  if item_id else 0)

    async def post(self, item_id: str = "") -> None:
        base, where, values, version, action = await self.posted(item_id, values_from_post)
        if action == "add-source" and len(values["sources"]) < MAX_SOURCES:
            values["sources"].append(scenario_form.blank_source())
            values["sources_as_list"] = True
            return self.form(values, item_id, where, version)
        if action.startswith("remove-source-") and action[14:].isdigit():
            del values["sources"][int(action[14:]):int(action[14:]) + 1]
            values["sources"] = values["sources"] or [scenario_form.blank_source()]
            return self.form(values, item_id, where, version)
        if await self.discarded("scenarios", action, item_id, where):
            return None
        self.check_role(action)
        content = site()
        built = scenario_form.build(values, builder_words(content), base,
                                    scenario_form.SiteChoices.from_content(content, item_id))
        errors = await self.acted("scenarios", action, item_id, built.data.get("id", ""),
                                  built.yaml_text,
                                  {field_of(k): v for k, v in built.errors.items()}, version)
        if errors is None:
            return None
        names = {b.id: b.name for b in content.lawful_bases.bases} if content.lawful_bases else {}
        preview = scenario_html(built.scenario, names, author_words()) if built.scenario else ""
        return self.form(values, item_id, where, version, errors=errors, preview=preview)

    def form(self, values: dict, item_id: str, where: str, version: int,
             errors: dict[str, str] | None = None, preview: str = "") -> None:
        content = site()
        self.page("scenario.html", kind="scenarios",
                  values=values, item_id=item_id, where=where, opened=version,
                  errors=errors or {}, preview=preview, publisher=self.publisher,
                  bases=content.lawful_bases.bases if content.lawful_bases else [],
                  helper=content.basis_helper.questions if content.basis_helper else [],
                  audiences=scenario_form.AUDIENCES,
                  organisations=scenario_form.ORGANISATIONS,
                  notice=self.get_query_argument("done", ""))
