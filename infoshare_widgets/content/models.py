"""Typed models of every content file. The field descriptions are the trainers' reference.

`docs/authoring.md` is generated from these models (``infoshare reference``), so the two cannot
drift. Every model forbids unknown fields, so a typo such as ``promt:`` is reported, not ignored.
"""

from __future__ import annotations

import datetime as dt
from datetime import date
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    field_validator,
    model_validator,
)

from .size_limits import MAX_TEXT_CHARS
from .sources import Source, source_field

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
"""The one definition of an id; the validator's message for a bad id is keyed on it."""

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=60),
    Field(description="Stable identifier: lowercase letters, digits and hyphens. Progress is "
          "keyed on it, so do not rename it once learners use the resource."),
]
Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT_CHARS)
]
Markdown = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT_CHARS),
    Field(description="Markdown: emphasis, lists and links. Raw HTML is shown as text, never run. "
          f"At most {MAX_TEXT_CHARS:,} characters."),
]
Draft = Annotated[
    StrictBool,
    Field(description="`true` while the item is being written: it is left out of the learner "
          "view and shown in facilitator and author views, but anyone who adds "
          "`?mode=facilitator` to the address can see it: a draft is not private. `infoshare "
          "new` writes `draft: true`; remove the line (or set `false`) when the text is ready."),
]
SectionId = Literal["start", "what-is-it", "children", "adults", "tips", "case-studies"]
Audience = Literal["children", "adults"]


