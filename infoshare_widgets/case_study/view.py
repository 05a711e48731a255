"""The case-study panel: the story, then each question with a note box and the model points."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from ..content import Content, models
from ..content.markdown import escape
from ..content.templates import fill
from ..ui.blocks import Parts, StaticHTML, prose, static
from ..ui.error_card import error_cards_for
from ..ui.notes import notes_html
from ..ui.progress_format import prompt_key
from ..ui.reveal import RevealWording
from ..ui.reveal_widget import RevealWidget
from ..ui.safe_build import guarded
from ..ui.shared_html import draft_html, heading_html, source_html
from ..ui.text_boxes import count_words, warning_text
from .model import CaseStudyPanel

MAX_NOTE = 5000  # characters: the note box's count says so; nothing is cut


def reveal_wording(content: Content) -> RevealWording:
    """The button keeps "Reveal the model points" (aria-expanded says open or not)."""
    def t(key: str) -> str:
        return content.text("case_study", key)

    return RevealWording(reveal=t("reveal"), next=t("next_point"), hide=t("hide"),
                         progress=t("step_progress"), done=t("all_shown"),
                         all=content.text("facilitator", "reveal_all"), fixed=True)


def case_warning_html(content: Content) -> str:
    """Said once above the case studies, not under every box: practice details only, and
    nothing typed is saved (GOV.UK warning text)."""
    words = [content.text("case_study", key) for key in ("practice_only", "not_saved")]
    return warning_text(content, escape(" ".join(words)))


def case_anchor(case: models.CaseStudy) -> str:
    """The id of a case study's heading, the target of the facilitator's jump list."""
    return f"is-case-{case.id}"


def jump_list(content: Content, cases: list[models.CaseStudy], as_widget: bool = True) -> Any:
    """A facilitator's list of the page's case studies, for a session that uses only one
    (``as_widget=False``: the page's own HTML)."""
    label = escape(content.text("facilitator", "jump_label"))
    items = "".join(f'<li><a href="#{case_anchor(c)}">{escape(c.name)}</a></li>'
                    for c in cases)
    return (prose if as_widget else static)(
        f'<nav class="is-case-jump" aria-label="{label}"><p><strong>{label}</strong>'
        f"</p><ul>{items}</ul></nav>", "is-case-jump")


SeeAlso = Callable[[models.CaseStudy], str]  # a case -> safe HTML linking the topics it names


class CaseStudyView(widgets.VBox):
    """One case study. Its children are private; ``value`` reports what was revealed.

    ``story_apart``: the story (and, after the questions, the links and source) are not among
    its children but in ``before`` and ``after``, as the page's own HTML (``ui.blocks``).
    """

    def __init__(self, content: Content, case: models.CaseStudy, step_mode: bool = False,
                 facilitator: bool = False,
                 see_also: SeeAlso | None = None, story_apart: bool = False) -> None:
        """``facilitator``: points one at a time, the case's notes, and no box to type in."""
        step_mode = step_mode or facilitator
        self._panel = CaseStudyPanel(case, step_mode=step_mode)
        wording = reveal_wording(content)
        heading = heading_html(2, case.name)
        if facilitator:  # a jump target that takes focus, so a clicker's keys work after a jump
            heading = heading_html(2, case.name, element_id=case_anchor(case))
            heading = heading.replace(">", ' tabindex="-1">', 1)
        notes = (notes_html(content.text("facilitator", "notes_label"), case.facilitator_notes)
                 if facilitator else "")
        block = static if story_apart else prose
        header = block(
            f"{heading}{draft_html(content, case)}"
            f'<p class="is-case-about"><em>{escape(case.about)}</em></p>'
            f"{self._panel.story_html}{notes}",
            "is-case-story",
        )
        def t(key: str) -> str:
            return content.text("case_study", key)

        self._questions = [
            RevealWidget(
                self._panel.reveals[q.id],
                wording,
                progress_key=prompt_key(case, q),
                heading=q.prompt,
                heading_level=3,
                note_label="" if facilitator else t("your_thoughts"),
                context=fill(t("thoughts_for"), name=case.name),
                button_more=fill(t("reveal_for"), name=case.name, prompt=q.prompt),
                secondary=not facilitator,
                count_words=count_words(content), max_length=MAX_NOTE,
                panel_heading=t("points_heading"),
                as_list=True,
            )
            for q in case.questions
        ]
        after: list = []
        if extra := see_also(case) if see_also else "":  # the topics to read with this case
            after.append(block(extra, "is-case-see-also"))
        if case.source:
            after.append(block(source_html(content, case.source), "is-case-source"))
        super().__init__(children=self._questions if story_apart
                         else [header, *self._questions, *after])
        self.before: list[StaticHTML] = [header] if story_apart else []
        self.after: list[StaticHTML] = after if story_apart else []
        self.add_class("is-case-study")
        # a facilitator's clicker keys find the questions of a story given apart (reveal.js)
        self.add_class(f"is-case-for-{case.id}")

    @property
    def value(self) -> dict[str, object]:
        """The case and the questions whose points were all revealed (no learner notes)."""
        return self._panel.state()


def case_study_widget(
    content: Content, case_study: models.CaseStudy, step_mode: bool = False,
    facilitator: bool = False, see_also: SeeAlso | None = None,
) -> widgets.Widget:
    """The case-study panel, or an error card if it cannot be built (never raises)."""
    return guarded(content, f"case study {getattr(case_study, 'id', '?')}",
                   lambda: CaseStudyView(content, case_study, step_mode=step_mode,
                                         facilitator=facilitator, see_also=see_also),
                   item=case_study)


def case_studies_page(content: Content, step_mode: bool = False,
                      facilitator: bool = False, see_also: SeeAlso | None = None
                      ) -> widgets.VBox:
    """Every case study in order, then an error card for each case-study file that is broken.

    For a facilitator, a list at the top jumps to one case study.
    """

    def build() -> widgets.VBox:
        items: list[widgets.Widget] = [
            case_study_widget(content, case, step_mode=step_mode, facilitator=facilitator,
                              see_also=see_also)
            for case in content.case_studies
        ]
        if facilitator and content.case_studies:
            items.insert(0, jump_list(content, list(content.case_studies)))
        elif content.case_studies:  # a learner's boxes: the warning, once for the page
            items.insert(0, prose(case_warning_html(content), "is-case-warning"))
        items += error_cards_for(content, "case_studies")
        page = widgets.VBox(children=items)
        page.add_class("is-case-studies")
        return page

    result = guarded(content, "the case studies", build)
    if isinstance(result, widgets.VBox):
        return result
    return widgets.VBox(children=[result])


def case_studies_parts(content: Content, see_also: SeeAlso | None = None,
                       facilitator: bool = False) -> Parts:
    """The case studies: a learner's warning (a facilitator's jump list), then each story as
    the page's own HTML (readable before any widget is drawn), its questions, its links and
    source; a card per broken file. A facilitator's story carries the case's notes, and the
    clicker's keys find its questions by the heading's id (``reveal.js``)."""
    cases = list(content.case_studies)
    parts: list = []
    if cases:
        parts.append(jump_list(content, cases, as_widget=False) if facilitator
                     else static(case_warning_html(content), "is-case-warning"))
    for case in cases:
        view = guarded(content, f"case study {case.id}", item=case,
                       build=lambda case=case: CaseStudyView(
                           content, case, facilitator=facilitator, see_also=see_also,
                           story_apart=True))
        parts += Parts.around(view).children
    return Parts(parts + error_cards_for(content, "case_studies"), "is-case-studies")
