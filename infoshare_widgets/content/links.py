"""Checks of ids one content file names in another: a case study's `see_also` topics.

One of the cross-file checks (`checks.CROSS_FILE_CHECKS`), run after every file has loaded. A
wrong id is a problem with its file, field and line, like any other.
"""

from __future__ import annotations

import difflib

from .loaded import Content
from .problems import Problem, nearest_line


def see_also_names_known_topics(content: Content) -> None:
    """Report each `see_also` entry that names no topic (with the closest id as a hint)."""
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
            content.problems.append(Problem(path, f"'{topic_id}' is not a topic id{hint}",
                                            loc=loc, line=nearest_line(lines, loc)))
