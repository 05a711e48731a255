"""The case-study panel as a learner meets it, driven without a browser."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from h4_samples import (
    IMG,
    SCRIPT,
    assert_inert,
    case_study,
    case_yaml,
    content_folder,
    make_content,
    ui,
)

from infoshare_widgets.case_study import CaseStudyView, case_studies_page, case_study_widget
from infoshare_widgets.content.markdown import escape
from infoshare_widgets.ui.reveal_widget import RevealWidget


def questions(view: CaseStudyView) -> list[RevealWidget]:
    found = [w for w in view.children if isinstance(w, RevealWidget)]
    assert found, "the panel shows no questions"
    return found


def test_story_comes_first_with_name_about_and_source() -> None:
    view = case_study_widget(make_content(), case_study())
    header = view.children[0].value
    assert "<h2>Sam</h2>" in header and "Young carer" in header
    assert "Sam is <em>twelve</em>" in header
    assert "A practice scenario" in view.children[-1].value
    assert ui("app", "source_label") in view.children[-1].value


def test_each_prompt_has_a_thoughts_box_named_by_its_case_and_question() -> None:
    boxes = questions(case_study_widget(make_content(), case_study()))
    assert [b.heading for b in boxes] == ["What is worrying you?", "Who would you contact?",
                                          "How would you follow up?"]
    for box in boxes:
        assert box.note_label == ui("case_study", "your_thoughts")
        assert box.note_hint == ""  # "not saved" is said once for the page (issue 14)
        assert box.context == ui("case_study", "thoughts_for").format(name="Sam")
        assert box.button_more == ui("case_study", "reveal_for").format(name="Sam",
                                                                       prompt=box.heading)
        assert box.secondary and box.max_length == 5000
        assert box.count_words["left"] == ui("app", "count_left")
        assert box.heading_level == 3


def test_the_warning_is_given_once_above_the_case_studies_for_learners_only() -> None:
    def warnings(page) -> list[str]:
        return [w.value for w in page.children
                if "is-warning-text" in getattr(w, "value", "")]

    content = make_content(case_studies=[case_study()])
    learner = warnings(case_studies_page(content))
    assert len(learner) == 1
    assert escape(ui("case_study", "practice_only")) in learner[0]
    assert ui("app", "warning_label") in learner[0]
    assert warnings(case_studies_page(content, facilitator=True)) == []


def test_model_points_are_not_on_the_page_until_revealed_then_all_at_once() -> None:
    box = questions(case_study_widget(make_content(), case_study()))[0]
    assert (box.items, box.expanded) == ([], False)
    assert box.button_label == ui("case_study", "reveal")
    box.press()
    assert box.items == ["Sam is often late", "Sam looks tired", "Sam's mother is unwell"]
    # A fixed label: aria-expanded (from `expanded`) says it is open (issue 14).
    assert box.expanded and box.button_label == ui("case_study", "reveal")
    assert box.status == ""
    box.press()
    assert (box.items, box.expanded) == ([], False)


def test_the_button_press_message_from_the_page_reveals() -> None:
    box = questions(case_study_widget(make_content(), case_study()))[1]
    box._on_message(box, {"event": "something else"}, [])
    box._on_message(box, "press", [])
    assert box.items == []
    box._on_message(box, {"event": "press"}, [])
    assert box.items == ["The school's designated safeguarding lead"]


def test_step_mode_reveals_one_point_at_a_time_and_says_when_all_are_shown() -> None:
    box = questions(case_study_widget(make_content(), case_study(), step_mode=True))[0]
    assert box.button_label == ui("case_study", "next_point")
    box.press()
    assert len(box.items) == 1 and box.expanded
    assert box.status == ui("case_study", "step_progress").format(shown=1, total=3)
    box.press()
    box.press()
    assert len(box.items) == 3
    assert box.status == ui("case_study", "all_shown").format(total=3)
    assert box.button_label == ui("case_study", "hide")


def test_value_reports_which_questions_were_revealed_but_never_the_notes() -> None:
    view = case_study_widget(make_content(), case_study())
    boxes = questions(view)
    boxes[2].press()
    assert view.value == {"id": "sample-case", "revealed": ["follow-up"]}
    assert "note" not in boxes[0].keys  # the note box's text never reaches the kernel


def test_unsafe_text_in_story_points_and_typed_notes_stays_inert(caplog) -> None:
    case = case_study(
        name=f"Sam {IMG}", about=SCRIPT, story=f"Story {IMG} {SCRIPT}",
        questions=[{"id": "q", "prompt": f"What {SCRIPT}?", "points": [IMG, f"x {SCRIPT}"]}],
        source=IMG,
    )
    with caplog.at_level(logging.DEBUG):
        view = case_study_widget(make_content(), case)
        box = questions(view)[0]
        box.press()
    assert isinstance(view, CaseStudyView)
    for html in [w.value for w in view.children if hasattr(w, "value")
                 and isinstance(w.value, str)] + box.items:
        assert_inert(html)
    # The prompt is plain text: reveal.js sets it as textContent.
    assert box.heading == f"What {SCRIPT}?"


def test_case_studies_page_shows_every_case_in_order_and_a_card_per_broken_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    content = content_folder(tmp_path, {
        "case_studies/zed.yaml": case_yaml("zed", "Zed", order=1),
        "case_studies/amy.yaml": case_yaml("amy", "Amy", order=2),
        "case_studies/bad.yaml": case_yaml("bad", "Bad").replace("audience: children",
                                                                 "audience: kids"),
    })
    with caplog.at_level(logging.WARNING):
        page = case_studies_page(content, step_mode=True)
    kinds = [type(w).__name__ for w in page.children]
    assert kinds == ["HTML", "CaseStudyView", "CaseStudyView", "HTML"]  # the warning first
    assert "is-warning-text" in page.children[0].value
    assert "<h2>Zed</h2>" in page.children[1].children[0].value
    assert "<h2>Amy</h2>" in page.children[2].children[0].value
    assert questions(page.children[1])[0].button_label == ui("case_study", "next_point")
    card = page.children[3].value
    assert ui("app", "error_title") in card
    assert "<code>case_studies/bad.yaml</code>" in card
    assert "case_studies/bad.yaml:4: audience: must be one of" in caplog.text


@pytest.mark.parametrize("broken", [None, "not a case study"])
def test_factory_never_raises_and_logs_the_traceback(broken: object, caplog) -> None:
    with caplog.at_level(logging.ERROR):
        card = case_study_widget(make_content(), broken)  # type: ignore[arg-type]
    assert ui("app", "error_title") in card.value
    assert any(r.exc_info for r in caplog.records)


def test_page_never_raises(caplog) -> None:
    page = case_studies_page(None)  # type: ignore[arg-type]
    assert ui("app", "error_title") not in page.children[0].value  # no wording without content
    assert "error title" in page.children[0].value
    assert any(r.exc_info for r in caplog.records)


def test_panel_still_works_when_ui_wording_is_broken() -> None:
    from infoshare_widgets.content import Content

    view = case_study_widget(Content(root=Path("/c")), case_study())  # ui.yaml failed: ui None
    assert isinstance(view, CaseStudyView)
    box = questions(view)[0]
    assert box.button_label == "reveal" and box.note_label == "your thoughts"
    box.press()
    assert len(box.items) == 3


def test_shipped_case_studies_all_build() -> None:
    from infoshare_widgets.content import load_content

    content = load_content()
    page = case_studies_page(content)
    assert len(content.case_studies) >= 4
    assert [type(w).__name__ for w in page.children] == ["HTML"] + ["CaseStudyView"] * len(
        content.case_studies)  # the warning, then the cases (sound: no error card)


def test_a_learners_stories_are_the_pages_own_html_and_the_points_are_not() -> None:
    """Issue 26: the story, links and source arrive with the page; the questions and their
    model points stay in the widget, revealed on request; hostile text stays text."""
    from infoshare_widgets.case_study import case_studies_parts
    from infoshare_widgets.content.markdown import clean_page_html
    from infoshare_widgets.ui.blocks import StaticHTML

    case = case_study(name=f"Sam {SCRIPT}", story=f"Sam is *twelve*. {IMG}")
    parts = case_studies_parts(make_content(case_studies=[case])).children
    assert [type(p).__name__ for p in parts] == ["StaticHTML", "StaticHTML", "CaseStudyView",
                                                 "StaticHTML"]  # warning, story, questions, source
    assert 'class="is-warning-text"' in parts[0].value
    story, view, source = parts[1], parts[2], parts[3]
    assert "Sam is <em>twelve</em>" in story.value and "&lt;script&gt;" in story.value
    assert_inert(story.value)
    assert clean_page_html(story.value) == story.value  # the served page keeps it as it is
    assert ui("app", "source_label") in source.value
    page_text = "".join(p.value for p in parts if isinstance(p, StaticHTML))
    for question in case.questions:
        assert all(point not in page_text for point in question.points)
    assert [type(w).__name__ for w in view.children] == ["RevealWidget"] * len(case.questions)
