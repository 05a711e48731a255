"""Live rooms (issue 17): anonymous answers from learners' devices, counted for the facilitator.

The store layer: what a room keeps (question id, option ids, a random per-device token, hashed),
in SQLite or PostgreSQL, and the rules around it (codes, secrets, rate limits, the questions a
room can ask). Imports only ``content``; the server (``app/room``) serves it.
"""
