"""The model of `content/lawful_basis_helper.yaml`: the guided lawful-basis helper.

Kept apart from `models.py` so the helper can change without touching the other content models.
The helper's logic is data: each part of the result is a list of rules, and the first rule whose
`when` matches the learner's answers is shown. The file is checked when it is loaded: every
`when` names real questions and options, and every possible set of answers reaches a rule in
every part, so no learner ever meets a helper with nothing to say.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping

from pydantic import Field, model_validator

from .models import Id, Link, Markdown, Strict, Text, _no_duplicates
from .sources import Source, source_field

# Checking every combination of answers is cheap for a few questions; beyond this many
# combinations the completeness check is skipped rather than slow to load.
_MAX_COMBINATIONS = 20_000


class HelperOption(Strict):
    """One answer to a helper question."""

    id: Id
    text: Text = Field(description="The answer as the learner sees it (plain text).")


class HelperQuestion(Strict):
    """One question of the guided helper: the learner picks one answer."""

    id: Id
    prompt: Text = Field(description="The question, as the learner sees it (plain text).")
    hint: Text | None = Field(
        default=None,
        description="Optional line under the question, e.g. what counts as health data.",
    )
    options: list[HelperOption] = Field(min_length=2, description="The answers, at least two.")

    @model_validator(mode="after")
    def _unique_options(self) -> HelperQuestion:
        _no_duplicates(f"question '{self.id}' options", [o.id for o in self.options])
        return self


class HelperRule(Strict):
    """One possible text of a result part, shown when the learner's answers match `when`."""

    id: Id
    when: dict[Id, list[Id]] = Field(
        default_factory=dict,
        description="Which answers this rule is for: a question id and the option ids that "
        "match, e.g. `who: [charity, private]`. Questions not named match any answer; an empty "
        "`when` matches everything, so put it last.",
    )
    summary: Text = Field(description="The result in one line, e.g. `Public task`.")
    body: Markdown = Field(description="What fits and why.")
    not_fit: Markdown | None = Field(
        default=None, description="Optional: why the other choices do not fit."
    )
    law: Markdown | None = Field(
        default=None,
        description="Optional: the provisions behind the answer, with their citations, shown one "
        "step away under the file's `law_label` (plain English goes in `body`).",
    )
    condition: Id | None = Field(
        default=None,
        description="In the part about extra conditions: what the rule concludes, as an id, e.g. "
        "`none`, `art9-2c`, `sch1-p18`, `art10-official-authority`. Tests, scenarios and quiz "
        "questions compare it. In a part, give it on every rule or on none.",
    )
    advice: Id | None = Field(
        default=None,
        description="In the part about the duty of confidence: what the rule advises, as an id, "
        "e.g. `inform`, `ask-first`, `public-interest`. In a part, give it on every rule or on "
        "none.",
    )
    bases: list[Id] = Field(
        default_factory=list,
        description="Ids of the lawful bases (in `lawful_bases.yaml`) this result names, most "
        "likely first; the decision record can be filled in with the first.",
    )
    caveats: list[Id] = Field(
        default_factory=list,
        description="Optional: ids of the warnings `body` carries, so tests can check them "
        "without reading the wording, e.g. `read-confidence-first` (the basis applies only if "
        "you share: read what the duty of confidence says first).",
    )
    record: dict[Id, Text] = Field(
        default_factory=dict,
        description="Optional: answers this result gives to `choice` questions of the decision "
        "record (question id: the choice, word for word), filled in when the learner carries "
        "the result into the record.",
    )
    source: Source = source_field("The law or guidance this rests on, with its date.")


class HelperPart(Strict):
    """One part of the helper's result, such as the Article 6 basis or what to record."""

    id: Id
    heading: Text = Field(description="The part's heading in the result.")
    rules: list[HelperRule] = Field(
        min_length=1, description="The possible texts, in order: the first that matches is shown."
    )

    @model_validator(mode="after")
    def _unique_rules(self) -> HelperPart:
        _no_duplicates(f"part '{self.id}' rules", [r.id for r in self.rules])
        for field in ("condition", "advice"):
            given = [r.id for r in self.rules if getattr(r, field) is not None]
            if given and len(given) != len(self.rules):
                missing = next(r.id for r in self.rules if getattr(r, field) is None)
                raise ValueError(f"part '{self.id}': rule '{missing}' has no `{field}`, but other "
                                 f"rules of the part have one; give it on every rule or on none")
        return self


