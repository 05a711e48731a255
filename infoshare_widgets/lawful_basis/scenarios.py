"""The scenario exercise: each scenario a single-choice question over the bases, one at a time
with the score beside it (``scored=False``, a facilitator's view: no score).

The question widget and the scoring are the UI kit's (``ui.question``, ``ui.feedback``), the same
the quiz uses. A scenario its file marks as broken (e.g. ``fits`` names no basis) is never
answerable: it shows an error card in its place.
"""

from __future__ import annotations

from functools import partial

import ipywidgets as widgets

from ..content import Content, models
from ..content.markdown import escape, to_html
from ..ui.blocks import StaticHTML, prose, static
from ..ui.error_card import error_card
from ..ui.feedback import QuizWords
from ..ui.progress_format import scenario_key
from ..ui.question import QuestionWidget
from ..ui.safe_build import origin_path
from ..ui.scored import ScoredQuestions
from ..ui.shared_html import draft_html, heading_html, source_html
from .model import BasisWords, ScenarioExercise


def organisation_html(content: Content, words: BasisWords, scenario: models.Scenario) -> str:
    """"You are: working for a charity ..." from ui.yaml, when the scenario says who you are."""
    if scenario.organisation is None:
        return ""
    kind = content.text("lawful_basis", f"organisation_{scenario.organisation}")
    return (f'<p class="is-lb-organisation"><strong>{escape(words.organisation)}</strong> '
            f"{escape(kind)}</p>")


class ScenarioExerciseView(ScoredQuestions):
    """Each scenario as a single-choice question over the bases, shown one at a time."""

    def __init__(
        self,
        content: Content,
        bases: models.LawfulBasesFile,
        scenarios: models.ScenariosFile,
        audience: str | None = None,
        heading_level: int = 2,
        scored: bool = True,
        text_apart: bool = False,
    ) -> None:
        """``text_apart``: the heading, introduction and source are in ``before`` and
        ``after``, as the page's own HTML (``ui.blocks``, ``Parts.around``)."""
        quiz_words = QuizWords.from_content(content)
        words = BasisWords.from_content(content)
        path = origin_path(content, scenarios)
        wanted = [(i, s) for i, s in enumerate(scenarios.scenarios)
                  if audience is None or s.audience == audience]
        cards: dict[str, widgets.Widget] = {}
        for i, s in wanted:
            mine = content.problems_in(path, under=("scenarios", i)) if path else []
            if mine:  # e.g. `fits` names a basis that does not exist: never answerable
                cards[s.id] = error_card(content, path, mine, heading_level=heading_level + 1)
        self._exercise = ScenarioExercise(
            bases.bases, [s for _, s in wanted if s.id not in cards], quiz_words, words)
        self._questions: dict[str, QuestionWidget] = {}
        items: list[widgets.Widget] = []
        for _, s in wanted:
            if s.id in cards:
                items.append(cards[s.id])
                continue
            question = QuestionWidget(
                check=partial(self._exercise.check, s.id),
                reset=partial(self._exercise.reset, s.id),
                words=quiz_words,
                progress_key=scenario_key(s, self._exercise.options()),
                heading=s.title,
                name=s.title,
                heading_level=heading_level + 1,
                intro_html=f'{draft_html(content, s)}<p class="is-lb-audience"><em>'
                f"{escape(words.audience(s.audience))}</em></p>"
                f"{organisation_html(content, words, s)}{to_html(s.situation)}",
                prompt_html=escape(words.pick_prompt),
                kind="single",
                order_id=s.id,
                order_room=not scored,
                options=[{"text": name} for name in self._exercise.options()],
            )
            self._questions[s.id] = question
            items.append(question)
        self._paged(self._exercise, self._questions.values(), quiz_words,
                    words.scenario_position, scored)
        block = static if text_apart else prose
        header = block(heading_html(heading_level, scenarios.title) + to_html(scenarios.intro),
                       "is-lb-scenarios-intro")
        footer = block(source_html(content, scenarios.source), "is-lb-scenarios-source")
        super().__init__(children=items if text_apart else [header, *items, footer])
        self.before: list[StaticHTML] = [header] if text_apart else []
        self.after: list[StaticHTML] = [footer] if text_apart else []
        self.add_class("is-lb-scenarios")
