"""The lawful-basis helper above the decision record, its result carried into the record.

Components never import each other: this module, on the page side, builds both and wires the
helper's "Use this in my decision record" to the record's ``suggest``. What is carried: the
record's lawful-basis choice (the name of the first basis the result names) and the choices the
helper's rules give in their ``record`` field (special category data, the Article 9 condition,
whether it is safe to tell the person). The learner can change any of it in the record.
"""

from __future__ import annotations

from typing import Any

from ..content import Content
from ..content.templates import fill
from ..ui.blocks import Parts


def carried_answers(content: Content, outcome: Any) -> dict[str, str]:
    """The decision-record answers a helper result gives, by record question id."""
    answers: dict[str, str] = {}
    record, bases = content.decision_record, content.lawful_bases
    if outcome.bases and record is not None and bases is not None:
        name = next((b.name for b in bases.bases if b.id == outcome.bases[0]), None)
        question = next((q for q in record.questions if q.kind == "lawful-basis"), None)
        if name and question is not None:
            answers[question.id] = name
    for _, rule in outcome.parts:
        answers.update(rule.record)
    return answers


def record_with_helper(content: Content) -> Parts:
    """The helper, then the decision record (its fixed text the page's own HTML); the helper's
    result can fill in the record."""
    from ..basis_helper import basis_helper_widget
    from ..decision_record import decision_record_widget

    record = decision_record_widget(content, text_apart=True)
    suggest = getattr(record, "suggest", None)
    if suggest is None:  # the record is an error card: the helper stands alone
        return Parts([basis_helper_widget(content), record], "is-helper-with-record")

    def use(outcome: Any) -> str:
        taken = suggest(carried_answers(content, outcome))
        lawful = [q.id for q in content.decision_record.questions  # type: ignore[union-attr]
                  if q.kind == "lawful-basis"]
        if not any(q in taken for q in lawful):
            return content.text("lawful_basis", "helper_no_record")
        return fill(content.text("lawful_basis", "helper_used"), filled="; ".join(taken.values()))

    return Parts([basis_helper_widget(content, on_use=use), *Parts.around(record).children],
                 "is-helper-with-record")


def decision_record_part(content: Content, facilitator: bool) -> Any:
    """The learner's helper and record; a facilitator's walk-through has nothing to fill in."""
    if facilitator:
        from ..decision_record import decision_record_widget

        return decision_record_widget(content, walk_through=True)
    return record_with_helper(content)
