"""A session plan names real things: each part's topics, quizzes and case studies exist.

One of the cross-file checks (`checks.CROSS_FILE_CHECKS`): a wrong id is a problem with its file,
field and line, so a trainer's typo in `session_plans.yaml` is caught by `infoshare validate`,
not by the presenter view in front of a room.
"""

from __future__ import annotations

import difflib

from .loaded import Content
from .plan_models import PlanPart
from .problems import Problem, nearest_line

# A part's field -> the content list its ids name.
NAMED = {"topics": "topics", "quizzes": "quizzes", "case_studies": "case_studies"}


def plans_name_known_items(content: Content) -> None:
    """Report each id in a plan's part that names no topic, quiz or case study."""
    plans = content.session_plans
    if plans is None:
        return
    path, lines = content.origin(plans)
    for p, plan in enumerate(plans.plans):
        ids = [x.id for x in plans.plans]
        if ids.count(plan.id) > 1:
            loc = ("plans", p, "id")
            content.problems.append(Problem(path, f"duplicate plan id '{plan.id}'", loc=loc,
                                            line=nearest_line(lines, loc)))
        for n, part in enumerate(plan.parts):
            for field, kind in NAMED.items():
                known = sorted(item.id for item in getattr(content, kind))
                broken = {b.stem for b in content.broken_files.get(kind, [])}
                for i, item_id in enumerate(getattr(part, field) or []):
                    if item_id in known or item_id in broken:
                        continue
                    close = difflib.get_close_matches(item_id, known, n=1)
                    hint = f" (did you mean '{close[0]}'?)" if close else ""
                    loc = ("plans", p, "parts", n, field, i)
                    content.problems.append(Problem(
                        path, f"'{item_id}' is not one of the {field.replace('_', ' ')}{hint}",
                        loc=loc, line=nearest_line(lines, loc)))
            _questions_known(content, part, ("plans", p, "parts", n), path, lines)


def _questions_known(content: Content, part: PlanPart, where: tuple, path, lines) -> None:  # noqa: ANN001
    """Each id in a part's ``questions`` names a question of its quizzes or a prompt of its
    case studies (else the part would silently show less than its plan says)."""
    quizzes = [q for q in content.quizzes if q.id in (part.quizzes or [])]
    cases = [c for c in content.case_studies if c.id in (part.case_studies or [])]
    known = sorted({q.id for quiz in quizzes for q in quiz.questions}
                   | {q.id for case in cases for q in case.questions})
    for i, qid in enumerate(part.questions or []):
        if qid in known:
            continue
        close = difflib.get_close_matches(qid, known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        loc = (*where, "questions", i)
        content.problems.append(Problem(
            path, f"'{qid}' is not a question of this part's quizzes or case studies{hint}",
            loc=loc, line=nearest_line(lines, loc)))