class Strict(BaseModel):
    """Base for content: unknown fields are errors, text must not be empty."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# --- navigation ---------------------------------------------------------------------------------


class Section(Strict):
    """One page of the app, in the order learners meet them."""

    id: SectionId = Field(description="Which page this is.")
    title: Text = Field(description="The page title, shown in the browser tab and navigation.")
    notebook: Annotated[str, StringConstraints(pattern=r"^\d\d-[a-z0-9-]+$")] = Field(
        description="The notebook's file name without `.ipynb`, e.g. `01-what-is-it`."
    )
    summary: Text = Field(description="One line for the map of sections on the Start page.")
    facilitator_notes: Markdown | None = Field(
        default=None, description="Notes for running this page with a group; shown only in "
        "facilitator mode, at the top of the page."
    )


class SectionsFile(Strict):
    """`content/sections.yaml`: the section order, written once; navigation is generated from it."""

    sections: list[Section] = Field(min_length=1, description="The sections, in order.")


# --- interface wording --------------------------------------------------------------------------


class UIStrings(Strict):
    """`content/ui.yaml`: button labels, headings and other interface wording.

    Grouped by component; each group is a mapping of key to text. Components look keys up by
    name, so a missing key is reported when the content is loaded.
    """

    app: dict[str, Text] = Field(description="Page furniture: navigation, error cards, footer.")
    quiz: dict[str, Text] = Field(description="Quiz buttons, feedback headings, score line.")
    lawful_basis: dict[str, Text] = Field(description="The lawful-basis selector.")
    case_study: dict[str, Text] = Field(description="The case-study panel.")
    golden_rules: dict[str, Text] = Field(description="The golden rules cards and check.")
    decision_record: dict[str, Text] = Field(description="The decision record form.")
    facilitator: dict[str, Text] = Field(
        description="Facilitator mode: notes label, group-session entry, timer, group questions."
    )
    progress: dict[str, Text] = Field(
        description="Progress kept in the browser: the Start page's progress, "
        "\"Clear my answers\" and the completion record.")
    author: dict[str, Text] = Field(
        default_factory=dict,
        description="Optional: the author area's pages (`infoshare serve --authoring`), for "
        "trainers who sign in, not learners. A key left out takes the shipped wording.")
    review: dict[str, Text] = Field(
        default_factory=dict,
        description="Optional: the review pack's wording (`infoshare review`), for the "
        "partnership's reviewer, not learners. A key left out takes the shipped wording.")
    builder: dict[str, Text] = Field(
        default_factory=dict,
        description="Optional: the builders' messages to authors (a field left empty or "
        "wrong, in GOV.UK's error style). A key left out takes the shipped wording.")


# --- topics: the pack's reading text ------------------------------------------------------------


class Link(Strict):
    """A publication or page a learner can look up."""

    title: Text = Field(description="The publication's title, as the pack names it.")
    publisher: Text | None = Field(
        default=None, description="Who publishes it, so a learner can find it without a link."
    )
    note: Markdown | None = Field(default=None, description="Optional line shown after the title.")
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = Field(
        default=None,
        description="Optional web address. Leave it out where the pack gives none; never guess.",
    )


class Topic(Strict):
    """`content/topics/<id>.yaml`: one topic of reading text from the pack."""

    id: Id
    section: SectionId = Field(description="The page that shows this topic.")
    order: StrictInt = Field(description="Position on its page (smaller first).")
    title: Text = Field(description="The topic's heading.")
    style: Literal["plain", "key-message", "quote", "update", "added"] = Field(
        default="plain",
        description="How it is set: `key-message` for a statement to remember, `quote` for a "
        "quotation, `update` for a clearly marked note on what changed since the pack, `added` "
        "for a topic this course adds that is not from the pack (marked as such).",
    )
    body: Markdown | None = Field(default=None, description="The text, in Markdown.")
    items: list[Markdown] | None = Field(default=None, description="A list shown after the body.")
    numbered: StrictBool = Field(default=False, description="Number the items (1, 2, 3 ...).")
    links: list[Link] | None = Field(default=None, description="Publications to look up.")
    after: Markdown | None = Field(default=None, description="Text shown after the list.")
    source: Source = source_field("Which guidance this reflects, and its date.")
    facilitator_notes: Markdown | None = Field(
        default=None, description="Shown only in facilitator mode."
    )
    self_paced_only: StrictBool = Field(
        default=False,
        description="`true` for a topic meant only for learners on their own (such as their "
        "progress): left out in facilitator mode.",
    )

    @model_validator(mode="after")
    def _has_text(self) -> Topic:
        if not (self.body or self.items or self.links):
            raise ValueError("a topic needs a body, items or links")
        return self


# --- lawful bases -------------------------------------------------------------------------------


class LawfulBasis(Strict):
    """One of the lawful bases under UK GDPR Article 6(1): the pack's six, and any added since."""

    id: Id
    name: Text = Field(description="The basis as the ICO names it, e.g. Legal obligation.")
    pack_text: Markdown | None = Field(
        default=None,
        description="The pack's explanation, in its own words. Leave it out only for a basis "
        "the pack does not have (then give `added_source`).",
    )
    added_source: Source | None = Field(
        default=None,
        description="For a basis the pack does not have: the law and guidance it comes from, "
        "with dates. It is shown as not from the pack.",
    )
    plain_english: Markdown = Field(
        description="The same in plain English for learners (added by this course, not the "
        "pack's words)."
    )
    safeguarding: Literal["usually", "sometimes", "rarely"] = Field(
        description="How often it fits safeguarding information sharing: this course's rating, "
        "not the pack's; the guidance says for which kinds of organisation."
    )
    guidance: Markdown = Field(
        description="When it fits safeguarding, and when not, for each kind of organisation "
        "(added by this course, with its sources in `source`)."
    )
    source: Source = source_field("Where the guidance and the plain English come from, and "
                                  "their date. Required: it is listed beside them in the review "
                                  "pack.")

    @model_validator(mode="after")
    def _from_somewhere(self) -> LawfulBasis:
        if not self.pack_text and not self.added_source:
            raise ValueError("a basis needs the pack's words (`pack_text`) or, for a basis the "
                             "pack does not have, `added_source`")
        return self


class Note(Strict):
    """A clearly marked note beside the pack's text."""

    title: Text = Field(description="The note's heading.")
    body: Markdown = Field(description="The note itself.")
    source: Source = source_field("Where the note comes from, and its date.")


OrganisationKind = Literal[
    "local-authority", "school", "nhs", "nhs-gp", "police", "charity", "private-provider",
    "housing-association",
]
PUBLIC_AUTHORITY_KINDS: frozenset[str] = frozenset(
    {"local-authority", "school", "nhs", "nhs-gp", "police"})
"""Kinds of organisation that are public authorities: they cannot rely on legitimate interests
or recognised legitimate interests for their official tasks (UK GDPR Article 6(1), after (f))."""


class LawfulBasesFile(Strict):
    """`content/lawful_bases.yaml`: the lawful bases (six in the pack, seven now) and guidance."""

    title: Text = Field(description="The heading of the lawful-basis explorer.")
    intro: Markdown = Field(description="Shown before the bases.")
    bases: list[LawfulBasis] = Field(min_length=1, description="The bases, in the pack's order.")
    guidance: Markdown = Field(description="Which bases usually fit safeguarding, and why.")
    update_note: Note = Field(description="What changed since the pack was written.")
    tool: Link = Field(description="The ICO's interactive tool.")
    source: Source = source_field("Which guidance this reflects, and its date.")


