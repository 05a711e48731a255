"""The case-study panel: the story, then each question with a note box and the model points."""

from __future__ import annotations

import ipywidgets as widgets

from ..content import Content, models
from ..content.markdown import escape
from ..ui.blocks import prose
from ..ui.error_card import error_cards_for
from ..ui.guard import guarded
from ..ui.html import heading_html, source_html
from ..ui.progress_data import prompt_key
from ..ui.reveal import RevealWording
from ..ui.reveal_widget import RevealWidget
from .model import CaseStudyPanel


def reveal_wording(content: Content) -> RevealWording:
    def t(key: str) -> str:
        return content.text("case_study", key)

    return RevealWording(reveal=t("reveal"), next=t("next_point"), hide=t("hide"),
                         progress=t("step_progress"), done=t("all_shown"))


class CaseStudyView(widgets.VBox):
    """One case study. Its children are private; ``value`` reports what was revealed."""

    def __init__(self, content: Content, case: models.CaseStudy, step_mode: bool = False) -> None:
        self._panel = CaseStudyPanel(case, step_mode=step_mode)
        wording = reveal_wording(content)
        header = prose(
            f"{heading_html(2, case.name)}"
            f'<p class="is-case-about"><em>{escape(case.about)}</em></p>'
            f"{self._panel.story_html}",
            "is-case-story",
        )
        self._questions = [
            RevealWidget(
                self._panel.reveals[q.id],
                wording,
                progress_key=prompt_key(case, q),
                heading=q.prompt,
                heading_level=3,
                note_label=content.text("case_study", "your_thoughts"),
                note_hint=content.text("case_study", "not_saved"),
                panel_heading=content.text("case_study", "points_heading"),
                as_list=True,
            )
            for q in case.questions
        ]
        children: list[widgets.Widget] = [header, *self._questions]
        if case.source:
            children.append(prose(source_html(content, case.source), "is-case-source"))
        super().__init__(children=children)
        self.add_class("is-case-study")

    @property
    def value(self) -> dict[str, object]:
        """The case and the questions whose points were all revealed (no learner notes)."""
        return self._panel.state()


def case_study_widget(
    content: Content, case_study: models.CaseStudy, step_mode: bool = False
) -> widgets.Widget:
    """The case-study panel, or an error card if it cannot be built (never raises)."""
    return guarded(content, f"case study {getattr(case_study, 'id', '?')}",
                   lambda: CaseStudyView(content, case_study, step_mode=step_mode),
                   item=case_study)


def case_studies_page(content: Content, step_mode: bool = False) -> widgets.VBox:
    """Every case study in order, then an error card for each case-study file that is broken."""

    def build() -> widgets.VBox:
        items: list[widgets.Widget] = [
            case_study_widget(content, case, step_mode=step_mode)
            for case in content.case_studies
        ]
        items += error_cards_for(content, "case_studies")
        page = widgets.VBox(children=items)
        page.add_class("is-case-studies")
        return page

    result = guarded(content, "the case studies", build)
    if isinstance(result, widgets.VBox):
        return result
    return widgets.VBox(children=[result])
