"""``GET room/api/results?format=csv|html``: the session's results as a file to keep.

Behind the facilitator's secret (the ``X-Room-Secret`` header, never the address): the page
fetches the file and saves it. Counts only (``room_store/session_results.py``); the room's end
deletes them, and then this answers 404 like every other call for an ended room.
"""

from __future__ import annotations

import datetime

from ...room_store.session_results import read_counts, result_rows, results_csv
from ..page_info import page_info, start_notebook
from .api import room_of_secret
from .base import Refused, RoomHandler
from .pages import ENV

HEADER_KEYS = ("room_results_number", "room_results_group", "room_results_question",
               "room_results_option", "room_results_best", "room_results_count",
               "room_results_answered")
PAGE_KEYS = ("room_results_title", "room_results_made", "room_results_none", "room_results_few",
             "room_results_many")


class ResultsHandler(RoomHandler):
    """The results as CSV (a spreadsheet) or a printable HTML page, as an attachment."""

    async def get(self) -> None:
        kind = self.get_query_argument("format", "csv")
        if kind not in ("csv", "html"):
            raise Refused(400, "room_refused")
        room = await room_of_secret(self)
        rooms = self.rooms
        if not rooms.limits.room_steps.allow(room.id):
            raise Refused(429, "room_slow_down")
        counts = await rooms.call(read_counts, rooms.store, room.id)
        words = rooms.wording(*HEADER_KEYS, *PAGE_KEYS)
        rows = result_rows(rooms.questions(), counts, words["room_results_few"],
                           words["room_results_many"])
        today = datetime.date.today()
        if kind == "csv":
            body = "\ufeff" + results_csv(rows, [words[k] for k in HEADER_KEYS],
                                          words["room_results_best"])
            kind_header = "text/csv; charset=UTF-8"
        else:
            made = words["room_results_made"].replace("{date}", f"{today.day} {today:%B %Y}")
            body = ENV.get_template("results.html").render(
                w=words, made=made, rows=rows, header=[words[k] for k in HEADER_KEYS],
                lang=page_info(start_notebook()).get("lang", "en"))
            kind_header = "text/html; charset=UTF-8"
        self.set_header("Content-Type", kind_header)
        self.set_header("Content-Disposition",
                        f'attachment; filename="session-results-{today.isoformat()}.{kind}"')
        self.set_header("X-Content-Type-Options", "nosniff")
        self.finish(body.encode("utf-8"))