class Scenario(Strict):
    """A short situation where the learner picks the lawful basis that fits."""

    id: Id
    audience: Audience = Field(description="Whether the situation is about a child or an adult.")
    organisation: OrganisationKind | None = Field(
        default=None,
        description="Who \"you\" are: the kind of organisation that shares (`local-authority`, "
        "`school`, `nhs`, `nhs-gp` (a GP practice, dentist or pharmacy, for its NHS work), "
        "`police`, `charity`, `private-provider`, `housing-association`). "
        "The basis that fits depends on it: a public authority cannot rely on legitimate "
        "interests for its official tasks; a charity cannot rely on public task.",
    )
    title: Text = Field(description="A few words naming the situation.")
    situation: Markdown = Field(
        description="What happened, in two or three sentences, starting with who you are."
    )
    fits: list[Id] = Field(
        min_length=1,
        description="Ids of the bases that fit. Where two are defensible, list each and say "
        "why in the explanation.",
    )
    explanation: Markdown = Field(description="Why those bases fit, for this organisation.")
    basis_feedback: dict[Id, Markdown] = Field(
        default_factory=dict,
        description="Optional: what to tell a learner who picks this basis (by basis id).",
    )
    helper: dict[Id, Id] | None = Field(
        default=None,
        description="The guided helper's answers for this situation (`lawful_basis_helper.yaml`: "
        "question id: option id), e.g. `{who: charity, about: adult, data: ordinary, urgent: "
        "\"no\", consent: agrees, duty: \"no\"}`. The tests run the helper on them: the basis it "
        "suggests must be one of `fits`, so the exercise and the helper give one answer.",
    )
    condition: Id | None = Field(
        default=None,
        description="The Article 9 or 10 condition this situation needs, as the helper's condition "
        "id (e.g. `sch1-p18`, `art9-2c`, `art10-official-authority`), or `none` for ordinary "
        "information. The tests check the helper gives the same.",
    )
    source: Source = source_field("The law and guidance this scenario's answer rests on, with "
                                  "dates. Required: it is listed beside the explanation in the "
                                  "review pack.")
    draft: Draft = False


class ScenariosFile(Strict):
    """`content/lawful_basis_scenarios.yaml`: the scenario exercise."""

    title: Text = Field(description="The exercise's heading.")
    intro: Markdown = Field(description="Shown before the scenarios: what the learner does.")
    scenarios: list[Scenario] = Field(min_length=1, description="The scenarios, in order.")
    source: Source = source_field("Which guidance the answers follow, and its date.")


# --- golden rules -------------------------------------------------------------------------------


class GoldenRule(Strict):
    """One golden rule, shown as a card."""

    number: StrictInt = Field(ge=1, description="1, 2, 3 ... in order.")
    key_phrase: Text = Field(description="The rule in a few words, shown first on its card.")
    text: Markdown = Field(description="The rule in full, as the guidance gives it.")
    continued: Markdown | None = Field(
        default=None, description="Where the pack continues the rule on a further page."
    )


class RuleCheck(Strict):
    """A situation for the check of understanding: which rule applies?"""

    id: Id
    situation: Markdown = Field(description="A short situation the learner reads.")
    rule: StrictInt = Field(description="The number of the rule that applies.")
    feedback: Markdown = Field(description="Why that rule applies.")


class GoldenRulesFile(Strict):
    """`content/golden_rules/<audience>.yaml`: seven golden rules and a short check."""

    id: Id
    audience: Audience = Field(description="Whose rules these are: one file per audience.")
    title: Text = Field(description="The heading above the rules.")
    intro: Markdown = Field(description="Shown before the rules: where they come from.")
    reference: Link | None = Field(default=None, description="The guidance that sets the rules.")
    rules: list[GoldenRule] = Field(min_length=1, description="The rules, numbered from 1.")
    checks: list[RuleCheck] = Field(
        default_factory=list, description="Optional situations for the check of understanding."
    )
    source: Source = source_field("Which guidance this reflects, and its date.")
    facilitator_notes: Markdown | None = Field(
        default=None, description="Notes for the rules and their check; shown only in "
        "facilitator mode, with the check."
    )

    @model_validator(mode="after")
    def _numbered(self) -> GoldenRulesFile:
        numbers = [r.number for r in self.rules]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"rules must be numbered 1 to {len(numbers)} in order, got {numbers}")
        for check in self.checks:
            if check.rule not in numbers:
                raise ValueError(
                    f"check '{check.id}' names rule {check.rule}, which does not exist"
                )
        return self


