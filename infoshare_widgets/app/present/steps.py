"""The steps of a presentation, built on the server from the content (pure: no tornado).

A step is what the audience window shows at one press (``html``, sanitised by
`content.markdown`), with what only the presenter sees beside it (``notes``, ``label``). The
audience receives a step's ``html`` when it is shown and nothing else, so notes, model points
still to come and a question's answer are never in its page before their step.
"""

from __future__ import annotations

import html
import re
from dataclasses import asdict, dataclass, field

from ...content import Content, models
from ...content.markdown import escape, to_html, to_inline_html
from ...content.plan_models import PlanPart, SessionPlan
from ...content.question_ids import quiz_question_id
from ...content.review_pack import NOT_FROM_PACK
from ...content.shipped_words import words_over_shipped
from .chunks import BUDGET, LINE_COST, fits, screens


@dataclass(frozen=True)
class Step:
    """One press: ``kind`` (title, text, prompt, point, question, answer, explanation, timer,
    room), what the audience sees (``html``), and the presenter's ``label`` and ``notes``."""

    kind: str
    label: str
    html: str
    notes: str = ""
    minutes: int = 0
    question: dict = field(default_factory=dict)  # a question's room id and option count

    def as_json(self) -> dict:
        return asdict(self)


SECONDS_PER_STEP = 30
"""The stated pace a plan's part is held to: each step that is not a timer takes about this long
(a screenful read aloud at about 150 words a minute, or a question asked and answered by hand);
a timer takes its minutes. `part_seconds` adds them up; a test holds every shipped part to it."""


def part_seconds(steps: list[Step]) -> int:
    """How long ``steps`` take at `SECONDS_PER_STEP`, timers at their minutes."""
    return sum(s.minutes * 60 if s.kind == "timer" else SECONDS_PER_STEP for s in steps)


