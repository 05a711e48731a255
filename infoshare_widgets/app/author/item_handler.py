"""`ItemHandler`: what the builder pages (quizzes, case studies, scenarios) share once a form is
built: who may do what, saving a draft, discarding it, publishing, and "Preview as learners see
it". Each builder reads its own form and builds its own item; the actions are the same.

Roles: ``author`` and up build, preview and save drafts; ``publisher`` and ``admin`` also
publish and roll back. A draft is discarded only by the author who first saved it or by a
publisher; an author keeps at most `MAX_DRAFTS` drafts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from ...content.overlay import KINDS, valid_id
from ...content.preview_snapshots import preview_folder, purge_expired, write_snapshot
from ...content.templates import fill
from ...publishing.publish_store import Author, PublishStore, Refused
from .author_handlers import PREVIEW_COOKIE, AuthorHandler, Refusal, cookie_path
from .author_items import opened_data, publish_store
from .author_words import author_words
from .preview_gate import preview_url

PUBLISHERS = ("publisher", "admin")
MAX_FORM_BODY = 512 * 1024
"""A quiz form's post: the largest shipped quiz's form is about 40 KB; an item file may be 1 MB,
but one that large is not built in a browser form (the terminal route takes it)."""
MAX_DRAFTS = 50
"""Drafts one author may keep (over every kind); a 51st is refused with a sentence saying so."""


class Posted(NamedTuple):
    """What a builder's post says, read the same way by every builder: the item it opened
    (``base``, and ``where``: "new", "draft" or "published"), the form's values, the version
    it was opened at (0 when absent or not a number) and the button pressed."""

    base: dict[str, Any]
    where: str
    values: dict[str, Any]
    version: int
    action: str


class ItemHandler(AuthorHandler):
    """Signed-in authors only (a GET without a session goes to sign-in); the publish store."""

    store: PublishStore
    kind = ""
    """The builder's kind of item (`content.overlay.KINDS`)."""
    max_body = MAX_FORM_BODY
    learner_url = ""
    """The address of the learners' page for the snapshot this request made, if any."""

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
        folder = preview_folder(store.overlay)
        if folder is not None and folder.is_dir():  # expired previews go with any author page
            await self.service.run(purge_expired, folder)

    def opened(self, item_id: str) -> tuple[dict[str, Any], str]:
        """The item an address opens (its draft, else its published version) and where it came
        from; ``({}, "new")`` for none; 404 for an unknown or malformed id."""
        if item_id == "":
            return {}, "new"
        found = opened_data(self.store, self.kind, item_id) if valid_id(item_id) else None
        if found is None:
            raise Refusal(404, "author_no_item")
        return found

    async def posted(self, item_id: str,
                     read_form: Callable[[Mapping[str, list[bytes]]], dict[str, Any]]) -> Posted:
        """The post read: the opened item, ``read_form``'s values, the version, the action."""
        base, where = await self.service.run(self.opened, item_id)
        opened = self.get_body_argument("opened", "0")
        return Posted(base, where, read_form(self.request.body_arguments),
                      int(opened) if opened.isdigit() else 0,
                      self.get_body_argument("action", "preview"))

    @property
    def publisher(self) -> bool:
        return self.author is not None and self.author.role in PUBLISHERS

    def who(self) -> Author:
        assert self.author is not None
        return Author(self.author.who, self.author.role)

    def page(self, template: str, status: int = 200, **namespace: Any) -> None:
        super().page(template, status, learner_url=self.learner_url, **namespace)

    def check_role(self, action: str) -> None:
        if action == "publish" and not self.publisher:
            raise Refusal(403, "author_not_publisher")

    async def discarded(self, kind: str, action: str, item_id: str, where: str) -> bool:
        """Discard the opened draft when asked (its owner or a publisher only) and go to the
        list; False when the action is not a discard of a draft."""
        if action != "discard" or where != "draft":
            return False
        owner = await self.service.run(self.store.draft_owner, kind, item_id)
        if not self.publisher and owner != self.who().account:
            raise Refusal(403, "author_not_draft_owner")
        await self.service.run(self.store.discard_draft, kind, item_id)
        self.redirect(f"{self.area}/items?done=discarded", status=303)
        return True

    async def acted(self, kind: str, action: str, item_id: str, new_id: str, text: str,
                    errors: dict[str, str], version: int) -> dict[str, str] | None:
        """Save, publish or preview the built item: None when the answer is sent (a redirect),
        else the errors to show with the form (for a save, only the id's: a draft may be
        unfinished)."""
        if action in ("save", "publish") and item_id and new_id != item_id:
            return {"id": author_words()["author_id_fixed"]}
        if action == "save":
            if "id" in errors:
                return {"id": errors["id"]}
            refused = await self.service.run(self.save_own_draft, kind, new_id, text, item_id)
            if refused is not None:
                return {"id": refused}
            self.redirect(f"{self.area}/{kind}/edit/{new_id}?done=saved", status=303)
            return None
        if action == "publish" and not errors:
            errors = await self.published(kind, new_id, text, version)
            return errors or None
        if action == "learner-preview" and not errors:
            await self.learner_preview(kind, text)
        return errors

    def draft_refusal(self, kind: str, new_id: str, item_id: str) -> str | None:
        """Why a draft may not be saved under ``new_id``, or None. The rule: a draft made with
        "Create" may not take an id another author's draft already has (it would replace their
        work unseen); the same author may save over their own. A draft opened from the list is
        changed on purpose, by whoever opened it. A new draft beyond `MAX_DRAFTS` is refused."""
        if self.store.draft_text(kind, new_id) is None:
            return fill(author_words()["author_draft_cap"], max=MAX_DRAFTS) \
                if self.drafts_kept() >= MAX_DRAFTS else None
        if item_id or self.store.draft_owner(kind, new_id) == self.who().account:
            return None
        return author_words()["author_draft_taken"]

    def drafts_kept(self) -> int:
        """How many drafts this author first saved, over every kind."""
        me = self.who().account
        return sum(1 for kind in KINDS for i in self.store.draft_ids(kind)
                   if self.store.draft_owner(kind, i) == me)

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

    async def learner_preview(self, kind: str, text: str) -> None:
        """Keep the form's item as a preview snapshot under a new token (`preview_gate`); the
        page then links to it, and this browser gets the cookie that opens it (this session's
        id again, scoped to the preview's pages: sign-out or the session's end ends both)."""
        token = await self.service.run(write_snapshot, kind, text, self.who().account,
                                       preview_folder(self.store.overlay))
        self.set_cookie(PREVIEW_COOKIE, self.sid, path=cookie_path(self.base), httponly=True,
                        samesite="Strict")
        self.learner_url = preview_url(self.base, token)
