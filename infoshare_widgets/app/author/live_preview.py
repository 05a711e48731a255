"""``author/preview/<kind>[/<id>]``: the builders' live preview and field checks for
``static/author.js``. The page's own form is POSTed (with its CSRF token) as the author types or
leaves a filled field; the answer is JSON: the item drawn by `item_preview` (the learners'
sanitiser, so nothing reaches the page that could not reach a learner) when it has no problems,
and the problems by field in the trainer's words. Nothing is saved: previewing keeps no draft.

An id another item already has does not stop the preview (the form says so on saving).
"""

from __future__ import annotations

import json
from typing import Any

from ...builders import quiz_form, scenario_form
from ...builders.form_words import builder_words
from ...content.overlay import valid_id
from . import case_pages, quiz_post, scenario_pages
from .author_handlers import Refusal
from .author_items import opened_data, site
from .author_words import author_words
from .item_handler import ItemHandler
from .item_preview import case_html, preview_html, scenario_html

PREVIEWED = ("case_studies", "quizzes", "scenarios")


def preview_of(kind: str, arguments: dict[str, list[bytes]], base: dict[str, Any]
               ) -> tuple[str, dict[str, str]]:
    """(the preview's HTML, or "" while there are problems; the problems by field)."""
    content, words = site(), builder_words(site())
    if kind == "quizzes":
        built = quiz_form.build(quiz_post.values_from_post(arguments), words, base, set())
        return (preview_html(built.quiz, author_words()) if built.quiz else "", built.errors)
    if kind == "scenarios":
        values = scenario_pages.values_from_post(arguments)
        found = scenario_form.build(values, words, base, scenario_form.SiteChoices.from_content(
            content, values.get("id", "")))
        names = ({b.id: b.name for b in content.lawful_bases.bases}
                 if content.lawful_bases else {})
        errors = {scenario_pages.field_of(k): v for k, v in found.errors.items()}
        return (scenario_html(found.scenario, names, author_words()) if found.scenario
                else "", errors)
    case, errors, _, _ = case_pages.build(case_pages.values_from_post(arguments), words, base,
                                          set())
    return (case_html(case, author_words()) if case else "", errors)


class LivePreview(ItemHandler):
    """POST only; signed-in authors only (`ItemHandler`), with the CSRF token of their page."""

    def opened(self, kind: str, item_id: str) -> dict[str, Any]:
        if kind not in PREVIEWED or (item_id and not valid_id(item_id)):
            raise Refusal(404, "author_no_item")
        found = opened_data(self.store, kind, item_id) if item_id else None
        return found[0] if found else {}

    async def post(self, kind: str, item_id: str = "") -> None:
        base = await self.service.run(self.opened, kind, item_id)
        html, errors = await self.service.run(preview_of, kind, self.request.body_arguments,
                                              base)
        self.set_header("Content-Type", "application/json; charset=UTF-8")
        self.finish(json.dumps({"html": html, "errors": errors}))
