"""The questions a room can ask, read from the content folder: each quiz question, each
lawful-basis scenario, each golden-rules check, the case-study prompts where "Would you share
at this point?" fits (:data:`SHARE_PROMPTS`) and the optional confidence questions (before and
after, two separate questions).

A room stores only a question's id (``quiz.<quiz>.<question>``, ``scenario.<id>``,
``rules.<file>.<check>``, ``case.<case>.<prompt>``,
``confidence.<before|after>``) and option ids (the option's place in the
list). Everything a device or the projector shows comes from here, as sanitised HTML or plain
text, never from the store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape

from ..content import Content
from ..content.markdown import escape, to_html, to_inline_html
from ..content.question_ids import confidence_id, quiz_question_id, rules_check_id
from ..content.templates import fill_template

# The case-study prompts asked on phones as "Would you share at this point?": the pack's "What is
# worrying you?" (the moment of deciding). After "Who would you contact and how would you
# share?" or "How would you follow up?" the information has been shared, so the question does
# not fit them, and they stay on the projector for discussion.
SHARE_PROMPTS = ("worrying",)


@dataclass(frozen=True)
class RoomQuestion:
    id: str
    group: str  # plain text: the quiz, exercise or case it belongs to
    prompt_html: str  # sanitised
    options: tuple[str, ...]  # plain text
    multiple: bool = False
    correct: frozenset[int] = frozenset()  # empty: no right answer (a case-study prompt)
    feedback_html: tuple[str, ...] = ()  # per option, sanitised ("" when none)
    explanation_html: str = ""  # sanitised
    intro_html: str = ""  # sanitised: a scenario's situation
    label: str = ""  # plain text for the facilitator's picker; "" = the prompt's text
    grades: tuple[str, ...] = ()  # per option: best, acceptable or unsafe; () when not graded

    def public(self) -> dict:
        """What every device sees while the vote is open (no answer in it)."""
        return {"id": self.id, "group": self.group, "intro_html": self.intro_html,
                "prompt_html": self.prompt_html, "options": list(self.options),
                "multiple": self.multiple}

    def revealed(self) -> dict:
        """What the projector and every device see once the answer is revealed."""
        return {"correct": sorted(self.correct), "feedback_html": list(self.feedback_html),
                "explanation_html": self.explanation_html, "said": self.revealed_key()}

    def revealed_key(self) -> str:
        """The ui.yaml key that says what the reveal showed: the answer, or (with no best
        answer) a case study's discussion points, or only the counts (confidence)."""
        if self.correct:
            return "room_revealed"
        return "room_revealed_points" if self.explanation_html else "room_revealed_counts"

    def verdict_key(self, chosen: list[int]) -> str:
        """After the reveal, the ui.yaml key that tells a device how its own answer did: best,
        acceptable (a graded question's defensible choice, PRODUCT principle 9), unsafe (a
        graded choice that could leave someone at risk), not the best, or not answered; "" for
        a question with no best answer."""
        if not self.correct:
            return ""
        if not chosen:
            return "room_verdict_none"
        if set(chosen) == set(self.correct):
            return "room_verdict_best"
        grades = {self.grades[c] for c in chosen} if self.grades else set()
        if grades == {"acceptable"}:
            return "room_verdict_acceptable"
        return "room_verdict_unsafe" if "unsafe" in grades else "room_verdict_not_best"

    def valid(self, options: list[int]) -> bool:
        picked = set(options)
        return bool(picked) and all(0 <= o < len(self.options) for o in picked) and \
            (self.multiple or len(picked) == 1)


@dataclass
class Catalogue:
    questions: dict[str, RoomQuestion] = field(default_factory=dict)

    def add(self, question: RoomQuestion) -> None:
        self.questions.setdefault(question.id, question)

    def get(self, question_id: str | None) -> RoomQuestion | None:
        return self.questions.get(question_id or "")

    def listing(self) -> list[dict]:
        """For the facilitator's picker: id, group and a short plain label."""
        return [{"id": q.id, "group": q.group, "label": _label(q)}
                for q in self.questions.values()]


def plain_text(html: str) -> str:
    """Sanitised HTML as one line of plain text (tags dropped, entities read, spaces joined)."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _label(question: RoomQuestion) -> str:
    if question.label:
        return question.label
    text = plain_text(question.prompt_html)
    return text if len(text) <= 120 else text[:117] + "…"


def share_options(content: Content) -> tuple[str, ...]:
    return tuple(content.text("facilitator", key)
                 for key in ("room_share_yes", "room_share_no", "room_share_unsure"))


def catalogue(content: Content) -> Catalogue:
    """Every question the content offers a room, in page order."""
    found = Catalogue()
    for quiz in content.quizzes:
        for q in quiz.questions:
            found.add(RoomQuestion(
                quiz_question_id(quiz.id, q.id), quiz.title, to_html(q.prompt),
                tuple(o.text for o in q.options), q.kind == "multiple",
                frozenset(i for i, o in enumerate(q.options) if o.correct),
                tuple(to_html(o.feedback) for o in q.options), to_html(q.explanation),
                grades=tuple(o.grade for o in q.options if o.grade is not None)))
    if content.scenarios is not None and content.lawful_bases is not None:
        bases = content.lawful_bases.bases
        for s in content.scenarios.scenarios:
            found.add(RoomQuestion(
                f"scenario.{s.id}", content.scenarios.title, escape(s.title),
                tuple(b.name for b in bases), False,
                frozenset(i for i, b in enumerate(bases) if b.id in s.fits),
                tuple(to_html(s.basis_feedback.get(b.id)) for b in bases),
                to_html(s.explanation), to_html(s.situation)))
    for rules in content.golden_rules:
        for check in rules.checks:
            found.add(RoomQuestion(
                rules_check_id(rules.id, check.id), rules.title, to_html(check.situation),
                tuple(f"{r.number}. {r.key_phrase}" for r in rules.rules), False,
                frozenset(i for i, r in enumerate(rules.rules) if r.number == check.rule),
                (), to_html(check.feedback)))
    _cases(content, found)
    _confidence(content, found)
    return found


def _cases(content: Content, found: Catalogue) -> None:
    """Each case-study prompt of :data:`SHARE_PROMPTS`, asked on phones as a question its
    answers fit ("Would you share at this point?"); the picker names the prompt it follows."""
    options = share_options(content)
    question = f"<p>{escape(content.text('facilitator', 'room_share_question'))}</p>"
    shared = f"<p>{escape(content.text('facilitator', 'room_share_after'))}</p>"
    for case in content.case_studies:
        for prompt in (p for p in case.questions if p.id in SHARE_PROMPTS):
            points = "".join(f"<li>{to_inline_html(p)}</li>" for p in prompt.points)
            found.add(RoomQuestion(  # the points, then what the pack's answer does: share
                f"case.{case.id}.{prompt.id}", case.name, question, options,
                explanation_html=f"<ul>{points}</ul>{shared}",
                label=fill_template(content.text("facilitator", "room_share_label"),
                                    {"prompt": prompt.prompt})))


def _confidence(content: Content, found: Catalogue) -> None:
    """The optional before/after confidence questions: two questions, no right answer."""
    confidence = content.confidence
    if confidence is None:
        return
    for moment, text in (("before", confidence.before), ("after", confidence.after)):
        found.add(RoomQuestion(confidence_id(moment), confidence.title,
                               f"<p>{escape(text)}</p>", tuple(confidence.scale)))
