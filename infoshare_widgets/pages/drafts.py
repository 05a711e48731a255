"""Drafts (`draft: true`) are for trainers: learners never see them.

A scaffold (`infoshare new ...`) writes placeholder text marked as a draft, so a folder being
written can be served as it is; the learner's view of it leaves every draft out, and the
facilitator and author views show them, so a trainer can preview them in place.
"""

from __future__ import annotations

import dataclasses

from ..content import Content

SHOWS_DRAFTS = frozenset({"facilitator", "author"})


def for_mode(content: Content, mode: str) -> Content:
    """The content a visitor in ``mode`` sees: without drafts unless the mode shows them."""
    if mode in SHOWS_DRAFTS:
        return content
    return without_drafts(content)


def without_drafts(content: Content) -> Content:
    """A copy of ``content`` without draft case studies, quizzes and scenarios.

    The copy shares the loaded items (they are frozen) and gets its own ``origins``, so a
    scenarios file rebuilt without its drafts still names its file and lines.
    """
    if not _has_drafts(content):
        return content
    origins = dict(content.origins)
    scenarios = content.scenarios
    if scenarios is not None and any(s.draft for s in scenarios.scenarios):
        kept = [s for s in scenarios.scenarios if not s.draft]
        copy = scenarios.model_copy(update={"scenarios": kept})
        origins[id(copy)] = content.origin(scenarios)
        scenarios = copy  # none left: the exercise is left out, as for an audience without any
    return dataclasses.replace(
        content,
        case_studies=[c for c in content.case_studies if not c.draft],
        quizzes=[q for q in content.quizzes if not q.draft],
        scenarios=scenarios,
        origins=origins,
    )


def _has_drafts(content: Content) -> bool:
    items = [*content.case_studies, *content.quizzes,
             *(content.scenarios.scenarios if content.scenarios else [])]
    return any(item.draft for item in items)