# --- decision record ----------------------------------------------------------------------------


class AskIf(Strict):
    """A condition on an earlier answer of the decision record."""

    question: Id = Field(description="The id of an earlier `choice` question.")
    answer: Text = Field(description="The choice that makes this question apply, word for word.")


class RecordQuestion(Strict):
    """One question of the decision record."""

    id: Id
    prompt: Text = Field(description="The question, as the learner sees it.")
    help: Markdown | None = Field(default=None, description="A hint shown under the question.")
    kind: Literal["text", "choice", "lawful-basis"] = Field(
        default="text",
        description="`text` for a text box, `choice` for one of `choices`, `lawful-basis` to pick "
        "from every basis in `lawful_bases.yaml` (recognised legitimate interests included).",
    )
    ask_if: AskIf | None = Field(
        default=None,
        description="Optional: ask this question only when an earlier `choice` question has a "
        "given answer, e.g. the Article 9 condition only when special category data is shared.",
    )
    choices: list[Text] | None = Field(
        default=None, description="The answers to choose from, for a `choice` question."
    )

    @model_validator(mode="after")
    def _choices(self) -> RecordQuestion:
        if self.kind == "choice" and not (self.choices and len(self.choices) >= 2):
            raise ValueError("a `choice` question needs at least two choices")
        return self


class DecisionRecordFile(Strict):
    """`content/decision_record.yaml`: the questions of golden rule 7 and "What do I do?"."""

    title: Text = Field(description="The heading of the decision record.")
    intro: Markdown = Field(description="Shown before the questions.")
    warning: Markdown = Field(description="Reminder to use practice details, not real people's.")
    questions: list[RecordQuestion] = Field(min_length=1, description="The questions, in order.")
    source: Source = source_field("Which guidance this reflects, and its date.")

    @model_validator(mode="after")
    def _ask_if_earlier(self) -> DecisionRecordFile:
        seen: dict[str, RecordQuestion] = {}
        for q in self.questions:
            if q.ask_if is not None:
                earlier = seen.get(q.ask_if.question)
                if earlier is None or earlier.kind != "choice":
                    raise ValueError(f"question '{q.id}': ask_if names '{q.ask_if.question}', "
                                     "which is not an earlier `choice` question")
                if q.ask_if.answer not in (earlier.choices or []):
                    raise ValueError(f"question '{q.id}': ask_if answer '{q.ask_if.answer}' is "
                                     f"not one of the choices of '{earlier.id}'")
            seen[q.id] = q
        return self


# --- about the content, and the partnership's own contacts -------------------------------------


class SignOff(Strict):
    """A partnership's sign-off of the content, recorded after reading the review pack."""

    role: Text = Field(description="Who signed it off, as a role, never a person's name, e.g. "
                       "`Designated safeguarding lead, LLR Safeguarding Children Partnership`.")
    date: dt.date = Field(description="When they signed it off, as YYYY-MM-DD.")
    content_version: Text = Field(
        description="The content `version` they read (the review pack shows it at the top). "
        "When `version` changes later, the footer says the content changed since sign-off.")
    pack_made: dt.datetime | None = Field(
        default=None,
        description="When the review pack that was read was made, as the pack prints it in its "
        "sign-off lines, e.g. `2026-12-20T10:15:00+00:00`. An item published after it (or a "
        "published case study, which the pack does not show) makes the footer say the content "
        "changed since sign-off; without it, anything published does.")

    @field_validator("pack_made")
    @classmethod
    def _with_offset(cls, made: dt.datetime | None) -> dt.datetime | None:
        if made is not None and made.utcoffset() is None:
            raise ValueError("give the time with its offset, as the pack prints it "
                             "(e.g. 2026-12-20T10:15:00+00:00)")
        return made


