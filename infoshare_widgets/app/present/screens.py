"""The presenter view and the audience window, drawn on the server from Jinja templates.

No Voila, no kernel (like `app/room/pages.py`). The presenter page carries its steps as JSON
(``<`` written as ``\\u003c``); the audience page carries none: it is given one step at a time
by the presenter's script. The join QR is made here from the public learner address and the
room's code, never from the facilitator's secret.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import jinja2
import segno
from tornado import web

from ... import frontend
from ...content.cache import current_content
from ...content.shipped_words import words_over_shipped
from ..page_info import page_info, start_notebook
from ..room.pages import THEME, RoomAsset, script_json
from ..room.qr import learner_address
from .steps import StepBuilder

HERE = Path(__file__).resolve().parent
STATIC = {"present.js": HERE / "static" / "present.js", "stage.js": HERE / "static" / "stage.js",
          "audience.js": HERE / "static" / "audience.js",
          "present.css": HERE / "static" / "present.css", "theme.css": THEME}
ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True)
CODE = re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$")
SHARED_KEYS = ("notes_label", "timer_minutes", "right_answer", "room_code_heading",
               "room_address", "room_qr_alt", "room_results_few", "room_results_many")


def words() -> dict[str, str]:
    """The facilitator group's present_* keys and the few shared ones (plain text)."""
    content = current_content()
    own = content.ui.facilitator if content.ui is not None else {}
    shipped = words_over_shipped(content, "facilitator")  # an older ui.yaml lacks the newest
    keys = [k for k in shipped if k.startswith("present")] + list(SHARED_KEYS)
    return {key: content.text("facilitator", key) if key in own else shipped[key]
            for key in keys}


class _Page(web.RequestHandler):
    template = ""
    here = "present/"  # from this page's address to present/ (relative)

    def draw(self, **values: object) -> None:
        wording = words()
        info = page_info(start_notebook())
        html = ENV.get_template(self.template).render(
            w=wording, words_json=jinja2.utils.markupsafe.Markup(script_json(wording)),
            lang=info.get("lang", "en"), app=info.get("app", ""), here=self.here,
            version=frontend.version(), address=learner_address(self), **values)
        self.set_header("Cache-Control", "no-store")
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.finish(html)


class PresenterPage(_Page):
    """``present``: a chooser; ``?plan=<id>`` or ``?section=<id>``: the presenter view."""

    def get(self) -> None:
        content = current_content()
        builder = StepBuilder(content)
        plans = content.session_plans.plans if content.session_plans is not None else []
        plan_id, section_id = self.get_argument("plan", ""), self.get_argument("section", "")
        if not plan_id and not section_id:
            self.template = "chooser.html"
            choices = [(p.id, builder.words("present_plan_minutes", title=p.title,
                                            minutes=sum(x.minutes for x in p.parts)))
                       for p in plans]
            self.draw(plans=choices, sections=[(s.id, s.title) for s in content.sections])
            return
        plan = next((p for p in plans if p.id == plan_id), None)
        section = content.section(section_id)
        if plan is not None:
            steps, title, back = builder.for_plan(plan), plan.title, ""
        elif section is not None:
            steps, title = builder.for_section(section.id), section.title
            back = f"../voila/render/{section.notebook}.ipynb?mode=facilitator"
        else:
            raise web.HTTPError(404)
        self.template = "presenter.html"
        self.draw(title=title, back=back, key=plan_id or f"section:{section_id}",
                  steps_json=jinja2.utils.markupsafe.Markup(
                      script_json([s.as_json() for s in steps])))


class AudiencePage(_Page):
    """``present/audience``: an empty stage the presenter fills; the learners' address only."""

    template = "audience.html"
    here = ""

    def get(self) -> None:
        self.draw()


class JoinCode(web.RequestHandler):
    """``present/join.svg?code=ABCD-2345``: the QR of the learners' address with that code."""

    def get(self) -> None:
        code = self.get_argument("code", "")
        if not CODE.match(code):
            raise web.HTTPError(404)
        out = io.BytesIO()
        segno.make(f"{learner_address(self)}#{code}", error="m").save(
            out, kind="svg", scale=8, border=4, dark="#000", light="#fff")
        self.set_header("Content-Type", "image/svg+xml")
        self.set_header("Cache-Control", "no-store")
        self.finish(out.getvalue())


class PresentAsset(RoomAsset):
    """``present/static/<name>``: the two windows' scripts and stylesheet, a fixed list."""

    files = STATIC
