"""The two room pages and their assets, drawn on the server from small Jinja templates.

No Voila, no kernel: a room page is plain HTML with its wording from ui.yaml (escaped by Jinja,
and as JSON for the script, with ``<`` written as ``\\u003c``) and scripts from
``room/static/`` (the site's CSP allows only same-origin scripts here). Every address is
relative, so the pages work under a base path.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jinja2
from tornado import web

from ... import frontend
from ...content.cache import current_content
from ...content.shipped_words import words_over_shipped
from ...content.templates import fill
from ...content.ui_keys import PRIVACY_KEYS
from ..page_info import page_info, start_notebook
from ..privacy_notice import PrivacyNotice

HERE = Path(__file__).resolve().parent
THEME = HERE.parents[1] / "theme.css"
STATIC = {"room.js": HERE / "static" / "room.js", "host.js": HERE / "static" / "host.js",
          "common.js": HERE / "static" / "common.js", "room.css": HERE / "static" / "room.css",
          "theme.css": THEME}
TYPES = {".js": "text/javascript; charset=UTF-8", ".css": "text/css; charset=UTF-8"}
ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True)


def words() -> dict[str, str]:
    """Every room_* key of ui.yaml's facilitator group (plain text), over the shipped ones (an
    older ui.yaml lacks ``room_results_many``)."""
    content = current_content()
    own = content.ui.facilitator if content.ui is not None else {}
    shipped = words_over_shipped(content, "facilitator")
    return {key: content.text("facilitator", key) if key in own else shipped[key]
            for key in shipped if key.startswith("room_")}


def script_json(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def who_runs(notice: PrivacyNotice | None, wording: dict[str, str],
             host: bool = False) -> dict[str, str]:
    """What the room pages say of the data controller: ``line`` (always), and ``link`` (its
    words) and ``url`` when a privacy notice is set; ``ask`` when only the name is. Plain text
    (the template escapes it); without the settings no organisation is named."""
    if notice is None or not notice.is_set:
        return {"line": wording["room_controller_ask_host" if host else "room_controller_ask"]}
    name = notice.organisation
    said = {"line": fill(wording["room_controller"], organisation=name)}
    if notice.url:
        return {**said, "link": fill(wording["room_privacy_link"], organisation=name),
                "url": notice.url}
    return {**said, "ask": wording["room_privacy_ask"]}


class RoomPage(web.RequestHandler):
    """``room`` (a learner joins and answers) and ``room/host`` (the facilitator)."""

    def initialize(self, template: str, prefix: str) -> None:
        self.template = template
        self.prefix = prefix  # from this page's address to room/ (relative)

    def get(self) -> None:
        wording = words()
        info = page_info(start_notebook())
        html = ENV.get_template(self.template).render(
            w=wording, words_json=jinja2.utils.markupsafe.Markup(script_json(
                {k: v for k, v in wording.items() if k not in PRIVACY_KEYS})),  # drawn here
            lang=info.get("lang", "en"), app=info.get("app", ""), room=self.prefix,
            version=frontend.version(),
            who=who_runs(self.settings.get("infoshare_privacy"), wording,
                         host=self.template == "host.html"))
        self.set_header("Cache-Control", "no-store")
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.finish(html)


class RoomAsset(web.RequestHandler):
    """``room/static/<name>``: the room pages' scripts and stylesheets, a fixed list (`files`;
    the presenter's pages serve theirs the same way)."""

    files: dict[str, Path] = STATIC

    def get(self, name: str) -> None:
        path = self.files.get(name)
        if path is None:
            raise web.HTTPError(404)
        self.set_header("Content-Type", TYPES[path.suffix])
        self.set_header("Cache-Control", "no-cache")
        self.finish(path.read_bytes())