class AboutFile(Strict):
    """`content/about.yaml`: the content's version, its review and who signed it off.

    `infoshare validate` warns when `reviewed` is more than 12 months ago. Every page's footer
    says "checked by ... on ..." only from `signed_off`, and otherwise that the content has not
    been signed off. How to sign off: `docs/sign-off.md`.
    """

    version: Text = Field(description="The content's version, e.g. `2026.12`.")
    reviewed: date = Field(
        description="When the course's authors last checked the content against current law and "
        "guidance, as YYYY-MM-DD. Review it at least every 12 months. This is not a sign-off."
    )
    reviewed_by: Text | None = Field(
        default=None, description="Optional: who reviewed it (a role, not a person's name)."
    )
    notes: Markdown | None = Field(
        default=None, description="Optional: what the review covered, for trainers."
    )
    signed_off: SignOff | None = Field(
        default=None, description="Optional: the partnership's sign-off, filled in by the person "
        "who read the review pack (`infoshare review`) and accepts it. Leave it out until then: "
        "never write a sign-off that did not happen.")


WebAddress = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class Contact(Strict):
    """One way to reach a team, exactly as the partnership publishes it."""

    name: Text = Field(description="The team, e.g. the children's front door for an area.")
    phone: Text | None = Field(default=None, description="Optional: its telephone number.")
    email: Text | None = Field(default=None, description="Optional: its email address.")
    url: WebAddress | None = Field(default=None, description="Optional: its web page.")
    hours: Text | None = Field(default=None, description="Optional: when it is open.")
    note: Markdown | None = Field(default=None, description="Optional: anything else to know.")


class Area(Strict):
    """One local authority area and its front doors for children and for adults."""

    name: Text = Field(description="The area, e.g. a council's name.")
    children: Contact | None = Field(
        default=None, description="Where to raise a concern about a child in this area."
    )
    adults: Contact | None = Field(
        default=None, description="Where to raise a concern about an adult in this area."
    )


class LocalFile(Strict):
    """`content/local.yaml`: your partnership's own contacts. Shipped empty.

    Until a partnership fills it in, the pages say "ask your safeguarding lead" and show no
    contact details: nothing here is ever invented.
    """

    areas: list[Area] = Field(
        default_factory=list, description="Front doors per area, for children and for adults."
    )
    emergency: Markdown | None = Field(
        default=None, description="The emergency route, e.g. when to call 999."
    )
    escalation: Markdown | None = Field(
        default=None,
        description="The escalation procedure when you disagree with another agency's response.",
    )
    source: Source | None = source_field(
        "Where these details come from, and when they were checked.", required=False)

    def is_empty(self) -> bool:
        """True when the partnership has given nothing: the pages then invent nothing."""
        return not (self.areas or self.emergency or self.escalation)


# --- the two contract formats: case studies and quizzes ----------------------------------------


class CaseQuestion(Strict):
    """One prompt of a case study, with its model points."""

    id: Id
    prompt: Text = Field(description="The question the learner thinks about.")
    points: list[Markdown] = Field(min_length=1, description="The model points, revealed after.")


class CaseStudy(Strict):
    """`content/case_studies/<id>.yaml`: a story and its prompts (format fixed by contract)."""

    id: Id
    name: Text = Field(description="Shown as the title.")
    about: Text = Field(description="One line under the title.")
    audience: Audience = Field(description="Whether the story is about a child or an adult.")
    order: StrictInt | None = Field(
        default=None,
        description="Position on the Case Studies page; files without it follow, by name.",
    )
    story: Markdown = Field(description="The story the learner reads first.")
    questions: list[CaseQuestion] = Field(
        min_length=1, description="The prompts, in order; the pack's cases have three."
    )
    facilitator_notes: Markdown | None = Field(
        default=None, description="Shown only in facilitator mode."
    )
    source: Source | None = source_field("Where the case study comes from.", required=False)
    see_also: list[Id] | None = Field(
        default=None,
        description="Optional: ids of topics (in `topics/`) a learner should read with this "
        "case, e.g. `mental-capacity`; shown as links after the case.",
    )
    draft: Draft = False

    @model_validator(mode="after")
    def _unique_questions(self) -> CaseStudy:
        _no_duplicates("questions", [q.id for q in self.questions])
        return self


Grade = Literal["best", "acceptable", "unsafe"]
GRADES: tuple[str, ...] = ("best", "acceptable", "unsafe")


class FieldError(ValueError):
    """A check of a whole item that is about one field inside it (``("options", 2, "grade")``):
    the validator reports the problem at that field and its line, not at the item."""

    def __init__(self, loc: tuple, message: str) -> None:
        super().__init__(message)
        self.loc = tuple(loc)


