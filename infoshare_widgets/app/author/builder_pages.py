"""The author area's item pages: the list of what is on the site, the quiz builder (create,
open, save a draft, preview, publish) and an item's history (readable diffs, roll back).

Server pages and plain forms that POST with the CSRF token; no kernel, no JavaScript needed.
Roles: ``author`` and up build and save drafts; ``publisher`` and ``admin`` also publish and
roll back. Ids in addresses must be content ids (`overlay.valid_id`): nothing else reaches
the disk. Errors appear when the author checks, saves or publishes, never on a blank form.
"""

from __future__ import annotations

from typing import Any

from ...builders import quiz_form
from ...builders.form_words import builder_words
from ...content.overlay import KINDS, valid_id
from ...publishing.publish_store import Author, PublishStore, Refused
from .author_handlers import AuthorHandler, Refusal
from .author_items import BUILT, KIND_WORDS, listed, opened_data, publish_store, site, taken_ids
from .author_words import author_words
from .item_preview import preview_html
from .quiz_post import apply_action, values_from_post

PUBLISHERS = ("publisher", "admin")
MAX_FORM_BODY = 512 * 1024
"""A quiz form's post: the largest shipped quiz's form is about 40 KB; an item file may be 1 MB,
but one that large is not built in a browser form (the terminal route takes it)."""


class ItemHandler(AuthorHandler):
    """Signed-in authors only (a GET without a session goes to sign-in); the publish store."""

    store: PublishStore
    max_body = MAX_FORM_BODY

    async def prepare(self) -> Any:  # type: ignore[override]
        await super().prepare()
        if self.author is None:
            if self.request.method == "GET":
                self.redirect(f"{self.area}/sign-in", status=303)
                return
            raise Refusal(403, "author_refused")
        store = publish_store()
        if store is None:
            raise Refusal(503, "author_overlay_off")
        self.store = store

    @property
    def publisher(self) -> bool:
        return self.author is not None and self.author.role in PUBLISHERS

    def who(self) -> Author:
        assert self.author is not None
        return Author(self.author.who, self.author.role)

    def draft_refusal(self, kind: str, new_id: str, item_id: str) -> str | None:
        """Why a draft may not be saved under ``new_id``, or None. The rule: a draft made with
        "Create" may not take an id another author's draft already has (it would replace their
        work unseen); the same author may save over their own. A draft opened from the list is
        changed on purpose, by whoever opened it."""
        if item_id or self.store.draft_text(kind, new_id) is None:
            return None
        if self.store.draft_owner(kind, new_id) == self.who().account:
            return None
        return author_words()["author_draft_taken"]

    async def published(self, kind: str, new_id: str, text: str, version: int
                        ) -> dict[str, str]:
        """Publish (then drop the draft) and go to the list; else the store's refusals as
        errors by field (the publish check's whole-content problems have no field)."""
        try:
            await self.service.run(lambda: self.store.publish(
                kind, new_id, text, self.who(), opened_version=version))
        except Refused as refused:
            return {(p.field or f"problem-{i}"): p.message for i, p in enumerate(refused.problems)}
        await self.service.run(self.store.discard_draft, kind, new_id)
        self.redirect(f"{self.area}/items?done=published", status=303)
        return {}

    def save_own_draft(self, kind: str, new_id: str, text: str, item_id: str) -> str | None:
        """Save the draft (recording its first author); None, or why not."""
        refused = self.draft_refusal(kind, new_id, item_id)
        if refused is None:
            self.store.save_draft(kind, new_id, text, owner=self.who().account)
        return refused


class ItemList(ItemHandler):
    """``author/items``: every case study, quiz and scenario; "changed locally" marked."""

    async def get(self) -> None:
        items = await self.service.run(listed, self.store)
        self.page("items.html", items=items, kinds=list(KINDS), kind_words=KIND_WORDS,
                  built=BUILT, notice=self.get_query_argument("done", ""))


class QuizBuilder(ItemHandler):
    """``author/quizzes/new`` and ``author/quizzes/edit/<id>``."""

    def opened(self, item_id: str) -> tuple[dict[str, Any], str]:
        if item_id == "":
            return {}, "new"
        found = opened_data(self.store, "quizzes", item_id) if valid_id(item_id) else None
        if found is None:
            raise Refusal(404, "author_no_item")
        return found

    async def get(self, item_id: str = "") -> None:
        base, where = await self.service.run(self.opened, item_id)
        values = quiz_form.values_from_data(base) if base else quiz_form.blank_values()
        self.form(values, item_id, where, self.store.current_version("quizzes", item_id)
                  if item_id else 0)

    async def post(self, item_id: str = "") -> None:
        base, where = await self.service.run(self.opened, item_id)
        values = values_from_post(self.request.body_arguments)
        opened = self.get_body_argument("opened", "0")
        version = int(opened) if opened.isdigit() else 0
        action = self.get_body_argument("action", "preview")
        if apply_action(values, action):
            self.form(values, item_id, where, version)
            return
        if action == "discard" and where == "draft":
            await self.service.run(self.store.discard_draft, "quizzes", item_id)
            self.redirect(f"{self.area}/items?done=discarded", status=303)
            return
        if action == "publish" and not self.publisher:
            raise Refusal(403, "author_not_publisher")
        words = builder_words(site())
        built = quiz_form.build(values, words, base, taken_ids("quizzes", item_id))
        if action == "save":
            await self.save(values, built, item_id, where, version)
            return
        if action == "publish" and not built.errors:
            await self.publish(values, built, item_id, where, version)
            return
        self.form(values, item_id, where, version, errors=built.errors,
                  preview=preview_html(built.quiz, self.words()) if built.quiz else "")

    async def save(self, values: dict, built: quiz_form.BuiltQuiz, item_id: str, where: str,
                   version: int) -> None:
        new_id = built.data.get("id", "")
        id_error = {k: v for k, v in built.errors.items() if k == "id"}
        if id_error or (item_id and new_id != item_id):
            self.form(values, item_id, where, version,
                      errors=id_error or {"id": self.words()["author_id_fixed"]})
            return
        refused = await self.service.run(self.save_own_draft, "quizzes", new_id,
                                         built.yaml_text, item_id)
        if refused is not None:
            self.form(values, item_id, where, version, errors={"id": refused})
            return
        self.redirect(f"{self.area}/quizzes/edit/{new_id}?done=saved", status=303)

    async def publish(self, values: dict, built: quiz_form.BuiltQuiz, item_id: str, where: str,
                      version: int) -> None:
        new_id = built.data["id"]
        if item_id and new_id != item_id:
            self.form(values, item_id, where, version,
                      errors={"id": self.words()["author_id_fixed"]})
            return
        errors = await self.published("quizzes", new_id, built.yaml_text, version)
        if errors:
            self.form(values, item_id, where, version, errors=errors)

    def words(self) -> dict[str, str]:
        return author_words()

    def form(self, values: dict, item_id: str, where: str, version: int,
             errors: dict[str, str] | None = None, preview: str = "") -> None:
        self.page("quiz.html", values=values, item_id=item_id, where=where, opened=version,
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
