"""Stable names of the questions the content asks, as a live room knows them.

A room stores only these ids; the facilitator's page sends one when it asks the room the
question on screen, so the page and the room must build them the same way: here, once.
"""

from __future__ import annotations


def quiz_question_id(quiz_id: str, question_id: str) -> str:
    """``quiz.<quiz>.<question>``."""
    return f"quiz.{quiz_id}.{question_id}"


def rules_check_id(rules_id: str, check_id: str) -> str:
    """``rules.<rules file>.<check>``: a golden-rules check (drawn as a quiz whose own id is
    not the rules file's, so the quiz passes this to its group questions)."""
    return f"rules.{rules_id}.{check_id}"


def confidence_id(moment: str) -> str:
    """``confidence.<before|after>``: two separate questions, never paired per device."""
    return f"confidence.{moment}"
