"""The model of `session_plans.yaml`: sessions a trainer presents, step by step.

A plan is data so a trainer can change which parts, in which order, with which timings, without
code. The presenter view (`app/present/`) turns each part into steps; `plan_links` checks that
every id a part names is a real topic, quiz or case study.
"""

from __future__ import annotations

from pydantic import Field, StrictBool, StrictInt

from .models import Audience, Id, Markdown, SectionId, Strict, Text


class PlanPart(Strict):
    """One part of a session: a page, its timing, and what of it to show."""

    section: SectionId = Field(description="The page this part comes from.")
    minutes: StrictInt = Field(ge=1, le=180, description="How long the part takes, in minutes.")
    title: Text | None = Field(
        default=None, description="Optional: the part's heading; the page title if left out.")
    notes: Markdown | None = Field(
        default=None, description="Optional: what to do in this part, shown only to the trainer.")
    topics: list[Id] | None = Field(
        default=None, description="Optional: topic ids to show, in order (their key text).")
    quizzes: list[Id] | None = Field(
        default=None, description="Optional: quiz ids to ask, question by question.")
    case_studies: list[Id] | None = Field(
        default=None, description="Optional: case study ids: the story, then each prompt and "
        "its model points one at a time.")
    questions: list[Id] | None = Field(
        default=None, description="Optional: only these questions of the part's quizzes, and "
        "only these prompts of its case studies (by their ids), so the part fits its minutes; "
        "all of them if left out.")
    golden_rules: Audience | None = Field(
        default=None, description="Optional: `children` or `adults`: the seven golden rules "
        "for that audience on one step, after the part's topics.")
    timer: StrictInt | None = Field(
        default=None, ge=1, le=60,
        description="Optional: a discussion timer of this many minutes: after each case study "
        "prompt (before its points), or at the end of a part without case studies.")
    room: StrictBool = Field(
        default=False, description="Optional: `true` to show how to join the live room (its "
        "code and QR code) at the start of this part.")


class SessionPlan(Strict):
    """A session, from start to end."""

    id: Id
    title: Text = Field(description="The plan's name, e.g. A 60-minute session.")
    parts: list[PlanPart] = Field(min_length=1, description="The parts, in order.")


class SessionPlansFile(Strict):
    """`content/session_plans.yaml`: the sessions the presenter view walks through (optional)."""

    plans: list[SessionPlan] = Field(min_length=1, description="The plans, in order.")
