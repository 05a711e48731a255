"""The session's results: a room's answers counted per question asked, for the trainer's
evaluation. Aggregates only: read from the store as counts (no device digest leaves the SQL),
made into rows with the questions' plain text, and written as CSV with every text cell quoted and
escaped against spreadsheet formulas (OWASP "CSV injection"). The room's end deletes what they
came from, so the results exist only while the room does.

A count can still say how one person answered when few answered (a supervision of two, or the
one person of twelve who chose otherwise). So no count below :data:`FEW` is written as a number
(:func:`shown_counts`): when fewer than 5 devices answered a question, every count of it, and
how many answered, read "fewer than 5" (so "all 3 chose No" is never written); otherwise each
count below 5 (0 included) reads so, and how many answered reads "5 or more" whenever it would
let the hidden counts' total (between 1 and 4) be worked out by subtraction. The facilitator's
own room page gets the same rule for a confidence question (:func:`live_counts`; a quiz's stay
exact there, for leading the discussion); beside a hidden count no share of how many answered
is sent, so no percentage or bar gives it away.

The wall (the presenter's audience window) is seen by everyone, who know roughly how many are in
the room, so it is all or none (:func:`wall_counts`): nothing while voting is open (each tap
would tell the room what the person who tapped chose), then numbers only when every option was
chosen by 5 or more and not chosen by 5 or more; otherwise words only.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from .questions import Catalogue, plain_text
from .tallies import FOLDED, count

Counts = list[tuple[str, dict[int, int], int]]  # (question id, devices per option, answered)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP: a cell starting so is a formula
FEW = 5  # no count below this is written as a number: "fewer than 5"
FEW_KEY, MANY_KEY = "room_results_few", "room_results_many"  # the ui.yaml words, for a page
AFTER_CLOSE, WITHHELD = "present_chart_after_close", "present_chart_withheld"  # the wall's words
SHOWN_PHASES = ("closed", "revealed")  # voting on the question is over


def read_counts(store: Any, room: str) -> Counts:
    """Each question `room` asked, in the order asked, with its counts (``store`` is a
    :class:`.store.RoomStore`; its SQL runs here so the store stays one idea)."""
    with store._transaction() as cur:
        asked = [q for (q,) in store._run(cur, "SELECT question FROM infoshare_room_asked WHERE "
                                               "room = ? ORDER BY asked", (room,)).fetchall()]
        counts, totals = count(partial(store._run, cur), room)
    counts = {q: counts.get(q, {}) for q in asked} | counts  # in the order asked
    return [(q, c, totals.get(q, 0)) for q, c in counts.items()]


@dataclass(frozen=True)
class ResultRow:
    """One option of one question asked: plain text and counts, nothing about a person."""

    number: int  # the question's place in the session (1, 2, ...)
    group: str
    question: str
    option: str
    best: bool
    count: int | str  # a number, or "fewer than 5"
    answered: int | str  # devices that answered: a number, "fewer than 5" or "5 or more"


def shown_counts(per_option: list[int], answered: int, few: str, many: str
                 ) -> tuple[list[int | str], int | str]:
    """(each option's count, how many answered) as written: no number below :data:`FEW`, and
    no exact total beside a hidden count, which subtraction (or hidden counts that must each be
    4) would give away (`few`: "fewer than 5", `many`: "5 or more")."""
    if answered < FEW:
        return [few] * len(per_option), few
    shown: list[int | str] = [few if n < FEW else n for n in per_option]
    return shown, many if few in shown else answered


def percent(n: int, answered: int) -> int:
    """`n` of `answered` in whole percent, halves up (as the browser's Math.round); 0 of 0."""
    return (200 * n + answered) // (2 * answered) if answered else 0


def on_screen(per_option: list[int], answered: int, exact: bool = False) -> dict[str, Any]:
    """The counts as a room's screen is sent them: :func:`shown_counts` with ui.yaml's keys in
    place of its words (a count is a number or ``room_results_few``; how many answered a number,
    ``room_results_few`` or ``room_results_many``: the page says them), and each option's share
    in whole percent only while how many answered is a number (else None: no percentage, no
    bar). `exact`: every number as counted."""
    counts, total = ((list(per_option), answered) if exact
                     else shown_counts(per_option, answered, FEW_KEY, MANY_KEY))
    percents = [percent(n, total) if isinstance(n, int) and isinstance(total, int) else None
                for n in counts]
    return {"counts": counts, "answered": total, "percents": percents}


def wall_counts(per_option: list[int], answered: int, phase: str) -> dict[str, Any]:
    """What the wall is sent, all or none: while voting is open only ``said``
    (``present_chart_after_close``); once it is closed or revealed, every count, how many
    answered and each share only when each option was chosen by at least :data:`FEW` and left
    by at least :data:`FEW` (so no count below 5, and not "all of them chose A", in a question
    with several answers too), else ``said`` (``present_chart_withheld``). ``answered`` is sent
    either way (the presenter's own line; alone it says nobody's answer)."""
    if phase not in SHOWN_PHASES:
        return {"said": AFTER_CLOSE, "answered": answered}
    if not per_option or any(n < FEW or answered - n < FEW for n in per_option):
        return {"said": WITHHELD, "answered": answered}
    return on_screen(per_option, answered, exact=True)


def live_counts(question_id: str, per_option: list[int], answered: int, phase: str
                ) -> dict[str, Any]:
    """What the facilitator's room page is sent of a question's counts: its own view (a quiz's
    exact; a confidence question's as :func:`shown_counts` says) and ``wall``, for the
    presenter's audience window, as :func:`wall_counts` says for `phase` (the room's)."""
    own = on_screen(per_option, answered, exact=not question_id.startswith(FOLDED))
    return own | {"wall": wall_counts(per_option, answered, phase)}


def result_rows(catalogue: Catalogue, counts: Counts, few: str = "", many: str = ""
                ) -> list[ResultRow]:
    """The rows of the results, in the order asked; a question the content no longer has
    (content changed during the session) is left out rather than shown without its text. A
    case-study prompt is named by its label (all of them ask "Would you share?"). With `few`
    and `many` (ui.yaml's words) the counts are written as :func:`shown_counts` says; without,
    exact."""
    rows: list[ResultRow] = []
    number = 0
    for question_id, per_option, answered in counts:
        question = catalogue.get(question_id)
        if question is None:
            continue
        number += 1
        text = question.label or plain_text(question.prompt_html)
        exact: list[int | str] = [per_option.get(i, 0) for i in range(len(question.options))]
        shown, total = (shown_counts(exact, answered, few, many)  # type: ignore[arg-type]
                        if few else (exact, answered))
        rows += [ResultRow(number, question.group, text, option, i in question.correct,
                           shown[i], total)
                 for i, option in enumerate(question.options)]
    return rows


def safe_cell(value: object) -> object:
    """A text cell a spreadsheet will not run: one starting with = + - @, a tab or a carriage
    return gets a leading apostrophe (OWASP); numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def results_csv(rows: Sequence[ResultRow], header: Sequence[str], best: str) -> str:
    """The rows as CSV (header from ui.yaml; `best` marks a best answer), every cell safe:
    each text cell quoted, so a spreadsheet reads it as text, numbers bare."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow([safe_cell(h) for h in header])
    for r in rows:
        writer.writerow([safe_cell(v) for v in (r.number, r.group, r.question, r.option,
                                                best if r.best else "", r.count, r.answered)])
    return out.getvalue()
