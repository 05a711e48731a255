"""The golden rules without widgets: each rule's key phrase first, its full text on demand, and the
check of understanding ("which rule applies?") turned into an ordinary quiz.

The check is an ordinary quiz file (``models.Quiz``), so the page shows it with the quiz component
(one accessible radio-group widget for the whole app; ``pages.py`` wires the two): each situation
becomes a single-choice question over the rules' key phrases, right when the learner picks the
rule the check names, with the check's feedback saying why.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content import models
from ..content.markdown import to_html
from ..content.templates import fill
from ..ui.reveal import Reveal


@dataclass(frozen=True)
class RulesWording:
    """The golden-rules wording from ui.yaml that the model needs."""

    rule_heading: str  # "Rule {number}: {key_phrase}"
    check_title: str
    check_prompt: str  # "Which rule applies?"
    check_answer: str  # "Rule {number} applies: {key_phrase}."


def rule_anchor(audience: str, number: int) -> str:
    """The id of a rule's card on its page, for links ("revisit golden rule 3")."""
    return f"is-rule-{audience}-{number}"


def rule_heading(wording: RulesWording, rule: models.GoldenRule) -> str:
    return fill(wording.rule_heading, number=rule.number, key_phrase=rule.key_phrase)


@dataclass
class RuleCard:
    """One rule: its heading (number and key phrase) and the full text, shown on demand."""

    rule: models.GoldenRule
    heading: str
    reveal: Reveal


def rule_cards(rules: models.GoldenRulesFile, wording: RulesWording) -> list[RuleCard]:
    """A card per rule, in order; the full text (and any continuation) is one reveal."""
    return [
        RuleCard(
            rule=r,
            heading=rule_heading(wording, r),
            reveal=Reveal(tuple(to_html(t) for t in (r.text, r.continued) if t)),
        )
        for r in rules.rules
    ]


def check_quiz(rules: models.GoldenRulesFile, wording: RulesWording) -> models.Quiz | None:
    """The rules file's checks as a single-choice quiz, or None when it has no checks.

    Made of validated content (the rules file and ui.yaml's wording), so it is constructed
    without validating again: a page's kernel never builds the quiz models' validators.
    """
    if not rules.checks:
        return None
    questions = []
    for check in rules.checks:
        right = next(r for r in rules.rules if r.number == check.rule)
        why = fill(wording.check_answer, number=right.number, key_phrase=right.key_phrase)
        questions.append(models.Question.model_construct(
            id=check.id,
            prompt=f"{check.situation}\n\n**{wording.check_prompt}**",
            kind="single",
            options=[
                models.Option.model_construct(
                    text=rule_heading(wording, r),
                    correct=r.number == check.rule,
                    feedback=check.feedback if r.number == check.rule
                    else f"{why} {check.feedback}",
                )
                for r in rules.rules
            ],
        ))
    return models.Quiz.model_construct(
        id=f"golden-rules-{rules.id}"[:60].rstrip("-"),
        title=wording.check_title,
        section=rules.audience,
        questions=questions,
        facilitator_notes=rules.facilitator_notes,
    )
