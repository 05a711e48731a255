"""Checks of ids one content file names in another: a case study's `see_also` topics.

Kept out of loader.py so the loader stays small; the loader calls :func:`check_links` once, after
every file has loaded. A wrong id is a problem with its file, field and line, like any other.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .loader import Content


def check_links(content: Content) -> None:
    """Report each `see_also` entry that names no topic (with the closest id as a hint)."""
    from .loader import Problem, field_path

    topics = sorted(t.id for t in content.topics)
    broken_topics = {p.stem for p in content.broken_files.get("topics", [])}
    for case in content.case_studies:
        path, lines = content.origin(case)
        for i, topic_id in enumerate(case.see_also or []):
            if topic_id in topics or topic_id in broken_topics:
                continue
            close = difflib.get_close_matches(topic_id, topics, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            loc = ("see_also", i)
            content.problems.append(Problem(
                path, f"'{topic_id}' is not a topic id{hint}", field=field_path(loc),
                line=lines.get(loc, lines.get(("see_also",)))))
