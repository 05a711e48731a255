"""Counting a room's answers, and a confidence question's answers kept as counts once its vote
is over (``infoshare_room_tallies``).

The confidence questions (``confidence.before`` and ``.after``) promise that one person's two
answers are never paired. So their per-device rows live only while that question's vote is
open: when it closes, or any other question is asked, :func:`fold` turns them into counts (no
device in them) and deletes them, in the step's transaction. The before and after answers are
never in the store together with a device digest, so not even the store can pair them
(on PostgreSQL a deleted row stays on disk until vacuum, and in its log and backups). (Keying
them with an unlinkable per-question key instead would not do: the server sees each device's
token on every call and could recompute any key made from it.) A tally row with option
:data:`ANSWERED` counts the devices that answered.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .schema import ANSWERED

FOLDED = "confidence."  # questions whose per-device answers are kept only while their vote is open
Run = Callable[[str, Sequence[Any]], Any]  # RoomStore._run on the step's cursor


def fold(run: Run, room: str, open_question: str | None) -> int:
    """Turn the per-device answers of every confidence question of `room` but `open_question`
    (the one being answered now) into counts, and delete them; how many rows went."""
    where = "room = ? AND question LIKE ? AND question <> ?"
    params = (room, FOLDED + "%", open_question or "")
    counted = run("SELECT question, option, COUNT(*) FROM infoshare_room_answers "
                  f"WHERE {where} GROUP BY question, option", params).fetchall()
    counted += run(f"SELECT question, {ANSWERED}, COUNT(DISTINCT device) FROM "
                   f"infoshare_room_answers WHERE {where} GROUP BY question", params).fetchall()
    for question, option, n in counted:
        run("INSERT INTO infoshare_room_tallies VALUES (?, ?, ?, ?) ON CONFLICT (room, question, "
            "option) DO UPDATE SET n = infoshare_room_tallies.n + excluded.n",
            (room, question, int(option), int(n)))
    if not counted:
        return 0
    return int(run(f"DELETE FROM infoshare_room_answers WHERE {where}", params).rowcount)


def count(run: Run, room: str, question: str | None = None,
          ) -> tuple[dict[str, dict[int, int]], dict[str, int]]:
    """`room`'s counts (of `question` only, if given): question -> devices per option, and
    question -> devices that answered; from the per-device rows and the folded counts."""
    where, params = "room = ?", (room,)
    if question is not None:
        where, params = "room = ? AND question = ?", (room, question)
    counts: dict[str, dict[int, int]] = {}
    totals: dict[str, int] = {}
    rows = run(f"SELECT question, option, COUNT(*) FROM infoshare_room_answers WHERE {where} "
               "GROUP BY question, option", params).fetchall()
    rows += run(f"SELECT question, {ANSWERED}, COUNT(DISTINCT device) FROM "
                f"infoshare_room_answers WHERE {where} GROUP BY question", params).fetchall()
    rows += run(f"SELECT question, option, n FROM infoshare_room_tallies WHERE {where}",
                params).fetchall()
    for name, option, n in rows:
        if int(option) == ANSWERED:
            totals[name] = totals.get(name, 0) + int(n)
        else:
            per_option = counts.setdefault(name, {})
            per_option[int(option)] = per_option.get(int(option), 0) + int(n)
    return counts, totals
