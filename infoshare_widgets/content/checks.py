"""Checks across files, after each file has loaded on its own: one function per rule.

Each adds its problems to ``content.problems``; `CROSS_FILE_CHECKS` is the order they run in.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any

from .bracket_text import placeholders_replaced
from .links import revisit_names_known_places, see_also_names_known_topics
from .loaded import Content
from .plan_links import plans_name_known_items
from .problems import Problem, display_path, nearest_line

FOLDER_KINDS = ("topics", "golden_rules", "case_studies", "quizzes")


def unique_ids_across_files(content: Content) -> None:
    """Two files of one folder with the same id: the second is dropped and named."""
    for name in FOLDER_KINDS:
        items = getattr(content, name)
        seen: dict[str, Any] = {}
        for item in list(items):
            if item.id not in seen:
                seen[item.id] = item
                continue
            path, lines = content.origin(item)
            content.problems.append(Problem(
                path, f"duplicate id '{item.id}' (also in "
                f"{display_path(content.origin(seen[item.id])[0])})", field="id",
                line=lines.get(("id",))))
            content.mark_broken(name, path)
            items.remove(item)


def one_golden_rules_file_per_audience(content: Content) -> None:
    audiences = [g.audience for g in content.golden_rules]
    for audience in sorted(set(audiences)):
        if audiences.count(audience) > 1:
            content.problems.append(Problem(content.root / "golden_rules",
                                            f"more than one file for audience '{audience}'"))


def scenarios_name_known_bases(content: Content) -> None:
    """Every basis a scenario names is in lawful_bases.yaml; scenario ids are unique."""
    if not (content.scenarios and content.lawful_bases):
        return
    bases = {b.id for b in content.lawful_bases.bases}
    path, lines = content.origin(content.scenarios)
    known = ", ".join(sorted(bases))
    seen_ids: set[str] = set()
    for i, s in enumerate(content.scenarios.scenarios):
        own = content.origins.get(id(s))  # a published scenario has a file of its own
        where, at, under = (own[0], own[1], ()) if own else (path, lines, ("scenarios", i))
        if s.id in seen_ids:
            content.problems.append(Problem(where, f"duplicate id '{s.id}'",
                                            loc=(*under, "id"), line=at.get((*under, "id"))))
        seen_ids.add(s.id)
        wrong = [(("fits", j), b) for j, b in enumerate(s.fits) if b not in bases]
        wrong += [(("basis_feedback", b), b) for b in s.basis_feedback if b not in bases]
        for loc, b in wrong:
            full = (*under, *loc)
            close = difflib.get_close_matches(b, sorted(bases), n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            content.problems.append(Problem(
                where, f"'{b}' is not a lawful basis id ({hint}known: {known})",
                loc=full, line=nearest_line(at, full)))


def unique_sections(content: Content) -> None:
    ids = [s.id for s in content.sections]
    for d in sorted({i for i in ids if ids.count(i) > 1}):
        content.problems.append(Problem(content.root / "sections.yaml",
                                        f"duplicate section '{d}'", field="sections"))


CROSS_FILE_CHECKS: tuple[Callable[[Content], None], ...] = (
    unique_ids_across_files, one_golden_rules_file_per_audience, scenarios_name_known_bases,
    unique_sections, see_also_names_known_topics, revisit_names_known_places,
    placeholders_replaced,
    plans_name_known_items,
)