class StepBuilder:
    """Steps from one content: a page's, a plan part's, or a whole plan's."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._words = words_over_shipped(content, "facilitator")  # an older ui.yaml lacks some

    def words(self, key: str, **values: object) -> str:
        text = self._words.get(key) or self.content.text("facilitator", key)
        for name, value in values.items():
            text = text.replace("{" + name + "}", str(value))
        return text

    # --- what a presenter asks for --------------------------------------------------------

    def for_section(self, section_id: str) -> list[Step]:
        """Every step of one page: its topics, quizzes and case studies, in page order."""
        section = self.content.section(section_id)
        if section is None:
            return []
        part = PlanPart(
            section=section.id, minutes=1,  # type: ignore[arg-type]
            topics=[t.id for t in self.content.topics_for(section.id) if not t.self_paced_only],
            quizzes=[q.id for q in self.content.quizzes_for(section.id)],
            case_studies=[c.id for c in self.content.case_studies] if section.id == "case-studies"
            else None)
        return self.for_part(part, section.facilitator_notes)

    def for_plan(self, plan: SessionPlan) -> list[Step]:
        """A plan's parts, one after the other."""
        return [step for part in plan.parts for step in self.for_part(part, part.notes)]

    def for_part(self, part: PlanPart, notes_md: str | None) -> list[Step]:
        section = self.content.section(part.section)
        title = part.title or (section.title if section else part.section)
        steps = [Step("title", title, f"<h1>{escape(title)}</h1>", to_html(notes_md))]
        if part.room:
            steps.append(self.room_step())
        chosen = set(part.questions) if part.questions else None
        topics = {t.id: t for t in self.content.topics}
        steps += [s for i in part.topics or [] if i in topics for s in self.topic(topics[i])]
        if part.golden_rules:
            steps.extend(self.golden_rules(part.golden_rules))
        quizzes = {q.id: q for q in self.content.quizzes}
        steps += [s for i in part.quizzes or [] if i in quizzes
                  for s in self.quiz(quizzes[i], chosen)]
        cases = {c.id: c for c in self.content.case_studies}
        steps += [s for i in part.case_studies or [] if i in cases
                  for s in self.case(cases[i], chosen, part.timer)]
        if part.timer and not part.case_studies:
            steps.append(self.timer_step(part.timer))
        return steps

    # --- the kinds of step ----------------------------------------------------------------

    def room_step(self) -> Step:
        heading = self.words("present_join")
        return Step("room", heading, f"<h1>{escape(heading)}</h1>")

    def timer_step(self, minutes: int) -> Step:
        heading = self.words("present_discuss_timer")
        label = f"{heading}: {self.words('timer_minutes', minutes=minutes)}"
        return Step("timer", label, f"<h1>{escape(heading)}</h1>", minutes=minutes)

    def topic(self, topic: models.Topic) -> list[Step]:
        bullet = "1." if topic.numbered else "-"
        parts = [topic.body or ""]
        if topic.items:
            parts.append("\n".join(f"{bullet} {item}" for item in topic.items))
        parts.append(topic.after or "")
        return self._paged(topic.title, "text", "\n\n".join(p for p in parts if p),
                           to_html(topic.facilitator_notes), self._label(topic.style))

    def golden_rules(self, audience: str) -> list[Step]:
        """The seven rules' key phrases, numbered, on one screen (their cards are the page's)."""
        rules = self.content.golden_rules_for(audience)
        if rules is None:
            return []
        items = "\n".join(f"{r.number}. {r.key_phrase}" for r in rules.rules)
        return self._paged(rules.title, "text", items, to_html(rules.facilitator_notes))

    def case(self, case: models.CaseStudy, chosen: set[str] | None = None,
             timer: int | None = None) -> list[Step]:
        """The story, then each prompt: asked, discussed (the timer), then its points."""
        notes = to_html(case.facilitator_notes)
        steps = self._paged(case.name, "text", case.story, notes)
        for question in case.questions:
            if chosen is not None and question.id not in chosen:
                continue
            prompt = f"<h1>{escape(question.prompt)}</h1>"
            steps.append(Step("prompt", question.prompt,
                              f"{prompt}<p>{escape(self.words('present_discuss'))}</p>", notes))
            if timer:
                steps.append(self.timer_step(timer))
            total = len(question.points)
            for n, point in enumerate(question.points, 1):
                where = escape(self.words("present_point", number=n, total=total))
                steps.append(Step("point", f"{question.prompt} ({n}/{total})",
                                  f'<h2>{escape(question.prompt)}</h2><p class="is-present-'
                                  f'where">{where}</p>{to_html(point)}', notes))
        return steps

    def quiz(self, quiz: models.Quiz, chosen: set[str] | None = None) -> list[Step]:
        notes = to_html(quiz.facilitator_notes)
        steps = []
        for question in quiz.questions:
            if chosen is not None and question.id not in chosen:
                continue
            room = {"id": quiz_question_id(quiz.id, question.id), "count": len(question.options)}
            label = to_inline_plain(question.prompt)
            ask = f'<p class="is-present-where">{escape(self.words("present_question"))}</p>'
            options = self._options(question, False)
            short = fits(question.prompt, *(o.text for o in question.options), "")
            if short:  # the answer repeats a short prompt; a long one was the step before
                steps.append(Step("question", label, f"{ask}{_prompt(question)}{options}",
                                  notes, question=room))
            else:  # a long prompt first, then its options
                steps.append(Step("question", label, f"{ask}{_prompt(question)}", notes))
                steps.append(Step("question", f"{label} ({len(question.options)})",
                                  f"{ask}{options}", notes, question=room))
            added = self._added(question.explanation or "")
            answer = escape(self.words("present_answer"))
            steps.append(Step("answer", f"{label} ({self.words('present_answer')})",
                              f'<p class="is-present-where">{answer}</p>{added}'
                              f"{_prompt(question) if short else ''}"
                              f"{self._options(question, True)}", notes, question=room))
            if question.explanation:  # why, on screens of its own
                steps.extend(self._paged(self.words("present_answer"), "explanation",
                                         question.explanation, notes, added))
        return steps

    # --- pieces ---------------------------------------------------------------------------

    def _options(self, question: models.Question, revealed: bool) -> str:
        right = escape(self.words("right_answer"))
        items = []
        for i, option in enumerate(question.options):
            mark = f' <strong class="is-present-right">— {right}</strong>' \
                if revealed and option.correct else ""
            items.append(f'<li data-index="{i}">{escape(option.text)}{mark}</li>')
        return f'<ul class="is-present-options">{"".join(items)}</ul>'

    def _label(self, style: str | None) -> str:
        """The "not from the pack" (or update) line for a step, or ""."""
        key = {"update": "update_label", "added": "added_label"}.get(style or "")
        return f'<p class="is-{style}-label"><strong>' \
            f'{escape(self.content.text("app", key))}</strong></p>' if key else ""

    def _added(self, explanation: str) -> str:
        """An explanation the content labels as the course's own, wholly ("Not from the pack: ...")
        or in part ("(... added by this course ...)"): a line saying so on its answer and on every
        screen of it, so the label is seen where the claim is made."""
        if NOT_FROM_PACK.match(explanation.lstrip()):
            return self._label("added")
        if NOT_FROM_PACK.search(explanation):
            return f'<p class="is-added-label"><strong>' \
                f'{escape(self.words("present_added_in_part"))}</strong></p>'
        return ""

    def _paged(self, title: str, kind: str, markdown: str, notes: str,
               label: str = "") -> list[Step]:
        """``markdown`` on screens of its own; ``label`` (not from the pack) on every one."""
        pages = screens(markdown, BUDGET - LINE_COST if label else BUDGET) or [""]
        more = escape(self.words("present_continued"))
        steps = []
        for n, page in enumerate(pages):
            heading = f"<h1>{escape(title)}</h1>" if n == 0 else f"<h1>{escape(title)} {more}</h1>"
            steps.append(Step(kind, f"{title} ({n + 1}/{len(pages)})" if len(pages) > 1 else title,
                              heading + label + to_html(page), notes))
        return steps


def _prompt(question: models.Question) -> str:
    return f'<div class="is-present-prompt">{to_html(question.prompt)}</div>'


def to_inline_plain(markdown: str) -> str:
    """A short plain label from Markdown (the step list's text, set as textContent)."""
    return html.unescape(re.sub(r"<[^>]+>", "", to_inline_html(markdown))).strip()