class Option(Strict):
    """One answer a learner can choose."""

    text: Text = Field(description="The answer as the learner sees it (plain text).")
    correct: StrictBool = Field(description="`true` if choosing this option is right.")
    feedback: Markdown = Field(description="Why this option is right or wrong.")
    grade: Grade | None = Field(
        default=None,
        description="Optional, for a `single` question judged like practice: `best` (the "
        "`correct: true` option), `acceptable` (defensible practice, but not the best) or "
        "`unsafe` (puts someone at risk or breaks the law). Grade every option of the question "
        "or none; the learner is told the grade in words, and the score counts best answers "
        "and unsafe choices.",
    )


class Question(Strict):
    """One quiz question; each option carries its own feedback."""

    id: Id
    prompt: Markdown = Field(description="The question.")
    kind: Literal["single", "multiple"] = Field(
        description="`single`: exactly one option is right (true/false is `single` with the "
        "options `True` and `False`); `multiple`: one or more are right, and the answer is right "
        "when the chosen set equals the right set."
    )
    options: list[Option] = Field(description="The answers to choose from; at least two.")
    explanation: Markdown | None = Field(
        default=None, description="Shown after the learner checks an answer."
    )
    source: Source | None = source_field("Optional: the law or guidance the answer rests on, "
                                         "for a question that states the law.", required=False)
    helper: dict[Id, Id] | None = Field(
        default=None,
        description="Optional, for a question whose answer names a lawful basis or a condition: "
        "the guided helper's answers for its situation (question id: option id). The tests run "
        "the helper on them and compare with `fits` and `condition`.",
    )
    fits: list[Id] | None = Field(
        default=None,
        description="With `helper`: the lawful basis ids the question's answer accepts; the "
        "helper's suggested basis must be one of them.",
    )
    condition: Id | None = Field(
        default=None,
        description="With `helper`: the Article 9 or 10 condition id the answer names (or "
        "`none`); the helper must give the same.",
    )
    revisit: list[Id] | None = Field(
        default=None, min_length=1,
        description="Optional: what to read again when this question is not answered best, "
        "linked in the quiz's summary: topic ids (in `topics/`, e.g. `consent-children`) or a "
        "golden rule as `children-rule-3` / `adults-rule-3`.",
    )

    @model_validator(mode="after")
    def _graded(self) -> Question:
        """Grades: every option or none, only on `single`, and the best is the correct one."""
        graded = [i for i, o in enumerate(self.options) if o.grade is not None]
        if not graded:
            return self
        if self.kind != "single":
            raise FieldError(("options", graded[0], "grade"),
                             "grades are for `single` questions only; remove `grade:` or make "
                             "the question `kind: single`")
        for i, option in enumerate(self.options):
            if option.grade is None:
                raise FieldError(("options", i), "this option has no `grade:`, but others in "
                                 "the question do: grade every option or none")
        for i, option in enumerate(self.options):
            if (option.grade == "best") != option.correct:
                correct = str(option.correct).lower()
                raise FieldError(("options", i, "grade"),
                                 f"`grade: {option.grade}` with `correct: {correct}`: the one "
                                 "`best` option is the `correct: true` one")
        return self

    @model_validator(mode="after")
    def _answerable(self) -> Question:
        if len(self.options) < 2:
            raise ValueError(f"a question needs at least two options, found {len(self.options)}")
        right = sum(o.correct for o in self.options)
        if self.kind == "single" and right != 1:
            raise ValueError(
                f"a single-answer question needs exactly one correct option, found {right}"
            )
        if self.kind == "multiple" and right < 1:
            raise ValueError("a multiple-answer question needs at least one correct option")
        return self


class Quiz(Strict):
    """`content/quizzes/<id>.yaml`: a quiz (format fixed by contract)."""

    id: Id
    title: Text = Field(description="The quiz's heading.")
    section: Literal["what-is-it", "children", "adults", "tips", "case-studies"] = Field(
        description="The page that shows the quiz."
    )
    order: StrictInt | None = Field(default=None, description="Position among the page's quizzes.")
    questions: list[Question] = Field(min_length=1, description="The questions, in order.")
    facilitator_notes: Markdown | None = Field(
        default=None, description="Shown only in facilitator mode."
    )
    draft: Draft = False

    @model_validator(mode="after")
    def _unique_questions(self) -> Quiz:
        _no_duplicates("questions", [q.id for q in self.questions])
        return self


def _no_duplicates(field: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise ValueError(f"duplicate id '{i}' in {field}")
        seen.add(i)
