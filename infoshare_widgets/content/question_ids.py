"""Stable names of the questions the content asks, as a live room knows them.

A room stores only these ids; the facilitator's page sends one when it asks the room the
question on screen, so the page and the room must build them the same way: here, once.
"""

from __future__ import annotations


def quiz_question_id(quiz_id: str, question_id: str) -> str:
    """``quiz.<quiz>.<question>``."""
    return f"quiz.{quiz_id}.{question_id}"
