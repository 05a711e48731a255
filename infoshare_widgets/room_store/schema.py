"""The rooms' five tables (the same SQL on SQLite and PostgreSQL; see store.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS infoshare_rooms (
        id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, secret TEXT NOT NULL UNIQUE,
        expires DOUBLE PRECISION NOT NULL, question TEXT, phase TEXT NOT NULL,
        version BIGINT NOT NULL, stage BIGINT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS infoshare_room_devices (
        device TEXT PRIMARY KEY, room TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS infoshare_room_devices_room ON infoshare_room_devices (room)",
    """CREATE TABLE IF NOT EXISTS infoshare_room_answers (
        room TEXT NOT NULL, question TEXT NOT NULL, device TEXT NOT NULL, option INTEGER NOT NULL,
        PRIMARY KEY (room, question, device, option))""",
    # the questions a room asked, in order, for the session's results (no device in it)
    """CREATE TABLE IF NOT EXISTS infoshare_room_asked (
        room TEXT NOT NULL, question TEXT NOT NULL, asked INTEGER NOT NULL,
        PRIMARY KEY (room, question))""",
    # a confidence question's answers as counts once its vote is over (tallies.fold): option
    # -1 holds how many devices answered; no device in it
    """CREATE TABLE IF NOT EXISTS infoshare_room_tallies (
        room TEXT NOT NULL, question TEXT NOT NULL, option INTEGER NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (room, question, option))""",
)
TABLES = ("infoshare_rooms", "infoshare_room_devices", "infoshare_room_answers",
          "infoshare_room_asked", "infoshare_room_tallies")
ANSWERED = -1  # the option of a tally row that counts the devices that answered
PHASES = ("idle", "open", "closed", "revealed")

# Columns added after the first release: a store made earlier gets them when a server starts.
ADDED = (("infoshare_rooms", "locked", "INTEGER NOT NULL DEFAULT 0"),
         ("infoshare_rooms", "joined", "INTEGER NOT NULL DEFAULT 0"),  # devices numbered so far
         ("infoshare_room_devices", "number", "INTEGER NOT NULL DEFAULT 0"),
         # 1 once the facilitator removed the device: its answers are gone, the row stays (a
         # digest of a random token, no person) so its phone is told why; deleted with the room
         ("infoshare_room_devices", "removed", "INTEGER NOT NULL DEFAULT 0"))


def add_columns(run: Callable[[str], Any]) -> None:
    """Add each of :data:`ADDED` a table lacks (in the schema's transaction)."""
    for table, column, kind in ADDED:
        names = [d[0] for d in run(f"SELECT * FROM {table} LIMIT 0").description]
        if column not in names:
            run(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
