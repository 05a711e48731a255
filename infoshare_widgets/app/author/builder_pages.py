"""The author area's item pages: the list of what is on the site, the quiz builder (create,
open, save a draft, preview, publish) and an item's history (readable diffs, roll back).

Server pages and plain forms that POST with the CSRF token; no kernel, no JavaScript needed.
What the builders share (roles, drafts, publishing, the learners' preview) is `ItemHandler`'s.
Ids in addresses must be content ids (`overlay.valid_id`): nothing else reaches the disk.
Errors appear when the author checks, saves or publishes, never on a blank form.
"""

from __future__ import annotations

from ...builders import quiz_form
from ...builders.form_words import builder_words
from ...content.overlay import KINDS, valid_id
from ...publishing.publish_store import Refused
from .author_handlers import Refusal
from .author_items import BUILT, KIND_WORDS, listed, site, taken_ids
from .author_words import author_words
from .item_handler import ItemHandler
from .item_preview import preview_html
from .quiz_post import apply_action, values_from_post


class ItemList(ItemHandler):
    """``author/items``: every case study, quiz and scenario; "changed locally" marked."""

    async def get(self) -> None:
        items = await self.service.run(listed, self.store)
        self.page("items.html", items=items, kinds=list(KINDS), kind_words=KIND_WORDS,
                  built=BUILT, notice=self.get_query_argument("done", ""))


class QuizBuilder(ItemHandler):
    """``author/quizzes/new`` and ``author/quizzes/edit/<id>``."""

    kind = "quizzes"

    async def get(self, item_id: str = "") -> None:
        base, where = await self.service.run(self.opened, item_id)
        values = quiz_form.values_from_data(base) if base else quiz_form.blank_values()
        self.form(values, item_id, where, self.store.current_version("quizzes", item_id)
                  if item_id else 0)

    async def post(self, item_id: str = "") -> None:
        base, where, values, version, action = await self.posted(item_id, values_from_post)
        if apply_action(values, action):
            self.form(values, item_id, where, version)
            return
        if await self.discarded("quizzes", action, item_id, where):
            return
        self.check_role(action)
        built = quiz_form.build(values, builder_words(site()), base,
                                taken_ids("quizzes", item_id))
        errors = await self.acted("quizzes", action, item_id, built.data.get("id", ""),
                                  built.yaml_text, built.errors, version)
        if errors is not None:
            self.form(values, item_id, where, version, errors=errors,
                      preview=preview_html(built.quiz, self.words()) if built.quiz else "")

    def words(self) -> dict[str, str]:
        return author_words()

    def form(self, values: dict, item_id: str, where: str, version: int,
             errors: dict[str, str] | None = None, preview: str = "") -> None:
        self.page("quiz.html", kind="quizzes",
                  values=values, item_id=item_id, where=where, opened=version,
                  errors=errors or {}, preview=preview, publisher=self.publisher,
                  sections=quiz_form.SECTIONS, grades=("best", "acceptable", "unsafe"),
                  notice=self.get_query_argument("done", ""))


class History(ItemHandler):
    """``author/history/<kind>/<id>``: every version with its diff; "Roll back" for publishers."""

    def versions(self, kind: str, item_id: str) -> list:
        if kind not in KINDS or not valid_id(item_id):
            raise Refusal(404, "author_no_item")
        return list(reversed(self.store.versions(kind, item_id)))

    async def get(self, kind: str, item_id: str) -> None:
        versions = await self.service.run(self.versions, kind, item_id)
        self.page("history.html", kind=kind, item_id=item_id, versions=versions,
                  publisher=self.publisher, kind_words=KIND_WORDS, errors={},
                  notice=self.get_query_argument("done", ""))

    async def post(self, kind: str, item_id: str) -> None:
        versions = await self.service.run(self.versions, kind, item_id)
        if not self.publisher:
            raise Refusal(403, "author_not_publisher")
        to = self.get_body_argument("to", "")
        try:
            if self.get_body_argument("withdraw", ""):
                await self.service.run(lambda: self.store.withdraw(kind, item_id, self.who()))
            else:
                await self.service.run(lambda: self.store.rollback(
                    kind, item_id, int(to) if to.isdigit() else -1, self.who()))
        except Refused as refused:
            self.page("history.html", kind=kind, item_id=item_id, versions=versions,
                      publisher=True, kind_words=KIND_WORDS, notice="",
                      errors={f"problem-{i}": p.message for i, p in enumerate(refused.problems)})
            return
        done = "withdrawn" if self.get_body_argument("withdraw", "") else "rolled"
        self.redirect(f"{self.area}/history/{kind}/{item_id}?done={done}", status=303)