class LawfulBasisHelperFile(Strict):
    """`content/lawful_basis_helper.yaml`: the guided lawful-basis helper.

    A few questions (who you are, what you would share, how urgent it is, whether the person can
    agree) lead to a result in parts: the likely lawful basis, the extra condition some
    information needs, the duty of confidence, and what to record. It is not from the pack: say
    so in `label`, and give each rule its `source`.
    """

    title: Text = Field(description="The helper's heading.")
    label: Text = Field(description="The line saying this is not from the pack, shown first.")
    intro: Markdown = Field(description="Shown before the questions: what the helper is for.")
    questions: list[HelperQuestion] = Field(min_length=1, description="The questions, in order.")
    result_heading: Text = Field(description="The heading above the result.")
    law_label: Text = Field(
        description="The label of the disclosure that holds each rule's `law` and `source`.",
    )
    parts: list[HelperPart] = Field(min_length=1, description="The parts of the result, in order.")
    lead: Markdown = Field(description="The reminder to check with your data protection lead.")
    tool: Link = Field(description="The ICO's own lawful basis tool.")
    reviewed: Text = Field(
        description="When the law in this file was last checked, e.g. `30 November 2026`."
    )

    @model_validator(mode="after")
    def _rules_fit_questions(self) -> LawfulBasisHelperFile:
        _no_duplicates("questions", [q.id for q in self.questions])
        _no_duplicates("parts", [p.id for p in self.parts])
        options = {q.id: [o.id for o in q.options] for q in self.questions}
        for part in self.parts:
            for rule in part.rules:
                _rule_names_known_options(part, rule, options)
        if math.prod(len(ids) for ids in options.values()) <= _MAX_COMBINATIONS:
            self._every_answer_has_a_rule()
        return self

    def _every_answer_has_a_rule(self) -> None:
        """Every complete set of answers matches a rule in every part."""
        for answers in all_answers(self):
            for part in self.parts:
                if first_match(part, answers) is None:
                    said = ", ".join(f"{q}={a}" for q, a in answers.items())
                    raise ValueError(f"part '{part.id}': no rule matches the answers {said}; "
                                     "add a rule for them or widen a `when`")


def _rule_names_known_options(part: HelperPart, rule: HelperRule,
                              options: Mapping[str, list[str]]) -> None:
    """A rule's `when` names only question ids, and only options of those questions."""
    for question, chosen in rule.when.items():
        if question not in options:
            raise ValueError(f"part '{part.id}' rule '{rule.id}': `when` names "
                             f"'{question}', which is not a question id "
                             f"(known: {', '.join(options)})")
        unknown = [c for c in chosen if c not in options[question]]
        if unknown:
            raise ValueError(f"part '{part.id}' rule '{rule.id}': '{unknown[0]}' is "
                             f"not an option of '{question}' "
                             f"(known: {', '.join(options[question])})")


def rule_matches(rule: HelperRule, answers: Mapping[str, str]) -> bool:
    """True when every question the rule names has one of its options as the answer."""
    return all(answers.get(q) in chosen for q, chosen in rule.when.items())


def first_match(part: HelperPart, answers: Mapping[str, str]) -> HelperRule | None:
    """The rule of `part` shown for these answers: the first that matches."""
    return next((r for r in part.rules if rule_matches(r, answers)), None)


def all_answers(helper: LawfulBasisHelperFile) -> list[dict[str, str]]:
    """Every complete set of answers, in question and option order."""
    ids = [[o.id for o in q.options] for q in helper.questions]
    names = [q.id for q in helper.questions]
    return [dict(zip(names, combo, strict=True)) for combo in itertools.product(*ids)]

